import { code, details, fenced, table, text } from '../../src/core/render/markdown.js'
import { renderGfm } from '../helpers/github-markdown.js'

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

  it('keeps a lone carriage return from ending a <summary>, and a bare www. from becoming a link', () => {
    const name = 'Prod\r\rAll checks passed, approved by www.security.example.com'
    const html = renderGfm(details(text(name), 'body'))
    // The text after the CRs is still inside the summary, and links nowhere.
    expect(html).toMatch(
      /<summary>Prod<br><br>All checks passed, approved by www&#46;security\.example\.com<\/summary>/
    )
    expect(html).not.toContain('<a ')
    expect(text('a\rb\r\nc\nd')).toBe('a<br>b<br>c<br>d')
  })

  it('cuts long text by characters, never inside one', () => {
    const cut = text('😀'.repeat(300))
    expect([...cut.replace('…', '')]).toHaveLength(199)
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/)
  })

  it('fences content that holds backticks with a longer fence', () => {
    expect(fenced('a ``` b', 'json')).toBe('````json\na ``` b\n````')
  })

  it('renders tables', () => {
    expect(table(['A', 'B'], [['1', '2']])).toBe('| A | B |\n| --- | --- |\n| 1 | 2 |')
  })
})
