/**
 * Markdown that values from LaunchDarkly or from files cannot break: every character Markdown or
 * HTML gives a meaning to becomes an entity, values sit in <code> (where GitHub links no @mention),
 * and an @ is followed by a zero-width space besides, so no one is pinged.
 */
import { visible } from '../visible.js'

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '|': '&#124;',
  '`': '&#96;',
  '*': '&#42;',
  _: '&#95;',
  '~': '&#126;',
  '[': '&#91;',
  ']': '&#93;',
  '\\': '&#92;',
  '#': '&#35;',
  '!': '&#33;',
  ':': '&#58;'
}

/** Plain text for a table cell or a line: nothing in it is markup. */
export function text(value: string, maxLength = 200): string {
  return escaped(value, maxLength, true)
}

function escaped(value: string, maxLength: number, plain: boolean): string {
  const characters = [...value]
  const shortened =
    characters.length > maxLength ? `${characters.slice(0, maxLength - 1).join('')}…` : value
  // Hidden and look-alike characters first (as escapes), then Markdown's and HTML's.
  return (
    visible(shortened, { keepLineBreaks: true, plain })
      .replace(/[&<>"|`*_~[\]\\#!:]/g, c => ENTITIES[c] ?? c)
      .replace(/@/g, '@\u200b')
      // GFM links a bare www. even without a scheme; the entity keeps it text.
      .replace(/(www)\./gi, '$1&#46;')
      // A lone CR ends a line for CommonMark too: left as is, it would end a <summary> or an alert.
      .replace(/\r\n|\r|\n/g, '<br>')
  )
}

/** A value shown as code: JSON, shortened, escaped. */
export function code(value: unknown, maxLength = 200): string {
  const rendered = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value ?? null)
  // JSON's own escapes stay as they are: they mean what they say.
  return `<code>${escaped(rendered, maxLength, false)}</code>`
}

/** A name or path shown as code, as it is (no quotes). */
export function literal(value: string, maxLength = 200): string {
  return `<code>${text(value, maxLength)}</code>`
}

/** Text already shown (a diff line's key, its escapes written): as code, backslashes as they are. */
export function shownLiteral(value: string, maxLength = 200): string {
  return `<code>${escaped(value, maxLength, false)}</code>`
}

export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n')
}

/**
 * JSON for a code block that holds no character Markdown, HTML or a mention could act on: they are
 * written as JSON escapes, so the text is still valid JSON that means the same values.
 */
export function safeJson(value: unknown): string {
  return visible(JSON.stringify(value, null, 2), { keepLineBreaks: true }).replace(
    /[<>&@`]/g,
    c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
  )
}

/** A fenced block that the content cannot close, whatever backticks it holds. */
export function fenced(content: string, language = ''): string {
  const longest = Math.max(2, ...[...content.matchAll(/`+/g)].map(m => m[0].length))
  const fence = '`'.repeat(longest + 1)
  return `${fence}${language}\n${content}\n${fence}`
}

export function details(summary: string, body: string, open = false): string {
  return `<details${open ? ' open' : ''}><summary>${summary}</summary>\n\n${body}\n\n</details>`
}

/**
 * A message of the action's (which may hold text from outside: a name, LaunchDarkly's words) as
 * Markdown: its `code` spans become <code>, and so does every occurrence of the names given (a
 * configuration's name, ID, file), so that they read as names; everything else is plain text.
 * A backtick from outside can only open a code span, whose content is escaped like the rest.
 */
export function message(value: string, names: readonly (string | undefined)[] = []): string {
  const wanted = [...new Set(names.filter((name): name is string => !!name && name.length > 2))]
    .sort((a, b) => b.length - a.length)
    .map(name => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  const namePattern = wanted.length > 0 ? new RegExp(wanted.join('|'), 'g') : undefined
  return value
    .split(/(`[^`\n]+`)/)
    .map(part => {
      if (/^`[^`\n]+`$/.test(part)) return literal(part.slice(1, -1), 400)
      if (!namePattern) return text(part, 4000)
      // Names inside plain text become code; the text around them is escaped as usual.
      let out = ''
      let last = 0
      for (const match of part.matchAll(namePattern)) {
        out += text(part.slice(last, match.index), 4000) + literal(match[0], 400)
        last = (match.index ?? 0) + match[0].length
      }
      return out + text(part.slice(last), 4000)
    })
    .join('')
}

/** A link whose label is text and whose target is a URL the action built (http or https only). */
export function link(label: string, url: string | undefined): string {
  if (!url || !/^https?:\/\//.test(url)) return label
  return `[${label}](${url.replace(/[()\s<>]/g, c => encodeURIComponent(c))})`
}

/** A GitHub alert (NOTE, IMPORTANT, WARNING, CAUTION), its body on as many quoted lines as it has. */
export function alert(
  kind: 'NOTE' | 'TIP' | 'IMPORTANT' | 'WARNING' | 'CAUTION',
  body: string
): string {
  return [`> [!${kind}]`, ...body.split('\n').map(line => `> ${line}`)].join('\n')
}
