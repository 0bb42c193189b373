import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import Bottleneck from 'bottleneck/light.js'
import {
  GitHubEmulator,
  INSTALLATION_TOKEN,
  MAX_COMMENT_LENGTH,
  PERSONAL_TOKEN,
  READ_ONLY_TOKEN
} from '../../emulators/github.js'

let github: GitHubEmulator
const COMMENTS = '/repos/acme/widgets/issues/7/comments'

beforeEach(async () => {
  github = await GitHubEmulator.start()
  github.addPullRequest('acme', 'widgets', { number: 7, headSha: 'a'.repeat(40) })
})
afterEach(() => github.close())

async function call(method: string, pathOrUrl: string, body?: unknown, token = INSTALLATION_TOKEN) {
  const response = await fetch(pathOrUrl.startsWith('http') ? pathOrUrl : github.url + pathOrUrl, {
    method,
    headers: {
      ...(token === '' ? {} : { Authorization: `token ${token}` }),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' })
    },
    body: body === undefined ? undefined : JSON.stringify(body)
  })
  const text = await response.text()
  return {
    status: response.status,
    headers: response.headers,
    body: text ? JSON.parse(text) : undefined
  }
}

/** rel → url, from a Link header. */
function links(header: string | null): Record<string, string> {
  const found: Record<string, string> = {}
  for (const match of (header ?? '').matchAll(/<([^>]+)>; rel="(\w+)"/g)) {
    found[match[2]!] = match[1]!
  }
  return found
}

type LimitHandler = (
  retryAfter: number,
  options: object,
  client: object,
  retries: number
) => boolean

/** A throttle handler that asks for one retry and records each retry-after it is told. */
function retryOnce(): { seen: number[]; handler: LimitHandler } {
  const seen: number[] = []
  return {
    seen,
    handler: (retryAfter, _options, _client, retries) => {
      seen.push(retryAfter)
      return retries === 0
    }
  }
}

const giveUp: LimitHandler = () => false

let clients = 0

/** GitHub's "seconds", as octokit waits them here: 10 ms, so that no test waits for real. */
const SECOND_MS = 10

function octokit(token: string, onSecondaryRateLimit = giveUp, onRateLimit = giveUp) {
  // The plugin keeps its queues for the whole process: fresh ones keep one test's writes from
  // pacing the next.
  const throttle = {
    id: `test-${++clients}`,
    onSecondaryRateLimit,
    onRateLimit,
    retryAfterBaseValue: SECOND_MS,
    global: new Bottleneck.Group({ maxConcurrent: 10 }),
    write: new Bottleneck.Group({ maxConcurrent: 1 }),
    notifications: new Bottleneck.Group({ maxConcurrent: 1 })
  }
  return getOctokit(token, { baseUrl: github.url, throttle }, retry, throttling)
}

