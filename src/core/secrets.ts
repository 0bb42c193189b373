/**
 * Which values are secret, how LaunchDarkly's masks compare with the values in a repository, and the
 * one redaction every rendered text passes through.
 */
import { MANIFESTS } from '../generated/manifests.js'
import { formatPointer, valueAt, type JsonValue } from './json-patch.js'

/**
 * What a secret value is replaced by wherever a person or a log could read it: a tagged value, so
 * that renderers know it by its type, never by its text (a plain value that is literally
 * `(secret: changed)` is shown as the string it is). As JSON (outputs, the fingerprint) it is
 * its text.
 */
export class SecretPlaceholder {
  private constructor(readonly text: string) {}
  static readonly changed = new SecretPlaceholder('(secret: changed)')
  static readonly unchanged = new SecretPlaceholder('(secret: unchanged)')
  static readonly before = new SecretPlaceholder('(secret)')
  toJSON(): string {
    return this.text
  }
  toString(): string {
    return this.text
  }
}

export const SECRET_CHANGED = SecretPlaceholder.changed
export const SECRET_UNCHANGED = SecretPlaceholder.unchanged
/** The value a secret had before a change: never shown, only named. */
export const SECRET_BEFORE = SecretPlaceholder.before

/** Key names that hold credentials in any integration, whatever its manifest says. */
const SECRET_KEY_PATTERN =
  /token|secret|password|passwd|passphrase|api[-_]?key|private[-_]?key|access[-_]?key|credential|signing[-_]?key/i

/**
 * LaunchDarkly shows a secret as a run of asterisks between some of its first and last characters
 * (`sup********123` on sibling resources, `dum****ion` in the docs, the last four for access
 * tokens). Neither the number of asterisks nor the ends shown are tied to the value: only what
 * the mask shows counts.
 */
const MASK_PATTERN = /^([^*]*)\*{3,}([^*]*)$/

/** A mask shorter than this, or one that shows no end, tells nothing about the value. */
const MIN_TELLING_MASK = 7

export function looksMasked(value: unknown): value is string {
  return typeof value === 'string' && MASK_PATTERN.test(value)
}

/**
 * Whether the configValues key holds a secret: the integration's manifest says so, its name says
 * so, or LaunchDarkly returned its value masked.
 */
export function isSecretKey(
  integrationKey: string | undefined,
  key: string,
  liveValue?: unknown
): boolean {
  const manifest = integrationKey === undefined ? undefined : MANIFESTS[integrationKey]
  return (
    manifest?.formVariables.some(variable => variable.key === key && variable.isSecret) === true ||
    SECRET_KEY_PATTERN.test(key) ||
    looksMasked(liveValue)
  )
}

/** What decides whether a path of one configuration holds a secret. */
export interface SecretScope {
  integrationKey: string | undefined
  /** The configuration as LaunchDarkly returned it: a masked value marks its key secret. */
  live?: { configValues?: unknown }
  /** Pointers of values that came from `${VAR}`: secret wherever they stand. */
  substituted?: readonly string[]
}

/**
 * Whether a path (as pointer tokens) lies in a secret: anything at or under a secret configValues
 * key, under any key inside configValues whose name looks like a credential, or at or under a value
 * substituted from the environment.
 */
export function isSecretPath(tokens: readonly string[], scope: SecretScope): boolean {
  if (scope.substituted?.length) {
    const pointer = formatPointer(tokens)
    if (scope.substituted.some(p => pointer === p || pointer.startsWith(`${p}/`))) return true
  }
  const [field, key] = tokens
  if (field !== 'configValues' || key === undefined) return false
  if (isSecretKey(scope.integrationKey, key, valueAt(scope.live?.configValues, [key]))) return true
  return tokens.slice(2).some(token => SECRET_KEY_PATTERN.test(token))
}

/** Whether a path, or anything beneath the value it holds, is secret. */
export function holdsSecret(
  tokens: readonly string[],
  value: unknown,
  scope: SecretScope
): boolean {
  if (isSecretPath(tokens, scope)) return true
  if (scope.substituted?.some(p => p.startsWith(`${formatPointer(tokens)}/`))) return true
  if (value === null || typeof value !== 'object') return false
  return Object.entries(value).some(([key, inner]) => holdsSecret([...tokens, key], inner, scope))
}

