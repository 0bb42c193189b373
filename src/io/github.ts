/**
 * The pull request comment, over octokit: which pull request, the one comment per key (found by its
 * marker among comments written by this token's identity, on every page), created or updated in
 * place. Loaded only when a run comments, and never fails the step: a problem is a warning.
 */
import { getOctokit } from '@actions/github'
import Bottleneck from 'bottleneck/light.js'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import type { RestEndpointMethodTypes } from '@octokit/rest'
import { commentMarker } from '../core/render/comment.js'
import { describeError } from '../core/errors.js'
import { isRecord } from '../core/narrow.js'
import type { GitHubSettings } from '../core/inputs.js'
import type { Log } from '../core/log.js'
import type { RunContext } from './run-context.js'

type Octokit = ReturnType<typeof getOctokit>
type IssueComment = RestEndpointMethodTypes['issues']['listComments']['response']['data'][number]

export interface PullRequestRef {
  owner: string
  repo: string
  number: number
  /** Its page: the salt of a plan's fingerprint. */
  url: string
  /** The head commit the reviewer knows, when GitHub or the event says it. */
  headSha: string | undefined
}

/** GitHub answered, but without a field the action needs: a clear error, not a TypeError. */
class GitHubAnswerError extends Error {}

/**
 * A field of GitHub's answer, checked: `path` as `head.sha`, `endpoint` as GitHub's docs name it.
 * An answer of another shape (a proxy's, a GitHub Enterprise of another version) says which field
 * of which endpoint was missing.
 */
function fieldOf(answer: unknown, path: string): unknown {
  let value: unknown = answer
  for (const key of path.split('.')) value = isRecord(value) ? value[key] : undefined
  return value
}

function missing(path: string, type: string, endpoint: string): GitHubAnswerError {
  return new GitHubAnswerError(
    `GitHub's answer to ${endpoint} has no \`${path}\` (a ${type}), which the action needs`
  )
}

function text(answer: unknown, path: string, endpoint: string): string {
  const value = fieldOf(answer, path)
  if (typeof value !== 'string') throw missing(path, 'string', endpoint)
  return value
}

function count(answer: unknown, path: string, endpoint: string): number {
  const value = fieldOf(answer, path)
  if (typeof value !== 'number') throw missing(path, 'number', endpoint)
  return value
}

function list<T>(answer: T[] | unknown, endpoint: string): T[] {
  if (!Array.isArray(answer)) {
    throw new GitHubAnswerError(
      `GitHub's answer to ${endpoint} is not a list, which the action needs`
    )
  }
  return answer
}

/** How long the comment may wait for GitHub's rate limits, and how often it retries. */
export interface GitHubPolicy {
  /** A rate limit asking for a longer wait is not waited for: the comment is given up. */
  maxWaitSeconds: number
  retries: number
  /** How long "a second" of GitHub's retry-after lasts here: 1000 ms, or less in tests. */
  secondMs: number
  /** The pause between two writes GitHub asks integrations to keep. */
  writeSpacingMs: number
}

export const DEFAULT_GITHUB_POLICY: GitHubPolicy = {
  maxWaitSeconds: 60,
  retries: 2,
  secondMs: 1000,
  writeSpacingMs: 1000
}

/** The pull request a run is about, and this step's comment on it. */
/** GitHub could not be asked: `problem` for a warning about the comment, `cause` on its own. */
export interface GitHubProblem {
  problem: string
  cause: string
}

export interface PullRequestSession {
  pull: PullRequestRef
  /** This key's comment, written by this token's identity, if there is one. */
  existing: IssueComment | undefined
  /** Creates the comment, or updates this key's; returns its URL, or undefined (with a warning). */
  write(body: string): Promise<string | undefined>
}

/**
 * Finds the pull request and this key's comment on it. Undefined, with a notice, when the run has
 * no pull request; `{ problem }` when GitHub could not be asked (a warning is the caller's call:
 * for a comment, a problem never fails the step; for an approval, it refuses the apply).
 */
