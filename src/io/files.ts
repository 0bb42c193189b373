/**
 * The workspace's files, as the request reads them: only inside the workspace (symlinks resolved),
 * only regular files, never too large; globs expanded in a stable order.
 */
import {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path'
import { MAX_DOCUMENT_BYTES } from '../core/documents.js'
import { InputError } from '../core/errors.js'
import type { FileSource } from '../core/inputs.js'
import { isRecord } from '../core/narrow.js'

const GLOB_CHARS = /[*?[\]{}!]/

/**
 * Decoding with replacement would turn a stray byte into U+FFFD and send that: a file that is not
 * UTF-8 is refused instead, naming the line of the first bad byte.
 */
function decodeUtf8(bytes: Buffer, path: string, input: string): string {
  const decodes = (end: number) => {
    try {
      // In stream mode a sequence cut at the end is not an error: only a bad byte is.
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end), { stream: true })
      return true
    } catch {
      return false
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    // The longest prefix that decodes ends at the first bad byte.
    let [low, high] = [0, bytes.length]
    while (low < high) {
      const middle = Math.ceil((low + high) / 2)
      if (decodes(middle)) low = middle
      else high = middle - 1
    }
    // That prefix may end inside a character the decoder was still waiting to complete (E2 82,
    // then x): the fault is that character's first byte, not the one that cut it short.
    const bad = unfinishedCharacter(bytes, low) ?? low
    const line = bytes.subarray(0, bad).toString('utf8').split('\n').length
    const where =
      low === bytes.length
        ? `the file ends inside a character (begun at byte ${bad + 1}, line ${line})`
        : `byte ${bad + 1} (line ${line}) is not part of a UTF-8 character`
    throw new InputError(input, `is not valid UTF-8: ${where}. Save the file as UTF-8.`, {
      file: path,
      line
    })
  }
}

/** Where the character that `end` cuts off begins, if `end` falls inside one. */
function unfinishedCharacter(bytes: Buffer, end: number): number | undefined {
  // A character is at most 4 bytes: its lead byte is at most 3 back.
  for (let start = end - 1; start >= Math.max(0, end - 3); start--) {
    const byte = bytes.readUInt8(start)
    if ((byte & 0xc0) === 0x80) continue
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1
    return start + length > end ? start : undefined
  }
  return undefined
}

export function workspaceFiles(workspace: string): FileSource {
  const root = realpathSync(workspace)

  const locate = (path: string, input: string): string => {
    const fail = (message: string) => new InputError(input, message, { file: path })
    if (path.includes('\0')) throw fail('is not a valid path.')
    let real: string
    try {
      real = realpathSync(resolve(root, path))
    } catch {
      throw fail(
        `no such file in the workspace (${root}). Check the path (it is relative to the repository root), and that the job checks the repository out (actions/checkout) before this step.`
      )
    }
    if (real !== root && !real.startsWith(root + sep)) {
      throw fail(`is outside the workspace (${root}); only files of the repository are read.`)
    }
    const stats = statSync(real)
    if (stats.isDirectory()) {
      throw fail('is a directory: give a file, or a glob such as `configurations/*.yaml`.')
    }
    if (!stats.isFile()) throw fail('is not a regular file.')
    if (stats.size > MAX_DOCUMENT_BYTES) throw fail(`is larger than ${MAX_DOCUMENT_BYTES} bytes.`)
    return real
  }

  return {
    read(path, input) {
      return decodeUtf8(readFileSync(locate(path, input)), path, input)
    },

    async expand(patterns, input) {
      const files: string[] = []
      for (const pattern of patterns) {
        if (!GLOB_CHARS.test(pattern)) {
          locate(pattern, input)
          files.push(relative(root, resolve(root, pattern)))
          continue
        }
        if (isAbsolute(pattern) || pattern.split(/[\\/]/).includes('..')) {
          throw new InputError(
            input,
            `the glob ${pattern} reaches outside the workspace; globs are relative to the repository root.`
          )
        }
        const { glob } = await import('tinyglobby')
        const matches = (
          await glob(pattern, { cwd: root, onlyFiles: true, expandDirectories: false })
        ).sort()
        if (matches.length === 0) {
          throw new InputError(
            input,
            `the glob ${pattern} matches no file in the workspace (${root}).`
          )
        }
        for (const match of matches) {
          locate(match, input)
          files.push(relative(root, resolve(root, match)))
        }
      }
      return [...new Set(files)]
    }
  }
}

