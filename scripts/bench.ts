/**
 * `npm run bench`: what the action costs, against the floor of the requests it must make. Prints a
 * table and writes it to BENCHMARKS.md. Everything runs against the LaunchDarkly emulator in this
 * process; the action runs as the runner runs it (node dist/index.js).
 */
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir, totalmem, type as osType, release } from 'node:os'
import { join } from 'node:path'
import {
  LaunchDarklyEmulator,
  WRITER_TOKEN,
  type LaunchDarklyEmulatorOptions
} from '../emulators/launchdarkly.js'
import { runAction, type RunResult } from '../emulators/runner.js'

const ROOT = new URL('../', import.meta.url)
const RUNS = Number(process.env.BENCH_RUNS ?? 15)
const rows: string[][] = []
const notes: string[] = []
/** The bare fetch script's median, for the notes. */
let baselineMs = 0
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number
const ms = (value: number) => `${Math.round(value)} ms`
const ratio = (value: number) => `${value.toFixed(2)} x`
const record = (...row: string[]) => {
  rows.push(row)
  console.log(row.join(' | '))
}

async function withEmulator<T>(
  options: LaunchDarklyEmulatorOptions,
  body: (ld: LaunchDarklyEmulator) => Promise<T>
): Promise<T> {
  const ld = await LaunchDarklyEmulator.start(options)
  try {
    return await body(ld)
  } finally {
    await ld.close()
  }
}

function timeSpawn(script: string, env: Record<string, string>): Promise<number> {
  return new Promise(resolve => {
    const started = process.hrtime.bigint()
    const child = spawn(process.execPath, [script], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: 'ignore'
    })
    child.on('close', () => resolve(Number(process.hrtime.bigint() - started) / 1e6))
  })
}

function check(result: RunResult, what: string): RunResult {
  if (result.exitCode !== 0) throw new Error(`${what} failed: ${result.stdout}\n${result.stderr}`)
  return result
}

/** Desired-state files for `perKey` configurations of each integration key, each with one change. */
function desiredState(
  ld: LaunchDarklyEmulator,
  keys: string[],
  perKey: number
): Record<string, string> {
  const files: Record<string, string> = {}
  for (const integrationKey of keys) {
    const seeded = ld.seed(
      ...Array.from({ length: perKey }, (_, i) => ({
        integrationKey,
        name: `${integrationKey} ${i}`,
        tags: ['old'],
        configValues: {}
      }))
    )
    files[`ld/${integrationKey}.yaml`] =
      'configurations:\n' +
      seeded
        .map(c => `  - {integrationKey: ${integrationKey}, id: ${c._id}, tags: [new]}\n`)
        .join('')
  }
  return files
}

const KEYS = ['custom-approvals', 'pagerduty-guardian-edition', 'servicenow-app', 'devin']

async function coldStart(): Promise<void> {
  await withEmulator({}, async ld => {
    const [forAction, forBaseline] = ld.seed(
      { integrationKey: 'custom-approvals', name: 'Action', configValues: {} },
      { integrationKey: 'custom-approvals', name: 'Baseline', configValues: {} }
    )
    const action: number[] = []
    const baseline: number[] = []
    for (let i = 0; i < RUNS; i++) {
      const enabled = i % 2 === 1
      const patch = `[{"op":"replace","path":"/enabled","value":${enabled}}]`
      const result = check(
        await runAction({
          inputs: {
            'access-token': WRITER_TOKEN,
            'base-uri': ld.url,
            'configuration-id': forAction?._id ?? '',
            patch
          }
        }),
        'cold start'
      )
      action.push(result.durationMs)
      baseline.push(
        await timeSpawn(new URL('scripts/bench/baseline.mjs', ROOT).pathname, {
          BENCH_URL: ld.url,
          BENCH_TOKEN: WRITER_TOKEN,
          BENCH_ID: forBaseline?._id ?? '',
          BENCH_ENABLED: String(enabled)
        })
      )
    }
    baselineMs = median(baseline)
    record(
      'Cold start, one change (median of ' + RUNS + ')',
      ms(median(action)),
      ms(median(baseline)) + ' (bare fetch script)',
      ratio(median(action) / median(baseline)),
      '≤ 1.10 x'
    )
  })
}

