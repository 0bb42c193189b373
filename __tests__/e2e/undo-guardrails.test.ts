/**
 * Undo and guardrails (#20) through the bundle, as the runner runs it: a release's `undo-patch`,
 * read from GITHUB_OUTPUT, rolls it back when given to `patch`; `protect` refuses a disable with
 * zero writes. Every case is tested in-process too (__tests__/integration/undo.test.ts and
 * guardrails.test.ts).
 */
import type { GitHubEmulator } from '../../emulators/github.js'
import type { LaunchDarklyEmulator } from '../../emulators/launchdarkly.js'
import { startEmulators, stopEmulators } from '../helpers/emulators.js'
import { ldInputs, runBuilt, seedApprovals, writes } from '../helpers/fixtures.js'

let ld: LaunchDarklyEmulator
let gh: GitHubEmulator
beforeEach(async () => {
  ;({ ld, gh } = await startEmulators())
})
afterEach(() => stopEmulators({ ld, gh }))

describe('the bundle', () => {
  it('rolls a release back with its undo-patch, restoring the stored configuration', async () => {
    const seeded = seedApprovals(ld)
    const release = await runBuilt({
      inputs: ldInputs(ld, { 'configuration-id': seeded._id, 'patch-file': 'release.yaml' }),
      files: {
        'release.yaml': [
          '- op: replace',
          '  path: /configValues/baseURL',
          '  value: https://approvals-v2.example.com',
          '- op: add',
          '  path: /tags/-',
          '  value: release-42',
          ''
        ].join('\n')
      }
    })
    expect(release.exitCode).toBe(0)
    expect(ld.get(seeded._id)?.configValues.baseURL).toBe('https://approvals-v2.example.com')
    const undoPatch = release.outputs['undo-patch'] ?? ''
    expect(JSON.parse(release.outputs.undo ?? '{}')).toEqual({
      [seeded._id]: JSON.parse(undoPatch)
    })
    expect(release.summary).toContain('Undo')

    const rollback = await runBuilt({
      inputs: ldInputs(ld, { 'configuration-id': seeded._id, patch: undoPatch })
    })
    expect(rollback.exitCode).toBe(0)
    expect(ld.get(seeded._id)).toEqual(seeded)

    // Applied again, the undo's tests fail: refused, nothing written.
    ld.server.requests.length = 0
    const again = await runBuilt({
      inputs: ldInputs(ld, { 'configuration-id': seeded._id, patch: undoPatch })
    })
    expect(again.exitCode).toBe(1)
    expect(again.outputs['failure-reason']).toBe('conflict')
    expect(writes(ld)).toHaveLength(0)
  })

  it('refuses to disable a protected configuration, writing nothing', async () => {
    const { _id } = seedApprovals(ld)
    const result = await runBuilt({
      inputs: ldInputs(ld, { 'configuration-id': _id, enabled: 'false', protect: 'tag:prod' })
    })
    expect(result.exitCode).toBe(1)
    expect(result.outputs['failure-reason']).toBe('protected')
    expect(writes(ld)).toHaveLength(0)
    expect(result.stdout).toMatch(
      /^::error title=LaunchDarkly%3A not applied::Refused by `protect`/m
    )
    expect(ld.get(_id)?.enabled).toBe(true)
  })
})
