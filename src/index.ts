/** The entry point the runner starts: dist/index.js. */
import { describeFailure, run } from './main.js'
import { actionsSink } from './io/runner.js'

/**
 * For errors that escape everything else (a rejected promise nobody awaited, a runner file that
 * cannot be written): still one clear error and a failing exit, even if reporting fails too.
 */
function reportUnexpected(error: unknown): void {
  const { message } = describeFailure(error)
  // Written by hand: whatever failed may be the runner's files that @actions/core writes to.
  // Escaped as @actions/core escapes command data: a lone CR ends a line for the runner too. The
  // secrets known by then were given to the runner's masking, which still applies to this line.
  const data = message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
  process.stdout.write(`::error::${data}\n`)
  process.exit(1)
}

process.on('unhandledRejection', reportUnexpected)
process.on('uncaughtException', reportUnexpected)

run(actionsSink()).then(result => {
  process.exitCode = result.failure ? 1 : 0
}, reportUnexpected)
