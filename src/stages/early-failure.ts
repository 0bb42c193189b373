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
import { commitLinks, type RunContext } from '../io/run-context.js'

/** A run that failed before any configuration was looked at. */
export interface EarlyFailure {
  kind: 'failed-early'
  context: RunContext
  failure: Failure
  location?: InputLocation
  /** The lines of the file around the error, numbered (not yet scrubbed). */
  excerpt?: string
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
    ...(error instanceof InputError && error.excerpt ? { excerpt: error.excerpt } : {}),
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
  runner.setOutputs({
    changed: 'false',
    'failure-reason': failure.reason,
    results: '[]',
    undo: '{}',
    'undo-patch': ''
  })
  // The workflow's to fix (a variable it does not set): the author's line is not marked wrong.
  runner.error(
    failure.message,
    location && !location.workflow
      ? { ...location, title: 'LaunchDarkly: invalid input' }
      : { title: 'LaunchDarkly: invalid input' }
  )
  const message = runner.scrub(failure.message)
  // The lines around the error: scrubbed like the message (a file may hold a value it should not).
  const excerpt = report.excerpt ? runner.scrub(report.excerpt) : undefined
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
  if (report.github && session && 'pull' in session) {
    const { writeFailureComment } = await import('./comment.js')
    await writeFailureComment(session, runner, {
      message,
      key: report.github.key,
      context,
      location,
      excerpt
    })
  }
}
