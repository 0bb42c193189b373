/**
 * An emulator of the slice of GitHub the action talks to: issue comments (paginated with a Link
 * header), the pull requests of a commit, one pull request, the authenticated user, the GraphQL
 * `viewer { login }` query, and the rate limits octokit's throttling plugin reacts to. Field names,
 * status codes, error bodies and headers follow docs.github.com.
 */
import type { IncomingHttpHeaders } from 'node:http'
import {
  Emulator,
  type EmulatorRequest,
  type EmulatorResponse,
  type Fault,
  type RecordedRequest
} from './http.js'

export const INSTALLATION_TOKEN = 'ghs_installation_token'
export const PERSONAL_TOKEN = 'ghp_personal_token'
export const READ_ONLY_TOKEN = 'ghs_read_only_token'
export const MAX_COMMENT_LENGTH = 65_536

export interface GitHubUserSpec {
  token: string
  /** A user's login, or an installation's app slug (its GraphQL viewer login, without "[bot]"). */
  login: string
  kind?: 'user' | 'installation'
  readOnly?: boolean
}

export interface GitHubAccount {
  login: string
  id: number
  type: 'User' | 'Bot'
}

export interface StoredComment {
  id: number
  owner: string
  repo: string
  issueNumber: number
  body: string
  user: GitHubAccount
  createdAt: string
  updatedAt: string
}

export interface PullRequestSeed {
  number: number
  headSha: string
  /** Other commits of the pull request (GitHub associates each with it). */
  commits?: string[]
  /**
   * Before the merge, GitHub's test merge commit; after it, the merge commit, the squashed
   * commit, or (rebase) the commit the base branch was updated to.
   */
  mergeCommitSha?: string
  state?: 'open' | 'closed'
  merged?: boolean
  title?: string
  headRef?: string
  baseRef?: string
  /** The author, octocat unless given. */
  login?: string
}

export const DEFAULT_USERS: GitHubUserSpec[] = [
  { token: INSTALLATION_TOKEN, login: 'github-actions', kind: 'installation' },
  { token: PERSONAL_TOKEN, login: 'octocat', kind: 'user' },
  { token: READ_ONLY_TOKEN, login: 'github-actions', kind: 'installation', readOnly: true }
]

type StoredPull = PullRequestSeed & { createdAt: string; mergedAt: string | null }
interface Repository {
  owner: string
  name: string
  /** Issue number → its comments in creation order; every pull request is an issue too. */
  issues: Map<number, StoredComment[]>
  pulls: Map<number, StoredPull>
}
interface Caller {
  spec: GitHubUserSpec
  account: GitHubAccount
}
type Handle = (request: EmulatorRequest, caller: Caller, doc: string) => EmulatorResponse
type HeaderMap = Record<string, string>

const DOCS = 'https://docs.github.com/rest'
const DOC = {
  listComments: `${DOCS}/issues/comments#list-issue-comments`,
  createComment: `${DOCS}/issues/comments#create-an-issue-comment`,
  updateComment: `${DOCS}/issues/comments#update-an-issue-comment`,
  commitPulls: `${DOCS}/commits/commits#list-pull-requests-associated-with-a-commit`,
  getPull: `${DOCS}/pulls/pulls#get-a-pull-request`,
  getUser: `${DOCS}/users/users#get-the-authenticated-user`,
  graphql: 'https://docs.github.com/graphql',
  rateLimits: `${DOCS}/overview/rate-limits-for-the-rest-api`
}
const RATE_LIMIT = 5000
const WINDOW_MS = 3_600_000

// GitHub's error bodies have carried the status, as a string, since 2024.
const failure = (status: number, message: string, doc: string, extra = {}): EmulatorResponse => ({
  status,
  body: { message, ...extra, documentation_url: doc, status: String(status) }
})
const timestamp = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')
const nodeId = (prefix: string, id: number) =>
  `${prefix}_${Buffer.from(`emulated:${id}`).toString('base64url')}`
const tokenOf = (headers: IncomingHttpHeaders) =>
  /^(?:token|bearer)\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1]
const positiveInteger = (value: string | null) => {
  const n = Number(value ?? undefined)
  return Number.isInteger(n) && n >= 1 ? n : undefined
}
const bodyField = (request: EmulatorRequest, field: string): unknown =>
  typeof request.body === 'object' && request.body !== null
    ? (request.body as Record<string, unknown>)[field]
    : undefined