/** Where start-up time goes: Node itself, @actions/core alone, and the action up to its first check. */
async function startupBreakdown(): Promise<void> {
  const ncc = createRequire(import.meta.url)('@vercel/ncc') as (
    entry: string,
    options: object
  ) => Promise<{ code: string }>
  const dir = mkdtempSync(join(tmpdir(), 'bench-core-'))
  const { code } = await ncc(new URL('scripts/bench/core-only.ts', ROOT).pathname, {
    minify: true,
    quiet: true
  })
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}')
  writeFileSync(join(dir, 'index.js'), code)
  const empty = join(dir, 'empty.mjs')
  writeFileSync(empty, '')
  const series = async (script: string) => {
    const times: number[] = []
    for (let i = 0; i < RUNS; i++) times.push(await timeSpawn(script, {}))
    return median(times)
  }
  const node = await series(empty)
  const core = await series(join(dir, 'index.js'))
  // No inputs at all: the action stops at its first check, before any request.
  const action = await series(new URL('dist/index.js', ROOT).pathname)
  record('Start-up: Node alone', ms(node), '', '', '')
  record(
    'Start-up: @actions/core alone (minified bundle)',
    ms(core),
    `+${ms(core - node)} over Node`,
    '',
    ''
  )
  record(
    'Start-up: the action, up to its first input check',
    ms(action),
    `+${ms(action - core)} over @actions/core`,
    '',
    ''
  )
  notes.push(
    `Start-up: @actions/core costs ${ms(core - node)} here with the patch in patches/ (applied by npm ci). Unpatched, it imports @actions/http-client, and with it the whole undici library, at start-up, only for getIDToken (OIDC), which this action never calls (actions/toolkit#1697); this benchmark measured about 110 ms for that on the same machine before the patch. What else a run may not need (the GitHub client, the YAML parser, the glob library) is loaded only when a run needs it.`,
    'Bundle: ncc minifies only dist/index.js; the chunks loaded on demand (the GitHub client with undici, the YAML parser, the glob library) stay unminified, which is most of the total.'
  )
}

async function bundle(): Promise<void> {
  const dist = new URL('dist/', ROOT)
  const files = readdirSync(dist).filter(name => name.endsWith('.js'))
  const total = readdirSync(dist).reduce((sum, name) => sum + statSync(new URL(name, dist)).size, 0)
  const trace = join(mkdtempSync(join(tmpdir(), 'bench-')), 'loads')
  writeFileSync(trace, '')
  await withEmulator({}, async ld => {
    const [c] = ld.seed({ integrationKey: 'custom-approvals', name: 'A', configValues: {} })
    check(
      await runAction({
        inputs: {
          'access-token': WRITER_TOKEN,
          'base-uri': ld.url,
          'configuration-id': c?._id ?? '',
          patch: '[{"op":"replace","path":"/enabled","value":false}]'
        },
        nodeArgs: ['--import', new URL('scripts/bench/trace-loads.mjs', ROOT).href],
        env: { BENCH_TRACE: trace }
      }),
      'traced run'
    )
  })
  const loaded = [
    ...new Set(
      readFileSync(trace, 'utf8')
        .split('\n')
        .filter(url => url.includes('/dist/'))
    )
  ]
  const loadedBytes = loaded.reduce((sum, url) => sum + statSync(new URL(url)).size, 0)
  record(
    'Bundle: dist/ in total',
    `${(total / 1024).toFixed(0)} KiB`,
    `${files.length} JS files`,
    '',
    ''
  )
  record(
    'Bundle: loaded by a patch-only run',
    `${(loadedBytes / 1024).toFixed(0)} KiB`,
    loaded.map(url => url.split('/').pop()).join(', '),
    '',
    '≤ 180 KiB'
  )
}

