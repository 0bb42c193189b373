/**
 * The inputs: every input read once, then parsed and validated, before any network call. A bad
 * input fails here with one message that names it and says how to fix it; nothing after this reads
 * an input or a file.
 */
import { createHash } from 'node:crypto'
import { parseInput } from './documents.js'
import type { DesiredConfiguration } from './desired-state.js'
import { InputError } from './errors.js'
import { NO_GUARDRAILS, type Guardrails } from './guardrail-types.js'
import { assertInputsFit, ignoredInputs } from './input-fit.js'
import { configurationIdProblem } from './identifiers.js'
import { parseBaseUri, parseBoolean, parseInteger, parseToken, splitLines } from './input-values.js'
import type { Operation } from './json-patch.js'
import { validateOperations } from './operations.js'
import { bidiControlIn, describeCharacter } from './visible.js'

/** Every input of action.yml (a unit test keeps the two lists equal). */
export const INPUT_NAMES = [
  'access-token',
  'base-uri',
  'configuration-id',
  'patch',
  'patch-file',
  'enabled',
  'desired-state-file',
  'dry-run',
  'create-missing',
  'rotate-secrets',
  'fail-on-drift',
  'concurrency',
  'request-timeout',
  'comment-on-pr',
  'github-token',
  'comment-key',
  'pr-number',
  'require-approved-plan',
  'export-to',
  'integration-keys',
  'export-overwrite',
  'prune',
  'prune-keep-tag',
  'protect',
  'protect-secrets',
  'max-changes',
  'allow-many-changes'
] as const
export type InputName = (typeof INPUT_NAMES)[number]

/** Each input's raw value as the runner gave it ('' when not given). */
export type RawInputs = Readonly<Record<InputName, string>>

/** Reads every input, once: the only place the action asks the runner for one. */
export function readRawInputs(read: (name: string) => string): RawInputs {
  return Object.fromEntries(INPUT_NAMES.map(name => [name, read(name)])) as RawInputs
}

/** The values to mask before anything else happens, so that not even a failure can print them. */
export function secretInputs(raw: RawInputs): string[] {
  return [raw['access-token'].trim(), raw['github-token'].trim()].filter(Boolean)
}

/** What the inputs take from the run's environment: the values of `${VAR}` in desired-state files. */
export interface InputContext {
  environment: Readonly<Record<string, string | undefined>>
  /** Masks substituted values as they are read (see DesiredStateOptions.protect). */
  protect?: (values: readonly string[]) => void
}

/** File access, given by the edge; paths are as the user wrote them, relative to the workspace. */
export interface FileSource {
  /**
   * Reads a file inside the workspace; throws InputError naming `input` when it cannot. Maybe
   * asynchronous: the edge may load its file code only when a file is read (an inline patch reads
   * none).
   */
  read(path: string, input: string): string | Promise<string>
  /** Expands paths and globs, in the order given, each file once; throws when one matches nothing. */
  expand(patterns: string[], input: string): Promise<string[]>
}

/** How the run reaches the pull request: for its comment, and for the approved plan. */
export interface GitHubSettings {
  token: string
  /** Tells this step's comment apart from others on the same pull request. */
  key: string
  prNumber: number | undefined
}

export interface Settings {
  baseUri: URL
  dryRun: boolean
  rotateSecrets: boolean
  createMissing: boolean
  failOnDrift: boolean
  concurrency: number
  requestTimeoutMs: number
  /** Present when the run comments on a pull request or checks an approved plan there. */
  github: GitHubSettings | undefined
  /** Whether to comment the change on the pull request. */
  comment: boolean
  /** Apply only the plan approved on the pull request (its comment's fingerprint). */
  requireApprovedPlan: boolean
  /** Delete the configurations of the files' integrations that no file describes. */
  prune: boolean
  /** The tag that keeps a configuration out of pruning. */
  pruneKeepTag: string
  /** What no plan of this step may do: `protect`, `max-changes` (see core/guardrails.ts). */
  guardrails: Guardrails
}

export type Work =
  | {
      kind: 'patch'
      configurationId: string
      operations: Operation[]
      /** The input the operations came from, for messages. */
      input: 'patch' | 'patch-file' | 'enabled'
      file: string | undefined
    }
  | { kind: 'desired-state'; configurations: DesiredConfiguration[] }
  | {
      kind: 'export'
      /** Relative to the workspace. */
      directory: string
      integrationKeys: string[]
      overwrite: boolean
    }

