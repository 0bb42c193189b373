/**
 * The runner's side of the action. `RunnerSink` is what the GitHub runner offers (inputs, the
 * environment, log lines, annotations, masks, outputs, the job summary) with no logic of ours;
 * `actionsSink` is it over @actions/core, and the tests give their own. `Runner` is the one way out
 * of the process: every free text is scrubbed of secrets as raw text, then made inert (no workflow
 * command can hide in it); outputs, the summary and comments are rendered from outcomes that were
 * redacted before rendering, so they are written as they are, only cut to size.
 */
import * as core from '@actions/core'
import { appendFileSync } from 'node:fs'
import type { Annotation, Log } from '../core/log.js'
import { inertLogText } from '../core/log-text.js'
import { visible } from '../core/visible.js'
import { MIN_SUBSTRING_SECRET, type Scrubber } from '../core/secrets.js'
import { truncateUtf8 } from '../core/text.js'
import type { Environment } from './run-context.js'

export interface AnnotationProperties {
  title?: string
  file?: string
  startLine?: number
}

export interface RunnerSink {
  /** An input's raw value, '' when not given. */
  input(name: string): string
  readonly env: Environment
  isDebug(): boolean
  mask(value: string): void
  debug(text: string): void
  info(text: string): void
  annotate(level: 'error' | 'warning' | 'notice', text: string, where: AnnotationProperties): void
  startGroup(title: string): void
  endGroup(): void
  setOutput(name: string, value: string): void
  /** Appends to the job summary; false when the runner gives no summary file. */
  appendSummary(markdown: string): Promise<boolean>
}

/** The sink of a real run: @actions/core, and this process's environment. */
export function actionsSink(): RunnerSink {
  return {
    input: name => core.getInput(name),
    env: process.env,
    isDebug: () => core.isDebug(),
    mask: value => core.setSecret(value),
    debug: text => core.debug(text),
    info: text => core.info(text),
    annotate: (level, text, where) => core[level](text, where),
    startGroup: title => core.startGroup(title),
    endGroup: () => core.endGroup(),
    setOutput: (name, value) => core.setOutput(name, value),
    // Appended as @actions/core's summary.write() appends it, but synchronously: the run has
    // nothing else to do meanwhile, and this would be its only asynchronous file operation, whose
    // thread pool takes milliseconds of every run to start.
    appendSummary: async markdown => {
      const file = process.env.GITHUB_STEP_SUMMARY
      if (!file) return false
      appendFileSync(file, markdown, { encoding: 'utf8' })
      return true
    }
  }
}

/** GitHub refuses a step summary over 1 MiB. */
const SUMMARY_LIMIT = 1024 * 1024 - 1024

export class Runner implements Log {
  constructor(
    readonly sink: RunnerSink,
    private readonly scrubber: Scrubber
  ) {}

  /** What the runner was asked to mask: its own record, as the scrubber also holds spellings. */
  private readonly masked = new Set<string>()

  /** Masks values in the log at once, and in every text this class writes. */
  protect(values: readonly string[]): void {
    for (const value of values) {
      this.scrubber.add(value)
      if (this.masked.has(value)) continue
      this.masked.add(value)
      // The runner masks substrings: a value shorter than this would mask parts of ordinary
      // words in every line. The scrubber still removes it where it stands alone.
      if (value.length < MIN_SUBSTRING_SECRET) continue
      this.sink.mask(value)
      // The runner masks line by line: a multi-line secret needs each line masked too.
      for (const line of value.split(/\r?\n/))
        if (line.trim().length >= MIN_SUBSTRING_SECRET && line !== value) this.sink.mask(line)
    }
  }

  /** Raw text scrubbed of every secret known so far. */
  scrub(text: string): string {
    return this.scrubber.scrub(text)
  }

  /** Written only when step debugging is on: the runner would hide it anyway, and it costs time. */
  debug(message: string): void {
    if (this.sink.isDebug()) this.sink.debug(this.scrub(message))
  }

  info(message: string): void {
    this.sink.info(this.logText(message))
  }

  notice(message: string, where?: Annotation): void {
    this.sink.annotate('notice', this.shown(message), this.properties(where))
  }

  warning(message: string, where?: Annotation): void {
    this.sink.annotate('warning', this.shown(message), this.properties(where))
  }

  /** An error annotation. It does not decide the run's failure: `run` does, once. */
  error(message: string, where?: Annotation): void {
    this.sink.annotate('error', this.shown(message), this.properties(where))
  }

  /** A collapsible section of the log. */
  group(title: string, body: string): void {
    // A group's title is a command's data: the sink escapes it.
    this.sink.startGroup(this.shown(title))
    this.sink.info(this.logText(body))
    this.sink.endGroup()
  }

  /** Values are rendered from redacted outcomes: written as they are, never text-replaced. */
  setOutputs(outputs: Readonly<Record<string, string>>): void {
    for (const [name, value] of Object.entries(outputs)) this.sink.setOutput(name, value)
  }

  async writeSummary(markdown: string): Promise<void> {
    let text = markdown
    if (Buffer.byteLength(text, 'utf8') > SUMMARY_LIMIT) {
      const note = `\n\n_The summary was cut here: it exceeds GitHub's 1 MiB limit. The step's \`results\` output has every configuration._\n`
      text = truncateUtf8(text, SUMMARY_LIMIT - Buffer.byteLength(note, 'utf8')) + note
    }
    try {
      if (!(await this.sink.appendSummary(text))) {
        this.debug('GITHUB_STEP_SUMMARY is not set: no job summary written.')
      }
    } catch (error) {
      // The run's result stands without its summary; the log and the outputs still have it all.
      this.warning(
        `Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`
      )
    }
  }

  /** Scrubbed, then hidden and look-alike characters written visibly: an annotation's text. */
  private shown(message: string): string {
    return visible(this.scrub(message), { keepLineBreaks: true })
  }

  private logText(message: string): string {
    return inertLogText(this.shown(message))
  }

  private properties(where?: Annotation): AnnotationProperties {
    if (!where) return {}
    return {
      ...(where.title ? { title: this.shown(where.title) } : {}),
      ...(where.file ? { file: where.file } : {}),
      ...(where.line ? { startLine: where.line } : {})
    }
  }
}