describe('GitHub emulator: issue comments', () => {
  it('pages 250 comments by 100 with the Link rels GitHub sends', async () => {
    for (let i = 0; i < 250; i++)
      github.addComment('acme', 'widgets', 7, { login: 'someone', body: `c${i}` })

    const first = await call('GET', `${COMMENTS}?per_page=100`)
    expect(first.status).toBe(200)
    expect(first.body).toHaveLength(100)
    expect(first.body[0].body).toBe('c0')
    const firstLinks = links(first.headers.get('link'))
    expect(Object.keys(firstLinks)).toEqual(['next', 'last'])
    expect(firstLinks.next).toBe(`${github.url}${COMMENTS}?per_page=100&page=2`)
    expect(firstLinks.last).toBe(`${github.url}${COMMENTS}?per_page=100&page=3`)

    const second = await call('GET', firstLinks.next!)
    const secondLinks = links(second.headers.get('link'))
    expect(second.body[0].body).toBe('c100')
    expect(Object.keys(secondLinks)).toEqual(['prev', 'next', 'last', 'first'])
    expect(secondLinks.prev).toBe(`${github.url}${COMMENTS}?per_page=100&page=1`)

    const last = await call('GET', secondLinks.next!)
    expect(last.body).toHaveLength(50)
    expect(last.body[49].body).toBe('c249')
    expect(Object.keys(links(last.headers.get('link')))).toEqual(['prev', 'first'])

    const ids = [...first.body, ...second.body, ...last.body].map((c: { id: number }) => c.id)
    expect(ids).toEqual([...ids].sort((a, b) => a - b))
  })

  it('defaults to 30 a page, caps per_page at 100 and sends no Link when one page holds all', async () => {
    for (let i = 0; i < 120; i++)
      github.addComment('acme', 'widgets', 7, { login: 'someone', body: 'x' })
    expect((await call('GET', COMMENTS)).body).toHaveLength(30)
    expect((await call('GET', `${COMMENTS}?per_page=500`)).body).toHaveLength(100)
    github.addPullRequest('acme', 'widgets', { number: 8, headSha: 'b'.repeat(40) })
    github.addComment('acme', 'widgets', 8, { login: 'someone', body: 'only' })
    const single = await call('GET', '/repos/acme/widgets/issues/8/comments')
    expect(single.body).toHaveLength(1)
    expect(single.headers.get('link')).toBeNull()
  })

  it('lets octokit paginate through every comment', async () => {
    for (let i = 0; i < 250; i++)
      github.addComment('acme', 'widgets', 7, { login: 'someone', body: `c${i}` })
    const client = octokit(INSTALLATION_TOKEN)
    const all = await client.paginate(client.rest.issues.listComments, {
      owner: 'acme',
      repo: 'widgets',
      issue_number: 7,
      per_page: 100
    })
    expect(all.map(c => c.body)).toEqual(Array.from({ length: 250 }, (_v, i) => `c${i}`))
    expect(github.server.requestsTo('GET')).toHaveLength(3)
  })

  it('answers 404 with a documentation_url for an unknown repository or issue', async () => {
    const unknownRepo = await call('GET', '/repos/acme/nope/issues/7/comments')
    expect(unknownRepo.status).toBe(404)
    expect(unknownRepo.body).toEqual({
      message: 'Not Found',
      documentation_url: 'https://docs.github.com/rest/issues/comments#list-issue-comments',
      status: '404'
    })
    expect((await call('GET', '/repos/acme/widgets/issues/99/comments')).status).toBe(404)
    expect(
      (await call('POST', '/repos/acme/widgets/issues/99/comments', { body: 'x' })).status
    ).toBe(404)
  })

  it('creates a comment as the bot and updates it', async () => {
    const created = await call('POST', COMMENTS, { body: 'hello' })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({
      body: 'hello',
      user: { login: 'github-actions[bot]', type: 'Bot' },
      html_url: expect.stringMatching(
        /^https:\/\/github\.com\/acme\/widgets\/pull\/7#issuecomment-\d+$/
      ),
      issue_url: `${github.url}/repos/acme/widgets/issues/7`,
      performed_via_github_app: null
    })
    expect(created.headers.get('location')).toBe(created.body.url)

    const updated = await call('PATCH', `/repos/acme/widgets/issues/comments/${created.body.id}`, {
      body: 'edited'
    })
    expect(updated.status).toBe(200)
    expect(updated.body).toMatchObject({ id: created.body.id, body: 'edited' })
    expect(github.comments('acme', 'widgets', 7).map(c => c.body)).toEqual(['edited'])
  })

  it('answers 404 to an update of an unknown comment or one from another repository', async () => {
    const { id } = github.addComment('acme', 'gadgets', 1, { login: 'octocat', body: 'elsewhere' })
    expect(
      (await call('PATCH', '/repos/acme/widgets/issues/comments/12345', { body: 'x' })).status
    ).toBe(404)
    expect(
      (await call('PATCH', `/repos/acme/widgets/issues/comments/${id}`, { body: 'x' })).status
    ).toBe(404)
    expect(github.comments('acme', 'gadgets', 1)[0]?.body).toBe('elsewhere')
  })

  it('refuses a body over 65,536 characters with 422 and accepts one of exactly 65,536', async () => {
    const tooLong = await call('POST', COMMENTS, { body: 'x'.repeat(MAX_COMMENT_LENGTH + 1) })
    expect(tooLong.status).toBe(422)
    expect(tooLong.body).toEqual({
      message: 'Validation Failed',
      errors: [
        {
          resource: 'IssueComment',
          code: 'custom',
          field: 'body',
          message: 'body is too long (maximum is 65536 characters)'
        }
      ],
      documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
      status: '422'
    })
    expect(github.comments('acme', 'widgets', 7)).toHaveLength(0)

    const exact = await call('POST', COMMENTS, { body: 'x'.repeat(MAX_COMMENT_LENGTH) })
    expect(exact.status).toBe(201)
    const path = `/repos/acme/widgets/issues/comments/${exact.body.id}`
    expect((await call('PATCH', path, { body: 'y'.repeat(MAX_COMMENT_LENGTH + 1) })).status).toBe(
      422
    )
    expect(github.comments('acme', 'widgets', 7)[0]?.body).toHaveLength(MAX_COMMENT_LENGTH)
  })

  it('answers 403 to writes with a read-only token and changes nothing', async () => {
    const seeded = github.addComment('acme', 'widgets', 7, { login: 'octocat', body: 'original' })
    const create = await call('POST', COMMENTS, { body: 'x' }, READ_ONLY_TOKEN)
    expect(create.status).toBe(403)
    expect(create.body).toMatchObject({ message: 'Resource not accessible by integration' })
    const path = `/repos/acme/widgets/issues/comments/${seeded.id}`
    expect((await call('PATCH', path, { body: 'x' }, READ_ONLY_TOKEN)).status).toBe(403)
    expect((await call('GET', COMMENTS, undefined, READ_ONLY_TOKEN)).status).toBe(200)
    expect(github.comments('acme', 'widgets', 7).map(c => c.body)).toEqual(['original'])
  })
})

