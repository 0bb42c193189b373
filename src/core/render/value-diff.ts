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
const CONTEXT = 24

type Tree = { [key: string]: Tree | ShownValue | JsonInString }

/** A string that holds JSON on both sides of a change: compared as the JSON it holds. */
class JsonInString {
  constructor(readonly value: ShownValue) {}
}

function parsedJson(value: ShownValue | undefined): ShownValue | undefined {
  if (typeof value !== 'string' || !/^\s*[[{]/.test(value)) return undefined
  try {
    // JSON.parse gives JSON: a ShownValue with no placeholder in it.
    const parsed: ShownValue = JSON.parse(value)
    return parsed !== null && typeof parsed === 'object' ? parsed : undefined
  } catch {
    return undefined
  }
}

/** The diff of a configuration's changes, with the unchanged ancestors of each as context. */
export function diffLines(changes: readonly ShownChange[]): DiffLine[] {
  const before: Tree = {}
  const after: Tree = {}
  const fields: string[] = []
  for (const change of changes) {
    const tokens = parsePointer(change.path) ?? []
    if (tokens[0] !== undefined && !fields.includes(tokens[0])) fields.push(tokens[0])
    const [old, fresh] = [parsedJson(change.before), parsedJson(change.after)]
    const asJson = old !== undefined && fresh !== undefined
    if (change.before !== undefined) {
      place(before, tokens, asJson ? new JsonInString(old) : change.before)
    }
    if (change.after !== undefined) {
      place(after, tokens, asJson ? new JsonInString(fresh) : change.after)
    }
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
function place(
  tree: Tree,
  tokens: readonly string[],
  value: ShownValue | JsonInString | undefined
): void {
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
    } else if (
      next === null ||
      typeof next !== 'object' ||
      Array.isArray(next) ||
      next instanceof SecretPlaceholder ||
      next instanceof JsonInString
    ) {
      return
    }
    node = next
  })
}

/** YAML-like lines: `key:` above its children, `- ` before array items, leaves as JSON. */
function render(value: Tree | ShownValue | JsonInString, indent = ''): string[] {
  const lines: string[] = []
  const entries: [string | undefined, Tree | ShownValue | JsonInString][] = Array.isArray(value)
    ? value.map(item => [undefined, item])
    : value !== null &&
        typeof value === 'object' &&
        !(value instanceof SecretPlaceholder) &&
        !(value instanceof JsonInString)
      ? Object.entries(value)
      : []
  for (const [key, inner] of entries) {
    const label = key === undefined ? '- ' : `${keyText(key)}:`
    if (inner instanceof JsonInString) {
      // Its JSON laid out like any value, under a line that says it is a string's content.
      lines.push(`${indent}${label} (a string holding JSON)`, ...render(inner.value, `${indent}  `))
      continue
    }
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
 * Rewrites each run of changed lines (the lines between two context lines) with `rewrite`; context
 * lines pass through as they are.
 */
function eachChangeRun(
  lines: readonly DiffLine[],
  rewrite: (removed: DiffLine[], added: DiffLine[], run: DiffLine[]) => DiffLine[]
): DiffLine[] {
  const out: DiffLine[] = []
  let run: DiffLine[] = []
  const flush = () => {
    if (run.length > 0) {
      out.push(
        ...rewrite(
          run.filter(line => line.kind === '-'),
          run.filter(line => line.kind === '+'),
          run
        )
      )
    }
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
 * Within each run of changed lines, removals before additions, as diffs read; where the run is
 * the same keys changing value, each old line is followed by its new one.
 */
function groupHunks(lines: DiffLine[]): DiffLine[] {
  const keyOf = (line: DiffLine | undefined) =>
    line && /^\s*(?:- )?("(?:[^"\\]|\\.)*"|[^\s:"]+):/.exec(line.text)?.[0]
  return eachChangeRun(lines, (removed, added) => {
    const paired =
      removed.length === added.length &&
      removed.every((line, i) => keyOf(line) !== undefined && keyOf(line) === keyOf(added[i]))
    // Paired, the two lists are as long: each removal is followed by its addition.
    return paired
      ? removed.flatMap((line, i) => [line, ...added.slice(i, i + 1)])
      : [...removed, ...added]
  })
}

/**
 * Cuts long `-`/`+` pairs around where they differ: one cut pair of lines per difference when
 * differences are far apart, so that no line is much wider than the comment. Pairs are the i-th
 * removal and the i-th addition of a hunk; each cut keeps the differing text, so the two never read
 * the same.
 */
function shortenPairs(lines: DiffLine[]): DiffLine[] {
  return eachChangeRun(lines, (removed, added, run) => {
    const pairs = Math.min(removed.length, added.length)
    const hunks = removed
      .slice(0, pairs)
      .map((old, k) => shortenHunks(old.text, added[k]?.text ?? ''))
    const alternating =
      removed.length === added.length &&
      run.every((line, i) => line.kind === (i % 2 === 0 ? '-' : '+'))
    if (alternating) {
      return hunks.flatMap(pairHunks =>
        pairHunks.flatMap(([old, fresh]): DiffLine[] => [
          { kind: '-', text: old },
          { kind: '+', text: fresh }
        ])
      )
    }
    const side = (kind: '-' | '+', from: readonly DiffLine[], index: 0 | 1): DiffLine[] => [
      ...hunks.flatMap(pairHunks => pairHunks.map(hunk => ({ kind, text: hunk[index] }))),
      ...from.slice(pairs)
    ]
    return [...side('-', removed, 0), ...side('+', added, 1)]
  })
}

/** The key and indentation at the start of a line, always kept. */
const LINE_HEAD = /^\s*(?:- )?(?:"(?:[^"\\]|\\.)*"|[^\s:"]+):\s?/
/** A quoted URL's scheme and host, kept too: where a link goes is what a reviewer checks. */
const URL_HEAD = /^"[a-z][a-z0-9+.-]*:\/\/[^/?#"\s]*/i
/** Differences closer than this share one cut line. */
const MERGE_GAP = CONTEXT * 2
/** A difference longer than this is shown by its first characters. */
const LONG_DIFFERENCE = 64
/** Past this many tokens on each side, differences are found by the common ends only. */
const MAX_TOKENS = 1_500

