/**
 * Serves the LaunchDarkly emulator until it is killed, for running the action itself (`uses: ./`)
 * in CI, as .github/workflows/ci.yml does:
 *
 *   npx tsx scripts/serve-emulator.ts [state-file] > emulator.log 2>&1 &
 *
 * Seeds one custom-approvals configuration, "Approvals (prod)" (the one the patch-mode runs change),
 * and the "Guardian paging (staging)" configuration that examples/launchdarkly/paging.yaml expects to
 * exist (the file leaves its configValues alone, so it cannot be created from the file). Then writes
 * `{url, configurationId}` (the approvals configuration's _id) as JSON to the state file (default
 * .cache/emulator.json; written whole, so a reader that waits for it never sees half of it) and
 * prints the URL. SIGTERM or SIGINT closes the server.
 * The emulator's tokens are WRITER_TOKEN and READER_TOKEN (emulators/launchdarkly.ts).
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { LaunchDarklyEmulator } from '../emulators/launchdarkly.js'

const stateFile = resolve(process.argv[2] ?? '.cache/emulator.json')
rmSync(stateFile, { force: true })

const ld = await LaunchDarklyEmulator.start()
const [approvals] = ld.seed({
  integrationKey: 'custom-approvals',
  name: 'Approvals (prod)',
  enabled: true,
  tags: ['prod'],
  configValues: {
    baseURL: 'https://approvals.example.com',
    apiKey: 'emulator-approvals-key'
  }
})
ld.seed({
  integrationKey: 'pagerduty-guardian-edition',
  name: 'Guardian paging (staging)',
  enabled: true,
  tags: ['staging'],
  configValues: { integrationKey: 'RSTAGING0000000000000000000000000', severity: 'warning' }
})
if (!approvals) throw new Error('the emulator did not seed the configuration')

mkdirSync(dirname(stateFile), { recursive: true })
const partial = `${stateFile}.${process.pid}.tmp`
writeFileSync(partial, `${JSON.stringify({ url: ld.url, configurationId: approvals._id })}\n`)
renameSync(partial, stateFile)
console.log(ld.url)

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    void ld.close().then(() => process.exit(0))
  })
}
