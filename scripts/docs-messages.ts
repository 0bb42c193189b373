/**
 * `npm run docs:messages`: writes the messages docs/troubleshooting.md quotes from fresh runs of
 * the action (in-process, against the emulators), one for each `<!-- message: id -->` block. Run it
 * when a message changes on purpose, and review the diff; the troubleshooting test fails until then.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import {
  MESSAGES,
  produceMessage,
  quotedMessages,
  withMessages
} from '../__tests__/helpers/doc-runs.js'

const page = new URL('../docs/troubleshooting.md', import.meta.url)
const before = readFileSync(page, 'utf8')
const ids = [...new Set(quotedMessages(before).map(quote => quote.id))]
const unknown = ids.filter(id => !(id in MESSAGES))
if (unknown.length > 0) throw new Error(`no scenario for ${unknown.join(', ')}`)

const messages: Record<string, string> = {}
for (const id of ids) messages[id] = (await produceMessage(id)).message
const after = withMessages(before, messages)
writeFileSync(page, after)
const unquoted = Object.keys(MESSAGES).filter(id => !ids.includes(id))
console.log(
  `${before === after ? 'Unchanged' : 'Updated'}: ${ids.length} messages in docs/troubleshooting.md.` +
    (unquoted.length > 0 ? ` Not quoted anywhere: ${unquoted.join(', ')}.` : '')
)
