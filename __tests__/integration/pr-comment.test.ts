/** The pull request comment, run as the runner runs the action, against both emulators. */
import { GitHubEmulator, INSTALLATION_TOKEN, READ_ONLY_TOKEN } from '../../emulators/github.js'
import { LaunchDarklyEmulator } from '../../emulators/launchdarkly.js'
import type { RunOptions } from '../../emulators/runner.js'
import { expectNoSecrets } from '../helpers/canaries.js'
import { APPROVALS_SECRET, ldInputs, run, seedApprovals } from '../helpers/fixtures.js'

let ld: LaunchDarklyEmulator
let gh: GitHubEmulator
beforeEach(async () => {
  ld = await LaunchDarklyEmulator.start()
  gh = await GitHubEmulator.start()
  gh.addPullRequest('acme', 'platform-config', { number: 7, headSha: 'a'.repeat(40) })
})
afterEach(async () => {
  await ld.close()
  await gh.close()
})

const PR_EVENT = { pull_request: { number: 7, head: { sha: 'a'.repeat(40) } } }

function plan(inputs: Record<string, string>, options: Partial<RunOptions> = {}) {
  return run(
    {
      inputs: ldInputs(ld, { 'comment-on-pr': 'true', 'dry-run': 'true', ...inputs }),
      githubApiUrl: gh.url,
      githubToken: INSTALLATION_TOKEN,
      eventName: 'pull_request',
      event: PR_EVENT,
      ...options
    },
    { github: gh }
  )
}

const comments = () => gh.comments('acme', 'platform-config', 7)

