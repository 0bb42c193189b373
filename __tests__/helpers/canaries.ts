/**
 * The secret canary check every end-to-end scenario runs: none of the secret values may appear in
 * what a person or another step can read. The `::add-mask::` commands are the one place a secret is
 * written on purpose: the runner consumes them and prints nothing.
 */
import type { RunResult } from '../../emulators/runner.js'

/** Every text the run produced that someone could read, add-mask commands left out. */
export function readableText(result: RunResult, extra: readonly string[] = []): string {
  const log = [result.stdout, result.stderr]
    .join('\n')
    .split('\n')
    .filter(line => !line.startsWith('::add-mask::'))
    .join('\n')
  return [log, result.summary, ...Object.values(result.outputs), ...extra].join('\n')
}

export function expectNoSecrets(
  result: RunResult,
  secrets: readonly string[],
  extra: readonly string[] = []
): void {
  const text = readableText(result, extra)
  for (const secret of secrets) {
    expect(secret.length).toBeGreaterThanOrEqual(4)
    if (text.includes(secret)) throw new Error(`a secret canary leaked: ${secret}`)
  }
}

/** The secrets the action was told to mask. */
export function maskedValues(result: RunResult): string[] {
  return result.stdout
    .split('\n')
    .filter(line => line.startsWith('::add-mask::'))
    .map(line => line.slice('::add-mask::'.length))
}
