/**
 * The runner's promises under hostile input, run as the runner runs the action: no value from
 * outside becomes a workflow command, no header makes a run wait without bound, every output fits
 * where it goes whatever the input's size, and names the user does not control cannot break it.
 */
import { INSTALLATION_TOKEN, type GitHubEmulator } from '../../emulators/github.js'
import type { Fault } from '../../emulators/http.js'
import { LaunchDarklyEmulator, ROUTES } from '../../emulators/launchdarkly.js'
import type { RunResult } from '../../emulators/runner.js'
import { ldInputs, run, seedApprovals, writes } from '../helpers/fixtures.js'
import { FakeClock } from '../helpers/fake-clock.js'
import { visibleText } from '../helpers/github-markdown.js'
import { pullRequestEvent, startEmulators, stopEmulators } from '../helpers/emulators.js'

let ld: LaunchDarklyEmulator
let gh: GitHubEmulator
beforeEach(async () => {
  ;({ ld, gh } = await startEmulators())
})
afterEach(() => stopEmulators({ ld, gh }))

const pr = () => ({
  githubApiUrl: gh.url,
  githubToken: INSTALLATION_TOKEN,
  eventName: 'pull_request',
  event: pullRequestEvent()
})
const comments = () => gh.comments('acme', 'platform-config', 7)

/** The commands this action writes on purpose; anything else at the start of a line is injected. */
const OWN_COMMANDS = /^::(debug|notice|warning|error|add-mask|group|endgroup)( [^:]*)?::/

/**
 * The runner reads a line as a command when it starts with `::` after white space, else when it
 * holds `##[` anywhere (the older syntax, tried only when the line is not a `::` command:
 * actions/runner, ActionCommandManager.TryProcessCommand).
 */
function expectNoInjectedCommands(result: RunResult): void {
  for (const line of `${result.stdout}\n${result.stderr}`.split(/\r\n|\r|\n/)) {
    const trimmed = line.replace(/^[\s\u0085]+/, '')
    if (trimmed.startsWith('::')) expect(trimmed).toMatch(OWN_COMMANDS)
    else expect(line).not.toContain('##[')
  }
  for (const annotation of result.annotations) expect(annotation.message).not.toMatch(/^pwned/)
  expect(result.stdout).not.toMatch(/^::add-mask::(Approvals|pwned)/m)
}

describe('no value from outside becomes a workflow command', () => {
  const hostileNames = [
    'Approvals\n::error::pwned from a name',
    'Approvals\r\n::add-mask::Approvals',
    'Approvals\n  ::stop-commands::resume-token',
    'Approvals ##[error]pwned the old way',
    'Approvals\u0085::warning::pwned after NEL'
  ]

  it.each(hostileNames)('a name from LaunchDarkly: %j', async name => {
    const { _id } = seedApprovals(ld, { name })
    const result = await run({
      inputs: ldInputs(ld, { 'configuration-id': _id, enabled: 'false', 'dry-run': 'true' })
    })
    expect(result.exitCode).toBe(0)
    expectNoInjectedCommands(result)
    // The dry run's own notice is the one annotation; nothing from the name became one.
    expect(result.annotations.map(a => a.level)).toEqual(['notice'])
  })

  it('the name of a configuration to create, from a pull request file, in every message', async () => {
    const name = 'New\n::error file=x::pwned\n::stop-commands::tok\n##[warning]pwned'
    ld.server.injectFaults(
      { method: 'POST', route: ROUTES.list },
      {
        kind: 'status',
        status: 400,
        body: { code: 'invalid_request', message: `bad name ${name}\n::error::pwned by LD` }
      }
    )
    const result = await run({
      ...pr(),
      inputs: ldInputs(ld, {
        'desired-state-file': 'a.yaml',
        'create-missing': 'true',
        'comment-on-pr': 'true'
      }),
      files: {
        'a.yaml': `integrationKey: custom-approvals\nname: ${JSON.stringify(name)}\nconfigValues: {baseURL: "https://x.example.com"}\n`
      }
    })
    expect(result.exitCode).toBe(1)
    expectNoInjectedCommands(result)
    expect(result.errors).toHaveLength(1)
  })

  it('a file name that holds a line break', async () => {
    const { _id } = seedApprovals(ld)
    const file = 'ld/a\n::error::pwned.yaml'
    const result = await run({
      inputs: ldInputs(ld, { 'desired-state-file': 'ld/*.yaml', 'dry-run': 'true' }),
      files: { [file]: `id: ${_id}\nenabled: false\n` }
    })
    expect(result.exitCode).toBe(0)
    expectNoInjectedCommands(result)
  })
})

