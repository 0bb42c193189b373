/**
 * The export: one list per integration key, a read by ID for each list item that left its
 * configValues out, then one desired-state file per key that has configurations. No file is
 * replaced without `export-overwrite`; that, and that the directory is in the workspace, are
 * checked before any request.
 */
import { InputError, toActionError } from '../core/errors.js'
import { exportConfigurations, type Export } from '../core/export.js'
import type { Work } from '../core/inputs.js'
import type { Log } from '../core/log.js'
import type { Outcome } from '../core/outcome.js'
import type { IntegrationConfiguration } from '../core/types.js'
import type { FileTarget } from '../io/files.js'
import type { LaunchDarklyClient } from '../io/launchdarkly/client.js'

type ExportWork = Extract<Work, { kind: 'export' }>

export interface ExportContext {
  client: LaunchDarklyClient
  files: FileTarget
  log: Log
  /** What the files' `# yaml-language-server: $schema=` line points to. */
  schema: string
}

export interface ExportResult {
  outcomes: Outcome[]
  exported: Export
}

export async function exportWork(work: ExportWork, context: ExportContext): Promise<ExportResult> {
  const path = (key: string) => `${work.directory}/${key}.yaml`
  if (!work.overwrite) {
    const existing = work.integrationKeys.map(path).filter(file => context.files.exists(file))
    if (existing.length > 0) {
      throw new InputError(
        'export-overwrite',
        `is false, and ${existing.join(', ')} ${existing.length === 1 ? 'exists' : 'exist'} already: set \`export-overwrite: true\` to replace ${existing.length === 1 ? 'it' : 'them'}, or export to another directory.`
      )
    }
  }
  context.files.prepare(work.directory)
  const failures: Outcome[] = []
  const listed = await Promise.all(
    work.integrationKeys.map(async (key): Promise<[string, IntegrationConfiguration[]]> => {
      try {
        const items = await context.client.listConfigurations(key)
        // A list item without its configValues is a summary: the configuration is read whole.
        const whole = await Promise.all(
          items.map(async item =>
            item.configValues === undefined ? context.client.getConfiguration(item._id) : item
          )
        )
        return [key, whole]
      } catch (error) {
        const { message, reason } = toActionError(error)
        failures.push({
          file: undefined,
          label: key,
          id: undefined,
          name: key,
          integrationKey: key,
          status: 'failed',
          warnings: [],
          notices: [],
          error: { message, reason }
        })
        return [key, []]
      }
    })
  )
  const exported = await exportConfigurations(new Map(listed), {
    directory: work.directory,
    schema: context.schema
  })
  const outcomes: Outcome[] = [...failures]
  for (const file of exported.files) {
    context.files.write(file.path, file.text, work.overwrite)
    context.log.info(
      `Wrote ${file.path}: ${file.configurations.length} configuration${file.configurations.length === 1 ? '' : 's'} of ${file.integrationKey}.`
    )
    for (const live of file.configurations) {
      outcomes.push({
        file: file.path,
        label: live.name,
        id: live._id,
        name: live.name,
        integrationKey: file.integrationKey,
        status: 'exported',
        warnings: [],
        notices: []
      })
    }
  }
  return { outcomes, exported }
}
