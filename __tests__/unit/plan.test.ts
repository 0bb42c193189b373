import { ActionError } from '../../src/core/errors.js'
import { planDesired, planPatch, stillAsRead, unexpectedPaths } from '../../src/core/plan.js'
import type { IntegrationConfiguration } from '../../src/core/types.js'

const live: IntegrationConfiguration = {
  _id: '65f0c1d2e3a4b5c6d7e8f901',
  _links: {},
  _integrationKey: 'custom-approvals',
  name: 'Approvals',
  enabled: true,
  tags: ['prod'],
  configValues: { baseURL: 'https://a.example.com', apiKey: 'sup********123' }
}
const options = { rotateSecrets: false }

describe('planPatch', () => {
  it("sends the user's leading tests as preconditions, then the guarded change", () => {
    const plan = planPatch(live, [
      { op: 'test', path: '/_integrationKey', value: 'custom-approvals' },
      { op: 'add', path: '/tags/-', value: 'approvals' }
    ])
    expect(plan.action).toBe('update')
    expect(plan).toMatchObject({
      operations: [
        { op: 'test', path: '/_integrationKey', value: 'custom-approvals' },
        { op: 'test', path: '/tags', value: ['prod'] },
        { op: 'replace', path: '/tags', value: ['prod', 'approvals'] }
      ]
    })
    expect(live.tags).toEqual(['prod'])
  })

  it('plans nothing for a patch that changes nothing', () => {
    const plan = planPatch(live, [{ op: 'replace', path: '/enabled', value: true }])
    expect(plan).toMatchObject({ action: 'none', changes: [] })
    // Nothing to send, by construction: an unchanged plan has no operations.
    expect(plan).not.toHaveProperty('operations')
  })

  it('names the operation that cannot be applied', () => {
    expect(() => planPatch(live, [{ op: 'remove', path: '/configValues/missing' }])).toThrow(
      /operation 0 \(remove \/configValues\/missing\) cannot be applied.*path does not exist/
    )
    expect(() => planPatch(live, [{ op: 'test', path: '/name', value: 'Other' }])).toThrow(
      expect.objectContaining({ reason: 'conflict' })
    )
  })

  it('refuses a test of a secret, which LaunchDarkly only shows masked', () => {
    expect(() =>
      planPatch(live, [{ op: 'test', path: '/configValues/apiKey', value: 'x' }])
    ).toThrow(/a secret.*masked/)
  })

  it.each([
    [{ op: 'move', from: '/configValues/apiKey', path: '/configValues/old' }],
    [{ op: 'copy', from: '/configValues/apiKey', path: '/name' }],
    [{ op: 'copy', from: '/configValues', path: '/capabilityConfig/x' }]
  ] as const)('refuses %j: the mask would be written, the secret lost', operation => {
    expect(() => planPatch(live, [operation])).toThrow(/takes its value from a secret/)
  })

  it('refuses a test of an object that holds a secret', () => {
    expect(() => planPatch(live, [{ op: 'test', path: '/configValues', value: {} }])).toThrow(
      /is or holds a secret/
    )
  })

  it('refuses a result that does not fit the spec', () => {
    expect(() => planPatch(live, [{ op: 'remove', path: '/name' }])).toThrow(ActionError)
  })

  it('collects the secret values it will send', () => {
    const plan = planPatch(live, [
      { op: 'replace', path: '/configValues/apiKey', value: 'brand-new-secret' }
    ])
    expect(plan.secretValues).toEqual(['brand-new-secret'])
    expect(plan).toMatchObject({
      operations: [{ op: 'replace', path: '/configValues/apiKey', value: 'brand-new-secret' }]
    })
  })
})

describe('planDesired', () => {
  it('manages only the fields given, tags as a set, secrets by their mask', () => {
    const plan = planDesired(
      live,
      {
        tags: ['prod'],
        configValues: { baseURL: 'https://a.example.com', apiKey: 'supersecret123' }
      },
      'custom-approvals',
      options
    )
    expect(plan.action).toBe('none')
  })

  it('removes configValues keys the file does not give', () => {
    const withLegacy = {
      ...live,
      configValues: { ...live.configValues, legacyURL: 'https://old.example.com' }
    }
    const plan = planDesired(
      withLegacy,
      { configValues: { baseURL: 'https://a.example.com', apiKey: 'supersecret123' } },
      'custom-approvals',
      options
    )
    expect(plan).toMatchObject({
      operations: [
        { op: 'test', path: '/configValues/legacyURL', value: 'https://old.example.com' },
        { op: 'remove', path: '/configValues/legacyURL' }
      ]
    })
  })

  it('plans a creation with each secret named alone', () => {
    const plan = planDesired(
      undefined,
      { name: 'New', configValues: { baseURL: 'https://b.example.com', apiKey: 'secret-for-new' } },
      'custom-approvals',
      options
    )
    expect(plan.action).toBe('create')
    expect(plan.action === 'create' && plan.body).toEqual({
      name: 'New',
      configValues: { baseURL: 'https://b.example.com', apiKey: 'secret-for-new' }
    })
    expect(plan.changes.filter(c => c.secret).map(c => c.path)).toEqual(['/configValues/apiKey'])
    expect(plan.secretValues).toEqual(['secret-for-new'])
  })
})

describe('reading back', () => {
  const plan = planPatch(live, [{ op: 'replace', path: '/enabled', value: false }])
  it("tells a landed change from one that did not land and from someone else's edit", () => {
    expect(unexpectedPaths(plan, { ...live, enabled: false })).toEqual([])
    expect(unexpectedPaths(plan, live)).toEqual(['/enabled'])
    expect(stillAsRead(plan, live)).toBe(true)
    expect(stillAsRead(plan, { ...live, enabled: false })).toBe(false)
  })
})
