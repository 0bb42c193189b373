/**
 * The proof an export gives before it writes anything: every file it would write is loaded by the
 * action's own loader, with each `${VAR}` set to what LaunchDarkly showed at that place, and every
 * configuration is planned against the configuration it came from. A file that does not load, a
 * configuration that would change, one missing or one described twice, is a problem named by
 * integration and configuration: the export then writes nothing.
 */
import { loadDesiredState, type DesiredConfiguration } from './desired-state.js'
import { describeError } from './errors.js'
import type { Export, Unexportable } from './export.js'
import { parsePointer, valueAt } from './json-patch.js'
import { planDesired } from './plan.js'
import type { IntegrationConfiguration } from './types.js'

export async function proveRoundTrip(exported: Export): Promise<Unexportable[]> {
  const problems: Unexportable[] = [...exported.unexportable]
  const byId = new Map<string, { integrationKey: string; live: IntegrationConfiguration }>()
  for (const file of exported.files) {
    for (const live of file.configurations) {
      byId.set(live._id, { integrationKey: file.integrationKey, live })
    }
  }
  // Each variable set to the value LaunchDarkly showed at its place: a mask, or a value in clear.
  const environment: Record<string, string> = {}
  const owners = new Map<string, string>()
  for (const variable of exported.variables) {
    const source = byId.get(variable.id)
    if (!source) continue // a configuration no file holds: named below
    const value = valueAt(source.live, parsePointer(variable.path) ?? [])
    const owner = `${variable.id} ${variable.path}`
    const taken = owners.get(variable.name)
    owners.set(variable.name, taken ?? owner)
    if (typeof value !== 'string' || (taken !== undefined && taken !== owner)) {
      problems.push({
        integrationKey: variable.integrationKey,
        configuration: source.live,
        problem: `its secret variable ${variable.name} (${variable.path}) ${typeof value !== 'string' ? 'stands for no string' : 'is also given to another secret'}`
      })
      continue
    }
    environment[variable.name] = value
  }

  const seen = new Map<string, string>()
  for (const file of exported.files) {
    let loaded: DesiredConfiguration[]
    try {
      loaded = await loadDesiredState([{ path: file.path, text: file.text }], {
        configurationId: undefined,
        environment
      })
    } catch (error) {
      problems.push(...(await blame(file, environment, describeError(error))))
      continue
    }
    for (const desired of loaded) {
      const id = desired.id ?? ''
      const source = byId.get(id)
      const where = seen.get(id)
      if (!source || where !== undefined) {
        throw new Error(
          `The export's own file ${file.path} describes ${desired.label} ${where ? `again (also in ${where})` : 'which it was not given'}.`
        )
      }
      seen.set(id, file.path)
      const problem = replan(desired, source.live, source.integrationKey)
      if (problem) problems.push({ ...source, configuration: source.live, problem })
    }
  }
  for (const [id, source] of byId) {
    if (!seen.has(id) && !problems.some(p => p.configuration._id === id)) {
      problems.push({
        ...source,
        configuration: source.live,
        problem: 'no file read back holds it'
      })
    }
  }
  return problems
}

/** What planning the configuration as read back would do to the one it came from, if anything. */
function replan(
  desired: DesiredConfiguration,
  live: IntegrationConfiguration,
  integrationKey: string
): string | undefined {
  try {
    const plan = planDesired(live, desired.fields, desired.integrationKey ?? integrationKey, {
      rotateSecrets: false,
      substituted: desired.substitutedPaths
    })
    if (plan.action === 'none') return undefined
    return `read back, it would change ${plan.changes.map(change => change.path).join(', ')}`
  } catch (error) {
    return `read back, it cannot be planned: ${describeError(error)}`
  }
}

/**
 * A file that does not load: which of its configurations is at fault, found by loading each alone
 * (a file is a header, `configurations:` and one item per configuration). If none is on its own,
 * the file as a whole is, and every configuration in it is named.
 */
async function blame(
  file: Export['files'][number],
  environment: Readonly<Record<string, string>>,
  message: string
): Promise<Unexportable[]> {
  const { stringify } = await import('yaml')
  const problems: Unexportable[] = []
  for (const live of file.configurations) {
    const text = file.text
    const lines = text.split('\n')
    const start = lines.findIndex(line => line === 'configurations:')
    const header = lines.slice(0, start + 1).join('\n')
    const item = itemText(text, live._id, stringify)
    if (item === undefined) continue
    try {
      await loadDesiredState([{ path: file.path, text: `${header}\n${item}` }], {
        configurationId: undefined,
        environment
      })
    } catch (error) {
      problems.push({
        integrationKey: file.integrationKey,
        configuration: live,
        problem: describeError(error)
      })
    }
  }
  if (problems.length > 0) return problems
  return file.configurations.map(live => ({
    integrationKey: file.integrationKey,
    configuration: live,
    problem: `its file ${file.path} does not read back: ${message}`
  }))
}

/** The item of the `configurations` list whose `id` is this one, as the file spells it. */
function itemText(
  text: string,
  id: string,
  stringify: (value: unknown) => string
): string | undefined {
  const items = text.split(/\n(?= {2}- )/)
  const quoted = stringify(id).trim()
  return items.find(
    item => item.startsWith('  - id: ') && item.slice('  - id: '.length).split('\n')[0] === quoted
  )
}
