/**
 * Desired-state files: what configurations should be, kept in the repository. Each file holds one
 * configuration or a list under `configurations`; this module checks them against the schema
 * generated from the spec, finds duplicates, and substitutes ${NAME} from the step's environment.
 */
import { validateDesiredStateFile } from '../generated/desired-state-validator.js'
import type { DesiredStateConfiguration, DesiredStateFile } from '../generated/validators.js'
import { lineAt, linesAt, parseInput } from './documents.js'
import { InputError, type InputLocation } from './errors.js'
import { excerptOf } from './excerpt.js'
import { configurationIdProblem, integrationKeyProblem } from './identifiers.js'
import { configValueProblems } from './manifest-rules.js'
import { formatPointer, parsePointer, valueAt } from './json-patch.js'
import { isOneOf, isRecord } from './narrow.js'
import type { DesiredFields } from './plan.js'
import { closest } from './suggest.js'
import { READ_ONLY_FIELDS, WRITABLE_FIELDS } from './types.js'

const INPUT = 'desired-state-file'
const FIELDS = ['id', 'integrationKey', ...WRITABLE_FIELDS]

/**
 * Which LaunchDarkly configuration an entry of a file is: the one with its `id` (an integrationKey
 * given beside it must be that configuration's; a name is then only a field to set), or the one of
 * its integration with its name.
 */
export type DesiredIdentity =
  | { by: 'id'; id: string; integrationKey: string | undefined; name: string | undefined }
  | { by: 'name'; id?: undefined; integrationKey: string; name: string }

interface DesiredEntry {
  file: string
  /** Position in its file, from 0. */
  index: number
  /** The line of its file where it starts. */
  line: number | undefined
  /** How messages name it: its name, else its id. */
  label: string
  fields: DesiredFields
  /** Values that came from the environment: secrets to mask wherever they could show. */
  substituted: string[]
  /** Pointers (within the configuration) of the values that hold a substitution. */
  substitutedPaths: string[]
}

export type DesiredConfiguration = DesiredEntry & DesiredIdentity

/** An entry as its file gives it, before it is known to say which configuration it is. */
interface UnidentifiedEntry extends DesiredEntry {
  id: string | undefined
  integrationKey: string | undefined
  name: string | undefined
}

export interface DesiredStateOptions {
  /** The `configuration-id` input: names a lone configuration that has no `id`. */
  configurationId: string | undefined
  environment: Readonly<Record<string, string | undefined>>
  /**
   * Told each value as it is substituted, before anything can fail: an error about a file (a
   * manifest check, a duplicate name) may quote a substituted value, and must find it masked.
   */
  protect?: (values: readonly string[]) => void
}

export async function loadDesiredState(
  files: readonly { path: string; text: string }[],
  options: DesiredStateOptions
): Promise<DesiredConfiguration[]> {
  const entries: UnidentifiedEntry[] = []
  for (const { path, text } of files) {
    // An input error about a line of this file gets the lines around it, for the report.
    await withExcerpt(path, text, async () => {
      const document = await validateFile(await parseInput(text, INPUT, path), path, text)
      const inList = document.configurations !== undefined
      const list = document.configurations === undefined ? [document] : document.configurations
      const lines = inList
        ? await linesAt(
            text,
            list.map((_raw, index) => ['configurations', index])
          )
        : [1]
      for (const [index, raw] of list.entries()) {
        const desired = await toDesired(raw, index, path, text, inList, options)
        entries.push({ ...desired, line: lines[index] })
      }
    })
  }
  const [only, ...others] = entries
  if (only && others.length === 0 && options.configurationId) {
    if (only.id && only.id !== options.configurationId) {
      throw new InputError(
        'configuration-id',
        `names ${options.configurationId}, but ${only.file} gives id ${only.id}: keep one of the two.`
      )
    }
    only.id = options.configurationId
  } else if (options.configurationId) {
    throw new InputError(
      'configuration-id',
      `can only name a configuration when the desired state holds exactly one; it holds ${entries.length}. Put an \`id\` in each configuration instead.`
    )
  }
  if (entries.length === 0) {
    throw new InputError(INPUT, 'holds no configuration: a drift check of nothing would pass.')
  }
  const configurations = entries.map(identify)
  assertNoDuplicates(configurations)
  return configurations
}

/** Whether a document (valid or not) is the list form: a map with `configurations`. */
function isList(document: unknown): boolean {
  return isRecord(document) && 'configurations' in document
}

