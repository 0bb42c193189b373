/**
 * A configuration's change as a reviewer reads it: the changed fields pretty-printed one leaf per
 * line (YAML-like, values as JSON so that no value can break a line), the old and the new side by
 * side as `-` and `+` lines of a unified diff, arrays compared element by element. A long changed
 * value is cut around where it differs, never so far that the old and the new read the same.
 */
import { parsePointer } from '../json-patch.js'
import type { ShownChange, ShownValue } from '../redact.js'
import { SecretPlaceholder } from '../secrets.js'
import { sameReadingDifference, visible } from '../visible.js'

export interface DiffLine {
  kind: ' ' | '-' | '+'
  text: string
}

/** A value longer than this is cut around its difference from the value it pairs with. */
const LONG_VALUE = 160
/** How much unchanged text is kept on each side of a difference. */
const CONTEXT = 48

type Tree = { [key: string]: Tree | ShownValue }

/** The diff of a configuration's changes, with the unchanged ancestors of each as context. */
export function diffLines(changes: readonly ShownChange[]): DiffLine[] {
  const before: Tree = {}
  const after: Tree = {}
  const fields: string[] = []
  for (const change of changes) {
    const tokens = parsePointer(change.path) ?? []
    if (tokens[0] !== undefined && !fields.includes(tokens[0])) fields.push(tokens[0])
    if (change.before !== undefined) place(before, tokens, change.before)
    if (change.after !== undefined) place(after, tokens, change.after)
    // An added or removed field still shows its ancestors on both sides, as context.
    place(before, tokens.slice(0, -1), undefined)
    place(after, tokens.slice(0, -1), undefined)
  }
  // Field by field, so that the lines of one field never interleave with another's.
  return fields.flatMap(field =>
    shortenPairs(lineDiff(render(pick(before, field)), render(pick(after, field))))
  )
}

function pick(tree: Tree, field: string): Tree {
  const value = tree[field]
  return value === undefined ? {} : { [field]: value }
}

/** Objects made only to hold a changed value's path: shown as `key:`, never as `{}`. */
const PATH_ONLY = new WeakSet<object>()

/** Sets `value` at `tokens`, making the objects on the way; undefined makes the path only. */
function place(tree: Tree, tokens: readonly string[], value: ShownValue | undefined): void {
  let node: Tree = tree
  tokens.forEach((token, index) => {
    const last = index === tokens.length - 1
    if (last && value !== undefined) {
      node[token] = value
      return
    }
    const next = node[token]
    if (next === undefined) {
      const made: Tree = {}
      PATH_ONLY.add(made)
      node[token] = made
    } else if (
      next === null ||
      typeof next !== 'object' ||
      Array.isArray(next) ||
      next instanceof SecretPlaceholder
    ) {
      return
    }
    node = node[token] as Tree
  })
}

/** YAML-like lines: `key:` above its children, `- ` before array items, leaves as JSON. */
function render(value: Tree | ShownValue, indent = ''): string[] {
  const lines: string[] = []
  const entries: [string | undefined, Tree | ShownValue][] = Array.isArray(value)
    ? value.map(item => [undefined, item])
    : value !== null && typeof value === 'object' && !(value instanceof SecretPlaceholder)
      ? Object.entries(value)
      : []
  for (const [key, inner] of entries) {
    const label = key === undefined ? '- ' : `${keyText(key)}:`
    const nested =
      inner !== null &&
      typeof inner === 'object' &&
      !(inner instanceof SecretPlaceholder) &&
      Object.keys(inner).length > 0
    if (nested && key === undefined && !Array.isArray(inner)) {
      // An object in a list, as YAML writes it: its first key on the dash's line.
      const [first = '', ...rest] = render(inner, `${indent}  `)
      lines.push(`${indent}- ${first.slice(indent.length + 2)}`, ...rest)
    } else if (nested) {
      lines.push(`${indent}${label}`.trimEnd(), ...render(inner, `${indent}  `))
    } else if (inner !== null && typeof inner === 'object' && PATH_ONLY.has(inner)) {
      lines.push(`${indent}${label}`.trimEnd())
    } else {
      const leaf =
        inner !== null && typeof inner === 'object' && !(inner instanceof SecretPlaceholder)
          ? Array.isArray(inner)
            ? '[]'
            : '{}'
          : leafText(inner)
      lines.push(`${indent}${label}${key === undefined ? '' : ' '}${leaf}`)
    }
  }
  return lines
}

/**
 * A key as is when it is a plain word, else quoted, so that no key can fake another line; hidden
 * and look-alike characters as escapes, as in values.
 */
function keyText(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(key) ? key : visible(JSON.stringify(key))
}

/**
 * Placeholders of redacted secrets, known by their type (never by their text), stay readable;
 * every other value is JSON with hidden and look-alike characters as escapes.
 */
function leafText(value: ShownValue): string {
  if (value instanceof SecretPlaceholder) return value.text
  return visible(JSON.stringify(value))
}

