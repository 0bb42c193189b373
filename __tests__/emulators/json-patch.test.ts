import { readFileSync } from 'node:fs'
import { applyPatch, PatchError } from '../../emulators/json-patch.js'
import type { JsonValue } from '../../emulators/json-patch.js'

/** One record of json-patch/json-patch-tests (see __tests__/fixtures/json-patch-tests/SOURCE.txt). */
interface ConformanceCase {
  comment?: string
  doc: JsonValue
  patch: unknown[]
  expected?: JsonValue
  error?: string
  disabled?: boolean
}

function load(file: string): ConformanceCase[] {
  const url = new URL(`../fixtures/json-patch-tests/${file}`, import.meta.url)
  return JSON.parse(readFileSync(url, 'utf8')) as ConformanceCase[]
}

/** Runs `fn` and returns what it threw (failing the test when it throws nothing). */
function thrown(fn: () => unknown): unknown {
  try {
    fn()
  } catch (error) {
    return error
  }
  throw new Error('expected a throw, got none')
}

describe.each(['tests.json', 'spec_tests.json'])('RFC 6902 conformance: %s', file => {
  const cases = load(file).map((c, i) => ({ ...c, name: `#${i} ${c.comment ?? c.error ?? ''}` }))
  const enabled = cases.filter(c => c.disabled !== true)
  const disabled = cases.filter(c => c.disabled === true)

  it.each(enabled)('$name', c => {
    const before = structuredClone(c.doc)
    if (c.error !== undefined) {
      expect(thrown(() => applyPatch(c.doc, c.patch))).toBeInstanceOf(PatchError)
    } else if (Object.hasOwn(c, 'expected')) {
      expect(applyPatch(c.doc, c.patch)).toStrictEqual(c.expected)
    } else {
      expect(() => applyPatch(c.doc, c.patch)).not.toThrow()
    }
    expect(c.doc).toStrictEqual(before)
  })

  if (disabled.length > 0) it.skip.each(disabled)('$name (disabled in the suite)', () => {})
})

describe('applyPatch: beyond the conformance suite', () => {
  it('never mutates its input, even when a later operation fails', () => {
    const doc = { a: { b: [1, 2] }, c: 'x' }
    const before = structuredClone(doc)
    const patch = [
      { op: 'add', path: '/a/b/-', value: 3 },
      { op: 'remove', path: '/c' },
      { op: 'replace', path: '/missing', value: 1 }
    ]
    const error = thrown(() => applyPatch(doc, patch))
    expect(error).toBeInstanceOf(PatchError)
    expect((error as PatchError).index).toBe(2)
    expect(doc).toStrictEqual(before)
    // The same patch without the failing operation works, still on a copy.
    const result = applyPatch(doc, patch.slice(0, 2))
    expect(result).toStrictEqual({ a: { b: [1, 2, 3] } })
    expect(doc).toStrictEqual(before)
  })

  it('does not share values between the result, the input and the patch', () => {
    const value = { deep: [1] }
    const doc = { list: [{ n: 1 }] }
    const result = applyPatch(doc, [
      { op: 'add', path: '/v', value },
      { op: 'copy', from: '/list/0', path: '/copied' }
    ])
    result.list[0]!.n = 99
    ;(result as unknown as { v: { deep: number[] } }).v.deep.push(2)
    expect(doc).toStrictEqual({ list: [{ n: 1 }] })
    expect(value).toStrictEqual({ deep: [1] })
    expect((result as unknown as { copied: unknown }).copied).toStrictEqual({ n: 1 })
  })

  it('reports a failed test as test-failed, with its index', () => {
    const error = thrown(() =>
      applyPatch({ a: 1 }, [
        { op: 'test', path: '/a', value: 1.0 },
        { op: 'test', path: '/a', value: 2 }
      ])
    ) as PatchError
    expect(error).toBeInstanceOf(PatchError)
    expect(error.kind).toBe('test-failed')
    expect(error.index).toBe(1)
  })

  it.each<[string, unknown[]]>([
    ['unknown op', [{ op: 'spam', path: '/a' }]],
    ['op that is not a string', [{ op: 1, path: '/a' }]],
    ['operation that is not an object', [null]],
    ['path that is not a pointer', [{ op: 'remove', path: 'a' }]],
    ['bad ~ escape', [{ op: 'remove', path: '/a~2' }]],
    ['test of a missing path', [{ op: 'test', path: '/nope', value: 1 }]],
    ['undefined value', [{ op: 'add', path: '/b', value: undefined }]],
    ['missing from', [{ op: 'copy', path: '/b' }]],
    ['"-" outside an add', [{ op: 'remove', path: '/list/-' }]],
    ['leading zero index', [{ op: 'replace', path: '/list/01', value: 0 }]],
    ['removal of the whole document', [{ op: 'remove', path: '' }]]
  ])('reports a %s as invalid, with its index', (_name, failing) => {
    const doc = { a: 1, list: [1, 2] }
    const error = thrown(() =>
      applyPatch(doc, [{ op: 'test', path: '/a', value: 1 }, ...failing])
    ) as PatchError
    expect(error).toBeInstanceOf(PatchError)
    expect(error.kind).toBe('invalid')
    expect(error.index).toBe(1)
  })

  it('accepts null as a value and replaces the whole document at the root', () => {
    expect(applyPatch({ a: 1 }, [{ op: 'add', path: '/b', value: null }])).toStrictEqual({
      a: 1,
      b: null
    })
    expect(applyPatch({ a: 1 }, [{ op: 'replace', path: '', value: [1] }])).toStrictEqual([1])
    expect(applyPatch({ a: 1 }, [{ op: 'add', path: '', value: 'x' }])).toBe('x')
  })

  it('refuses to move a value into one of its own children, but allows a sibling prefix', () => {
    const doc = { a: { b: {} }, ab: 1 }
    const error = thrown(() => applyPatch(doc, [{ op: 'move', from: '/a', path: '/a/b/c' }]))
    expect(error).toBeInstanceOf(PatchError)
    expect((error as PatchError).kind).toBe('invalid')
    expect(applyPatch(doc, [{ op: 'move', from: '/a', path: '/a' }])).toStrictEqual(doc)
    expect(applyPatch(doc, [{ op: 'move', from: '/ab', path: '/a/ab' }])).toStrictEqual({
      a: { b: {}, ab: 1 }
    })
  })

  it.each(['/__proto__/polluted', '/constructor/prototype/polluted', '/a/__proto__', '/prototype'])(
    'refuses the object member path %s without polluting any prototype',
    path => {
      for (const op of ['add', 'replace', 'test']) {
        const error = thrown(() => applyPatch({ a: {} }, [{ op, path, value: 'yes' }]))
        expect(error).toBeInstanceOf(PatchError)
        expect((error as PatchError).kind).toBe('invalid')
      }
      const copy = thrown(() => applyPatch({ a: {} }, [{ op: 'copy', from: '/a', path }]))
      expect((copy as PatchError).kind).toBe('invalid')
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
      expect(Object.prototype).not.toHaveProperty('polluted')
    }
  )

  it('keeps an own "__proto__" key of a parsed input as plain data', () => {
    const doc = JSON.parse('{"__proto__": {"polluted": "yes"}, "a": 1}') as Record<string, unknown>
    const result = applyPatch(doc, [{ op: 'replace', path: '/a', value: 2 }])
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype)
    expect(Object.hasOwn(result, '__proto__')).toBe(true)
    expect(result.polluted).toBeUndefined()
  })
})
