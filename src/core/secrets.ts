/**
 * Which values are secret, how LaunchDarkly's masks compare with the values in a repository, and the
 * one redaction every rendered text passes through.
 */
import { MANIFESTS } from '../generated/manifests.js'
import { formatPointer, type JsonValue } from './json-patch.js'

/** What a secret value is replaced by wherever a person or a log could read it. */
export const SECRET_CHANGED = '(secret: changed)'
export const SECRET_UNCHANGED = '(secret: unchanged)'
/** The value a secret had before a change: never shown, only named. */
export const SECRET_BEFORE = '(secret)'

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
  live?: { configValues?: Record<string, unknown> }
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
  if (tokens[0] !== 'configValues' || tokens.length < 2) return false
  const key = tokens[1] as string
  if (isSecretKey(scope.integrationKey, key, scope.live?.configValues?.[key])) return true
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
 * controls; a URL encodes bytes as `%XX`; HTML writes entities. So each character of a secret
 * matches any spelling of it: itself, any `\uXXXX` (either case, surrogate pairs too), its short
 * JSON escape, its percent-encoded UTF-8 bytes, or an HTML entity; the spellings may even mix.
 */
export class Scrubber {
  private readonly secrets = new Set<string>()
  private pattern: RegExp | undefined

  /** Returns whether the value is new to the scrubber. */
  add(value: unknown): boolean {
    if (typeof value !== 'string' || value === '' || this.secrets.has(value)) return false
    this.secrets.add(value)
    // A multi-line value such as a PEM key may be shown one line at a time.
    for (const line of value.split(/\r?\n/).map(line => line.trim())) {
      if (line.length >= MIN_SUBSTRING_SECRET) this.secrets.add(line)
    }
    this.pattern = undefined
    return true
  }

  get size(): number {
    return this.secrets.size
  }

  scrub(text: string): string {
    if (this.secrets.size === 0 || text === '') return text
    this.pattern ??= this.compile()
    return text.replace(this.pattern, '***')
  }

  /** Every string in a JSON-like value scrubbed; keys, numbers and booleans untouched. */
  scrubDeep<T>(value: T): T {
    if (typeof value === 'string') return this.scrub(value) as T
    if (Array.isArray(value)) return value.map(item => this.scrubDeep(item)) as T
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([key, inner]) => [key, this.scrubDeep(inner)])
      ) as T
    }
    return value
  }

  /** One alternation, longest first, so that a secret containing another is replaced whole. */
  private compile(): RegExp {
    const alternatives = [...this.secrets]
      .sort((a, b) => b.length - a.length)
      .map(secret => {
        const spelled = [...secret].map(anySpelling).join('')
        return secret.length >= MIN_SUBSTRING_SECRET
          ? spelled
          : `(?<![\\p{L}\\p{N}])${spelled}(?![\\p{L}\\p{N}])`
      })
    return new RegExp(alternatives.join('|'), 'gu')
  }
}

/** Regex sources for JSON's two-character escapes: a backslash, then a letter or the character. */
const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\\\"',
  '\\': '\\\\\\\\',
  '/': '\\\\\\/',
  '\b': '\\\\b',
  '\f': '\\\\f',
  '\n': '\\\\n',
  '\r': '\\\\r',
  '\t': '\\\\t'
}

const HTML_NAMES: Readonly<Record<string, string>> = {
  '&': 'amp',
  '<': 'lt',
  '>': 'gt',
  '"': 'quot',
  "'": 'apos'
}

/** A regex source (u flag) for one character: every way it may be written. */
function anySpelling(character: string): string {
  const code = character.codePointAt(0) as number
  const hex = (n: number, width: number) => n.toString(16).padStart(width, '0')
  // Hex digits in either case: Go writes \u003c, others \u003C.
  const anyCase = (digits: string) =>
    digits.replace(/[a-f]/gi, d => `[${d.toLowerCase()}${d.toUpperCase()}]`)
  const units =
    code > 0xffff
      ? [0xd800 + ((code - 0x10000) >> 10), 0xdc00 + ((code - 0x10000) & 0x3ff)]
      : [code]
  const bytes = [...Buffer.from(character, 'utf8')]
  const spellings = [
    `\\u{${hex(code, 1)}}`,
    units.map(unit => `\\\\u${anyCase(hex(unit, 4))}`).join(''),
    bytes.map(byte => `%${anyCase(hex(byte, 2))}`).join(''),
    `&#0*${code};`,
    `&#[xX]0*${anyCase(hex(code, 1))};`
  ]
  const short = SHORT_ESCAPES[character]
  if (short) spellings.push(short)
  const name = HTML_NAMES[character]
  if (name) spellings.push(`&${name};`)
  if (character === ' ') spellings.push('\\+')
  return `(?:${spellings.join('|')})`
}
