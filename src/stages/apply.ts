/**
 * Carries out a plan: nothing in a dry run or when nothing changes, otherwise the PATCH or POST.
 *
 * When a write's fate is unknown (a dropped connection, a timeout, a 5xx), the configuration is read
 * again: if it shows the change, the change landed; if it still holds what was read, the write is
 * sent again (its `test` guards make that safe); anything else is someone else's edit, reported as
 * such. So a change is never applied twice and never reported done when it is not. A create has no
 * guard: one whose fate is unknown is looked for by name, and never sent again.
 */
import { ActionError, describeError, toActionError } from '../core/errors.js'
import type { UndecidedSecret } from '../core/diff.js'
import type { Log } from '../core/log.js'
import type { Operation } from '../core/json-patch.js'
import type { Outcome } from '../core/outcome.js'
import {
  stillAsRead,
  unexpectedPaths,
  type ConfigurationPlan,
  type CreatePlan,
  type DeletePlan,
  type UpdatePlan
} from '../core/configuration-plan.js'
import { toJsonObject, type IntegrationConfiguration } from '../core/types.js'
import { AmbiguousWriteError, type LaunchDarklyClient } from '../io/launchdarkly/client.js'

const WRITE_ATTEMPTS = 3

export interface ApplyContext {
  client: LaunchDarklyClient
  dryRun: boolean
  log: Log
}

/** Turns a plan into an outcome; `outcome` carries what is known of the configuration already. */
export async function settle(
  known: Omit<Outcome, 'status'>,
  plan: ConfigurationPlan,
  context: ApplyContext
): Promise<Outcome> {
  const outcome = {
    ...known,
    warnings: [...known.warnings, ...plan.warnings, ...plan.undecided.flatMap(undecidedWarning)],
    notices: [...known.notices, ...plan.notices]
  }
  if (plan.action === 'none') {
    return { ...outcome, status: 'unchanged', plan, configuration: toJsonObject(plan.live) }
  }
  if (plan.action === 'delete') {
    if (context.dryRun) return { ...outcome, status: 'would-delete', plan }
    await remove(plan, context)
    return { ...outcome, status: 'deleted', plan }
  }
  if (context.dryRun) {
    const status = plan.action === 'create' ? 'would-create' : 'would-update'
    return { ...outcome, status, plan, configuration: plan.expected }
  }
  if (plan.action === 'create') {
    const created = await create(plan, context)
    return {
      ...outcome,
      id: created._id,
      status: 'created',
      plan,
      configuration: toJsonObject(created),
      warnings: [...outcome.warnings, ...differences(plan, created)]
    }
  }
  const updated = await update(plan, context)
  return {
    ...outcome,
    status: 'updated',
    plan,
    configuration: toJsonObject(updated),
    warnings: [...outcome.warnings, ...differences(plan, updated)]
  }
}

async function update(plan: UpdatePlan, context: ApplyContext): Promise<IntegrationConfiguration> {
  const live = plan.live
  for (let attempt = 1; ; attempt++) {
    let failure: ActionError
    try {
      return await context.client.patchConfiguration(live._id, plan.operations)
    } catch (error) {
      if (!mayBeUnapplied(error)) throw error
      failure = error
    }
    const ambiguous = failure instanceof AmbiguousWriteError
    if (ambiguous) {
      context.log.info(
        `${failure.message}. Reading ${live._id} again to learn whether the change was applied.`
      )
    }
    const fresh = await readBack(live._id, failure, context)
    if (unexpectedPaths(plan, fresh).length === 0) {
      context.log.info('The change had been applied.')
      return fresh
    }
    if (!stillAsRead(plan, fresh)) throw changedSinceRead(plan, fresh)
    if (attempt < WRITE_ATTEMPTS && (ambiguous || failure.reason === 'conflict')) {
      context.log.info('The change had not been applied: sending it again.')
      continue
    }
    if (ambiguous) {
      throw new ActionError(
        `${failure.message}; tried ${attempt} times and the change was never applied, so nothing was written. LaunchDarkly may be having trouble (https://status.launchdarkly.com): run again later.`,
        failure.reason
      )
    }
    throw new ActionError(
      `${failure.message} The operations sent: ${summarize(plan.operations)}.`,
      failure.reason
    )
  }
}

/**
 * Deletes a configuration. When the answer is lost, a read tells: gone means deleted (by this
 * request or another), still there means the DELETE is sent again (deleting twice is harmless).
 */
async function remove(plan: DeletePlan, context: ApplyContext): Promise<void> {
  const id = plan.live._id
  for (let attempt = 1; ; attempt++) {
    try {
      await context.client.deleteConfiguration(id)
      return
    } catch (error) {
      if (error instanceof ActionError && error.reason === 'not-found') return
      if (!(error instanceof AmbiguousWriteError) || attempt >= WRITE_ATTEMPTS) throw error
      context.log.info(`${error.message}. Reading ${id} to learn whether it was deleted.`)
      try {
        await context.client.getConfiguration(id)
      } catch (readError) {
        if (readError instanceof ActionError && readError.reason === 'not-found') return
        throw unknownFate(`The deletion of ${id}`, error, `reading ${id} back`, readError)
      }
    }
  }
}

