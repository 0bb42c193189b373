/**
 * The pieces every place a person reads is made of (the job summary, the pull request comment, the
 * `diff` output): a headline that counts by kind, the callouts that deserve a second look, the
 * failures grouped by what went wrong, and one collapsible diff per configuration. Rendered from
 * redacted outcomes only, so no piece can show a secret.
 */
import type { RedactedOutcome } from '../redact.js'
import type { Status } from '../outcome.js'
import { PATCH_DELETION_NOTICE } from '../configuration-plan.js'
import { alert, details, fenced, link, literal, message, shownLiteral, text } from './markdown.js'
import { changedFields, isUnverified } from './rows.js'
import { diffLines, readAlikePairs } from './value-diff.js'

/** What the report says besides the outcomes: the run, the commits, where the files are. */
export interface ReportFacts {
  dryRun: boolean
  /** The apply refused to write (the plan was not the approved one): counts say what would be. */
  refused?: boolean
  /** Why, in a few words for the headline: "the plan changed". */
  refusedAs?: string
  /** What was refused is a plan (a dry run a guardrail refused), not an apply. */
  refusedPlan?: boolean
  failOnDrift: boolean
  /** The LaunchDarkly instance, as the headline names it (app.launchdarkly.com). */
  instance: string
  /** The run (its label names the attempt of a re-run) and its job summary, for this attempt. */
  run?: { label: string; url: string; summaryUrl?: string }
  /** The pull request the report is about, when there is one. */
  pull?: { number: number; url?: string }
  /** The commit reviewers know: the pull request's head. */
  head?: { sha: string; url?: string }
  /** The commit checked out, when no pull request names a head (a schedule, a release). */
  commit?: { sha: string; url?: string }
  /** The commit the head was merged as, on push. */
  merge?: { sha: string; url?: string }
  /** A link to a file (and line) at the head commit. */
  fileUrl?: (file: string, line?: number) => string | undefined
}

const ICONS: Record<Status, string> = {
  created: '🆕',
  updated: '✅',
  unchanged: '➖',
  'would-create': '🆕',
  'would-update': '✏️',
  failed: '❌',
  unmanaged: '❔',
  'would-delete': '🗑️',
  deleted: '🗑️',
  exported: '📄'
}

const WORDS: Record<Status, string> = {
  created: 'created',
  updated: 'updated',
  unchanged: 'unchanged',
  'would-create': 'would be created',
  'would-update': 'would change',
  failed: 'failed',
  unmanaged: 'in no file',
  'would-delete': 'would be deleted',
  deleted: 'deleted',
  exported: 'exported'
}

