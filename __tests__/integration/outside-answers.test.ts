/**
 * Issue 18: every header value and answer shape from outside is data. In-process against both
 * emulators: a secret echoed in Go's spelling appears nowhere; any number a rate-limit header holds
 * falls inside the one wait budget; an answer missing a field names the field and the endpoint;
 * `export-to` naming a file is an input error.
 */
import { INSTALLATION_TOKEN, type GitHubEmulator } from '../../emulators/github.js'
import type { Fault } from '../../emulators/http.js'
import { goJson, LaunchDarklyEmulator, ROUTES } from '../../emulators/launchdarkly.js'
import { readableText, spellingsOf } from '../helpers/canaries.js'
import { pullRequestEvent, startEmulators, stopEmulators } from '../helpers/emulators.js'
import { ldInputs, results, run, seedApprovals, writes } from '../helpers/fixtures.js'

let ld: LaunchDarklyEmulator
let gh: GitHubEmulator
beforeEach(async () => {
  ;({ ld, gh } = await startEmulators())
})
afterEach(() => stopEmulators({ ld, gh }))

describe('a secret LaunchDarkly echoes in Go’s spelling', () => {
  // A signed URL: `&`, `<`, `>` are what Go's JSON writes as \u0026, \u003c, \u003e.
  const SECRET = 'https://hooks.example.com/sig?a=1&b=<x>&sig=Zq9'

  it('is in no log line, output, summary or comment, in any spelling', async () => {
    await ld.close()
    ld = await LaunchDarklyEmulator.start({ goJson: true, errorsEchoRequest: true })
    const { _id } = seedApprovals(ld)
    // Someone renames the configuration between the read and the write: LaunchDarkly refuses the
    // patch's leading test with a 400 that quotes the request, secret and all, as Go spells it.
    ld.server.injectFaults(
      { method: 'PATCH', route: ROUTES.item },
      { kind: 'before', run: () => ld.edit(_id, c => void (c.name = 'Renamed')) }
    )
    const patch = JSON.stringify([
      { op: 'test', path: '/name', value: 'Approvals (prod)' },
      { op: 'replace', path: '/configValues/apiKey', value: SECRET }
    ])
    const result = await run(
      {
        inputs: ldInputs(ld, { 'configuration-id': _id, patch, 'comment-on-pr': 'true' }),
        githubApiUrl: gh.url,
        githubToken: INSTALLATION_TOKEN,
        eventName: 'pull_request',
        event: pullRequestEvent()
      },
      { github: gh, secrets: [SECRET] }
    )
    expect(result.exitCode).toBe(1)
    const answered = ld.server.requests.find(r => r.method === 'PATCH')
    expect(answered?.status).toBe(400)
    // The echo really was in Go's spelling, and the message did reach the run.
    expect(goJson(SECRET)).toContain('\\u0026b=\\u003cx\\u003e')
    expect(result.errors[0]?.message).toMatch(/Test operation 0 failed; request: .*\*\*\*/)
    const comment = gh.comments('acme', 'platform-config', 7)[0]?.body ?? ''
    const text = readableText(result, [comment])
    for (const spelling of spellingsOf(SECRET)) expect(text).not.toContain(spelling)
    expect(text).not.toContain('sig=Zq9')
  })
})

describe('rate-limit headers of any number', () => {
  const limited = (headers: Record<string, string>): Fault => ({
    kind: 'status',
    status: 429,
    headers,
    body: { code: 'rate_limited', message: 'slow down' }
  })
  const once = async (headers: Record<string, string>) => {
    const { _id } = seedApprovals(ld)
    ld.server.injectFaults({ method: 'GET', route: ROUTES.item }, limited(headers))
    return run({ inputs: ldInputs(ld, { 'configuration-id': _id, enabled: 'false' }) })
  }

  it.each([
    ['Retry-After', '1e309'],
    ['Retry-After', '99999999999999999999'],
    ['X-Ratelimit-Reset', '1e20'],
    ['X-Ratelimit-Reset', '1e400']
  ])('%s: %s is more than the budget: rate-limited, said plainly', async (name, value) => {
    const result = await once({ [name]: value })
    expect(result.exitCode).toBe(1)
    expect(result.outputs['failure-reason']).toBe('rate-limited')
    expect(result.errors[0]?.message).toMatch(
      /^Gave up reading integration configuration [0-9a-f]{24}: LaunchDarkly rate limit reached \(429\), and LaunchDarkly asked to wait without end \(longer than any run\)/
    )
    expect(result.stderr).toBe('')
    expect(writes(ld)).toHaveLength(0)
  })

  it.each([
    ['Retry-After', '-5'],
    ['Retry-After', '0.25'],
    ['Retry-After', '+1'],
    ['X-Ratelimit-Reset', '-1'],
    ['X-Ratelimit-Reset', 'NaN']
  ])('%s: %s is a wait inside the budget, then the run goes on', async (name, value) => {
    const result = await once({ [name]: value })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(results(result)[0]?.status).toBe('updated')
  })
})

