/**
 * The four example workflows, adopted together as the README says (desired-state files in
 * launchdarkly/, the release's patch file in launchdarkly/patches/), run for a simulated week
 * against both emulators: the pull request's plan and the apply on merge, then every cron time of
 * the schedule (toggle and drift), a release in the middle of the week, and the export. Each
 * workflow's jobs are read from examples/workflows/ and their `if:` and `${{ }}` expressions
 * evaluated, so that the examples as written are what runs. No job may fail.
 */
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { INSTALLATION_TOKEN, type GitHubEmulator } from '../../emulators/github.js'
import {
  READER_TOKEN,
  WRITER_TOKEN,
  type LaunchDarklyEmulator
} from '../../emulators/launchdarkly.js'
import type { RunResult } from '../../emulators/runner.js'
import { APPROVALS_SECRET, run } from '../helpers/fixtures.js'
import {
  PULL_MERGE,
  pullRequestEvent,
  startEmulators,
  stopEmulators
} from '../helpers/emulators.js'

const root = new URL('../../', import.meta.url)
const read = (path: string) => readFileSync(new URL(path, root), 'utf8')
const ACTION = 'acme/launchdarkly-integration-configuration-action@v1'

interface Step {
  id?: string
  uses?: string
  if?: string
  with?: Record<string, string | boolean>
  env?: Record<string, string>
}
interface Job {
  if?: string
  steps: Step[]
}
interface Workflow {
  on: { schedule?: { cron: string }[] }
  jobs: Record<string, Job>
}
const workflow = (name: string) => parse(read(`examples/workflows/${name}.yml`)) as Workflow

/** The repository as adopted: the examples' files where the README puts them. */
const REPOSITORY: Record<string, string> = {
  'launchdarkly/approvals.yaml': read('examples/launchdarkly/approvals.yaml'),
  'launchdarkly/paging.yaml': read('examples/launchdarkly/paging.yaml'),
  'launchdarkly/patches/approvals-release.yaml': read(
    'examples/launchdarkly/patches/approvals-release.yaml'
  )
}

type Context = Record<string, unknown>

/** The part of the expression language the examples use: paths, strings, ==, !=, &&, failure(). */
function evaluate(expression: string, context: Context): unknown {
  const text = expression.trim()
  const and = text.split(/\s+&&\s+/)
  if (and.length > 1) return and.every(part => truthy(evaluate(part, context)))
  const comparison = /^(.+?)\s*(==|!=)\s*(.+)$/.exec(text)
  if (comparison) {
    const [, left = '', op, right = ''] = comparison
    const equal = String(evaluate(left, context)) === String(evaluate(right, context))
    return op === '==' ? equal : !equal
  }
  if (/^'.*'$/.test(text)) return text.slice(1, -1)
  if (text === 'failure()') return context.failed === true
  return text.split('.').reduce<unknown>((value, key) => {
    if (value === null || typeof value !== 'object') return undefined
    return (value as Record<string, unknown>)[key]
  }, context)
}
const truthy = (value: unknown) => value !== undefined && value !== '' && value !== false

function substitute(value: string | boolean, context: Context): string {
  return String(value).replace(/\$\{\{(.*?)\}\}/g, (_m, expression: string) =>
    String(evaluate(expression, context) ?? '')
  )
}

const condition = (expression: string | undefined, context: Context) =>
  expression === undefined || truthy(evaluate(expression.replace(/^\$\{\{|\}\}$/g, ''), context))

let ld: LaunchDarklyEmulator
let gh: GitHubEmulator
beforeEach(async () => {
  ;({ ld, gh } = await startEmulators({ merged: true }))
})
afterEach(() => stopEmulators({ ld, gh }))

