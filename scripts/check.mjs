// `npm run check`: the type check (`npm run typecheck`) and ESLint (`eslint .`) in one process, over
// one TypeScript program. Run apart, each builds the same program of 800 files (half a million lines
// of declarations) and checks it: together they cost a third less CPU, which `npm test` needs on a
// two-core machine. The findings are the same: tsconfig.json and eslint.config.js decide them; this
// only hands ESLint's type-aware rules the program the type check has built (typescript-eslint's
// `programs` option, in place of the project service).
// `npm run check` gives V8 a young generation of 64 MB (`--max-semi-space-size`): the compiler
// allocates in bursts that the default (16 MB) collects four times as often, 7% of the CPU (paired
// runs, `farm-bench`).
import { ESLint } from 'eslint'
import ts from 'typescript'

const host = {
  ...ts.sys,
  onUnRecoverableConfigFileDiagnostic: diagnostic => {
    throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))
  }
}
const config = ts.getParsedCommandLineOfConfigFile('tsconfig.json', {}, host)
const program = ts.createProgram({
  rootNames: config.fileNames,
  options: config.options,
  projectReferences: config.projectReferences
})
const diagnostics = [...config.errors, ...ts.getPreEmitDiagnostics(program)]
if (diagnostics.length > 0) {
  const formatHost = {
    getCanonicalFileName: name => name,
    getCurrentDirectory: ts.sys.getCurrentDirectory,
    getNewLine: () => ts.sys.newLine
  }
  const format = process.stdout.isTTY
    ? ts.formatDiagnosticsWithColorAndContext
    : ts.formatDiagnostics
  process.stdout.write(format(diagnostics, formatHost))
  process.stdout.write(
    `\nType check: ${diagnostics.length} error(s), as \`npm run typecheck\` gives.\n`
  )
}

/**
 * Import cycles among the project's own TypeScript files: the edges are static imports and
 * re-exports that are not type-only. A type-only import leaves no trace at run time, and a module
 * loaded by `import()` on first use is loaded after every static import has run, so neither can
 * leave a module half-initialised. Read from the program already built: eslint-plugin-import-x's
 * `no-cycle`, which this replaces, parsed every file again, for a second of CPU.
 */
function importCycles() {
  const own = program
    .getSourceFiles()
    .filter(file => !file.isDeclarationFile && !file.fileName.includes('/node_modules/'))
  const edges = new Map()
  for (const file of own) {
    const targets = []
    for (const statement of file.statements) {
      const specifier = statement.moduleSpecifier
      if (!specifier || !ts.isStringLiteral(specifier)) continue
      const typeOnly = ts.isImportDeclaration(statement)
        ? statement.importClause?.isTypeOnly === true ||
          (statement.importClause !== undefined &&
            statement.importClause.name === undefined &&
            statement.importClause.namedBindings !== undefined &&
            ts.isNamedImports(statement.importClause.namedBindings) &&
            statement.importClause.namedBindings.elements.length > 0 &&
            statement.importClause.namedBindings.elements.every(element => element.isTypeOnly))
        : ts.isExportDeclaration(statement) && statement.isTypeOnly
      if (typeOnly) continue
      const resolved = ts.resolveModuleName(specifier.text, file.fileName, config.options, ts.sys)
        .resolvedModule?.resolvedFileName
      if (resolved && !resolved.includes('/node_modules/')) targets.push(resolved)
    }
    edges.set(file.fileName, targets)
  }
  // Tarjan's strongly connected components: each one of more than one file (or a file importing
  // itself) is a cycle, reported once by the path that closes it.
  const index = new Map()
  const low = new Map()
  const stack = []
  const onStack = new Set()
  const cycles = []
  let next = 0
  const visit = name => {
    index.set(name, next)
    low.set(name, next++)
    stack.push(name)
    onStack.add(name)
    for (const target of edges.get(name) ?? []) {
      if (!index.has(target)) {
        visit(target)
        low.set(name, Math.min(low.get(name), low.get(target)))
      } else if (onStack.has(target)) low.set(name, Math.min(low.get(name), index.get(target)))
    }
    if (low.get(name) !== index.get(name)) return
    const component = []
    let member
    do {
      member = stack.pop()
      onStack.delete(member)
      component.push(member)
    } while (member !== name)
    if (component.length > 1 || (edges.get(name) ?? []).includes(name))
      cycles.push(pathWithin(new Set(component), name))
  }
  // The shortest way round from a file of the component back to it.
  const pathWithin = (component, start) => {
    const cameFrom = new Map([[start, undefined]])
    const queue = [start]
    while (queue.length > 0) {
      const at = queue.shift()
      for (const target of edges.get(at) ?? []) {
        if (!component.has(target)) continue
        if (target === start) {
          const back = []
          for (let step = at; step !== undefined; step = cameFrom.get(step)) back.push(step)
          return [...back.reverse(), start]
        }
        if (!cameFrom.has(target)) {
          cameFrom.set(target, at)
          queue.push(target)
        }
      }
    }
    return [start, start]
  }
  for (const name of edges.keys()) if (!index.has(name)) visit(name)
  const relative = name => name.slice(process.cwd().length + 1)
  return cycles.map(cycle => cycle.map(relative).join(' → '))
}
const cycles = importCycles()
for (const cycle of cycles) {
  process.stdout.write(
    `Import cycle: ${cycle}\n  A module imports, through the others, the module that imports it: move what both need into a third, or load one of them with import() where it is first used.\n`
  )
}

const eslint = new ESLint({
  overrideConfig: [
    {
      files: ['**/*.ts'],
      languageOptions: { parserOptions: { projectService: false, programs: [program] } }
    }
  ]
})
const results = await eslint.lintFiles(['.'])
const report = await (await eslint.loadFormatter('stylish')).format(results)
if (report) process.stdout.write(report)
const lintErrors = results.reduce((count, result) => count + result.errorCount, 0)

process.exitCode = diagnostics.length > 0 || lintErrors > 0 || cycles.length > 0 ? 1 : 0