describe('GitHub emulator: auth, users and rate-limit headers', () => {
  it('answers 401 to a bad or missing token, with the rate-limit headers', async () => {
    const bad = await call('GET', COMMENTS, undefined, 'ghp_wrong')
    expect(bad.status).toBe(401)
    expect(bad.body).toEqual({
      message: 'Bad credentials',
      documentation_url: 'https://docs.github.com/rest',
      status: '401'
    })
    expect(bad.headers.get('x-ratelimit-limit')).toBe('60')
    expect((await call('GET', COMMENTS, undefined, '')).status).toBe(401)
  })

  it('accepts the Bearer scheme and counts each token against its own quota', async () => {
    const bearer = await fetch(`${github.url}${COMMENTS}`, {
      headers: { Authorization: `Bearer ${PERSONAL_TOKEN}` }
    })
    expect(bearer.status).toBe(200)
    await call('GET', COMMENTS)
    const second = await call('GET', COMMENTS)
    expect(second.headers.get('x-ratelimit-used')).toBe('2')
    expect(second.headers.get('x-ratelimit-remaining')).toBe('4998')
    expect(second.headers.get('x-ratelimit-resource')).toBe('core')
    const reset = Number(second.headers.get('x-ratelimit-reset'))
    expect(reset).toBeGreaterThan(Date.now() / 1000)
    expect(reset).toBeLessThanOrEqual(Date.now() / 1000 + 3600)
  })

  it('answers /user 403 for an installation token and 200 for a personal one', async () => {
    const installation = await call('GET', '/user')
    expect(installation.status).toBe(403)
    expect(installation.body).toMatchObject({
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user'
    })
    const personal = await call('GET', '/user', undefined, PERSONAL_TOKEN)
    expect(personal.status).toBe(200)
    expect(personal.body).toMatchObject({ login: 'octocat', type: 'User' })
    expect(typeof personal.body.id).toBe('number')
  })

  it('names the bot without [bot] in GraphQL and with it on its REST comments', async () => {
    const client = octokit(INSTALLATION_TOKEN)
    const viewer = await client.graphql<{ viewer: { login: string } }>('query { viewer { login } }')
    expect(viewer.viewer.login).toBe('github-actions')
    const { data } = await client.rest.issues.createComment({
      owner: 'acme',
      repo: 'widgets',
      issue_number: 7,
      body: 'mine'
    })
    expect(data.user?.login).toBe('github-actions[bot]')
    expect(data.user?.type).toBe('Bot')

    const unsupported = await call('POST', '/graphql', { query: 'query { repository { id } }' })
    expect(unsupported.status).toBe(200)
    expect(unsupported.body).toEqual({ errors: [{ message: 'unsupported by the emulator' }] })
    expect(unsupported.headers.get('x-ratelimit-resource')).toBe('graphql')
  })
})

