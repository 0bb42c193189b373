import { diffConfigurations } from '../../src/core/diff.js'
import type { JsonObject } from '../../src/core/json-patch.js'
import { WRITABLE_FIELDS } from '../../src/core/types.js'

const options = { scope: { integrationKey: 'custom-approvals' }, rotateSecrets: false }
const live: JsonObject = {
  _id: 'abc',
  name: 'Approvals',
  enabled: true,
  tags: ['prod', 'approvals'],
  configValues: { baseURL: 'https://a.example.com', apiKey: 'sup********123' }
}

describe('diffConfigurations', () => {
  it('finds nothing to do when nothing changes', () => {
    expect(diffConfigurations(live, structuredClone(live), WRITABLE_FIELDS, options)).toEqual({
      operations: [],
      changes: [],
      undecided: []
    })
  })

  it('treats tags as a set', () => {
    const expected = { ...live, tags: ['approvals', 'prod'] }
    expect(diffConfigurations(live, expected, WRITABLE_FIELDS, options).operations).toEqual([])
  })

  it('guards each replace and remove with a test of the value it replaces', () => {
    const expected = {
      ...live,
      enabled: false,
      tags: ['prod'],
      configValues: { apiKey: 'sup********123' }
    }
    const { operations, changes } = diffConfigurations(live, expected, WRITABLE_FIELDS, options)
    expect(operations).toEqual([
      { op: 'test', path: '/enabled', value: true },
      { op: 'test', path: '/tags', value: ['prod', 'approvals'] },
      { op: 'test', path: '/configValues/baseURL', value: 'https://a.example.com' },
      { op: 'replace', path: '/enabled', value: false },
      { op: 'replace', path: '/tags', value: ['prod'] },
      { op: 'remove', path: '/configValues/baseURL' }
    ])
    expect(changes.map(c => c.path)).toEqual(['/enabled', '/tags', '/configValues/baseURL'])
  })

  it('compares a masked secret by what the mask shows, and never tests it', () => {
    const same = {
      ...live,
      configValues: { ...(live.configValues as JsonObject), apiKey: 'supersecret123' }
    }
    expect(diffConfigurations(live, same, WRITABLE_FIELDS, options).operations).toEqual([])

    const other = {
      ...live,
      configValues: { ...(live.configValues as JsonObject), apiKey: 'another-secret' }
    }
    const { operations, changes } = diffConfigurations(live, other, WRITABLE_FIELDS, options)
    expect(operations).toEqual([
      { op: 'replace', path: '/configValues/apiKey', value: 'another-secret' }
    ])
    expect(changes).toEqual([
      {
        path: '/configValues/apiKey',
        before: 'sup********123',
        after: 'another-secret',
        secret: true
      }
    ])
  })

  it('writes secrets regardless of the mask when rotating', () => {
    const same = {
      ...live,
      configValues: { ...(live.configValues as JsonObject), apiKey: 'supersecret123' }
    }
    const { operations } = diffConfigurations(live, same, WRITABLE_FIELDS, {
      ...options,
      rotateSecrets: true
    })
    expect(operations).toEqual([
      { op: 'replace', path: '/configValues/apiKey', value: 'supersecret123' }
    ])
  })

  it('adds what is absent without a guard, and only touches the fields asked for', () => {
    const expected = {
      ...live,
      name: 'Renamed',
      capabilityConfig: { approvals: { additionalFormVariables: [] } }
    }
    const { operations } = diffConfigurations(live, expected, ['capabilityConfig'], options)
    expect(operations).toEqual([
      {
        op: 'add',
        path: '/capabilityConfig',
        value: { approvals: { additionalFormVariables: [] } }
      }
    ])
  })

  it('escapes keys in paths', () => {
    const expected = {
      ...live,
      configValues: { ...(live.configValues as JsonObject), 'a/b~c': 'x' }
    }
    const { operations } = diffConfigurations(live, expected, WRITABLE_FIELDS, options)
    expect(operations).toEqual([{ op: 'add', path: '/configValues/a~1b~0c', value: 'x' }])
  })
})
