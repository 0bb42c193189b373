/**
 * The secret canary check every end-to-end scenario runs: none of the secret values may appear in
 * what a person or another step can read. The `::add-mask::` commands are the one place a secret is
 * written on purpose: the runner consumes them and prints nothing.
 *
 * Markdown (the summary, the diff output, comments) is also read as GitHub shows it: rendered by
 * cmark-gfm (GitHub's parser), and with its entities decoded. A secret that was escaped before it
 * was scrubbed would pass a raw search and still be on the screen.
 */
import type { RunResult } from '../../emulators/runner.js'
import { visibleText } from './github-markdown.js'

/** What a reader sees of Markdown text once GitHub has rendered its entities and breaks. */
export function asRendered(markdown: string): string {
  const named: Record<string, string> = {
    amp: '&',
    lt: '<',
    gt: '>',
    quot: '"',
    apos: "'",
    nbsp: ' '
  }
  return markdown
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&([a-z]+);/gi, (m, name: string) => named[name.toLowerCase()] ?? m)
    .replace(/\u200b/g, '')
}

/** Every text the run produced that someone could read, add-mask commands left out. */
export function readableText(result: RunResult, extra: readonly string[] = []): string {
  const log = [result.stdout, result.stderr]
    .join('\n')
    .split('\n')
    .filter(line => !line.startsWith('::add-mask::'))
    .join('\n')
  const markdown = [result.summary, result.outputs.diff ?? '', ...extra]
  return [
    log,
    ...Object.values(result.outputs),
    ...markdown,
    ...markdown.map(asRendered),
    // As GitHub's own parser renders it: what a reviewer actually reads.
    ...markdown.map(visibleText)
  ].join('\n')
}

/**
 * The spellings a secret may be echoed in besides itself: JSON's, and Go's (LaunchDarkly is written
 * in Go, whose encoding/json writes `&`, `<`, `>` as `\u0026`, `\u003c`, `\u003e`), in either case
 * of hex digit.
 */
export function spellingsOf(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1)
  const go = json.replace(
    /[&<>\u2028\u2029]/g,
    c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
  )
  return [
    ...new Set([
      secret,
      json,
      go,
      go.replace(/\\u([0-9a-f]{4})/g, (_m, h: string) => `\\u${h.toUpperCase()}`)
    ])
  ]
}

export function expectNoSecrets(
  result: RunResult,
  secrets: readonly string[],
  extra: readonly string[] = []
): void {
  const text = readableText(result, extra)
  for (const secret of secrets) {
    expect(secret.length).toBeGreaterThanOrEqual(4)
    for (const spelling of spellingsOf(secret)) {
      if (text.includes(spelling)) throw new Error(`a secret canary leaked: ${spelling}`)
    }
    // A multi-line secret may be shown one line at a time.
    for (const line of secret.split('\n').filter(l => l.trim().length >= 8)) {
      if (text.includes(line)) throw new Error(`a line of a secret canary leaked: ${line}`)
    }
  }
}

/** The secrets the action was told to mask. */
export function maskedValues(result: RunResult): string[] {
  return result.stdout
    .split('\n')
    .filter(line => line.startsWith('::add-mask::'))
    .map(line => line.slice('::add-mask::'.length))
}