/** Writes the files an export makes: only inside the workspace, never through a link. */
export interface FileTarget {
  /** Whether a file is there already (a link counts, whatever it points to). */
  exists(path: string): boolean
  /**
   * The names in a directory the export may write to (none if it does not exist yet). A file where
   * the directory, or one of its parents, should be is the input's problem, said before any request.
   */
  list(directory: string): string[]
  /** Makes a directory, if it is in the workspace with links resolved; before any request. */
  prepare(directory: string): void
  /** Removes a file the export wrote before (not a link, not a directory). */
  remove(path: string): void
  /** Writes a file, making its directory; refuses to replace one unless `overwrite`. */
  write(path: string, text: string, overwrite: boolean): void
}

export function workspaceTarget(workspace: string, input: string): FileTarget {
  const root = realpathSync(workspace)
  const target = (path: string) => {
    const full = resolve(root, path)
    if (full !== root && !full.startsWith(root + sep)) {
      throw new InputError(input, `${path} is outside the workspace (${root}).`)
    }
    return full
  }
  // A directory, links resolved, must be in the workspace: checked before it is made (a link in
  // the repository must not carry even an empty directory elsewhere) and after.
  const makeDirectory = (path: string, full: string) => {
    const inside = (directory: string) => {
      let real: string
      try {
        real = realpathSync(directory)
      } catch (error) {
        // existingAncestor stops at any link lstat finds, one that leads nowhere too; nothing can
        // be written through that, and the error is the user's to fix, not a bug.
        const code = codeOf(error)
        if (code !== 'ENOENT' && code !== 'ENOTDIR' && code !== 'ELOOP') throw error
        throw new InputError(
          input,
          `${path} would be written through a link that points to nothing (${relative(root, directory)}).`
        )
      }
      if (real !== root && !real.startsWith(root + sep)) {
        throw new InputError(
          input,
          `${path} would be written outside the workspace, through a link.`
        )
      }
    }
    inside(existingAncestor(full))
    notUnderFile(path, full)
    mkdirSync(full, { recursive: true })
    inside(full)
  }
  // A file named like the directory, or like one of its parents: nothing can be made under it.
  const notUnderFile = (path: string, full: string) => {
    for (let at = full; at !== root && at.startsWith(root + sep); at = dirname(at)) {
      const stats = lstatOrUndefined(at)
      if (stats === undefined || stats.isDirectory() || stats.isSymbolicLink()) continue
      const shown = relative(root, at)
      throw new InputError(
        input,
        at === full
          ? `${path} is a file, not a directory: give a directory (the export writes one file per integration into it), such as launchdarkly.`
          : `${path} is under ${shown}, which is a file, not a directory: give a directory that is not inside a file.`
      )
    }
  }
  return {
    list(directory) {
      const full = target(directory)
      notUnderFile(directory, full)
      const stats = lstatOrUndefined(full)
      if (stats === undefined) return []
      // Through a link, the directory is judged (and refused) by prepare, before any request.
      if (stats.isSymbolicLink()) return []
      return readdirSync(full).sort()
    },
    remove(path) {
      const full = target(path)
      if (lstatOrUndefined(full)?.isFile()) rmSync(full)
    },
    exists(path) {
      try {
        lstatSync(target(path))
        return true
      } catch {
        return false
      }
    },
    prepare(directory) {
      makeDirectory(directory, target(directory))
    },
    write(path, text, overwrite) {
      const full = target(path)
      makeDirectory(path, dirname(full))
      const stats = lstatOrUndefined(full)
      if (stats?.isSymbolicLink()) {
        throw new InputError(
          input,
          `${path} is a symbolic link; the export does not write through links.`
        )
      }
      // 'wx' fails if the file appeared meanwhile: never replaced without `overwrite`.
      try {
        writeFileSync(full, text, { flag: overwrite ? 'w' : 'wx' })
      } catch (error) {
        const code = codeOf(error)
        const why =
          code === 'EEXIST'
            ? 'it appeared during the export; set `export-overwrite: true` to replace it'
            : code === 'EISDIR'
              ? 'a directory of that name is in the way'
              : `the system said ${code ?? String(error)}`
        throw new InputError(input, `could not write ${path}: ${why}.`)
      }
    }
  }
}

/** The nearest directory on the way up from `path` that exists (the workspace itself at worst). */
function existingAncestor(path: string): string {
  let current = path
  while (lstatOrUndefined(current) === undefined && dirname(current) !== current) {
    current = dirname(current)
  }
  return current
}

function lstatOrUndefined(path: string) {
  try {
    return lstatSync(path)
  } catch {
    return undefined
  }
}

/** The code of a system error (ENOENT, EEXIST...), if it has one. */
function codeOf(error: unknown): string | undefined {
  const code = isRecord(error) ? error.code : undefined
  return typeof code === 'string' ? code : undefined
}