describe('GitHub emulator: pull requests', () => {
  it('lists the pull request whose merge commit is the sha, and the one whose head it is', async () => {
    const merge = 'c'.repeat(40)
    github.addPullRequest('acme', 'widgets', {
      number: 12,
      headSha: 'd'.repeat(40),
      mergeCommitSha: merge,
      merged: true,
      title: 'Add flags'
    })
    const byMerge = await call('GET', `/repos/acme/widgets/commits/${merge}/pulls`)
    expect(byMerge.status).toBe(200)
    expect(byMerge.body).toHaveLength(1)
    expect(byMerge.body[0]).toMatchObject({
      number: 12,
      state: 'closed',
      title: 'Add flags',
      merge_commit_sha: merge,
      head: { sha: 'd'.repeat(40) },
      base: { ref: 'main' },
      html_url: 'https://github.com/acme/widgets/pull/12'
    })
    expect(byMerge.body[0].merged_at).toEqual(expect.any(String))
    const byHead = await call('GET', `/repos/acme/widgets/commits/${'a'.repeat(40)}/pulls`)
    expect(byHead.body.map((pr: { number: number }) => pr.number)).toEqual([7])
    expect(byHead.body[0].merged_at).toBeNull()
    expect((await call('GET', `/repos/acme/widgets/commits/${'e'.repeat(40)}/pulls`)).body).toEqual(
      []
    )
  })

  it('answers one pull request, and 404 for an unknown number', async () => {
    const found = await call('GET', '/repos/acme/widgets/pulls/7')
    expect(found.body).toMatchObject({ number: 7, state: 'open', head: { sha: 'a'.repeat(40) } })
    const missing = await call('GET', '/repos/acme/widgets/pulls/8')
    expect(missing.status).toBe(404)
    expect(missing.body.documentation_url).toBe(
      'https://docs.github.com/rest/pulls/pulls#get-a-pull-request'
    )
  })
})

