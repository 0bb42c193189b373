/**
 * Types that tell the truth: src/ (outside the generated code) holds at most 40 type assertions
 * (issue 16). They are counted by the TypeScript parser, so a string or a comment cannot fool the
 * count; `npx tsx scripts/type-assertions.ts --list` prints them.
 */
import {
  countedFiles,
  typeAssertionsIn,
  typeAssertionsInSources
} from '../../scripts/lib/type-assertions.js'

const LIMIT = 40

describe('type assertions', () => {
  it(`number at most ${LIMIT} in src/ outside src/generated/`, () => {
    const found = typeAssertionsInSources()
    const listing = found.map(a => `${a.file}:${a.line} ${a.text}`)
    // On failure the listing shows each one: make its type true (a guard, a union, narrowing).
    expect({ count: found.length, withinLimit: found.length <= LIMIT, listing }).toMatchObject({
      withinLimit: true
    })
  })

  it('are counted over every source but the generated ones', () => {
    const files = countedFiles()
    expect(files).toEqual(expect.arrayContaining(['src/main.ts', 'src/core/plan.ts']))
    expect(files.filter(file => file.startsWith('src/generated/'))).toEqual([])
    expect(files.every(file => file.startsWith('src/'))).toBe(true)
  })

  it('are found by the parser, not by the text', () => {
    const text = [
      '// a comment: x as string, y!',
      'const s = "z as number" + `${w as never}`',
      'const k = ["a"] as const',
      'const v = <number>(u)',
      'const n = m!.length',
      'const split = (value as',
      '  Record<string, unknown>)'
    ].join('\n')
    expect(typeAssertionsIn('sample.ts', text).map(a => [a.line, a.kind, a.text])).toEqual([
      [2, 'as', 'w as never'],
      [4, 'angle-bracket', '<number>(u)'],
      [5, 'non-null', 'm!'],
      [6, 'as', 'value as Record<string, unknown>']
    ])
  })
})
