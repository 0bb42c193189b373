/**
 * Text for the runner's log, where a line is a command when it starts with `::` (after any
 * whitespace) or holds `##[` anywhere (the runner's older syntax). Everything the action logs may
 * hold values from outside (a configuration's name, a message from LaunchDarkly, a file name), so
 * every line is made inert: the command prefixes are percent-encoded, as @actions/core encodes
 * command properties, and nothing else changes.
 */

// .NET's TrimStart, which the runner uses, trims every Unicode space, NEL included.
const COMMAND_LINE = /^([\s\u0085]*)::/
const LINE_BREAK = /\r\n|\r|\n/

export function inertLogText(text: string): string {
  return text
    .split(LINE_BREAK)
    .map(line => line.replace(COMMAND_LINE, '$1%3A%3A').replace(/##\[/g, '##%5B'))
    .join('\n')
}

/** One line for a value inside a log message: its own line breaks cannot start a new line. */
export function oneLine(value: string): string {
  return value.replace(/\r\n|\r|\n|\u0085|\u2028|\u2029/g, '⏎')
}
