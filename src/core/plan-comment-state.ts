/**
 * The state a plan comment keeps for the next run (the approved plan's entries, the record of every
 * apply attempt) as the base64url JSON of its state line, and back. What comes back from GitHub is
 * checked field by field: a hand-edited or truncated state is no state rather than a wrong one.
 */
import type { FailureReason } from './errors.js'
import type { EntryChange, PlanAction, PlanEntry } from './fingerprint.js'
import { formatPointer, parsePointer, type JsonValue } from './json-patch.js'
import type { Status } from './outcome.js'
import type { ShownValue } from './redact.js'
import { SecretPlaceholder } from './secrets.js'

const FINGERPRINT = /^sha256:[0-9a-f]{64}$/

/** How a configuration ended in one apply attempt. */
export interface AttemptResult {
  configuration: string
  status: Status
}

/** One run of the apply, as the comment records it: never overwritten, only added to. */
export interface ApplyAttempt {
  /** GITHUB_RUN_ID, and the run's number and attempt as people name them. */
  runId: string
  runNumber?: string
  attempt: number
  /** The fingerprint of the approved plan it applied (or was refused against), if any. */
  approved?: string
  outcome: 'applied' | 'partly-applied' | 'failed' | 'refused' | 'up-to-date'
  reason?: FailureReason
  written: number
  failed: number
  /** Each configuration that was written or failed; left out of old attempts when room is short. */
  results?: AttemptResult[]
}

export interface CommentState {
  /** The approved plan's entries (what its fingerprint is made of), when there was room. */
  approved?: PlanEntry[]
  attempts: ApplyAttempt[]
}

/** The state as the state line spells it. */
export function encodeState(state: CommentState): string {
  return Buffer.from(JSON.stringify(toWire(state)), 'utf8').toString('base64url')
}

/** The state a state line spells, or undefined when it is not one this module wrote. */
export function decodeState(encoded: string | undefined): CommentState | undefined {
  if (encoded === undefined) return undefined
  let value: unknown
  try {
    value = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'))
  } catch {
    return undefined
  }
  return isWireState(value) ? fromWire(value) : undefined
}

// A secret's placeholder is a tagged value, known by its type and never by its text: the state
// keeps a value as JSON with the placeholders as their text, and says where they stand, so that a
// plain value that reads like one is not taken for a secret when it is read back.

interface WireChange {
  path: string
  before?: JsonValue
  after?: JsonValue
  /** Pointers, within the value, of its placeholders. */
  secrets?: { before?: string[]; after?: string[] }
}
interface WireEntry extends Omit<PlanEntry, 'changes'> {
  changes: WireChange[]
}
interface WireState {
  approved?: WireEntry[]
  attempts: ApplyAttempt[]
}

const PLACEHOLDERS = [
  SecretPlaceholder.changed,
  SecretPlaceholder.unchanged,
  SecretPlaceholder.before
]

function toWire(state: CommentState): WireState {
  const side = (value: ShownValue) => {
    const secrets: string[] = []
    const plain = (inner: ShownValue, tokens: string[]): JsonValue => {
      if (inner instanceof SecretPlaceholder) {
        secrets.push(formatPointer(tokens))
        return inner.text
      }
      if (Array.isArray(inner)) return inner.map((item, i) => plain(item, [...tokens, String(i)]))
      if (inner !== null && typeof inner === 'object') {
        return Object.fromEntries(
          Object.entries(inner).map(([key, item]) => [key, plain(item, [...tokens, key])])
        )
      }
      return inner
    }
    return { value: plain(value, []), secrets }
  }
  const change = ({ path, before, after }: EntryChange): WireChange => {
    const [b, a] = [
      before === undefined ? undefined : side(before),
      after === undefined ? undefined : side(after)
    ]
    const secrets = {
      ...(b && b.secrets.length > 0 ? { before: b.secrets } : {}),
      ...(a && a.secrets.length > 0 ? { after: a.secrets } : {})
    }
    return {
      path,
      ...(b ? { before: b.value } : {}),
      ...(a ? { after: a.value } : {}),
      ...(Object.keys(secrets).length > 0 ? { secrets } : {})
    }
  }
  return {
    ...(state.approved
      ? {
          approved: state.approved.map(entry => ({ ...entry, changes: entry.changes.map(change) }))
        }
      : {}),
    attempts: state.attempts
  }
}