export interface Inputs {
  token: string
  settings: Settings
  work: Work
  /** Warnings for inputs given that mean nothing for this work (inputs of 1.0, so not errors). */
  ignored: string[]
}

export const CHANGE_INPUTS = [
  'patch',
  'patch-file',
  'enabled',
  'desired-state-file',
  'export-to'
] as const
export type ChangeInput = (typeof CHANGE_INPUTS)[number]

/** Bidi controls can reorder what a reviewer reads (Trojan Source): no input may hold one. */
function assertNoBidiControls(raw: RawInputs): void {
  for (const name of INPUT_NAMES) {
    const bidi = bidiControlIn(raw[name])
    if (!bidi) continue
    throw new InputError(
      name,
      `holds the bidi control character ${describeCharacter(bidi.character)} (line ${bidi.line}, column ${bidi.column}); bidi controls are not accepted, as they can reorder what a reviewer reads (Trojan Source): remove it.`
    )
  }
}

export async function parseInputs(
  raw: RawInputs,
  files: FileSource,
  context: InputContext
): Promise<Inputs> {
  const read = (name: InputName) => raw[name]
  assertNoBidiControls(raw)
  const token = parseToken(read('access-token'))
  // What the step is to do comes first: an input that does not go with it is the error to
  // report, not a check that only the other kinds of work make.
  const given = CHANGE_INPUTS.filter(name => read(name).trim() !== '')
  const [input, second] = given
  if (input === undefined || second !== undefined) {
    const which =
      given.length === 0
        ? 'none was given'
        : `this step gives ${given.map(g => `\`${g}\``).join(' and ')}`
    throw new InputError(
      second ?? 'patch',
      `give exactly one of \`patch\`, \`patch-file\`, \`enabled\`, \`desired-state-file\` or \`export-to\`; ${which}.`
    )
  }
  assertInputsFit(input, raw)
  const on = (name: InputName) => parseBoolean(read, name)
  if (on('require-approved-plan') && on('dry-run')) {
    throw new InputError(
      'require-approved-plan',
      'is for the apply: it applies only the plan approved on the pull request. A dry run writes nothing, so leave it out there (the plan job), or leave `dry-run` out to apply.'
    )
  }
  if (on('fail-on-drift') && !on('dry-run')) {
    throw new InputError(
      'fail-on-drift',
      'only means something in a dry run (it reports drift instead of fixing it): set `dry-run: true` too, or leave `fail-on-drift` out to apply the changes.'
    )
  }
  const settings: Settings = {
    baseUri: parseBaseUri(read('base-uri')),
    dryRun: on('dry-run'),
    rotateSecrets: on('rotate-secrets'),
    createMissing: on('create-missing'),
    failOnDrift: on('fail-on-drift'),
    concurrency: parseInteger(read, 'concurrency', 4, 1, 20),
    requestTimeoutMs: parseInteger(read, 'request-timeout', 30, 1, 600) * 1000,
    github: parseGitHubSettings(raw),
    comment: on('comment-on-pr'),
    requireApprovedPlan: on('require-approved-plan'),
    prune: on('prune'),
    pruneKeepTag: parseKeepTag(read('prune-keep-tag')),
    guardrails: await readGuardrails(raw, input === 'export-to')
  }
  const ignored = ignoredInputs(input, raw)
  if (input === 'export-to') {
    // Loaded on first use, with the manifests' list of integrations: only an export needs them.
    const { parseExport } = await import('./export-inputs.js')
    return { token, settings, work: parseExport(raw), ignored }
  }
  const configurationId = read('configuration-id').trim()

  if (input === 'desired-state-file') {
    const idProblem = configurationId === '' ? undefined : configurationIdProblem(configurationId)
    if (idProblem) throw new InputError('configuration-id', `${idProblem}.`)
    const paths = await files.expand(splitLines(read(input)), input)
    // Loaded on first use, with its validator: a patch-only run needs neither.
    const { loadDesiredState } = await import('./desired-state.js')
    const documents: { path: string; text: string }[] = []
    for (const path of paths) documents.push({ path, text: await files.read(path, input) })
    const configurations = await loadDesiredState(documents, {
      configurationId: configurationId || undefined,
      environment: context.environment,
      protect: context.protect
    })
    return { token, settings, work: { kind: 'desired-state', configurations }, ignored }
  }

  if (configurationId === '') {
    throw new InputError(
      'configuration-id',
      `is required with \`${input}\`: give the _id of the integration configuration to change (it is in the configuration's URL in LaunchDarkly, or in GET /api/v2/integration-configurations/keys/{integrationKey}).`
    )
  }
  const idProblem = configurationIdProblem(configurationId)
  if (idProblem) throw new InputError('configuration-id', `${idProblem}.`)
  let operations: Operation[]
  let file: string | undefined
  if (input === 'enabled') {
    operations = [{ op: 'replace', path: '/enabled', value: parseBoolean(read, 'enabled') }]
  } else {
    file = input === 'patch-file' ? read(input).trim() : undefined
    const text = file === undefined ? read(input) : await files.read(file, input)
    operations = validateOperations(await parseInput(text, input, file), input, file)
  }
  return {
    token,
    settings,
    work: { kind: 'patch', configurationId, operations, input, file },
    ignored
  }
}

