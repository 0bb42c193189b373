/**
 * Which values are secret, how LaunchDarkly's masks compare with the values in a repository, and the
 * one redaction every rendered text passes through.
 */
import { MANIFESTS } from '../generated/manifests.js'
import { formatPointer, valueAt, type JsonValue } from './json-patch.js'

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
 */
export class Scrubber {
  private readonly secrets = new Set<string>()
  private pattern: RegExp | undefined

  /** Returns whether the value is new to the scrubber. */
  add(value: unknown): boolean {
    if (typeof value !== 'string' || value === '' || this.secrets.has(value)) return false
    this.secrets.add(value)
    // The spellings a service may echo a value in: JSON-escaped, URL-encoded, and, for a
    // multi-line value such as a PEM key, each line on its own.
    for (const spelling of [
      JSON.stringify(value).slice(1, -1),
      encodeURIComponent(value),
      ...value.split(/\r?\n/).map(line => line.trim())
    ]) {
      if (spelling.length >= MIN_SUBSTRING_SECRET) this.secrets.add(spelling)
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

  /**
   * A copy of a JSON-like value with every string in it scrubbed; keys, numbers and booleans
   * untouched. The copy is made whole first and its strings replaced where they stand, so that it
   * keeps the value's type without asserting it: a string is only ever replaced by a string.
   */
  scrubDeep<T extends object>(value: T): T {
    const copy = structuredClone(value)
    const pending: object[] = [copy]
    for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
      for (const [key, inner] of Object.entries(node)) {
        if (typeof inner === 'string') Reflect.set(node, key, this.scrub(inner))
        else if (inner !== null && typeof inner === 'object') pending.push(inner)
      }
    }
    return copy
  }

  /** One alternation, longest first, so that a secret containing another is replaced whole. */
  private compile(): RegExp {
    const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    const alternatives = [...this.secrets]
      .sort((a, b) => b.length - a.length)
      .map(secret =>
        secret.length >= MIN_SUBSTRING_SECRET
          ? escape(secret)
          : `(?<![\\p{L}\\p{N}])${escape(secret)}(?![\\p{L}\\p{N}])`
      )
    return new RegExp(alternatives.join('|'), 'gu')
  }
}
