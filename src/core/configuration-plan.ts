/**
 * What a configuration's plan is (create, update, no change, delete), and the plans that need no
 * manifest: a patch's, before the manifest's rules judge what it writes to configValues, and a
 * deletion; with the checks of a configuration read back after a write. Pure functions of their
 * inputs. Apart from core/plan.ts (desired states, the manifest's rules) so that a patch-only run
 * loads only this at start-up, and the manifest's rules only when its patch writes configValues.
 */
import { validateConfigurationRep } from '../generated/validators.js'
import { diffConfigurations, valueShows, type FieldChange, type UndecidedSecret } from './diff.js'
import { ActionError } from './errors.js'
import {
  applyOperations,
  parsePointer,
  PatchApplyError,
  valueAt,
  type JsonObject,
  type JsonValue,
  type Operation
} from './json-patch.js'
import { isDeletion } from './operations.js'
import { holdsSecret, type SecretScope } from './secrets.js'
import {
  toJsonObject,
  WRITABLE_FIELDS,
  type IntegrationConfiguration,
  type IntegrationConfigurationPost,
  type WritableField
} from './types.js'

export interface PlanBase {
  /** The configuration as it should be afterwards (secrets as the user wrote them). */
  expected: JsonObject
  changes: FieldChange[]
  /** Secrets given but not written: their masks cannot show whether they differ. */
  undecided: UndecidedSecret[]
  /** Worth telling, without stopping the write (a key the manifest does not know, OAuth). */
  warnings: string[]
  notices: string[]
  /** Secret values, in clear, that the patch or body carries: to be masked everywhere. */
  secretValues: string[]
  /** Pointers of values substituted from the environment: secret wherever they stand. */
  substituted: readonly string[]
}

/** A configuration to create: POST this body under this integration. */
export interface CreatePlan extends PlanBase {
  action: 'create'
  integrationKey: string
  body: IntegrationConfigurationPost
}

/** A configuration to change: PATCH these operations (guards first). */
export interface UpdatePlan extends PlanBase {
  action: 'update'
  integrationKey: string | undefined
  /** What LaunchDarkly held when it was read. */
  live: IntegrationConfiguration
  operations: Operation[]
}

/** A configuration that is as it should be. */
export interface UnchangedPlan extends PlanBase {
  action: 'none'
  integrationKey: string | undefined
  live: IntegrationConfiguration
}

/** A configuration no file describes, to delete (`prune`): its fields, all going. */
export interface DeletePlan extends PlanBase {
  action: 'delete'
  integrationKey: string | undefined
  live: IntegrationConfiguration
}

export type ConfigurationPlan = CreatePlan | UpdatePlan | UnchangedPlan | DeletePlan

/** Said of a configuration a patch deletes (its last operation removes the whole document). */
export const PATCH_DELETION_NOTICE =
  'The patch deletes this configuration: its last operation removes the whole configuration ("path": "").'

/** The configuration LaunchDarkly held when the plan was made, if it existed. */
export function liveOf(plan: ConfigurationPlan | undefined): IntegrationConfiguration | undefined {
  return plan && plan.action !== 'create' ? plan.live : undefined
}

export interface PlanOptions {
  rotateSecrets: boolean
  /** Pointers of the desired values that came from `${VAR}`. */
  substituted?: readonly string[]
}

/** The writable part of a desired configuration, as a desired-state file gives it. */
export type DesiredFields = Partial<Pick<IntegrationConfigurationPost, WritableField>>

/**
 * Plans the user's JSON Patch operations against the live configuration, all but the manifest's
 * rules for what it writes to configValues (write-rules.ts judges that; core/plan.ts's planPatch
 * does both). `input` names where the operations came from (patch, patch-file or enabled), for
 * messages.
 */
export function patchPlan(
  live: IntegrationConfiguration,
  userOperations: readonly Operation[],
  input = 'patch'
): UpdatePlan | UnchangedPlan | DeletePlan {
  const integrationKey = live._integrationKey
  const liveDocument = toJsonObject(live)
  const scope: SecretScope = { integrationKey, live }
  userOperations.forEach((operation, index) => {
    const refuse = (why: string) =>
      new ActionError(
        `Input \`${input}\`: operation ${index} (${operation.op} ${'from' in operation ? `from ${operation.from} ` : ''}${operation.path}) ${why} Nothing was written.`,
        'invalid-input'
      )
    if (operation.op === 'move' || operation.op === 'copy') {
      const from = parsePointer(operation.from) ?? []
      if (holdsSecret(from, valueAt(liveDocument, from), scope)) {
        throw refuse(
          `takes its value from a secret. LaunchDarkly returns secrets masked, so the ${operation.op} would write the mask (${operation.op === 'move' ? 'and lose the secret' : 'not the secret'}): write the value itself with add or replace, and remove the old key with remove.`
        )
      }
    }
    if (operation.op === 'test') {
      const tokens = parsePointer(operation.path) ?? []
      if (holdsSecret(tokens, valueAt(liveDocument, tokens), scope)) {
        throw refuse(
          `tests a value that is or holds a secret. LaunchDarkly returns secret values masked, so they cannot be compared: remove that test, or test a field beside the secret.`
        )
      }
    }
  })
  const apply = (operations: readonly Operation[]): JsonObject => {
    try {
      return applyOperations(liveDocument, operations)
    } catch (error) {
      if (!(error instanceof PatchApplyError)) throw error
      const operation = userOperations[error.index]
      const failedTest = error.code === 'TEST_OPERATION_FAILED'
      throw new ActionError(
        `Input \`${input}\`: operation ${error.index} (${operation?.op} ${operation?.path}) cannot be applied to configuration ${live._id} (${live.name}): ${error.message}. Nothing was written.${failedTest ? ' The configuration changed since the patch was written (an undo tests what the run it undoes left): look at it in LaunchDarkly, and write the patch against what it holds now.' : ''}`,
        failedTest ? 'conflict' : 'invalid-input'
      )
    }
  }
  const last = userOperations[userOperations.length - 1]
  if (last && isDeletion(last)) {
    // Its tests are checked here, against what was read; LaunchDarkly's DELETE takes no guard.
    apply(userOperations.slice(0, -1))
    return { ...planDeletion(live, integrationKey), notices: [PATCH_DELETION_NOTICE] }
  }
  const expected = apply(userOperations)
  assertFitsSpec(expected, `Input \`${input}\`: the patched configuration`)
  // A secret an operation sets is written: LaunchDarkly's mask could at best suggest that it is
  // unchanged, and the operation says to write it. (Secrets no operation touches stay as they are.)
  const { operations, changes, undecided } = diffConfigurations(
    liveDocument,
    expected,
    WRITABLE_FIELDS,
    { scope: { integrationKey }, rotateSecrets: true }
  )
  // The user's leading tests are preconditions: send them too, so LaunchDarkly checks them atomically.
  const preconditions: Operation[] = []
  for (const operation of userOperations) {
    if (operation.op !== 'test') break
    preconditions.push(operation)
  }
  return finishPlan(live, expected, changes.length === 0 ? [] : [...preconditions, ...operations], {
    changes,
    undecided,
    substituted: [],
    warnings: [],
    notices: []
  })
}

