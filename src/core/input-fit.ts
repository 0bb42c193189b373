/**
 * Which inputs go with which work: an input that means nothing for the step's work is refused
 * (the inputs that came with export and prune), or named in a warning (inputs of 1.0).
 */
import { InputError } from './errors.js'
import { parseBoolean } from './input-values.js'
import type { ChangeInput, InputName, RawInputs } from './inputs.js'

/** Inputs that mean something only with one kind of work are refused with the others. */
export function assertInputsFit(input: ChangeInput, raw: RawInputs): void {
  const given = (name: InputName) => raw[name].trim() !== ''
  const on = (name: InputName) => parseBoolean(n => raw[n], name)
  const onlyWith: [InputName, InputName, boolean, boolean][] = [
    ['integration-keys', 'export-to', given('integration-keys'), input === 'export-to'],
    ['export-overwrite', 'export-to', on('export-overwrite'), input === 'export-to'],
    ['prune', 'desired-state-file', on('prune'), input === 'desired-state-file'],
    // Its default is given to every step: only another tag says the user meant something.
    ['prune-keep-tag', 'prune', !['', 'keep'].includes(raw['prune-keep-tag'].trim()), on('prune')]
  ]
  for (const [name, needs, present, fits] of onlyWith) {
    if (present && !fits) {
      throw new InputError(
        name,
        `means something only with \`${needs}\`: leave it out, or use \`${needs}\`.`
      )
    }
  }
  if (input === 'export-to') {
    if (given('configuration-id')) {
      throw new InputError(
        'configuration-id',
        'does not go with `export-to`: an export writes every configuration of the integrations in `integration-keys`. Leave it out, and delete the files you do not want after the export.'
      )
    }
    const against = (
      [
        'comment-on-pr',
        'require-approved-plan',
        'create-missing',
        'fail-on-drift',
        'dry-run',
        'rotate-secrets'
      ] as const
    ).find(name => parseBoolean(n => raw[n], name))
    if (against) {
      throw new InputError(
        against,
        'does not go with `export-to`: an export reads LaunchDarkly and writes files, and plans or changes nothing. Plan the exported files in a step of their own.'
      )
    }
  }
}

/**
 * Inputs of 1.0 that mean nothing for this work. A workflow may give them to every step (that
 * was never refused), so they are a warning that names them rather than an error.
 */
export function ignoredInputs(input: ChangeInput, raw: RawInputs): string[] {
  const on = (name: InputName) => parseBoolean(n => raw[n], name)
  const patching = input === 'patch' || input === 'patch-file' || input === 'enabled'
  const commenting = on('comment-on-pr') || on('require-approved-plan')
  const notes: [InputName, boolean, string][] = [
    [
      'create-missing',
      on('create-missing') && patching,
      'a patch changes one existing configuration: only `desired-state-file` creates.'
    ],
    [
      'rotate-secrets',
      on('rotate-secrets') && patching,
      'a patch writes every secret its operations set anyway; `rotate-secrets` is for `desired-state-file`.'
    ],
    [
      'comment-key',
      raw['comment-key'].trim() !== '' && !commenting,
      'nothing is commented: it goes with `comment-on-pr` or `require-approved-plan`.'
    ],
    [
      'pr-number',
      raw['pr-number'].trim() !== '' && !commenting,
      'nothing is commented: it goes with `comment-on-pr` or `require-approved-plan`.'
    ]
  ]
  return notes
    .filter(([, ignoredHere]) => ignoredHere)
    .map(([name, , why]) => `Input \`${name}\` is ignored: ${why}`)
}
