/**
 * YAML as documents.ts accepts it, loaded (with the YAML library) only when a document is not JSON
 * or an error needs a line number: a patch-only run given JSON never loads it. Refuses anchors and
 * aliases, custom tags, keys that read alike, several documents, and numbers that cannot be sent
 * exactly.
 */
import { DocumentError } from './document-error.js'
import { assertExactNumber, MAX_DEPTH } from './strict-json.js'
import { abbreviate } from './text.js'

const CORE_TAGS = new Set([
  'tag:yaml.org,2002:str',
  'tag:yaml.org,2002:int',
  'tag:yaml.org,2002:float',
  'tag:yaml.org,2002:bool',
  'tag:yaml.org,2002:null',
  'tag:yaml.org,2002:map',
  'tag:yaml.org,2002:seq'
])

/** The value of a YAML document, or a DocumentError saying what in it is refused, and where. */
export async function parseYaml(text: string): Promise<unknown> {
  // The YAML parser recurses into flow collections: deep enough, it does not throw but takes the
  // whole process down (V8 runs out of memory compiling a regular expression on an exhausted
  // stack). So their depth is counted first, without parsing.
  const yaml = await import('yaml')
  const deep = deepFlowLine(yaml, text)
  if (deep !== undefined) {
    throw new DocumentError(`is nested more than ${MAX_DEPTH} levels deep (line ${deep})`, deep)
  }
  let documents: ReturnType<typeof yaml.parseAllDocuments>
  try {
    documents = yaml.parseAllDocuments(text, {
      uniqueKeys: true,
      merge: false,
      prettyErrors: false
    })
  } catch (error) {
    if (error instanceof RangeError) throw new DocumentError(`is nested too deeply to read`)
    throw error
  }
  if (!Array.isArray(documents)) throw new DocumentError('is not valid YAML')
  const [document, ...others] = documents
  if (document === undefined) {
    throw new DocumentError('holds nothing but comments; give the content, or leave the input out')
  }
  if (others.length > 0) {
    throw new DocumentError(`holds ${documents.length} YAML documents; put everything in one`)
  }
  const lineCounter = lineOf(text)
  const problem = document.errors[0] ?? document.warnings[0]
  if (problem?.code === 'RESOURCE_EXHAUSTION') {
    throw new DocumentError(`is nested more than ${MAX_DEPTH} levels deep`)
  }
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
  const refusal = firstRefusal(yaml, document, lineCounter)
  if (refusal) throw refusal
  return document.toJS({ maxAliasCount: 0 })
}

/** Walks the YAML tree once, without recursion, for what the parser accepts and we do not. */
function firstRefusal(
  yaml: typeof import('yaml'),
  document: InstanceType<typeof import('yaml').Document>,
  lineCounter: (offset: number) => number
): DocumentError | undefined {
  const pending: { node: unknown; depth: number }[] = [{ node: document.contents, depth: 0 }]
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { node, depth } = next
    if (!yaml.isNode(node)) continue
    const line = lineCounter(node.range?.[0] ?? 0)
    if (yaml.isAlias(node)) {
      return new DocumentError(
        `uses the YAML alias *${node.source}; anchors and aliases are not accepted, so that what a reviewer reads is what is applied: write the value out`,
        line
      )
    }
    if (node.anchor) {
      return new DocumentError(
        `defines the YAML anchor &${node.anchor}; anchors and aliases are not accepted: write each value out`,
        line
      )
    }
    if (node.tag && !CORE_TAGS.has(node.tag)) {
      return new DocumentError(
        `uses the YAML tag ${node.tag}; only plain values (strings, numbers, booleans, null, lists, maps) are accepted`,
        line
      )
    }
    if (yaml.isScalar(node)) {
      const problem = numberProblem(node)
      if (problem) return new DocumentError(`${problem} (line ${line})`, line)
      continue
    }
    if (depth >= MAX_DEPTH) {
      return new DocumentError(`is nested more than ${MAX_DEPTH} levels deep (line ${line})`, line)
    }
    if (yaml.isMap(node)) {
      const refusal = keyRefusal(yaml, node, lineCounter)
      if (refusal) return refusal
    }
    // Children pushed last-first, so that the first problem in reading order is the one named.
    const items: unknown[] = yaml.isCollection(node) ? node.items : []
    const children = items.flatMap(item => (yaml.isPair(item) ? [item.key, item.value] : [item]))
    for (const child of children.reverse()) pending.push({ node: child, depth: depth + 1 })
  }
  return undefined
}

