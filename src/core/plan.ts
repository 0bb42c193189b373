/**
 * Plans: for one configuration, given what LaunchDarkly holds now, what it should become, the patch
 * (or creation) that gets it there, and the change for people to read, judged by the manifest's
 * rules. Pure functions of their inputs, so every rule is testable without a server. What a plan is,
 * and the plans that need no manifest, are in configuration-plan.ts: a patch-only run loads that
 * alone at start-up (stages/plan.ts), and the manifest's rules only when its patch needs them.
 */
import { diffConfigurations } from './diff.js'
import { ActionError } from './errors.js'
import type { JsonObject, Operation } from './json-patch.js'
import { checkWrite, judgePatch } from './write-rules.js'
import {
  collectSecrets,
  finishPlan,
  patchPlan,
  type ConfigurationPlan,
  type DeletePlan,
  type DesiredFields,
  type PlanOptions,
  type UnchangedPlan,
  type UpdatePlan
} from './configuration-plan.js'
import { toJsonObject, WRITABLE_FIELDS, type IntegrationConfiguration } from './types.js'

export * from './configuration-plan.js'

/**
 * Plans the user's JSON Patch operations against the live configuration. `input` names where the
 * operations came from (patch, patch-file or enabled), for messages.
 */
export function planPatch(
  live: IntegrationConfiguration,
  userOperations: readonly Operation[],
  input = 'patch'
): UpdatePlan | UnchangedPlan | DeletePlan {
  return judgePatch(patchPlan(live, userOperations, input), input)
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
  return finishPlan(live, expected, operations, { changes, undecided, substituted, ...findings })
}
