/**
 * The one publisher, against a recording sink: every kind of report reaches the log, the outputs
 * and the summary in the same fixed order, and a refused or failed apply's comment keeps the
 * approval and adds to the record. No network: the pull request session is a recording one.
 */
import { formatComment, parseComment, type PlanComment } from '../../src/core/plan-comment.js'
import type { Settings } from '../../src/core/inputs.js'
import type { RedactedOutcome } from '../../src/core/redact.js'
import { publish, type RunReport } from '../../src/stages/report.js'
import { visibleText } from '../helpers/github-markdown.js'
import { recordingSession, setUp, type Event } from '../helpers/publishing.js'

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
