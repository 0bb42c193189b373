/**
 * One run: inputs → read and plan → (gate) → apply → report. The only module that knows every
 * stage; each client is made here and handed to the stage that needs it. Nothing is built at
 * import time, and nothing here touches the process: `index.ts` hands in the runner and sets the
 * exit code from the failure this returns, so a run can be made in-process (the tests do).
 */
import { ActionError, InputError, toActionError } from './core/errors.js'
import { guardrailsSet, type Guardrails } from './core/guardrail-types.js'
import {
  parseGitHubSettings,
  parseInputs,
  readRawInputs,
  secretInputs,
  type GitHubSettings,
  type Inputs,
  type RawInputs,
  type Settings
} from './core/inputs.js'
import { CHANGING_STATUSES, runFailure, type Failure, type Outcome } from './core/outcome.js'
import { redactOutcome, type RedactedOutcome } from './core/redact.js'
import { renderFailureSummary, renderSummary, type SummaryFacts } from './core/render/summary.js'
import {
  renderLog,
  renderLogAccount,
  renderOutputs,
  renderStartLine
} from './core/render/log-and-outputs.js'
import { Scrubber } from './core/secrets.js'
import { renderUndo, undoLogLine } from './core/render/undo.js'
import { undoOf, undoOutputs } from './core/undo.js'
import { workspaceFiles, workspaceTarget } from './io/files.js'
import type { GitHubPolicy, GitHubProblem, PullRequestSession } from './io/github.js'
import { LaunchDarklyClient } from './io/launchdarkly/client.js'
import type { Clock } from './io/launchdarkly/rate-limiter.js'
import type { RetryPolicy } from './io/launchdarkly/retry-policy.js'
import { readRunContext, runUrl, type RunContext } from './io/run-context.js'
import { commitLinks, reportFacts, runLink, schemaReference } from './report-facts.js'
import { actionsSink, Runner, type RunnerSink } from './io/runner.js'
import type { Approval } from './stages/approval.js'
import { planWork, settleAll, type ReconcileContext, type WorkPlan } from './stages/plan.js'
import { USER_AGENT } from './version.js'

/** What a run can be given besides the runner: the tests' clock and retry policies. */
export interface RunDependencies {
  clock?: Clock
  retry?: RetryPolicy
  github?: GitHubPolicy
}

/** How the run ended: the exit code follows from it. */
export interface RunResult {
  failure: Failure | undefined
}

type Session = PullRequestSession | GitHubProblem | undefined

/**
 * With no arguments, the runner @actions/core speaks to: the entry `index.ts` calls, and the one
 * `npx @github/local-action run . src/main.ts .env` calls (with its own @actions/core).
 */
export async function run(
  sink: RunnerSink = actionsSink(),
  dependencies: RunDependencies = {}
): Promise<RunResult> {
  const scrubber = new Scrubber()
  const runner = new Runner(sink, scrubber)
  const raw = readRawInputs(name => sink.input(name))
  // Masked before anything else happens, so that not even a failure can print them.
  runner.protect(secretInputs(raw))
  const context = readRunContext(sink.env)
  try {
    return await runStages(runner, scrubber, raw, context, dependencies)
  } catch (error) {
    // A bug of the action's: still one clear error, and the outputs say why.
    return failEarly(error, runner, raw, context, dependencies)
  }
}

