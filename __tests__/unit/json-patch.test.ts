import { readFileSync } from 'node:fs'
import {
  applyOperations,
  formatPointer,
  jsonEqual,
  parsePointer,
  PatchApplyError,
  type Operation
} from '../../src/core/json-patch.js'

interface ConformanceCase {
  comment?: string
  doc?: unknown
  patch?: Operation[]
  expected?: unknown
  error?: string
  disabled?: boolean
}

function load(name: string): ConformanceCase[] {
  const url = new URL(`../fixtures/json-patch-tests/${name}`, import.meta.url)
  return JSON.parse(readFileSync(url, 'utf8')) as ConformanceCase[]
}

const suites = ['tests.json', 'spec_tests.json'].map(name => ({
  name,
  cases: load(name).filter(c => c.patch !== undefined && !c.disabled)
}))

describe.each(suites)('RFC 6902 conformance suite ($name)', ({ cases }) => {
  it('has cases to run', () => {
    expect(cases.length).toBeGreaterThan(10)
  })

  it.each(cases.map((c, i) => [c.comment ?? `case ${i}`, c] as const))('%s', (_title, testCase) => {
    const before = structuredClone(testCase.doc)
    if (testCase.error !== undefined) {
      expect(() => applyOperations(testCase.doc, testCase.patch ?? [])).toThrow(PatchApplyError)
    } else {
      const result = applyOperations(testCase.doc, testCase.patch ?? [])
      expect(jsonEqual(result, testCase.expected)).toBe(true)
    }
    expect(testCase.doc).toEqual(before)
  })
})

describe('applyOperations', () => {
  it('leaves the input untouched when a later operation fails', () => {
    const doc = { tags: ['a'], enabled: true }
    const ops: Operation[] = [
      { op: 'add', path: '/tags/-', value: 'b' },
      { op: 'test', path: '/enabled', value: false }
    ]
    expect(() => applyOperations(doc, ops)).toThrow(
      expect.objectContaining({ index: 1, code: 'TEST_OPERATION_FAILED' })
    )
    expect(doc).toEqual({ tags: ['a'], enabled: true })
  })

  it('refuses prototype pollution', () => {
    const ops = [{ op: 'add', path: '/__proto__/polluted', value: true }] as Operation[]
    expect(() => applyOperations({}, ops)).toThrow(
      expect.objectContaining({ code: 'PROTOTYPE_POLLUTION' })
    )
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('JSON pointers', () => {
  it('round-trips escapes', () => {
    expect(parsePointer('/a~1b/c~0d')).toEqual(['a/b', 'c~d'])
    expect(formatPointer(['a/b', 'c~d'])).toBe('/a~1b/c~0d')
  })

  it('refuses what is not a pointer', () => {
    expect(parsePointer('enabled')).toBeNull()
    expect(parsePointer('/a~2')).toBeNull()
    expect(parsePointer('/a~')).toBeNull()
    expect(parsePointer('')).toEqual([])
  })
})