describe('an answer without a field the action needs', () => {
  it('from LaunchDarkly names the field and the endpoint', async () => {
    const { _id } = seedApprovals(ld)
    ld.server.injectFaults(
      { method: 'GET', route: ROUTES.item },
      ...Array.from({ length: 5 }, (): Fault => ({ kind: 'replace-body', body: { name: 'x' } }))
    )
    const result = await run({
      inputs: ldInputs(ld, { 'configuration-id': _id, enabled: 'false' })
    })
    expect(result.exitCode).toBe(1)
    expect(result.outputs['failure-reason']).toBe('api-error')
    expect(result.errors[0]?.message).toMatch(
      /^LaunchDarkly's answer to GET \/api\/v2\/integration-configurations\/\{id\} \(reading integration configuration [0-9a-f]{24}\) has no field `_links`, which the spec requires and the action needs, 5 times\./
    )
  })

  it('from a LaunchDarkly list names the item', async () => {
    seedApprovals(ld)
    ld.server.injectFaults(
      { method: 'GET', route: ROUTES.list },
      ...Array.from(
        { length: 5 },
        (): Fault => ({
          kind: 'replace-body',
          body: { _links: {}, items: [{ _links: {}, _id: 'a' }] }
        })
      )
    )
    const result = await run({
      inputs: ldInputs(ld, { 'desired-state-file': 'a.yaml', 'dry-run': 'true' }),
      files: {
        'a.yaml': 'integrationKey: custom-approvals\nname: Approvals (prod)\nenabled: true\n'
      }
    })
    expect(result.exitCode).toBe(1)
    expect(results(result)[0]?.error).toMatch(
      /GET \/api\/v2\/integration-configurations\/keys\/\{integrationKey\} .* has no field `name` \(at \/items\/0\)/
    )
  })

  it.each([
    ['POST', '/repos/{owner}/{repo}/issues/{issue_number}/comments', { id: 1 }, '`html_url`'],
    ['GET', '/repos/{owner}/{repo}/issues/{issue_number}/comments', { items: [] }, 'is not a list']
  ])(
    'from GitHub (%s %s) is a warning naming it, and the run stands',
    async (method, route, body, named) => {
      gh.addPullRequest('acme', 'platform-config', { number: 7, headSha: 'a'.repeat(40) })
      const { _id } = seedApprovals(ld)
      gh.server.injectFaults({ method, route }, { kind: 'replace-body', body })
      const result = await run(
        {
          inputs: ldInputs(ld, {
            'configuration-id': _id,
            enabled: 'false',
            'comment-on-pr': 'true'
          }),
          githubApiUrl: gh.url,
          githubToken: INSTALLATION_TOKEN,
          eventName: 'pull_request',
          event: pullRequestEvent()
        },
        { github: gh }
      )
      expect(result.exitCode).toBe(0)
      const warning = result.annotations.find(a => a.level === 'warning')?.message ?? ''
      expect(warning).toContain(`GitHub's answer to ${method} ${route}`)
      expect(warning).toContain(named)
      expect(warning).not.toMatch(/Cannot read properties|undefined/)
    }
  )
})

describe('export-to', () => {
  it.each([
    ['a file', 'launchdarkly', /`export-to`: launchdarkly is a file, not a directory/],
    [
      'a path under a file',
      'launchdarkly/more',
      /launchdarkly\/more is under launchdarkly, which is a file/
    ]
  ])('naming %s is an input error, before any request', async (_what, directory, message) => {
    seedApprovals(ld)
    const result = await run({
      inputs: ldInputs(ld, { 'export-to': directory, 'integration-keys': 'custom-approvals' }),
      files: { launchdarkly: 'a file, not a directory\n' }
    })
    expect(result.exitCode).toBe(1)
    expect(result.outputs['failure-reason']).toBe('invalid-input')
    expect(result.errors[0]?.message).toMatch(message)
    expect(result.stderr).toBe('')
    expect(ld.server.requests).toHaveLength(0)
  })
})