describe('no header makes a run wait without bound', () => {
  const status = (code: number, headers: Record<string, string>, body = {}): Fault => ({
    kind: 'status',
    status: code,
    headers,
    body: { code: 'rate_limited', message: 'slow down', ...body }
  })

  it('a 429 asking for an hour fails at once with rate-limited, saying how long', async () => {
    const { _id } = seedApprovals(ld)
    ld.server.injectFaults(
      { method: 'GET', route: ROUTES.item },
      status(429, { 'Retry-After': '3600' })
    )
    const clock = new FakeClock()
    const result = await run({
      clock,
      inputs: ldInputs(ld, { 'configuration-id': _id, enabled: 'false' })
    })
    expect(result.exitCode).toBe(1)
    expect(result.outputs['failure-reason']).toBe('rate-limited')
    expect(result.errors[0]?.message).toMatch(/asked to wait 60 min \(Retry-After, until .*Z\)/)
    // At once: no wait was started, on the run's own clock, and nothing was sent again.
    expect(clock.slept).toEqual([])
    expect(ld.server.requests).toHaveLength(1)
    expect(writes(ld)).toHaveLength(0)
  })

  it('an answer that spends the global window until an hour from now stops the next request', async () => {
    const { _id } = seedApprovals(ld)
    const reset = String(Date.now() + 3_600_000)
    ld.server.commonHeaders = () => ({
      'X-Ratelimit-Global-Remaining': '0',
      'X-Ratelimit-Reset': reset
    })
    const clock = new FakeClock()
    const result = await run({
      clock,
      inputs: ldInputs(ld, { 'configuration-id': _id, enabled: 'false' })
    })
    expect(result.exitCode).toBe(1)
    expect(result.outputs['failure-reason']).toBe('rate-limited')
    expect(result.errors[0]?.message).toMatch(/asked to wait 60 min \(X-Ratelimit-Reset/)
    // Stopped before the next request, without starting the wait (on the run's own clock).
    expect(clock.slept).toEqual([])
    expect(ld.server.requests).toHaveLength(1)
    expect(writes(ld)).toHaveLength(0)
  })

  it('once one request gives up on the rate limit, nothing more is sent', async () => {
    const seeded = ld.seed(
      ...['a', 'b', 'c'].map(name => ({
        integrationKey: 'custom-approvals',
        name,
        configValues: {}
      }))
    )
    ld.server.injectFaults(
      { method: 'GET', route: ROUTES.list },
      status(429, { 'X-Ratelimit-Reset': String(Date.now() + 7_200_000) })
    )
    const clock = new FakeClock()
    const result = await run({
      clock,
      inputs: ldInputs(ld, { 'desired-state-file': 'a.yaml', concurrency: '1' }),
      files: {
        'a.yaml':
          'configurations:\n' +
          seeded
            .map(c => `  - {integrationKey: custom-approvals, id: ${c._id}, enabled: false}\n`)
            .join('')
      }
    })
    expect(result.exitCode).toBe(1)
    expect(result.outputs['failure-reason']).toBe('rate-limited')
    expect(ld.server.requests).toHaveLength(1)
    // And no wait was started for the two-hour window, on the run's own clock.
    expect(clock.slept).toEqual([])
  })
})

// The hostile sizes (a comment about 1,000 configurations, one about 1,200 failures, one of 150
// names that grow fivefold when escaped, a job summary of multi-byte text over 1 MiB) are rendered
// purely, with the same data and assertions, in unit/outputs-fit.test.ts; here, a run over HTTP
// small enough to show the wiring.
describe('every output fits where it goes', () => {
  it('a comment about failures, one error shared and many different, is posted whole', async () => {
    // 45 configurations: 40 each with its own error, 5 sharing one (unit/outputs-fit.test.ts has
    // the 1,200, where the comment is shortened): LaunchDarkly's errors as the run words them.
    const seeded = ld.seed(
      ...Array.from({ length: 45 }, (_, i) => ({
        integrationKey: 'custom-approvals',
        name: `Approvals for team number ${i} with a fairly long name`,
        configValues: {}
      }))
    )
    ld.server.injectFaults(
      { method: 'PATCH' },
      ...Array.from({ length: 45 }, (_, i) => ({
        kind: 'status' as const,
        status: 403,
        body: { code: 'forbidden', message: i < 40 ? `Denied by policy number ${i}` : 'Denied' }
      }))
    )
    const file =
      'configurations:\n' +
      seeded
        .map(c => `  - {integrationKey: custom-approvals, id: ${c._id}, enabled: false}\n`)
        .join('')
    const result = await run({
      ...pr(),
      inputs: ldInputs(ld, {
        'desired-state-file': 'all.yaml',
        'comment-on-pr': 'true',
        concurrency: '20'
      }),
      files: { 'all.yaml': file }
    })
    expect(result.exitCode).toBe(1)
    expect(result.outputs['failure-reason']).toBe('forbidden')
    expect(result.outputs['comment-url']).toMatch(/#issuecomment-\d+$/)
    const body = comments()[0]?.body ?? ''
    expect([...body].length).toBeLessThanOrEqual(65_536)
    // Whole: it ends with its footer, then the protocol's state line; the key is in the header.
    expect(body).toMatch(
      /<\/sub>\n\n<!-- launchdarkly-integration-configuration-action:v2 state="[\w-]*" -->$/
    )
    expect(body).toMatch(/^<!-- launchdarkly-integration-configuration-action:v2 key="[^"]+"/)
    const seen = visibleText(body)
    expect(seen).toContain('45 failed')
    // The commonest error first; past 10 callouts, a count.
    expect(seen).toMatch(/^\[!CAUTION\]\n5 configurations \(.*\) failed/m)
    expect(seen).toContain('31 more configurations failed, with other errors')
  })
})

describe('names and IDs the user does not control character by character', () => {
  it.each([
    ["Deploy (prod) & verify, don't skip: ünïcödé ✓", 'plan'],
    ['x'.repeat(400), 'j'.repeat(300)]
  ])('a workflow named %j gets a valid default comment key', async (workflow, job) => {
    const { _id } = seedApprovals(ld)
    const result = await run({
      ...pr(),
      inputs: ldInputs(ld, {
        'configuration-id': _id,
        enabled: 'false',
        'dry-run': 'true',
        'comment-on-pr': 'true'
      }),
      env: { GITHUB_WORKFLOW: workflow, GITHUB_JOB: job }
    })
    expect(result.exitCode).toBe(0)
    expect(result.errors).toHaveLength(0)
    expect(comments()).toHaveLength(1)
    expect(result.outputs['comment-url']).toMatch(/#issuecomment-\d+$/)
  })

  it('an answer of 20 MB is reported as too large, not as unreachable', async () => {
    const { _id } = seedApprovals(ld)
    ld.server.injectFaults(
      { method: 'GET', route: ROUTES.item },
      { kind: 'raw', status: 200, body: `{"pad":"${'x'.repeat(20 * 1024 * 1024)}"}` }
    )
    const result = await run({
      inputs: ldInputs(ld, { 'configuration-id': _id, enabled: 'false' })
    })
    expect(result.exitCode).toBe(1)
    expect(result.outputs['failure-reason']).toBe('api-error')
    expect(result.errors[0]?.message).toMatch(/larger than 16 MiB/)
    expect(result.errors[0]?.message).not.toMatch(/Could not reach/)
    expect(writes(ld)).toHaveLength(0)
  })
})
