/**
 * Runs the action in this process, as `index.ts` would but with a recording sink instead of
 * @actions/core: the same inputs (action.yml's defaults filled in), environment, workspace and
 * event file as a spawned run, and the same result (exit code, log, outputs, summary,
 * annotations). The log is written in @actions/core's command format, so that the checks made on
 * a spawned run's stdout hold here too. It sees src/, so it cannot pass on a stale build, and it
 * takes a fake clock, so that no retry or rate-limit wait costs real time.
 */
import { finishRun, prepareRun, type RunOptions, type RunResult } from '../../emulators/runner.js'
import { DEFAULT_GITHUB_POLICY, type GitHubPolicy } from '../../src/io/github.js'
import type { Clock } from '../../src/io/launchdarkly/rate-limiter.js'
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../src/io/launchdarkly/retry-policy.js'
import type { AnnotationProperties, RunnerSink } from '../../src/io/runner.js'
import { run } from '../../src/main.js'

export interface InProcessOptions extends RunOptions {
  clock?: Clock
  retry?: Partial<RetryPolicy>
  github?: Partial<GitHubPolicy>
  /** Called with each line of the log as it is written, in the run's own turn. */
  onLine?: (line: string) => void
}

// As @actions/core escapes a command's data and its properties.
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C')

function command(name: string, properties: AnnotationProperties, text: string): string {
  const pairs = Object.entries({
    title: properties.title,
    file: properties.file,
    line: properties.startLine === undefined ? undefined : String(properties.startLine)
  })
    .filter((pair): pair is [string, string] => Boolean(pair[1]))
    .map(([key, value]) => `${key}=${escapeProperty(value)}`)
  return `::${name}${pairs.length > 0 ? ` ${pairs.join(',')}` : ''}::${escapeData(text)}`
}

export async function runInProcess(options: InProcessOptions): Promise<RunResult> {
  const prepared = prepareRun(options)
  const lines: string[] = []
  const log = (line: string) => {
    lines.push(line)
    options.onLine?.(line)
  }
  const outputs: Record<string, string> = {}
  let summary = ''
  const sink: RunnerSink = {
    input: name => prepared.inputs[name] ?? '',
    env: prepared.env,
    isDebug: () => prepared.env.RUNNER_DEBUG === '1',
    mask: value => log(command('add-mask', {}, value)),
    debug: text => log(command('debug', {}, text)),
    info: text => log(text),
    annotate: (level, text, where) => log(command(level, where, text)),
    startGroup: title => log(command('group', {}, title)),
    endGroup: () => log('::endgroup::'),
    setOutput: (name, value) => void (outputs[name] = value),
    appendSummary: async markdown => {
      summary += markdown
      return true
    }
  }
  const started = Date.now()
  let exitCode: number
  let stderr = ''
  try {
    const result = await run(sink, {
      clock: options.clock,
      retry: { ...DEFAULT_RETRY_POLICY, ...options.retry },
      // GitHub's "seconds" last a millisecond here: the comment's retries cost no real time.
      github: { ...DEFAULT_GITHUB_POLICY, secondMs: 1, writeSpacingMs: 0, ...options.github }
    })
    exitCode = result.failure ? 1 : 0
  } catch (error) {
    // What index.ts would report as an unexpected error, with exit code 1.
    stderr = error instanceof Error ? (error.stack ?? error.message) : String(error)
    exitCode = 1
  }
  const stdout = lines.length > 0 ? `${lines.join('\n')}\n` : ''
  return finishRun(
    prepared,
    options.collect,
    { exitCode, stdout, stderr, durationMs: Date.now() - started },
    { outputs, summary }
  )
}
