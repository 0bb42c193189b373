/**
 * Export: the configurations LaunchDarkly holds, as desired-state files a team can commit, one per
 * integration (split into parts where one file would pass the loader's size limit). Stable (sorted
 * by name, then ID; keys in the schema's order), so that exporting again gives the same bytes; and
 * safe: a secret string is never written, only a `${VAR}` placeholder whose name identifies the
 * integration, the configuration and the key (export-names.ts). Whether the files read back is
 * proven before they are written (export-proof.ts).
 */
import { MAX_DOCUMENT_BYTES } from './documents.js'
import { secretVariableName } from './export-names.js'
import { WRITABLE_FIELDS } from '../generated/fields.js'
import { formatPointer } from './json-patch.js'
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
  /** The configuration's ID. */
  id: string
  /** The pointer of the secret within the configuration. */
  path: string
}

/** A configuration that cannot be written so that it reads back, and why. */
export interface Unexportable {
  integrationKey: string
  configuration: IntegrationConfiguration
  problem: string
}

export interface Export {
  files: ExportedFile[]
  variables: SecretVariable[]
  /** Configurations no file can hold (one alone is larger than a file may be). */
  unexportable: Unexportable[]
}

/** What the report of an export shows: no configuration, only where each went and the secrets. */
export interface ExportReport {
  files: { path: string; integrationKey: string; count: number }[]
  variables: SecretVariable[]
}

export function reportOfExport(exported: Pick<Export, 'files' | 'variables'>): ExportReport {
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

/**
 * The files of integration `key`: `<key>.yaml`, then `<key>--part-2.yaml`… when one file would be
 * larger than the loader takes. No integration key holds `--`, so no part is another key's file.
 */
export function exportFilePath(directory: string, integrationKey: string, part = 1): string {
  const suffix = part === 1 ? '' : `--part-${part}`
  return `${directory.replace(/\/+$/, '')}/${integrationKey}${suffix}.yaml`
}

/** Whether a file name is one an export of this integration writes. */
export function isExportFileOf(name: string, integrationKey: string): boolean {
  if (name === `${integrationKey}.yaml`) return true
  const part = name.startsWith(`${integrationKey}--part-`)
    ? name.slice(integrationKey.length + '--part-'.length)
    : ''
  return /^[1-9][0-9]*\.yaml$/.test(part)
}

export async function exportConfigurations(
  byKey: ReadonlyMap<string, readonly IntegrationConfiguration[]>,
  options: ExportOptions,
  maxFileBytes = MAX_DOCUMENT_BYTES
): Promise<Export> {
  const { stringify } = await import('yaml')
  const integrations = [...byKey]
    .sort(([a], [b]) => compare(a, b))
    .filter(([, found]) => found.length > 0)
    .map(([integrationKey, found]) => ({
      integrationKey,
      configurations: [...found].sort((a, b) => compare(a.name, b.name) || compare(a._id, b._id))
    }))

  const variables: SecretVariable[] = []
  const files: ExportedFile[] = []
  const unexportable: Unexportable[] = []
  for (const { integrationKey, configurations } of integrations) {
    // Each configuration as an item of the `configurations` list, on its own: a part is a header,
    // `configurations:` and its items, which is the text the list as a whole gives.
    const items = configurations.map(live => {
      const document = documentOf(integrationKey, live, tokens => {
        const name = secretVariableName(integrationKey, live._id, tokens)
        variables.push({
          name,
          integrationKey,
          configuration: live.name,
          id: live._id,
          path: formatPointer(tokens)
        })
        return `\${${name}}`
      })
      const text = stringify({ configurations: [document] }, { lineWidth: 0 })
      return { live, text: text.slice(text.indexOf('\n') + 1) }
    })
    const parts: { items: typeof items; bytes: number }[] = []
    for (const item of items) {
      const bytes = Buffer.byteLength(item.text, 'utf8')
      const last = parts[parts.length - 1]
      const header = Buffer.byteLength(headerOf(integrationKey, options.schema, parts.length + 1))
      if (header + bytes > maxFileBytes) {
        unexportable.push({
          integrationKey,
          configuration: item.live,
          problem: `written alone it takes ${bytes} bytes, more than the ${maxFileBytes} a desired-state file may hold, so no file can hold it`
        })
      } else if (last && last.bytes + bytes <= maxFileBytes) {
        last.items.push(item)
        last.bytes += bytes
      } else {
        parts.push({ items: [item], bytes: header + bytes })
      }
    }
    parts.forEach((part, index) => {
      files.push({
        path: exportFilePath(options.directory, integrationKey, index + 1),
        integrationKey,
        text: `${headerOf(integrationKey, options.schema, index + 1)}${part.items.map(item => item.text).join('')}`,
        configurations: part.items.map(item => item.live)
      })
    })
  }
  return { files, variables, unexportable }
}

function headerOf(integrationKey: string, schema: string, part: number): string {
  return `${[
    `# yaml-language-server: $schema=${schema}`,
    `# ${integrationKey}${part === 1 ? '' : `, part ${part}`}: exported from LaunchDarkly by the integration configuration action.`,
    "# Secrets are not here: each ${VAR} is read from the step's environment (a repository secret)."
  ].join('\n')}\nconfigurations:\n`
}

/** A configuration as a file holds it: only `id`, `integrationKey` and the writable fields. */
function documentOf(
  integrationKey: string,
  live: IntegrationConfiguration,
  placeholder: (tokens: readonly string[]) => string
): Record<string, unknown> {
  const document: Record<string, unknown> = {}
  const source: Record<string, unknown> = { ...live, integrationKey, id: live._id }
  for (const field of FIELD_ORDER) {
    const value = source[field]
    if (value === undefined) continue
    document[field] = toFileValue([field], value, {
      secret: tokens => isSecretPath(tokens, { integrationKey, live }),
      placeholder
    })
  }
  return document
}

interface ValueRules {
  secret(tokens: readonly string[]): boolean
  placeholder(tokens: readonly string[]): string
}

/**
 * A value as a file holds it: a secret string as a placeholder, `${` written `$${` so it stays
 * literal. Only strings become placeholders: a `${VAR}` is substituted as a string, so a number or
 * a boolean at a secret path is written as itself (LaunchDarkly showed it in clear; its mask would
 * be a string) and reads back as the same number or boolean.
 */
function toFileValue(tokens: string[], value: unknown, rules: ValueRules): unknown {
  if (typeof value === 'string') {
    return rules.secret(tokens) ? rules.placeholder(tokens) : value.replace(/\$\{/g, () => '$${')
  }
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

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