async function validateFile(
  document: unknown,
  file: string,
  text: string
): Promise<DesiredStateFile> {
  if (validateDesiredStateFile(document)) return document
  const errors = validateDesiredStateFile.errors ?? []
  // With if/then/else, ajv also reports the branch failing; the innermost error is the useful one.
  const error =
    errors.find(e => e.keyword === 'additionalProperties') ??
    errors.find(e => e.keyword !== 'if' && e.keyword !== 'oneOf') ??
    errors[0]
  const tokens = parsePointer(error?.instancePath ?? '') ?? []
  const inList = tokens[0] === 'configurations' && tokens.length >= 2
  const configuration = inList ? describeAt(document, Number(tokens[1])) : undefined
  const fieldTokens = inList ? tokens.slice(2) : tokens
  let message: string
  let field = fieldTokens.join('/') || undefined
  if (error?.keyword === 'additionalProperties') {
    const extra = String(error.params.additionalProperty)
    field = [...fieldTokens, extra].join('/')
    message = unknownFieldMessage(extra, fieldTokens.length === 0 && (inList || !isList(document)))
  } else if (error?.keyword === 'pattern' && (field === 'id' || field === 'integrationKey')) {
    const value = String(valueAt(document, tokens))
    message = `\`${field}\` ${(field === 'id' ? configurationIdProblem(value) : integrationKeyProblem(value)) ?? 'is not valid'}.`
  } else if (error?.keyword === 'type' && tokens.length === 0) {
    message = 'must be a configuration (a map of fields) or a map with a `configurations` list.'
  } else {
    const allowed: unknown = error?.keyword === 'enum' ? error.params.allowedValues : undefined
    message = `${error?.message ?? 'is not valid'}${Array.isArray(allowed) ? ` (${allowed.join(', ')})` : ''}.`
  }
  const lineTokens =
    error?.keyword === 'additionalProperties'
      ? [...tokens, String(error.params.additionalProperty)]
      : tokens
  throw new InputError(INPUT, message, {
    file,
    line: await lineAt(text, lineTokens),
    configuration,
    field
  })
}

function unknownFieldMessage(field: string, topLevel: boolean): string {
  if (topLevel && isOneOf(READ_ONLY_FIELDS, field)) {
    return `\`${field}\` is read-only: LaunchDarkly sets it. To say which configuration this is, use \`id\` (or \`integrationKey\` and \`name\`); the fields you can manage are ${WRITABLE_FIELDS.join(', ')}.`
  }
  if (topLevel && field === 'on')
    return '`on` is not a field of an integration configuration: did you mean `enabled`?'
  const guess = topLevel ? closest(field, FIELDS) : undefined
  return `\`${field}\` is not a field here${guess ? ` (did you mean \`${guess}\`?)` : ''}${topLevel ? `; the fields are ${FIELDS.join(', ')}` : ''}.`
}

function describeAt(document: unknown, index: number): string {
  return describe(valueAt(document, ['configurations', String(index)]), index)
}

/** How messages name an entry of a file, valid or not: its position, and its name or id. */
function describe(item: unknown, index: number): string {
  const [name, id] = [valueAt(item, ['name']), valueAt(item, ['id'])]
  const shown = typeof name === 'string' ? name : typeof id === 'string' ? id : undefined
  return shown === undefined ? `#${index + 1}` : `#${index + 1} "${shown}"`
}

/** A member of a configuration that is text, as the schema has it. */
const textOf = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined

async function toDesired(
  raw: DesiredStateConfiguration,
  index: number,
  file: string,
  text: string,
  inList: boolean,
  options: DesiredStateOptions
): Promise<Omit<UnidentifiedEntry, 'line'>> {
  const substituted: string[] = []
  const substitutedPaths: string[] = []
  const base = inList ? ['configurations', String(index)] : []
  const where = async (tokens: string[]) => ({
    file,
    line: await lineAt(text, [...base, ...tokens]),
    configuration: describe(raw, index),
    field: tokens.join('/')
  })
  const substitute = async (value: unknown, tokens: string[]): Promise<unknown> => {
    if (typeof value === 'string') {
      const before = substituted.length
      const result = await substituteString(value, tokens, substituted, options, where)
      if (substituted.length > before) substitutedPaths.push(formatPointer(tokens))
      return result
    }
    if (Array.isArray(value)) {
      const out: unknown[] = []
      for (const [i, item] of value.entries())
        out.push(await substitute(item, [...tokens, String(i)]))
      return out
    }
    if (value !== null && typeof value === 'object') return substituteObject(value, tokens)
    return value
  }
  const substituteObject = async (
    value: object,
    tokens: string[]
  ): Promise<Record<string, unknown>> => {
    const out: Record<string, unknown> = {}
    for (const [key, inner] of Object.entries(value))
      out[key] = await substitute(inner, [...tokens, key])
    return out
  }
  const resolved = await substituteObject(raw, [])
  const integrationKey = textOf(resolved.integrationKey)
  // What the manifest says of the values is known now, when the file names its integration:
  // a wrong value fails here, naming its line, before any request.
  const values = resolved.configValues
  if (integrationKey && isRecord(values)) {
    const [problem] = configValueProblems(integrationKey, values, Object.keys(values))
    if (problem) {
      throw new InputError(INPUT, problem.message, await where(['configValues', problem.key]))
    }
  }
  const fields: DesiredFields = {}
  for (const field of WRITABLE_FIELDS) {
    if (resolved[field] !== undefined) Object.assign(fields, { [field]: resolved[field] })
  }
  return {
    file,
    index,
    label: describe(resolved, index),
    id: textOf(resolved.id),
    integrationKey,
    name: textOf(resolved.name),
    fields,
    substituted,
    substitutedPaths
  }
}