export class GitHubEmulator extends Emulator {
  private readonly tokens = new Map<string, Caller>()
  private readonly accounts = new Map<string, GitHubAccount>()
  private readonly repositories = new Map<string, Repository>()
  private readonly commentsById = new Map<number, StoredComment>()
  private readonly startedAt = Date.now()
  private readonly used = new Map<string, number>()
  // Real comment ids no longer fit in 32 bits; a client that assumes they do should fail here.
  private nextCommentId = 2_500_000_001
  private nextAccountId = 1001

  /**
   * `enterprise`: GitHub Enterprise Server's layout, REST under /api/v3 and GraphQL at /api/graphql
   * (GITHUB_API_URL is then `apiUrl`, not `url`).
   */
  private constructor(private readonly enterprise: boolean) {
    super()
    const rest = enterprise ? '/api/v3' : ''
    const repo = `${rest}/repos/{owner}/{repo}`
    const routes: [string, string, string, Handle][] = [
      ['GET', `${repo}/issues/{issue_number}/comments`, DOC.listComments, this.listComments],
      ['POST', `${repo}/issues/{issue_number}/comments`, DOC.createComment, this.createComment],
      ['PATCH', `${repo}/issues/comments/{comment_id}`, DOC.updateComment, this.updateComment],
      ['GET', `${repo}/commits/{commit_sha}/pulls`, DOC.commitPulls, this.commitPulls],
      ['GET', `${repo}/pulls/{pull_number}`, DOC.getPull, this.getPull],
      ['GET', `${rest}/user`, DOC.getUser, this.getUser],
      ['POST', enterprise ? '/api/graphql' : '/graphql', DOC.graphql, this.graphql]
    ]
    for (const [method, pattern, doc, handle] of routes) {
      this.server.route(method, pattern, request => {
        const token = tokenOf(request.headers)
        if (token === undefined) return failure(401, 'Requires authentication', doc)
        const caller = this.tokens.get(token)
        if (!caller) return failure(401, 'Bad credentials', DOCS)
        return handle.call(this, request, caller, doc)
      })
    }
    this.server.commonHeaders = record => this.rateLimitHeaders(record)
  }

  static async start(
    options: { users?: GitHubUserSpec[]; enterprise?: boolean } = {}
  ): Promise<GitHubEmulator> {
    const emulator = new GitHubEmulator(options.enterprise === true)
    for (const user of options.users ?? DEFAULT_USERS) emulator.addUser(user)
    await emulator.server.listen()
    return emulator
  }

  /** What GITHUB_API_URL is set to for this emulator. */
  get apiUrl(): string {
    return this.enterprise ? `${this.url}/api/v3` : this.url
  }

  addUser(spec: GitHubUserSpec): void {
    const bot = spec.kind === 'installation'
    const account = this.account(bot ? `${spec.login}[bot]` : spec.login, bot ? 'Bot' : 'User')
    this.tokens.set(spec.token, { spec, account })
  }

  addPullRequest(owner: string, repo: string, pr: PullRequestSeed): void {
    const repository = this.repository(owner, repo)
    const createdAt = timestamp()
    const state = pr.merged ? 'closed' : (pr.state ?? 'open')
    repository.pulls.set(pr.number, {
      ...pr,
      state,
      createdAt,
      mergedAt: pr.merged ? createdAt : null
    })
    if (!repository.issues.has(pr.number)) repository.issues.set(pr.number, [])
  }

  /**
   * The pull request merged, as GitHub records it: closed, `merged_at` set, `merge_commit_sha` the
   * merge (or squash) commit, or for a rebase the commit the base branch was updated to.
   */
  mergePullRequest(owner: string, repo: string, number: number, mergeCommitSha: string): void {
    const pull = this.repositories.get(key(owner, repo))?.pulls.get(number)
    if (!pull) throw new Error(`no pull request #${number}`)
    Object.assign(pull, { state: 'closed', merged: true, mergeCommitSha, mergedAt: timestamp() })
  }