describe('GitHub emulator: merges, the commit index and hung connections', () => {
  const shas = (body: { number: number }[]) => body.map(pr => pr.number)

  it('moves a pull request from open to merged, as GET and the commit lookup then say', async () => {
    const head = 'a'.repeat(40)
    const before = await call('GET', '/repos/acme/widgets/pulls/7')
    expect(before.body).toMatchObject({ state: 'open', merged: false, merged_at: null })
    // Before the merge, the head commit names the open pull request that contains it.
    expect(shas((await call('GET', `/repos/acme/widgets/commits/${head}/pulls`)).body)).toEqual([7])

    const merge = 'f'.repeat(40)
    github.mergePullRequest('acme', 'widgets', 7, merge)
    const after = await call('GET', '/repos/acme/widgets/pulls/7')
    expect(after.body).toMatchObject({ state: 'closed', merged: true, merge_commit_sha: merge })
    expect(after.body.merged_at).toEqual(expect.any(String))
    expect(after.body.closed_at).toEqual(expect.any(String))
    const byMerge = await call('GET', `/repos/acme/widgets/commits/${merge}/pulls`)
    expect(shas(byMerge.body)).toEqual([7])
    // The list is pull-request-simple: no `merged` field, `merged_at` says it.
    expect(byMerge.body[0]).not.toHaveProperty('merged')
    expect(byMerge.body[0].merged_at).toEqual(expect.any(String))
  })

  it('associates every commit of a pull request with it, not only its head', async () => {
    github.addPullRequest('acme', 'widgets', {
      number: 13,
      headSha: '1'.repeat(40),
      commits: ['2'.repeat(40)]
    })
    const found = await call('GET', `/repos/acme/widgets/commits/${'2'.repeat(40)}/pulls`)
    expect(shas(found.body)).toEqual([13])
  })

  it('finds no pull request for a commit not indexed yet, then finds it', async () => {
    const merge = 'f'.repeat(40)
    github.mergePullRequest('acme', 'widgets', 7, merge)
    github.notIndexedYet(2)
    const lookup = () => call('GET', `/repos/acme/widgets/commits/${merge}/pulls`)
    expect((await lookup()).body).toEqual([])
    expect((await lookup()).body).toEqual([])
    expect(shas((await lookup()).body)).toEqual([7])
  })

  it('can hold a request open without answering, until the client gives up', async () => {
    github.server.injectFaults({ method: 'GET' }, { kind: 'hang' })
    const hung = fetch(`${github.url}/repos/acme/widgets/pulls/7`, {
      headers: { authorization: `token ${INSTALLATION_TOKEN}` },
      signal: AbortSignal.timeout(200)
    })
    await expect(hung).rejects.toThrow(/aborted|timeout/i)
    expect(github.server.requests.at(-1)).toMatchObject({ status: 0, finishedAt: 0 })
    // The next request is answered as usual.
    expect((await call('GET', '/repos/acme/widgets/pulls/7')).status).toBe(200)
  })
})

describe('GitHub emulator: rate limits', () => {
  it('makes octokit wait out a secondary rate limit and retry to success', async () => {
    github.secondaryRateLimit(1, 1)
    const onSecondary = retryOnce()
    const client = octokit(INSTALLATION_TOKEN, onSecondary.handler)
    const started = Date.now()
    const { status, data } = await client.rest.issues.createComment({
      owner: 'acme',
      repo: 'widgets',
      issue_number: 7,
      body: 'after the wait'
    })
    expect(status).toBe(201)
    expect(data.body).toBe('after the wait')
    expect(onSecondary.seen).toEqual([1])
    expect(Date.now() - started).toBeGreaterThanOrEqual(1 * SECOND_MS)
    expect(github.server.requests.map(r => r.status)).toEqual([403, 201])
    expect(github.comments('acme', 'widgets', 7)).toHaveLength(1)
  })

  it('answers a primary rate limit with remaining 0 and the reset, which octokit recognises', async () => {
    github.primaryRateLimit(1, 1)
    const raw = await call('GET', COMMENTS)
    expect(raw.status).toBe(403)
    expect(raw.body.message).toBe('API rate limit exceeded for installation ID 1.')
    expect(raw.headers.get('x-ratelimit-remaining')).toBe('0')
    expect(Number(raw.headers.get('x-ratelimit-reset'))).toBeGreaterThanOrEqual(Date.now() / 1000)
    expect(raw.headers.get('x-ratelimit-resource')).toBe('core')

    github.primaryRateLimit(1, 0)
    const onPrimary = retryOnce()
    const client = octokit(INSTALLATION_TOKEN, giveUp, onPrimary.handler)
    const { status } = await client.rest.pulls.get({
      owner: 'acme',
      repo: 'widgets',
      pull_number: 7
    })
    expect(status).toBe(200)
    expect(onPrimary.seen).toHaveLength(1)
    expect(onPrimary.seen[0]).toBeGreaterThanOrEqual(1)
    expect(github.server.pendingFaults()).toBe(0)
  })
})
