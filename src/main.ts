/**
 * One run: inputs → read and plan → (gate) → apply → report → publish. The only module that knows
 * every stage; each client is made here and handed to the stage that needs it. Nothing is built
 * at import time, and nothing here touches the process: `index.ts` hands in the runner and sets
 * the exit code from the failure this returns, so a run can be made in-process (the tests do).
 */
import {
  parseInputs,
  readRawInputs,
  secretInputs,
  type GitHubSettings,
  type RawInputs
} from './core/inputs.js'
import { guardrailsSet, type Guardrails } from './core/guardrail-types.js'
import { runFailure, type Failure, type Outcome } from './core/outcome.js'
import { renderUndo, undoLogLine } from './core/render/undo.js'
import { undoOf, undoOutputs } from './core/undo.js'
import { redactOutcome } from './core/redact.js'
import { renderStartLine } from './core/render/log-and-outputs.js'
import { Scrubber } from './core/secrets.js'
import { workspaceFiles, workspaceTarget } from './io/files.js'
import type { GitHubPolicy, Opened } from './io/github.js'
import { LaunchDarklyClient } from './io/launchdarkly/client.js'
import type { Clock } from './io/launchdarkly/rate-limiter.js'
import type { RetryPolicy } from './io/launchdarkly/retry-policy.js'
import { readRunContext, type RunContext } from './io/run-context.js'
import { actionsSink, Runner, type RunnerSink } from './io/runner.js'
import type { Approval } from './stages/approval.js'
import { planWork, settleAll, type ReconcileContext } from './stages/plan.js'
import {
  publish,
  reportFacts,
  schemaReference,
  type RunReport,
  type UndoReport
} from './stages/report.js'

export { describeFailure } from './core/errors.js'
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
  let report: RunReport
  let session: Opened
  try {
    ;({ report, session } = await runStages(runner, scrubber, raw, context, dependencies))
  } catch (error) {
    // Bad input, or a bug of the action's: still one clear error, and the outputs say why.
    const { reportOfFailure } = await import('./stages/early-failure.js')
    report = reportOfFailure(error, raw, context)
    session =
      report.kind === 'failed-early' && report.github
        ? await connect(report.github, context, runner, dependencies, false)
        : undefined
  }
  try {
    await publish(report, runner, session)
  } catch (error) {
    // A bug in the report itself: the run still ends in one clear error.
    const { reportOfFailure } = await import('./stages/early-failure.js')
    report = reportOfFailure(error, raw, context)
    await publish(report, runner)
  }
  return { failure: report.failure }
}

async function runStages(
  runner: Runner,
  scrubber: Scrubber,
  raw: RawInputs,
  context: RunContext,
  dependencies: RunDependencies
): Promise<{ report: RunReport; session: Opened }> {
  const inputs = await parseInputs(raw, workspaceFiles(context.workspace), {
    environment: runner.sink.env,
    protect: values => runner.protect(values)
  })
  const { settings, work, token } = inputs
  for (const warning of inputs.ignored) runner.warning(warning, { title: 'LaunchDarkly: input' })
  runner.info(renderStartLine(work, settings))
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
  const redactAll = (outcomes: Parameters<typeof redactOutcome>[0][]) =>
    outcomes.map(outcome => redactOutcome(outcome, scrubber))

  if (work.kind === 'export') {
    // Loaded on first use: only an export needs them (a patch-only run's start-up stays small).
    const [{ exportWork }, { reportOfExport }] = await Promise.all([
      import('./stages/export.js'),
      import('./core/export.js')
    ])
    const { outcomes, exported } = await exportWork(work, {
      client,
      files: workspaceTarget(context.workspace, 'export-to'),
      log: runner,
      schema: schemaReference(context, work.directory)
    })
    runner.debug(`LaunchDarkly requests: ${JSON.stringify(client.stats)}`)
    const redacted = redactAll(outcomes)
    const facts = { ...reportFacts(settings, context, false), directory: work.directory }
    // Names come from LaunchDarkly: scrubbed like every other string a report shows.
    const exportedReport = scrubber.scrubDeep(reportOfExport(exported))
    return {
      report: {
        kind: 'export',
        context,
        settings,
        outcomes: redacted,
        failure: runFailure(redacted, facts),
        directory: work.directory,
        exported: exportedReport
      },
      session: undefined
    }
  }

  const stage: ReconcileContext = {
    client,
    settings,
    log: runner,
    protect: values => runner.protect(values)
  }
  // The pull request, opened once: before any write when the apply needs an approved plan.
  const github = settings.github
  let opening: Promise<Opened> | undefined
  const openSession = () =>
    (opening ??= github
      ? connect(github, context, runner, dependencies, settings.requireApprovedPlan)
      : Promise.resolve(undefined))
  const planned = planWork(work, stage)
  const guardrails = settings.guardrails
  // Loaded only when a guardrail is set: most runs set none.
  const guards = guardrailsSet(guardrails) ? await import('./core/guardrails.js') : undefined
  const guard = (plan: readonly Outcome[]) => refusedByGuardrails(plan, guards, guardrails, runner)
  let outcomes: Outcome[]
  let redacted
  let approval: Approval | undefined
  if (settings.requireApprovedPlan || (guards && !settings.dryRun)) {
    // The gate is loaded only by the runs it guards.
    const { applyApproved } = await import('./stages/approval.js')
    ;({ outcomes, redacted, approval } = await applyApproved(planned, stage, scrubber, {
      openSession,
      key: github?.key ?? '',
      requireApproval: settings.requireApprovedPlan,
      guardrails: guards?.guardrailsFingerprint(guardrails) ?? '',
      guard
    }))
  } else {
    outcomes = await settleAll(planned, stage, settings.dryRun)
    redacted = redactAll(outcomes)
    // A dry run is the plan reviewers see: refused by a guardrail as loudly as the apply would be.
    approval = guard(outcomes)
  }
  runner.debug(`LaunchDarkly requests: ${JSON.stringify(client.stats)}`)
  const refused = approval?.approved === false
  const failure =
    approval?.approved === false
      ? approval.failure
      : runFailure(redacted, reportFacts(settings, context, refused))
  const session = settings.comment ? await openSession() : undefined
  return {
    report: {
      kind: 'changes',
      context,
      settings,
      outcomes: redacted,
      failure,
      approval,
      undo: undoReport(outcomes, scrubber)
    },
    session
  }
}

/** The GitHub client is loaded only now: most runs never need it. */
async function connect(
  settings: GitHubSettings,
  context: RunContext,
  runner: Runner,
  dependencies: RunDependencies,
  approval: boolean
): Promise<Opened> {
  const github = await import('./io/github.js')
  return github.openPullRequest(settings, context, runner, dependencies.github, { approval })
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