async function requests(): Promise<void> {
  const scenario = async (
    title: string,
    minimum: number,
    setup: (ld: LaunchDarklyEmulator) => {
      inputs: Record<string, string>
      files?: Record<string, string>
    },
    options: LaunchDarklyEmulatorOptions = {}
  ) =>
    withEmulator(options, async ld => {
      const { inputs, files } = setup(ld)
      check(
        await runAction({
          inputs: { 'access-token': WRITER_TOKEN, 'base-uri': ld.url, ...inputs },
          files
        }),
        title
      )
      const made = ld.server.requests.length
      record(
        `Requests: ${title}`,
        String(made),
        `minimum ${minimum}`,
        made === minimum ? 'at the minimum' : `${made - minimum} over`,
        '= minimum'
      )
    })
  await scenario('no-op patch', 1, ld => {
    const [c] = ld.seed({
      integrationKey: 'custom-approvals',
      name: 'A',
      enabled: true,
      configValues: {}
    })
    return { inputs: { 'configuration-id': c?._id ?? '', enabled: 'true' } }
  })
  await scenario('one change', 2, ld => {
    const [c] = ld.seed({
      integrationKey: 'custom-approvals',
      name: 'A',
      enabled: true,
      configValues: {}
    })
    return { inputs: { 'configuration-id': c?._id ?? '', enabled: 'false' } }
  })
  await scenario('50 configurations of one integration', 51, ld => ({
    inputs: { 'desired-state-file': 'ld/*.yaml' },
    files: desiredState(ld, KEYS.slice(0, 1), 50)
  }))
  await scenario('100 configurations across 4 integrations', 104, ld => ({
    inputs: { 'desired-state-file': 'ld/*.yaml' },
    files: desiredState(ld, KEYS, 25)
  }))
  // The unmanaged ones come from the list read anyway: the deletes are the only extra requests.
  await scenario('50 configurations of one integration and 10 in no file, pruned', 61, ld => {
    const files = desiredState(ld, KEYS.slice(0, 1), 50)
    ld.seed(
      ...Array.from({ length: 10 }, (_, i) => ({
        integrationKey: KEYS[0] as string,
        name: `stray ${i}`,
        configValues: {}
      }))
    )
    return { inputs: { 'desired-state-file': 'ld/*.yaml', prune: 'true' }, files }
  })
  await scenario('export of 100 configurations across 4 integrations', 4, ld => {
    desiredState(ld, KEYS, 25)
    return { inputs: { 'export-to': 'exported', 'integration-keys': KEYS.join('\n') } }
  })
  // The spec requires only `_links`, `_id` and `name` of a list item: what the run decides about
  // is then read by ID, one GET each, and nothing more.
  const requiredOnly: LaunchDarklyEmulatorOptions = { listItems: 'required-only' }
  await scenario(
    '50 configurations of one integration and 10 in no file, pruned, list items with only the required fields',
    121,
    ld => {
      const files = desiredState(ld, KEYS.slice(0, 1), 50)
      ld.seed(
        ...Array.from({ length: 10 }, (_, i) => ({
          integrationKey: KEYS[0] as string,
          name: `stray ${i}`,
          configValues: {}
        }))
      )
      return { inputs: { 'desired-state-file': 'ld/*.yaml', prune: 'true' }, files }
    },
    requiredOnly
  )
  await scenario(
    'export of 100 configurations across 4 integrations, list items with only the required fields',
    104,
    ld => {
      desiredState(ld, KEYS, 25)
      return { inputs: { 'export-to': 'exported', 'integration-keys': KEYS.join('\n') } }
    },
    requiredOnly
  )
}

async function exportTime(): Promise<void> {
  await withEmulator({}, async ld => {
    desiredState(ld, KEYS, 25)
    const times: number[] = []
    for (let i = 0; i < Math.min(RUNS, 5); i++) {
      const result = check(
        await runAction({
          inputs: {
            'access-token': WRITER_TOKEN,
            'base-uri': ld.url,
            'export-to': 'exported',
            'integration-keys': KEYS.join('\n')
          }
        }),
        'export'
      )
      times.push(result.durationMs)
    }
    notes.push(
      "Export: since issue 18 the whole process includes the export's proof of its round trip (every file loaded by the action's own loader, every configuration planned again, in memory, before any file is written): about 1 ms a configuration here, most of it the loader's YAML parse, and the loading of the desired-state modules an export did not need before. Requests: with list items that carry only the fields the spec requires (`_links`, `_id`, `name`), each configuration the run decides about is read by ID once: the minimum is the lists, one GET each, and the writes."
    )
    record(
      `Export: 100 configurations of 4 integrations, whole process (median of ${times.length})`,
      ms(median(times)),
      `${ms(baselineMs)} (bare fetch script, 2 requests)`,
      ratio(median(times) / baselineMs),
      ''
    )
  })
}