const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`

/** Whether the change turns the configuration off (false) or on (true), if it does either. */
export function toggles(outcome: RedactedOutcome): boolean | undefined {
  const change = outcome.changes.find(c => c.path === '/enabled')
  return typeof change?.after === 'boolean' && outcome.status !== 'unchanged'
    ? change.after
    : undefined
}

const isCreate = (o: RedactedOutcome) => o.status === 'created' || o.status === 'would-create'
const isUpdate = (o: RedactedOutcome) => o.status === 'updated' || o.status === 'would-update'
const isDelete = (o: RedactedOutcome) => o.status === 'deleted' || o.status === 'would-delete'

/** "Plan: 1 to create, 3 to update (1 disabled), 2 unchanged, 1 failed · app.launchdarkly.com" */
export function headline(outcomes: readonly RedactedOutcome[], facts: ReportFacts): string {
  const count = (test: (o: RedactedOutcome) => boolean) => outcomes.filter(test).length
  const creates = count(isCreate)
  const updates = count(isUpdate)
  const disabled = count(o => isUpdate(o) && toggles(o) === false)
  const enabled = count(o => isUpdate(o) && toggles(o) === true)
  const deletes = count(isDelete)
  // A secret the action cannot judge is never counted unchanged: it has its own count.
  const unverified = count(isUnverified)
  const unchanged = count(o => o.status === 'unchanged') - unverified
  const unmanaged = count(o => o.status === 'unmanaged')
  const failed = count(o => o.status === 'failed')
  const toggled = [disabled && `${disabled} disabled`, enabled && `${enabled} enabled`].filter(
    Boolean
  )
  const updateText = (verb: string) =>
    `${updates} ${verb}${toggled.length > 0 ? ` (${toggled.join(', ')})` : ''}`
  const parts = facts.dryRun
    ? [
        creates && `${creates} to create`,
        updates && updateText('to update'),
        deletes && `${deletes} to delete`
      ]
    : [
        creates && `${creates} created`,
        updates && updateText('updated'),
        deletes && `${deletes} deleted`
      ]
  parts.push(
    unchanged && `${unchanged} unchanged`,
    unverified && `${unverified} with a secret it cannot check`,
    unmanaged && `${unmanaged} in no file`,
    failed && `${failed} failed`
  )
  const counts = parts.filter(Boolean).join(', ') || 'nothing to do'
  const written = creates + updates + deletes
  // A failure is loud: the headline says it before the counts do.
  const verb = facts.refused
    ? `Not applied${facts.refusedAs ? `: ${facts.refusedAs} ·` : ''}`
    : facts.dryRun
      ? 'Plan'
      : failed > 0
        ? written > 0
          ? `Partly applied: ${written} of ${written + failed} written ·`
          : 'Apply failed'
        : written > 0
          ? 'Applied'
          : 'Up to date'
  return `${verb.endsWith('·') ? verb : `${verb}:`} ${counts} · ${facts.instance}`
}

/** The line under the headline: what this report is about, and what was and was not written. */
export function statusLine(outcomes: readonly RedactedOutcome[], facts: ReportFacts): string {
  const commit = (label: string, ref: { sha: string; url?: string } | undefined) =>
    ref ? `${label} ${link(literal(ref.sha.slice(0, 7)), ref.url)}` : undefined
  const head = commit('head', facts.head) ?? commit('commit', facts.commit)
  const merged = commit('merged as', facts.merge)
  const run = facts.run ? link(text(facts.run.label), facts.run.url) : 'this run'
  // After the sentence: the pull request and this attempt's job summary, as links.
  const links = [
    facts.pull && `pull request ${link(`#${facts.pull.number}`, facts.pull.url)}`,
    facts.run && link('job summary', facts.run.summaryUrl ?? facts.run.url)
  ].filter(Boolean)
  const after = links.length > 0 ? ` · ${links.join(' · ')}` : ''
  if (facts.refused) {
    return `_${facts.refusedPlan ? 'Plan' : 'Apply'} in ${run}${head ? ` of ${head}` : ''} refused: nothing was written to LaunchDarkly._${after}`
  }
  if (facts.dryRun) {
    return `_Plan${head ? ` for ${head}` : ''} in ${run}: nothing has been written to LaunchDarkly yet._${after}`
  }
  const source = [head, merged && `(${merged})`].filter(Boolean).join(' ')
  const written = outcomes.filter(
    o => o.status === 'created' || o.status === 'updated' || o.status === 'deleted'
  ).length
  const failed = outcomes.filter(o => o.status === 'failed').length
  const what =
    failed === 0
      ? written === 0
        ? 'nothing needed writing'
        : `${plural(written, 'configuration')} written`
      : written === 0
        ? `nothing was written; ${plural(failed, 'configuration')} failed`
        : `${plural(written, 'configuration')} written; ${plural(failed, 'configuration')} failed and ${failed === 1 ? 'was' : 'were'} not written`
  return `_Applied in ${run}${source ? ` from ${source}` : ''}: ${what}._${after}`
}

/**
 * What deserves a second look before the details, as one callout with one line per kind:
 * toggles, deletions, creations, secrets written, secrets the action cannot check. Names are
 * listed up to `cap` a line; the whole is kept under `budget` characters by listing fewer.
 */
export function callouts(outcomes: readonly RedactedOutcome[], budget = CALLOUT_BUDGET): string[] {
  for (const cap of [20, 5, 1, 0]) {
    const callout = secondLook(outcomes, cap)
    if (callout === undefined) return []
    if (callout.length <= budget || cap === 0) return [callout]
  }
  return []
}

/** A second-look callout longer than this lists fewer names a line. */
export const CALLOUT_BUDGET = 6_000

function secondLook(outcomes: readonly RedactedOutcome[], cap: number): string | undefined {
  const list = (items: readonly string[]) =>
    cap === 0
      ? plural(items.length, 'configuration')
      : items.length > cap
        ? `${items.slice(0, cap).join(', ')} and ${items.length - cap} more`
        : items.join(', ')
  const names = (group: readonly RedactedOutcome[]) => list(group.map(o => literal(nameOf(o))))
  const withKey = (group: readonly RedactedOutcome[]) =>
    list(group.map(o => `${literal(nameOf(o))} (${text(o.integrationKey ?? '')})`))
  const them = (n: number) => (n === 1 ? 'it' : 'them')
  const changing = outcomes.filter(o => o.status !== 'failed')
  // A creation says what it creates; whether it starts enabled is in its diff.
  const disabling = changing.filter(o => !isCreate(o) && toggles(o) === false)
  const enabling = changing.filter(o => !isCreate(o) && toggles(o) === true)
  // A patch deletes by removing the whole configuration (an undo of a creation); prune, the rest.
  const patched = changing.filter(o => isDelete(o) && o.notices.includes(PATCH_DELETION_NOTICE))
  const deleting = changing.filter(o => isDelete(o) && !patched.includes(o))
  const creating = changing.filter(isCreate)
  const secrets = changing.flatMap(o =>
    o.status === 'unchanged' || isDelete(o)
      ? []
      : o.changes.filter(c => c.secret).map(c => `${literal(nameOf(o))} ${literal(c.path)}`)
  )
  // A secret whose mask shows its ends, and they match the file's, is what nobody touched: its
  // row says so, but it makes no callout. One whose mask shows nothing needs a look.
  const unchecked = outcomes.flatMap(o =>
    o.undecided
      .filter(secret => secret.reason === 'no-ends')
      .map(secret => `${literal(nameOf(o))} ${literal(secret.path)}`)
  )
  const lines = [
    disabling.length > 0 &&
      `**Disables** ${names(disabling)}: LaunchDarkly stops using ${them(disabling.length)}.`,
    deleting.length > 0 &&
      `**Deletes** ${withKey(deleting)}: no file describes ${them(deleting.length)}, and \`prune\` is on. To keep one, describe it in a file or give it the tag that \`prune-keep-tag\` names (\`keep\` by default).`,
    patched.length > 0 &&
      `**Deletes** ${withKey(patched)}: the patch removes the whole configuration (\`"path": ""\`). A deleted configuration cannot be restored, secrets included.`,
    enabling.length > 0 && `**Enables** ${names(enabling)}.`,
    creating.length > 0 && `**Creates** ${withKey(creating)}.`,
    secrets.length > 0 && `**Writes ${plural(secrets.length, 'secret')}**: ${list(secrets)}.`,
    unchecked.length > 0 &&
      `**${plural(unchecked.length, 'secret')} the action cannot check**, as LaunchDarkly shows no part of ${them(unchecked.length)} (not written; \`rotate-secrets: true\` writes ${them(unchecked.length)}): ${list(unchecked)}.`
  ].filter((line): line is string => typeof line === 'string')
  if (lines.length === 0) return undefined
  const kind =
    deleting.length + patched.length > 0
      ? 'CAUTION'
      : creating.length === lines.length
        ? 'NOTE'
        : 'WARNING'
  const title = lines.length === 1 ? '' : '**Needs a second look**\n'
  return alert(
    kind,
    `${title}${lines.map(line => (lines.length === 1 ? line : `- ${line}`)).join('\n')}`
  )
}

