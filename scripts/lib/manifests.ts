/**
 * Reads the LaunchDarkly integration manifests kept in spec/launchdarkly-manifests: for each
 * integration that supports configurations, the configValues keys its manifest marks isSecret.
 * Used by the generator of src/generated/manifest-secrets.ts and by the LaunchDarkly emulator.
 */
import { readdirSync, readFileSync } from 'node:fs'

export const MANIFEST_DIR = new URL('../../spec/launchdarkly-manifests/', import.meta.url)

interface Manifest {
  formVariables?: { key: string; isSecret?: boolean }[]
}

export function loadManifestSecrets(): Record<string, string[]> {
  const secrets: Record<string, string[]> = {}
  for (const file of readdirSync(MANIFEST_DIR).sort()) {
    if (!file.endsWith('.manifest.json')) continue
    const manifest = JSON.parse(readFileSync(new URL(file, MANIFEST_DIR), 'utf8')) as Manifest
    const integrationKey = file.replace(/\.manifest\.json$/, '')
    secrets[integrationKey] = (manifest.formVariables ?? [])
      .filter(variable => variable.isSecret === true)
      .map(variable => variable.key)
  }
  return secrets
}
