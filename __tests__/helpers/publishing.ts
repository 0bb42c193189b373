/**
 * `publish` without a run: a recording sink (the log's lines, annotations, outputs and the job
 * summary, in the order emitted) and a recording pull request session (the comments it would
 * write), with the settings and run context a run with these inputs reads. For the pure tests of
 * what a report becomes: no network, no emulator.
 */
import { rmSync } from 'node:fs'
import { prepareRun, type RunOptions } from '../../emulators/runner.js'
import { parseInputs, readRawInputs } from '../../src/core/inputs.js'
import type { PlanComment } from '../../src/core/plan-comment.js'
import { Scrubber } from '../../src/core/secrets.js'
import { workspaceFiles } from '../../src/io/files.js'
import type { PullRequestSession } from '../../src/io/github.js'
import { readRunContext } from '../../src/io/run-context.js'
import { Runner, type RunnerSink } from '../../src/io/runner.js'

export type Event = [kind: string, detail: string]

/** A sink that records every event, each output's value, and each annotation's text by level. */
export function recordingSink(env: Record<string, string>, inputs: Record<string, string>) {
  const events: Event[] = []
  const outputs: Record<string, string> = {}
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
    setOutput: (name, value) => {
      events.push(['output', name])
      outputs[name] = value
    },
    appendSummary: async markdown => {
      events.push(['summary', markdown])
      return true
    }
  }
  return { sink, events, outputs }
}

/** The runner, settings and context of a run with these inputs, as the action reads them. */
export async function setUp(
  inputs: Record<string, string>,
  options: Omit<RunOptions, 'inputs'> = {}
) {
  const prepared = prepareRun({
    inputs: { 'access-token': 'api-0123456789abcdef', ...inputs },
    env: { GITHUB_RUN_NUMBER: '17' },
    githubToken: 'ghs_recorded',
    ...options
  })
  const { sink, events, outputs } = recordingSink(prepared.env, prepared.inputs)
  const runner = new Runner(sink, new Scrubber())
  const context = readRunContext(prepared.env)
  const { settings } = await parseInputs(
    readRawInputs(name => prepared.inputs[name] ?? ''),
    workspaceFiles(prepared.workspace),
    { environment: prepared.env, protect: () => undefined }
  )
  rmSync(prepared.home, { recursive: true, force: true })
  /** What the job summary received, all of it. */
  const summary = () =>
    events
      .filter(([kind]) => kind === 'summary')
      .map(([, markdown]) => markdown)
      .join('')
  /** The annotations of one level, by their text. */
  const annotations = (level: 'error' | 'warning' | 'notice') =>
    events.filter(([kind]) => kind === level).map(([, text]) => text)
  return { runner, events, outputs, summary, annotations, context, settings }
}

/** A pull request session that records what it would write. */
export function recordingSession(comment?: PlanComment) {
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
