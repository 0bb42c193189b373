/**
 * Read, plan and apply, for each configuration the inputs are about. One configuration's failure
 * is its own outcome and never stops the others. A patch is read and planned here; desired-state
 * files in plan-desired.ts, loaded only by the runs given them.
 */
import type { Log } from '../core/log.js'
import { parsePointer } from '../core/json-patch.js'
import { failedOutcome, type Outcome } from '../core/outcome.js'
import {
  patchPlan,
  writesConfigValues,
  type ConfigurationPlan
} from '../core/configuration-plan.js'
import type { Settings, Work } from '../core/inputs.js'
import { isSecretPath } from '../core/secrets.js'
import type { LaunchDarklyClient } from '../io/launchdarkly/client.js'
import { settle } from './apply.js'

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

/** What a run that changes configurations is given: a patch, or desired-state files. */
export type ChangeWork = Exclude<Work, { kind: 'export' }>

/** Reads and plans every configuration the work is about: one promise each, as each is ready. */
export async function planWork(work: ChangeWork, context: ReconcileContext): Promise<WorkPlan> {
  if (work.kind === 'patch') {
    return { configured: [planPatchWork(work, context)], unmanaged: Promise.resolve([]) }
  }
  // Loaded on first use, with the reads it makes: a patch-only run needs neither.
  const { planDesiredWork } = await import('./plan-desired.js')
  return planDesiredWork(work.configurations, context)
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
      return failedOutcome(item.known, error, 'plan' in item ? item.plan : undefined)
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
    // As core/plan.ts's planPatch, with the manifest's rules loaded only when the patch writes a
    // configValues key: the rules have nothing to judge otherwise.
    const plan = patchPlan(live, work.operations, work.input)
    if (!writesConfigValues(plan)) return { known, plan }
    const { judgePatch } = await import('../core/write-rules.js')
    return { known, plan: judgePatch(plan, work.input) }
  } catch (error) {
    return { known, outcome: failedOutcome(known, error) }
  }
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
