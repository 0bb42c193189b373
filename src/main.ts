/**
 * One run: inputs → read and plan → (gate) → apply → report → publish. The only module that knows
 * every stage; each client is made here and handed to the stage that needs it. Nothing is built
 * at import time, and nothing here touches the process: `index.ts` hands in the runner and sets
 * the exit code from the failure this returns, so a run can be made in-process (the tests do).
 * What most runs do not need (an export, desired-state files, the gate, the guardrails, GitHub) is
 * loaded where it is first needed, so that a patch-only run starts small.
 */
import {
  parseInputs,
  readRawInputs,
  secretInputs,
  type GitHubSettings,
  type RawInputs
} from './core/inputs.js'
import type { Failure } from './core/outcome.js'
import { renderStartLine } from './core/render/log-and-outputs.js'
import { Scrubber } from './core/secrets.js'
import type { GitHubPolicy, Opened } from './io/github.js'
import { LaunchDarklyClient } from './io/launchdarkly/client.js'
import type { Clock } from './io/launchdarkly/rate-limiter.js'
import type { RetryPolicy } from './io/launchdarkly/retry-policy.js'
import { readRunContext, type RunContext } from './io/run-context.js'
import { actionsSink, Runner, type RunnerSink } from './io/runner.js'
import { workspaceFilesOnDemand } from './io/workspace-files.js'
import { settleGated } from './stages/gate.js'
import { planWork, type ChangeWork, type ReconcileContext } from './stages/plan.js'
import { publish, reportOfChanges, type RunReport } from './stages/report.js'

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

/** What every stage of one run shares: made once, at the start of `run`. */
interface Run {
  runner: Runner
  scrubber: Scrubber
  context: RunContext
  dependencies: RunDependencies
}

/** A run's report, and the pull request it is published to (if the run has one). */
interface Ended {
  report: RunReport
  session: Opened
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
  const shared: Run = { runner, scrubber, context, dependencies }
  const ended = await runStages(shared, raw).catch(async (error: unknown): Promise<Ended> => {
    // Bad input, or a bug of the action's: still one clear error, and the outputs say why.
    const { reportOfFailure } = await import('./stages/early-failure.js')
    const report = reportOfFailure(error, raw, context)
    const github = report.kind === 'failed-early' ? report.github : undefined
    return { report, session: github ? await connect(shared, github, false) : undefined }
  })
  let report = ended.report
  try {
    await publish(report, runner, ended.session)
  } catch (error) {
    // A bug in the report itself: the run still ends in one clear error.
    const { reportOfFailure } = await import('./stages/early-failure.js')
    report = reportOfFailure(error, raw, context)
    await publish(report, runner)
  }
  return { failure: report.failure }
}

/** The inputs, then the work they ask for: an export, or changes to configurations. */
async function runStages(run: Run, raw: RawInputs): Promise<Ended> {
  const { runner, context, dependencies } = run
  const inputs = await parseInputs(raw, workspaceFilesOnDemand(context.workspace), {
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
  if (work.kind === 'export') {
    // Loaded on first use, with the export's own modules: only an export needs them.
    const { runExport } = await import('./stages/export.js')
    const report = await runExport(work, { ...run, client, settings, log: runner })
    return { report, session: undefined }
  }
  const stage: ReconcileContext = { client, settings, log: runner, protect: v => runner.protect(v) }
  return runChanges(work, stage, run)
}

/** Read and plan, the gate where one is set, then apply (in a dry run, say what would be). */
async function runChanges(work: ChangeWork, stage: ReconcileContext, run: Run): Promise<Ended> {
  const { settings, client } = stage
  const { runner, scrubber, context } = run
  // The pull request, opened once: before any write when the apply needs an approved plan.
  const github = settings.github
  let opening: Promise<Opened> | undefined
  const openSession = () =>
    (opening ??= github
      ? connect(run, github, settings.requireApprovedPlan)
      : Promise.resolve(undefined))
  const planned = await planWork(work, stage)
  const settled = await settleGated(planned, stage, scrubber, openSession)
  runner.debug(`LaunchDarkly requests: ${JSON.stringify(client.stats)}`)
  const report = reportOfChanges(settled, settings, context, scrubber)
  return { report, session: settings.comment ? await openSession() : undefined }
}

/** The pull request, through the GitHub client, loaded only now: most runs never need it. */
async function connect(run: Run, settings: GitHubSettings, approval: boolean): Promise<Opened> {
  const github = await import('./io/github.js')
  return github.openPullRequest(settings, run.context, run.runner, run.dependencies.github, {
    approval
  })
}
