/** Regenerates what the project derives from spec/ (types, secret keys, schema, validators). */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { generatedFiles } from './lib/generated-files.js'

const root = new URL('../', import.meta.url)
for (const [path, content] of Object.entries(await generatedFiles())) {
  const target = new URL(path, root)
  mkdirSync(dirname(target.pathname), { recursive: true })
  writeFileSync(target, content)
  console.log(`wrote ${path}`)
}
