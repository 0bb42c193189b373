/**
 * The fingerprint of a plan: what a reviewer approves, and nothing else. Each configuration that
 * would be written (or failed to plan) is reduced to an entry: who it is, what happens to it and
 * each changed path's old and new value, with keys sorted, tags as a set and secrets by their
 * status only; no file, line, order or formatting counts. An absent value (a field added or
 * removed) is not `null`: the entry leaves it out. Salted with the pull request's URL, so that a
 * plan approved on one pull request cannot be carried to another.
 *
 * The entries are kept in the plan comment too, so that an apply that stopped half way can finish
 * what remains of the approved plan, and a refusal can say what changed field by field.
 */
import { createHash } from 'node:crypto'
import { isRecord } from './narrow.js'
import type { RedactedOutcome, ShownValue } from './redact.js'
import { SecretPlaceholder } from './secrets.js'

export type PlanAction = 'create' | 'update' | 'delete' | 'failed'

/** One configuration of a plan, as it is approved. */
export interface PlanEntry {
  /** Its ID, or `integrationKey/name` for one that does not exist yet. */
  configuration: string
  /** How reports name it. */
  name: string
  action: PlanAction
  changes: EntryChange[]
}

export interface EntryChange {
  path: string
  /** Absent when the change adds the path. */
  before?: ShownValue
  /** Absent when the change removes the path. */
  after?: ShownValue
}

const ACTIONS: Partial<Record<RedactedOutcome['status'], PlanAction>> = {
  'would-create': 'create',
  created: 'create',
  'would-update': 'update',
  updated: 'update',
  'would-delete': 'delete',
  deleted: 'delete',
  failed: 'failed'
}

/** Which configuration an outcome is, the same before and after it was created. */
export function configurationKey(outcome: RedactedOutcome): string {
  const create = outcome.status === 'would-create' || outcome.status === 'created'
  return !create && outcome.id
    ? outcome.id
    : `${outcome.integrationKey ?? ''}/${outcome.name ?? outcome.label}`
}

/** The plan as it is approved: the configurations it writes (or failed to plan), sorted. */
export function planEntries(outcomes: readonly RedactedOutcome[]): PlanEntry[] {
  return outcomes
    .flatMap(outcome => {
      const action = ACTIONS[outcome.status]
      if (action === undefined) return []
      const entry: PlanEntry = {
        configuration: configurationKey(outcome),
        name: outcome.name ?? outcome.label,
        action,
        changes: outcome.changes.map(change => ({
          path: change.path,
          ...(change.before === undefined ? {} : { before: change.before }),
          ...(change.after === undefined ? {} : { after: change.after })
        }))
      }
      return [entry]
    })
    .sort((a, b) => compare(a.configuration, b.configuration))
}

/** The fingerprint of a plan (format 2: absent and `null` differ). */
export function planFingerprint(
  outcomes: readonly RedactedOutcome[],
  salt: string,
  /** The guardrails the plan was checked against (core/guardrails.ts), '' when none. */
  guardrails = ''
): string {
  return entriesFingerprint(planEntries(outcomes), salt, guardrails)
}

/** The fingerprint of entries, e.g. those an approved plan comment keeps. */
export function entriesFingerprint(
  entries: readonly PlanEntry[],
  salt: string,
  guardrails = ''
): string {
  // The name is how a report says it, not what is approved.
  const approved = [...entries]
    .map(({ configuration, action, changes }) => ({
      configuration,
      action,
      // Sorted here, not in the entries: a report shows them in the plan's order.
      changes: changes
        .map(change => ({
          path: change.path,
          before: normalize(change.path, change.before),
          after: normalize(change.path, change.after)
        }))
        .sort((a, b) => compare(a.path, b.path))
    }))
    .sort((a, b) => compare(a.configuration, b.configuration))
  const digest = createHash('sha256')
    .update(`v2\n${salt}\n${canonical(approved)}${guardrails === '' ? '' : `\n${guardrails}`}`)
    .digest('hex')
  return `sha256:${digest}`
}

/**
 * The fingerprint 1.x comments carry (absent read as `null`; a created configuration by its ID
 * when it had one): still compared for one release, so that a pull request planned by 1.x can be
 * applied by 2.x.
 */
export function legacyPlanFingerprint(
  outcomes: readonly RedactedOutcome[],
  salt: string,
  guardrails = ''
): string {
  const entries = outcomes
    .filter(outcome => ACTIONS[outcome.status] !== undefined)
    .map(outcome => ({
      configuration:
        outcome.id ?? `${outcome.integrationKey ?? ''}/${outcome.name ?? outcome.label}`,
      action: ACTIONS[outcome.status],
      changes: outcome.changes
        .map(change => ({
          path: change.path,
          before: normalize(change.path, change.before) ?? null,
          after: normalize(change.path, change.after) ?? null
        }))
        .sort((a, b) => compare(a.path, b.path))
    }))
    .sort((a, b) => (a.configuration < b.configuration ? -1 : 1))
  const digest = createHash('sha256')
    .update(`${salt}\n${canonical(entries, true)}${guardrails === '' ? '' : `\n${guardrails}`}`)
    .digest('hex')
  return `sha256:${digest}`
}

/** Whether a plan writes anything at all: a plan that writes nothing needs no approval. */
export function writesAnything(outcomes: readonly RedactedOutcome[]): boolean {
  return outcomes.some(o => o.status !== 'failed' && ACTIONS[o.status] !== undefined)
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

function normalize(path: string, value: ShownValue | undefined): unknown {
  // Tags are a set: their order is formatting.
  if (path === '/tags' && Array.isArray(value)) {
    return [...value].map(item => canonical(item)).sort()
  }
  return value
}

/**
 * JSON with every object's keys sorted (key order never counts) and absent keys left out. A secret
 * counts by its status only: 1.x spelled it as the placeholder's text; 2.x as a token no JSON value
 * can spell, so that a plain value that reads like a placeholder is not taken for a secret.
 */
function canonical(value: unknown, legacy = false): string {
  if (value instanceof SecretPlaceholder) {
    return legacy ? JSON.stringify(value.text) : `<${value.text}>`
  }
  if (Array.isArray(value)) return `[${value.map(item => canonical(item, legacy)).join(',')}]`
  if (isRecord(value)) {
    const keys = Object.keys(value)
      .filter(key => value[key] !== undefined)
      .sort()
    return `{${keys.map(key => `${JSON.stringify(key)}:${canonical(value[key], legacy)}`).join(',')}}`
  }
  return JSON.stringify(value ?? null)
}
