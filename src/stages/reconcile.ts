/**
 * Read, plan and apply, for each configuration the inputs are about. One configuration's failure
 * is its own outcome and never stops the others.
 */
import type { DesiredConfiguration } from '../core/desired-state.js'
import { ActionError, toActionError } from '../core/errors.js'
import type { Log } from '../core/log.js'
import { parsePointer } from '../core/json-patch.js'
import type { Outcome } from '../core/outcome.js'
import { planDesired, planPatch, type ConfigurationPlan } from '../core/plan.js'
import type { Settings, Work } from '../core/inputs.js'
import { isSecretPath } from '../core/secrets.js'
import type { LaunchDarklyClient } from '../io/launchdarkly/client.js'
import { settle } from './apply.js'
import { readDesired } from './read.js'

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

/** Reads and plans every configuration the work is about: one promise each, as each is ready. */
export function planWork(work: Work, context: ReconcileContext): Promise<Planned>[] {
  return work.kind === 'patch'
    ? [planPatchWork(work, context)]
    : planDesiredWork(work.configurations, context)
}

/**
 * Applies what was planned (or, in a dry run, says what would be), each as soon as it is planned,
 * so that writes start while other reads go on.
 */
export function settleAll(
  planned: readonly Promise<Planned>[],
  context: ReconcileContext,
  dryRun: boolean
): Promise<Outcome[]> {
  const progress = progressLog(planned.length, context, dryRun)
  return Promise.all(
    planned.map(async pending => {
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
      } finally {
        progress()
      }
    })
  )
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
): Promise<Planned>[] {
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
  return configurations.map(async (c, index): Promise<Planned> => {
    const result = await (reads[index] as (typeof reads)[number])
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
