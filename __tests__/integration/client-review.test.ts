/**
 * The LaunchDarkly client and the stages around it, in-process against the emulator: a rate-limit
 * give-up stops calls already waiting, error bodies are taken only as far as they can be trusted,
 * paged lists are followed only on base-uri's origin and only so far, a configuration whose read
 * failed is never also reported as unmanaged, and a lost DELETE whose read-back fails says so.
 */
import type { Fault } from '../../emulators/http.js'
import { LaunchDarklyEmulator, ROUTES } from '../../emulators/launchdarkly.js'
import type { RunResult } from '../../emulators/runner.js'
import { FakeClock } from '../helpers/fake-clock.js'
import {
  APPROVALS_SECRET,
  GET,
  LIST,
  ldInputs,
  routesOf,
  run,
  seedApprovals,
  writes
} from '../helpers/fixtures.js'

let ld: LaunchDarklyEmulator
beforeEach(async () => {
  ld = await LaunchDarklyEmulator.start()
})
afterEach(() => ld.close())

const reported = (result: RunResult) =>
  JSON.parse(result.outputs.results ?? '[]') as {
    id: string | null
    name: string | null
    status: string
    error: string | null
  }[]

const rateLimited = (retryAfter: string): Fault => ({
  kind: 'status',
  status: 429,
  headers: { 'Retry-After': retryAfter },
  body: { code: 'rate_limited', message: 'slow down' }
})

/** A fake clock whose sleeps begin only once released: a call waits through whatever comes first. */
class HeldClock extends FakeClock {
  private open = () => {}
  private readonly gate = new Promise<void>(resolve => (this.open = resolve))

  release(): void {
    this.open()
  }

  override async sleep(ms: number): Promise<void> {
    await this.gate
    return super.sleep(ms)
  }
}

const seedThree = () =>
  ld.seed(
    ...['a', 'b', 'c'].map(name => ({
      integrationKey: 'custom-approvals',
      name,
      configValues: {}
    }))
  )

/** One file that names each configuration by ID alone: one GET each, no list. */
const byId = (ids: string[]) => ({
  'a.yaml': `configurations:\n${ids.map(id => `  - {id: ${id}, enabled: false}\n`).join('')}`
})

describe('once a request gives up on the rate limit', () => {
  it('calls queued for a slot send nothing', async () => {
    const seeded = seedThree()
    ld.server.injectFaults(
      { method: 'GET', route: ROUTES.item },
      ...seeded.map(() => rateLimited('3600'))
    )
    const clock = new FakeClock()
    const result = await run({
      clock,
      inputs: ldInputs(ld, { 'desired-state-file': 'a.yaml', concurrency: '1' }),
      files: byId(seeded.map(c => c._id))
    })
    expect(result.exitCode).toBe(1)
    expect(result.outputs['failure-reason']).toBe('rate-limited')
    expect(ld.server.requests).toHaveLength(1)
    expect(reported(result).map(r => r.status)).toEqual(['failed', 'failed', 'failed'])
    // The ones never sent say what was not done, and why.
    const notSent = reported(result).filter(r => /^Not reading/.test(r.error ?? ''))
    expect(notSent).toHaveLength(2)
    for (const r of notSent) {
      expect(r.error).toMatch(
        /^Not reading integration configuration [0-9a-f]{24}: an earlier request already gave up on LaunchDarkly's rate limit/
      )
    }
    // Given up at once: no wait for the hour was started, on the run's own clock.
    expect(clock.slept).toEqual([])
  })

  it('a call waiting to retry sends nothing more', async () => {
    const seeded = seedThree().slice(0, 2)
    // One answer asks for an hour (the give-up), the other for a second: that call is asleep
    // when the first gives up. The sleep is held until both answers were judged (the give-up
    // comes in the same turn as its answer's log line), so the give-up surely comes during it,
    // whichever answer arrives first; then it ends, on a fake clock.
    ld.server.injectFaults(
      { method: 'GET', route: ROUTES.item },
      rateLimited('3600'),
      rateLimited('1')
    )
    const clock = new HeldClock()
    let answered = 0
    const result = await run({
      clock,
      env: { RUNNER_DEBUG: '1' },
      onLine: line => {
        if (/ → 429 in \d+ ms/.test(line) && ++answered === 2) setImmediate(() => clock.release())
      },
      inputs: ldInputs(ld, { 'desired-state-file': 'a.yaml', concurrency: '2' }),
      files: byId(seeded.map(c => c._id))
    })
    expect(result.exitCode).toBe(1)
    expect(result.outputs['failure-reason']).toBe('rate-limited')
    // One call waited (about a second), and then sent nothing.
    expect(clock.slept).toEqual([expect.any(Number)])
    expect(clock.slept[0]).toBeGreaterThanOrEqual(1000)
    expect(ld.server.requests).toHaveLength(2)
    expect(reported(result).map(r => r.status)).toEqual(['failed', 'failed'])
    expect(reported(result).map(r => r.error)).toContainEqual(
      expect.stringMatching(/^Not reading integration configuration .*already gave up/)
    )
    expect(ld.server.pendingFaults()).toBe(0)
  })
})