/** The guardrails' inputs, parsed by their own module only when one is given (most runs give none). */
async function readGuardrails(raw: RawInputs, exporting: boolean): Promise<Guardrails> {
  const given =
    raw.protect.trim() !== '' ||
    raw['max-changes'].trim() !== '' ||
    (['protect-secrets', 'allow-many-changes'] as const).some(
      name => !['', 'false', 'False', 'FALSE'].includes(raw[name].trim())
    )
  if (!given) return NO_GUARDRAILS
  const { parseGuardrails } = await import('./guardrail-inputs.js')
  return parseGuardrails(name => raw[name], exporting)
}

/** The tag that keeps a configuration out of pruning: one of LaunchDarkly's tags' characters. */
function parseKeepTag(raw: string): string {
  const tag = raw.trim() || 'keep'
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(tag)) {
    throw new InputError(
      'prune-keep-tag',
      `must be one tag (letters, digits, . _ -, at most 64), not ${JSON.stringify(tag)}.`
    )
  }
  return tag
}

/**
 * Read on its own too, so that a run whose other inputs are bad can still say so on the pull
 * request. Present when the run comments or checks an approved plan.
 */
export function parseGitHubSettings(raw: RawInputs): GitHubSettings | undefined {
  const read = (name: InputName) => raw[name]
  const needed = (['comment-on-pr', 'require-approved-plan'] as const).filter(name =>
    parseBoolean(read, name)
  )
  if (needed.length === 0) return undefined
  const token = read('github-token').trim()
  if (token === '') {
    throw new InputError(
      'github-token',
      `is empty, and \`${needed[0]}\` needs it: leave it out to use the workflow's own token (\`\${{ github.token }}\`).`
    )
  }
  const rawNumber = read('pr-number').trim()
  if (rawNumber !== '' && !/^[1-9][0-9]*$/.test(rawNumber)) {
    throw new InputError(
      'pr-number',
      `must be a pull request number, not ${JSON.stringify(rawNumber)}.`
    )
  }
  const key = read('comment-key').trim() || defaultCommentKey(raw)
  if (/[^A-Za-z0-9._:/@ -]/.test(key) || key.length > 200) {
    throw new InputError(
      'comment-key',
      'may hold letters, digits, spaces and . _ : / @ - only (at most 200 characters).'
    )
  }
  return { token, key, prNumber: rawNumber === '' ? undefined : Number(rawNumber) }
}

/**
 * One comment through a pull request's life: the plan job and the apply job of the same files on
 * the same instance share it, whatever the workflow and job are called; matrix legs over other
 * instances or files get their own. So the key is a digest of what the step manages, only.
 */
export function defaultCommentKey(raw: RawInputs): string {
  const scope = (['base-uri', 'configuration-id', 'patch-file', 'desired-state-file'] as const)
    .map(name => raw[name].trim())
    .join('\n')
  return `launchdarkly:${createHash('sha256').update(scope).digest('hex').slice(0, 12)}`
}
