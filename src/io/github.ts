/**
 * The pull request comment, over octokit: which pull request, the one comment per key (found by its
 * header among comments written by this token's identity, on every page), created or updated in
 * place, and the short notification a failed apply posts besides. Loaded only when a run
 * comments or needs an approval. Never fails the step: a problem is a warning. Every request is
 * bounded by a timeout, and all of them by one budget.
 */
import { getOctokit } from '@actions/github'
import Bottleneck from 'bottleneck/light.js'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import type { RestEndpointMethodTypes } from '@octokit/rest'
import { describeError } from '../core/errors.js'
import { isRecord } from '../core/narrow.js'
import type { GitHubSettings } from '../core/inputs.js'
import type { Log } from '../core/log.js'
import { parseComment, type PlanComment } from '../core/plan-comment.js'
import { count, GitHubAnswerError, list, text } from './github-answer.js'
import { GitHubBudget } from './github-budget.js'
import { findPullRequest, type NotApprovable, type PullRequestRef } from './pull-lookup.js'
import type { RunContext } from './run-context.js'

type Octokit = ReturnType<typeof getOctokit>
type IssueComment = RestEndpointMethodTypes['issues']['listComments']['response']['data'][number]

export type { NotApprovable, PullRequestRef }

/** How long the comment may wait for GitHub, and how often it retries. */
export interface GitHubPolicy {
  /** A rate limit asking for a longer wait is not waited for: the comment is given up. */
  maxWaitSeconds: number
  retries: number
  /** How long "a second" of GitHub's retry-after lasts here: 1000 ms, or less in tests. */
  secondMs: number
  /** The pause between two writes GitHub asks integrations to keep. */
  writeSpacingMs: number
  /** How long one request may take. */
  requestTimeoutMs: number
  /** How long all of a run's requests to GitHub may take together. */
  budgetMs: number
  /** For an approval: the pauses, in GitHub "seconds", before asking again for a fresh merge. */
  lookupRetrySeconds: readonly number[]
}

export const DEFAULT_GITHUB_POLICY: GitHubPolicy = {
  maxWaitSeconds: 60,
  retries: 2,
  secondMs: 1000,
  writeSpacingMs: 1000,
  requestTimeoutMs: 15_000,
  budgetMs: 60_000,
  lookupRetrySeconds: [2, 4, 8]
}

/** GitHub could not be asked: `problem` for a warning about the comment, `cause` on its own. */
export interface GitHubProblem {
  problem: string
  cause: string
  /** No answer at all (the network, a timeout, the budget spent), rather than an error. */
  unreachable: boolean
}

/** The pull request a run is about, and this step's comment on it. */
export interface PullRequestSession {
  pull: PullRequestRef
  /** This key's comment, written by this token's identity, as its protocol reads. */
  comment: PlanComment | undefined
  /** Creates the comment, or updates this key's; returns its URL, or undefined (with a warning). */
  write(body: string): Promise<string | undefined>
  /** Posts a new, short comment, so that people watching the pull request are notified. */
  notify(body: string): Promise<string | undefined>
}

export type Opened = PullRequestSession | GitHubProblem | NotApprovable | undefined

/**
 * Finds the pull request and this key's comment on it. Undefined, with a notice, when the run has
 * no pull request; `{ problem }` when GitHub could not be asked (a warning is the caller's call:
 * for a comment, a problem never fails the step; for an approval, it refuses the apply);
 * `{ notApprovable }` when an approval is asked for and no merged pull request gives one.
 */