/**
 * What a mask says of a value from the repository: `same` when the ends it shows are the value's
 * (the best that can be known without the secret itself), `different` when they are not, and
 * `unknown` when it shows nothing to compare (all asterisks, or too short to hold ends).
 */
export type MaskVerdict = 'same' | 'different' | 'unknown'

export function compareWithMask(mask: string, value: JsonValue | undefined): MaskVerdict {
  const match = MASK_PATTERN.exec(mask)
  if (!match) return 'unknown'
  const [, start = '', end = ''] = match
  if (start === '' && end === '') return 'unknown'
  if (mask.length < MIN_TELLING_MASK) return 'unknown'
  if (typeof value !== 'string') return 'different'
  const fits =
    value.length >= start.length + end.length && value.startsWith(start) && value.endsWith(end)
  return fits ? 'same' : 'different'
}

/** Shorter values occur inside ordinary words: they are scrubbed only where they stand alone. */
export const MIN_SUBSTRING_SECRET = 4

/**
 * Scrubs known secret values out of raw text (an error message that echoes a value, a name), before
 * anything escapes, cuts or encodes it: the last line of defence behind structural redaction.
 *
 * A service may echo a value in another spelling: LaunchDarkly is written in Go, whose JSON writes
 * `&`, `<` and `>` as `\u0026`, `\u003c` and `\u003e`; JSON escapes quotes, backslashes and
 * controls (and may write any character as `\uXXXX`); a URL encodes bytes as `%XX`; HTML writes
 * entities. So the text is searched twice: as it is, and decoded (every such spelling read as the
 * character it stands for, whatever mix of them a text holds), with each match in the decoded text
 * replaced in the text as it is.
 */
export class Scrubber {
  private readonly secrets = new Set<string>()
  /** The secrets compiled into `base`, and those added since (compiled apart: cheap to add). */
  private inBase = 0
  private readonly recent: string[] = []
  private base: RegExp | undefined
  private latest: RegExp | undefined

  /** Returns whether the value is new to the scrubber. */
  add(value: unknown): boolean {
    if (typeof value !== 'string' || value === '' || this.secrets.has(value)) return false
    // The spellings a service may echo a value in as they are (the decoded search finds them too,
    // unless the value itself holds a backslash, % or &), and, for a multi-line value such as a
    // PEM key, each line on its own.
    for (const spelling of [
      value,
      JSON.stringify(value).slice(1, -1),
      encodeURIComponent(value),
      ...value.split(/\r?\n/).map(line => line.trim())
    ]) {
      if (spelling === value || spelling.length >= MIN_SUBSTRING_SECRET) {
        if (!this.secrets.has(spelling)) this.recent.push(spelling)
        this.secrets.add(spelling)
      }
    }
    this.latest = undefined
    return true
  }

  get size(): number {
    return this.secrets.size
  }

  scrub(text: string): string {
    if (this.secrets.size === 0 || text === '') return text
    const plain = replaceSpans(
      text,
      this.spans(text, index => index)
    )
    if (!/[\\%&]/.test(plain)) return plain
    const { decoded, starts } = decodeSpellings(plain)
    if (decoded === plain) return plain
    // Matches in the decoded text, replaced where they stand in the text as it is.
    return replaceSpans(
      plain,
      this.spans(decoded, index => starts[index] ?? plain.length)
    )
  }

  /**
   * A copy of a JSON-like value with every string in it scrubbed; keys, numbers and booleans
   * untouched, secret placeholders kept as they are (they hold no secret, and are known by their
   * type). The copy is made whole first and its strings replaced where they stand, so that it
   * keeps the value's type without asserting it: a string is only ever replaced by a string.
   */
  scrubDeep<T extends object>(value: T): T {
    const copy = structuredClone(value)
    const pending: [object, object][] = [[copy, value]]
    for (let pair = pending.pop(); pair !== undefined; pair = pending.pop()) {
      const [node, source] = pair
      for (const [key, inner] of Object.entries(source)) {
        if (typeof inner === 'string') Reflect.set(node, key, this.scrub(inner))
        // structuredClone made it a plain object: the placeholder itself goes back.
        else if (inner instanceof SecretPlaceholder) Reflect.set(node, key, inner)
        else if (inner !== null && typeof inner === 'object') {
          const copied: unknown = Reflect.get(node, key)
          if (copied !== null && typeof copied === 'object') pending.push([copied, inner])
        }
      }
    }
    return copy
  }

