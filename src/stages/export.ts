/**
 * The export: one list per integration key, a read by ID for each list item that does not carry
 * every setting, then the desired-state files, proven to read back before any is written. No file
 * is replaced without `export-overwrite`; that, and that the directory is in the workspace, are
 * checked before any request.
 */
import { ActionError, InputError, toActionError } from '../core/errors.js'
import {
  exportConfigurations,
  isExportFileOf,
  reportOfExport,
  type Export
} from '../core/export.js'
import { proveRoundTrip } from '../core/export-proof.js'
import type { Settings, Work } from '../core/inputs.js'
import type { Log } from '../core/log.js'
import { runFailure, type Outcome } from '../core/outcome.js'
import { redactOutcome } from '../core/redact.js'
import type { Scrubber } from '../core/secrets.js'
import type { IntegrationConfiguration } from '../core/types.js'
import { workspaceTarget, type FileTarget } from '../io/files.js'
import type { LaunchDarklyClient } from '../io/launchdarkly/client.js'
import type { RunContext } from '../io/run-context.js'
import { carriesSettings } from './read.js'
import { reportFacts, schemaReference, type RunReport } from './report.js'

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

/** What an export run is given: main.ts makes each of these once. */
export interface ExportRun {
  client: LaunchDarklyClient
  settings: Settings
  context: RunContext
  log: Log
  scrubber: Scrubber
}

/** An export run, from the inputs to its report (an export comments on no pull request). */
export async function runExport(work: ExportWork, run: ExportRun): Promise<RunReport> {
  const { client, settings, context, scrubber } = run
  const { outcomes, exported } = await exportWork(work, {
    client,
    files: workspaceTarget(context.workspace, 'export-to'),
    log: run.log,
    schema: schemaReference(context, work.directory)
  })
  run.log.debug(`LaunchDarkly requests: ${JSON.stringify(client.stats)}`)
  const redacted = outcomes.map(outcome => redactOutcome(outcome, scrubber))
  const facts = { ...reportFacts(settings, context, false), directory: work.directory }
  return {
    kind: 'export',
    context,
    settings,
    outcomes: redacted,
    failure: runFailure(redacted, facts),
    directory: work.directory,
    // Names come from LaunchDarkly: scrubbed like every other string a report shows.
    exported: scrubber.scrubDeep(reportOfExport(exported))
  }
}

export async function exportWork(work: ExportWork, context: ExportContext): Promise<ExportResult> {
  // The files an export of these keys may write: `<key>.yaml`, and its parts.
  const ours = (name: string) => work.integrationKeys.some(key => isExportFileOf(name, key))
  const existing = context.files.list(work.directory).filter(ours)
  if (!work.overwrite && existing.length > 0) {
    const paths = existing.map(name => `${work.directory}/${name}`)
    throw new InputError(
      'export-overwrite',
      `is false, and ${paths.join(', ')} ${paths.length === 1 ? 'exists' : 'exist'} already: set \`export-overwrite: true\` to replace ${paths.length === 1 ? 'it' : 'them'}, or export to another directory.`
    )
  }
  context.files.prepare(work.directory)
  const failures: Outcome[] = []
  const listed = await Promise.all(
    work.integrationKeys.map(async (key): Promise<[string, IntegrationConfiguration[]]> => {
      try {
        return [key, await readWhole(key, context.client)]
      } catch (error) {
        const { message, reason } = toActionError(error)
        failures.push(outcomeOf(key, undefined, { message, reason }))
        return [key, []]
      }
    })
  )
  const exported = await exportConfigurations(new Map(listed), {
    directory: work.directory,
    schema: context.schema
  })
  // Nothing is written unless every file reads back to what LaunchDarkly holds.
  const problems = await proveRoundTrip(exported)
  if (problems.length > 0) {
    const outcomes = problems.map(({ integrationKey, configuration, problem }) =>
      outcomeOf(integrationKey, configuration, {
        reason: 'api-error',
        message: `${configuration.name} (${configuration._id}, ${integrationKey}) cannot be exported so that it reads back: ${problem}. No file was written. Leave the integration out with \`integration-keys\`, or change the configuration in LaunchDarkly.`
      })
    )
    return {
      outcomes: [...failures, ...outcomes],
      exported: { ...exported, files: [], variables: [] }
    }
  }
  const outcomes: Outcome[] = [...failures]
  const written = new Set<string>()
  for (const file of exported.files) {
    context.files.write(file.path, file.text, work.overwrite)
    written.add(file.path)
    context.log.info(
      `Wrote ${file.path}: ${file.configurations.length} configuration${file.configurations.length === 1 ? '' : 's'} of ${file.integrationKey}.`
    )
    for (const live of file.configurations) {
      outcomes.push({
        ...outcomeOf(file.integrationKey, live),
        file: file.path,
        status: 'exported'
      })
    }
  }
  // A part left from an earlier, larger export would describe its configurations twice.
  for (const name of existing) {
    const path = `${work.directory}/${name}`
    const key = work.integrationKeys.find(k => isExportFileOf(name, k))
    const listedOk = key !== undefined && !failures.some(f => f.integrationKey === key)
    if (!written.has(path) && name.includes('--part-') && listedOk) {
      context.files.remove(path)
      context.log.info(`Removed ${path}: the export of ${key} has fewer parts now.`)
    }
  }
  return { outcomes, exported }
}

/**
 * Every configuration of an integration, each as a read by ID gives it: a list item that does not
 * carry every setting (the spec requires only `_links`, `_id` and `name`) is read by ID; one
 * deleted since it was listed is left out.
 */
async function readWhole(
  integrationKey: string,
  client: LaunchDarklyClient
): Promise<IntegrationConfiguration[]> {
  const items = await client.listConfigurations(integrationKey)
  const whole = await Promise.all(
    items.map(async item => {
      if (carriesSettings(item)) return item
      try {
        return await client.getConfiguration(item._id)
      } catch (error) {
        if (error instanceof ActionError && error.reason === 'not-found') return undefined
        throw error
      }
    })
  )
  return whole.filter(live => live !== undefined)
}

function outcomeOf(
  integrationKey: string,
  live: IntegrationConfiguration | undefined,
  error?: Outcome['error']
): Outcome {
  return {
    file: undefined,
    label: live?.name ?? integrationKey,
    id: live?._id,
    name: live?.name ?? integrationKey,
    integrationKey,
    status: error ? 'failed' : 'exported',
    warnings: [],
    notices: [],
    ...(error ? { error } : {})
  }
}
