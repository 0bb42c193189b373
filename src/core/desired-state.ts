/**
 * Desired-state files: what configurations should be, kept in the repository. Each file holds one
 * configuration or a list under `configurations`; this module checks them against the schema
 * generated from the spec, finds duplicates, and substitutes ${NAME} from the step's environment.
 */
import { validateDesiredStateFile } from '../generated/validators.js'
import { lineAt, linesAt, parseInput } from './documents.js'
import { InputError, type InputLocation } from './errors.js'
import { excerptOf } from './excerpt.js'
import { configurationIdProblem, integrationKeyProblem } from './identifiers.js'
import { configValueProblems } from './manifest-rules.js'
import { formatPointer, parsePointer, valueAt } from './json-patch.js'
import type { DesiredFields } from './plan.js'
import { closest } from './suggest.js'
import { READ_ONLY_FIELDS, WRITABLE_FIELDS } from './types.js'

const INPUT = 'desired-state-file'
const FIELDS = ['id', 'integrationKey', ...WRITABLE_FIELDS]

export interface DesiredConfiguration {
  file: string
  /** Position in its file, from 0. */
  index: number
  /** The line of its file where it starts. */
  line: number | undefined
  /** How messages name it: its name, else its id. */
  label: string
  id: string | undefined
  integrationKey: string | undefined
  name: string | undefined
  fields: DesiredFields
  /** Values that came from the environment: secrets to mask wherever they could show. */
  substituted: string[]
  /** Pointers (within the configuration) of the values that hold a substitution. */
  substitutedPaths: string[]
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

interface RawConfiguration {
  id?: string
  integrationKey?: string
  name?: string
  [field: string]: unknown
}

export async function loadDesiredState(
  files: readonly { path: string; text: string }[],
  options: DesiredStateOptions
): Promise<DesiredConfiguration[]> {
  const configurations: DesiredConfiguration[] = []
  for (const { path, text } of files) {
    await withExcerpt(path, text, () => loadFile(path, text, options, configurations))
  }
  if (configurations.length === 1 && options.configurationId) {
    const only = configurations[0] as DesiredConfiguration
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
      `can only name a configuration when the desired state holds exactly one; it holds ${configurations.length}. Put an \`id\` in each configuration instead.`
    )
  }
  if (configurations.length === 0) {
    throw new InputError(INPUT, 'holds no configuration: a drift check of nothing would pass.')
  }
  for (const configuration of configurations) assertIdentified(configuration)
  assertNoDuplicates(configurations)
  return configurations
}

/** One file's configurations, added to `configurations`. */
async function loadFile(
  path: string,
  text: string,
  options: DesiredStateOptions,
  configurations: DesiredConfiguration[]
): Promise<void> {
  const document = await parseInput(text, INPUT, path)
  await validateFile(document, path, text)
  const list = isList(document)
    ? (document as { configurations: RawConfiguration[] }).configurations
    : [document as RawConfiguration]
  const lines = isList(document)
    ? await linesAt(
        text,
        list.map((_raw, index) => ['configurations', index])
      )
    : [1]
  for (const [index, raw] of list.entries()) {
    const desired = await toDesired(raw, index, path, text, isList(document), options)
    configurations.push({ ...desired, line: lines[index] })
  }
}

/** An input error about a line of this file gets the lines around it, for the report. */
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

function isList(document: unknown): boolean {
  return document !== null && typeof document === 'object' && 'configurations' in document
}

async function validateFile(document: unknown, file: string, text: string): Promise<void> {
  if (validateDesiredStateFile(document)) return
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
    message = `${error?.message ?? 'is not valid'}${error?.keyword === 'enum' ? ` (${(error.params.allowedValues as unknown[]).join(', ')})` : ''}.`
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
  if (topLevel && (READ_ONLY_FIELDS as readonly string[]).includes(field)) {
    return `\`${field}\` is read-only: LaunchDarkly sets it. To say which configuration this is, use \`id\` (or \`integrationKey\` and \`name\`); the fields you can manage are ${WRITABLE_FIELDS.join(', ')}.`
  }
  if (topLevel && field === 'on')
    return '`on` is not a field of an integration configuration: did you mean `enabled`?'
  const guess = topLevel ? closest(field, FIELDS) : undefined
  return `\`${field}\` is not a field here${guess ? ` (did you mean \`${guess}\`?)` : ''}${topLevel ? `; the fields are ${FIELDS.join(', ')}` : ''}.`
}

function describeAt(document: unknown, index: number): string {
  const item = (document as { configurations?: RawConfiguration[] }).configurations?.[index]
  return describe(item, index)
}

function describe(item: RawConfiguration | undefined, index: number): string {
  const name =
    typeof item?.name === 'string' ? item.name : typeof item?.id === 'string' ? item.id : undefined
  return name === undefined ? `#${index + 1}` : `#${index + 1} "${name}"`
}

async function toDesired(
  raw: RawConfiguration,
  index: number,
  file: string,
  text: string,
  inList: boolean,
  options: DesiredStateOptions
): Promise<Omit<DesiredConfiguration, 'line'>> {
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
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {}
      for (const [key, inner] of Object.entries(value))
        out[key] = await substitute(inner, [...tokens, key])
      return out
    }
    return value
  }
  const resolved = (await substitute(raw, [])) as RawConfiguration
  // What the manifest says of the values is known now, when the file names its integration:
  // a wrong value fails here, naming its line, before any request.
  const configValues = resolved.configValues
  if (resolved.integrationKey && configValues && typeof configValues === 'object') {
    const values = configValues as Record<string, unknown>
    const [problem] = configValueProblems(resolved.integrationKey, values, Object.keys(values))
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
    id: resolved.id,
    integrationKey: resolved.integrationKey,
    name: resolved.name,
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
    const replacement = options.environment[name as string]
    if (replacement === undefined) {
      missingVariable ??= name
      missing ??= `refers to the environment variable ${name}, which is not set. ${workflowsFix(name as string, options.environment)}`
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

function assertIdentified(configuration: DesiredConfiguration): void {
  if (configuration.id || (configuration.integrationKey && configuration.name)) return
  throw new InputError(
    INPUT,
    'says which configuration it is with `id`, or with `integrationKey` and `name`; it has neither.',
    { file: configuration.file, configuration: configuration.label }
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
