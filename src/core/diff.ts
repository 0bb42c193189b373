/**
 * The change from a live configuration to the expected one: the smallest JSON Patch that makes it,
 * guarded by `test` operations on the values it replaces or removes (so that an edit made by someone
 * else between read and write is refused rather than overwritten), and the same change as a list of
 * paths with before and after for people to read.
 *
 * Two rules are specific to LaunchDarkly: tags are a set (order never counts), and secret values come
 * back masked, so they are compared by what the mask shows and never put in a `test`.
 */
import {
  formatPointer,
  jsonEqual,
  type JsonObject,
  type JsonValue,
  type Operation
} from './json-patch.js'
import {
  compareWithMask,
  holdsSecret,
  isSecretPath,
  looksMasked,
  type SecretScope
} from './secrets.js'
import type { WritableField } from './types.js'

export interface FieldChange {
  path: string
  /** Absent when the change adds the path. */
  before?: JsonValue
  /** Absent when the change removes the path. */
  after?: JsonValue
  secret: boolean
}

/**
 * A secret the file gives but the action did not write, because LaunchDarkly's mask cannot show
 * whether it differs: it shows no ends (`no-ends`), or its ends match while the middle may not
 * (`ends-match`). `rotate-secrets: true` writes both.
 */
export interface UndecidedSecret {
  path: string
  reason: 'no-ends' | 'ends-match'
}

export interface ChangeSet {
  /** Guards first, then the changes: the patch to send. */
  operations: Operation[]
  changes: FieldChange[]
  undecided: UndecidedSecret[]
}

export interface DiffOptions {
  /** Which paths hold secrets; `live` is filled in from the configuration diffed. */
  scope: Omit<SecretScope, 'live'>
  /** Write secret values even where the mask suggests they are unchanged. */
  rotateSecrets: boolean
}

export function diffConfigurations(
  live: JsonObject,
  expected: JsonObject,
  fields: readonly WritableField[],
  options: DiffOptions
): ChangeSet {
  const guards: Operation[] = []
  const operations: Operation[] = []
  const changes: FieldChange[] = []
  const undecided: UndecidedSecret[] = []
  const scope: SecretScope = { ...options.scope, live }
  const secretAt = (tokens: string[]) => isSecretPath(tokens, scope)

  const record = (
    tokens: string[],
    before: JsonValue | undefined,
    after: JsonValue | undefined
  ) => {
    const path = formatPointer(tokens)
    const secret = holdsSecret(tokens, before, scope) || holdsSecret(tokens, after, scope)
    if (before !== undefined && !secret) guards.push({ op: 'test', path, value: before })
    if (after === undefined) operations.push({ op: 'remove', path })
    else operations.push({ op: before === undefined ? 'add' : 'replace', path, value: after })
    changes.push({
      path,
      ...(before === undefined ? {} : { before }),
      ...(after === undefined ? {} : { after }),
      secret
    })
  }

  const walk = (tokens: string[], before: JsonValue | undefined, after: JsonValue | undefined) => {
    // An untouched value is the same object: nothing to compare, even a masked secret.
    if (before === after) return
    if (secretAt(tokens) && before !== undefined && after !== undefined) {
      if (!looksMasked(before)) {
        if (!jsonEqual(before, after) || options.rotateSecrets) record(tokens, before, after)
        return
      }
      const verdict = compareWithMask(before, after)
      // A value that is itself a mask (copied from an answer) is never written over the secret.
      const writable = !looksMasked(after)
      if (writable && (verdict === 'different' || options.rotateSecrets)) {
        record(tokens, before, after)
      } else if (verdict !== 'different') {
        undecided.push({
          path: formatPointer(tokens),
          reason: verdict === 'unknown' ? 'no-ends' : 'ends-match'
        })
      }
      return
    }
    if (isPlainObject(before) && isPlainObject(after)) {
      const keys = [...Object.keys(before), ...Object.keys(after).filter(k => !(k in before))]
      for (const key of keys) walk([...tokens, key], before[key], after[key])
      return
    }
    if (tokens.length === 1 && tokens[0] === 'tags' && sameSet(before, after)) return
    if (!jsonEqual(before, after)) record(tokens, before, after)
  }

  for (const field of fields) walk([field], live[field], expected[field])
  return { operations: [...guards, ...operations], changes, undecided }
}

function isPlainObject(value: JsonValue | undefined): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function sameSet(a: unknown, b: unknown): boolean {
  if (!Array.isArray(a) || !Array.isArray(b)) return false
  const left = new Set(a.map(item => JSON.stringify(item)))
  const right = new Set(b.map(item => JSON.stringify(item)))
  return left.size === right.size && [...left].every(item => right.has(item))
}

/** Whether a value read back from LaunchDarkly shows what was meant to be written there. */
export function valueShows(
  actual: unknown,
  intended: JsonValue | undefined,
  tokens: readonly string[]
): boolean {
  // A mask that shows nothing cannot contradict what was written.
  if (looksMasked(actual) && typeof intended === 'string') {
    return compareWithMask(actual, intended) !== 'different'
  }
  if (tokens.length === 1 && tokens[0] === 'tags') {
    return sameSet(actual, intended) || jsonEqual(actual, intended)
  }
  return jsonEqual(actual, intended)
}
