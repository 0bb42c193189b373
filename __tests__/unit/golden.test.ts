/**
 * Golden files of the rendered comment and job summary (__tests__/golden/*.md), one pair per
 * scenario, for a reviewer to diff when the rendering changes: `UPDATE_GOLDEN=1 npm run jest --
 * __tests__/unit/golden.test.ts` rewrites them. Each is also asserted on as GitHub renders it
 * (cmark-gfm): what shows at first glance (sections closed unless open), that the riskiest diffs
 * survive shortening, and how wide a diff's widest line is.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { excerptOf } from '../../src/core/excerpt.js'
import { renderComment, renderFailureComment } from '../../src/core/render/comment.js'
import { renderExportSummary } from '../../src/core/render/export.js'
import { renderFailureSummary, renderSummary } from '../../src/core/render/summary.js'
import type { RedactedOutcome } from '../../src/core/redact.js'
import { diffBlocks, readerSees, renderGfm } from '../helpers/github-markdown.js'
import {
  applied,
  applyFacts,
  disable,
  facts,
  failedApply,
  longValues,
  manyChanges,
  outcome,
  prunePlan,
  secretsPlan,
  smallPlan
} from '../helpers/scenarios.js'

const DIRECTORY = new URL('../golden/', import.meta.url)

function golden(name: string, markdown: string): void {
  const file = new URL(name, DIRECTORY)
  if (process.env.UPDATE_GOLDEN || !existsSync(file)) writeFileSync(file, markdown)
  expect(markdown).toBe(readFileSync(file, 'utf8'))
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"' }
const decode = (html: string) =>
  html
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&([a-z]+);/g, (m, name: string) => ENTITIES[name] ?? m)

/**
 * The text shown before any click: every <details> without `open` shows only its summary. (GitHub
 * shows an open one whole.)
 */
function atFirstGlance(markdown: string): string {
  let html = renderGfm(markdown)
  // Innermost first, so that a closed list inside an open section closes too.
  for (;;) {
    const next = html.replace(
      /<details>\s*<summary>((?:(?!<\/summary>)[\s\S])*)<\/summary>((?:(?!<details)[\s\S])*?)<\/details>/,
      '<p>▸ $1</p>'
    )
    if (next === html) break
    html = next
  }
  return decode(
    html
      .replace(/<details open>/g, '')
      .replace(/<\/details>/g, '')
      .replace(/<[^>]+>/g, '')
  )
    .split('\n')
    .map(line => line.trim())
    .filter(Boolean)
    .join('\n')
}

const widest = (markdown: string) =>
  Math.max(0, ...diffBlocks(markdown).flatMap(lines => lines.map(line => [...line].length)))

interface Scenario {
  outcomes: RedactedOutcome[]
  facts: ReturnType<typeof facts>
}

const SCENARIOS: Record<string, Scenario> = {
  'small-plan': { outcomes: smallPlan(), facts: facts() },
  secrets: { outcomes: secretsPlan(), facts: facts() },
  'long-values': { outcomes: longValues(), facts: facts() },
  '300-changes': { outcomes: manyChanges(300), facts: facts() },
  '1500-changes': { outcomes: manyChanges(1500), facts: facts() },
  prune: { outcomes: prunePlan(), facts: facts() },
  apply: { outcomes: applied(), facts: applyFacts() },
  'failed-apply': { outcomes: failedApply(), facts: applyFacts() },
  refusal: {
    outcomes: smallPlan(),
    facts: applyFacts({
      dryRun: true,
      refused: true,
      refusal: {
        message:
          'The plan changed since it was approved on pull request #7: nothing was written. Run the plan again on a new pull request to approve the change as it is now.',
        approved: '_the approved plan, as the plan comment showed it_'
      }
    })
  }
}

describe.each(Object.entries(SCENARIOS))('%s', (name, { outcomes, facts: given }) => {
  const comment = renderComment(outcomes, given)
  const summary = renderSummary(outcomes, given)

  it('renders as its golden files', () => {
    golden(`${name}.comment.md`, comment)
    // The summaries of hundreds of configurations are too big to keep and read as files: their
    // first part is kept (its table), and the cut is asserted below.
    golden(`${name}.summary.md`, outcomes.length > 100 ? summary.slice(0, 6_000) : summary)
  })

  it('fits, and shows its headline and status at first glance', () => {
    expect([...comment].length).toBeLessThanOrEqual(65_536)
    const seen = atFirstGlance(comment)
    expect(seen.split('\n')[0]).toMatch(/^LaunchDarkly · (Plan|Applied|Not applied|Up to date)/)
    expect(seen).toMatch(/run 18, attempt 2/)
    expect(seen).toContain('job summary')
    // The comment key is the marker's alone.
    expect(seen).not.toContain('launchdarkly:plan')
  })
})

