/** The inputs of an export: where to write, which integrations, whether to overwrite. */
import { InputError } from './errors.js'
import { integrationKeyProblem } from './identifiers.js'
import { parseBoolean, splitLines } from './input-values.js'
import type { InputName, RawInputs, Work } from './inputs.js'
import { knownIntegrations } from './manifest-rules.js'

export function parseExport(raw: RawInputs): Extract<Work, { kind: 'export' }> {
  const read = (name: InputName) => raw[name]
  const directory = read('export-to').trim().replace(/\/+$/, '')
  if (
    directory === '' ||
    directory.startsWith('/') ||
    /^[A-Za-z]:/.test(directory) ||
    directory.split(/[\\/]/).some(part => part === '..') ||
    directory.includes('\0')
  ) {
    throw new InputError(
      'export-to',
      `must be a directory inside the repository, relative to its root (such as launchdarkly), not ${JSON.stringify(directory)}.`
    )
  }
  // One per line, as the input says; commas too, as a workflow_dispatch text field gives them.
  const given = read('integration-keys')
  const listed = splitLines(given.replace(/,/g, '\n'))
  // Given, but naming nothing (only a comment, or commas): not a reason to export everything.
  if (given.trim() !== '' && listed.length === 0) {
    throw new InputError(
      'integration-keys',
      'names no integration: give one key per line (such as custom-approvals), or leave it out to export every integration.'
    )
  }
  for (const key of listed) {
    const problem = integrationKeyProblem(key)
    if (problem) throw new InputError('integration-keys', `${problem}.`)
  }
  return {
    kind: 'export',
    directory,
    integrationKeys: listed.length > 0 ? [...new Set(listed)] : knownIntegrations(),
    overwrite: parseBoolean(read, 'export-overwrite')
  }
}
