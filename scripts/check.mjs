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

process.exitCode = diagnostics.length > 0 || lintErrors > 0 ? 1 : 0