describe('what a reviewer sees', () => {
  it('a small plan shows real -/+ lines without a click, and the row titles name the fields', () => {
    const seen = atFirstGlance(renderComment(smallPlan(), facts()))
    expect(seen).toContain('-enabled: true\n+enabled: false')
    expect(seen).toContain(
      'Approvals (staging) · custom-approvals: would change tags, configValues.severity'
    )
    // One "needs a second look" callout, not one per kind.
    expect(seen.match(/\[!(NOTE|WARNING|CAUTION|IMPORTANT)\]/g)).toHaveLength(1)
    // No 24-character ID in a row title.
    expect(
      seen
        .split('\n')
        .filter(line => /would change/.test(line))
        .join('\n')
    ).not.toMatch(/[0-9a-f]{24}/)
  })

  it.each([300, 1500])('%i changes keep every disable diff and group the rest', count => {
    const outcomes = manyChanges(count)
    const comment = renderComment(outcomes, facts())
    const blocks = diffBlocks(comment)
    const disabled = outcomes.filter(o => o.changes.some(c => c.path === '/enabled'))
    expect(disabled).toHaveLength(3)
    for (const o of disabled) {
      expect(blocks).toContainEqual(
        expect.arrayContaining([
          '-enabled: true',
          '+enabled: false',
          expect.stringContaining(`team-${o.name?.split(' ')[1]}"`)
        ])
      )
    }
    // The identical tag and severity changes share one row.
    expect(atFirstGlance(comment)).toMatch(
      /\d[\d,]* configurations · custom-approvals: would change tags, configValues\.severity \(the same change\)/
    )
    const open = comment.match(/<details open>/g)?.length ?? 0
    expect(open).toBeGreaterThan(0)
    // The open diffs stay short together.
    const openLines = atFirstGlance(comment)
      .split('\n')
      .filter(line => /^[-+ ]/.test(line)).length
    expect(openLines).toBeLessThanOrEqual(40)
  })

  it('a long value: each far-apart difference visible without scrolling sideways', () => {
    const comment = renderComment(longValues(), facts())
    expect(widest(comment)).toBeLessThanOrEqual(110)
    const [lines = []] = diffBlocks(comment)
    expect(lines.filter(line => line.startsWith('-  webhookUrl'))).toHaveLength(2)
    expect(lines.join('\n')).toContain('segment-X')
    expect(lines.join('\n')).toContain('region=eu-west-1')
  })

  it('secrets: the one it cannot check has its own state; untouched ones make no callout', () => {
    const comment = renderComment(secretsPlan(), facts())
    const seen = atFirstGlance(comment)
    expect(seen).toContain('2 to update, 1 unchanged, 1 with a secret it cannot check')
    expect(seen).toContain('Approvals 1 · custom-approvals: a secret it cannot check')
    expect(seen).not.toMatch(/ends as the file/)
    // A plain value spelled like a placeholder is shown as the string it is.
    expect(diffBlocks(comment).flat()).toContain('+  note: "(secret: changed)"')
  })

  it('an input error: the comment and the summary say where, once', () => {
    const message =
      'Input `desired-state-file` (launchdarkly/approvals.yaml, line 3): unknown field `tgas`.'
    const where = {
      file: 'launchdarkly/approvals.yaml',
      line: 3,
      url: 'https://example.com/x#L3',
      excerpt: excerptOf(
        '# Approvals\nid: 65f0c1d2e3a4b5c6d7e8f901\ntgas: [a]\nenabled: true\n',
        3
      ),
      head: { sha: 'a'.repeat(40), url: 'https://example.com/commit' }
    }
    const comment = renderFailureComment(message, {
      key: 'launchdarkly:plan',
      run: facts().run,
      where
    })
    const summary = renderFailureSummary(message, where)
    golden('input-error.comment.md', comment)
    golden('input-error.summary.md', summary)
    const seen = atFirstGlance(comment)
    expect(seen).toContain('could not be checked')
    // The place once (in the message), the lines under it with the offending one marked, and
    // the head commit they were read at.
    expect(seen.match(/line 3/g)).toHaveLength(1)
    expect(seen).toContain('> 3 | tgas: [a]')
    expect(seen).toContain('at head aaaaaaa')
    expect(atFirstGlance(summary)).toContain('> 3 | tgas: [a]')
  })
})

describe('export', () => {
  it('renders its summary as its golden file', () => {
    const outcomes = [
      outcome(0, 'exported', [], { file: 'launchdarkly/custom-approvals.yaml' }),
      outcome(1, 'exported', [], { file: 'launchdarkly/custom-approvals.yaml' })
    ]
    const summary = renderExportSummary(
      {
        files: [
          {
            path: 'launchdarkly/custom-approvals.yaml',
            integrationKey: 'custom-approvals',
            count: 2
          }
        ],
        variables: [
          {
            name: 'CUSTOM_APPROVALS_APPROVALS_0_API_KEY',
            integrationKey: 'custom-approvals',
            configuration: 'Approvals 0',
            id: '65f0c1d2e3a4b5c6d7e8f900',
            path: '/configValues/apiKey'
          }
        ]
      },
      outcomes,
      { ...facts(), dryRun: false, directory: 'launchdarkly' }
    )
    golden('export.summary.md', summary)
    expect(atFirstGlance(summary)).toContain('Exported 2 configurations of 1 integration')
  })
})

