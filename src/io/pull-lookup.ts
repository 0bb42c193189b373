/**
 * Which pull request a run is about. For a comment, the one the event names, or on push the one
 * the commit merged (else one that contains it). For an approval, only a merged one: the run's
 * commit must be its merge commit, or its head (a rebase or fast-forward merge). A fresh merge may
 * not be indexed yet: the lookup is asked again, briefly, before it refuses.
 */
import type { getOctokit } from '@actions/github'
import type { GitHubSettings } from '../core/inputs.js'
import type { Log } from '../core/log.js'
import { count, fieldOf, list, text } from './github-answer.js'
import type { RunContext } from './run-context.js'

type Octokit = ReturnType<typeof getOctokit>
/** What the lookup reads of a pull request, each field checked (github-answer.ts). */
interface Pull {
  number: number
  state: string
  merged_at: string | null
  merge_commit_sha: string | null
  head: { sha: string }
}

function pullOf(answer: unknown, endpoint: string): Pull {
  const orNull = (path: string) => {
    const value = fieldOf(answer, path)
    return typeof value === 'string' ? value : null
  }
  return {
    number: count(answer, 'number', endpoint),
    state: text(answer, 'state', endpoint),
    merged_at: orNull('merged_at'),
    merge_commit_sha: orNull('merge_commit_sha'),
    head: { sha: text(answer, 'head.sha', endpoint) }
  }
}

const PULL = 'GET /repos/{owner}/{repo}/pulls/{pull_number}'
const COMMIT_PULLS = 'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls'

export interface PullRequestRef {
  owner: string
  repo: string
  number: number
  /** Its page: the salt of a plan's fingerprint. */
  url: string
  /** The head commit the reviewer knows, when GitHub or the event says it. */
  headSha: string | undefined
  /** Known merged (checked only for an approval). */
  merged?: boolean
}

/** The run's commit is no merged pull request's: why, for `no-approved-plan`. */
export interface NotApprovable {
  notApprovable: string
}

export interface LookupOptions {
  /** Only a merged pull request whose merge (or head) is the run's commit will do. */
  merged: boolean
  /** Pauses before asking again when a commit's pull request is not found, in ms. */
  retryDelaysMs: readonly number[]
  /** Waits, within the run's budget for GitHub: false, without waiting, when it is spent. */
  wait: (ms: number) => Promise<boolean>
}

export async function findPullRequest(
  octokit: Octokit,
  settings: GitHubSettings,
  context: RunContext,
  log: Log,
  options: LookupOptions
): Promise<PullRequestRef | NotApprovable | undefined> {
  if (!context.repository) {
    log.notice('No comment: GITHUB_REPOSITORY is not set, so there is no repository to comment in.')
    return undefined
  }
  const { owner, repo } = context.repository
  const ref = (number: number, headSha: string | undefined, merged?: boolean): PullRequestRef => ({
    owner,
    repo,
    number,
    url: `${context.serverUrl}/${owner}/${repo}/pull/${number}`,
    headSha,
    ...(merged === undefined ? {} : { merged })
  })
  const event = context.eventName
  const fromEvent =
    (event === 'pull_request' || event === 'pull_request_target') && context.pullRequest
      ? context.pullRequest.number
      : undefined
  const number = settings.prNumber ?? fromEvent
  if (number !== undefined) {
    const headFromEvent =
      context.pullRequest?.number === number ? context.pullRequest.headSha : undefined
    if (!options.merged) return ref(number, headFromEvent)
    // An approval: GitHub says whether it is merged, and as which commit.
    const { data } = await octokit.rest.pulls.get({ owner, repo, pull_number: number })
    const pull = pullOf(data, PULL)
    const why = notApprovable([pull], context.sha, number)
    return why ? { notApprovable: why } : ref(number, pull.head.sha, true)
  }
  if (event === 'push' && context.sha) {
    const sha = context.sha
    const delays = options.merged ? options.retryDelaysMs : []
    let pulls: Pull[]
    let [waited, times] = [0, 1]
    for (let asked = 0; ; asked++) {
      const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
        owner,
        repo,
        commit_sha: sha
      })
      pulls = list(data, COMMIT_PULLS).map(answer => pullOf(answer, COMMIT_PULLS))
      if (!options.merged) {
        // The pull request this commit merged, if any; else one that contains it.
        const pull = pulls.find(p => p.merge_commit_sha === sha) ?? pulls[0]
        if (pull) return ref(pull.number, pull.head.sha)
        log.notice(`No comment: commit ${sha.slice(0, 7)} belongs to no pull request.`)
        return undefined
      }
      const merged = pulls.find(p => mergedAs(p, sha))
      if (merged) return ref(merged.number, merged.head.sha, true)
      const delay = delays[asked]
      if (delay === undefined) break
      log.info(
        `GitHub names no merged pull request for commit ${sha.slice(0, 7)} yet (a fresh merge takes a moment to index): asking again in ${Math.round(delay / 100) / 10} s.`
      )
      if (!(await options.wait(delay))) break
      waited += delay
      times += 1
    }
    const asked = `GitHub was asked ${times} time${times === 1 ? '' : 's'} over ${Math.round(waited / 1000)} s`
    return {
      notApprovable:
        notApprovable(pulls, sha) ??
        `commit ${sha.slice(0, 7)} belongs to no pull request (${asked}). If it was merged just now, run the job again in a minute; a commit pushed straight to the branch has no approved plan`
    }
  }
  if (options.merged) {
    return {
      notApprovable: `a ${event || 'run'} event names no pull request, and \`pr-number\` is not given`
    }
  }
  log.notice(
    `No comment: a ${event || 'run'} event has no pull request. Give \`pr-number\` to comment on one anyway.`
  )
  return undefined
}

function mergedAs(pull: Pull, sha?: string) {
  return (
    pull.merged_at !== null &&
    sha !== undefined &&
    (pull.merge_commit_sha === sha || pull.head.sha === sha)
  )
}

/** Why none of these pull requests approves the commit, naming them; undefined if one does. */
function notApprovable(
  pulls: readonly Pull[],
  sha: string | undefined,
  number?: number
): string | undefined {
  if (pulls.some(p => mergedAs(p, sha))) return undefined
  if (pulls.length === 0) return undefined
  const commit = sha ? `commit ${sha.slice(0, 7)}` : 'this run (GITHUB_SHA is not set)'
  const each = pulls.map(p =>
    p.merged_at === null
      ? `pull request #${p.number} is ${p.state === 'open' ? 'open' : 'closed'} and not merged`
      : `pull request #${p.number} was merged as ${p.merge_commit_sha?.slice(0, 7) ?? 'an unknown commit'} (head ${p.head.sha.slice(0, 7)}), not as ${sha?.slice(0, 7) ?? 'this commit'}`
  )
  const which = number === undefined ? `${commit} is no merged pull request's merge` : commit
  return `${which}: ${each.join('; ')}. Only the plan of a merged pull request is applied, by the run of its merge commit`
}