describe('pull request comment', () => {
  it('writes one comment, then updates it in place', async () => {
    const { _id } = seedApprovals(ld)
    const first = await plan({ 'configuration-id': _id, enabled: 'false' })
    expect(first.exitCode).toBe(0)
    expect(comments()).toHaveLength(1)
    const body = comments()[0]?.body ?? ''
    expect(body).toContain('LaunchDarkly: 1 configuration would change')
    expect(body).toContain('Approvals (prod)')
    expect(body).toContain(_id)
    expect(body).toContain('custom-approvals')
    expect(body).toContain('/enabled')
    expect(body).toContain('https://github.com/acme/platform-config/actions/runs/4242')
    expect(first.outputs['comment-url']).toMatch(/\/pull\/7#issuecomment-\d+$/)
    // With no comment carrying the marker yet, who the token is does not matter: not asked.
    const identityQueries = () => gh.server.requests.filter(r => r.path === '/graphql').length
    expect(identityQueries()).toBe(0)

    const second = await plan({ 'configuration-id': _id, enabled: 'true' })
    expect(second.exitCode).toBe(0)
    expect(comments()).toHaveLength(1)
    expect(comments()[0]?.body).toContain('No changes')
    expect(second.outputs['comment-url']).toBe(first.outputs['comment-url'])
    expect(identityQueries()).toBe(1)
  })

  it("finds its comment after 250 others, and leaves a copied marker in someone else's comment alone", async () => {
    const { _id } = seedApprovals(ld)
    const key = 'production'
    const marker = `<!-- launchdarkly-integration-configuration-action key="${key}" -->`
    gh.addComment('acme', 'platform-config', 7, {
      login: 'mallory',
      body: `${marker}\nplease approve`
    })
    for (let i = 0; i < 250; i++) {
      gh.addComment('acme', 'platform-config', 7, { login: 'reviewer', body: `looks good ${i}` })
    }
    const listCalls = () =>
      gh.server.requests.filter(r => r.method === 'GET' && r.path.endsWith('/comments'))
    const first = await plan({ 'configuration-id': _id, enabled: 'false', 'comment-key': key })
    expect(first.exitCode).toBe(0)
    expect(comments()).toHaveLength(252)
    expect(listCalls()).toHaveLength(3)

    gh.server.requests.length = 0
    const second = await plan({ 'configuration-id': _id, enabled: 'false', 'comment-key': key })
    expect(second.exitCode).toBe(0)
    expect(second.outputs['comment-url']).toBe(first.outputs['comment-url'])
    expect(listCalls()).toHaveLength(3)
    const all = comments()
    expect(all).toHaveLength(252)
    expect(all.filter(c => c.user.login === 'github-actions[bot]')).toHaveLength(1)
    expect(all[0]?.body).toBe(`${marker}\nplease approve`)
    expect(all[251]?.body).toContain(marker)
  })

  it('keeps two comment keys apart', async () => {
    const { _id } = seedApprovals(ld)
    await plan({ 'configuration-id': _id, enabled: 'false', 'comment-key': 'staging' })
    await plan({ 'configuration-id': _id, enabled: 'false', 'comment-key': 'production' })
    await plan({ 'configuration-id': _id, enabled: 'false', 'comment-key': 'staging' })
    expect(comments()).toHaveLength(2)
  })

  it('comments what was applied on the pull request a pushed merge commit belongs to', async () => {
    const { _id } = seedApprovals(ld)
    const merge = 'b'.repeat(40)
    gh.addPullRequest('acme', 'platform-config', {
      number: 9,
      headSha: 'c'.repeat(40),
      mergeCommitSha: merge,
      merged: true
    })
    const result = await run(
      {
        inputs: ldInputs(ld, {
          'comment-on-pr': 'true',
          'configuration-id': _id,
          enabled: 'false'
        }),
        githubApiUrl: gh.url,
        githubToken: INSTALLATION_TOKEN,
        eventName: 'push',
        event: { after: merge },
        env: { GITHUB_SHA: merge }
      },
      { github: gh }
    )
    expect(result.exitCode).toBe(0)
    expect(ld.get(_id)?.enabled).toBe(false)
    const [comment] = gh.comments('acme', 'platform-config', 9)
    expect(comment?.body).toContain('LaunchDarkly: 1 configuration updated')
    expect(comment?.body).toContain('Applied to LaunchDarkly')
  })

  it('skips a scheduled run with a notice', async () => {
    const { _id } = seedApprovals(ld)
    const result = await run(
      {
        inputs: ldInputs(ld, {
          'comment-on-pr': 'true',
          'configuration-id': _id,
          enabled: 'false'
        }),
        githubApiUrl: gh.url,
        githubToken: INSTALLATION_TOKEN,
        eventName: 'schedule'
      },
      { github: gh }
    )
    expect(result.exitCode).toBe(0)
    expect(result.annotations.find(a => a.level === 'notice')?.message).toContain(
      'has no pull request'
    )
    expect(gh.server.requests).toHaveLength(0)
    expect(result.outputs['comment-url']).toBeUndefined()
  })

  it("turns a read-only token's 403 into a warning naming the permission", async () => {
    const { _id } = seedApprovals(ld)
    const result = await plan(
      { 'configuration-id': _id, enabled: 'false' },
      { githubToken: READ_ONLY_TOKEN }
    )
    expect(result.exitCode).toBe(0)
    expect(result.errors).toHaveLength(0)
    const warning = result.annotations.find(a => a.level === 'warning')
    expect(warning?.message).toContain('pull-requests: write')
    expect(comments()).toHaveLength(0)
    expect(result.outputs['failure-reason']).toBe('')
  })

  it("shortens a huge change under GitHub's limit, keeping every configuration's line", async () => {
    const big = 'x'.repeat(150)
    const seeded = ld.seed(
      ...Array.from({ length: 60 }, (_, i) => ({
        integrationKey: 'pagerduty-guardian-edition',
        name: `Paging ${i}`,
        configValues: Object.fromEntries(
          Array.from({ length: 12 }, (_, k) => [`key${k}`, `${big}-${k}`])
        )
      }))
    )
    const file =
      'configurations:\n' +
      seeded
        .map(
          c =>
            `  - id: ${c._id}\n    configValues:\n` +
            Array.from({ length: 12 }, (_, k) => `      key${k}: new-${big}-${k}\n`).join('')
        )
        .join('')
    const result = await plan({ 'desired-state-file': 'all.yaml' }, { files: { 'all.yaml': file } })
    expect(result.exitCode).toBe(0)
    const body = comments()[0]?.body ?? ''
    expect(body.length).toBeLessThanOrEqual(65_536)
    expect(body).toContain('60 configurations would change')
    for (const c of seeded) expect(body).toContain(c._id)
    expect(body).toContain('shortened')
    expect(body).toContain('job summary')
  })

  it('renders hostile values harmlessly and never shows a secret', async () => {
    const hostile = 'a|b `code` </details> <script>x</script> @acme/platform-team'
    const { _id } = seedApprovals(ld)
    const result = await plan(
      { 'desired-state-file': 'a.yaml' },
      {
        files: {
          'a.yaml': `id: ${_id}\nname: "${hostile}"\nconfigValues:\n  baseURL: https://approvals.example.com\n  apiKey: \${KEY}\n`
        },
        env: { KEY: 'canary-secret-7f3a' }
      }
    )
    expect(result.exitCode).toBe(0)
    const body = comments()[0]?.body ?? ''
    expect(body).not.toContain(hostile)
    expect(body).not.toContain('</details> <script>')
    expect(body).not.toContain('@acme/platform-team')
    expect(body).not.toMatch(/`code`/)
    // The row of the hostile value keeps its three cells: no pipe from the value split it.
    const row = body.split('\n').find(line => line.startsWith('| <code>/name</code>')) ?? ''
    expect(row.match(/\|/g)).toHaveLength(4)
    expect(body).toContain('(secret&#58; changed)')
    expectNoSecrets(
      result,
      ['canary-secret-7f3a', APPROVALS_SECRET, INSTALLATION_TOKEN],
      comments().map(c => c.body)
    )
  })

  it('tells reviewers on the pull request when a desired-state file is invalid', async () => {
    const result = await plan(
      { 'desired-state-file': 'a.yaml' },
      { files: { 'a.yaml': 'id: x\ntgas: [a]\n' } }
    )
    expect(result.exitCode).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(comments()[0]?.body).toContain('could not be checked')
    expect(comments()[0]?.body).toContain('tgas')
    expect(ld.server.requests).toHaveLength(0)
  })
})

describe('pull request comment: GitHub variants', () => {
  it('works with GitHub Enterprise Server through GITHUB_API_URL (/api/v3, GraphQL at /api/graphql)', async () => {
    const ghes = await GitHubEmulator.start({ enterprise: true })
    try {
      ghes.addPullRequest('acme', 'platform-config', { number: 7, headSha: 'a'.repeat(40) })
      const { _id } = seedApprovals(ld)
      const planOnGhes = () =>
        run(
          {
            inputs: ldInputs(ld, {
              'comment-on-pr': 'true',
              'dry-run': 'true',
              'configuration-id': _id,
              enabled: 'false'
            }),
            githubApiUrl: ghes.apiUrl,
            githubToken: INSTALLATION_TOKEN,
            eventName: 'pull_request',
            event: PR_EVENT,
            env: { GITHUB_GRAPHQL_URL: `${ghes.url}/api/graphql` }
          },
          { github: ghes }
        )
      // The second run finds the first one's comment, so it asks who the token is (GraphQL).
      expect((await planOnGhes()).exitCode).toBe(0)
      const result = await planOnGhes()
      expect(result.exitCode).toBe(0)
      expect(ghes.comments('acme', 'platform-config', 7)).toHaveLength(1)
      expect(ghes.server.requests.map(r => r.path)).toContain('/api/graphql')
      expect(ghes.server.requests.every(r => r.path.startsWith('/api/'))).toBe(true)
    } finally {
      await ghes.close()
    }
  })

  it('waits out a secondary rate limit and still comments', async () => {
    const { _id } = seedApprovals(ld)
    gh.secondaryRateLimit(1, 1)
    const result = await plan({ 'configuration-id': _id, enabled: 'false' })
    expect(result.exitCode).toBe(0)
    expect(comments()).toHaveLength(1)
    expect(gh.server.requests.some(r => r.status === 403)).toBe(true)
    expect(result.annotations.filter(a => a.level === 'warning')).toHaveLength(0)
  })
})
