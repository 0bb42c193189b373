/**
 * Read, plan and apply, for each configuration the inputs are about. One configuration's failure
 * is its own outcome and never stops the others.
 */
import type { DesiredConfiguration } from '../core/desired-state.js'
import { ActionError, toActionError } from '../core/errors.js'
import type { Log } from '../core/log.js'
import { parsePointer } from '../core/json-patch.js'
import type { Outcome } from '../core/outcome.js'
import { planDeletion, planDesired, planPatch, type ConfigurationPlan } from '../core/plan.js'
import type { Settings, Work } from '../core/inputs.js'
import { isSecretPath } from '../core/secrets.js'
import type { LaunchDarklyClient } from '../io/launchdarkly/client.js'
import { settle } from './apply.js'
import { readDesired, readUnmanaged, type LiveResult, type Reads } from './read.js'

export interface ReconcileContext {
  client: LaunchDarklyClient
  settings: Settings
  log: Log
  /** Registers secret values, so that no output, log or comment can show them. */
  protect(values: readonly string[]): void
}

type PatchWork = Extract<Work, { kind: 'patch' }>

/**
 * A configuration read and planned, not yet applied: its plan, or the outcome that ended it (a
 * read or a plan that failed). The gate of `require-approved-plan` sits between planning and
 * settling, so the two are apart.
 */
export type Planned =
  | { known: Omit<Outcome, 'status'>; plan: ConfigurationPlan }
  | { known: Omit<Outcome, 'status'>; outcome: Outcome }

/** What a run is to do: the configurations the inputs describe, and the ones none describes. */
export interface WorkPlan {
  /** One per configuration the inputs describe, each as soon as it is read and planned. */
  configured: Promise<Planned>[]
  /**
   * The configurations of the integrations the files name that no file describes: to delete
   * with `prune` (a DeletePlan), or to report (an outcome `unmanaged`). Known once all is read.
   */
  unmanaged: Promise<Planned[]>
}

type ChangeWork = Exclude<Work, { kind: 'export' }>

/** Reads and plans every configuration the work is about: one promise each, as each is ready. */
export function planWork(work: ChangeWork, context: ReconcileContext): WorkPlan {
  return work.kind === 'patch'
    ? { configured: [planPatchWork(work, context)], unmanaged: Promise.resolve([]) }
    : planDesiredWork(work.configurations, context)
}

/**
 * Applies what was planned (or, in a dry run, says what would be), each as soon as it is planned,
 * so that writes start while other reads go on. Deletions come last, and only when everything
 * else went through: a run where anything failed deletes nothing.
 */
export async function settleAll(
  work: WorkPlan,
  context: ReconcileContext,
  dryRun: boolean
): Promise<Outcome[]> {
  const progress = progressLog(work.configured.length, context, dryRun)
  const settleOne = async (pending: Promise<Planned>) => {
    const item = await pending
    try {
      if ('outcome' in item) return item.outcome
      context.protect(item.plan.secretValues)
      return await settle(item.known, item.plan, {
        client: context.client,
        dryRun,
        log: context.log
      })
    } catch (error) {
      // The change it tried stays with it, for the report.
      return failed(item.known, error, 'plan' in item ? item.plan : undefined)
    }
  }
  const outcomes = await Promise.all(
    work.configured.map(pending => settleOne(pending).finally(progress))
  )
  const unmanaged = await work.unmanaged
  // A configuration no file describes whose read failed counts too: the run is not complete.
  const failures =
    outcomes.filter(o => o.status === 'failed').length +
    unmanaged.filter(item => 'outcome' in item && item.outcome.status === 'failed').length
  const rest = await Promise.all(
    unmanaged.map(async item => {
      if ('outcome' in item || failures === 0) return settleOne(Promise.resolve(item))
      return {
        ...item.known,
        status: 'unmanaged' as const,
        notices: [
          `Not deleted: ${failures} configuration${failures === 1 ? '' : 's'} of this run failed, and a run where anything failed deletes nothing.`
        ]
      }
    })
  )
  return [...outcomes, ...rest]
}

async function planPatchWork(work: PatchWork, context: ReconcileContext): Promise<Planned> {
  // Values written to credential-looking keys are masked before anything is read or logged.
  context.protect(
    work.operations.flatMap(op =>
      'value' in op &&
      typeof op.value === 'string' &&
      isSecretPath(parsePointer(op.path) ?? [], { integrationKey: undefined })
        ? [op.value]
        : []
    )
  )
  const known: Omit<Outcome, 'status'> = {
    file: work.file,
    label: work.configurationId,
    id: work.configurationId,
    name: undefined,
    integrationKey: undefined,
    warnings: [],
    notices: []
  }
  try {
    const live = await context.client.getConfiguration(work.configurationId)
    Object.assign(known, {
      name: live.name,
      label: live.name,
      integrationKey: live._integrationKey
    })
    return { known, plan: planPatch(live, work.operations, work.input) }
  } catch (error) {
    return { known, outcome: failed(known, error) }
  }
}

function planDesiredWork(
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
      return { known, outcome: failed(known, error) }
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
    if (decision.kind === 'failed') return { known, outcome: failed(known, decision.error) }
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

/** On long runs, a line now and then that says how far the run is ("20/50 planned"). */
function progressLog(total: number, context: ReconcileContext, dryRun: boolean): () => void {
  const step = Math.max(10, Math.ceil(total / 10))
  const verb = dryRun ? 'planned' : 'done'
  let done = 0
  return () => {
    done += 1
    if (total >= 20 && (done % step === 0 || done === total)) {
      context.log.info(`${done}/${total} configurations ${verb}.`)
    }
  }
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

function failed(known: Omit<Outcome, 'status'>, error: unknown, plan?: ConfigurationPlan): Outcome {
  const { message, reason } = toActionError(error)
  return { ...known, status: 'failed', error: { message, reason }, ...(plan ? { plan } : {}) }
}
