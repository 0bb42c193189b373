/**
 * What the runner says about the run, read once from its environment and event file: the
 * workflow and job, the commit, the event and its pull request, and where GitHub is. Nothing else
 * reads GITHUB_* variables (@actions/github's `context` reads them at import time, which would tie
 * every run in one process to the first one's environment).
 */
import { readFileSync } from 'node:fs'
import { isRecord } from '../core/narrow.js'

export interface PullRequestEvent {
  number: number
  /** The head commit the reviewer knows; not GITHUB_SHA, which is a synthetic merge commit. */
  headSha: string | undefined
  url: string | undefined
}

export interface RunContext {
  workflow: string | undefined
  job: string | undefined
  eventName: string
  /** GITHUB_SHA: the commit the run checked out. */
  sha: string | undefined
  runId: string | undefined
  /** The run's number in its workflow, as people name runs ("run 17"). */
  runNumber: string | undefined
  runAttempt: string | undefined
  repository: { owner: string; repo: string } | undefined
  serverUrl: string
  apiUrl: string
  graphqlUrl: string
  workspace: string
  pullRequest: PullRequestEvent | undefined
  /** The action running (owner/name) and its ref, as the runner says: its schema's address. */
  actionRepository: string | undefined
  actionRef: string | undefined
}

export type Environment = Readonly<Record<string, string | undefined>>

export function readRunContext(
  env: Environment,
  readFile: (path: string) => string = path => readFileSync(path, 'utf8')
): RunContext {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/')
  const apiUrl = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '')
  return {
    workflow: env.GITHUB_WORKFLOW,
    job: env.GITHUB_JOB,
    eventName: env.GITHUB_EVENT_NAME ?? '',
    sha: env.GITHUB_SHA || undefined,
    runId: env.GITHUB_RUN_ID || undefined,
    runNumber: env.GITHUB_RUN_NUMBER || undefined,
    runAttempt: env.GITHUB_RUN_ATTEMPT || undefined,
    repository: owner && repo ? { owner, repo } : undefined,
    serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
    apiUrl,
    graphqlUrl: env.GITHUB_GRAPHQL_URL || `${apiUrl}/graphql`,
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    pullRequest: pullRequestOf(readEvent(env.GITHUB_EVENT_PATH, readFile)),
    actionRepository: env.GITHUB_ACTION_REPOSITORY || undefined,
    actionRef: env.GITHUB_ACTION_REF || undefined
  }
}

function readEvent(path: string | undefined, readFile: (path: string) => string): unknown {
  if (!path) return undefined
  try {
    const event: unknown = JSON.parse(readFile(path))
    return event
  } catch {
    // No event file (a local run) is no pull request, not a failure.
    return undefined
  }
}

function pullRequestOf(event: unknown): PullRequestEvent | undefined {
  const pull = isRecord(event) ? event.pull_request : undefined
  if (!isRecord(pull) || typeof pull.number !== 'number') return undefined
  const head = pull.head
  return {
    number: pull.number,
    headSha: isRecord(head) && typeof head.sha === 'string' ? head.sha : undefined,
    url: typeof pull.html_url === 'string' ? pull.html_url : undefined
  }
}

/** The link to this run, for comments and summaries. */
export function runUrl(context: RunContext): string {
  const repository = context.repository
    ? `${context.repository.owner}/${context.repository.repo}`
    : 'unknown/unknown'
  return `${context.serverUrl}/${repository}/actions/runs/${context.runId ?? '0'}`
}
