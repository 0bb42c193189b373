/**
 * The one way a run's result reaches people: a run ends in one `RunReport`, and `publish` renders
 * it, always in this order, into the log (a group per configuration, annotations), the outputs,
 * the job summary, and the pull request comment (whose protocol lines plan-comment.ts writes,
 * keeping the approval and the record of every apply attempt), plus one short notification when
 * an apply failed or was refused. Also the facts every report states: the instance, the run, the
 * commits reviewers know, links to files at the head commit.
 */
import { ActionError, InputError, toActionError, type InputLocation } from '../core/errors.js'
import type { ExportReport } from '../core/export.js'
import {
  parseGitHubSettings,
  type GitHubSettings,
  type RawInputs,
  type Settings
} from '../core/inputs.js'
import { CHANGING_STATUSES, type Failure } from '../core/outcome.js'
import type { RedactedOutcome } from '../core/redact.js'
import type { PlanEntry } from '../core/fingerprint.js'
import type { ReportFacts } from '../core/render/parts.js'
import { renderFailureSummary, renderSummary } from '../core/render/summary.js'
import { renderLog, renderOutputs } from '../core/render/log-and-outputs.js'
import type { Opened, PullRequestSession } from '../io/github.js'
import type { Runner } from '../io/runner.js'
import { commitLinks, runLink, type RunContext } from '../io/run-context.js'
import type { Approval } from './approval.js'

/** How a run ended, as one value: everything a person reads is rendered from it. */
export type RunReport =
  | {
      kind: 'changes'
      context: RunContext
      settings: Settings
      outcomes: RedactedOutcome[]
      failure: Failure | undefined
      /** Set when the apply was gated by `require-approved-plan`. */
      approval?: Approval
    }
  | {
      kind: 'export'
      context: RunContext
      settings: Settings
      outcomes: RedactedOutcome[]
      failure: Failure | undefined
      directory: string
      exported: ExportReport
    }
  | {
      kind: 'failed-early'
      context: RunContext
      failure: Failure
      location?: InputLocation
      /** Where the comment goes, when the inputs asked for one and could be read that far. */
      github?: GitHubSettings
    }

const REFUSED_AS: Partial<Record<Failure['reason'], string>> = {
  'plan-changed': 'the plan changed',
  'no-approved-plan': 'no approved plan'
}

export async function publish(report: RunReport, runner: Runner, session?: Opened): Promise<void> {
  if (report.kind === 'failed-early') return publishEarlyFailure(report, runner, session)
  const { outcomes, failure, settings, context } = report
  const approval = report.kind === 'changes' ? report.approval : undefined
  const refused = approval?.approved === false
  const opened = session && 'pull' in session ? session : undefined
  const facts = {
    ...reportFacts(settings, context, refused, opened),
    ...(refused
      ? { refusedAs: REFUSED_AS[failure?.reason ?? 'internal'] ?? 'the plan could not be checked' }
      : {})
  }
  // The reason may quote GitHub's words: scrubbed, as everything rendered is.
  const refusal =
    approval?.approved === false
      ? {
          message: runner.scrub(approval.failure.message),
          ...(approval.approvedEntries
            ? await sinceApproval(approval.approvedEntries, outcomes, facts)
            : {})
        }
      : undefined

  // 1. The log: a group per configuration (an export lists its files instead), and annotations.
  for (const outcome of outcomes) {
    if (report.kind === 'export') {
      if (outcome.error) {
        runner.error(outcome.error.message, { title: `LaunchDarkly: ${outcome.label}` })
      }
      continue
    }
    const { title, body } = renderLog(outcome)
    runner.group(title, body)
    const where = {
      file: outcome.file,
      line: outcome.line,
      title: `LaunchDarkly: ${outcome.name ?? outcome.label}`
    }
    for (const warning of outcome.warnings) runner.warning(warning, where)
    for (const notice of outcome.notices) runner.notice(notice, where)
    if (outcome.error) runner.error(outcome.error.message, where)
  }
  if (approval?.approved && approval.remainder) {
    runner.notice(
      `Finishing an approved plan an earlier attempt applied in part: ${approval.remainder.left} of its ${approval.remainder.total} configurations were left to write.`
    )
  }
  // 2. The outputs; 3. the summary.
  if (report.kind === 'export') {
    const { exported } = report
    runner.setOutputs({
      ...renderOutputs(outcomes, failure, facts),
      'exported-files': JSON.stringify(exported.files.map(file => file.path)),
      'secret-variables': JSON.stringify(exported.variables.map(variable => variable.name))
    })
    const { renderExportSummary } = await import('../core/render/export.js')
    await runner.writeSummary(
      renderExportSummary(exported, outcomes, { ...facts, directory: report.directory })
    )
    const secrets = exported.variables.length
    if (secrets > 0) {
      runner.notice(
        `The exported files refer to ${secrets} secret${secrets === 1 ? '' : 's'} as \${VAR}: create them as repository secrets (the job summary lists them, with the env: block to paste).`
      )
    }
    return
  }
  runner.setOutputs(renderOutputs(outcomes, failure, facts))
  await runner.writeSummary(renderSummary(outcomes, { ...facts, refusal }))
  // 4. What the run means, as one annotation.
  if (failure?.reason === 'drift') runner.error(failure.message, { title: 'LaunchDarkly: drift' })
  else if (refused && failure) runner.error(failure.message, { title: 'LaunchDarkly: not applied' })
  else if (failure && outcomes.length > 1) runner.info(failure.message)
  const changing = outcomes.filter(o => CHANGING_STATUSES.includes(o.status)).length
  if (facts.dryRun && !refused && changing > 0) {
    runner.notice(
      `Dry run: nothing was written to LaunchDarkly. ${changing} configuration${changing === 1 ? '' : 's'} would change; run without \`dry-run\` to apply.`
    )
  }
  // 5. The comment, and a notification when an apply failed or was refused.
  if (!settings.comment || !settings.github || !session) return
  if (!opened) {
    if ('problem' in session) runner.warning(session.problem)
    return
  }
  // Loaded only when a run comments.
  const { writeComment } = await import('./comment.js')
  await writeComment(opened, runner, {
    outcomes,
    failure,
    settings,
    key: settings.github.key,
    context,
    facts,
    refusal
  })
}

