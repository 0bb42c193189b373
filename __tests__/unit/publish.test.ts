/**
 * The one publisher, against a recording sink: every kind of report reaches the log, the outputs
 * and the summary in the same fixed order, and a refused or failed apply's comment keeps the
 * approval and adds to the record. No network: the pull request session is a recording one.
 */
import { rmSync } from 'node:fs'
import { prepareRun } from '../../emulators/runner.js'
import { parseInputs, readRawInputs, type Settings } from '../../src/core/inputs.js'
import { formatComment, parseComment, type PlanComment } from '../../src/core/plan-comment.js'
import type { RedactedOutcome } from '../../src/core/redact.js'
import { Scrubber } from '../../src/core/secrets.js'
import { workspaceFiles } from '../../src/io/files.js'
import type { PullRequestSession } from '../../src/io/github.js'
import { readRunContext } from '../../src/io/run-context.js'
import { Runner, type RunnerSink } from '../../src/io/runner.js'
import { publish, type RunReport } from '../../src/stages/report.js'
import { visibleText } from '../helpers/github-markdown.js'

type Event = [kind: string, detail: string]

function recordingSink(env: Record<string, string>, inputs: Record<string, string>) {
  const events: Event[] = []
  const sink: RunnerSink = {
    input: name => inputs[name] ?? '',
    env,
    isDebug: () => false,
    mask: () => undefined,
    debug: () => undefined,
    info: text => void events.push(['info', text]),
    annotate: (level, text) => void events.push([level, text]),
    startGroup: title => void events.push(['group', title]),
    endGroup: () => undefined,
    setOutput: name => void events.push(['output', name]),
    appendSummary: async markdown => {
      events.push(['summary', markdown])
      return true
    }
  }
  return { sink, events }
}

async function setUp(inputs: Record<string, string>) {
  const prepared = prepareRun({
    inputs: { 'access-token': 'api-0123456789abcdef', ...inputs },
    env: { GITHUB_RUN_NUMBER: '17' },
    githubToken: 'ghs_recorded'
  })
  const { sink, events } = recordingSink(prepared.env, prepared.inputs)
  const runner = new Runner(sink, new Scrubber())
  const context = readRunContext(prepared.env)
  const { settings } = await parseInputs(
    readRawInputs(name => prepared.inputs[name] ?? ''),
    workspaceFiles(prepared.workspace),
    { environment: prepared.env, protect: () => undefined }
  )
  rmSync(prepared.home, { recursive: true, force: true })
  return { runner, events, context, settings }
}

const outcome = (overrides: Partial<RedactedOutcome> = {}): RedactedOutcome => ({
  file: undefined,
  label: 'configuration 65f0c1d2e3a4b5c6d7e8f901',
  id: '65f0c1d2e3a4b5c6d7e8f901',
  name: 'Approvals (prod)',
  integrationKey: 'custom-approvals',
  status: 'would-update',
  warnings: [],
  notices: [],
  undecided: [],
  operations: [{ op: 'replace', path: '/enabled', value: false }],
  configuration: undefined,
  changes: [{ path: '/enabled', before: true, after: false, secret: false }],
  ...overrides
})

/** A pull request session that records what it would write. */
function recordingSession(comment?: PlanComment) {
  const written: string[] = []
  const notified: string[] = []
  const session: PullRequestSession = {
    pull: {
      owner: 'acme',
      repo: 'platform-config',
      number: 7,
      url: 'https://github.com/acme/platform-config/pull/7',
      headSha: 'a'.repeat(40)
    },
    comment,
    write: async body => {
      written.push(body)
      return 'https://github.com/acme/platform-config/pull/7#issuecomment-1'
    },
    notify: async body => {
      notified.push(body)
      return 'https://github.com/acme/platform-config/pull/7#issuecomment-2'
    }
  }
  return { session, written, notified }
}

/** The kinds of what was emitted, in order, runs of one kind as one (a group's lines are info). */
const kinds = (events: Event[]) =>
  events
    .map(([kind]) => kind)
    .filter(kind => kind !== 'info')
    .filter((kind, i, all) => kind !== all[i - 1])

