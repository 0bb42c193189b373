/**
 * The workspace's files, with the code that reads them loaded only when a file is first read: an
 * inline patch reads none, so a patch-only run's start-up does without it.
 */
import type { FileSource } from '../core/inputs.js'

export function workspaceFilesOnDemand(workspace: string): FileSource {
  let files: Promise<FileSource> | undefined
  const load = () => (files ??= import('./files.js').then(m => m.workspaceFiles(workspace)))
  return {
    read: async (path, input) => (await load()).read(path, input),
    expand: async (patterns, input) => (await load()).expand(patterns, input)
  }
}