  /**
   * The next `count` lookups of a commit's pull requests find none, as for a merge GitHub has not
   * indexed yet.
   */
  notIndexedYet(count: number): void {
    const route = `${this.enterprise ? '/api/v3' : ''}/repos/{owner}/{repo}/commits/{commit_sha}/pulls`
    this.server.injectFaults(
      { method: 'GET', route },
      ...Array.from({ length: count }, () => ({ kind: 'replace-body' as const, body: [] }))
    )
  }

  /** A comment by anyone, straight into the store; the issue comes into being if need be. */
  addComment(
    owner: string,
    repo: string,
    issueNumber: number,
    comment: { login: string; body: string; type?: 'User' | 'Bot' }
  ): StoredComment {
    const type = comment.type ?? (comment.login.endsWith('[bot]') ? 'Bot' : 'User')
    const user = this.account(comment.login, type)
    const stored = this.storeComment(this.repository(owner, repo), issueNumber, user, comment.body)
    return structuredClone(stored)
  }

  /** A comment removed from the store, as its author (or an admin) deleting it would. */
  deleteComment(id: number): void {
    const stored = this.commentsById.get(id)
    if (!stored) throw new Error(`no comment ${id}`)
    const repository = this.repositories.get(key(stored.owner, stored.repo))
    const list = repository?.issues.get(stored.issueNumber) ?? []
    repository?.issues.set(
      stored.issueNumber,
      list.filter(comment => comment.id !== id)
    )
    this.commentsById.delete(id)
  }

  comments(owner: string, repo: string, issueNumber: number): StoredComment[] {
    return structuredClone(this.repositories.get(key(owner, repo))?.issues.get(issueNumber) ?? [])
  }

  /** The next `count` requests answer 403 with retry-after, as GitHub's secondary limit does. */
  secondaryRateLimit(count: number, retryAfterSeconds: number): void {
    const message =
      'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'
    const doc = `${DOC.rateLimits}#about-secondary-rate-limits`
    this.rateLimited(count, message, doc, { 'retry-after': String(retryAfterSeconds) })
  }

  /** The next `count` requests answer 403 with the quota spent until the reset. */
  primaryRateLimit(count: number, resetInSeconds: number): void {
    this.rateLimited(count, 'API rate limit exceeded for installation ID 1.', DOC.rateLimits, {
      'x-ratelimit-limit': String(RATE_LIMIT),
      'x-ratelimit-remaining': '0',
      'x-ratelimit-used': String(RATE_LIMIT),
      'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + resetInSeconds)
    })
  }

  private rateLimited(count: number, message: string, doc: string, headers: HeaderMap): void {
    const fault: Fault = { kind: 'status', ...failure(403, message, doc), headers }
    this.server.injectFaults({}, ...Array.from({ length: count }, () => fault))
  }

  /** Called once per answer: each token spends its own hourly quota, GraphQL apart from REST. */
  private rateLimitHeaders(record: RecordedRequest): HeaderMap {
    const graphql = record.path.endsWith('/graphql')
    const token = tokenOf(record.headers)
    const limit = token !== undefined && this.tokens.has(token) ? RATE_LIMIT : 60
    const window = Math.floor((record.at - this.startedAt) / WINDOW_MS)
    const windowStart = this.startedAt + window * WINDOW_MS
    const quota = `${window} ${graphql ? 'graphql' : 'core'} ${token ?? ''}`
    const used = (this.used.get(quota) ?? 0) + 1
    this.used.set(quota, used)
    return {
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': String(Math.max(0, limit - used)),
      'x-ratelimit-reset': String(Math.floor((windowStart + WINDOW_MS) / 1000)),
      'x-ratelimit-used': String(used),
      'x-ratelimit-resource': graphql ? 'graphql' : 'core'
    }
  }

  private account(login: string, type: 'User' | 'Bot'): GitHubAccount {
    const known = this.accounts.get(login.toLowerCase())
    if (known) return known
    const account: GitHubAccount = { login, id: this.nextAccountId++, type }
    this.accounts.set(login.toLowerCase(), account)
    return account
  }

  private repository(owner: string, name: string): Repository {
    const existing = this.repositories.get(key(owner, name))
    if (existing) return existing
    const repository: Repository = { owner, name, issues: new Map(), pulls: new Map() }
    this.repositories.set(key(owner, name), repository)
    return repository
  }