async function runStages(
  runner: Runner,
  scrubber: Scrubber,
  raw: RawInputs,
  context: RunContext,
  dependencies: RunDependencies
): Promise<RunResult> {
  let settings: Settings
  let work
  let token: string
  try {
    const inputs = await parseInputs(raw, workspaceFiles(context.workspace), {
      environment: runner.sink.env,
      protect: values => runner.protect(values)
    })
    ;({ settings, work, token } = inputs)
    for (const warning of inputs.ignored) runner.warning(warning, { title: 'LaunchDarkly: input' })
    runner.info(renderStartLine(work, settings))
  } catch (error) {
    return failEarly(error, runner, raw, context, dependencies)
  }
  const client = new LaunchDarklyClient({
    baseUri: settings.baseUri,
    token,
    userAgent: USER_AGENT,
    timeoutMs: settings.requestTimeoutMs,
    concurrency: settings.concurrency,
    log: runner,
    scrub: text => runner.scrub(text),
    clock: dependencies.clock,
    retry: dependencies.retry
  })
  const stage: ReconcileContext = {
    client,
    settings,
    log: runner,
    protect: values => runner.protect(values)
  }
  // The pull request, opened once: before any write when the apply needs an approved plan.
  const github = settings.github
  let session: Promise<Session> | undefined
  const openSession = () =>
    (session ??= github
      ? connect(github, context, runner, dependencies)
      : Promise.resolve(undefined))

  if (work.kind === 'export') {
    const result = await runExport(work, { client, runner, scrubber, settings, context })
    runner.debug(`LaunchDarkly requests: ${JSON.stringify(client.stats)}`)
    return result
  }
  const planned = planWork(work, stage)
  const guardrails = settings.guardrails
  // Loaded only when a guardrail is set: most runs set none.
  const guards = guardrailsSet(guardrails) ? await import('./core/guardrails.js') : undefined
  const guarded = guards?.guardrailsFingerprint(guardrails) ?? ''
  let outcomes: Outcome[]
  let redacted: RedactedOutcome[] | undefined
  let approval: Approval = { approved: true }
  if (settings.requireApprovedPlan || (guards && !settings.dryRun)) {
    // Everything is read and planned before the gate; the apply then settles the same plans.
    const ready: WorkPlan = {
      configured: (await Promise.all(planned.configured)).map(p => Promise.resolve(p)),
      unmanaged: Promise.resolve(await planned.unmanaged)
    }
    // Loaded on first use, as the comment's renderer below: a patch-only run needs neither.
    const { checkApproval, incompletePlan } = await import('./stages/approval.js')
    const plan = await settleAll(ready, stage, true)
    const shownPlan = redactAll(plan, scrubber)
    approval =
      refusedByGuardrails(plan, guards, guardrails, runner) ??
      (!settings.requireApprovedPlan
        ? { approved: true }
        : shownPlan.some(o => o.status === 'failed')
          ? incompletePlan(shownPlan)
          : checkApproval(shownPlan, await openSession(), github?.key ?? '', guarded))
    if (approval.approved) outcomes = await settleAll(ready, stage, false)
    else [outcomes, redacted] = [plan, shownPlan]
  } else {
    outcomes = await settleAll(planned, stage, settings.dryRun)
    // A dry run is the plan reviewers see: refused by a guardrail as loudly as the apply would be.
    approval = refusedByGuardrails(outcomes, guards, guardrails, runner) ?? approval
  }
  runner.debug(`LaunchDarkly requests: ${JSON.stringify(client.stats)}`)

  redacted ??= redactAll(outcomes, scrubber)
  const refused = !approval.approved
  // The pull request, when the approval already found it: the summary then names the head, the
  // merge commit and the pull request, as the comment does.
  const known = session ? await session : undefined
  const facts = reportFacts(
    settings,
    context,
    refused,
    known && !('problem' in known) ? known : undefined
  )
  const failure = approval.approved ? runFailure(redacted, facts) : approval.failure
  const refusal = approval.approved
    ? undefined
    : // The reason may quote GitHub's words: scrubbed, as everything rendered is.
      { message: runner.scrub(approval.failure.message), approved: approval.approvedDetails }
  const undo = undoReport(outcomes, scrubber)
  runner.setOutputs(undo.outputs)
  if (undo.logLine) runner.info(undo.logLine)
  await report(runner, redacted, failure, { ...facts, refusal, undo: undo.summary })
  if (settings.comment && github) {
    const opened = await openSession()
    if (opened && !('problem' in opened)) {
      const [{ renderComment }, { planFingerprint }] = await Promise.all([
        import('./core/render/comment.js'),
        import('./core/fingerprint.js')
      ])
      const withPull = reportFacts(settings, context, refused, opened)
      const fingerprint = !approval.approved
        ? approval.fingerprint
        : settings.dryRun
          ? planFingerprint(redacted, opened.pull.url, guarded)
          : undefined
      const body = renderComment(redacted, {
        ...withPull,
        key: github.key,
        fingerprint,
        refusal,
        summaryUrl: runUrl(context)
      })
      const url = await opened.write(body)
      if (url) runner.setOutputs({ 'comment-url': url })
    } else if (opened) {
      runner.warning(opened.problem)
    }
  }
  return { failure }
}

