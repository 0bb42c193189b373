/**
 * One run: inputs → read and plan → apply → report. The only module that knows every stage; each
 * client is made here and handed to the stage that needs it. Nothing is built at import time, and
 * nothing here touches the process: `index.ts` hands in the runner and sets the exit code from the
 * failure this returns, so a run can be made in-process (the tests do, many times over).
 */
import { renderComment, renderFailureComment } from './core/comment.js'
import { ActionError, InputError, toActionError, type FailureReason } from './core/errors.js'
import {
  parseCommentSettings,
  parseInputs,
  readRawInputs,
  secretInputs,
  type CommentSettings,
  type Inputs,
  type RawInputs
} from './core/inputs.js'
import { CHANGING_STATUSES, runFailure, type Failure } from './core/outcome.js'
import { redactOutcome, type RedactedOutcome } from './core/redact.js'
import { renderLog, renderOutputs, renderSummary } from './core/report.js'
import { Scrubber } from './core/secrets.js'
import { workspaceFiles } from './io/files.js'
import type { GitHubPolicy } from './io/github.js'
import { LaunchDarklyClient } from './io/launchdarkly/client.js'
import type { Clock } from './io/launchdarkly/rate-limiter.js'
import type { RetryPolicy } from './io/launchdarkly/retry-policy.js'
import { readRunContext, runUrl, type RunContext } from './io/run-context.js'
import { Runner, type RunnerSink } from './io/runner.js'
import { reconcileDesired, reconcilePatch } from './stages/reconcile.js'
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

export async function run(
  sink: RunnerSink,
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
  const sink = runner.sink
  let inputs: Inputs
  try {
    inputs = await parseInputs(raw, workspaceFiles(context.workspace), {
      workflow: context.workflow,
      job: context.job,
      environment: sink.env
    })
  } catch (error) {
    return failEarly(error, runner, raw, context, dependencies)
  }
  const { settings, work } = inputs
  const client = new LaunchDarklyClient({
    baseUri: settings.baseUri,
    token: inputs.token,
    userAgent: USER_AGENT,
    timeoutMs: settings.requestTimeoutMs,
    concurrency: settings.concurrency,
    log: runner,
    clock: dependencies.clock,
    retry: dependencies.retry
  })
  const stage = {
    client,
    settings,
    log: runner,
    protect: (values: readonly string[]) => runner.protect(values)
  }
  const outcomes =
    work.kind === 'patch'
      ? await reconcilePatch(work, stage)
      : await reconcileDesired(work.configurations, stage)
  runner.debug(`LaunchDarkly requests: ${JSON.stringify(client.stats)}`)
  const redacted = outcomes.map(outcome => redactOutcome(outcome, scrubber))
  const facts = { dryRun: settings.dryRun, failOnDrift: settings.failOnDrift }
  const failure = runFailure(redacted, facts)
  await report(runner, redacted, failure, facts)
  if (settings.comment) {
    const key = settings.comment.key
    await comment(runner, settings.comment, context, dependencies, (url, commit) =>
      renderComment(redacted, { ...facts, key, runUrl: url, commit })
    )
  }
  return { failure }
}

async function report(
  runner: Runner,
  redacted: readonly RedactedOutcome[],
  failure: Failure | undefined,
  facts: { dryRun: boolean; failOnDrift: boolean }
): Promise<void> {
  for (const outcome of redacted) {
    const { title, body } = renderLog(outcome)
    runner.group(title, body)
    const where = { file: outcome.file, title: `LaunchDarkly: ${outcome.name ?? outcome.label}` }
    for (const warning of outcome.warnings) runner.warning(warning, where)
    for (const notice of outcome.notices) runner.notice(notice, where)
    if (outcome.error) runner.error(outcome.error.message, where)
  }
  runner.setOutputs(renderOutputs(redacted, failure))
  await runner.writeSummary(renderSummary(redacted, facts))
  if (failure?.reason === 'drift') runner.error(failure.message, { title: 'LaunchDarkly: drift' })
  else if (failure && redacted.length > 1) runner.info(failure.message)
  const changing = redacted.filter(o => CHANGING_STATUSES.includes(o.status)).length
  if (facts.dryRun && changing > 0) {
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
  runner.setOutputs({ changed: 'false', 'failure-reason': failure.reason, results: '[]' })
  runner.error(
    failure.message,
    error instanceof InputError
      ? { ...error.location, title: 'LaunchDarkly: invalid input' }
      : undefined
  )
  // A reviewer should see on the pull request why the plan could not be made, not only in the log.
  let settings: CommentSettings | undefined
  try {
    settings = parseCommentSettings(raw, context)
  } catch {
    settings = undefined
  }
  if (settings && error instanceof ActionError) {
    const message = runner.scrub(error.message)
    const key = settings.key
    await comment(runner, settings, context, dependencies, url =>
      renderFailureComment(message, { key, runUrl: url })
    )
  }
  return { failure }
}

export function describeFailure(error: unknown): Failure {
  if (error instanceof ActionError) return { message: error.message, reason: error.reason }
  const reason: FailureReason = 'internal'
  return {
    message: `Unexpected error: ${toActionError(error).message}. This is a bug in the action: please report it with this log.`,
    reason
  }
}

/** Comments on the pull request; the GitHub client is loaded only now, as most runs never need it. */
async function comment(
  runner: Runner,
  settings: CommentSettings,
  context: RunContext,
  dependencies: RunDependencies,
  render: (runUrl: string, commit: string | undefined) => string
): Promise<void> {
  const github = await import('./io/github.js')
  const body = render(runUrl(context), context.sha?.slice(0, 7))
  const url = await github.publishComment(settings, body, context, runner, dependencies.github)
  if (url) runner.setOutputs({ 'comment-url': url })
}