/** Old and new line cut to one pair per difference (one pair when the line is short). */
export function shortenHunks(before: string, after: string): [string, string][] {
  if (before.length <= LONG_VALUE && after.length <= LONG_VALUE) return [[before, after]]
  const key = LINE_HEAD.exec(before)?.[0] ?? ''
  const sameKey = after.startsWith(key)
  const url = sameKey ? URL_HEAD.exec(before.slice(key.length))?.[0] : undefined
  const head = `${key}${url && after.slice(key.length).startsWith(url) ? url : ''}`
  const ranges = differences(before, after, head.length)
  return ranges.map(([a0, a1, b0, b1]) => {
    const cut = (text: string, from: number, to: number) => {
      const start = Math.max(head.length, from - CONTEXT)
      const shownTo = Math.min(to, from + LONG_DIFFERENCE)
      const end = Math.min(text.length, shownTo + CONTEXT)
      return `${text.slice(0, head.length)}${start > head.length ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`
    }
    const pair: [string, string] = [cut(before, a0, a1), cut(after, b0, b1)]
    // Cut at the same length, two long differences could start alike: then shown whole.
    if (pair[0] === pair[1]) {
      return [
        `${before.slice(0, a0)}${before.slice(a0, a1)}…`.slice(0, a1 + CONTEXT),
        `${after.slice(0, b0)}${after.slice(b0, b1)}…`.slice(0, b1 + CONTEXT)
      ]
    }
    return pair
  })
}

/** For compatibility: the cut pairs as one old and one new line, hunks joined by `…`. */
export function shortenPair(before: string, after: string): [string, string] {
  const hunks = shortenHunks(before, after)
  const [only] = hunks
  if (only && hunks.length === 1) return only
  return [hunks.map(h => h[0]).join(' '), hunks.map(h => h[1]).join(' ')]
}

/**
 * Where two texts differ, as [start, end) in each: by words and single characters (so that a
 * URL's path segments align), differences closer than MERGE_GAP merged.
 */
