/**
 * Reads what LaunchDarkly holds for the configurations of a desired state, with as few requests as
 * the API allows: one list per integration key the files name (it finds every configuration of the
 * key, and the ones no file describes), one GET for each configuration given by ID alone, and one
 * GET for each listed configuration whose list item left out a field the decision about it needs
 * (a field the file manages; every setting of one to delete; the tags of one `prune` may keep).
 * The spec requires only `_links`, `_id` and `name` of a list item: nothing else is taken for
 * granted. Nothing is fetched twice.
 */
import type { DesiredConfiguration } from '../core/desired-state.js'
import { ActionError, toActionError } from '../core/errors.js'
import type { IntegrationConfiguration } from '../core/types.js'
import type { LaunchDarklyClient } from '../io/launchdarkly/client.js'

/**
 * What was found for one configuration: the live one, nothing (it does not exist), or an error.
 * A failure keeps the IDs the file was matched to (its `id`, the items its name matched), so that
 * a configuration a file describes is never reported as one that no file describes.
 */
export type LiveResult =
  | { kind: 'found'; live: IntegrationConfiguration }
  | { kind: 'missing'; notFound: string }
  | { kind: 'failed'; error: ActionError; matched?: string[] }

export interface Reads {
  /** One per configuration, in the order given. */
  results: Promise<LiveResult>[]
  /** Every configuration of each integration key the files name (or why it could not be listed). */
  lists: ReadonlyMap<string, Promise<IntegrationConfiguration[] | ActionError>>
}

/**
 * Starts every read at once (the client bounds how many are in flight) and answers each
 * configuration as soon as its own read is back, so that writes start while other reads go on.
 */

export function readDesired(
  configurations: readonly DesiredConfiguration[],
  client: LaunchDarklyClient
): Reads {
  const lists = new Map<string, Promise<IntegrationConfiguration[] | ActionError>>()
  const list = (integrationKey: string) => {
    let pending = lists.get(integrationKey)
    if (!pending) {
      pending = client.listConfigurations(integrationKey).catch(toActionError)
      lists.set(integrationKey, pending)
    }
    return pending
  }
  const get = (id: string) =>
    client.getConfiguration(id).then(
      live => [live],
      // A configuration that is not there is an answer, not a failure: it may be created.
      (error: unknown) =>
        error instanceof ActionError && error.reason === 'not-found' ? [] : toActionError(error)
    )
  // Configurations named by id elsewhere must not also be reached by name.
  const explicitIds = new Map<string, Extract<DesiredConfiguration, { by: 'id' }>>()
  for (const c of configurations) if (c.by === 'id') explicitIds.set(c.id, c)

  const read = async (c: DesiredConfiguration): Promise<LiveResult> => {
    // By name, from its integration's list; by id, from the list too when the file names the
    // integration (the list finds the others of the key), else by its id alone.
    const byList = c.by === 'name' || c.integrationKey !== undefined
    const answer = await (c.by === 'name'
      ? list(c.integrationKey)
      : c.integrationKey === undefined
        ? get(c.id)
        : list(c.integrationKey))
    if (answer instanceof ActionError) return { kind: 'failed', error: answer }
    const result = pick(c, answer)
    const owner = result.kind === 'found' && !c.id ? explicitIds.get(result.live._id) : undefined
    if (owner) {
      return {
        kind: 'failed',
        error: new ActionError(
          `${c.file} configuration ${c.label} and ${owner.file} configuration ${owner.label} are the same LaunchDarkly configuration (${owner.id}): describe it once.`,
          'invalid-input'
        ),
        matched: [owner.id]
      }
    }
    if (result.kind === 'found' && byList && isSummary(result.live, c)) {
      // The list gave a summary: the file manages a field it left out. Read the whole one.
      const [full] = await get(result.live._id).then(answer =>
        answer instanceof ActionError ? [answer] : answer
      )
      if (full instanceof ActionError) {
        return { kind: 'failed', error: full, matched: [result.live._id] }
      }
      return full ? { kind: 'found', live: full } : result
    }
    return result
  }
  // Each read asks for its list before its first await, so `lists` is complete when this returns.
  const results = configurations.map(async (c): Promise<LiveResult> => {
    const result = await read(c)
    if (result.kind !== 'failed' || !c.id || result.matched?.includes(c.id)) return result
    return { ...result, matched: [...(result.matched ?? []), c.id] }
  })
  return { results, lists }
}