/**
 * The failures, one callout for each distinct problem: the same 403 on three configurations is
 * said once, naming the three.
 */
export function failureCallouts(
  outcomes: readonly RedactedOutcome[],
  facts: ReportFacts
): string[] {
  const groups = new Map<string, [RedactedOutcome, ...RedactedOutcome[]]>()
  for (const outcome of outcomes) {
    if (!outcome.error) continue
    const key = generalize(outcome.error.message, outcome)
    const group = groups.get(key)
    if (group) group.push(outcome)
    else groups.set(key, [outcome])
  }
  // A thousand different errors would be a thousand callouts: the commonest ones, then a count.
  const all = [...groups.values()].sort((a, b) => b.length - a.length)
  const shown = all.slice(0, MAX_FAILURE_CALLOUTS).map(group => {
    const [first] = group
    const who =
      group.length === 1
        ? `${literal(nameOf(first))}${fileNote(first, facts)}`
        : `${plural(group.length, 'configuration')} (${listed(group.map(o => literal(nameOf(o))))})`
    const said =
      group.length === 1
        ? (first.error?.message ?? '')
        : generalize(first.error?.message ?? '', first)
    return alert('CAUTION', `**${who} failed**: ${message(said, namesOf(first))}`)
  })
  const more = all.slice(MAX_FAILURE_CALLOUTS).reduce((sum, group) => sum + group.length, 0)
  if (more > 0) {
    shown.push(
      alert(
        'CAUTION',
        `**${plural(more, 'more configuration')} failed**, with other errors: each one's error is in the \`results\` output and the log.`
      )
    )
  }
  return shown
}