async function substituteString(
  value: string,
  tokens: string[],
  substituted: string[],
  options: DesiredStateOptions,
  where: (tokens: string[]) => Promise<InputLocation & { file: string }>
): Promise<string> {
  let missing: string | undefined
  let missingVariable: string | undefined
  const result = value.replace(/\$\$\{|\$\{([^}]*)\}/g, (match, name: string | undefined) => {
    if (match === '$${') return '${'
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name ?? '')) {
      missing ??= `"\${${name}}" is not a variable reference (a name of letters, digits and _); write $\${ for a literal \${`
      return match
    }
    const replacement = name === undefined ? undefined : options.environment[name]
    if (replacement === undefined) {
      missingVariable ??= name
      missing ??= `refers to the environment variable ${name}, which is not set. ${workflowsFix(name ?? '', options.environment)}`
      return match
    }
    substituted.push(replacement)
    options.protect?.([replacement])
    return replacement
  })
  if (missing) {
    // A variable the step does not set is the workflow's to fix, not the line that uses it.
    const location = { ...(await where(tokens)), ...(missingVariable ? { workflow: true } : {}) }
    throw new InputError(INPUT, `${missing}.`, location)
  }
  return result
}

/** The entry with what says which configuration it is: its `id`, or its integrationKey and name. */
async function withExcerpt(path: string, text: string, load: () => Promise<void>): Promise<void> {
  try {
    await load()
  } catch (error) {
    if (
      error instanceof InputError &&
      error.excerpt === undefined &&
      error.location.file === path &&
      error.location.line
    ) {
      error.excerpt = excerptOf(text, error.location.line)
    }
    throw error
  }
}

/** What to change in the workflow when a step does not set a variable a file refers to. */
function workflowsFix(name: string, environment: DesiredStateOptions['environment']): string {
  const step = [
    environment.GITHUB_WORKFLOW && `workflow "${environment.GITHUB_WORKFLOW}"`,
    environment.GITHUB_JOB && `job ${environment.GITHUB_JOB}`
  ]
    .filter(Boolean)
    .join(', ')
  return `This is the workflow's to fix, not this file's: the step that runs the action${step ? ` (${step})` : ''} has no ${name} in its \`env:\`. Add \`${name}: \${{ secrets.${name} }}\` there, and check that the secret exists (a pull request from a fork gets no secrets)`
}

function identify(entry: UnidentifiedEntry): DesiredConfiguration {
  const { id, integrationKey, name } = entry
  if (id) return { ...entry, by: 'id', id }
  if (integrationKey && name) return { ...entry, by: 'name', id: undefined, integrationKey, name }
  throw new InputError(
    INPUT,
    'says which configuration it is with `id`, or with `integrationKey` and `name`; it has neither.',
    { file: entry.file, configuration: entry.label }
  )
}

function assertNoDuplicates(configurations: readonly DesiredConfiguration[]): void {
  const seen = new Map<string, DesiredConfiguration>()
  for (const configuration of configurations) {
    const key = configuration.id
      ? `id ${configuration.id}`
      : `integrationKey ${configuration.integrationKey} and name "${configuration.name}"`
    const first = seen.get(key)
    if (first) {
      throw new InputError(
        INPUT,
        `describes the same configuration (${key}) as ${first.file} configuration ${first.label}: keep one of the two.`,
        { file: configuration.file, configuration: configuration.label }
      )
    }
    seen.set(key, configuration)
  }
}