describe("LaunchDarkly's error bodies", () => {
  const refuse = async (body: unknown, secret?: string) => {
    const { _id } = seedApprovals(ld)
    ld.server.injectFaults(
      { method: 'PATCH', route: ROUTES.item },
      { kind: 'status', status: 400, body }
    )
    const value = secret ?? 'x'
    const result = await run(
      {
        inputs: ldInputs(ld, {
          'configuration-id': _id,
          patch: `[{"op":"replace","path":"/configValues/apiKey","value":"${value}"}]`
        })
      },
      { secrets: secret ? [secret] : [] }
    )
    expect(result.exitCode).toBe(1)
    expect(result.outputs['failure-reason']).toBe('invalid-input')
    return result.errors[0]?.message ?? ''
  }

  it('are used only where message, code and id are strings', async () => {
    const message = await refuse({ message: { html: '<b>no</b>' }, code: 42, id: ['e-1'] })
    expect(message).toMatch(/LaunchDarkly refused updating integration configuration \w+ \(400\)\./)
    expect(message).not.toMatch(/LaunchDarkly said|error id|object Object|\(400 42\)|e-1|<b>/)
  })

  it('a long message is scrubbed whole, then cut, never inside a word, so half a secret is never shown', async () => {
    const secret = 'cut-canary-secret-0123456789'
    // The secret straddles the 500th character: a cut there would show its first half.
    const padding = 'padding '.repeat(60)
    const message = await refuse(
      {
        message: `${padding}apiKey ${secret} is not accepted ${'and more '.repeat(500)}`,
        code: 'c'.repeat(5000),
        id: 'e-2'
      },
      secret
    )
    // Scrubbed before the cut (issue 18): the secret is replaced whole, and the cut comes after.
    expect(message).toContain(`LaunchDarkly said: "${padding}apiKey *** is not …".`)
    expect(message).not.toContain(secret.slice(0, 8))
    expect(message).not.toContain('is not accepted')
    // A code too long to show, with no space to cut at, is left out; the id is kept.
    expect(message).toMatch(/\(400\)\. LaunchDarkly said/)
    expect(message).toContain('LaunchDarkly error id e-2')
    expect(message.length).toBeLessThan(1500)
  })
})

describe('a paged list', () => {
  /** A file that describes "a" by name: the list is read, every page of it. */
  const describeA = { 'a.yaml': 'integrationKey: custom-approvals\nname: a\nenabled: true\n' }
  const dryRun = () =>
    run({
      inputs: ldInputs(ld, { 'desired-state-file': 'a.yaml', 'dry-run': 'true' }),
      files: describeA
    })

  it('follows an absolute next link on base-uri’s origin', async () => {
    await ld.close()
    ld = await LaunchDarklyEmulator.start({
      listPages: { size: 1, nextHref: next => `${ld.url}${next}` }
    })
    seedThree()
    const result = await dryRun()
    expect(result.exitCode).toBe(0)
    expect(routesOf(ld)).toEqual([LIST, LIST, LIST])
    expect(reported(result).map(r => [r.name, r.status])).toEqual([
      ['a', 'unchanged'],
      ['b', 'unmanaged'],
      ['c', 'unmanaged']
    ])
  })

  it('refuses an absolute next link on another origin, even the same server by another name', async () => {
    await ld.close()
    ld = await LaunchDarklyEmulator.start({
      listPages: { size: 1, nextHref: next => `${ld.url.replace('127.0.0.1', 'localhost')}${next}` }
    })
    seedThree()
    const result = await dryRun()
    expect(result.exitCode).toBe(1)
    expect(result.outputs['failure-reason']).toBe('api-error')
    expect(result.errors[0]?.message).toMatch(/not a further page of the same list/)
    expect(routesOf(ld)).toEqual([LIST])
  })

  it('stops past 1,000 pages', async () => {
    await ld.close()
    let page = 0
    // Every next link is new, and every page has a next: a list without end.
    ld = await LaunchDarklyEmulator.start({
      listPages: {
        size: 1,
        nextHref: () => `/api/v2/integration-configurations/keys/custom-approvals?page=${++page}`
      }
    })
    seedThree()
    const result = await dryRun()
    expect(result.exitCode).toBe(1)
    expect(result.outputs['failure-reason']).toBe('api-error')
    expect(result.errors[0]?.message).toMatch(/went on past 1000 pages/)
    expect(routesOf(ld).filter(route => route === LIST)).toHaveLength(1000)
  })
})