/**
 * Whether a list item lacks a field the desired configuration manages. LaunchDarkly documents
 * that the lists of sibling resources leave a configuration's details out; planning from such an
 * item would rewrite them on every run.
 */
function isSummary(item: IntegrationConfiguration, c: DesiredConfiguration): boolean {
  return Object.keys(c.fields).some(field => !(field in item))
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
      ),
      matched: named.map(n => n._id)
    }
  }
  const live = named[0]
  return live
    ? { kind: 'found', live }
    : { kind: 'missing', notFound: `there is no configuration named "${c.name}"${where}` }
}

/**
 * The settings a deletion shows and an export writes, besides the name: a list item that carries
 * them all is the configuration as a read by ID gives it. capabilityConfig is not among them: a
 * read by ID leaves it out of a configuration that has none, so its absence cannot tell a summary
 * from a whole item; it comes with the details (configValues), as the lists of LaunchDarkly's
 * sibling resources are documented to give them all or none.
 */
const SETTINGS = ['enabled', 'tags', 'configValues'] as const

/** Whether a list item carries every setting: a deletion or an export can be decided from it. */
export function carriesSettings(item: IntegrationConfiguration): boolean {
  return SETTINGS.every(field => item[field] !== undefined)
}

/**
 * A configuration listed under an integration the files name that no file describes: to report
 * (`listed`), to keep (`kept`: it has the keep tag), to delete (`deletable`: as read whole), or
 * its read by ID failed (`failed`).
 */
export type UnmanagedRead =
  | { kind: 'listed' | 'kept'; integrationKey: string; live: IntegrationConfiguration }
  | { kind: 'deletable'; integrationKey: string; live: IntegrationConfiguration }
  | {
      kind: 'failed'
      integrationKey: string
      live: IntegrationConfiguration
      error: ActionError
    }

export interface PruneRule {
  prune: boolean
  keepTag: string
}

/**
 * The configurations no file describes, each read as far as the decision about it needs: none
 * further to be reported; its tags to be kept; every setting to be deleted, so that the plan shows
 * (and its fingerprint covers) everything that goes. A list item without them is read by ID; one
 * deleted meanwhile is left out. Each configuration once, even if two lists hold it.
 */
export async function readUnmanaged(
  reads: Reads,
  rule: PruneRule,
  client: LaunchDarklyClient
): Promise<UnmanagedRead[]> {
  // A configuration whose read failed after it was matched is still described: it failed already.
  const described = new Set(
    (await Promise.all(reads.results)).flatMap(r =>
      r.kind === 'found' ? [r.live._id] : r.kind === 'failed' ? (r.matched ?? []) : []
    )
  )
  const pending: Promise<UnmanagedRead | undefined>[] = []
  for (const [integrationKey, list] of reads.lists) {
    const listed = await list
    // A key that could not be listed has its configurations failed already.
    if (listed instanceof ActionError) continue
    for (const item of listed) {
      if (described.has(item._id)) continue
      described.add(item._id)
      pending.push(decide(integrationKey, item, rule, client))
    }
  }
  return (await Promise.all(pending)).filter(read => read !== undefined)
}

async function decide(
  integrationKey: string,
  item: IntegrationConfiguration,
  rule: PruneRule,
  client: LaunchDarklyClient
): Promise<UnmanagedRead | undefined> {
  const kept = (c: IntegrationConfiguration) => c.tags?.includes(rule.keepTag) === true
  if (!rule.prune) return { kind: 'listed', integrationKey, live: item }
  if (kept(item)) return { kind: 'kept', integrationKey, live: item }
  let live = item
  if (!carriesSettings(item)) {
    try {
      live = await client.getConfiguration(item._id)
    } catch (error) {
      const failure = toActionError(error)
      // Deleted since it was listed: nothing left to decide.
      if (failure.reason === 'not-found') return undefined
      return { kind: 'failed', integrationKey, live: item, error: failure }
    }
  }
  return { kind: kept(live) ? 'kept' : 'deletable', integrationKey, live }
}
