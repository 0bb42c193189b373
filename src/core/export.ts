/**
 * Export: the configurations LaunchDarkly holds, as desired-state files a team can commit, one per
 * integration. Stable (sorted by name, then ID; keys in the schema's order), so that exporting
 * again gives the same bytes; and safe: a secret is never written, only a `${VAR}` placeholder whose
 * name is derived from the integration, the configuration and the key, for a repository secret.
 * Planning the files right after, with those secrets set, finds nothing to change.
 */
import { WRITABLE_FIELDS } from '../generated/fields.js'
import type { JsonValue } from './json-patch.js'
import { isSecretPath } from './secrets.js'
import type { IntegrationConfiguration } from './types.js'

export interface ExportedFile {
  /** Relative to the workspace. */
  path: string
  integrationKey: string
  text: string
  configurations: IntegrationConfiguration[]
}

/** A secret the files refer to: the environment variable (and repository secret) to set. */
export interface SecretVariable {
  name: string
  integrationKey: string
  configuration: string
  /** The pointer of the secret within the configuration. */
  path: string
}

export interface Export {
  files: ExportedFile[]
  variables: SecretVariable[]
}

/** What the report of an export shows: no configuration, only where each went and the secrets. */
export interface ExportReport {
  files: { path: string; integrationKey: string; count: number }[]
  variables: SecretVariable[]
}

export function reportOfExport(exported: Export): ExportReport {
  return {
    files: exported.files.map(file => ({
      path: file.path,
      integrationKey: file.integrationKey,
      count: file.configurations.length
    })),
    variables: exported.variables
  }
}

export interface ExportOptions {
  /** The directory, relative to the workspace, as the user gave it. */
  directory: string
  /** What the `# yaml-language-server: $schema=` line points to. */
  schema: string
}

/** The order of the desired-state schema's properties: how to find it, then what it holds. */
const FIELD_ORDER = ['id', 'integrationKey', ...WRITABLE_FIELDS]

export async function exportConfigurations(
  byKey: ReadonlyMap<string, readonly IntegrationConfiguration[]>,
  options: ExportOptions
): Promise<Export> {
  const { stringify } = await import('yaml')
  const taken = new Set<string>()
  const variables: SecretVariable[] = []
  const files: ExportedFile[] = []
  for (const [integrationKey, found] of [...byKey].sort(([a], [b]) => compare(a, b))) {
    if (found.length === 0) continue
    const configurations = [...found].sort(
      (a, b) => compare(a.name, b.name) || compare(a._id, b._id)
    )
    const documents = configurations.map(live => {
      const document: Record<string, JsonValue> = {}
      const source: Record<string, unknown> = { ...live, integrationKey, id: live._id }
      for (const field of FIELD_ORDER) {
        const value = source[field]
        if (value === undefined) continue
        document[field] = toFileValue([field], value as JsonValue, {
          secret: tokens => isSecretPath(tokens, { integrationKey, live }),
          placeholder: tokens => {
            const name = variableName(integrationKey, live, tokens, taken)
            variables.push({
              name,
              integrationKey,
              configuration: live.name,
              path: `/${tokens.join('/')}`
            })
            return `\${${name}}`
          }
        })
      }
      return document
    })
    const path = `${options.directory.replace(/\/+$/, '')}/${integrationKey}.yaml`
    const header = [
      `# yaml-language-server: $schema=${options.schema}`,
      `# ${integrationKey}: exported from LaunchDarkly by the integration configuration action.`,
      "# Secrets are not here: each ${VAR} is read from the step's environment (a repository secret)."
    ].join('\n')
    const text = `${header}\n${stringify({ configurations: documents }, { lineWidth: 0 })}`
    files.push({ path, integrationKey, text, configurations })
  }
  return { files, variables }
}

interface ValueRules {
  secret(tokens: readonly string[]): boolean
  placeholder(tokens: readonly string[]): string
}

/** A value as a file holds it: secrets as placeholders, `${` written `$${` so it stays literal. */
function toFileValue(tokens: string[], value: JsonValue, rules: ValueRules): JsonValue {
  if (
    rules.secret(tokens) &&
    (typeof value === 'string' || value === null || typeof value !== 'object')
  ) {
    return rules.placeholder(tokens)
  }
  if (typeof value === 'string') return value.replace(/\$\{/g, () => '$${')
  if (Array.isArray(value))
    return value.map((item, i) => toFileValue([...tokens, String(i)], item, rules))
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [
        key,
        toFileValue([...tokens, key], inner, rules)
      ])
    )
  }
  return value
}

/**
 * LAUNCHDARKLY_<INTEGRATION>_<CONFIGURATION>_<KEY>: a valid name for an environment variable and
 * a repository secret (letters, digits and _, not starting with a digit or GITHUB_), the same on
 * every export. Not LD_…: the dynamic linker reads variables of that prefix. Two configurations
 * whose names read the same get their IDs' ends appended.
 */
function variableName(
  integrationKey: string,
  live: IntegrationConfiguration,
  tokens: readonly string[],
  taken: Set<string>
): string {
  const part = (value: string) =>
    value
      .toUpperCase()
      .replace(/[^A-Z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
  const field = tokens.slice(1).map(part).join('_')
  const base = ['LAUNCHDARKLY', part(integrationKey), part(live.name) || 'CONFIGURATION', field]
    .filter(Boolean)
    .join('_')
  let name = base
  if (taken.has(name)) name = `${base}_${part(live._id.slice(-6))}`
  taken.add(name)
  return name
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
