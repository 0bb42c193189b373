/**
 * The one way a run's result reaches people: a run ends in one `RunReport`, and `publish` renders
 * it, always in this order, into the log (a group per configuration, annotations), the outputs,
 * the job summary, and the pull request comment (whose protocol lines plan-comment.ts writes,
 * keeping the approval and the record of every apply attempt), plus one short notification when
 * an apply failed or was refused. Also the facts every report states: the instance, the run, the
 * commits reviewers know, links to files at the head commit.
 */
import type { InputLocation } from '../core/errors.js'
import type { ExportReport } from '../core/export.js'
import { configurationKey, planEntries, planFingerprint } from '../core/fingerprint.js'
import type { GitHubSettings, Settings } from '../core/inputs.js'
import { CHANGING_STATUSES, type Failure } from '../core/outcome.js'
import {
  formatComment,
  protocolLength,
  type ApplyAttempt,
  type CommentState,
  type PlanComment
} from '../core/plan-comment.js'
import type { RedactedOutcome } from '../core/redact.js'
import { approvedPlan, attemptHistory, changedSinceApproval } from '../core/render/approval.js'
import { COMMENT_LIMIT, renderComment, renderFailureComment } from '../core/render/comment.js'
import { renderExportSummary } from '../core/render/export.js'
import { link, text } from '../core/render/markdown.js'
import { headline, type ReportFacts } from '../core/render/plan.js'
import { renderFailureSummary, renderSummary } from '../core/render/summary.js'
import { renderLog, renderOutputs } from '../core/report.js'
import type { Opened, PullRequestSession } from '../io/github.js'
import type { Runner } from '../io/runner.js'
import { runUrl, type RunContext } from '../io/run-context.js'
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
            ? {
                changed: changedSinceApproval(approval.approvedEntries, outcomes),
                approved: approvedPlan(approval.approvedEntries, facts)
              }
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
  const key = settings.github.key
  const previous = opened.comment
  const plan = settings.dryRun && !refused
  const state: CommentState = {
    ...(plan
      ? { approved: planEntries(outcomes) }
      : previous?.state.approved
        ? { approved: previous.state.approved }
        : {}),
    attempts: [
      ...(previous?.state.attempts ?? []),
      ...(settings.dryRun ? [] : [attemptOf(outcomes, failure, refused, context)])
    ]
  }
  const protocol: Omit<PlanComment, 'version'> = {
    key,
    ...(plan
      ? { fingerprint: planFingerprint(outcomes, opened.pull.url) }
      : previous?.fingerprint
        ? { fingerprint: previous.fingerprint }
        : {}),
    state
  }
  const markdown = renderComment(outcomes, {
    ...reportFacts(settings, context, refused, opened),
    ...facts,
    key,
    refusal,
    history: attemptHistory(state.attempts, runIdUrl(context)),
    summaryUrl: runUrl(context),
    room: COMMENT_LIMIT - 1_000 - protocolLength(protocol)
  })
  const url = await opened.write(formatComment(protocol, markdown))
  if (url) runner.setOutputs({ 'comment-url': url })
  if (!settings.dryRun && (refused || failure)) {
    await notify(opened, headline(outcomes, facts), url, context)
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
  if (!report.github || !session || !('pull' in session)) return
  const links = commitLinks(context, session.pull.headSha ?? context.sha)
  const where = location?.file
    ? {
        file: location.file,
        line: location.line,
        url: links.fileUrl?.(location.file, location.line)
      }
    : undefined
  // What the comment approved, and its record, stay: a failed run takes nothing away.
  const previous = session.comment
  const state: CommentState = previous?.state ?? { attempts: [] }
  const key = report.github.key
  const body = formatComment(
    { key, ...(previous?.fingerprint ? { fingerprint: previous.fingerprint } : {}), state },
    renderFailureComment(message, {
      key,
      run: runLink(context),
      where,
      history: attemptHistory(state.attempts, runIdUrl(context))
    })
  )
  const url = await session.write(body)
  if (url) runner.setOutputs({ 'comment-url': url })
}

/** The record of this apply attempt, for the comment's state. */
function attemptOf(
  outcomes: readonly RedactedOutcome[],
  failure: Failure | undefined,
  refused: boolean,
  context: RunContext
): ApplyAttempt {
  const done = outcomes.filter(
    o => o.status === 'created' || o.status === 'updated' || o.status === 'deleted'
  )
  const failed = outcomes.filter(o => o.status === 'failed')
  return {
    runId: context.runId ?? '0',
    ...(context.runNumber ? { runNumber: context.runNumber } : {}),
    attempt: Number(context.runAttempt ?? '1') || 1,
    outcome: refused
      ? 'refused'
      : failed.length > 0
        ? done.length > 0
          ? 'partly-applied'
          : 'failed'
        : done.length > 0
          ? 'applied'
          : 'up-to-date',
    ...(failure ? { reason: failure.reason } : {}),
    written: refused ? 0 : done.length,
    failed: refused ? 0 : failed.length,
    ...(refused
      ? {}
      : {
          results: [...done, ...failed].map(o => ({
            configuration: configurationKey(o),
            status: o.status
          }))
        })
  }
}

/** One short new comment, so that people watching the pull request hear of the failure. */
async function notify(
  session: PullRequestSession,
  said: string,
  url: string | undefined,
  context: RunContext
): Promise<void> {
  const where = url ? link('the LaunchDarkly comment', url) : 'the LaunchDarkly comment'
  const run = link(text(runLink(context).label), runLink(context).url)
  await session.notify(
    `**LaunchDarkly · ${text(said, 400)}** in ${run}. What happened and what to do: ${where}.`
  )
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

export function runLink(context: RunContext): { label: string; url: string } {
  return { label: `run ${context.runNumber ?? context.runId ?? ''}`.trim(), url: runUrl(context) }
}

function runIdUrl(context: RunContext): (runId: string) => string | undefined {
  return runId =>
    context.repository
      ? `${context.serverUrl}/${context.repository.owner}/${context.repository.repo}/actions/runs/${encodeURIComponent(runId)}`
      : undefined
}

/** Links into the repository: a commit, and a file (and line) at the head commit. */
export function commitLinks(context: RunContext, headSha: string | undefined) {
  const repository = context.repository
  const base = repository
    ? `${context.serverUrl}/${repository.owner}/${repository.repo}`
    : undefined
  const path = (file: string) => file.split('/').map(encodeURIComponent).join('/')
  return {
    commitUrl: (sha: string) => (base ? `${base}/commit/${sha}` : undefined),
    fileUrl:
      base && headSha
        ? (file: string, line?: number) =>
            `${base}/blob/${headSha}/${path(file)}${line ? `#L${line}` : ''}`
        : undefined
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