/**
 * A map's keys become the keys of a JSON object, which are strings. A list or map as a key would be
 * written out as text (and the YAML library warns about it on stderr, past the log's escaping); and
 * keys that YAML tells apart may read the same as text (1 and "1", null and ""), so that the last
 * would win unseen, as with a key given twice.
 */
function keyRefusal(
  yaml: typeof import('yaml'),
  map: import('yaml').YAMLMap,
  lineCounter: (offset: number) => number
): DocumentError | undefined {
  const seen = new Set<string>()
  for (const { key } of map.items) {
    const line = lineCounter((yaml.isNode(key) ? key.range?.[0] : undefined) ?? map.range?.[0] ?? 0)
    if (yaml.isCollection(key)) {
      return new DocumentError(
        `has a list or map as a key (line ${line}); keys must be plain text`,
        line
      )
    }
    // An alias is refused where the walk reaches it, with its own message.
    if (yaml.isAlias(key)) continue
    // As the YAML library makes a key into an object's: null (or no key at all) is "".
    const value: unknown = yaml.isScalar(key) ? key.value : key
    const text = value === null || value === undefined ? '' : String(value)
    if (seen.has(text)) {
      return new DocumentError(
        `gives the key ${JSON.stringify(text)} twice in one map, written differently (line ${line}); keep one`,
        line
      )
    }
    seen.add(text)
  }
  return undefined
}

/** YAML numbers that would change on the way to LaunchDarkly: .inf, .nan, 1e400, 2^64. */
function numberProblem(node: import('yaml').Scalar): string | undefined {
  if (typeof node.value !== 'number') return undefined
  const source = node.source ?? String(node.value)
  if (!Number.isFinite(node.value)) {
    return `has the number ${abbreviate(source, 40)}, which JSON cannot carry; write it as a string if it is text`
  }
  if (node.format === 'HEX' || node.format === 'OCT') {
    return Number.isSafeInteger(node.value)
      ? undefined
      : `has the number ${abbreviate(source, 40)}, which is too large to send exactly; write it as a string`
  }
  try {
    assertExactNumber(source, 0)
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
  return undefined
}

/**
 * The line where YAML flow collections ([ ] and { }) first nest deeper than MAX_DEPTH, if they do.
 * Counted on the YAML library's own tokens, so that what is a bracket and what is text (a quote in
 * a plain scalar, '' in a quoted one) is decided exactly as the parser will decide it; the lexer is
 * a loop, not a recursion, and does not build the tree that runs out of stack.
 */
function deepFlowLine(yaml: typeof import('yaml'), text: string): number | undefined {
  let depth = 0
  let line = 1
  for (const token of new yaml.Lexer().lex(text)) {
    if (token === '[' || token === '{') {
      depth += 1
      if (depth > MAX_DEPTH) return line
    } else if (token === ']' || token === '}') {
      depth = Math.max(0, depth - 1)
    } else if (token === yaml.CST.FLOW_END) {
      // The lexer gives up on a collection left open (the parser reports it): none is open.
      depth = 0
    } else {
      for (let i = token.indexOf('\n'); i !== -1; i = token.indexOf('\n', i + 1)) line += 1
    }
  }
  return undefined
}

/** The line of an offset; counts once, so that many lookups in one text stay cheap. */
function lineOf(text: string): (offset: number) => number {
  const starts = [0]
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
  return offset => {
    let [low, high] = [0, starts.length - 1]
    while (low < high) {
      const middle = Math.ceil((low + high) / 2)
      const start = starts[middle]
      if (start !== undefined && start <= offset) low = middle
      else high = middle - 1
    }
    return low + 1
  }
}

/** The lines where the values at `paths` start, with one parse; undefined where none is found. */
export async function linesAt(
  text: string,
  paths: readonly (readonly (string | number)[])[]
): Promise<(number | undefined)[]> {
  try {
    const yaml = await import('yaml')
    const source = text.startsWith('\ufeff') ? text.slice(1) : text
    const document = yaml.parseDocument(source)
    const lineCounter = lineOf(source)
    return paths.map(tokens => {
      for (let depth = tokens.length; depth >= 0; depth--) {
        // Sequences take string indexes too, so tokens are passed as they are.
        const path = tokens.slice(0, depth).map(String)
        const node = depth === 0 ? document.contents : document.getIn(path, true)
        const offset = yaml.isNode(node) ? node.range?.[0] : undefined
        if (offset !== undefined) return lineCounter(offset)
      }
      return undefined
    })
  } catch {
    // A line number is a courtesy; the message stands without it.
    return paths.map(() => undefined)
  }
}