describe('publish', () => {
  it('reports a plan in one order: log groups, outputs, summary, notice; then the comment', async () => {
    const { runner, events, context, settings } = await setUp({
      'configuration-id': '65f0c1d2e3a4b5c6d7e8f901',
      enabled: 'false',
      'dry-run': 'true',
      'comment-on-pr': 'true'
    })
    const { session, written, notified } = recordingSession()
    const report: RunReport = {
      kind: 'changes',
      context,
      settings,
      outcomes: [outcome()],
      failure: undefined,
      undo: { outputs: { undo: '{}', 'undo-patch': '' } }
    }
    await publish(report, runner, session)
    expect(kinds(events)).toEqual(['output', 'group', 'output', 'summary', 'notice', 'output'])
    expect(events.filter(([kind]) => kind === 'output').map(([, name]) => name)).toEqual([
      'undo',
      'undo-patch',
      'changed',
      'results',
      'diff',
      'failure-reason',
      'configuration-id',
      'patch',
      'configuration',
      'comment-url'
    ])
    const comment = parseComment(written[0] ?? '')
    expect(comment?.fingerprint).toMatch(/^sha256:/)
    expect(comment?.state.approved?.[0]?.configuration).toBe('65f0c1d2e3a4b5c6d7e8f901')
    // A plan is a silent edit.
    expect(notified).toEqual([])
  })

  it('keeps the approval and adds to the record when an apply fails, and notifies once', async () => {
    const { runner, events, context, settings } = await setUp({
      'configuration-id': '65f0c1d2e3a4b5c6d7e8f901',
      enabled: 'false',
      'comment-on-pr': 'true'
    })
    const approved: PlanComment = {
      version: 2,
      key: settings.github?.key ?? '',
      fingerprint: `sha256:${'ab'.repeat(32)}`,
      state: {
        approved: [{ configuration: 'x', name: 'X', action: 'update', changes: [] }],
        attempts: [{ runId: '1', attempt: 1, outcome: 'up-to-date', written: 0, failed: 0 }]
      }
    }
    // Read back as GitHub would give it.
    const previous = parseComment(formatComment(approved, 'old'))
    const { session, written, notified } = recordingSession(previous)
    const failure = { message: 'LaunchDarkly answered 403', reason: 'forbidden' as const }
    const report: RunReport = {
      kind: 'changes',
      context,
      settings: settings satisfies Settings,
      outcomes: [outcome({ status: 'failed', error: failure })],
      failure,
      undo: { outputs: { undo: '{}', 'undo-patch': '' } }
    }
    await publish(report, runner, session)
    expect(kinds(events)).toEqual(['output', 'group', 'error', 'output', 'summary', 'output'])
    const comment = parseComment(written[0] ?? '')
    expect(comment?.fingerprint).toBe(approved.fingerprint)
    expect(comment?.state.approved).toEqual(approved.state.approved)
    expect(comment?.state.attempts).toEqual([
      approved.state.attempts[0],
      expect.objectContaining({ runId: '4242', runNumber: '17', outcome: 'failed', failed: 1 })
    ])
    expect(visibleText(written[0] ?? '')).toMatch(/^LaunchDarkly · Apply failed: 1 failed/m)
    expect(notified).toHaveLength(1)
    expect(visibleText(notified[0] ?? '')).toMatch(/^LaunchDarkly · Apply failed/)
    expect(notified[0]).not.toContain('<!--')
  })

  it('reports a run that failed early: outputs, error, summary; the approval stays', async () => {
    const { runner, events, context, settings } = await setUp({
      'configuration-id': '65f0c1d2e3a4b5c6d7e8f901',
      enabled: 'false',
      'comment-on-pr': 'true'
    })
    const previous: PlanComment = {
      version: 2,
      key: settings.github?.key ?? '',
      fingerprint: `sha256:${'cd'.repeat(32)}`,
      state: { attempts: [] }
    }
    const { session, written } = recordingSession(previous)
    const report: RunReport = {
      kind: 'failed-early',
      context,
      failure: { message: 'Input `enabled` is bad', reason: 'invalid-input' },
      ...(settings.github ? { github: settings.github } : {})
    }
    await publish(report, runner, session)
    expect(kinds(events)).toEqual(['output', 'error', 'summary', 'output'])
    expect(parseComment(written[0] ?? '')?.fingerprint).toBe(previous.fingerprint)
    expect(visibleText(written[0] ?? '')).toContain('The configurations could not be checked')
  })

  it('reports an export: outputs with its files, summary, then the notice of secrets', async () => {
    const { runner, events, context, settings } = await setUp({
      'configuration-id': '65f0c1d2e3a4b5c6d7e8f901',
      enabled: 'false'
    })
    const report: RunReport = {
      kind: 'export',
      context,
      settings,
      outcomes: [outcome({ status: 'exported', changes: [], operations: undefined })],
      failure: undefined,
      directory: 'ld',
      exported: {
        files: [{ path: 'ld/custom-approvals.yaml', integrationKey: 'custom-approvals', count: 1 }],
        variables: [
          {
            name: 'APPROVALS_API_KEY',
            integrationKey: 'custom-approvals',
            configuration: 'Approvals (prod)',
            id: '65f0c1d2e3a4b5c6d7e8f901',
            path: '/configValues/apiKey'
          }
        ]
      }
    }
    await publish(report, runner)
    expect(kinds(events)).toEqual(['output', 'summary', 'notice'])
    expect(events).toContainEqual(['output', 'exported-files'])
    expect(events).toContainEqual(['output', 'secret-variables'])
  })
})
