/**
 * What docs/ says a run shows is what runs show today, in-process against both emulators
 * (__tests__/helpers/doc-runs.ts): the messages docs/troubleshooting.md quotes, word for
 * word (a message changed on purpose: `npm run docs:messages`, and review the diff), and the states
 * docs/pull-requests.md explains, as the headline says them. The static checks of the README and
 * docs/ are in __tests__/unit/docs.test.ts.
 */
import { readFileSync } from 'node:fs'
import {
  headlineStates,
  MESSAGES,
  produceMessage,
  quotedMessages,
  withMessages,
  wrap
} from '../helpers/doc-runs.js'

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')
const page = read('docs/troubleshooting.md')
const quoted = quotedMessages(page)
const ids = [...new Set(quoted.map(quote => quote.id))]

/** The section of the page (from its heading to the next) that holds the n-th marker of an id. */
function sectionsQuoting(id: string): string[] {
  const sections = page.split(/^(?=#{2,3} )/m)
  return sections.filter(text => text.includes(`<!-- message: ${id} -->`))
}

describe('the troubleshooting page', () => {
  it('quotes every scenario, and only scenarios there are', () => {
    expect(quoted.length).toBeGreaterThanOrEqual(17)
    expect([...ids].sort()).toEqual(Object.keys(MESSAGES).sort())
  })

  it.each(ids)('%s: the quoted message is the one the action gives', async id => {
    const { message, result } = await produceMessage(id)
    for (const quote of quoted.filter(candidate => candidate.id === id)) {
      expect(quote.text).toBe(message)
    }
    // The section that quotes it names the failure-reason the run set (or, for a warning, none).
    const reason = result.outputs['failure-reason'] ?? ''
    for (const text of sectionsQuoting(id)) {
      const heading = text.split('\n')[0] ?? ''
      if (reason === '') {
        expect(result.exitCode).toBe(0)
        expect(text).not.toMatch(/failure-reason=/)
      } else {
        expect(result.exitCode).toBe(1)
        expect({
          heading,
          names: heading === `### \`${reason}\`` || text.includes(`\`failure-reason=${reason}\``)
        }).toEqual({ heading, names: true })
      }
    }
  })
})

describe('the pull-requests page', () => {
  it('explains every state a headline says, and no other', async () => {
    const states = await headlineStates()
    expect(states).toEqual(
      expect.objectContaining({ plan: 'Plan', apply: 'Applied', 'refused apply': 'Not applied' })
    )
    // The rows of the table whose first column is "Headline".
    const lines = read('docs/pull-requests.md').split('\n')
    const header = lines.findIndex(line => /^\| Headline +\|/.test(line))
    const end = lines.findIndex((line, index) => index > header && !line.startsWith('|'))
    const explained = lines
      .slice(header + 2, end)
      .map(line => /^\| `([^`]+)`/.exec(line)?.[1] ?? line)
    expect(header).toBeGreaterThan(0)
    expect([...new Set(Object.values(states))].sort()).toEqual([...explained].sort())
  })
})

describe('the quoting', () => {
  it('wraps at 100 characters on spaces, keeping the message’s own line breaks', () => {
    const long = `${'word '.repeat(30)}end`
    expect(
      wrap(long)
        .split('\n')
        .every(line => line.length <= 100)
    ).toBe(true)
    expect(wrap(long).replace(/\n/g, ' ')).toBe(long)
    expect(wrap('a\nb')).toBe('a\nb')
  })

  it('rewrites only the quoted blocks, each by its id', () => {
    const markdown = [
      'Intro.',
      '<!-- message: one -->',
      '',
      '```text',
      'old',
      '```',
      '',
      '```yaml',
      'kept: true',
      '```',
      '<!-- message: two -->',
      '',
      '```text',
      '```',
      ''
    ].join('\n')
    const written = withMessages(markdown, { one: 'new one', two: 'new\ntwo' })
    expect(quotedMessages(written)).toEqual([
      { id: 'one', text: 'new one' },
      { id: 'two', text: 'new\ntwo' }
    ])
    expect(written).toContain('```yaml\nkept: true\n```')
    expect(withMessages(written, { one: 'new one', two: 'new\ntwo' })).toBe(written)
  })
})
