/**
 * The one way a run's result reaches people: a run ends in one `RunReport`, and `publish` renders
 * it, always in this order, into the log (a group per configuration, annotations), the outputs,
 * the job summary, and the pull request comment (whose protocol lines plan-comment.ts writes,
 * keeping the approval and the record of every apply attempt), plus one short notification when
 * an apply failed or was refused. Also the facts every report states: the instance, the run, the
 * commits reviewers know, links to files at the head commit.
 */
import type { ExportReport } from '../core/export.js'
import type { Settings } from '../core/inputs.js'
import { CHANGING_STATUSES, runFailure, type Failure, type Outcome } from '../core/outcome.js'
import type { RedactedOutcome } from '../core/redact.js'
import type { ReportFacts } from '../core/render/parts.js'
import { renderSummary } from '../core/render/summary.js'
import { renderLog, renderLogAccount, renderOutputs } from '../core/render/log-and-outputs.js'
import { renderUndo, undoLogLine } from '../core/render/undo.js'
import type { Scrubber } from '../core/secrets.js'
import { undoOf, undoOutputs } from '../core/undo.js'
import type { Opened, PullRequestSession } from '../io/github.js'
import type { Runner } from '../io/runner.js'
import { commitLinks, runLink, type RunContext } from '../io/run-context.js'
import type { Approval } from './approval.js'
import type { EarlyFailure } from './early-failure.js'

/** The undo of what a run wrote (core/undo.ts): its outputs, its log line, its summary section. */
export interface UndoReport {
  outputs: Record<string, string>
  logLine?: string
  summary?: string
}

/** What the changes of a run came to: each outcome, as done and as shown, and the gate's verdict. */
export interface Settled {
  outcomes: Outcome[]
  /** The same, as reports show them (secrets redacted). */
  redacted: RedactedOutcome[]
  /** Set when the plan was judged: by `require-approved-plan`, or by the guardrails. */
  approval: Approval | undefined
}

/** The report of a run that changed configurations (or, in a dry run, said what would change). */
export function reportOfChanges(
  { outcomes, redacted, approval }: Settled,
  settings: Settings,
  context: RunContext,
  scrubber: Scrubber
): RunReport {
  const failure =
    approval?.approved === false
      ? approval.failure
      : runFailure(redacted, reportFacts(settings, context, false))
  return {
    kind: 'changes',
    context,
    settings,
    outcomes: redacted,
    failure,
    approval,
    undo: undoReport(outcomes, scrubber)
  }
}

/** The undo of what the run wrote: its outputs, its line in the log, its job summary section. */
function undoReport(outcomes: readonly Outcome[], scrubber: Scrubber): UndoReport {
  const written = outcomes.some(o => ['created', 'updated', 'deleted'].includes(o.status))
  if (!written) return { outputs: { undo: '{}', 'undo-patch': '' } }
  const undo = undoOf(outcomes, scrubber)
  return {
    outputs: undoOutputs(undo, outcomes.length),
    logLine: undoLogLine(undo, outcomes.length === 1),
    summary: renderUndo(undo)
  }
}