describe('the four example workflows, adopted together, over a week', () => {
  it('plan, apply, release, toggle and drift run every time with no false failure', async () => {
    // The release's configuration: one no desired-state file describes (release.yml says why).
    const [release] = ld.seed({
      integrationKey: 'custom-approvals',
      name: 'Approvals (release train)',
      tags: ['release'],
      enabled: true,
      configValues: { baseURL: 'https://approvals.example.com', apiKey: 'release-train-key-123' }
    })
    // Already in LaunchDarkly when the files are adopted: paging.yaml describes only part of it
    // (its `enabled` and `tags`), which a file can do for a configuration that exists.
    ld.seed({
      integrationKey: 'pagerduty-guardian-edition',
      name: 'Guardian paging (staging)',
      tags: [],
      enabled: true,
      configValues: { integrationKey: 'S0123456789ABCDEFGHIJKLMNOPQRSTU', severity: 'warning' }
    })
    const secrets = {
      LD_ACCESS_TOKEN: WRITER_TOKEN,
      LD_READ_ACCESS_TOKEN: READER_TOKEN,
      APPROVALS_API_KEY: APPROVALS_SECRET
    }
    const vars: Record<string, string> = {
      LD_RELEASE_APPROVALS_CONFIGURATION_ID: release?._id ?? ''
    }
    const ran: { when: string; workflow: string; job: string; result: RunResult }[] = []

    /** Runs a workflow's jobs as the runner would: each job whose `if:` holds, its action step. */
    async function trigger(
      name: string,
      when: string,
      github: Context,
      runner: { eventName: string; event: unknown; env?: Record<string, string> }
    ) {
      for (const [jobName, job] of Object.entries(workflow(name).jobs)) {
        const context: Context = { github, secrets, vars, inputs: {}, steps: {} }
        if (!condition(job.if, context)) continue
        const step = job.steps.find(s => s.uses === ACTION)
        if (!step) throw new Error(`${name}/${jobName} has no step of the action`)
        const inputs = Object.fromEntries(
          Object.entries(step.with ?? {}).map(([key, value]) => [key, substitute(value, context)])
        )
        const env = Object.fromEntries(
          Object.entries(step.env ?? {}).map(([key, value]) => [key, substitute(value, context)])
        )
        const result = await run(
          {
            // The one change to what the example says: LaunchDarkly is the emulator.
            inputs: { ...inputs, 'base-uri': ld.url },
            files: REPOSITORY,
            env: { ...env, ...runner.env, GITHUB_WORKFLOW: name, GITHUB_JOB: jobName },
            eventName: runner.eventName,
            event: runner.event,
            githubApiUrl: gh.url,
            githubToken: INSTALLATION_TOKEN
          },
          { github: gh }
        )
        ran.push({ when, workflow: name, job: jobName, result })
      }
    }

    // Sunday before: the pull request that adds the files, planned, merged and applied.
    await trigger(
      'pull-request',
      'Sun 12:00 plan',
      { event_name: 'pull_request' },
      { eventName: 'pull_request', event: pullRequestEvent() }
    )
    await trigger(
      'pull-request',
      'Sun 12:30 apply',
      { event_name: 'push' },
      { eventName: 'push', event: { after: PULL_MERGE }, env: { GITHUB_SHA: PULL_MERGE } }
    )
    const prod = ld.all().find(c => c.name === 'Approvals (prod)')
    expect(prod).toBeDefined()
    vars.LD_APPROVALS_CONFIGURATION_ID = prod?._id ?? ''

    // Monday 7 December 2026 to Sunday 13 December: every minute a cron of the schedule names.
    const crons = (workflow('schedule').on.schedule ?? []).map(s => s.cron)
    const monday = Date.UTC(2026, 11, 7)
    const enabledAfter: { when: string; enabled: boolean | undefined }[] = []
    for (let minute = 0; minute < 7 * 24 * 60; minute++) {
      const time = new Date(monday + minute * 60_000)
      const when = time.toISOString().slice(0, 16)
      if (time.getUTCDay() === 3 && time.getUTCHours() === 14 && time.getUTCMinutes() === 0) {
        await trigger(
          'release',
          `${when} release`,
          { event_name: 'release', event: { release: { tag_name: 'v2.0.0' } } },
          { eventName: 'release', event: { release: { tag_name: 'v2.0.0' } } }
        )
      }
      for (const cron of crons.filter(c => cronMatches(c, time))) {
        await trigger(
          'schedule',
          `${when} ${cron}`,
          { event_name: 'schedule', event: { schedule: cron } },
          { eventName: 'schedule', event: { schedule: cron } }
        )
        enabledAfter.push({ when, enabled: ld.get(vars.LD_APPROVALS_CONFIGURATION_ID)?.enabled })
      }
    }

    const failures = ran
      .filter(r => r.result.exitCode !== 0)
      .map(
        r => `${r.when} ${r.workflow}/${r.job}: ${r.result.errors.map(e => e.message).join(' ')}`
      )
    expect(failures).toEqual([])
    const count = (workflowName: string, job: string) =>
      ran.filter(r => r.workflow === workflowName && r.job === job).length
    expect(count('pull-request', 'plan')).toBe(1)
    expect(count('pull-request', 'apply')).toBe(1)
    expect(count('release', 'approvals')).toBe(1)
    expect(count('schedule', 'toggle')).toBe(10)
    expect(count('schedule', 'drift')).toBe(7)
    // The apply created what the files describe; the release patched its own configuration.
    expect(
      ld
        .all()
        .map(c => c.name)
        .sort()
    ).toEqual([
      'Approvals (prod)',
      'Approvals (release train)',
      'Guardian paging (prod)',
      'Guardian paging (staging)'
    ])
    expect(ld.get(release?._id ?? '')?.configValues.baseURL).toBe(
      'https://approvals-v2.example.com'
    )
    // On in working hours, off at night and all weekend; drift passed every day regardless.
    expect(enabledAfter.filter(e => e.when.endsWith('06:07')).map(e => e.enabled)).toEqual(
      Array<boolean>(5).fill(true)
    )
    expect(enabledAfter.filter(e => e.when.endsWith('22:07')).map(e => e.enabled)).toEqual(
      Array<boolean>(5).fill(false)
    )
    expect(enabledAfter.at(-1)).toEqual({ when: '2026-12-13T06:37', enabled: false })
    for (const drift of ran.filter(r => r.job === 'drift')) {
      expect(drift.result.outputs['failure-reason']).toBe('')
    }
  }, 120_000)

  it('the export example runs as written', async () => {
    ld.seed({
      integrationKey: 'custom-approvals',
      name: 'Approvals (prod)',
      tags: ['prod'],
      configValues: { baseURL: 'https://approvals.example.com', apiKey: APPROVALS_SECRET }
    })
    const step = workflow('export').jobs.export?.steps.find(s => s.uses === ACTION)
    const context: Context = {
      secrets: { LD_READ_ACCESS_TOKEN: READER_TOKEN },
      inputs: { 'integration-keys': '' }
    }
    const inputs = Object.fromEntries(
      Object.entries(step?.with ?? {}).map(([key, value]) => [key, substitute(value, context)])
    )
    const result = await run({
      inputs: { ...inputs, 'base-uri': ld.url },
      eventName: 'workflow_dispatch',
      collect: 'launchdarkly'
    })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(JSON.parse(result.outputs['exported-files'] ?? '[]')).toHaveLength(1)
  })
})

describe('cronMatches', () => {
  it('reads the five fields the examples use', () => {
    expect(cronMatches('7 22 * * 1-5', new Date(Date.UTC(2026, 11, 11, 22, 7)))).toBe(true)
    expect(cronMatches('7 22 * * 1-5', new Date(Date.UTC(2026, 11, 12, 22, 7)))).toBe(false)
    expect(cronMatches('37 6 * * *', new Date(Date.UTC(2026, 11, 13, 6, 37)))).toBe(true)
  })
})

/** Whether a five-field cron (numbers, `*`, ranges and lists) fires at this UTC minute. */
function cronMatches(cron: string, time: Date): boolean {
  const [minute, hour, day, month, weekday] = cron.split(/\s+/)
  const field = (spec: string | undefined, value: number) =>
    (spec ?? '*').split(',').some(part => {
      if (part === '*') return true
      const [from, to = from] = part.split('-').map(Number)
      return value >= (from as number) && value <= (to as number)
    })
  return (
    field(minute, time.getUTCMinutes()) &&
    field(hour, time.getUTCHours()) &&
    field(day, time.getUTCDate()) &&
    field(month, time.getUTCMonth() + 1) &&
    field(weekday, time.getUTCDay())
  )
}
