/**
 * The pull request comment: what reviewers read. It always keeps the headline and one line per
 * configuration; when GitHub's 65,536-character limit is near, it drops the full change first, then
 * the tables, and says where the whole account is (the job summary).
 */
import { details, fenced, literal, safeJson, text } from './markdown.js'
import type { RunFacts } from './outcome.js'
import type { RedactedOutcome } from './redact.js'
import { changeTable, headline, overviewTable } from './report.js'

/** GitHub refuses longer bodies; the margin leaves room for the notes added when shortening. */
const COMMENT_LIMIT = 65_536
const BUDGET = COMMENT_LIMIT - 2_000

export interface CommentFacts extends RunFacts {
  key: string
  runUrl: string
  /** The commit the run is about, short. */
  commit: string | undefined
}

export function commentMarker(key: string): string {
  return `<!-- launchdarkly-integration-configuration-action key="${key}" -->`
}

const STATUS_ICONS: Record<RedactedOutcome['status'], string> = {
  created: '🆕 created',
  updated: '✅ updated',
  unchanged: '➖ unchanged',
  'would-create': '🆕 would be created',
  'would-update': '✏️ would change',
  failed: '❌ failed'
}

/** A comment saying the run could not even start, e.g. a desired-state file that does not parse. */
export function renderFailureComment(
  message: string,
  facts: Pick<CommentFacts, 'key' | 'runUrl'>
): string {
  return [
    commentMarker(facts.key),
    '### LaunchDarkly: the configuration could not be checked',
    `> [!CAUTION]\n> ${text(message, 4000)}`,
    footer(facts)
  ].join('\n\n')
}

export function renderComment(outcomes: readonly RedactedOutcome[], facts: CommentFacts): string {
  const head = [
    commentMarker(facts.key),
    `### LaunchDarkly: ${headline(outcomes, facts)}`,
    facts.dryRun
      ? `_Plan${facts.commit ? ` for ${literal(facts.commit)}` : ''}: nothing has been written to LaunchDarkly yet._`
      : `_Applied to LaunchDarkly${facts.commit ? ` from ${literal(facts.commit)}` : ''}._`,
    overviewTable(outcomes, STATUS_ICONS)
  ]
  const notable = outcomes.filter(o => o.status !== 'unchanged')
  const sections = notable.map(o => {
    const lines = [`#### ${text(o.name ?? o.label)}${o.file ? ` (${literal(o.file)})` : ''}`]
    if (o.error) lines.push(`> [!CAUTION]\n> ${text(o.error.message, 2000)}`)
    if (o.changes.length > 0) lines.push(changeTable(o.changes))
    return lines.join('\n\n')
  })
  const patches = notable
    .filter(o => o.operations && o.operations.length > 0)
    .map(o => `${text(o.name ?? o.label)}\n\n${fenced(safeJson(o.operations), 'json')}`)
  const full =
    patches.length > 0 ? details('The full change (JSON Patch)', patches.join('\n\n')) : undefined

  const fits = (parts: (string | undefined)[]) => size(parts) <= BUDGET
  const assemble = (parts: (string | undefined)[]) =>
    [...parts, footer(facts)].filter(Boolean).join('\n\n')
  if (fits([...head, ...sections, full])) return assemble([...head, ...sections, full])

  // Too long: keep as many tables as fit, and say where the rest is.
  const kept: string[] = []
  for (const section of sections) {
    if (!fits([...head, ...kept, section])) break
    kept.push(section)
  }
  const left = sections.length - kept.length
  const note = `> [!NOTE]\n> This comment is shortened to stay under GitHub's limit of ${COMMENT_LIMIT} characters: ${
    left > 0 ? `the changes of ${left} more configuration${left === 1 ? '' : 's'} and ` : ''
  }the full JSON Patch are in the [job summary](${facts.runUrl}).`
  if (fits([...head, ...kept, note])) return assemble([...head, ...kept, note])

  // Even the overview is too long (hundreds of configurations, or names that grow when escaped):
  // keep the rows that fit, then a row that counts the others.
  const [marker, title, mode] = head as [string, string, string]
  const shortNote = `> [!NOTE]\n> This comment is shortened to stay under GitHub's limit of ${COMMENT_LIMIT} characters: only the first configurations are listed; every configuration and change is in the [job summary](${facts.runUrl}).`
  const overview = (n: number) =>
    overviewTable(outcomes.slice(0, n), STATUS_ICONS) +
    (n < outcomes.length ? `\n| … and ${outcomes.length - n} more |  |  |  |` : '')
  // The most rows that fit, by bisection: a few renderings, whatever the count.
  let [low, high] = [0, outcomes.length]
  while (low < high) {
    const middle = Math.ceil((low + high) / 2)
    if (fits([marker, title, mode, shortNote, overview(middle)])) low = middle
    else high = middle - 1
  }
  return assemble([marker, title, mode, shortNote, overview(low)])
}

function size(parts: readonly (string | undefined)[]): number {
  return parts.filter(Boolean).join('\n\n').length
}

function footer(facts: Pick<CommentFacts, 'key' | 'runUrl'>): string {
  return `<sub>[Workflow run](${facts.runUrl}) · comment key ${literal(facts.key)}</sub>`
}