  /**
   * Where known secrets stand in `text` (positions mapped by `at`), overlapping matches merged: a
   * secret that contains another is replaced whole, whichever pattern holds which.
   */
  private spans(text: string, at: (index: number) => number): [number, number][] {
    const found: [number, number][] = []
    for (const pattern of this.patterns()) {
      for (const match of text.matchAll(pattern)) {
        found.push([at(match.index), at(match.index + match[0].length)])
      }
    }
    return found
  }

  /**
   * A run registers secrets one configuration at a time while it logs: recompiling every secret
   * each time would cost quadratic time. New ones go into a small pattern of their own, folded
   * into the big one once they are a quarter of it.
   */
  private patterns(): RegExp[] {
    if (this.recent.length > Math.max(32, this.inBase / 4)) {
      this.inBase = this.secrets.size
      this.recent.length = 0
      this.base = compile([...this.secrets])
      this.latest = undefined
    }
    if (this.recent.length > 0) this.latest ??= compile(this.recent)
    return [this.base, this.recent.length > 0 ? this.latest : undefined].filter(
      (pattern): pattern is RegExp => pattern !== undefined
    )
  }
}

/** One alternation, longest first, so that a secret containing another is matched whole. */
function compile(secrets: readonly string[]): RegExp {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const alternatives = [...secrets]
    .sort((a, b) => b.length - a.length)
    .map(secret =>
      secret.length >= MIN_SUBSTRING_SECRET
        ? escape(secret)
        : `(?<![\\p{L}\\p{N}])${escape(secret)}(?![\\p{L}\\p{N}])`
    )
  return new RegExp(alternatives.join('|'), 'gu')
}

/** The text with each span (merged where they overlap or touch) replaced by `***`. */
function replaceSpans(text: string, spans: [number, number][]): string {
  if (spans.length === 0) return text
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1])
  let out = ''
  let position = 0
  let current: [number, number] | undefined
  for (const span of spans) {
    if (current && span[0] <= current[1]) {
      current[1] = Math.max(current[1], span[1])
      continue
    }
    if (current) {
      out += `${text.slice(position, current[0])}***`
      position = current[1]
    }
    current = [...span]
  }
  if (current) out += `${text.slice(position, current[0])}***`
  return out + text.slice(current ? current[1] : position)
}

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t'
}

const HTML_NAMES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'"
}

const SPELLING =
  /\\u([0-9a-fA-F]{4})|\\(["\\/bfnrt])|((?:%[0-9a-fA-F]{2})+)|&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos));/g

/**
 * The text with every spelling read as what it stands for, and for each UTF-16 unit of the result
 * (and one past the end) where it starts in the text.
 */
function decodeSpellings(text: string): { decoded: string; starts: number[] } {
  let decoded = ''
  const starts: number[] = []
  let last = 0
  const take = (value: string, at: number) => {
    decoded += value
    for (let i = 0; i < value.length; i++) starts.push(at)
  }
  const literal = (to: number) => {
    for (let i = last; i < to; i++) starts.push(i)
    decoded += text.slice(last, to)
  }
  for (const match of text.matchAll(SPELLING)) {
    const [whole, unit, short, bytes, decimal, hex, name] = match
    literal(match.index)
    last = match.index + whole.length
    if (unit) take(String.fromCharCode(parseInt(unit, 16)), match.index)
    else if (short) take(SHORT_ESCAPES[short] ?? short, match.index)
    else if (bytes) takeBytes(bytes, match.index, take)
    else if (name) take(HTML_NAMES[name] ?? whole, match.index)
    else {
      const code = decimal ? Number(decimal) : parseInt(hex ?? '', 16)
      take(code <= 0x10ffff ? String.fromCodePoint(code) : whole, match.index)
    }
  }
  literal(text.length)
  starts.push(text.length)
  return { decoded, starts }
}

/** A run of %XX as the UTF-8 it encodes, each character at the first of its bytes. */
function takeBytes(run: string, at: number, take: (value: string, at: number) => void): void {
  const bytes = Buffer.from(run.replace(/%/g, ''), 'hex')
  let offset = 0
  while (offset < bytes.length) {
    const lead = bytes[offset] ?? 0
    const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1
    const character = new TextDecoder().decode(bytes.subarray(offset, offset + length))
    take(character, at + offset * 3)
    offset += length
  }
}
