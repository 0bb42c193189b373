/**
 * What a report says of the run besides its outcomes: the instance, the run, the commits reviewers
 * know, links to files at the head commit, where exported files find their schema. Pure: made from
 * the settings and the run's context, read once.
 */
import type { Settings } from './core/inputs.js'
import type { ReportFacts } from './core/render/parts.js'
import type { PullRequestSession } from './io/github.js'
import { runUrl, type RunContext } from './io/run-context.js'

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

/**
 * The run as people name it ("run 18", "run 18, attempt 2" for a re-run), and where this
 * attempt's job summary is (the run's page shows its latest attempt; an attempt has its own).
 */
export function runLink(context: RunContext): { label: string; url: string; summaryUrl: string } {
  const attempt = Number(context.runAttempt ?? '1')
  const rerun = Number.isInteger(attempt) && attempt > 1
  const url = runUrl(context)
  return {
    label:
      `run ${context.runNumber ?? context.runId ?? ''}`.trim() +
      (rerun ? `, attempt ${attempt}` : ''),
    url,
    summaryUrl: Number.isInteger(attempt) && attempt >= 1 ? `${url}/attempts/${attempt}` : url
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
