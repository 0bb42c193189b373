/**
 * The workflows (.github/workflows and examples/workflows) against their contracts: actionlint, the
 * inputs action.yml declares, and third-party actions pinned by commit. Moved from
 * __tests__/unit/repository.test.ts, with every assertion it had.
 */
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

const root = new URL('../../', import.meta.url)
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8')
const list = (directory: string, extension: string): string[] =>
  readdirSync(new URL(directory, root))
    .filter(name => name.endsWith(extension))
    .sort()
    .map(name => `${directory}${name}`)

const workflows = [...list('.github/workflows/', '.yml'), ...list('examples/workflows/', '.yml')]

interface ActionManifest {
  inputs: Record<string, { required?: boolean; default?: string }>
}
const manifest = parse(read('action.yml')) as ActionManifest

const EXAMPLE_ACTION = 'acme/launchdarkly-integration-configuration-action@v1'

interface Step {
  id?: string
  uses?: string
  with?: Record<string, unknown>
}
interface Workflow {
  jobs: Record<string, { steps?: Step[] }>
}
const stepsOf = (path: string): Step[] =>
  Object.values((parse(read(path)) as Workflow).jobs).flatMap(job => job.steps ?? [])

/** actionlint in a process of its own (scripts/actionlint.mjs says why): its findings, as lines. */
function actionlint(paths: string[]): string[] {
  const result = spawnSync(process.execPath, ['scripts/actionlint.mjs', ...paths], {
    cwd: fileURLToPath(root),
    encoding: 'utf8'
  })
  // Not JSON means actionlint itself did not run: show why rather than a parse error.
  if (!result.stdout.trim().startsWith('[')) {
    throw new Error(`scripts/actionlint.mjs did not run: ${result.stderr || String(result.error)}`)
  }
  return JSON.parse(result.stdout) as string[]
}

/**
 * `queue: max` in a concurrency block (GitHub Actions, May 2026: "Increased queuing can be enabled
 * by adding queue: max to the concurrency block in YAML when cancel-in-progress is false or not
 * set", github.blog/changelog/2026-05-07) is newer than the actionlint bundled here, which calls
 * it an unexpected key. Accepted deliberately, and only where GitHub allows it: the test below
 * checks the value is `max` and cancel-in-progress is not true.
 */
const isQueueMax = (finding: string) =>
  finding.endsWith(
    ': unexpected key "queue" for "concurrency" section. expected one of "cancel-in-progress", "group" [syntax-check]'
  )

// One actionlint process for every file the tests below read (it costs about two seconds a start):
// each test takes the findings of its own files.
const BROKEN = '__tests__/fixtures/actionlint/broken.yml'
let findings: string[] = []
beforeAll(() => {
  findings = actionlint([...workflows, BROKEN])
})
const findingsIn = (paths: string[]) =>
  findings.filter(finding => paths.some(path => finding.startsWith(`${path}:`)))

describe('workflows', () => {
  it('use `queue: max` only as GitHub allows it, and the example apply job uses it', () => {
    const blocks = workflows.flatMap(path =>
      Object.values((parse(read(path)) as Workflow).jobs).map(job => ({
        path,
        concurrency: (job as { concurrency?: unknown }).concurrency
      }))
    )
    const queued = blocks.filter(
      block =>
        typeof block.concurrency === 'object' &&
        block.concurrency !== null &&
        'queue' in block.concurrency
    )
    for (const { concurrency } of queued) {
      expect(concurrency).toMatchObject({ queue: 'max' })
      expect((concurrency as { 'cancel-in-progress'?: unknown })['cancel-in-progress']).not.toBe(
        true
      )
    }
    expect(queued.map(block => block.path)).toContain('examples/workflows/pull-request.yml')
    // actionlint still names the key: if a newer one stops, this filter can go.
    expect(findingsIn(['examples/workflows/pull-request.yml']).filter(isQueueMax)).toHaveLength(1)
  })

  it('are .github/workflows and examples/workflows, at least seven', () => {
    expect(workflows.length).toBeGreaterThanOrEqual(7)
  })

  it('pass actionlint', () => {
    expect(findingsIn(workflows).filter(finding => !isQueueMax(finding))).toEqual([])
  })

  it('actionlint finds what is wrong (a check that cannot fail proves nothing)', () => {
    expect(findingsIn([BROKEN])).toEqual([
      expect.stringMatching(
        /^__tests__\/fixtures\/actionlint\/broken\.yml:\d+:\d+: .*is not defined/
      )
    ])
  })

  // actionlint (in WebAssembly, without a file system) cannot read ./action.yml, nor the action
  // from its placeholder repository: the inputs given to this action are checked here.
  it('give this action only the inputs action.yml declares, and every required one', () => {
    const problems: string[] = []
    for (const path of workflows) {
      for (const [index, step] of stepsOf(path).entries()) {
        if (step.uses !== './' && step.uses !== EXAMPLE_ACTION) continue
        const where = `${path} step ${step.id ?? index + 1}`
        const given = Object.keys(step.with ?? {})
        for (const input of given) {
          if (!(input in manifest.inputs)) problems.push(`${where}: unknown ${input}`)
        }
        for (const [input, spec] of Object.entries(manifest.inputs)) {
          if (spec.required && !given.includes(input)) problems.push(`${where}: no ${input}`)
        }
      }
    }
    expect(problems).toEqual([])
  })

  // A tag can be moved to other code; a commit cannot. The comment says which release it is, so
  // that Dependabot and a reader can tell (Dependabot updates both).
  it('pin third-party actions in .github/workflows by full commit SHA, with a # vX.Y.Z comment', () => {
    const unpinned: string[] = []
    for (const path of list('.github/workflows/', '.yml')) {
      for (const line of read(path).split('\n')) {
        const uses = /^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/.exec(line)
        if (!uses || uses[1]?.startsWith('./')) continue
        if (
          !/@[0-9a-f]{40}$/.test(uses[1] ?? '') ||
          !/^\s+# v\d+\.\d+\.\d+\s*$/.test(uses[2] ?? '')
        )
          unpinned.push(`${path}: ${line.trim()}`)
      }
    }
    expect(unpinned).toEqual([])
  })
})
