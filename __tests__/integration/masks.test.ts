/**
 * Secrets under each way LaunchDarkly may show them. How it masks integration configurations is not
 * documented: sibling resources show the first and last three characters around 8 asterisks,
 * access tokens the last four, and a mask may show nothing at all. The action must be right under
 * each: compare by what the mask shows, and where it shows nothing, never claim "unchanged".
 */
import { LaunchDarklyEmulator, MASK_STYLES } from '../../emulators/launchdarkly.js'
import type { RunResult } from '../../emulators/runner.js'
import { asRendered } from '../helpers/canaries.js'
import {
  APPROVALS_SECRET,
  ldInputs,
  results,
  run,
  seedApprovals,
  writes
} from '../helpers/fixtures.js'

const styles = Object.entries(MASK_STYLES).map(([name, style]) => ({ name, style }))
const warnings = (result: RunResult) =>
  result.annotations.filter(a => a.level === 'warning').map(a => a.message)

describe.each(styles)('secrets shown as "$name"', ({ style }) => {
  const showsNothing = style === 'hidden'
  let ld: LaunchDarklyEmulator
  beforeEach(async () => {
    ld = await LaunchDarklyEmulator.start({ masks: style })
  })
  afterEach(() => ld.close())

  const file = (id: string) => ({
    'a.yaml': `id: ${id}\nconfigValues:\n  baseURL: https://approvals.example.com\n  apiKey: \${KEY}\n`
  })
  const apply = (id: string, key: string, inputs: Record<string, string> = {}) =>
    run({
      inputs: ldInputs(ld, { 'desired-state-file': 'a.yaml', ...inputs }),
      files: file(id),
      env: { KEY: key }
    })

  it('the same secret: unchanged where the mask shows its ends, "cannot tell" where it shows none', async () => {
    const { _id } = seedApprovals(ld)
    const result = await apply(_id, APPROVALS_SECRET)
    expect(result.exitCode).toBe(0)
    expect(writes(ld)).toHaveLength(0)
    expect(results(result)[0]?.status).toBe('unchanged')
    if (showsNothing) {
      expect(warnings(result)).toEqual([
        expect.stringMatching(
          /\/configValues\/apiKey: LaunchDarkly shows no part of this secret.*rotate-secrets: true/
        )
      ])
      expect(asRendered(result.summary)).toContain('LaunchDarkly shows no part of it: cannot tell')
    } else {
      expect(warnings(result)).toEqual([])
      expect(asRendered(result.summary)).toContain(
        'its mask shows the same ends as the file; the middle may differ'
      )
    }
  })

  it('another secret: written where the mask tells, not written (with a warning) where it cannot', async () => {
    const { _id } = seedApprovals(ld)
    const other = 'an-entirely-different-secret-value'
    const result = await apply(_id, other)
    expect(result.exitCode).toBe(0)
    if (showsNothing) {
      expect(writes(ld)).toHaveLength(0)
      expect(ld.get(_id)?.configValues.apiKey).toBe(APPROVALS_SECRET)
      expect(warnings(result)).toHaveLength(1)
    } else {
      expect(writes(ld)).toHaveLength(1)
      expect(ld.get(_id)?.configValues.apiKey).toBe(other)
      expect(results(result)[0]?.status).toBe('updated')
    }
  })

  it('rotate-secrets writes the secret whatever the mask shows, and reads back without a false alarm', async () => {
    const { _id } = seedApprovals(ld)
    const rotated = 'rotated-secret-4242'
    const result = await apply(_id, rotated, { 'rotate-secrets': 'true' })
    expect(result.exitCode).toBe(0)
    expect(writes(ld)).toHaveLength(1)
    expect(writes(ld)[0]?.body).toEqual([
      { op: 'replace', path: '/configValues/apiKey', value: rotated }
    ])
    expect(ld.get(_id)?.configValues.apiKey).toBe(rotated)
    expect(warnings(result)).toEqual([])
    expect(JSON.parse(result.outputs.configuration ?? '{}')).toMatchObject({
      configValues: { apiKey: '(secret: changed)' }
    })
  })

  it('a secret whose ends match but whose middle differs is not written without rotate-secrets', async () => {
    const { _id } = seedApprovals(ld)
    // Same first three and last four as APPROVALS_SECRET (supersecret123), another middle.
    const sameEnds = 'supXXXXXXXt123'
    const result = await apply(_id, sameEnds)
    expect(result.exitCode).toBe(0)
    expect(writes(ld)).toHaveLength(0)
    expect(ld.get(_id)?.configValues.apiKey).toBe(APPROVALS_SECRET)
  })

  it('patch mode writes a secret and reports it done, whatever the mask shows of it', async () => {
    const { _id } = seedApprovals(ld)
    const result = await run({
      inputs: ldInputs(ld, {
        'configuration-id': _id,
        patch: '[{"op":"replace","path":"/configValues/apiKey","value":"brand-new-secret-77"}]'
      })
    })
    expect(result.exitCode).toBe(0)
    expect(results(result)[0]?.status).toBe('updated')
    expect(ld.get(_id)?.configValues.apiKey).toBe('brand-new-secret-77')
    expect(warnings(result)).toEqual([])
  })
})
