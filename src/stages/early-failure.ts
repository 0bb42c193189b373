/**
 * A run that could not start (bad input, or a bug of the action's), as a report and as what people
 * read of it: one error, the outputs that say why, the summary, and the pull request comment,
 * which keeps what it approved and its record. Loaded only when a run fails this way.
 */
import { ActionError, describeFailure, InputError, type InputLocation } from '../core/errors.js'
import { parseGitHubSettings, type GitHubSettings, type RawInputs } from '../core/inputs.js'
import type { Failure } from '../core/outcome.js'
import { renderFailureSummary } from '../core/render/summary.js'
import type { Opened } from '../io/github.js'
import type { Runner } from '../io/runner.js'
import type { RunContext } from '../io/run-context.js'

/** A run that failed before any configuration was looked at. */
export interface EarlyFailure {
  kind: 'failed-early'
  context: RunContext
  failure: Failure
  location?: InputLocation
  /** Where the comment goes, when the inputs asked for one and could be read that far. */
  github?: GitHubSettings
}

/** A run that failed before any configuration was looked at (bad input, or a bug), as a report. */
export function reportOfFailure(error: unknown, raw: RawInputs, context: RunContext): EarlyFailure {
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

/** A run that failed before any configuration was looked at: one error, and the outputs say why. */
export async function publishEarlyFailure(
  report: EarlyFailure,
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
