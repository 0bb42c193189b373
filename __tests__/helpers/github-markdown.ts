/**
 * Markdown as GitHub renders it: cmark-gfm, GitHub's own parser, with the GFM extensions GitHub
 * turns on, and raw HTML kept (GitHub then sanitizes it; <details>, <code>, <b>, <sub> survive).
 * Tests assert on what a reader sees, not on the Markdown source.
 */
import { createRequire } from 'node:module'

interface Cmark {
  renderHtmlSync(markdown: string, options: object): string
}
const cmark = createRequire(import.meta.url)('cmark-gfm') as Cmark

const OPTIONS = {
  unsafe: true,
  extensions: { table: true, strikethrough: true, autolink: true, tagfilter: true, tasklist: true }
}

export function renderGfm(markdown: string): string {
  return cmark.renderHtmlSync(markdown, OPTIONS)
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

function decode(html: string): string {
  return html
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&([a-z]+);/gi, (m, name: string) => ENTITIES[name.toLowerCase()] ?? m)
}

/** Everything a reader sees: the text of the rendered HTML, code included, entities decoded. */
export function visibleText(markdown: string): string {
  return decode(
    renderGfm(markdown)
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<[^>]+>/g, '')
  ).replace(/\u200b/g, '')
}

/** The text outside code: where a stray backtick or entity would show as written. */
export function proseText(markdown: string): string {
  return decode(
    renderGfm(markdown)
      .replace(/<pre[\s\S]*?<\/pre>/g, ' ')
      .replace(/<code>[\s\S]*?<\/code>/g, ' ')
      .replace(/<[^>]+>/g, '')
  )
}

/** The lines of each ```diff block, as rendered. */
export function diffBlocks(markdown: string): string[][] {
  return [
    ...renderGfm(markdown).matchAll(/<pre><code class="language-diff">([\s\S]*?)<\/code><\/pre>/g)
  ].map(match =>
    decode(match[1] ?? '')
      .replace(/\n$/, '')
      .split('\n')
  )
}

/** What a rendering must never show: Markdown that escaped as text (`&#95;`, a literal backtick). */
export function expectCleanRendering(markdown: string): void {
  const prose = proseText(markdown)
  expect(prose).not.toMatch(/&#\d+;|&[a-z]+;/)
  expect(prose).not.toContain('`')
}

/**
 * Look-alike letters folded to the Latin ones they imitate (the common Cyrillic and Greek ones).
 * Kept apart from the action's own table on purpose: a test that shares the logic it checks cannot
 * catch its bugs.
 */
const READS_AS: Record<string, string> = {
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  һ: 'h',
  ӏ: 'l',
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  ο: 'o',
  α: 'a',
  ε: 'e',
  ν: 'v',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  ι: 'i',
  κ: 'k',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T'
}

/**
 * What a reader sees, as a reader takes it in: the rendered text with every character that shows
 * as nothing dropped, every space-like character read as a space, compatibility forms and
 * look-alike letters folded. Two texts equal here cannot be told apart on the screen.
 */
export function readerSees(markdown: string): string {
  return fold(visibleText(markdown))
}

/** The same folding for a line already taken from the rendering (a diff line, say). */
export function fold(text: string): string {
  return [
    ...text
      .normalize('NFKC')
      .replace(/[\p{Default_Ignorable_Code_Point}\p{Cf}]/gu, '')
      .replace(/[^\S\n]/g, ' ')
  ]
    .map(character => READS_AS[character] ?? character)
    .join('')
    .normalize('NFC')
}