describe('names a reader cannot tell apart (issue 17)', () => {
  it('"Deletes X" beside "Creates X" with a look-alike letter read differently', () => {
    const outcomes = [
      outcome(1, 'would-delete', [{ path: '/name', before: 'Approvals', secret: false }], {
        name: 'Approvals',
        file: undefined
      }),
      outcome(2, 'would-create', [{ path: '/name', after: '\u0410pprovals', secret: false }], {
        name: '\u0410pprovals',
        id: undefined
      })
    ]
    for (const markdown of [renderComment(outcomes, facts()), renderSummary(outcomes, facts())]) {
      const seen = readerSees(markdown)
      const deleted = /Deletes (\S+) \(custom-approvals\)/.exec(seen)?.[1]
      const created = /Creates (\S+) \(custom-approvals\)/.exec(seen)?.[1]
      expect(deleted).toBe('Approvals')
      expect(created).toBe('\\u0410pprovals')
    }
  })
})

describe('a -/+ pair that still reads the same (issue 17)', () => {
  it('says what differs, under the diff, at first glance', () => {
    const outcomes = [
      outcome(0, 'would-update', [
        { path: '/configValues/caf\u0435', before: 'Caf\u00e9', after: 'Cafe\u0301', secret: false }
      ])
    ]
    const seen = atFirstGlance(renderComment(outcomes, facts()))
    // The key's look-alike letter is an escape; the decomposed é cannot be one, so it is said.
    expect(seen).toContain(
      '"caf\\u0435": they read the same but differ at character 4: U+00E9 before, U+0065 after'
    )
  })
})

describe('the job summary', () => {
  it('of 1,500 configurations starts with the table and is cut only between sections', () => {
    const whole = renderSummary(manyChanges(1500), facts())
    expect(Buffer.byteLength(whole, 'utf8')).toBeLessThanOrEqual(1024 * 1024 - 1024)
    // Cut at a tenth of the limit, as a longer run would be at the limit.
    const summary = renderSummary(manyChanges(1500), facts(), 100_000)
    expect(Buffer.byteLength(summary, 'utf8')).toBeLessThanOrEqual(100_000)
    const html = renderGfm(summary)
    expect(html.indexOf('<table>')).toBeGreaterThan(-1)
    const firstSection = whole.indexOf('<details')
    expect(whole.indexOf('| Configuration')).toBeLessThan(firstSection)
    // The cut note is a paragraph of its own, not text inside a code block or a section.
    expect(html).toMatch(/<p><em>The summary was cut here: [^<]*<code>results<\/code>/)
    expect(html.match(/<details/g)?.length).toBe(html.match(/<\/details>/g)?.length)
  })
})

describe('shortening by risk', () => {
  it('1,500 different changes: plain updates go first, every disable keeps its diff', () => {
    const outcomes = Array.from({ length: 1500 }, (_, i) =>
      outcome(i, 'would-update', [
        ...(i % 500 === 7 ? disable : []),
        {
          path: '/configValues/baseURL',
          before: `https://approvals.example.com/v1/team-${i}`,
          after: `https://approvals.example.com/v2/team-${i}`,
          secret: false
        }
      ])
    )
    const comment = renderComment(outcomes, facts())
    expect([...comment].length).toBeLessThanOrEqual(65_536)
    const seen = atFirstGlance(comment)
    expect(seen).toMatch(/This comment is shortened .* the riskiest changes are kept/)
    const blocks = diffBlocks(comment)
    for (const i of [7, 507, 1007]) {
      expect(blocks).toContainEqual(
        expect.arrayContaining([
          '+enabled: false',
          `+  baseURL: "https://approvals.example.com/v2/team-${i}"`
        ])
      )
    }
    // The disables come first; plain updates follow as lines, then a count of the rest.
    expect(seen.indexOf('Approvals 1007 ')).toBeLessThan(seen.indexOf('Approvals 0:'))
    expect(seen).toMatch(
      /Approvals 0: would change configValues\.baseURL \(diff in the job summary\)/
    )
    expect(seen).toMatch(/… and [\d,]+ more rows \([\d,]+ configurations; in the job summary\)/)
  })
})

describe('figures', () => {
  it.each([300, 1500])('%i changes: comment size and lines at first glance', count => {
    const comment = renderComment(manyChanges(count), facts())
    const lines = atFirstGlance(comment).split('\n').length
    // Recorded for the report; the bounds keep them honest.
    expect([...comment].length).toBeLessThanOrEqual(65_536)
    expect(lines).toBeLessThan(200)
  })
})