/** The state as it was written, or undefined if a placeholder does not stand where it says. */
function fromWire(state: WireState): CommentState | undefined {
  const restore = (value: JsonValue, pointers: readonly string[] = []): ShownValue | undefined => {
    let shown: ShownValue | undefined = value
    for (const pointer of pointers) {
      const tokens = parsePointer(pointer)
      shown = tokens && shown !== undefined ? placeAt(shown, tokens) : undefined
    }
    return shown
  }
  const entries: PlanEntry[] = []
  for (const entry of state.approved ?? []) {
    const changes: EntryChange[] = []
    for (const { path, before, after, secrets } of entry.changes) {
      const b = before === undefined ? undefined : restore(before, secrets?.before)
      const a = after === undefined ? undefined : restore(after, secrets?.after)
      if ((before !== undefined && b === undefined) || (after !== undefined && a === undefined)) {
        return undefined
      }
      changes.push({
        path,
        ...(b === undefined ? {} : { before: b }),
        ...(a === undefined ? {} : { after: a })
      })
    }
    entries.push({ ...entry, changes })
  }
  return { ...(state.approved ? { approved: entries } : {}), attempts: state.attempts }
}

/** The value with the placeholder its text names at `tokens`; undefined if none stands there. */
function placeAt(value: ShownValue, tokens: readonly string[]): ShownValue | undefined {
  const [token, ...rest] = tokens
  if (token === undefined) {
    return typeof value === 'string' ? PLACEHOLDERS.find(p => p.text === value) : undefined
  }
  if (Array.isArray(value)) {
    const index = Number(token)
    const item = value[index]
    if (!/^(0|[1-9]\d*)$/.test(token) || item === undefined) return undefined
    const placed = placeAt(item, rest)
    return placed === undefined ? undefined : value.map((v, i) => (i === index ? placed : v))
  }
  if (value === null || typeof value !== 'object' || value instanceof SecretPlaceholder) {
    return undefined
  }
  const item = Object.hasOwn(value, token) ? value[token] : undefined
  const placed = item === undefined ? undefined : placeAt(item, rest)
  return placed === undefined ? undefined : { ...value, [token]: placed }
}

// The state came back from GitHub: checked field by field, so that a hand-edited or truncated
// state is no state rather than a wrong one.

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const isOptionalString = (value: unknown) => value === undefined || typeof value === 'string'
const isCount = (value: unknown) =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0
const isOneOf = <T>(list: readonly T[], value: unknown): value is T =>
  list.some(item => item === value)

const STATUSES: readonly Status[] = [
  'created',
  'updated',
  'unchanged',
  'would-create',
  'would-update',
  'failed',
  'unmanaged',
  'would-delete',
  'deleted',
  'exported'
]
const OUTCOMES: readonly ApplyAttempt['outcome'][] = [
  'applied',
  'partly-applied',
  'failed',
  'refused',
  'up-to-date'
]
const ACTIONS: readonly PlanAction[] = ['create', 'update', 'delete', 'failed']

function isJson(value: unknown, depth = 0): value is JsonValue {
  if (depth > 64) return false
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return true
  if (Array.isArray(value)) return value.every(item => isJson(item, depth + 1))
  return isRecord(value) && Object.values(value).every(item => isJson(item, depth + 1))
}

const isPointers = (value: unknown) =>
  value === undefined || (Array.isArray(value) && value.every(item => typeof item === 'string'))

function isChange(value: unknown): value is WireChange {
  return (
    isRecord(value) &&
    typeof value.path === 'string' &&
    (value.before === undefined || isJson(value.before)) &&
    (value.after === undefined || isJson(value.after)) &&
    (value.secrets === undefined ||
      (isRecord(value.secrets) &&
        isPointers(value.secrets.before) &&
        isPointers(value.secrets.after)))
  )
}

function isEntry(value: unknown): value is WireEntry {
  return (
    isRecord(value) &&
    typeof value.configuration === 'string' &&
    typeof value.name === 'string' &&
    isOneOf(ACTIONS, value.action) &&
    Array.isArray(value.changes) &&
    value.changes.every(isChange)
  )
}

function isResult(value: unknown): value is AttemptResult {
  return (
    isRecord(value) && typeof value.configuration === 'string' && isOneOf(STATUSES, value.status)
  )
}

function isAttempt(value: unknown): value is ApplyAttempt {
  return (
    isRecord(value) &&
    typeof value.runId === 'string' &&
    isOptionalString(value.runNumber) &&
    isCount(value.attempt) &&
    (value.approved === undefined ||
      (typeof value.approved === 'string' && FINGERPRINT.test(value.approved))) &&
    isOneOf(OUTCOMES, value.outcome) &&
    isOptionalString(value.reason) &&
    isCount(value.written) &&
    isCount(value.failed) &&
    (value.results === undefined || (Array.isArray(value.results) && value.results.every(isResult)))
  )
}

function isWireState(value: unknown): value is WireState {
  return (
    isRecord(value) &&
    Array.isArray(value.attempts) &&
    value.attempts.every(isAttempt) &&
    (value.approved === undefined ||
      (Array.isArray(value.approved) && value.approved.every(isEntry)))
  )
}
