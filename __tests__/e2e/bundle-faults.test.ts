/**
 * The bundle under trouble: the runner's files, faults that need real time (request timeouts), and
 * a sample of the bad-input corpus, run as the runner runs `node dist/index.js` (see bundle.test.ts).
 */
import type { Fault } from '../../emulators/http.js'
import { LaunchDarklyEmulator, ROUTES } from '../../emulators/launchdarkly.js'
import { BAD_INPUT_CASES, badInputRun, expectRefused } from '../helpers/bad-input.js'
import {
  announcedWaitMs,
  APPLIED,
  expectOutcome,
  patchRun as runPatch
} from '../helpers/fault-matrix.js'
import { ldInputs, runBuilt, seedApprovals } from '../helpers/fixtures.js'

let ld: LaunchDarklyEmulator

/** Until the emulator has handled every request it received (a delayed one included). */
async function everyRequestHandled(emulator: LaunchDarklyEmulator): Promise<void> {
  while (emulator.server.requests.some(request => request.finishedAt === 0)) {
    await new Promise(resolve => setTimeout(resolve, 20))
  }
}
beforeEach(async () => {
  ld = await LaunchDarklyEmulator.start()
})
afterEach(() => ld.close())

describe('the bundle: trouble on the runner', () => {
  it('ends with one clear error and exit 1 when an output cannot be written', async () => {
    const { _id } = seedApprovals(ld)
    const result = await runBuilt({
      inputs: ldInputs(ld, { 'configuration-id': _id, enabled: 'false' }),
      env: { GITHUB_OUTPUT: '/' }
    })
    expect(result.exitCode).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]?.message).toMatch(/^Unexpected error: .*EISDIR/)
    expect(result.stderr).not.toMatch(/^\s+at /m)
  })

  it('warns, and still succeeds, when the job summary cannot be written', async () => {
    const { _id } = seedApprovals(ld)
    const result = await runBuilt({
      inputs: ldInputs(ld, { 'configuration-id': _id, enabled: 'false' }),
      env: { GITHUB_STEP_SUMMARY: '/' }
    })
    expect(result.exitCode).toBe(0)
    expect(result.annotations.find(a => a.level === 'warning')?.message).toContain(
      'Could not write the job summary'
    )
    expect(result.outputs.changed).toBe('true')
  })
})

describe('the bundle: faults that need real time (from the fault matrix)', () => {
  const patchRun = (
    faults: { method: string; route: string; faults: Fault[] },
    inputs: Record<string, string> = {}
  ) => runPatch(ld, runBuilt, faults, inputs)

  it('14. a PATCH dropped after it was applied is not sent again: /tags/- is added once', async () => {
    const { id, result } = await patchRun({
      method: 'PATCH',
      route: ROUTES.item,
      faults: [{ kind: 'destroy-after' }]
    })
    expectOutcome(
      ld,
      result,
      id,
      { exitCode: 0, state: APPLIED, applied: 1, maxWaitMs: 10_000 },
      announcedWaitMs(result)
    )
    expect(ld.server.requestsTo('PATCH', ROUTES.item)).toHaveLength(1)
    expect(ld.get(id)?.tags).toEqual(['prod', 'approvals'])
    expect(result.stdout).toContain('The change had been applied.')
  })

  it('15. a read slower than request-timeout is abandoned and retried', async () => {
    const { id, result } = await patchRun(
      { method: 'GET', route: ROUTES.item, faults: [{ kind: 'delay', ms: 2500 }] },
      { 'request-timeout': '1' }
    )
    expectOutcome(
      ld,
      result,
      id,
      { exitCode: 0, state: APPLIED, applied: 1, maxWaitMs: 10_000 },
      announcedWaitMs(result)
    )
    expect(result.stdout).toContain('no answer within 1 s')
    // Abandoned, not waited out: the slow read was sent again.
    expect(ld.server.requestsTo('GET', ROUTES.item).length).toBeGreaterThanOrEqual(2)
  })

  it('16. a PATCH slower than request-timeout that lands late is still applied exactly once', async () => {
    const { id, result } = await patchRun(
      { method: 'PATCH', route: ROUTES.item, faults: [{ kind: 'delay', ms: 1500 }] },
      { 'request-timeout': '1' }
    )
    // The late PATCH lands after the run ended: the outcome is judged once it has.
    await everyRequestHandled(ld)
    expectOutcome(
      ld,
      result,
      id,
      { exitCode: 0, state: APPLIED, applied: 1, maxWaitMs: 10_000 },
      announcedWaitMs(result)
    )
    expect(ld.get(id)?.tags).toEqual(['prod', 'approvals'])
  })
})

describe('the bundle: bad input', () => {
  // Every twelfth case in file-name order, as each spawns the bundle: a sample, which need not
  // hold every kind of input. The whole corpus runs in-process (integration/bad-input.test.ts).
  const sample = BAD_INPUT_CASES.filter((_case, i) => i % 12 === 0)

  it.each(sample)('%s', async (_name, testCase) => {
    expectRefused(await runBuilt(badInputRun(ld, testCase)), testCase, ld)
  })
})