/** How a run ended, as one value: everything a person reads is rendered from it. */
export type RunReport =
  | {
      kind: 'changes'
      context: RunContext
      settings: Settings
      outcomes: RedactedOutcome[]
      failure: Failure | undefined
      /** Set when the plan was judged: by `require-approved-plan`, or by the guardrails. */
      approval?: Approval
      /** The undo of what the run wrote. */
      undo: UndoReport
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
  | EarlyFailure

export async function publish(report: RunReport, runner: Runner, session?: Opened): Promise<void> {
  if (report.kind === 'failed-early') {
    // Loaded only when a run could not start.
    const { publishEarlyFailure } = await import('./early-failure.js')
    return publishEarlyFailure(report, runner, session)
  }
  const { outcomes, failure, settings, context } = report
  const approval = report.kind === 'changes' ? report.approval : undefined
  const refused = approval?.approved === false
  const opened = session && 'pull' in session ? session : undefined
  const plain = reportFacts(settings, context, refused, opened)
  // What the gate decided, in words: loaded with the gate, by the runs it guards.
  const said = approval
    ? await (await import('./approval.js')).describeApproval(approval, outcomes, plain, runner)
    : undefined
  const facts = { ...plain, ...(said?.refusedAs ? { refusedAs: said.refusedAs } : {}) }
  const refusal = said?.refusal

  // 0. The way back: the undo's outputs and its line in the log, before anything else is said.
  const undo = report.kind === 'changes' ? report.undo : undefined
  if (undo) {
    runner.setOutputs(undo.outputs)
    if (undo.logLine) runner.info(undo.logLine)
  }
  // 1. The log: the unchanged configurations in one line, a group for each of the others (an
  // export lists its files instead), and annotations.
  const account = report.kind === 'export' ? undefined : renderLogAccount(outcomes)
  const grouped = new Set(account?.groups)
  if (account?.unchanged) runner.info(account.unchanged)
  for (const outcome of outcomes) {
    if (report.kind === 'export') {
      if (outcome.error) {
        runner.error(outcome.error.message, { title: `LaunchDarkly: ${outcome.label}` })
      }
      continue
    }
    if (grouped.has(outcome)) {
      const { title, body } = renderLog(outcome)
      runner.group(title, body)
    }
    const where = {
      file: outcome.file,
      line: outcome.line,
      title: `LaunchDarkly: ${outcome.name ?? outcome.label}`
    }
    for (const warning of outcome.warnings) runner.warning(warning, where)
    for (const notice of outcome.notices) runner.notice(notice, where)
    if (outcome.error) runner.error(outcome.error.message, where)
  }
  if (said?.notice) runner.notice(said.notice)
  // 2. The outputs; 3. the summary.
  if (report.kind === 'export') {
    const { exported } = report
    runner.setOutputs({
      ...renderOutputs(outcomes, failure, facts),
      undo: '{}',
      'undo-patch': '',
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
  await runner.writeSummary(renderSummary(outcomes, { ...facts, refusal, undo: undo?.summary }))
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

/** What the report says of the run: the instance, the run, the commits, where files link to. */
export function reportFacts(
  settings: Settings,
  context: RunContext,
  refused: boolean,
  session?: PullRequestSession
): ReportFacts & { refused: boolean } {
  // On a pull request, the commit reviewers know is its head, not GITHUB_SHA (a merge commit).
  // Without one (a schedule, a push whose pull request is not known), the commit checked out is
  // named as a commit: calling a merge commit "head" would name the wrong one.
  const pullHead = session?.pull.headSha ?? context.pullRequest?.headSha
  const links = commitLinks(context, pullHead ?? context.sha)
  const merged = context.eventName === 'push' && session && context.sha !== pullHead
  return {
    dryRun: settings.dryRun || refused,
    refused,
    // A dry run is refused only by a guardrail (require-approved-plan is for the apply).
    refusedPlan: refused && settings.dryRun,
    failOnDrift: settings.failOnDrift,
    instance: settings.baseUri.host,
    run: runLink(context),
    pull: pullOf(context, session),
    head: pullHead ? { sha: pullHead, url: links.commitUrl(pullHead) } : undefined,
    merge:
      merged && context.sha ? { sha: context.sha, url: links.commitUrl(context.sha) } : undefined,
    commit:
      !pullHead && context.sha
        ? { sha: context.sha, url: links.commitUrl(context.sha) }
        : undefined,
    fileUrl: links.fileUrl
  }
}

function pullOf(
  context: RunContext,
  session: PullRequestSession | undefined
): { number: number; url?: string } | undefined {
  if (session) return { number: session.pull.number, url: session.pull.url }
  const event = context.pullRequest
  return event ? { number: event.number, url: event.url } : undefined
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
