/**
 * Parses the JSON or YAML that users write (inline patches, patch files, desired-state files) into
 * plain values, refusing what would make a file mean something other than what a reviewer reads:
 * YAML anchors and aliases, custom tags, duplicate keys, several documents in one file, and keys that
 * reach an object's prototype.
 */
import { InputError } from './errors.js'

export const MAX_DOCUMENT_BYTES = 1024 * 1024

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])
const CORE_TAGS = new Set([
  'tag:yaml.org,2002:str',
  'tag:yaml.org,2002:int',
  'tag:yaml.org,2002:float',
  'tag:yaml.org,2002:bool',
  'tag:yaml.org,2002:null',
  'tag:yaml.org,2002:map',
  'tag:yaml.org,2002:seq'
])

export class DocumentError extends Error {
  constructor(
    message: string,
    /** 1-based line of the problem, where the parser knows it. */
    readonly line?: number
  ) {
    super(message)
    this.name = 'DocumentError'
  }
}

/**
 * JSON is tried first: it is what most generated patches are, and it needs no YAML parser at all
 * (the parser is loaded only when a document is not JSON, which keeps start-up cheap).
 */
export async function parseDocument(text: string): Promise<unknown> {
  if (Buffer.byteLength(text, 'utf8') > MAX_DOCUMENT_BYTES) {
    throw new DocumentError(`is larger than ${MAX_DOCUMENT_BYTES} bytes`)
  }
  if (text.trim() === '') throw new DocumentError('is empty')
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    value = await parseYaml(text)
  }
  assertNoForbiddenKeys(value, '')
  return value
}

async function parseYaml(text: string): Promise<unknown> {
  const yaml = await import('yaml')
  const documents = yaml.parseAllDocuments(text, {
    uniqueKeys: true,
    merge: false,
    prettyErrors: false
  })
  if (!Array.isArray(documents)) throw new DocumentError('is not valid YAML')
  if (documents.length !== 1) {
    throw new DocumentError(`holds ${documents.length} YAML documents; put everything in one`)
  }
  const document = documents[0] as InstanceType<typeof yaml.Document>
  const lineCounter = lineOf(text)
  const problem = document.errors[0] ?? document.warnings[0]
  if (problem?.code === 'TAG_RESOLVE_FAILED') {
    throw new DocumentError(
      `uses a YAML tag (${problem.message.replace(/^.*tag:/, 'tag:').replace(/\.$/, '')}); only plain values (strings, numbers, booleans, null, lists, maps) are accepted`,
      lineCounter(problem.pos[0])
    )
  }
  if (problem) {
    const line = lineCounter(problem.pos[0])
    const message = problem.message.split('\n')[0] ?? problem.message
    throw new DocumentError(`is not valid JSON or YAML (line ${line}): ${message}`, line)
  }
  let refusal: DocumentError | undefined
  yaml.visit(document, {
    Alias(_key, node) {
      refusal ??= new DocumentError(
        `uses the YAML alias *${node.source}; anchors and aliases are not accepted, so that what a reviewer reads is what is applied: write the value out`,
        lineCounter(node.range?.[0] ?? 0)
      )
      return yaml.visit.BREAK
    },
    Node(_key, node) {
      if (node.anchor) {
        refusal ??= new DocumentError(
          `defines the YAML anchor &${node.anchor}; anchors and aliases are not accepted: write each value out`,
          lineCounter(node.range?.[0] ?? 0)
        )
        return yaml.visit.BREAK
      }
      if (node.tag && !CORE_TAGS.has(node.tag)) {
        refusal ??= new DocumentError(
          `uses the YAML tag ${node.tag}; only plain values (strings, numbers, booleans, null, lists, maps) are accepted`,
          lineCounter(node.range?.[0] ?? 0)
        )
        return yaml.visit.BREAK
      }
      return undefined
    }
  })
  if (refusal) throw refusal
  return document.toJS({ maxAliasCount: 0 })
}

function lineOf(text: string): (offset: number) => number {
  return offset => text.slice(0, offset).split('\n').length
}

function assertNoForbiddenKeys(value: unknown, path: string): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => assertNoForbiddenKeys(item, `${path}/${i}`))
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) {
        throw new DocumentError(
          `has the key "${key}" at ${path || '/'}; keys that reach an object's prototype are refused`
        )
      }
      assertNoForbiddenKeys((value as Record<string, unknown>)[key], `${path}/${key}`)
    }
  }
}

/**
 * The 1-based line where the value at `tokens` starts, for annotations that point at it. Used on the
 * error path only, so the YAML parser (which reads JSON too) is loaded only when something is wrong.
 */
export async function lineAt(
  text: string,
  tokens: readonly (string | number)[]
): Promise<number | undefined> {
  try {
    const yaml = await import('yaml')
    const document = yaml.parseDocument(text)
    for (let depth = tokens.length; depth >= 0; depth--) {
      // Sequences take string indexes too, so tokens are passed as they are.
      const path = tokens.slice(0, depth).map(String)
      const node = depth === 0 ? document.contents : document.getIn(path, true)
      const offset = (node as { range?: [number, number, number] } | undefined)?.range?.[0]
      if (offset !== undefined) return lineOf(text)(offset)
    }
  } catch {
    // A line number is a courtesy; the message stands without it.
  }
  return undefined
}

/** Parses JSON or YAML, turning a parse failure into an InputError for that input. */
export async function parseInput(text: string, input: string, file?: string): Promise<unknown> {
  try {
    return await parseDocument(text)
  } catch (error) {
    if (error instanceof DocumentError) {
      throw new InputError(input, `${error.message}.`, { file, line: error.line })
    }
    throw error
  }
}
