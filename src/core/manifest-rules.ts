/**
 * What LaunchDarkly's integration manifests say of configValues, checked before anything is
 * written: the keys a creation needs, the values an enum, a boolean, a URL or a list allows, the keys
 * LaunchDarkly does not let be edited once saved, and the integrations that need an OAuth connection
 * made in its UI. Whether LaunchDarkly checks these itself is not documented, so the action does.
 */
import { MANIFESTS } from '../generated/manifests.js'
import type { IntegrationManifest, ManifestVariable } from './manifest-types.js'
import { closest } from './suggest.js'

export interface ManifestFindings {
  /** Problems that stop the write. */
  errors: string[]
  /** Worth a warning; the write goes ahead. */
  warnings: string[]
  /** Worth a notice. */
  notices: string[]
}

export type Manifests = Readonly<Record<string, IntegrationManifest>>

export interface ConfigValuesCheck {
  integrationKey: string
  /** The configValues the configuration will have (what the file or patch gives). */
  configValues: Readonly<Record<string, unknown>>
  /** The keys whose values this write sends: every key for a creation. */
  written: readonly string[]
  creating: boolean
}

/** The integrations whose manifests the action has: every one that supports configurations. */
export function knownIntegrations(): string[] {
  return Object.keys(MANIFESTS)
}

export function checkConfigValues(
  check: ConfigValuesCheck,
  manifests: Manifests = MANIFESTS
): ManifestFindings {
  const findings: ManifestFindings = { errors: [], warnings: [], notices: [] }
  const manifest = manifests[check.integrationKey]
  if (!manifest) {
    findings.notices.push(
      `The action has no manifest of integration "${check.integrationKey}" (it knows ${Object.keys(manifests).join(', ')}): its configValues are sent as they are, unchecked.`
    )
    return findings
  }
  const variables = new Map(manifest.formVariables.map(variable => [variable.key, variable]))
  const known = manifest.formVariables.map(variable => variable.key)
  if (check.creating) {
    const missing = manifest.formVariables.filter(
      variable => !variable.isOptional && check.configValues[variable.key] === undefined
    )
    if (missing.length > 0) {
      findings.errors.push(
        `${manifest.name} needs ${missing.map(describe).join(', ')} in configValues to create a configuration (its manifest marks ${missing.length === 1 ? 'it' : 'them'} required).`
      )
    }
    if (manifest.requiresOAuth) {
      findings.warnings.push(
        `${manifest.name} needs an OAuth connection, which only LaunchDarkly's UI can make: after the configuration is created, open it in LaunchDarkly (Integrations → ${manifest.name}) and complete the connection, or it will not work.`
      )
    }
  }
  for (const key of check.written) {
    if (variables.has(key)) continue
    const guess = closest(key, known)
    findings.warnings.push(
      `configValues.${key} is not a key of ${manifest.name}'s manifest${guess ? ` (did you mean ${guess}?)` : ''}; its keys are ${known.length > 0 ? known.join(', ') : 'none'}. It is sent as it is.`
    )
  }
  const problems = configValueProblems(
    check.integrationKey,
    check.configValues,
    check.written,
    manifests
  )
  findings.errors.push(...problems.map(problem => problem.message))
  return findings
}

/**
 * The values among `keys` that do not fit what the manifest says of them (an enum's allowed
 * values, a boolean, a URL...), or that remove a required key. Keys the manifest does not know
 * are not problems here (they are warnings); neither is an integration without a manifest.
 */
export function configValueProblems(
  integrationKey: string,
  configValues: Readonly<Record<string, unknown>>,
  keys: readonly string[],
  manifests: Manifests = MANIFESTS
): { key: string; message: string }[] {
  const manifest = manifests[integrationKey]
  const problems: { key: string; message: string }[] = []
  const unknown = Object.keys(configValues).filter(
    key => !manifest?.formVariables.some(variable => variable.key === key)
  )
  for (const key of keys) {
    const variable = manifest?.formVariables.find(candidate => candidate.key === key)
    if (!variable) continue
    const value = configValues[key]
    // A required key missing beside an unknown one that is nearly its name: a typo, named.
    const typo = value === undefined && !variable.isOptional ? closest(key, unknown) : undefined
    if (typo && manifest) {
      problems.push({
        key: typo,
        message: `configValues.${typo} is not a key of ${manifest.name}'s manifest: did you mean ${key} (${variable.name})? ${key} is required, so it cannot be left out.`
      })
      continue
    }
    const problem =
      value === undefined
        ? variable.isOptional
          ? undefined
          : 'is required by the manifest: it cannot be removed'
        : valueProblem(variable, value)
    if (problem)
      problems.push({ key, message: `configValues.${key} (${variable.name}) ${problem}.` })
  }
  return problems
}

/**
 * Keys of a live configuration that the write would change though LaunchDarkly does not let them
 * be edited once the configuration is saved (the manifest's disableAfterSaving).
 */
export function lockedKeysChanged(
  integrationKey: string | undefined,
  written: readonly string[],
  manifests: Manifests = MANIFESTS
): string | undefined {
  const manifest = integrationKey === undefined ? undefined : manifests[integrationKey]
  const locked = (manifest?.formVariables ?? []).filter(
    variable => variable.disableAfterSaving && written.includes(variable.key)
  )
  if (!manifest || locked.length === 0) return undefined
  return `${manifest.name} does not allow editing ${locked.map(describe).join(', ')} after the configuration is saved (its manifest says disableAfterSaving). Keep the value LaunchDarkly has, or create a new configuration with the new value.`
}

function describe(variable: ManifestVariable): string {
  return `${variable.key} (${variable.name})`
}

/** Why a value does not fit what the manifest says of its key; undefined when it does. */
function valueProblem(variable: ManifestVariable, value: unknown): string | undefined {
  // Secret values are never quoted: the message could show them.
  const shown = variable.isSecret ? 'the value given' : JSON.stringify(value)
  switch (variable.type) {
    case 'enum':
      return typeof value === 'string' && (variable.allowedValues ?? [value]).includes(value)
        ? undefined
        : `must be one of ${(variable.allowedValues ?? []).join(', ')}, not ${shown}`
    case 'boolean':
      return typeof value === 'boolean'
        ? undefined
        : `must be true or false (a YAML or JSON boolean, unquoted), not ${shown}`
    case 'uri':
      return isWebUrl(value) ? undefined : `must be an http or https URL, not ${shown}`
    case 'string':
      return typeof value === 'string' ? undefined : `must be a string, not ${shown}`
    case 'multiselect': {
      const allowed = variable.allowedValues
      const fits =
        Array.isArray(value) &&
        value.every(item => typeof item === 'string' && (!allowed || allowed.includes(item)))
      return fits
        ? undefined
        : `must be a list of strings${allowed ? ` among ${allowed.join(', ')}` : ''}, not ${shown}`
    }
    default:
      // environmentSelector, publicKey, oauth, dynamicEnum...: LaunchDarkly's own shapes.
      return undefined
  }
}

function isWebUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:'
  } catch {
    return false
  }
}