function differences(a: string, b: string, from: number): [number, number, number, number][] {
  const tokenize = (text: string) => text.slice(from).match(/[\p{L}\p{N}_]+|[^]/gu) ?? []
  const xAll = tokenize(a)
  const yAll = tokenize(b)
  if (xAll.length > MAX_TOKENS || yAll.length > MAX_TOKENS) return [commonEnds(a, b, from)]
  // The common ends are matched before the table is built: a long value that changed in one place
  // then costs a table of that place, not of the whole value (n × m cells).
  const [same, sameEnd] = sharedEnds(xAll, yAll, 0)
  const sameLength = xAll.slice(0, same).join('').length
  const x = xAll.slice(same, xAll.length - sameEnd)
  const y = yAll.slice(same, yAll.length - sameEnd)
  const n = x.length
  const m = y.length
  // Tokens as numbers, the same number for the same text: the loop below compares integers.
  const ids = new Map<string, number>()
  const idsOf = (tokens: string[]) =>
    Int32Array.from(tokens, token => ids.get(token) ?? ids.set(token, ids.size).size - 1)
  const xIds = idsOf(x)
  const yIds = idsOf(y)
  // The LCS table, one flat array of rows (m + 1 wide): up to 1,500 × 1,500 cells, filled in a
  // loop that indexes it directly.
  const width = m + 1
  const lengths = new Uint16Array((n + 1) * width)
  for (let i = n - 1; i >= 0; i--) {
    const token = xIds[i]
    const row = i * width
    const below = row + width
    for (let j = m - 1; j >= 0; j--) {
      lengths[row + j] =
        token === yIds[j]
          ? (lengths[below + j + 1] ?? 0) + 1
          : Math.max(lengths[below + j] ?? 0, lengths[row + j + 1] ?? 0)
    }
  }
  const at = (i: number, j: number) => lengths[i * width + j] ?? 0
  const ranges: [number, number, number, number][] = []
  let [i, j, ai, bj] = [0, 0, from + sameLength, from + sameLength]
  let open: [number, number, number, number] | undefined
  const close = () => {
    if (open) ranges.push(open)
    open = undefined
  }
  while (i < n || j < m) {
    if (i < n && j < m && x[i] === y[j]) {
      close()
      ai += x[i]?.length ?? 0
      bj += y[j]?.length ?? 0
      i += 1
      j += 1
    } else if (j >= m || (i < n && at(i + 1, j) >= at(i, j + 1))) {
      open ??= [ai, ai, bj, bj]
      ai += x[i]?.length ?? 0
      open[1] = ai
      i += 1
    } else {
      open ??= [ai, ai, bj, bj]
      bj += y[j]?.length ?? 0
      open[3] = bj
      j += 1
    }
  }
  close()
  const merged: [number, number, number, number][] = []
  for (const range of ranges) {
    const last = merged.at(-1)
    if (last && range[0] - last[1] <= MERGE_GAP) {
      last[1] = range[1]
      last[3] = range[3]
    } else merged.push([...range])
  }
  return merged.length > 0 ? merged : [commonEnds(a, b, from)]
}

function commonEnds(a: string, b: string, from: number): [number, number, number, number] {
  const [prefix, suffix] = sharedEnds(a, b, from)
  return [prefix, a.length - suffix, prefix, b.length - suffix]
}

/**
 * Where two sequences (texts, or lists of tokens) stop being the same from `from` on, and how many
 * items they share at their ends after that.
 */
function sharedEnds<T>(a: ArrayLike<T>, b: ArrayLike<T>, from: number): [number, number] {
  let start = from
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1
  let end = 0
  while (
    end < a.length - start &&
    end < b.length - start &&
    a[a.length - 1 - end] === b[b.length - 1 - end]
  ) {
    end += 1
  }
  return [start, end]
}

/**
 * For each `-`/`+` pair that still reads the same once shown (a letter and the same letter
 * decomposed, say), what differs: `name: they read the same but differ at character 4: …`.
 */
const KEY_AT_START = /^\s*(?:- )?(?:"(?:[^"\\]|\\.)*"|[^\s:"]+):\s?/

export function readAlikeNotes(lines: readonly DiffLine[]): string[] {
  return readAlikePairs(lines).map(
    ({ field, difference }) => `${field ? `\`${field}\`: ` : ''}${difference}`
  )
}

/** The same, as the field (as its diff line shows it) and what differs. */
export function readAlikePairs(
  lines: readonly DiffLine[]
): { field: string; difference: string }[] {
  const pairs: { field: string; difference: string }[] = []
  lines.forEach((line, i) => {
    const next = lines[i + 1]
    if (line.kind !== '-' || next?.kind !== '+') return
    const key = KEY_AT_START.exec(line.text)?.[0] ?? ''
    const value = (text: string) => text.slice(key.length).replace(/^"(.*)"$/, '$1')
    const difference = sameReadingDifference(value(line.text), value(next.text))
    const field = key.trim().replace(/^- /, '').replace(/:$/, '')
    if (difference) pairs.push({ field, difference })
  })
  return pairs
}
