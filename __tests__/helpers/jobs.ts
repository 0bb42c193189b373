/**
 * The two jobs of a gated change, as examples/workflows/pull-request.yml runs them, in-process
 * against both emulators: the plan on the pull request (a dry run that comments) and the apply on
 * the push of the merge commit (with `require-approved-plan`). Each test adds the inputs and the
 * environment it is about; the rest is the same for all, and written once here.
 */
import { INSTALLATION_TOKEN } from '../../emulators/github.js'
import type { RunResult } from '../../emulators/runner.js'
import { PULL_MERGE, pullRequestEvent, type Emulators } from './emulators.js'
import { ldInputs, run } from './fixtures.js'
import type { InProcessOptions } from './in-process.js'

export interface JobOptions {
  /** Inputs besides the job's own (or in their place: `desired-state-file` is `ld/*`). */
  inputs?: Record<string, string>
  env?: Record<string, string>
  /** The GitHub token: an installation token unless a test is about another. */
  token?: string
  /** The apply's pushed commit: the merge commit unless a test pushes another. */
  sha?: string
  /** The GitHub policy (timeouts, budget) when a test is about it. */
  github?: InProcessOptions['github']
}

/** The plan job: on the pull request, a dry run that comments. */
export function planJob(
  { ld, gh }: Emulators,
  files: Record<string, string>,
  options: JobOptions = {}
): Promise<RunResult> {
  return run(
    {
      inputs: ldInputs(ld, {
        'desired-state-file': 'ld/*',
        'dry-run': 'true',
        'comment-on-pr': 'true',
        ...options.inputs
      }),
      files,
      env: options.env ?? {},
      githubApiUrl: gh.url,
      githubToken: options.token ?? INSTALLATION_TOKEN,
      eventName: 'pull_request',
      event: pullRequestEvent(),
      ...(options.github ? { github: options.github } : {})
    },
    { github: gh }
  )
}

/** The apply job: on the push of the merge commit (or the commit given), with the gate. */
export function applyJob(
  { ld, gh }: Emulators,
  files: Record<string, string>,
  options: JobOptions = {}
): Promise<RunResult> {
  const sha = options.sha ?? PULL_MERGE
  return run(
    {
      inputs: ldInputs(ld, {
        'desired-state-file': 'ld/*',
        'comment-on-pr': 'true',
        'require-approved-plan': 'true',
        ...options.inputs
      }),
      files,
      env: { GITHUB_SHA: sha, ...options.env },
      githubApiUrl: gh.url,
      githubToken: options.token ?? INSTALLATION_TOKEN,
      eventName: 'push',
      event: { after: sha },
      ...(options.github ? { github: options.github } : {})
    },
    { github: gh }
  )
}
