import { renderLogAccount, renderStartLine } from '../../src/core/render/log-and-outputs.js'
import { outcome, retag } from '../helpers/scenarios.js'

describe('the log of a large run', () => {
  it('prints the unchanged configurations as one line, and a group for each of the others', () => {
    const outcomes = Array.from({ length: 1000 }, (_, i) =>
      i % 10 === 0 ? outcome(i, 'would-update', retag) : outcome(i, 'unchanged', [])
    )
    const account = renderLogAccount(outcomes)
    expect(account.groups).toHaveLength(100)
    expect(account.unchanged).toMatch(
      /^Unchanged: 900 configurations \(Approvals 1, Approvals 2, .* and 850 more\)\.$/
    )
    expect(account.unchanged).not.toContain('\n')
  })

  it('keeps a configuration with a secret it cannot check out of the unchanged line', () => {
    const unverified = outcome(1, 'unchanged', [], {
      undecided: [{ path: '/configValues/apiKey', reason: 'no-ends' }]
    })
    expect(renderLogAccount([unverified])).toEqual({ groups: [unverified], unchanged: undefined })
  })

  it('starts with what the run will do, and to how many configurations', () => {
    const settings = { dryRun: true, baseUri: new URL('https://app.launchdarkly.com') }
    expect(
      renderStartLine({ kind: 'desired-state', configurations: Array(1000).fill({}) }, settings)
    ).toBe(
      'Checking 1,000 configurations from desired-state files against app.launchdarkly.com (dry run: nothing is written).'
    )
    expect(
      renderStartLine(
        {
          kind: 'patch',
          configurationId: '65f0c1d2e3a4b5c6d7e8f901',
          operations: [{ op: 'replace', path: '/enabled', value: false }],
          input: 'enabled',
          file: undefined
        },
        { ...settings, dryRun: false }
      )
    ).toBe(
      'Patching 1 configuration (65f0c1d2e3a4b5c6d7e8f901) on app.launchdarkly.com with 1 operation from `enabled`.'
    )
  })
})