/** An export: files instead of writes, and a report of what was written and the secrets to set. */
async function runExport(
  work: Extract<Inputs['work'], { kind: 'export' }>,
  parts: {
    client: LaunchDarklyClient
    runner: Runner
    scrubber: Scrubber
    settings: Settings
    context: RunContext
  }
): Promise<RunResult> {
  const { client, runner, scrubber, settings, context } = parts
  // Loaded on first use: only an export needs them (a patch-only run's start-up stays small).
  const [{ exportWork }, { reportOfExport }, { renderExportSummary }] = await Promise.all([
    import('./stages/export.js'),
    import('./core/export.js'),
    import('./core/render/export.js')
  ])
  const { outcomes, exported } = await exportWork(work, {
    client,
    files: workspaceTarget(context.workspace, 'export-to'),
    log: runner,
    schema: schemaReference(context, work.directory)
  })
  const redacted = redactAll(outcomes, scrubber)
  const facts = { ...reportFacts(settings, context, false), directory: work.directory }
  const failure = runFailure(redacted, facts)
  for (const outcome of redacted) {
    if (outcome.error)
      runner.error(outcome.error.message, { title: `LaunchDarkly: ${outcome.label}` })
  }
  // Names come from LaunchDarkly: scrubbed like every other string a report shows.
  const report = scrubber.scrubDeep(reportOfExport(exported))
  runner.setOutputs({
    ...renderOutputs(redacted, failure, facts),
    undo: '{}',
    'undo-patch': '',
    'exported-files': JSON.stringify(report.files.map(file => file.path)),
    'secret-variables': JSON.stringify(report.variables.map(variable => variable.name))
  })
  await runner.writeSummary(renderExportSummary(report, redacted, facts))
  const secrets = report.variables.length
  if (secrets > 0) {
    runner.notice(
      `The exported files refer to ${secrets} secret${secrets === 1 ? '' : 's'} as \${VAR}: create them as repository secrets (the job summary lists them, with the env: block to paste).`
    )
  }
  return { failure }
}

/**
 * The guardrails' verdict on the whole plan (nothing written yet), as a refused approval: the
 * report then says why, as loudly as a refused apply. Going over `max-changes` with
 * `allow-many-changes` is said in a warning.
 */
function refusedByGuardrails(
  plan: readonly Outcome[],
  guards: typeof import('./core/guardrails.js') | undefined,
  guardrails: Guardrails,
  runner: Runner
): Approval | undefined {
  if (!guards) return undefined
  const { allowedOverLimit, checkGuardrails } = guards
  const refusal = checkGuardrails(plan, guardrails)
  if (refusal)
    return { approved: false, failure: { reason: refusal.reason, message: refusal.message } }
  const over = allowedOverLimit(plan, guardrails)
  if (over) runner.warning(over, { title: 'LaunchDarkly: allow-many-changes' })
  return undefined
}

/** The undo of what the run wrote: its outputs, its line in the log, its job summary section. */
function undoReport(
  outcomes: readonly Outcome[],
  scrubber: Scrubber
): { outputs: Record<string, string>; logLine?: string; summary?: string } {
  const written = outcomes.some(o => ['created', 'updated', 'deleted'].includes(o.status))
  if (!written) return { outputs: { undo: '{}', 'undo-patch': '' } }
  const undo = undoOf(outcomes, scrubber)
  return {
    outputs: undoOutputs(undo, outcomes.length),
    logLine: undoLogLine(undo, outcomes.length === 1),
    summary: renderUndo(undo)
  }
}

function redactAll(outcomes: readonly Outcome[], scrubber: Scrubber): RedactedOutcome[] {
  return outcomes.map(outcome => redactOutcome(outcome, scrubber))
}

