/**
 * Reads what LaunchDarkly holds for the configurations of a desired state, with as few requests as
 * the API allows: one list per integration key that has two or more configurations (or any found
 * by name), one GET for each of the others. Nothing is fetched twice.
 */
import { mapConcurrently } from '../concurrency.js'
import type { DesiredConfiguration } from '../core/desired-state.js'
import { ActionError } from '../core/errors.js'
import type { IntegrationConfiguration } from '../core/types.js'
import type { LaunchDarklyClient } from '../io/launchdarkly-client.js'

/** What was found for one configuration: the live one, nothing (it does not exist), or an error. */
export type LiveResult =
  | { kind: 'found'; live: IntegrationConfiguration }
  | { kind: 'missing'; notFound: string }
  | { kind: 'failed'; error: ActionError }

type Read = { kind: 'list'; integrationKey: string } | { kind: 'get'; id: string }

export async function readDesired(
  configurations: readonly DesiredConfiguration[],
  client: LaunchDarklyClient,
  concurrency: number
): Promise<LiveResult[]> {
  const counts = new Map<string, number>()
  for (const c of configurations) {
    if (c.integrationKey) counts.set(c.integrationKey, (counts.get(c.integrationKey) ?? 0) + 1)
  }
  const listed = (c: DesiredConfiguration) =>
    c.integrationKey !== undefined && (!c.id || (counts.get(c.integrationKey) ?? 0) >= 2)
  const reads: Read[] = []
  const readOf = new Map<DesiredConfiguration, Read>()
  const lists = new Map<string, Read>()
  for (const c of configurations) {
    let read: Read
    if (listed(c)) {
      const key = c.integrationKey as string
      read = lists.get(key) ?? { kind: 'list', integrationKey: key }
      if (!lists.has(key)) {
        lists.set(key, read)
        reads.push(read)
      }
    } else {
      read = { kind: 'get', id: c.id as string }
      reads.push(read)
    }
    readOf.set(c, read)
  }

  const answers = new Map<Read, IntegrationConfiguration[] | ActionError>()
  await mapConcurrently(reads, concurrency, async read => {
    try {
      const items =
        read.kind === 'list'
          ? await client.listConfigurations(read.integrationKey)
          : [await client.getConfiguration(read.id)]
      answers.set(read, items)
    } catch (error) {
      // A configuration that is not there is an answer, not a failure: it may be created.
      if (read.kind === 'get' && error instanceof ActionError && error.reason === 'not-found') {
        answers.set(read, [])
      } else {
        answers.set(read, toActionError(error))
      }
    }
  })

  const claimed = new Map<string, DesiredConfiguration>()
  return configurations.map(c => {
    const answer = answers.get(readOf.get(c) as Read) as IntegrationConfiguration[] | ActionError
    if (answer instanceof ActionError) return { kind: 'failed', error: answer }
    const result = pick(c, answer)
    if (result.kind !== 'found') return result
    const owner = claimed.get(result.live._id)
    if (owner) {
      return {
        kind: 'failed',
        error: new ActionError(
          `${c.file} configuration ${c.label} and ${owner.file} configuration ${owner.label} are the same LaunchDarkly configuration (${result.live._id}): describe it once.`,
          'invalid-input'
        )
      }
    }
    claimed.set(result.live._id, c)
    return result
  })
}

function pick(c: DesiredConfiguration, items: IntegrationConfiguration[]): LiveResult {
  const where = c.integrationKey ? ` of integration ${c.integrationKey}` : ''
  if (c.id) {
    const live = items.find(item => item._id === c.id)
    if (!live)
      return { kind: 'missing', notFound: `there is no configuration with id ${c.id}${where}` }
    if (c.integrationKey && live._integrationKey && live._integrationKey !== c.integrationKey) {
      return {
        kind: 'failed',
        error: new ActionError(
          `${c.file} configuration ${c.label} says integrationKey ${c.integrationKey}, but configuration ${c.id} belongs to ${live._integrationKey}: fix one of the two.`,
          'invalid-input'
        )
      }
    }
    return { kind: 'found', live }
  }
  const named = items.filter(item => item.name === c.name)
  if (named.length > 1) {
    return {
      kind: 'failed',
      error: new ActionError(
        `${c.file} configuration ${c.label}: ${named.length} configurations${where} are named "${c.name}" (${named.map(n => n._id).join(', ')}). Say which one with \`id\`.`,
        'invalid-input'
      )
    }
  }
  const live = named[0]
  return live
    ? { kind: 'found', live }
    : { kind: 'missing', notFound: `there is no configuration named "${c.name}"${where}` }
}

export function toActionError(error: unknown): ActionError {
  if (error instanceof ActionError) return error
  return new ActionError(error instanceof Error ? error.message : String(error), 'internal')
}
