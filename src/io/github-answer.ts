/**
 * GitHub's answers, read field by field: an answer of another shape (a proxy's, a GitHub Enterprise
 * of another version) is an error naming the field and the endpoint, not a TypeError.
 */
import { isRecord } from '../core/narrow.js'

export class GitHubAnswerError extends Error {}

/**
 * A field of GitHub's answer, checked: `path` as `head.sha`, `endpoint` as GitHub's docs name it.
 * An answer of another shape (a proxy's, a GitHub Enterprise of another version) says which field
 * of which endpoint was missing.
 */
export function fieldOf(answer: unknown, path: string): unknown {
  let value: unknown = answer
  for (const key of path.split('.')) value = isRecord(value) ? value[key] : undefined
  return value
}

function missing(path: string, type: string, endpoint: string): GitHubAnswerError {
  return new GitHubAnswerError(
    `GitHub's answer to ${endpoint} has no \`${path}\` (a ${type}), which the action needs`
  )
}

export function text(answer: unknown, path: string, endpoint: string): string {
  const value = fieldOf(answer, path)
  if (typeof value !== 'string') throw missing(path, 'string', endpoint)
  return value
}

export function count(answer: unknown, path: string, endpoint: string): number {
  const value = fieldOf(answer, path)
  if (typeof value !== 'number') throw missing(path, 'number', endpoint)
  return value
}

export function list<T>(answer: T[] | unknown, endpoint: string): T[] {
  if (!Array.isArray(answer)) {
    throw new GitHubAnswerError(
      `GitHub's answer to ${endpoint} is not a list, which the action needs`
    )
  }
  return answer
}