export async function openPullRequest(
  settings: GitHubSettings,
  context: RunContext,
  log: Log,
  policy: GitHubPolicy = DEFAULT_GITHUB_POLICY
): Promise<PullRequestSession | GitHubProblem | undefined> {
  // Octokit calls these as its own methods: bound here, or `this` is octokit's log object.
  const debug = (message: string) => log.debug(message)
  const octokitLog = { debug, info: debug, warn: debug, error: debug }
  const common = {
    baseUrl: context.apiUrl,
    log: octokitLog,
    retry: { retries: policy.retries, retryAfterBaseValue: policy.secondMs }
  }
  const throttle = {
    onRateLimit: retryWithin('GitHub rate limit reached', policy, log),
    onSecondaryRateLimit: retryWithin('GitHub secondary rate limit reached', policy, log),
    retryAfterBaseValue: policy.secondMs,
    // The plugin keeps its queues for the whole process (so a write waits for the last run's
    // write, in tests that make many runs in one process); these belong to this run alone.
    // Writes that notify people (a comment does) are spaced further apart, as the plugin does.
    global: new Bottleneck.Group({ maxConcurrent: 10 }),
    auth: new Bottleneck.Group({ maxConcurrent: 1 }),
    search: new Bottleneck.Group({ maxConcurrent: 1, minTime: 2 * policy.writeSpacingMs }),
    write: new Bottleneck.Group({ maxConcurrent: 1, minTime: policy.writeSpacingMs }),
    notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 3 * policy.writeSpacingMs })
  }
  const octokit = getOctokit(settings.token, { ...common, throttle }, retry, throttling)
  // GraphQL queries are POSTs, which the throttling plugin spaces a second apart like writes: the
  // read-only identity query goes through a client without it, so the comment does not wait.
  const reader = getOctokit(settings.token, common, retry)
  let pull: PullRequestRef | undefined
  let existing: IssueComment | undefined
  try {
    pull = await findPullRequest(octokit, settings, context, log)
    if (!pull) return undefined
    const marker = commentMarker(settings.key)
    // Who the token is matters only if some comment carries the marker: asked once, when needed.
    let identity: Promise<string> | undefined
    const whoIsIt = () => (identity ??= whoAmI(reader, log))
    existing = await findComment(octokit, pull, marker, whoIsIt)
  } catch (error) {
    return { problem: explain(error, context), cause: causeOf(error, context) }
  }
  const found = pull
  return {
    pull: found,
    existing,
    write: async body => {
      try {
        const { data } = existing
          ? await octokit.rest.issues.updateComment({
              owner: found.owner,
              repo: found.repo,
              comment_id: existing.id,
              body
            })
          : await octokit.rest.issues.createComment({
              owner: found.owner,
              repo: found.repo,
              issue_number: found.number,
              body,
              // A create whose answer was lost (a 5xx, a dropped connection) may have made the
              // comment: sent again, it would make a second one. Rate limits are still waited
              // out by the throttling plugin, which retries only what GitHub refused.
              request: { retries: 0 }
            })
        const url = text(
          data,
          'html_url',
          existing
            ? 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}'
            : 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments'
        )
        log.info(
          `${existing ? 'Updated' : 'Wrote'} the comment on pull request #${found.number}: ${url}`
        )
        return url
      } catch (error) {
        log.warning(explain(error, context))
        return undefined
      }
    }
  }
}

async function findPullRequest(
  octokit: Octokit,
  settings: GitHubSettings,
  context: RunContext,
  log: Log
): Promise<PullRequestRef | undefined> {
  if (!context.repository) {
    log.notice('No comment: GITHUB_REPOSITORY is not set, so there is no repository to comment in.')
    return undefined
  }
  const { owner, repo } = context.repository
  const ref = (number: number, headSha: string | undefined): PullRequestRef => ({
    owner,
    repo,
    number,
    url: `${context.serverUrl}/${owner}/${repo}/pull/${number}`,
    headSha
  })
  const event = context.eventName
  if (settings.prNumber !== undefined) {
    const fromEvent = context.pullRequest?.number === settings.prNumber
    return ref(settings.prNumber, fromEvent ? context.pullRequest?.headSha : undefined)
  }
  if ((event === 'pull_request' || event === 'pull_request_target') && context.pullRequest) {
    return ref(context.pullRequest.number, context.pullRequest.headSha)
  }
  if (event === 'push' && context.sha) {
    const sha = context.sha
    const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
      owner,
      repo,
      commit_sha: sha
    })
    // The pull request this commit merged, if any; else one that contains it.
    const endpoint = 'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls'
    const pulls = list(data, endpoint)
    const pull = pulls.find(p => fieldOf(p, 'merge_commit_sha') === sha) ?? pulls[0]
    if (pull) {
      return ref(count(pull, 'number', endpoint), text(pull, 'head.sha', endpoint))
    }
    log.notice(`No comment: commit ${sha.slice(0, 7)} belongs to no pull request.`)
    return undefined
  }
  log.notice(
    `No comment: a ${event || 'run'} event has no pull request. Give \`pr-number\` to comment on one anyway.`
  )
  return undefined
}

/**
 * The login the token writes as. GraphQL's viewer works for installation tokens (the workflow's own),
 * which REST's /user refuses; a bot's login has "[bot]" in REST and not in GraphQL, so both are
 * compared without it.
 */
