/**
 * Which values are secret, how LaunchDarkly's masks compare with the values in a repository, and the
 * one redaction every rendered text passes through.
 */
import { MANIFEST_SECRET_KEYS } from '../generated/manifest-secrets.js'
import type { JsonValue } from './json-patch.js'

/** What a secret value is replaced by wherever a person or a log could read it. */
export const SECRET_CHANGED = '(secret: changed)'
export const SECRET_UNCHANGED = '(secret: unchanged)'

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

/**
 * Whether a path (as pointer tokens) lies in a secret: anything at or under a secret configValues key,
 * or under any key inside configValues whose name looks like a credential.
 */
export function isSecretPath(
  tokens: readonly string[],
  integrationKey: string | undefined,
  live?: { configValues?: Record<string, unknown> }
): boolean {
  if (tokens[0] !== 'configValues' || tokens.length < 2) return false
  const key = tokens[1] as string
  if (isSecretKey(integrationKey, key, live?.configValues?.[key])) return true
  return tokens.slice(2).some(token => SECRET_KEY_PATTERN.test(token))
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

/**
 * Scrubs known secret strings out of any text about to leave the process: the last line of defence
 * behind structural redaction, for text such as an error body in which LaunchDarkly echoes a value.
 */
export class Redactor {
  private readonly secrets = new Set<string>()

  /** Returns whether the value is new to the redactor. */
  add(value: unknown): boolean {
    // Very short values would turn ordinary words into asterisks and protect nothing.
    if (typeof value !== 'string' || value.length < 4 || this.secrets.has(value)) return false
    this.secrets.add(value)
    return true
  }

  scrub(text: string): string {
    let result = text
    // Longest first, so a secret containing another is replaced whole.
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) {
      result = result.split(secret).join('***')
      // JSON.stringify escapes some characters; scrub the escaped spelling too.
      const escaped = JSON.stringify(secret).slice(1, -1)
      if (escaped !== secret) result = result.split(escaped).join('***')
    }
    return result
  }
}
