import { code, fenced, table, text } from '../../src/core/render/markdown.js'

describe('markdown', () => {
  it('escapes everything that could break a table, inject markup or ping someone', () => {
    const hostile =
      'a | b `c` </details> <img src=x onerror=alert(1)> @acme/platform-team **bold** [x](http://e)'
    const cell = text(hostile)
    expect(cell).not.toMatch(/[|`<>*[\]]/)
    expect(cell).not.toContain('@acme')
    expect(cell).toContain('@\u200bacme')
    expect(code('x|y')).toBe('<code>&quot;x&#124;y&quot;</code>')
    expect(text('line1\nline2')).toBe('line1<br>line2')
    expect(text('x'.repeat(300))).toHaveLength(200)
  })

  it('fences content that holds backticks with a longer fence', () => {
    expect(fenced('a ``` b', 'json')).toBe('````json\na ``` b\n````')
  })

  it('renders tables', () => {
    expect(table(['A', 'B'], [['1', '2']])).toBe('| A | B |\n| --- | --- |\n| 1 | 2 |')
  })
})