/** The GitHub client is loaded only now: most runs never need it. */
async function connect(
  settings: GitHubSettings,
  context: RunContext,
  runner: Runner,
  dependencies: RunDependencies
): Promise<Session> {
  const github = await import('./io/github.js')
  return github.openPullRequest(settings, context, runner, dependencies.github)
}

async function report(
  runner: Runner,
  redacted: readonly RedactedOutcome[],
  failure: Failure | undefined,
  facts: SummaryFacts
): Promise<void> {
  // The unchanged ones in one line; a group for each of the others.
  const account = renderLogAccount(redacted)
  const grouped = new Set(account.groups)
  if (account.unchanged) runner.info(account.unchanged)
  for (const outcome of redacted) {
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
  runner.setOutputs(renderOutputs(redacted, failure, facts))
  await runner.writeSummary(renderSummary(redacted, facts))
  if (failure?.reason === 'drift') runner.error(failure.message, { title: 'LaunchDarkly: drift' })
  else if (facts.refusal && failure) {
    runner.error(failure.message, { title: 'LaunchDarkly: not applied' })
  } else if (failure && redacted.length > 1) runner.info(failure.message)
  const changing = redacted.filter(o => CHANGING_STATUSES.includes(o.status)).length
  if (facts.dryRun && !facts.refusal && changing > 0) {
    runner.notice(
      `Dry run: nothing was written to LaunchDarkly. ${changing} configuration${changing === 1 ? '' : 's'} would change; run without \`dry-run\` to apply.`
    )
  }
}

/** A run that failed before any configuration was looked at: one error, and the outputs say why. */
async function failEarly(
  error: unknown,
  runner: Runner,
  raw: RawInputs,
  context: RunContext,
  dependencies: RunDependencies
): Promise<RunResult> {
  const failure = describeFailure(error)
  const location = error instanceof InputError ? error.location : undefined
  runner.setOutputs({
    changed: 'false',
    'failure-reason': failure.reason,
    results: '[]',
    undo: '{}',
    'undo-patch': ''
  })
  runner.error(
    failure.message,
    location && !location.workflow
      ? { ...location, title: 'LaunchDarkly: invalid input' }
      : { title: 'LaunchDarkly: invalid input' }
  )
  const message = runner.scrub(failure.message)
  // The lines around the error: scrubbed like the message (a file may hold a value it should not).
  const excerpt =
    error instanceof InputError && error.excerpt ? runner.scrub(error.excerpt) : undefined
  if (excerpt) runner.info(excerpt)
  const headSha = context.pullRequest?.headSha ?? context.sha
  const head = headSha
    ? { sha: headSha, url: commitLinks(context, headSha).commitUrl(headSha) }
    : undefined
  await runner.writeSummary(
    renderFailureSummary(
      message,
      location?.file ? { file: location.file, line: location.line, excerpt, head } : undefined
    )
  )
  // A reviewer should see on the pull request why the plan could not be made, not only in the log.
  let settings: GitHubSettings | undefined
  try {
    settings =
      raw['comment-on-pr'].trim().toLowerCase() === 'true' ? parseGitHubSettings(raw) : undefined
  } catch {
    settings = undefined
  }
  if (settings && error instanceof ActionError) {
    const session = await connect(settings, context, runner, dependencies)
    if (session && !('problem' in session)) {
      const sha = session.pull.headSha ?? context.sha
      const links = commitLinks(context, sha)
      const where = location?.file
        ? {
            file: location.file,
            line: location.line,
            url: links.fileUrl?.(location.file, location.line),
            excerpt,
            head: sha ? { sha, url: links.commitUrl(sha) } : undefined
          }
        : undefined
      const { renderFailureComment } = await import('./core/render/comment.js')
      const url = await session.write(
        renderFailureComment(message, { key: settings.key, run: runLink(context), where })
      )
      if (url) runner.setOutputs({ 'comment-url': url })
    }
  }
  return { failure }
}

export function describeFailure(error: unknown): Failure {
  if (error instanceof ActionError) return { message: error.message, reason: error.reason }
  return {
    message: `Unexpected error: ${toActionError(error).message}. This is a bug in the action: please report it with this log.`,
    reason: 'internal'
  }
}
