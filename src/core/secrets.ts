/**
 * Which values are secret, how LaunchDarkly's masks compare with the values in a repository, and the
 * one redaction every rendered text passes through.
 */
import { MANIFEST_SECRET_KEYS } from '../generated/manifest-secrets.js'
import { formatPointer, type JsonValue } from './json-patch.js'

/** What a secret value is replaced by wherever a person or a log could read it. */
export const SECRET_CHANGED = '(secret: changed)'
export const SECRET_UNCHANGED = '(secret: unchanged)'
/** The value a secret had before a change: never shown, only named. */
export const SECRET_BEFORE = '(secret)'

/** Key names that hold credentials in any integration, whatever its manifest says. */
const SECRET_KEY_PATTERN =
  /token|secret|password|passwd|passphrase|api[-_]?key|private[-_]?key|access[-_]?key|credential|signing[-_]?key/i

/** LaunchDarkly shows a secret as its first and last three characters around a run of asterisks. */
const MASK_PATTERN = /^([^*]{0,3})\*{3,}([^*]{0,3})$/

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
  const manifest = integrationKey === undefined ? undefined : MANIFEST_SECRET_KEYS[integrationKey]
  return manifest?.includes(key) === true || SECRET_KEY_PATTERN.test(key) || looksMasked(liveValue)
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
 * Whether a value from the repository is the one behind LaunchDarkly's mask. The mask shows only the
 * ends, so equal ends count as equal: the best that can be known without the secret itself.
 */
export function maskMatches(mask: string, value: JsonValue | undefined): boolean {
  const match = MASK_PATTERN.exec(mask)
  if (!match || typeof value !== 'string') return false
  const [, start = '', end = ''] = match
  return value.length >= start.length + end.length && value.startsWith(start) && value.endsWith(end)
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
