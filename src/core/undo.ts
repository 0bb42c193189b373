/**
 * The undo of a run: for each configuration it wrote, the JSON Patch that restores what it
 * changed, for this action's `patch` input to apply later (a rollback). Each patch starts with
 * `test` operations on the values this run left, so that applying it after someone else edited
 * the configuration is refused and writes nothing, rather than overwriting their edit.
 *
 * What cannot be restored is said, never guessed: a secret the run wrote (LaunchDarkly only ever
 * showed its mask, so the old value was never known: the undo leaves it); a deleted configuration
 * (gone, with its secrets: no patch brings it back). A created configuration's undo deletes it: a
 * patch whose last operation removes the whole configuration (`"path": ""`), which this action's
 * patch mode carries out as a DELETE. No secret value is ever part of an undo.
 */
import type { JsonObject, JsonValue, Operation } from './json-patch.js'
import { formatPointer, parsePointer } from './json-patch.js'
import type { Outcome } from './outcome.js'
import type { ConfigurationPlan } from './plan.js'
import { holdsSecret, type Scrubber, type SecretScope } from './secrets.js'

export interface UndoEntry {
  /** The configuration's _id: the `configuration-id` to apply the undo with. */
  id: string
  name: string | undefined
  integrationKey: string | undefined
  /** What this run did to it. */
  action: 'updated' | 'created' | 'deleted'
  /** The patch that undoes it, or null when nothing can (`why` says why). */
  patch: Operation[] | null
  why?: string
  /** Secrets this run wrote that the undo leaves as they are (their old values were never known). */
  secretsLeft: string[]
  /** Paths the undo adds back with no `test` able to show they are still absent. */
  unguarded: string[]
}

/** The undo of every configuration the run wrote, in the order of the outcomes. */
export function undoOf(outcomes: readonly Outcome[], scrubber: Scrubber): UndoEntry[] {
  const entries: UndoEntry[] = []
  for (const outcome of outcomes) {
    const plan = outcome.plan
    if (!plan || outcome.id === undefined) continue
    // Named as LaunchDarkly now has it (a rename is part of what the undo restores).
    const now = outcome.configuration?.name
    const name = typeof now === 'string' ? now : outcome.name
    const base: Omit<UndoEntry, 'action' | 'patch'> = {
      id: outcome.id,
      name: name === undefined ? undefined : scrubber.scrub(name),
      integrationKey: outcome.integrationKey,
      secretsLeft: [],
      unguarded: []
    }
    let entry: UndoEntry
    if (outcome.status === 'deleted') {
      entry = {
        ...base,
        action: 'deleted',
        patch: null,
        why: 'a deleted configuration is gone, with its secrets: no patch brings it back. To restore it, create it again from a desired-state file (`create-missing: true`) and set its secrets.'
      }
    } else if (outcome.status === 'created' && plan.action === 'create') {
      entry = { ...base, action: 'created', patch: undoCreation(plan, outcome.configuration) }
    } else if (outcome.status === 'updated' && plan.action === 'update') {
      entry = { ...base, action: 'updated', ...undoUpdate(plan, outcome) }
    } else {
      continue
    }
    entries.push(withoutSecrets(entry, scrubber))
  }
  return entries
}

/** The test that a path still holds what this run left there: LaunchDarkly's answer, or the plan. */
function leftAt(
  answer: JsonObject | undefined,
  tokens: readonly string[],
  planned: JsonValue | undefined
): JsonValue | undefined {
  const value = jsonAt(answer, tokens)
  return value === undefined ? planned : value
}

/** The JSON value at a pointer's tokens, if there is one. */
function jsonAt(document: JsonValue | undefined, tokens: readonly string[]): JsonValue | undefined {
  let value = document
  for (const token of tokens) {
    if (Array.isArray(value))
      value = /^(0|[1-9][0-9]*)$/.test(token) ? value[Number(token)] : undefined
    else if (value !== null && typeof value === 'object' && Object.hasOwn(value, token)) {
      value = value[token]
    } else return undefined
  }
  return value
}