/** A line diff by longest common subsequence, deletions before insertions in each hunk. */
function lineDiff(before: readonly string[], after: readonly string[]): DiffLine[] {
  const n = before.length
  const m = after.length
  // lengths[i][j]: the LCS of before[i..] and after[j..].
  const lengths = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0))
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const row = lengths[i] as number[]
      row[j] =
        before[i] === after[j]
          ? (lengths[i + 1] as number[])[j + 1]! + 1
          : Math.max((lengths[i + 1] as number[])[j]!, row[j + 1]!)
    }
  }
  const lines: DiffLine[] = []
  let [i, j] = [0, 0]
  while (i < n || j < m) {
    if (i < n && j < m && before[i] === after[j]) {
      lines.push({ kind: ' ', text: before[i] as string })
      i += 1
      j += 1
    } else if (
      j >= m ||
      (i < n && (lengths[i + 1] as number[])[j]! >= (lengths[i] as number[])[j + 1]!)
    ) {
      lines.push({ kind: '-', text: before[i] as string })
      i += 1
    } else {
      lines.push({ kind: '+', text: after[j] as string })
      j += 1
    }
  }
  return groupHunks(lines)
}

/**
 * Within each run of changed lines, removals before additions, as diffs read; where the run is
 * the same keys changing value, each old line is followed by its new one.
 */
function groupHunks(lines: DiffLine[]): DiffLine[] {
  const out: DiffLine[] = []
  let run: DiffLine[] = []
  const keyOf = (line: DiffLine) => /^\s*(?:- )?("(?:[^"\\]|\\.)*"|[^\s:"]+):/.exec(line.text)?.[0]
  const flush = () => {
    const removed = run.filter(line => line.kind === '-')
    const added = run.filter(line => line.kind === '+')
    const paired =
      removed.length === added.length &&
      removed.every(
        (line, i) => keyOf(line) !== undefined && keyOf(line) === keyOf(added[i] as DiffLine)
      )
    if (paired) removed.forEach((line, i) => out.push(line, added[i] as DiffLine))
    else out.push(...removed, ...added)
    run = []
  }
  for (const line of lines) {
    if (line.kind === ' ') {
      flush()
      out.push(line)
    } else run.push(line)
  }
  flush()
  return out
}

/**
 * Cuts long `-`/`+` pairs around where they differ. Pairs are the i-th removal and the i-th
 * addition of a hunk; what is kept always includes the differing middle, so the two never read
 * the same.
 */
function shortenPairs(lines: DiffLine[]): DiffLine[] {
  const out = [...lines]
  for (let start = 0; start < out.length;) {
    if (out[start]?.kind === ' ') {
      start += 1
      continue
    }
    let end = start
    while (end < out.length && out[end]?.kind !== ' ') end += 1
    const removed = out.slice(start, end).filter(line => line.kind === '-')
    const added = out.slice(start, end).filter(line => line.kind === '+')
    for (let k = 0; k < Math.min(removed.length, added.length); k++) {
      const [old, fresh] = shortenPair((removed[k] as DiffLine).text, (added[k] as DiffLine).text)
      ;(removed[k] as DiffLine).text = old
      ;(added[k] as DiffLine).text = fresh
    }
    start = end
  }
  return out
}

export function shortenPair(before: string, after: string): [string, string] {
  if (before.length <= LONG_VALUE && after.length <= LONG_VALUE) return [before, after]
  let prefix = 0
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) {
    prefix += 1
  }
  let suffix = 0
  while (
    suffix < before.length - prefix &&
    suffix < after.length - prefix &&
    before[before.length - 1 - suffix] === after[after.length - 1 - suffix]
  ) {
    suffix += 1
  }
  const cut = (text: string) => {
    const from = Math.max(0, prefix - CONTEXT)
    const to = Math.min(text.length, text.length - suffix + CONTEXT)
    // The key and indentation at the start of the line are always kept.
    const head = text.match(/^\s*(?:- )?(?:"(?:[^"\\]|\\.)*"|[^\s:"]+):\s?/)?.[0] ?? ''
    const keep = Math.max(from, head.length)
    const start = keep > head.length ? `${head}…${text.slice(keep, to)}` : text.slice(0, to)
    return to < text.length ? `${start}…` : start
  }
  return [cut(before), cut(after)]
}

/**
 * For each `-`/`+` pair that still reads the same once shown (a letter and the same letter
 * decomposed, say), what differs: `name: they read the same but differ at character 4: …`.
 */
const KEY_AT_START = /^\s*(?:- )?(?:"(?:[^"\\]|\\.)*"|[^\s:"]+):\s?/

export function readAlikeNotes(lines: readonly DiffLine[]): string[] {
  const notes: string[] = []
  lines.forEach((line, i) => {
    const next = lines[i + 1]
    if (line.kind !== '-' || next?.kind !== '+') return
    const key = KEY_AT_START.exec(line.text)?.[0] ?? ''
    const value = (text: string) => text.slice(key.length).replace(/^"(.*)"$/, '$1')
    const difference = sameReadingDifference(value(line.text), value(next.text))
    const name = key.trim().replace(/^- /, '').replace(/:$/, '')
    if (difference) notes.push(`${name ? `\`${name}\`: ` : ''}${difference}`)
  })
  return notes
}