export async function openPullRequest(
  settings: GitHubSettings,
  context: RunContext,
  log: Log,
  policy: GitHubPolicy = DEFAULT_GITHUB_POLICY,
  options: { approval: boolean } = { approval: false }
): Promise<Opened> {
  const budget = new GitHubBudget(policy.budgetMs, policy.requestTimeoutMs)
  // Octokit calls these as its own methods: bound here, or `this` is octokit's log object.
  const debug = (message: string) => log.debug(message)
  const octokitLog = { debug, info: debug, warn: debug, error: debug }
  const common = {
    baseUrl: context.apiUrl,
    log: octokitLog,
    request: { fetch: budget.fetch },
    retry: { retries: policy.retries, retryAfterBaseValue: policy.secondMs }
  }
  const throttle = {
    onRateLimit: retryWithin('GitHub rate limit reached', policy, log, budget),
    onSecondaryRateLimit: retryWithin('GitHub secondary rate limit reached', policy, log, budget),
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
  let found: PullRequestRef | NotApprovable | undefined
  let existing: IssueComment | undefined
  try {
    found = await findPullRequest(octokit, settings, context, log, {
      merged: options.approval,
      retryDelaysMs: policy.lookupRetrySeconds.map(s => s * policy.secondMs),
      wait: async ms => {
        if (ms > budget.remainingMs()) return false
        budget.spend(ms)
        await new Promise(resolve => setTimeout(resolve, ms))
        return true
      }
    })
    if (!found || 'notApprovable' in found) return found
    // Who the token is matters only if some comment carries the header: asked once, when needed.
    let identity: Promise<string> | undefined
    const whoIsIt = () => (identity ??= whoAmI(reader, log))
    existing = await findComment(octokit, found, settings.key, whoIsIt)
  } catch (error) {
    return {
      problem: explain(error, context),
      cause: causeOf(error, context),
      unreachable: noAnswer(error)
    }
  }
  const pull = found
  const create = async (body: string) => {
    const { data } = await octokit.rest.issues.createComment({
      owner: pull.owner,
      repo: pull.repo,
      issue_number: pull.number,
      body,
      // A create whose answer was lost (a 5xx, a dropped connection) may have made the comment:
      // sent again, it would make a second one. Rate limits are still waited out by the
      // throttling plugin, which retries only what GitHub refused.
      request: { retries: 0 }
    })
    return data
  }
  return {
    pull,
    comment: existing?.body ? parseComment(existing.body) : undefined,
    write: async body => {
      try {
        const data = existing
          ? (
              await octokit.rest.issues.updateComment({
                owner: pull.owner,
                repo: pull.repo,
                comment_id: existing.id,
                body
              })
            ).data
          : await create(body)
        const url = text(
          data,
          'html_url',
          existing
            ? 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}'
            : 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments'
        )
        log.info(
          `${existing ? 'Updated' : 'Wrote'} the comment on pull request #${pull.number}: ${url}`
        )
        return url
      } catch (error) {
        log.warning(explain(error, context))
        return undefined
      }
    },
    notify: async body => {
      try {
        const data = await create(body)
        const url = text(
          data,
          'html_url',
          'POST /repos/{owner}/{repo}/issues/{issue_number}/comments'
        )
        log.info(`Notified pull request #${pull.number}: ${url}`)
        return url
      } catch (error) {
        log.warning(explain(error, context))
        return undefined
      }
    }
  }
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
  key: string,
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
    // A header copied into someone else's comment must not make this run edit their comment.
    for (const comment of list<IssueComment>(data, endpoint)) {
      if (typeof comment?.body !== 'string' || parseComment(comment.body)?.key !== key) continue
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

/** No answer came at all (the network, a timeout, the budget spent). */
function noAnswer(error: unknown): boolean {
  const { status, unanswered } = requestErrorOf(error)
  return unanswered && status === 500
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
function retryWithin(what: string, policy: GitHubPolicy, log: Log, budget: GitHubBudget) {
  return (retryAfter: number, _options: object, _octokit: unknown, retryCount: number) => {
    // Any number a header held (Infinity, NaN, negative) is judged here: only a wait the policy
    // allows is waited.
    if (!(retryAfter <= policy.maxWaitSeconds)) {
      log.info(
        `${what}; GitHub asks to wait ${retryAfter} s, more than the ${policy.maxWaitSeconds} s a comment may wait: giving the comment up.`
      )
      return false
    }
    if (retryAfter * policy.secondMs > budget.remainingMs()) {
      log.info(
        `${what}; GitHub asks to wait ${retryAfter} s, more than is left of the time a run may wait for GitHub: giving the comment up.`
      )
      return false
    }
    if (retryCount >= policy.retries) return false
    log.info(`${what}; retrying the comment in ${retryAfter} s.`)
    budget.spend(retryAfter * policy.secondMs)
    return true
  }
}