const MAX_FAILURE_CALLOUTS = 10

/**
 * One configuration: a collapsible diff of what changes (or was to change, when it failed). The
 * error goes in it only where failures are not already said above, grouped (the `diff` output).
 */
export function section(
  outcome: RedactedOutcome,
  facts: ReportFacts,
  options: {
    open?: boolean
    withError?: boolean
    /** The others whose change is identical: one row, one diff, their names in a closed list. */
    same?: readonly RedactedOutcome[]
    /** How many of `same` to name (the rest are counted). */
    namesCap?: number
    /** At most this many diff lines (the rest are counted). */
    maxLines?: number
  } = {}
): string {
  const all = [outcome, ...(options.same ?? [])]
  const unverified = isUnverified(outcome)
  const fields = changedFields(outcome)
  const what =
    outcome.status === 'failed'
      ? `failed${fields ? ` (the change it tried: ${plural(outcome.changes.length, 'field')}, ${text(fields)})` : ''}`
      : unverified
        ? 'a secret it cannot check'
        : `${WORDS[outcome.status]}${fields && (outcome.status === 'updated' || outcome.status === 'would-update') ? ` ${text(fields)}` : ''}`
  const who =
    all.length === 1
      ? `<b>${text(nameOf(outcome))}</b>`
      : `<b>${all.length.toLocaleString('en-US')} configurations</b>`
  const summary = `${unverified ? '🔒' : ICONS[outcome.status]} ${who}${
    outcome.integrationKey ? ` · ${text(outcome.integrationKey)}` : ''
  }: ${what}${all.length > 1 ? ' (the same change)' : ''}`
  const body: string[] = []
  if (options.withError && outcome.error) {
    body.push(alert('CAUTION', message(outcome.error.message, namesOf(outcome))))
  }
  if (all.length === 1 && (outcome.file || outcome.id)) {
    const file = outcome.file
      ? `From ${link(literal(outcome.file), facts.fileUrl?.(outcome.file, outcome.line))}`
      : 'ID'
    body.push(
      `${file}${outcome.id ? `${outcome.file ? ' · ID' : ''} ${literal(outcome.id)}` : ''}.`
    )
  }
  if (outcome.changes.length > 0) {
    const lines = diffLines(outcome.changes)
    const max = options.maxLines ?? lines.length
    const shown = lines.slice(0, max).map(line => `${line.kind}${line.text}`)
    body.push(fenced(shown.join('\n'), 'diff'))
    if (lines.length > max) {
      body.push(`_${plural(lines.length - max, 'more line')} of this diff in the job summary._`)
    }
    for (const { field, difference } of readAlikePairs(lines)) {
      body.push(alert('WARNING', `${field ? `${shownLiteral(field)}: ` : ''}${text(difference)}`))
    }
  }
  for (const secret of outcome.undecided) {
    body.push(
      `Secret ${literal(secret.path)} not written: ${
        secret.reason === 'no-ends'
          ? 'LaunchDarkly shows no part of it: cannot tell'
          : 'its mask shows the same ends as the file; the middle may differ'
      } (\`rotate-secrets: true\` writes it).`
    )
  }
  for (const warning of outcome.warnings)
    body.push(alert('WARNING', message(warning, namesOf(outcome))))
  if (all.length > 1) {
    const cap = options.namesCap ?? all.length
    const listedNames = all
      .slice(0, cap)
      .map(
        o =>
          `- ${literal(nameOf(o))}${o.file ? ` · ${link(literal(o.file), facts.fileUrl?.(o.file, o.line))}` : ''}`
      )
    if (all.length > cap)
      listedNames.push(
        `- … and ${plural(all.length - cap, 'more configuration')} (in the job summary)`
      )
    body.push(details(`Which ${all.length.toLocaleString('en-US')}`, listedNames.join('\n')))
    if (all.length > cap) {
      const summary = facts.run && (facts.run.summaryUrl ?? facts.run.url)
      body.push(`_The ${link('job summary', summary)} has every configuration and change._`)
    }
  }
  if (body.length === 0) body.push('_No field changes._')
  return details(summary, body.join('\n\n'), options.open)
}

