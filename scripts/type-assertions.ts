/**
 * `npx tsx scripts/type-assertions.ts`: counts the type assertions in src/ outside src/generated/
 * (`as T` but not `as const`, `<T>x`, and `x!`) and lists them. `--list` prints each one; the unit
 * test __tests__/unit/type-assertions.test.ts holds the count at its limit.
 */
import { typeAssertionsInSources } from './lib/type-assertions.js'

const found = typeAssertionsInSources()
if (process.argv.includes('--list')) {
  for (const a of found) console.log(`${a.file}:${a.line}  ${a.kind.padEnd(13)} ${a.text}`)
}
const by = (kind: string) => found.filter(a => a.kind === kind).length
console.log(
  `${found.length} type assertions in src/ outside src/generated/: ${by('as')} \`as\`, ${by('angle-bracket')} \`<T>\`, ${by('non-null')} \`!\``
)
