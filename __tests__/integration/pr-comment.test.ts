/**
 * The pull request comment, in-process against both emulators. Every comment is read as a reviewer
 * reads it: rendered by cmark-gfm, GitHub's own parser.
 */
import { GitHubEmulator, INSTALLATION_TOKEN, READ_ONLY_TOKEN } from '../../emulators/github.js'
import { LaunchDarklyEmulator } from '../../emulators/launchdarkly.js'
import type { RunOptions } from '../../emulators/runner.js'
import { expectNoSecrets } from '../helpers/canaries.js'
import {
  diffBlocks,
  expectCleanRendering,
  proseText,
  renderGfm,
  visibleText
} from '../helpers/github-markdown.js'
import { APPROVALS_SECRET, ldInputs, run, seedApprovals } from '../helpers/fixtures.js'
import { pullRequestEvent, startEmulators, stopEmulators } from '../helpers/emulators.js'

let ld: LaunchDarklyEmulator
let gh: GitHubEmulator
beforeEach(async () => {
  ;({ ld, gh } = await startEmulators())
})
afterEach(() => stopEmulators({ ld, gh }))

function plan(inputs: Record<string, string>, options: Partial<RunOptions> = {}) {
  return run(
    {
      inputs: ldInputs(ld, { 'comment-on-pr': 'true', 'dry-run': 'true', ...inputs }),
      githubApiUrl: gh.url,
      githubToken: INSTALLATION_TOKEN,
      eventName: 'pull_request',
      event: pullRequestEvent(),
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
    const seen = visibleText(body)
    expect(seen).toContain('LaunchDarkly · Plan: 1 to update (1 disabled)')
    expect(seen).toContain('Approvals (prod)')
    expect(seen).toContain(_id)
    expect(seen).toContain('custom-approvals')
    expect(diffBlocks(body)).toEqual([['-enabled: true', '+enabled: false']])
    expect(renderGfm(body)).toContain(
      'href="https://github.com/acme/platform-config/actions/runs/4242"'
    )
    expectCleanRendering(body)
    expect(first.outputs['comment-url']).toMatch(/\/pull\/7#issuecomment-\d+$/)
    // With no comment carrying the marker yet, who the token is does not matter: not asked.
    const identityQueries = () => gh.server.requests.filter(r => r.path === '/graphql').length
    expect(identityQueries()).toBe(0)

    const second = await plan({ 'configuration-id': _id, enabled: 'true' })
    expect(second.exitCode).toBe(0)
    expect(comments()).toHaveLength(1)
    expect(visibleText(comments()[0]?.body ?? '')).toContain('Plan: 1 unchanged')
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
    // Its own comment carries the 2.x header on its first line (plan-comment.ts); the copied
    // 1.x marker is still read as a comment of this key, and left alone as someone else's.
    expect(all[251]?.body).toMatch(
      new RegExp(`^<!-- launchdarkly-integration-configuration-action:v2 key="${key}"`)
    )
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
    const seen = visibleText(comment?.body ?? '')
    expect(seen).toContain('LaunchDarkly · Applied: 1 updated (1 disabled)')
    expect(seen).toContain(
      'Applied in run 4242 from head ccccccc (merged as bbbbbbb): 1 configuration written.'
    )
    const html = renderGfm(comment?.body ?? '')
    expect(html).toContain(
      `href="https://github.com/acme/platform-config/commit/${'c'.repeat(40)}"`
    )
    expect(html).toContain(`href="https://github.com/acme/platform-config/commit/${merge}"`)
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

  // "shortens a huge change under GitHub's limit, keeping every configuration's line" is rendered
  // purely, with the same data and assertions, in unit/outputs-fit.test.ts.

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
    const html = renderGfm(body)
    // The value is data: no tag of it reaches the page, no <details> of it closes ours.
    expect(html).not.toContain('<script>')
    // (A short diff's section is open at first glance since issue 19: `<details open>` counts.)
    expect(html.match(/<details(?: open)?>/g)?.length).toBe(html.match(/<\/details>/g)?.length)
    // Outside code nothing of it is read as markup or a mention; in the diff it is shown whole.
    expect(proseText(body)).not.toContain('@acme/platform-team')
    expect(proseText(body)).not.toContain('<script>')
    expect(diffBlocks(body)[0]).toEqual(
      expect.arrayContaining([`+name: ${JSON.stringify(hostile)}`, '+  apiKey: (secret: changed)'])
    )
    expectCleanRendering(body)
    expectNoSecrets(
      result,
      ['canary-secret-7f3a', APPROVALS_SECRET, INSTALLATION_TOKEN],
      comments().map(c => c.body)
    )
  })

  it('shows a long changed URL around its difference, so the old and the new never read the same', async () => {
    const path = `/hooks/${'segment/'.repeat(30)}approve`
    const old = `https://approvals.example.com${path}?region=us-east-1&mode=strict&team=platform`
    const fresh = `https://approvals.example.com${path}?region=eu-west-1&mode=strict&team=platform`
    const { _id } = seedApprovals(ld, { configValues: { baseURL: old, apiKey: APPROVALS_SECRET } })
    await plan(
      { 'desired-state-file': 'a.yaml' },
      {
        files: { 'a.yaml': `id: ${_id}\nconfigValues:\n  baseURL: ${fresh}\n  apiKey: \${KEY}\n` },
        env: { KEY: APPROVALS_SECRET }
      }
    )
    const [lines = []] = diffBlocks(comments()[0]?.body ?? '')
    const removed = lines.find(line => line.startsWith('-  baseURL:')) ?? ''
    const added = lines.find(line => line.startsWith('+  baseURL:')) ?? ''
    expect(removed).toContain('region=us-east-1')
    expect(added).toContain('region=eu-west-1')
    expect(removed.slice(1)).not.toBe(added.slice(1))
    // Cut around the difference, the rest of the URL shown as an ellipsis.
    expect(added.length).toBeLessThan(fresh.length)
    expect(added).toContain('…')
  })

  it('tells reviewers on the pull request when a desired-state file is invalid', async () => {
    const result = await plan(
      { 'desired-state-file': 'a.yaml' },
      { files: { 'a.yaml': 'id: x\ntgas: [a]\n' } }
    )
    expect(result.exitCode).toBe(1)
    expect(result.errors).toHaveLength(1)
    const seen = visibleText(comments()[0]?.body ?? '')
    expect(seen).toContain('The configurations could not be checked')
    expect(seen).toContain('`tgas` is not a field here'.replace(/`/g, ''))
    // The lines, numbered, the offending one marked, at the head commit (issue 19).
    expect(seen).toContain('  1 | id: x\n> 2 | tgas: [a]')
    expect(seen).toContain(`at head ${'a'.repeat(7)}`)
    expect(result.summary).toContain('> 2 | tgas: [a]')
    expect(renderGfm(comments()[0]?.body ?? '')).toContain(
      `href="https://github.com/acme/platform-config/blob/${'a'.repeat(40)}/a.yaml#L2"`
    )
    expectCleanRendering(comments()[0]?.body ?? '')
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
            event: pullRequestEvent(),
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

  it('does not post a comment again when the answer to the first was lost', async () => {
    const { _id } = seedApprovals(ld)
    // GitHub makes the comment, then the connection drops: sent again, it would be a second one.
    gh.server.injectFaults(
      { method: 'POST', route: '/repos/{owner}/{repo}/issues/{issue_number}/comments' },
      { kind: 'destroy-after' }
    )
    const result = await plan({ 'configuration-id': _id, enabled: 'false' })
    expect(result.exitCode).toBe(0)
    expect(comments()).toHaveLength(1)
    expect(
      gh.server.requests.filter(r => r.method === 'POST' && r.path.endsWith('/comments'))
    ).toHaveLength(1)
    expect(result.annotations.filter(a => a.level === 'warning')).toHaveLength(1)
    // The next run finds that comment and edits it.
    const next = await plan({ 'configuration-id': _id, enabled: 'false' })
    expect(next.exitCode).toBe(0)
    expect(comments()).toHaveLength(1)
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
