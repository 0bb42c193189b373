/**
 * Reads and plans the configurations of a desired state, and finds the ones of the same
 * integrations that no file describes (to report, or to delete with `prune`). Loaded only by runs
 * given desired-state files: a patch-only run needs none of it, nor the reads of read.ts.
 */
import type { DesiredConfiguration } from '../core/desired-state.js'
import { ActionError } from '../core/errors.js'
import { failedOutcome, type Outcome } from '../core/outcome.js'
import { planDeletion, planDesired } from '../core/plan.js'
import type { Settings } from '../core/inputs.js'
import { isSecretPath } from '../core/secrets.js'
import type { LaunchDarklyClient } from '../io/launchdarkly/client.js'
import type { Planned, ReconcileContext, WorkPlan } from './plan.js'
import { readDesired, readUnmanaged, type LiveResult, type Reads } from './read.js'

export function planDesiredWork(
  configurations: readonly DesiredConfiguration[],
  context: ReconcileContext
): WorkPlan {
  context.protect(configurations.flatMap(c => c.substituted))
  for (const c of configurations) {
    const values = Object.entries(c.fields.configValues ?? {})
    context.protect(
      values.flatMap(([key, value]) =>
        typeof value === 'string' &&
        isSecretPath(['configValues', key], { integrationKey: c.integrationKey })
          ? [value]
          : []
      )
    )
  }
  const reads = readDesired(configurations, context.client)
  const configured = configurations.map(async (c, index): Promise<Planned> => {
    const result = await (reads.results[index] as Promise<LiveResult>)
    const live = result.kind === 'found' ? result.live : undefined
    const known: Omit<Outcome, 'status'> = {
      file: c.file,
      line: c.line,
      label: `${c.label} in ${c.file}`,
      id: live?._id ?? c.id,
      name: live?.name ?? c.name,
      integrationKey: live?._integrationKey ?? c.integrationKey,
      warnings: [],
      notices: []
    }
    try {
      if (result.kind === 'failed') throw result.error
      if (result.kind === 'missing') {
        assertCreatable(c, result.notFound, context.settings.createMissing)
      }
      const plan = planDesired(live, c.fields, known.integrationKey, {
        rotateSecrets: context.settings.rotateSecrets,
        substituted: c.substitutedPaths
      })
      return { known, plan }
    } catch (error) {
      return { known, outcome: failedOutcome(known, error) }
    }
  })
  return { configured, unmanaged: findUnmanaged(reads, context.settings, context.client) }
}

/**
 * The configurations listed under the integrations the files name that no file describes. With
 * `prune`, each is planned for deletion unless it carries the keep tag; without, it is reported.
 */
async function findUnmanaged(
  reads: Reads,
  settings: Settings,
  client: LaunchDarklyClient
): Promise<Planned[]> {
  const found = await readUnmanaged(
    reads,
    { prune: settings.prune, keepTag: settings.pruneKeepTag },
    client
  )
  return found.map(({ integrationKey, live, ...decision }): Planned => {
    const known: Omit<Outcome, 'status'> = {
      file: undefined,
      label: live.name,
      id: live._id,
      name: live.name,
      integrationKey,
      warnings: [],
      notices: [],
      inNoFile: true
    }
    if (decision.kind === 'failed') return { known, outcome: failedOutcome(known, decision.error) }
    if (decision.kind === 'deletable') {
      return { known, plan: planDeletion(live, integrationKey) }
    }
    // Reported in one line each; a configuration `prune` keeps says why it was kept.
    const notices =
      decision.kind === 'kept'
        ? [`Kept: it has the tag ${settings.pruneKeepTag} (\`prune-keep-tag\`).`]
        : []
    return { known, outcome: { ...known, status: 'unmanaged', notices } }
  })
}

function assertCreatable(c: DesiredConfiguration, notFound: string, createMissing: boolean): void {
  const where = `${c.file} configuration ${c.label}`
  if (!createMissing) {
    throw new ActionError(
      `${where}: ${notFound} in LaunchDarkly. Check the id or name; to create it, set \`create-missing: true\` (the file must then give integrationKey, name and configValues).`,
      'not-found'
    )
  }
  if (c.id) {
    throw new ActionError(
      `${where}: ${notFound}, and a configuration cannot be created with a chosen id. To create it, remove \`id\` and give integrationKey and name.`,
      'not-found'
    )
  }
  const missing = (['integrationKey', 'name', 'configValues'] as const).filter(field =>
    field === 'configValues' ? c.fields.configValues === undefined : !c[field]
  )
  if (missing.length > 0) {
    throw new ActionError(
      `${where}: ${notFound}, and creating it needs ${missing.join(' and ')} in the file (LaunchDarkly requires name and configValues).`,
      'invalid-input'
    )
  }
}