function undoUpdate(
  plan: Extract<ConfigurationPlan, { action: 'update' }>,
  outcome: Outcome
): Pick<UndoEntry, 'patch' | 'why' | 'secretsLeft' | 'unguarded'> {
  const answer = outcome.configuration
  const scope: SecretScope = {
    integrationKey: plan.integrationKey ?? plan.live._integrationKey,
    live: plan.live,
    substituted: plan.substituted
  }
  const tests: Operation[] = []
  const tested = new Set<string>()
  const restores: Operation[] = []
  const secretsLeft: string[] = []
  const unguarded: string[] = []
  const test = (path: string, value: JsonValue) => {
    if (tested.has(path)) return
    tested.add(path)
    tests.push({ op: 'test', path, value })
  }
  for (const change of plan.changes) {
    if (change.secret) {
      secretsLeft.push(change.path)
      continue
    }
    const tokens = parsePointer(change.path) ?? []
    if (change.after !== undefined) {
      const left = leftAt(answer, tokens, change.after)
      if (left !== undefined) test(change.path, left)
    } else {
      // An absence cannot be tested; its parent can, unless it holds a secret (or is the whole
      // configuration, which holds fields LaunchDarkly sets).
      const parent = tokens.slice(0, -1)
      const parentValue = jsonAt(answer, parent)
      if (
        parent.length > 0 &&
        parentValue !== undefined &&
        !holdsSecret(parent, parentValue, scope)
      ) {
        test(formatPointer(parent), parentValue)
      } else {
        unguarded.push(change.path)
      }
    }
    if (change.before === undefined) restores.push({ op: 'remove', path: change.path })
    else if (change.after === undefined) {
      restores.push({ op: 'add', path: change.path, value: change.before })
    } else restores.push({ op: 'replace', path: change.path, value: change.before })
  }
  const patch = restores.length === 0 ? null : [...tests, ...restores.reverse()]
  return {
    patch,
    ...(patch === null
      ? {
          why: 'this run changed only secrets, which cannot be restored (their old values were never known).'
        }
      : {}),
    secretsLeft,
    unguarded
  }
}

/** A creation's undo: tests that it is as created (its secrets aside), then its deletion. */
function undoCreation(
  plan: Extract<ConfigurationPlan, { action: 'create' }>,
  answer: JsonObject | undefined
): Operation[] {
  const tests: Operation[] = []
  for (const change of plan.changes) {
    if (change.secret || change.after === undefined) continue
    const left = leftAt(answer, parsePointer(change.path) ?? [], change.after)
    if (left !== undefined) tests.push({ op: 'test', path: change.path, value: left })
  }
  return [...tests, { op: 'remove', path: '' }]
}

/**
 * The last line of defence: an undo is printed in outputs and the summary, so one that would
 * carry a value the scrubber knows as secret is not given at all.
 */
function withoutSecrets(entry: UndoEntry, scrubber: Scrubber): UndoEntry {
  if (entry.patch === null) return entry
  // Strings only: a secret that is a common word ("true") is no reason to refuse a boolean.
  const text = JSON.stringify(entry.patch)
  if (JSON.stringify(scrubber.scrubDeep(entry.patch)) === text) return entry
  return {
    ...entry,
    patch: null,
    why: 'its undo would carry a value that is secret in this run, so none is given: restore it by hand from the diff above.'
  }
}

/** The `undo` and `undo-patch` outputs. `about`: how many configurations the run is about. */
export function undoOutputs(entries: readonly UndoEntry[], about: number): Record<string, string> {
  const undo = Object.fromEntries(entries.map(entry => [entry.id, entry.patch]))
  const [only] = entries
  const single =
    about === 1 && entries.length === 1 && only?.patch ? JSON.stringify(only.patch) : ''
  return { undo: JSON.stringify(undo), 'undo-patch': single }
}