/** A secret whose mask shows nothing is worth a warning; one whose ends match is not (every run). */
function undecidedWarning(secret: UndecidedSecret): string[] {
  if (secret.reason !== 'no-ends') return []
  return [
    `${secret.path}: LaunchDarkly shows no part of this secret (its mask has no visible ends), so the action cannot tell whether it differs from the file, and did not write it. Set \`rotate-secrets: true\` to write it.`
  ]
}

/**
 * Whether a failed PATCH needs a read to know where things stand: its fate is unknown, or it was
 * refused with a 400 or 409, which is also how LaunchDarkly refuses a failed `test` guard.
 * Anything else is final.
 */
function mayBeUnapplied(error: unknown): error is ActionError {
  return (
    error instanceof AmbiguousWriteError ||
    (error instanceof ActionError &&
      (error.reason === 'invalid-input' || error.reason === 'conflict'))
  )
}

/** Reads a configuration after a failed write; if that fails too, the write's fate is unknown. */
async function readBack(
  id: string,
  failure: ActionError,
  context: ApplyContext
): Promise<IntegrationConfiguration> {
  try {
    return await context.client.getConfiguration(id)
  } catch (error) {
    throw unknownFate(`The update of ${id}`, failure, 'reading it back', error)
  }
}

/** A write whose fate is unknown, and the read that was to tell it, failed too. */
function unknownFate(
  write: string,
  failure: ActionError,
  check: string,
  checkError: unknown
): ActionError {
  return new ActionError(
    `${write} may or may not have been applied: ${failure.message}; ${check} failed too: ${describeError(checkError)}. Check the configuration in LaunchDarkly before running again.`,
    failure.reason
  )
}

/**
 * Creates a configuration. A POST refused for certain (a 429, a refused connection) is sent again
 * by the client; one whose fate is unknown is never sent again, since there is no guard against a
 * second configuration of the same name: a POST that timed out may still be applied after the
 * list was read. The list tells what it can, and the next run finds the rest by name.
 */
async function create(plan: CreatePlan, context: ApplyContext): Promise<IntegrationConfiguration> {
  const { body, integrationKey } = plan
  try {
    return await context.client.createConfiguration(integrationKey, body)
  } catch (error) {
    if (!(error instanceof AmbiguousWriteError)) throw error
    return findCreated(plan, error, context)
  }
}

async function findCreated(
  plan: CreatePlan,
  failure: AmbiguousWriteError,
  context: ApplyContext
): Promise<IntegrationConfiguration> {
  const { body, integrationKey } = plan
  const creation = `The creation of "${body.name}" (${integrationKey})`
  context.log.info(
    `${failure.message}. Listing ${integrationKey} to learn whether "${body.name}" was created.`
  )
  let listed: IntegrationConfiguration[]
  try {
    listed = await context.client.listConfigurations(integrationKey)
  } catch (error) {
    throw unknownFate(creation, failure, `listing ${integrationKey}`, error)
  }
  const named = listed.filter(c => c.name === body.name)
  const [only] = named
  if (!only) {
    throw new ActionError(
      `${failure.message}, and ${integrationKey} lists no configuration named "${body.name}". The create may still have been applied by LaunchDarkly (a request that timed out can land after the list was read), so nothing more was sent: a second create could make a duplicate. Run again: it finds "${body.name}" by name if it was created, or creates it.`,
      failure.reason
    )
  }
  if (named.length > 1) {
    throw new ActionError(
      `${failure.message}; now ${named.length} configurations of ${integrationKey} are named "${body.name}" (${named.map(c => c._id).join(', ')}). Check them in LaunchDarkly before running again.`,
      failure.reason
    )
  }
  context.log.info(`"${body.name}" had been created, as ${only._id}.`)
  // A list item may be a summary that leaves out fields the create wrote; the report needs them.
  if (!Object.keys(body).some(field => !(field in only))) return only
  try {
    return await context.client.getConfiguration(only._id)
  } catch (error) {
    const { message, reason } = toActionError(error)
    throw new ActionError(
      `${creation} was applied, as ${only._id}, though its answer was lost (${failure.message}); reading it back failed: ${message} Run again: it finds "${body.name}" by name.`,
      reason
    )
  }
}

function changedSinceRead(plan: UpdatePlan, fresh: IntegrationConfiguration): ActionError {
  const moved = plan.changes
    .filter(change => !stillAsRead({ ...plan, changes: [change] }, fresh))
    .map(c => c.path)
  return new ActionError(
    `Configuration ${fresh._id} (${fresh.name}) changed since it was read (at ${moved.join(', ')}): someone else edited it while this run was planning. Nothing was written, so their edit stands: run again to plan against the current state.`,
    'conflict'
  )
}

function differences(plan: ConfigurationPlan, actual: IntegrationConfiguration): string[] {
  const paths = unexpectedPaths(plan, actual)
  if (paths.length === 0) return []
  return [
    `LaunchDarkly accepted the change, but its answer differs from the expected result at ${paths.join(', ')}: it may have normalised the value, or someone changed it at the same moment. Check the configuration.`
  ]
}

function summarize(operations: readonly Operation[]): string {
  return operations.map((op, i) => `${i}: ${op.op} ${op.path}`).join('; ')
}
