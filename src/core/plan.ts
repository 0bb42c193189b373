/**
 * Plans: for one configuration, given what LaunchDarkly holds now, what it should become, the patch
 * (or creation) that gets it there, and the change for people to read. Pure functions of their
 * inputs, so every rule is testable without a server.
 */
import { validateConfigurationRep } from '../generated/validators.js'
import { diffConfigurations, valueShows, type FieldChange, type UndecidedSecret } from './diff.js'
import { ActionError } from './errors.js'
import { checkConfigValues, lockedKeysChanged } from './manifest-rules.js'
import {
  applyOperations,
  parsePointer,
  PatchApplyError,
  valueAt,
  type JsonObject,
  type JsonValue,
  type Operation
} from './json-patch.js'
import { isRecord } from './narrow.js'
import { isDeletion } from './operations.js'
import { holdsSecret, type SecretScope } from './secrets.js'
import {
  toJsonObject,
  WRITABLE_FIELDS,
  type IntegrationConfiguration,
  type IntegrationConfigurationPost,
  type WritableField
} from './types.js'

interface PlanBase {
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
 * Plans the user's JSON Patch operations against the live configuration. `input` names where the
 * operations came from (patch, patch-file or enabled), for messages.
 */
export function planPatch(
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
  const findings = checkWrite(integrationKey, expected, changes, false, `Input \`${input}\``)
  // The user's leading tests are preconditions: send them too, so LaunchDarkly checks them atomically.
  const preconditions: Operation[] = []
  for (const operation of userOperations) {
    if (operation.op !== 'test') break
    preconditions.push(operation)
  }
  return finish(live, expected, changes.length === 0 ? [] : [...preconditions, ...operations], {
    changes,
    undecided,
    substituted: [],
    ...findings
  })
}

/** Plans a desired configuration: the fields it gives are managed exactly, the others left alone. */
export function planDesired(
  live: IntegrationConfiguration | undefined,
  desired: DesiredFields,
  integrationKey: string | undefined,
  options: PlanOptions
): ConfigurationPlan {
  const fields = WRITABLE_FIELDS.filter(field => desired[field] !== undefined)
  const substituted = options.substituted ?? []
  const desiredDocument = toJsonObject(structuredClone(desired))
  if (!live) {
    if (integrationKey === undefined || desired.name === undefined || !desired.configValues) {
      throw new ActionError(
        'A configuration is created with an integrationKey, a name and configValues.',
        'invalid-input'
      )
    }
    const body = {
      ...structuredClone(desired),
      name: desired.name,
      configValues: desired.configValues
    }
    // Diffing from empty objects lists each configValues key on its own, so a secret is named alone.
    const empty: JsonObject = { configValues: {}, capabilityConfig: {} }
    const { changes } = diffConfigurations(empty, desiredDocument, fields, {
      scope: { integrationKey, substituted },
      rotateSecrets: false
    })
    return {
      action: 'create',
      integrationKey,
      expected: desiredDocument,
      body,
      changes,
      undecided: [],
      secretValues: collectSecrets(changes),
      substituted,
      ...checkWrite(integrationKey, desiredDocument, changes, true, 'The configuration')
    }
  }
  const liveDocument = toJsonObject(live)
  const expected = { ...liveDocument, ...desiredDocument }
  const key = live._integrationKey ?? integrationKey
  const { operations, changes, undecided } = diffConfigurations(liveDocument, expected, fields, {
    scope: { integrationKey: key, substituted },
    rotateSecrets: options.rotateSecrets
  })
  const findings = checkWrite(key, expected, changes, false, 'The configuration')
  return finish(live, expected, operations, { changes, undecided, substituted, ...findings })
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
 * The manifest's rules for the configValues keys a write sends (every key, for a creation):
 * a problem stops the plan (nothing is written); warnings and notices go with it.
 */
function checkWrite(
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

/** The configValues keys a change writes (adds, replaces or removes). */
function writtenConfigKeys(changes: readonly FieldChange[]): string[] {
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

function finish(
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

function collectSecrets(changes: readonly FieldChange[]): string[] {
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