  private storeComment(
    repository: Repository,
    issueNumber: number,
    user: GitHubAccount,
    body: string
  ): StoredComment {
    const [id, now] = [this.nextCommentId++, timestamp()]
    const { owner, name: repo } = repository
    const comment = { id, owner, repo, issueNumber, body, user, createdAt: now, updatedAt: now }
    repository.issues.set(issueNumber, [...(repository.issues.get(issueNumber) ?? []), comment])
    this.commentsById.set(id, comment)
    return comment
  }

  private representComment(comment: StoredComment) {
    const { owner, repo, id, issueNumber, user } = comment
    const api = `${this.apiUrl}/repos/${owner}/${repo}`
    const isPull = this.repositories.get(key(owner, repo))?.pulls.has(issueNumber)
    const page = `https://github.com/${owner}/${repo}/${isPull ? 'pull' : 'issues'}/${issueNumber}`
    return {
      url: `${api}/issues/comments/${id}`,
      html_url: `${page}#issuecomment-${id}`,
      issue_url: `${api}/issues/${issueNumber}`,
      id,
      node_id: nodeId('IC', id),
      user: { ...user, node_id: nodeId('U', user.id), site_admin: false },
      created_at: comment.createdAt,
      updated_at: comment.updatedAt,
      author_association: user.login.toLowerCase() === owner.toLowerCase() ? 'OWNER' : 'NONE',
      body: comment.body,
      performed_via_github_app: null
    }
  }

  private representPull(repository: Repository, pr: StoredPull): object {
    const user = this.account(pr.login ?? 'octocat', 'User')
    const path = `${repository.owner}/${repository.name}`
    return {
      url: `${this.apiUrl}/repos/${path}/pulls/${pr.number}`,
      id: pr.number,
      node_id: nodeId('PR', pr.number),
      html_url: `https://github.com/${path}/pull/${pr.number}`,
      number: pr.number,
      state: pr.state,
      title: pr.title ?? `Pull request #${pr.number}`,
      user: { login: user.login, id: user.id, type: user.type },
      created_at: pr.createdAt,
      closed_at: pr.state === 'closed' ? pr.createdAt : null,
      merged_at: pr.mergedAt,
      merge_commit_sha: pr.mergeCommitSha ?? null,
      head: { ref: pr.headRef ?? `feature-${pr.number}`, sha: pr.headSha },
      base: { ref: pr.baseRef ?? 'main' }
    }
  }

