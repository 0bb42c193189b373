/**
 * The fault matrix's common ground: the patch every scenario sends (it adds to /tags/-, the classic
 * operation that a careless retry applies twice), and the checks of its outcome: the final stored
 * state, the writes LaunchDarkly applied, the exit code, the outputs, and a generous bound on the
 * waiting the run did (to catch a run that waits far longer than the fault asks). The waiting is
 * the run's own account of it, never the wall clock, so that no machine's speed enters a check:
 * in-process, the fake clock's sleeps; for the bundle, the waits its log announces. Shared by the
 * in-process matrix and the runs of the bundle.
 */
import type { Fault } from '../../emulators/http.js'
import type { LaunchDarklyEmulator, StoredConfiguration } from '../../emulators/launchdarkly.js'
import type { RunOptions, RunResult } from '../../emulators/runner.js'
import { ldInputs, results, seedApprovals } from './fixtures.js'

export { results }

export const PATCH_OPS =
  '[{"op":"add","path":"/tags/-","value":"approvals"},{"op":"replace","path":"/enabled","value":false}]'
export const APPLIED = { tags: ['prod', 'approvals'], enabled: false }
export const UNTOUCHED = { tags: ['prod'], enabled: true }

export interface Expectation {
  exitCode: 0 | 1
  state: Partial<StoredConfiguration>
  /** PATCH requests LaunchDarkly applied. */
  applied: number
  reason?: string
  /** The most the run may wait in all (retries, Retry-After, backoff), in milliseconds. */
  maxWaitMs: number
}

/** The waits a spawned run announced in its log ("trying again in 1.2 s"), in milliseconds. */
export function announcedWaitMs(result: RunResult): number {
  return [...result.stdout.matchAll(/trying again in (\d+(?:\.\d+)?) s/g)].reduce(
    (sum, [, seconds]) => sum + Number(seconds) * 1000,
    0
  )
}

export function expectOutcome(
  ld: LaunchDarklyEmulator,
  result: RunResult,
  id: string,
  expected: Expectation,
  /** How long the run waited, by its own account (see above). */
  waitedMs: number
): void {
  expect({ exit: result.exitCode, stderr: result.stderr }).toEqual({
    exit: expected.exitCode,
    stderr: ''
  })
  expect(ld.get(id)).toMatchObject(expected.state)
  expect(ld.appliedPatches).toBe(expected.applied)
  expect(result.outputs['failure-reason']).toBe(expected.reason ?? '')
  const [outcome] = results(result)
  expect(outcome?.status).toBe(expected.exitCode === 0 ? 'updated' : 'failed')
  // Nothing half-done is reported as done.
  expect(result.outputs.changed).toBe(expected.exitCode === 0 ? 'true' : 'false')
  if (expected.exitCode === 1) expect(result.errors).toHaveLength(1)
  expect(waitedMs).toBeLessThanOrEqual(expected.maxWaitMs)
  expect(ld.server.pendingFaults()).toBe(0)
}

/** Seeds a configuration, injects the faults, and runs PATCH_OPS against it with `runner`. */
export async function patchRun(
  ld: LaunchDarklyEmulator,
  runner: (options: RunOptions) => Promise<RunResult>,
  faults: { method: string; route: string; faults: Fault[] },
  inputs: Record<string, string> = {}
): Promise<{ id: string; result: RunResult }> {
  const { _id } = seedApprovals(ld)
  ld.server.injectFaults({ method: faults.method, route: faults.route }, ...faults.faults)
  const result = await runner({
    inputs: ldInputs(ld, { 'configuration-id': _id, patch: PATCH_OPS, ...inputs })
  })
  return { id: _id, result }
}