/** The unified diff of a configuration's changes, as a `diff` block's text. */
export function diffText(outcome: RedactedOutcome): string {
  return diffLines(outcome.changes)
    .map(line => `${line.kind}${line.text}`)
    .join('\n')
}

/** The configurations that do not change, one line each. */
export function unchangedLines(outcomes: readonly RedactedOutcome[], facts: ReportFacts): string {
  return outcomes
    .map(
      o =>
        `- ${ICONS[o.status]} ${literal(nameOf(o))}${o.id ? ` · ${literal(o.id)}` : ''}${
          o.file ? ` · ${link(literal(o.file), facts.fileUrl?.(o.file, o.line))}` : ''
        }: ${WORDS[o.status]}${o.status === 'unmanaged' && o.notices[0] ? ` (${message(o.notices[0])})` : ''}${o.undecided
          .filter(secret => secret.reason === 'ends-match')
          .map(
            secret =>
              ` (secret ${literal(secret.path)}: its mask shows the same ends as the file; the middle may differ)`
          )
          .join('')}`
    )
    .join('\n')
}

/** A list of names, cut at 20 so that a callout about a thousand configurations stays short. */
function listed(items: readonly string[]): string {
  return items.length > 20
    ? `${items.slice(0, 20).join(', ')} and ${items.length - 20} more`
    : items.join(', ')
}

export function nameOf(outcome: RedactedOutcome): string {
  return outcome.name ?? outcome.label
}

function namesOf(outcome: RedactedOutcome): string[] {
  return [outcome.name, outcome.id, outcome.file, outcome.integrationKey].filter(
    (name): name is string => !!name
  )
}

function fileNote(outcome: RedactedOutcome, facts: ReportFacts): string {
  return outcome.file
    ? ` (${link(literal(outcome.file), facts.fileUrl?.(outcome.file, outcome.line))})`
    : ''
}

/** A failure's message with what is particular to its configuration taken out, for grouping. */
function generalize(value: string, outcome: RedactedOutcome): string {
  let general = value
  for (const name of [outcome.label, outcome.name, outcome.id, outcome.file]) {
    if (name && name.length > 2) general = general.split(name).join('…')
  }
  return general
}

export { details, plural, WORDS as STATUS_WORDS, ICONS as STATUS_ICONS }