  /** One page of `items` per `per_page` and `page`, with the Link header GitHub sends. */
  private paginate(request: EmulatorRequest, items: object[]): EmulatorResponse {
    const perPage = Math.min(100, positiveInteger(request.query.get('per_page')) ?? 30)
    const page = positiveInteger(request.query.get('page')) ?? 1
    const last = Math.max(1, Math.ceil(items.length / perPage))
    const link = (n: number, rel: string) => {
      const query = new URLSearchParams(request.query)
      query.delete('page')
      query.append('page', String(n))
      return `<${this.url}${request.path}?${query}>; rel="${rel}"`
    }
    const links = [
      ...(page > 1 ? [link(page - 1, 'prev')] : []),
      ...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []),
      ...(page > 1 ? [link(1, 'first')] : [])
    ]
    return {
      status: 200,
      body: items.slice((page - 1) * perPage, page * perPage),
      headers: links.length > 0 ? { link: links.join(', ') } : {}
    }
  }

  private repositoryOf(request: EmulatorRequest): Repository | undefined {
    return this.repositories.get(key(request.params.owner ?? '', request.params.repo ?? ''))
  }

  private listComments(request: EmulatorRequest, _caller: Caller, doc: string): EmulatorResponse {
    const comments = this.repositoryOf(request)?.issues.get(Number(request.params.issue_number))
    if (!comments) return failure(404, 'Not Found', doc)
    return this.paginate(
      request,
      comments.map(c => this.representComment(c))
    )
  }

  /** Why this body may not be written, checked as GitHub does: access first, then the body. */
  private refuseWrite(request: EmulatorRequest, caller: Caller, doc: string) {
    if (caller.spec.readOnly) return failure(403, 'Resource not accessible by integration', doc)
    if (typeof request.body === 'string') return failure(400, 'Problems parsing JSON', doc)
    const body = bodyField(request, 'body')
    if (body === undefined) return failure(422, `Invalid request.\n\n"body" wasn't supplied.`, doc)
    if (typeof body !== 'string') {
      const message = `Invalid request.\n\nFor 'properties/body', ${JSON.stringify(body)} is not a string.`
      return failure(422, message, doc)
    }
    const invalid = (error: object) =>
      failure(422, 'Validation Failed', doc, { errors: [{ resource: 'IssueComment', ...error }] })
    // GitHub counts characters, not UTF-16 units: an emoji is one.
    if ([...body].length > MAX_COMMENT_LENGTH) {
      const message = `body is too long (maximum is ${MAX_COMMENT_LENGTH} characters)`
      return invalid({ code: 'custom', field: 'body', message })
    }
    if (body.trim() === '') return invalid({ code: 'missing_field', field: 'body' })
    return undefined
  }

  private createComment(request: EmulatorRequest, caller: Caller, doc: string): EmulatorResponse {
    const repository = this.repositoryOf(request)
    const number = Number(request.params.issue_number)
    if (!repository?.issues.has(number)) return failure(404, 'Not Found', doc)
    const refusal = this.refuseWrite(request, caller, doc)
    if (refusal) return refusal
    const body = String(bodyField(request, 'body'))
    const stored = this.storeComment(repository, number, caller.account, body)
    const comment = this.representComment(stored)
    return { status: 201, body: comment, headers: { location: comment.url } }
  }

  private updateComment(request: EmulatorRequest, caller: Caller, doc: string): EmulatorResponse {
    const stored = this.commentsById.get(Number(request.params.comment_id))
    const repository = stored && this.repositories.get(key(stored.owner, stored.repo))
    if (!stored || repository !== this.repositoryOf(request)) return failure(404, 'Not Found', doc)
    const refusal = this.refuseWrite(request, caller, doc)
    if (refusal) return refusal
    stored.body = String(bodyField(request, 'body'))
    stored.updatedAt = timestamp()
    return { status: 200, body: this.representComment(stored) }
  }

  private commitPulls(request: EmulatorRequest, _caller: Caller, doc: string): EmulatorResponse {
    const repository = this.repositoryOf(request)
    if (!repository) return failure(404, 'Not Found', doc)
    const sha = (request.params.commit_sha ?? '').toLowerCase()
    // As documented: the merged pull request that introduced the commit to the base branch; for
    // a commit not there (yet), the open and merged pull requests that contain it.
    const all = [...repository.pulls.values()]
    const merged = all.filter(
      pr => pr.mergedAt !== null && pr.mergeCommitSha?.toLowerCase() === sha
    )
    const containing = all.filter(
      pr =>
        pr.headSha.toLowerCase() === sha ||
        (pr.commits ?? []).some(commit => commit.toLowerCase() === sha)
    )
    const pulls = (merged.length > 0 ? merged : containing).map(pr =>
      this.representPull(repository, pr)
    )
    return this.paginate(request, pulls)
  }

  private getPull(request: EmulatorRequest, _caller: Caller, doc: string): EmulatorResponse {
    const repository = this.repositoryOf(request)
    const pr = repository?.pulls.get(Number(request.params.pull_number))
    if (!repository || !pr) return failure(404, 'Not Found', doc)
    // The full pull request says `merged` too; the lists (pull-request-simple) do not.
    return {
      status: 200,
      body: { ...this.representPull(repository, pr), merged: pr.mergedAt !== null }
    }
  }

  private getUser(_request: EmulatorRequest, caller: Caller, doc: string): EmulatorResponse {
    // An installation token is not a user; GitHub refuses rather than naming the bot.
    if (caller.spec.kind === 'installation') {
      return failure(403, 'Resource not accessible by integration', doc)
    }
    const { login, id, type } = caller.account
    return { status: 200, body: { login, id, node_id: nodeId('U', id), type, site_admin: false } }
  }

  private graphql(request: EmulatorRequest, caller: Caller): EmulatorResponse {
    const query = bodyField(request, 'query')
    if (typeof query === 'string' && query.includes('viewer') && query.includes('login')) {
      return { status: 200, body: { data: { viewer: { login: caller.spec.login } } } }
    }
    return { status: 200, body: { errors: [{ message: 'unsupported by the emulator' }] } }
  }
}

// Owner and repository names are case-insensitive on GitHub.
function key(owner: string, repo: string): string {
  return `${owner}/${repo}`.toLowerCase()
}
