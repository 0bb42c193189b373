import { InputError } from '../../src/core/errors.js'
import { validateOperations } from '../../src/core/operations.js'

const check = (document: unknown) => validateOperations(document, 'patch')
const message = (document: unknown): string => {
  try {
    check(document)
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return (error as Error).message
  }
  throw new Error('expected an InputError')
}

describe('validateOperations', () => {
  it('accepts every RFC 6902 operation on writable fields', () => {
    const ops = [
      { op: 'test', path: '/_integrationKey', value: 'custom-approvals' },
      { op: 'add', path: '/tags/-', value: 'ops' },
      { op: 'remove', path: '/configValues/old' },
      { op: 'replace', path: '/name', value: 'New name' },
      { op: 'copy', from: '/name', path: '/configValues/label' },
      { op: 'move', from: '/configValues/a', path: '/configValues/b' }
    ]
    expect(check(ops)).toEqual(ops)
  })

  it('names the input and the operation, and says how to fix it', () => {
    expect(message({ op: 'replace', path: '/enabled', value: false })).toMatch(
      /^Input `patch`: must be a list .*put it in a list/
    )
    expect(message([])).toContain('holds no operations')
    expect(message([{ op: 'replce', path: '/enabled', value: 1 }])).toContain(
      'did you mean "replace"?'
    )
    expect(message([{ op: 'replace', path: '/enabled', vaule: false }])).toContain(
      'did you mean "value"?'
    )
    expect(message([{ op: 'replace', path: '/enabled' }])).toContain('needs "value"')
    expect(message([{ op: 'move', path: '/name' }])).toContain('needs "from"')
    expect(message([{ op: 'replace', path: 'enabled', value: false }])).toContain(
      'did you mean "/enabled"?'
    )
    expect(message([{ op: 'replace', path: '/name~2', value: 'x' }])).toContain(
      '"~" must be followed by 0'
    )
    expect(message([{ op: 'replace', path: '', value: {} }])).toContain('whole configuration')
    expect(message([{ op: 'replace', path: '/on', value: false }])).toContain(
      'did you mean /enabled?'
    )
    expect(message([{ op: 'replace', path: '/tag', value: [] }])).toContain('did you mean /tags?')
    expect(message([{ op: 'remove', path: '/_links' }])).toContain('read-only')
    expect(message([{ op: 'replace', path: '/snowflakeSetupScript', value: '' }])).toContain(
      'read-only'
    )
    expect(message([{ op: 'move', from: '/_id', path: '/name' }])).toContain('read-only')
    expect(message([{ op: 'add', path: '/configValues/__proto__/x', value: 1 }])).toContain(
      '__proto__'
    )
    expect(message([null])).toContain('operation 0: is not an object')
    expect(message([{ op: 'test', path: '/enabled', value: true }, 7])).toContain('operation 1')
  })

  it('type-checks values against the spec at their path', () => {
    expect(message([{ op: 'replace', path: '/enabled', value: 'false' }])).toContain(
      '/enabled must be boolean'
    )
    expect(message([{ op: 'add', path: '/tags/-', value: 3 }])).toContain('must be string')
    expect(message([{ op: 'replace', path: '/tags', value: 'prod' }])).toContain('must be array')
    expect(message([{ op: 'add', path: '/capabilityConfig/aprovals', value: {} }])).toContain(
      'unknown field "aprovals"'
    )
    expect(
      message([
        {
          op: 'add',
          path: '/capabilityConfig/auditLogEventsHook/statements/0',
          value: { effect: 'maybe' }
        }
      ])
    ).toContain('must be equal to one of the allowed values')
    // configValues are free-form: any key, any value, numeric keys included.
    expect(
      check([{ op: 'add', path: '/configValues/123', value: { any: ['thing'] } }])
    ).toHaveLength(1)
    // A value deep in a structure is checked without complaints about siblings it does not give.
    expect(
      check([
        {
          op: 'add',
          path: '/capabilityConfig/auditLogEventsHook/statements/0/resources',
          value: ['proj/*']
        }
      ])
    ).toHaveLength(1)
  })
})
