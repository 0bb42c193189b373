/**
 * One run: request → read and plan → apply → report. The only module that knows every stage; each
 * client is made here and handed to the stage that needs it.
 */
import { createHash } from 'node:crypto'
import { ActionError, describeError, InputError, type FailureReason } from './core/errors.js'
import { redactOutcome, type RedactedOutcome } from './core/outcome.js'
import { renderLog, renderOutputs, renderSummary, runFailure } from './core/report.js'
import { renderComment, renderFailureComment } from './core/comment.js'
import {
  commentKeyFrom,
  parseCommentSettings,
  parseRequest,
  type CommentSettings,
  type Request
} from './core/request.js'
import { Scrubber } from './core/secrets.js'
import { ActionIO, readInput } from './io/action.js'
import { workspaceFiles } from './io/files.js'
import { LaunchDarklyClient } from './io/launchdarkly-client.js'
import { reconcileDesired, reconcilePatch } from './stages/reconcile.js'
import { USER_AGENT } from './version.js'

const scrubber = new Scrubber()
const io = new ActionIO(scrubber)

export async function run(): Promise<void> {
  // Masked before anything else happens, so that not even a failure can print it.
  io.protect([readInput('access-token').trim(), readInput('github-token').trim()])
  let request: Request
  try {
    request = await parseRequest(
      readInput,
      workspaceFiles(process.env.GITHUB_WORKSPACE || process.cwd()),
      process.env,
      defaultCommentKey()
    )
  } catch (error) {
    failRun(error)
    return commentOnFailure(error)
  }
  const { settings, work } = request
  const client = new LaunchDarklyClient({
    baseUri: settings.baseUri,
    token: request.token,
    userAgent: USER_AGENT,
    timeoutMs: settings.requestTimeoutMs,
    concurrency: settings.concurrency,
    log: io
  })
  const context = {
    client,
    settings,
    log: io,
    protect: (values: readonly string[]) => io.protect(values)
  }
  const outcomes =
    work.kind === 'patch'
      ? await reconcilePatch(work, context)
      : await reconcileDesired(work.configurations, context)
  io.debug(`LaunchDarkly requests: ${JSON.stringify(client.stats)}`)
  const redacted = outcomes.map(outcome => redactOutcome(outcome, scrubber))
  await report(redacted, settings)
  if (settings.comment) {
    const facts = {
      dryRun: settings.dryRun,
      failOnDrift: settings.failOnDrift,
      key: settings.comment.key
    }
    await comment(settings.comment, context => renderComment(redacted, { ...facts, ...context }))
  }
}

async function report(
  redacted: readonly RedactedOutcome[],
  settings: Request['settings']
): Promise<void> {
  const facts = { dryRun: settings.dryRun, failOnDrift: settings.failOnDrift }
  for (const outcome of redacted) {
    io.info(renderLog(outcome))
    const location = { file: outcome.file, title: `LaunchDarkly: ${outcome.name ?? outcome.label}` }
    for (const warning of outcome.warnings) io.warning(warning, location)
    if (outcome.error) io.error(outcome.error.message, location)
  }
  const failure = runFailure(redacted, facts)
  io.setOutputs(renderOutputs(redacted, failure))
  await io.writeSummary(renderSummary(redacted, facts))
  if (failure?.reason === 'drift') io.error(failure.message, { title: 'LaunchDarkly: drift' })
  else if (failure && redacted.length > 1) io.info(failure.message)
}

/** A run that failed before any configuration was looked at: one error, and the outputs say why. */
function failRun(error: unknown): void {
  const reason: FailureReason = error instanceof ActionError ? error.reason : 'internal'
  const message =
    error instanceof ActionError
      ? error.message
      : `Unexpected error: ${error instanceof Error ? error.message : String(error)}. This is a bug in the action: please report it with this log.`
  io.setOutputs({ changed: 'false', 'failure-reason': reason, results: '[]' })
  io.error(
    message,
    error instanceof InputError
      ? { ...error.location, title: 'LaunchDarkly: invalid input' }
      : undefined
  )
}

/** Comments on the pull request; the GitHub client is loaded only now, as most runs never need it. */
async function comment(
  settings: CommentSettings,
  render: (context: { runUrl: string; commit: string | undefined }) => string
): Promise<void> {
  const github = await import('./io/github.js')
  const body = render(github.commentContext())
  const url = await github.publishComment(settings, body, io)
  if (url) io.setOutputs({ 'comment-url': url })
}

/** A reviewer should see on the pull request why the plan could not be made, not only in the log. */
async function commentOnFailure(error: unknown): Promise<void> {
  let settings: CommentSettings | undefined
  try {
    settings = parseCommentSettings(readInput, defaultCommentKey())
  } catch {
    return
  }
  if (!settings || !(error instanceof ActionError)) return
  const key = settings.key
  const message = scrubber.scrub(error.message)
  await comment(settings, context => renderFailureComment(message, { ...context, key }))
}

/**
 * For errors that escape everything else (a rejected promise nobody awaited, a runner file that
 * cannot be written): still one clear error and a failing exit, even if reporting fails too.
 */
export function reportUnexpected(error: unknown): void {
  try {
    failRun(error)
  } catch (reportingError) {
    const message = `Unexpected error: ${describeError(error)} (and reporting it failed: ${describeError(reportingError)}). This is a bug in the action or a problem with the runner: please report it with this log.`
    process.stdout.write(`::error::${io.scrub(message).replace(/\r?\n/g, ' ')}\n`)
  } finally {
    process.exit(1)
  }
}

/**
 * Jobs, and the legs of a matrix, must not share a comment: the key holds the workflow, the job and
 * a digest of the inputs that say what the step manages.
 */
function defaultCommentKey(): string {
  const scope = ['base-uri', 'configuration-id', 'patch-file', 'desired-state-file']
    .map(readInput)
    .join('\n')
  const digest = createHash('sha256').update(scope).digest('hex').slice(0, 8)
  return commentKeyFrom(process.env.GITHUB_WORKFLOW, process.env.GITHUB_JOB, digest)
}
