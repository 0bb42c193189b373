/**
 * What a report shows of an input error besides its message (which names the input and the place
 * once): the lines of the file around it, numbered and marked, at the head commit, with a link.
 */
import { fenced, link, literal } from './markdown.js'

/** Where an input error lies, linked to the file at the head commit when the link is known. */
export interface ErrorLocation {
  file: string
  line?: number
  url?: string
  /** The lines around it, from the InputError, scrubbed. */
  excerpt?: string
  /** The commit the file was read at. */
  head?: { sha: string; url?: string }
}

export function locationText(where: ErrorLocation): string {
  return link(`${literal(where.file)}${where.line ? `, line ${where.line}` : ''}`, where.url)
}

/** The excerpt under its heading, or a link to the place when there is no excerpt. */
export function errorExcerpt(where: ErrorLocation | undefined): string | undefined {
  if (!where) return undefined
  const at = where.head
    ? ` at head ${link(literal(where.head.sha.slice(0, 7)), where.head.url)}`
    : ''
  const open = where.url ? ` (${link('open the file there', where.url)})` : ''
  if (!where.excerpt)
    return where.url ? `${link('Open the file there', where.url)}${at}.` : undefined
  return `${literal(where.file)}${at}${open}:\n\n${fenced(where.excerpt, 'text')}`
}