async function whoAmI(octokit: Octokit, log: Log): Promise<string> {
  try {
    const { viewer } = await octokit.graphql<{ viewer: { login: string } }>(
      'query { viewer { login } }'
    )
    return normalizeLogin(text(viewer, 'login', 'GraphQL viewer'))
  } catch (error) {
    log.debug(`GraphQL viewer failed (${describeError(error)}); trying GET /user.`)
  }
  try {
    const { data } = await octokit.rest.users.getAuthenticated()
    return normalizeLogin(text(data, 'login', 'GET /user'))
  } catch (error) {
    log.debug(
      `GET /user failed (${describeError(error)}); only comments by github-actions will be updated.`
    )
    return 'github-actions'
  }
}

const normalizeLogin = (login: string) => login.replace(/\[bot\]$/, '').toLowerCase()

async function findComment(
  octokit: Octokit,
  pull: PullRequestRef,
  marker: string,
  identity: () => Promise<string>
): Promise<IssueComment | undefined> {
  const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
    owner: pull.owner,
    repo: pull.repo,
    issue_number: pull.number,
    per_page: 100
  })
  const endpoint = 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments'
  for await (const { data } of pages) {
    // A marker copied into someone else's comment must not make this run edit their comment.
    for (const comment of list<IssueComment>(data, endpoint)) {
      if (typeof comment?.body !== 'string' || !comment.body.includes(marker)) continue
      if (comment.user === null) continue
      count(comment, 'id', endpoint)
      const login = text(comment, 'user.login', endpoint)
      if (normalizeLogin(login) === (await identity())) return comment
    }
  }
  return undefined
}

/** What went wrong, without what it means for the comment: for the approval gate's message. */
function causeOf(error: unknown, context: RunContext): string {
  if (error instanceof GitHubAnswerError) return error.message
  const { status, unanswered } = requestErrorOf(error)
  const detail = describeError(error)
  return unanswered && status === 500
    ? `GitHub could not be reached at ${context.apiUrl} (${detail})`
    : `GitHub answered ${status ?? 'with an error'} (${detail})`
}

/**
 * What an Octokit error says of the request: the status, and whether no answer came (Octokit
 * reports a request that got no answer as a 500 without a response: the network, not GitHub).
 */
function requestErrorOf(error: unknown): { status: number | undefined; unanswered: boolean } {
  if (!isRecord(error)) return { status: undefined, unanswered: true }
  const status = typeof error.status === 'number' ? error.status : undefined
  return { status, unanswered: error.response === undefined }
}

function explain(error: unknown, context: RunContext): string {
  if (error instanceof GitHubAnswerError) {
    return `Could not comment on the pull request: ${error.message} (GitHub at ${context.apiUrl}). The full account is in the job summary, and the LaunchDarkly result is not affected.`
  }
  const { status, unanswered } = requestErrorOf(error)
  const detail = describeError(error)
  if (unanswered && status === 500) {
    return `Could not reach GitHub at ${context.apiUrl} to comment on the pull request (${detail}). The full account is in the job summary; the LaunchDarkly result is not affected.`
  }
  if (status === 403 && !/rate limit/i.test(detail)) {
    return `Could not comment on the pull request: GitHub answered 403 (${detail}). The token needs \`pull-requests: write\`: add it to the job's \`permissions:\`. A pull request from a fork gets a read-only token; its plan is in the job summary instead. The LaunchDarkly result is not affected.`
  }
  if (status === 422) {
    return `Could not comment on the pull request: GitHub refused the body (${detail}). The full account is in the job summary; the LaunchDarkly result is not affected.`
  }
  return `Could not comment on the pull request (${status ? `GitHub answered ${status}: ` : ''}${detail}). The full account is in the job summary; the LaunchDarkly result is not affected.`
}

/**
 * The throttling plugin's handler: retry a few times, and only for a wait the policy allows, so that
 * a rate limit resetting in an hour cannot hold the step for an hour.
 */
function retryWithin(what: string, policy: GitHubPolicy, log: Log) {
  return (retryAfter: number, _options: object, _octokit: unknown, retryCount: number) => {
    // Any number a header held (Infinity, NaN, negative) is judged here: only a wait the policy
    // allows is waited.
    if (!(retryAfter <= policy.maxWaitSeconds)) {
      log.info(
        `${what}; GitHub asks to wait ${retryAfter} s, more than the ${policy.maxWaitSeconds} s a comment may wait: giving the comment up.`
      )
      return false
    }
    if (retryCount >= policy.retries) return false
    log.info(`${what}; retrying the comment in ${retryAfter} s.`)
    return true
  }
}
