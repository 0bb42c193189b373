/**
 * Finds the type assertions in the action's sources, with the TypeScript compiler's own parser, so
 * that an `as` in a string, a comment or a template is never counted and a cast split over lines
 * is. What counts: `x as T` (but not `x as const`, which asserts nothing about a value), the old
 * `<T>x` form, and the non-null `x!`, which is an assertion too. src/generated/ is left out: it is
 * made from spec/ by the generator.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'

export interface TypeAssertion {
  /** The file, relative to the project's root, with forward slashes. */
  file: string
  line: number
  kind: 'as' | 'angle-bracket' | 'non-null'
  text: string
}

const ROOT = new URL('../../', import.meta.url).pathname

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(path)
    return /\.(c|m)?tsx?$/.test(entry.name) ? [path] : []
  })
}

/** The type assertions of one source text. */
export function typeAssertionsIn(file: string, text: string): TypeAssertion[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
  const found: TypeAssertion[] = []
  const add = (node: ts.Node, kind: TypeAssertion['kind']) =>
    found.push({
      file,
      line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
      kind,
      text: node.getText(source).replace(/\s+/g, ' ')
    })
  const visit = (node: ts.Node): void => {
    if (ts.isAsExpression(node) && !ts.isConstTypeReference(node.type)) add(node, 'as')
    else if (ts.isTypeAssertionExpression(node)) add(node, 'angle-bracket')
    else if (ts.isNonNullExpression(node)) add(node, 'non-null')
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

/** The files counted: every TypeScript file in src/ outside src/generated/, relative, in name order. */
export function countedFiles(root = ROOT): string[] {
  return sourceFiles(join(root, 'src'))
    .map(path => relative(root, path).split('\\').join('/'))
    .sort()
}

/** Every type assertion in src/ outside src/generated/, file by file in name order. */
export function typeAssertionsInSources(root = ROOT): TypeAssertion[] {
  return countedFiles(root).flatMap(file =>
    typeAssertionsIn(file, readFileSync(join(root, file), 'utf8'))
  )
}
