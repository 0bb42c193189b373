/**
 * A configuration's change as a reviewer reads it: the changed fields pretty-printed one leaf per
 * line (YAML-like, values as JSON so that no value can break a line), the old and the new side by
 * side as `-` and `+` lines of a unified diff, arrays compared element by element. A long changed
 * value is cut around where it differs, never so far that the old and the new read the same.
 */
import type { FieldChange } from '../diff.js'
import { parsePointer, type JsonValue } from '../json-patch.js'

export interface DiffLine {
  kind: ' ' | '-' | '+'
  text: string
}

/** A value longer than this is cut around its difference from the value it pairs with. */
const LONG_VALUE = 160
/** How much unchanged text is kept on each side of a difference. */
const CONTEXT = 48

type Tree = { [key: string]: Tree | JsonValue }

/** The diff of a configuration's changes, with the unchanged ancestors of each as context. */
export function diffLines(changes: readonly FieldChange[]): DiffLine[] {
  const before: Tree = {}
  const after: Tree = {}
  const fields: string[] = []
  for (const change of changes) {
    const tokens = parsePointer(change.path) ?? []
    if (tokens[0] !== undefined && !fields.includes(tokens[0])) fields.push(tokens[0])
    if ('before' in change) place(before, tokens, change.before)
    if ('after' in change) place(after, tokens, change.after)
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
function place(tree: Tree, tokens: readonly string[], value: JsonValue | undefined): void {
  let node: Tree = tree
  tokens.forEach((token, index) => {
    const last = index === tokens.length - 1
    if (last && value !== undefined) {
      node[token] = value
      return
    }
    let next = node[token]
    if (next === undefined) {
      next = {}
      PATH_ONLY.add(next)
      node[token] = next
    } else if (next === null || typeof next !== 'object' || Array.isArray(next)) {
      return
    }
    node = next
  })
}

/** YAML-like lines: `key:` above its children, `- ` before array items, leaves as JSON. */
function render(value: Tree | JsonValue, indent = ''): string[] {
  const lines: string[] = []
  const entries: [string | undefined, Tree | JsonValue][] = Array.isArray(value)
    ? value.map(item => [undefined, item])
    : value !== null && typeof value === 'object'
      ? Object.entries(value)
      : []
  for (const [key, inner] of entries) {
    const label = key === undefined ? '- ' : `${keyText(key)}:`
    const nested = inner !== null && typeof inner === 'object' && Object.keys(inner).length > 0
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
        inner !== null && typeof inner === 'object'
          ? Array.isArray(inner)
            ? '[]'
            : '{}'
          : leafText(inner)
      lines.push(`${indent}${label}${key === undefined ? '' : ' '}${leaf}`)
    }
  }
  return lines
}

/** A key as is when it is a plain word, else quoted, so that no key can fake another line. */
function keyText(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(key) ? key : JSON.stringify(key)
}

/** Placeholders of redacted secrets stay readable; every other value is JSON. */
function leafText(value: JsonValue): string {
  if (typeof value === 'string' && /^\(secret(: [a-z ]+)?\)$/.test(value)) return value
  return JSON.stringify(value)
}

/** A line diff by longest common subsequence, deletions before insertions in each hunk. */
function lineDiff(before: readonly string[], after: readonly string[]): DiffLine[] {
  const n = before.length
  const m = after.length
  // lengths[i][j]: the LCS of before[i..] and after[j..]; past the end of either, 0.
  const lengths = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0))
  const lcs = (i: number, j: number) => lengths[i]?.[j] ?? 0
  // Rows from the last (i = n - 1) up: each is computed from the one below it.
  for (const [i, row] of [...lengths.entries()].reverse().slice(1)) {
    for (let j = m - 1; j >= 0; j--) {
      row[j] =
        before[i] === after[j] ? lcs(i + 1, j + 1) + 1 : Math.max(lcs(i + 1, j), lcs(i, j + 1))
    }
  }
  const lines: DiffLine[] = []
  let [i, j] = [0, 0]
  for (;;) {
    // Past the end of a side, its line is undefined.
    const old = before[i]
    const fresh = after[j]
    if (old === undefined && fresh === undefined) break
    if (old !== undefined && old === fresh) {
      lines.push({ kind: ' ', text: old })
      i += 1
      j += 1
    } else if (old !== undefined && (fresh === undefined || lcs(i + 1, j) >= lcs(i, j + 1))) {
      lines.push({ kind: '-', text: old })
      i += 1
    } else if (fresh !== undefined) {
      lines.push({ kind: '+', text: fresh })
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
  const keyOf = (line: DiffLine | undefined) =>
    line && /^\s*(?:- )?("(?:[^"\\]|\\.)*"|[^\s:"]+):/.exec(line.text)?.[0]
  const flush = () => {
    const removed = run.filter(line => line.kind === '-')
    const added = run.filter(line => line.kind === '+')
    const paired =
      removed.length === added.length &&
      removed.every((line, i) => keyOf(line) !== undefined && keyOf(line) === keyOf(added[i]))
    // Paired, the two lists are as long: each removal is followed by its addition.
    if (paired) out.push(...removed.flatMap((line, i) => [line, ...added.slice(i, i + 1)]))
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
    removed.forEach((old, k) => {
      const fresh = added[k]
      if (fresh) [old.text, fresh.text] = shortenPair(old.text, fresh.text)
    })
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