/**
 * Plans the deletion of a configuration: the change shows every field it had, going. The
 * integration is the list's (an item may leave `_integrationKey` out): its manifest says which
 * values are secret.
 */
export function planDeletion(
  live: IntegrationConfiguration,
  integrationKey: string | undefined
): DeletePlan {
  const { changes } = diffConfigurations(toJsonObject(live), {}, WRITABLE_FIELDS, {
    scope: { integrationKey },
    rotateSecrets: false
  })
  return {
    action: 'delete',
    integrationKey,
    live,
    expected: {},
    changes,
    undecided: [],
    warnings: [],
    notices: [],
    secretValues: [],
    substituted: []
  }
}

/**
 * Whether the plan writes a configValues key of a known integration: only then have the manifest's
 * rules (write-rules.ts) anything to judge.
 */
export function writesConfigValues(plan: ConfigurationPlan): boolean {
  return plan.integrationKey !== undefined && writtenConfigKeys(plan.changes).length > 0
}

/** The configValues keys a change writes (adds, replaces or removes). */
export function writtenConfigKeys(changes: readonly FieldChange[]): string[] {
  const keys = new Set<string>()
  for (const change of changes) {
    const tokens = parsePointer(change.path) ?? []
    if (tokens[0] !== 'configValues') continue
    if (tokens[1] !== undefined) keys.add(tokens[1])
    else {
      // The whole object: every key on either side.
      for (const side of [change.before, change.after]) {
        if (side && typeof side === 'object' && !Array.isArray(side)) {
          for (const key of Object.keys(side)) keys.add(key)
        }
      }
    }
  }
  return [...keys]
}

/** An update, or no change: the plan of a configuration that exists. */
export function finishPlan(
  live: IntegrationConfiguration,
  expected: JsonObject,
  operations: Operation[],
  parts: Pick<PlanBase, 'changes' | 'undecided' | 'substituted' | 'warnings' | 'notices'>
): UpdatePlan | UnchangedPlan {
  const common = {
    integrationKey: live._integrationKey,
    live,
    expected,
    ...parts,
    secretValues: collectSecrets(parts.changes)
  }
  return parts.changes.length === 0
    ? { action: 'none', ...common }
    : { action: 'update', operations, ...common }
}

/** The secret values, in clear, that a change writes: to be masked everywhere. */
export function collectSecrets(changes: readonly FieldChange[]): string[] {
  const values: string[] = []
  const collect = (value: JsonValue | undefined) => {
    if (typeof value === 'string') values.push(value)
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(collect)
  }
  for (const change of changes) if (change.secret) collect(change.after)
  return values
}

/** The patched configuration must still be one the spec allows (a name, booleans where due...). */
function assertFitsSpec(configuration: JsonObject, what: string): void {
  if (validateConfigurationRep(configuration)) return
  const problem = validateConfigurationRep.errors?.[0]
  const where =
    problem?.keyword === 'required'
      ? `/${String(problem.params.missingProperty)}`
      : problem?.instancePath || '/'
  throw new ActionError(
    `${what} does not fit LaunchDarkly's spec: ${where} ${problem?.keyword === 'required' ? 'is required' : (problem?.message ?? 'is invalid')}. Nothing was written.`,
    'invalid-input'
  )
}

/** Paths of the plan whose value, read back, is not what the plan meant to write. */
export function unexpectedPaths(
  plan: Pick<ConfigurationPlan, 'changes'>,
  actual: IntegrationConfiguration
): string[] {
  return plan.changes
    .filter(change => {
      const tokens = parsePointer(change.path) ?? []
      return !valueShows(valueAt(actual, tokens), change.after, tokens)
    })
    .map(change => change.path)
}

/** Whether every path the plan changes still holds what it held when the plan was made. */
export function stillAsRead(
  plan: Pick<ConfigurationPlan, 'changes'>,
  actual: IntegrationConfiguration
): boolean {
  return plan.changes.every(change => {
    const tokens = parsePointer(change.path) ?? []
    return valueShows(valueAt(actual, tokens), change.before, tokens)
  })
}