describe('a configuration the files describe, whose read failed', () => {
  const forbidden: Fault = {
    kind: 'status',
    status: 403,
    body: { code: 'forbidden', message: 'Forbidden' }
  }
  const prodFile = {
    'ld/prod.yaml': [
      'integrationKey: custom-approvals',
      'name: Approvals (prod)',
      'configValues:',
      '  baseURL: https://approvals.example.com',
      '  apiKey: ${KEY}',
      ''
    ].join('\n')
  }
  const dryRun = (files: Record<string, string>) =>
    run({
      inputs: ldInputs(ld, { 'desired-state-file': 'ld/*.yaml', 'dry-run': 'true' }),
      files,
      env: { KEY: APPROVALS_SECRET }
    })
  const statusesOf = (result: RunResult, name: string) =>
    reported(result)
      .filter(r => r.name === name)
      .map(r => r.status)

  it('is not unmanaged when its list item was a summary and the read by ID failed', async () => {
    await ld.close()
    ld = await LaunchDarklyEmulator.start({ listSummaries: true })
    seedApprovals(ld)
    seedApprovals(ld, { name: 'Approvals (staging)' })
    ld.server.injectFaults({ method: 'GET', route: ROUTES.item }, forbidden)
    const result = await dryRun(prodFile)
    expect(result.exitCode).toBe(1)
    expect(routesOf(ld)).toEqual([LIST, GET])
    expect(statusesOf(result, 'Approvals (prod)')).toEqual(['failed'])
    expect(statusesOf(result, 'Approvals (staging)')).toEqual(['unmanaged'])
  })

  it('is not unmanaged when its name matches several', async () => {
    seedApprovals(ld)
    seedApprovals(ld)
    seedApprovals(ld, { name: 'Approvals (staging)' })
    const result = await dryRun(prodFile)
    expect(result.exitCode).toBe(1)
    expect(result.outputs['failure-reason']).toBe('invalid-input')
    expect(statusesOf(result, 'Approvals (prod)')).toEqual(['failed'])
    expect(statusesOf(result, 'Approvals (staging)')).toEqual(['unmanaged'])
  })

  it('is not unmanaged when it is named by ID and its read failed', async () => {
    seedApprovals(ld)
    const staging = seedApprovals(ld, { name: 'Approvals (staging)' })
    ld.server.injectFaults({ method: 'GET', route: ROUTES.item }, forbidden)
    const result = await dryRun({
      ...prodFile,
      'ld/staging.yaml': `id: ${staging._id}\nenabled: false\n`
    })
    expect(result.exitCode).toBe(1)
    expect(result.outputs['failure-reason']).toBe('forbidden')
    expect(reported(result).filter(r => r.id === staging._id)).toEqual([
      expect.objectContaining({ status: 'failed' })
    ])
    expect(statusesOf(result, 'Approvals (prod)')).toEqual(['unchanged'])
  })
})

describe('a DELETE whose fate is unknown', () => {
  it('says it may have been applied when reading it back fails too', async () => {
    const prod = seedApprovals(ld)
    const staging = seedApprovals(ld, { name: 'Approvals (staging)' })
    ld.server.injectFaults(
      { method: 'DELETE', route: ROUTES.item },
      { kind: 'status', status: 504, body: { code: 'internal', message: 'boom' } }
    )
    ld.server.injectFaults(
      { method: 'GET', route: ROUTES.item },
      { kind: 'status', status: 403, body: { code: 'forbidden', message: 'Forbidden' } }
    )
    const result = await run({
      inputs: ldInputs(ld, { 'desired-state-file': 'ld/*.yaml', prune: 'true' }),
      files: {
        'ld/prod.yaml': `id: ${prod._id}\nintegrationKey: custom-approvals\nenabled: true\n`
      }
    })
    expect(result.exitCode).toBe(1)
    expect(writes(ld).map(r => r.method)).toEqual(['DELETE'])
    expect(ld.get(staging._id)).toBeDefined()
    const failed = reported(result).find(r => r.id === staging._id)
    expect(failed?.status).toBe('failed')
    expect(failed?.error).toMatch(
      new RegExp(
        `^The deletion of ${staging._id} may or may not have been applied: LaunchDarkly answered 504 while deleting integration configuration ${staging._id}; reading ${staging._id} back failed too: LaunchDarkly answered 403`
      )
    )
    expect(ld.server.pendingFaults()).toBe(0)
  })
})
