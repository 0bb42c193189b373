/**
 * The pieces every place a person reads is made of (the job summary, the pull request comment, the
 * `diff` output): a headline that counts by kind, the callouts that deserve a second look, the
 * failures grouped by what went wrong, and one collapsible diff per configuration. Rendered from
 * redacted outcomes only, so no piece can show a secret.
 */
import type { RedactedOutcome } from '../redact.js'
import type { Status } from '../outcome.js'
import { alert, details, fenced, link, literal, message, text } from './markdown.js'
import { diffLines } from './value-diff.js'

/** What the report says besides the outcomes: the run, the commits, where the files are. */
export interface ReportFacts {
  dryRun: boolean
  /** The apply refused to write (the plan was not the approved one): counts say what would be. */
  refused?: boolean
  failOnDrift: boolean
  /** The LaunchDarkly instance, as the headline names it (app.launchdarkly.com). */
  instance: string
  run?: { label: string; url: string }
  /** The commit reviewers know: the pull request's head. */
  head?: { sha: string; url?: string }
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
  const unchanged = count(o => o.status === 'unchanged')
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
    unmanaged && `${unmanaged} in no file`,
    failed && `${failed} failed`
  )
  const counts = parts.filter(Boolean).join(', ') || 'nothing to do'
  const written = creates + updates + deletes
  const verb = facts.refused
    ? 'Not applied'
    : facts.dryRun
      ? 'Plan'
      : written > 0
        ? 'Applied'
        : failed > 0
          ? 'Not applied'
          : 'Up to date'
  return `${verb}: ${counts} · ${facts.instance}`
}

/** The line under the headline: what this report is about, and what was and was not written. */
export function statusLine(outcomes: readonly RedactedOutcome[], facts: ReportFacts): string {
  const commit = (label: string, ref: { sha: string; url?: string } | undefined) =>
    ref ? `${label} ${link(literal(ref.sha.slice(0, 7)), ref.url)}` : undefined
  const head = commit('head', facts.head)
  const merged = commit('merged as', facts.merge)
  const run = facts.run ? link(text(facts.run.label), facts.run.url) : 'this run'
  if (facts.refused) {
    return `_Apply in ${run}${head ? ` of ${head}` : ''} refused: nothing was written to LaunchDarkly._`
  }
  if (facts.dryRun) {
    return `_Plan${head ? ` for ${head}` : ''}: nothing has been written to LaunchDarkly yet._`
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
  return `_Applied in ${run}${source ? ` from ${source}` : ''}: ${what}._`
}

/** What deserves a second look before the details: toggles, creations, secrets written or not. */
export function callouts(outcomes: readonly RedactedOutcome[]): string[] {
  const names = (list: readonly RedactedOutcome[]) => listed(list.map(o => literal(nameOf(o))))
  const changing = outcomes.filter(o => o.status !== 'failed')
  const out: string[] = []
  const disabling = changing.filter(o => toggles(o) === false)
  const enabling = changing.filter(o => toggles(o) === true)
  if (disabling.length > 0 || enabling.length > 0) {
    const lines = [
      disabling.length > 0 && `**Disables** ${names(disabling)}: LaunchDarkly stops using it.`,
      enabling.length > 0 && `**Enables** ${names(enabling)}.`
    ].filter(Boolean)
    out.push(alert('WARNING', lines.join('\n')))
  }
  const deleting = changing.filter(isDelete)
  if (deleting.length > 0) {
    out.push(
      alert(
        'CAUTION',
        `**Deletes** ${listed(deleting.map(o => `${literal(nameOf(o))} (${text(o.integrationKey ?? '')})`))}: no file describes ${deleting.length === 1 ? 'it' : 'them'}, and \`prune\` is on. To keep one, describe it in a file or give it the tag that \`prune-keep-tag\` names (\`keep\` by default).`
      )
    )
  }
  const creating = changing.filter(isCreate)
  if (creating.length > 0) {
    out.push(
      alert(
        'NOTE',
        `**Creates** ${listed(creating.map(o => `${literal(nameOf(o))} (${text(o.integrationKey ?? '')})`))}.`
      )
    )
  }
  const secrets = changing.flatMap(o =>
    o.status === 'unchanged' || isDelete(o)
      ? []
      : o.changes.filter(c => c.secret).map(c => `${literal(nameOf(o))} ${literal(c.path)}`)
  )
  if (secrets.length > 0) {
    out.push(
      alert('IMPORTANT', `**Writes ${plural(secrets.length, 'secret')}**: ${listed(secrets)}.`)
    )
  }
  const undecided = outcomes.flatMap(o =>
    o.undecided.map(
      secret =>
        `${literal(nameOf(o))} ${literal(secret.path)}: ${
          secret.reason === 'no-ends'
            ? 'LaunchDarkly shows no part of it: cannot tell'
            : 'its mask shows the same ends as the file; the middle may differ'
        }`
    )
  )
  if (undecided.length > 0) {
    out.push(
      alert(
        'NOTE',
        `**${plural(undecided.length, 'secret')} not written, as the action cannot judge ${undecided.length === 1 ? 'it' : 'them'}** (\`rotate-secrets: true\` writes ${undecided.length === 1 ? 'it' : 'them'}):\n${undecided
          .slice(0, 20)
          .map(line => `- ${line}`)
          .join('\n')}${undecided.length > 20 ? `\n- and ${undecided.length - 20} more` : ''}`
      )
    )
  }
  return out
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
  options: { open?: boolean; withError?: boolean } = {}
): string {
  const fields = outcome.changes.length
  const what =
    outcome.status === 'failed'
      ? `failed${fields > 0 ? ` (the change it tried: ${plural(fields, 'field')})` : ''}`
      : `${WORDS[outcome.status]}${fields > 0 ? ` (${plural(fields, 'field')})` : ''}`
  const facts2 = [
    outcome.id && literal(outcome.id),
    outcome.integrationKey && text(outcome.integrationKey)
  ]
    .filter(Boolean)
    .join(' · ')
  const summary = `${ICONS[outcome.status]} <b>${text(nameOf(outcome))}</b> · ${facts2}${
    outcome.file ? ` · ${literal(outcome.file)}` : ''
  }: ${what}`
  const body: string[] = []
  if (options.withError && outcome.error) {
    body.push(alert('CAUTION', message(outcome.error.message, namesOf(outcome))))
  }
  if (outcome.file && facts.fileUrl?.(outcome.file)) {
    body.push(`From ${link(literal(outcome.file), facts.fileUrl(outcome.file, outcome.line))}.`)
  }
  if (fields > 0) body.push(fenced(diffText(outcome), 'diff'))
  for (const warning of outcome.warnings)
    body.push(alert('WARNING', message(warning, namesOf(outcome))))
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
        }: ${WORDS[o.status]}${o.status === 'unmanaged' && o.notices[0] ? ` (${message(o.notices[0])})` : ''}`
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

export { details, plural, WORDS as STATUS_WORDS }