async function throughput(): Promise<void> {
  await withEmulator({}, async ld => {
    const files = desiredState(ld, KEYS, 25)
    ld.server.latencyMs = 50
    const result = check(
      await runAction({
        inputs: {
          'access-token': WRITER_TOKEN,
          'base-uri': ld.url,
          'desired-state-file': 'ld/*.yaml'
        },
        files
      }),
      'throughput'
    )
    const ideal = (104 / 4) * 50
    // The span from the first request to the last answer: the action's scheduling, without the
    // start-up and exit of a Node process that the ideal leaves out (a bare script pays them too).
    const requests = ld.server.requests
    const span = Math.max(...requests.map(r => r.finishedAt)) - Math.min(...requests.map(r => r.at))
    record(
      'Throughput: 100 configurations, 4 integrations, +50 ms a response: first request to last answer',
      ms(span),
      `ideal ${ms(ideal)} (104 requests / 4 x 50 ms)`,
      ratio(span / ideal),
      '≤ 1.20 x'
    )
    record(
      'Throughput: the same, whole process',
      ms(result.durationMs),
      `ideal ${ms(ideal)}`,
      ratio(result.durationMs / ideal),
      ''
    )
    const service =
      requests.reduce((sum, r) => sum + (r.finishedAt - r.at - 50), 0) / requests.length
    notes.push(
      `Throughput: the ideal counts only the requests. The span from the first request to the last answer is how well the action keeps 4 requests in flight; it includes the emulator's own work (${service.toFixed(1)} ms a request on average, on the same two cores). The whole-process time adds what any Node process pays to start and exit (the bare fetch script above takes ${ms(baselineMs)} for two requests) and the reading of the four desired-state files.`
    )
  })
}

async function rateLimited(): Promise<void> {
  const windowMs = 10_000
  await withEmulator({ rateLimit: { limit: 20, windowMs } }, async ld => {
    const files = desiredState(ld, KEYS.slice(0, 1), 50)
    const result = await runAction({
      inputs: {
        'access-token': WRITER_TOKEN,
        'base-uri': ld.url,
        'desired-state-file': 'ld/*.yaml'
      },
      files,
      timeoutMs: 120_000
    })
    const limited = ld.server.requests.filter(r => r.status === 429)
    const failed = (JSON.parse(result.outputs.results ?? '[]') as { status: string }[]).filter(
      r => r.status !== 'updated'
    )
    // 50 PATCHes at 20 a window: the last batch can start at the beginning of the third window.
    const minimum = (Math.ceil(50 / 20) - 1) * windowMs
    const first = ld.server.requests[0]?.at ?? 0
    const perWindow = new Map<number, number>()
    for (const r of limited)
      perWindow.set(
        Math.floor((r.at - first) / windowMs),
        (perWindow.get(Math.floor((r.at - first) / windowMs)) ?? 0) + 1
      )
    record(
      'Rate limit 20 per 10 s window, 50 changes',
      ms(result.durationMs),
      `minimum ${ms(minimum)}`,
      ratio(result.durationMs / minimum),
      '≤ 1.10 x'
    )
    record(
      'Rate limit: 429s received / failures',
      `${limited.length} / ${failed.length + (result.exitCode === 0 ? 0 : 1)}`,
      `most 429s in one window: ${Math.max(0, ...perWindow.values())}`,
      '',
      '≤ 1 a window, 0 failures'
    )
  })
}

const machine = `${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${osType()} ${release()}, Node ${process.version}`
console.log(`Machine: ${machine}\n`)
await coldStart()
await startupBreakdown()
await bundle()
await requests()
await exportTime()
await throughput()
await rateLimited()

const table = [
  '| Measure | Action | Floor | Ratio | Target |',
  '| --- | --- | --- | --- | --- |',
  ...rows.map(row => `| ${row.join(' | ')} |`)
].join('\n')
writeFileSync(
  new URL('BENCHMARKS.md', ROOT),
  `# Benchmarks\n\nMeasured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}.\nMachine: ${machine}.\n\n${table}\n${notes.map(n => `\n${n}`).join('')}\n`
)
console.log('\nWrote BENCHMARKS.md')
