/**
 * The runner's side of the action, over @actions/core: inputs, masking, the log, outputs, the job
 * summary and annotations. Every text goes through the redactor on its way out.
 */
import * as core from '@actions/core'
import type { InputLocation } from '../core/errors.js'
import type { InputReader } from '../core/request.js'
import type { Redactor } from '../core/secrets.js'

/** GitHub refuses a step summary over 1 MiB. */
const SUMMARY_LIMIT = 1024 * 1024 - 1024

export const readInput: InputReader = name => core.getInput(name)

export class ActionIO {
  constructor(private readonly redactor: Redactor) {}

  /** Masks values in the log at once, and in every text this class writes. */
  protect(values: readonly string[]): void {
    for (const value of values) {
      if (!this.redactor.add(value)) continue
      core.setSecret(value)
      // The runner masks line by line: a multi-line secret needs each line masked too.
      for (const line of value.split(/\r?\n/))
        if (line.trim().length >= 4 && line !== value) core.setSecret(line)
    }
  }

  scrub(text: string): string {
    return this.redactor.scrub(text)
  }

  /** Written only when step debugging is on: the runner would hide it anyway, and it costs time. */
  debug(message: string): void {
    if (core.isDebug()) core.debug(this.scrub(message))
  }

  info(message: string): void {
    core.info(this.scrub(message))
  }

  notice(message: string): void {
    core.notice(this.scrub(message))
  }

  warning(message: string, location?: InputLocation): void {
    core.warning(this.scrub(message), annotation(location))
  }

  /** One error annotation; the step fails when the run ends. */
  error(message: string, location?: InputLocation & { title?: string }): void {
    core.error(this.scrub(message), annotation(location))
    process.exitCode = 1
  }

  group(title: string, body: string): void {
    core.startGroup(this.scrub(title))
    core.info(this.scrub(body))
    core.endGroup()
  }

  setOutputs(outputs: Readonly<Record<string, string>>): void {
    for (const [name, value] of Object.entries(outputs)) core.setOutput(name, this.scrub(value))
  }

  async writeSummary(markdown: string): Promise<void> {
    if (!process.env.GITHUB_STEP_SUMMARY) {
      this.debug('GITHUB_STEP_SUMMARY is not set: no job summary written.')
      return
    }
    let text = this.scrub(markdown)
    if (Buffer.byteLength(text, 'utf8') > SUMMARY_LIMIT) {
      text = `${text.slice(0, SUMMARY_LIMIT / 2)}\n\n_The summary was cut here: it exceeds GitHub's 1 MiB limit. The step's \`results\` output has every configuration._\n`
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
}

function annotation(location?: InputLocation & { title?: string }): core.AnnotationProperties {
  if (!location) return {}
  return {
    ...(location.title ? { title: location.title } : {}),
    ...(location.file ? { file: location.file } : {}),
    ...(location.line ? { startLine: location.line } : {})
  }
}
