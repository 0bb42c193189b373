/**
 * The runner's side of the action, over @actions/core: inputs, masking, the log, outputs, the job
 * summary and annotations. Every free text written to the log is scrubbed of secrets as raw text
 * and then made inert (no workflow command can hide in it); outputs, the summary and comments are
 * rendered from outcomes that were redacted before rendering, so they are written as they are.
 */
import * as core from '@actions/core'
import type { InputLocation } from '../core/errors.js'
import { inertLogText } from '../core/log-text.js'
import type { InputReader } from '../core/request.js'
import { MIN_SUBSTRING_SECRET, type Scrubber } from '../core/secrets.js'
import { truncateUtf8 } from '../core/text.js'

/** GitHub refuses a step summary over 1 MiB. */
const SUMMARY_LIMIT = 1024 * 1024 - 1024

export const readInput: InputReader = name => core.getInput(name)

export class ActionIO {
  constructor(private readonly scrubber: Scrubber) {}

  /** Masks values in the log at once, and in every text this class writes. */
  protect(values: readonly string[]): void {
    for (const value of values) {
      if (!this.scrubber.add(value)) continue
      // The runner masks substrings: a value shorter than this would mask parts of ordinary
      // words in every line. The scrubber still removes it where it stands alone.
      if (value.length < MIN_SUBSTRING_SECRET) continue
      core.setSecret(value)
      // The runner masks line by line: a multi-line secret needs each line masked too.
      for (const line of value.split(/\r?\n/))
        if (line.trim().length >= MIN_SUBSTRING_SECRET && line !== value) core.setSecret(line)
    }
  }

  /** Raw text scrubbed of every secret known so far. */
  scrub(text: string): string {
    return this.scrubber.scrub(text)
  }

  /** Written only when step debugging is on: the runner would hide it anyway, and it costs time. */
  debug(message: string): void {
    if (core.isDebug()) core.debug(this.scrub(message))
  }

  info(message: string): void {
    core.info(this.logText(message))
  }

  notice(message: string): void {
    core.notice(this.scrub(message))
  }

  warning(message: string, location?: InputLocation & { title?: string }): void {
    core.warning(this.scrub(message), this.annotation(location))
  }

  /** One error annotation; the step fails when the run ends. */
  error(message: string, location?: InputLocation & { title?: string }): void {
    core.error(this.scrub(message), this.annotation(location))
    process.exitCode = 1
  }

  group(title: string, body: string): void {
    // A group's title is a command's data: @actions/core escapes it.
    core.startGroup(this.scrub(title))
    core.info(this.logText(body))
    core.endGroup()
  }

  /** Values are rendered from redacted outcomes: written as they are, never text-replaced. */
  setOutputs(outputs: Readonly<Record<string, string>>): void {
    for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value)
  }

  async writeSummary(markdown: string): Promise<void> {
    if (!process.env.GITHUB_STEP_SUMMARY) {
      this.debug('GITHUB_STEP_SUMMARY is not set: no job summary written.')
      return
    }
    let text = markdown
    if (Buffer.byteLength(text, 'utf8') > SUMMARY_LIMIT) {
      const note = `\n\n_The summary was cut here: it exceeds GitHub's 1 MiB limit. The step's \`results\` output has every configuration._\n`
      text = truncateUtf8(text, SUMMARY_LIMIT - Buffer.byteLength(note, 'utf8')) + note
    }
    try {
      await core.summary.addRaw(text).write()
    } catch (error) {
      // The run's result stands without its summary; the log and the outputs still have it all.
      this.warning(
        `Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`
      )
    }
  }

  private logText(message: string): string {
    return inertLogText(this.scrub(message))
  }

  private annotation(location?: InputLocation & { title?: string }): core.AnnotationProperties {
    if (!location) return {}
    return {
      ...(location.title ? { title: this.scrub(location.title) } : {}),
      ...(location.file ? { file: location.file } : {}),
      ...(location.line ? { startLine: location.line } : {})
    }
  }
}
