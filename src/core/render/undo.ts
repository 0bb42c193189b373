/**
 * The job summary's account of the undo: each configuration the run wrote, with the patch that
 * restores it (or why none can), what the undo leaves (secrets) and how to apply it. Rendered from
 * undo entries, which hold no secret value (core/undo.ts).
 */
import type { UndoEntry } from '../undo.js'
import { alert, details, fenced, literal, message, safeJson, text } from './markdown.js'

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

export function renderUndo(entries: readonly UndoEntry[]): string | undefined {
  if (entries.length === 0) return undefined
  const who = (entry: UndoEntry) =>
    `<b>${text(entry.name ?? entry.id)}</b> · ${literal(entry.id)}${entry.integrationKey ? ` · ${text(entry.integrationKey)}` : ''}`
  const blocks = entries.map(entry => {
    if (entry.patch === null) {
      return `- ${who(entry)}: ${entry.action}; **cannot be undone**: ${text(entry.why ?? '', 400)}`
    }
    const what =
      entry.action === 'created'
        ? 'created; its undo <b>deletes</b> it'
        : `updated; its undo restores ${plural(entry.patch.filter(op => op.op !== 'test').length, 'field')}`
    const notes = [
      entry.secretsLeft.length > 0
        ? alert(
            'WARNING',
            `**${plural(entry.secretsLeft.length, 'secret')} cannot be restored**: ${entry.secretsLeft.map(path => literal(path)).join(', ')}. LaunchDarkly only ever showed ${entry.secretsLeft.length === 1 ? 'its' : 'their'} mask, so the old value was never known: the undo leaves ${entry.secretsLeft.length === 1 ? 'it' : 'them'} as this run wrote ${entry.secretsLeft.length === 1 ? 'it' : 'them'}. Set the old value again from where you keep it, if the rollback needs it.`
          )
        : undefined,
      entry.unguarded.length > 0
        ? `_Added back without a test (an absence cannot be tested, and the object around it holds a secret): ${entry.unguarded.map(path => literal(path)).join(', ')}._`
        : undefined
    ].filter((note): note is string => note !== undefined)
    return details(
      `${who(entry)}: ${what}`,
      [fenced(safeJson(entry.patch), 'json'), ...notes].join('\n\n')
    )
  })
  const usage =
    'To roll this run back, apply a configuration\'s undo with this action: `configuration-id` its _id, `patch` its undo. Its `test` operations make the action refuse, writing nothing (failure-reason `conflict`), if the configuration changed since this run. The `undo` output holds every undo as JSON by _id; `undo-patch` holds the one undo when the run is about one configuration. An undo that deletes ends with a remove of the whole configuration (`"path": ""`).'
  return [`#### Undo`, message(usage), ...blocks].join('\n\n')
}

/** One line for the log, where an on-call engineer looks first: where the way back is. */
export function undoLogLine(entries: readonly UndoEntry[], single: boolean): string | undefined {
  if (entries.length === 0) return undefined
  const reversible = entries.filter(entry => entry.patch !== null).length
  const lost = entries.length - reversible
  if (reversible === 0) {
    return `Undo: nothing this run wrote can be undone (${plural(lost, 'configuration')}; the job summary says why).`
  }
  const where = single && reversible === 1 ? '`undo-patch` (and `undo`)' : '`undo`'
  return `Undo: ${where} holds the patch that restores ${plural(reversible, 'configuration')} this run wrote; apply it with \`patch\` to roll back (the job summary shows it${lost > 0 ? `, and why ${plural(lost, 'other')} cannot be undone` : ''}).`
}