/** What changed since the approval, and the approved plan: rendered only for a refusal. */
async function sinceApproval(
  approved: readonly PlanEntry[],
  outcomes: readonly RedactedOutcome[],
  facts: ReportFacts
): Promise<{ changed: string; approved: string }> {
  const { approvedPlan, changedSinceApproval } = await import('../core/render/approval.js')
  return {
    changed: changedSinceApproval(approved, outcomes),
    approved: approvedPlan(approved, facts)
  }
}

/** A run that failed before any configuration was looked at: one error, and the outputs say why. */
async function publishEarlyFailure(
  report: Extract<RunReport, { kind: 'failed-early' }>,
  runner: Runner,
  session: Opened | undefined
): Promise<void> {
  const { failure, location, context } = report
  runner.setOutputs({ changed: 'false', 'failure-reason': failure.reason, results: '[]' })
  runner.error(
    failure.message,
    location ? { ...location, title: 'LaunchDarkly: invalid input' } : undefined
  )
  const message = runner.scrub(failure.message)
  await runner.writeSummary(
    renderFailureSummary(
      message,
      location?.file ? { file: location.file, line: location.line } : undefined
    )
  )
  // A reviewer should see on the pull request why the plan could not be made, not only in the log.
  if (report.github && session && 'pull' in session) {
    const { writeFailureComment } = await import('./comment.js')
    await writeFailureComment(session, runner, {
      message,
      key: report.github.key,
      context,
      location
    })
  }
}

/** What the report says of the run: the instance, the run, the commits, where files link to. */
export function reportFacts(
  settings: Settings,
  context: RunContext,
  refused: boolean,
  session?: PullRequestSession
): ReportFacts & { refused: boolean } {
  // On a pull request, the commit reviewers know is its head, not GITHUB_SHA (a merge commit).
  const headSha = session?.pull.headSha ?? context.pullRequest?.headSha ?? context.sha
  const links = commitLinks(context, headSha)
  const merged = context.eventName === 'push' && session && context.sha !== headSha
  return {
    dryRun: settings.dryRun || refused,
    refused,
    failOnDrift: settings.failOnDrift,
    instance: settings.baseUri.host,
    run: runLink(context),
    head: headSha ? { sha: headSha, url: links.commitUrl(headSha) } : undefined,
    merge:
      merged && context.sha ? { sha: context.sha, url: links.commitUrl(context.sha) } : undefined,
    fileUrl: links.fileUrl
  }
}

/**
 * Where the exported files' `$schema` line points: this action's schema at the version running
 * (GITHUB_ACTION_REPOSITORY and GITHUB_ACTION_REF), or, for a local action (`uses: ./`), the
 * schema in the workspace, relative to the files.
 */
export function schemaReference(context: RunContext, directory: string): string {
  const { actionRepository, actionRef } = context
  if (actionRepository && actionRef) {
    return `https://raw.githubusercontent.com/${actionRepository}/${actionRef}/schema/desired-state.schema.json`
  }
  const depth = directory.split('/').filter(part => part !== '' && part !== '.').length
  return `${'../'.repeat(depth)}schema/desired-state.schema.json`
}

/** A run that failed before any configuration was looked at (bad input, or a bug), as a report. */
export function reportOfFailure(error: unknown, raw: RawInputs, context: RunContext): RunReport {
  const failure = describeFailure(error)
  const location = error instanceof InputError ? error.location : undefined
  let github: GitHubSettings | undefined
  try {
    github =
      raw['comment-on-pr'].trim().toLowerCase() === 'true' ? parseGitHubSettings(raw) : undefined
  } catch {
    github = undefined
  }
  return {
    kind: 'failed-early',
    context,
    failure,
    ...(location ? { location } : {}),
    // A bug of the action's is said in the log only: only a failure it understood is commented.
    ...(github && error instanceof ActionError ? { github } : {})
  }
}

export function describeFailure(error: unknown): Failure {
  if (error instanceof ActionError) return { message: error.message, reason: error.reason }
  return {
    message: `Unexpected error: ${toActionError(error).message}. This is a bug in the action: please report it with this log.`,
    reason: 'internal'
  }
}
