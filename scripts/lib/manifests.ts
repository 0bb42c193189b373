/**
 * Reads the LaunchDarkly integration manifests kept in spec/launchdarkly-manifests: for each
 * integration that supports configurations, its name, whether it needs an OAuth connection, and
 * what its manifest says of each configValues key (formVariables). Used by the generator of
 * src/generated/manifests.ts and by the LaunchDarkly emulator.
 */
import { readdirSync, readFileSync } from 'node:fs'
import type { IntegrationManifest, ManifestVariable } from '../../src/core/manifest-types.js'

export const MANIFEST_DIR = new URL('../../spec/launchdarkly-manifests/', import.meta.url)

interface RawManifest {
  name?: string
  requiresOAuth?: boolean
  formVariables?: (Partial<ManifestVariable> & { key: string; type: string })[]
}

/** Integration key → its manifest, in the order of the files' names. */
export function loadManifests(): Record<string, IntegrationManifest> {
  const manifests: Record<string, IntegrationManifest> = {}
  for (const file of readdirSync(MANIFEST_DIR).sort()) {
    if (!file.endsWith('.manifest.json')) continue
    const raw = JSON.parse(readFileSync(new URL(file, MANIFEST_DIR), 'utf8')) as RawManifest
    const integrationKey = file.replace(/\.manifest\.json$/, '')
    manifests[integrationKey] = {
      name: raw.name ?? integrationKey,
      requiresOAuth: raw.requiresOAuth === true,
      formVariables: (raw.formVariables ?? []).map(variable => ({
        key: variable.key,
        name: variable.name ?? variable.key,
        type: variable.type,
        // The framework's defaults (schemas/definitions.json): absent means false.
        isOptional: variable.isOptional === true,
        isSecret: variable.isSecret === true,
        isHidden: variable.isHidden === true,
        disableAfterSaving: variable.disableAfterSaving === true,
        ...(variable.allowedValues ? { allowedValues: variable.allowedValues } : {}),
        ...(variable.defaultValue !== undefined ? { defaultValue: variable.defaultValue } : {})
      }))
    }
  }
  return manifests
}

/** Integration key → the configValues keys its manifest marks isSecret. */
export function loadManifestSecrets(): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(loadManifests()).map(([key, manifest]) => [
      key,
      manifest.formVariables.filter(variable => variable.isSecret).map(variable => variable.key)
    ])
  )
}
