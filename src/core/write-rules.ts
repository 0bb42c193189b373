/**
 * The manifest's rules (manifest-rules.ts) applied to what a plan writes: the configValues keys it
 * sends (every key, for a creation). Loaded by a patch-only run only when its patch writes one.
 */
import { ActionError } from './errors.js'
import { checkConfigValues, lockedKeysChanged } from './manifest-rules.js'
import type { FieldChange } from './diff.js'
import type { JsonObject } from './json-patch.js'
import { isRecord } from './narrow.js'
import {
  writtenConfigKeys,
  type DeletePlan,
  type PlanBase,
  type UnchangedPlan,
  type UpdatePlan
} from './configuration-plan.js'

/**
 * The manifest's rules for the configValues keys a write sends (every key, for a creation):
 * a problem stops the plan (nothing is written); warnings and notices go with it.
 */
export function checkWrite(
  integrationKey: string | undefined,
  result: JsonObject,
  changes: readonly FieldChange[],
  creating: boolean,
  who: string
): Pick<PlanBase, 'warnings' | 'notices'> {
  const written = writtenConfigKeys(changes)
  if (integrationKey === undefined || (written.length === 0 && !creating)) {
    return { warnings: [], notices: [] }
  }
  // The spec makes configValues an object; a patch that made it anything else was refused.
  const configValues = isRecord(result.configValues) ? result.configValues : {}
  const findings = checkConfigValues({ integrationKey, configValues, written, creating })
  const locked = creating ? undefined : lockedKeysChanged(integrationKey, written)
  const errors = [...findings.errors, ...(locked ? [locked] : [])]
  if (errors.length > 0) {
    throw new ActionError(`${who}: ${errors.join(' ')} Nothing was written.`, 'invalid-input')
  }
  return { warnings: findings.warnings, notices: findings.notices }
}

/** A patch's plan (configuration-plan.ts's patchPlan), judged by the manifest's rules. */
export function judgePatch(
  plan: UpdatePlan | UnchangedPlan | DeletePlan,
  input: string
): UpdatePlan | UnchangedPlan | DeletePlan {
  if (plan.action === 'delete') return plan
  const findings = checkWrite(
    plan.integrationKey,
    plan.expected,
    plan.changes,
    false,
    `Input \`${input}\``
  )
  return { ...plan, ...findings }
}
