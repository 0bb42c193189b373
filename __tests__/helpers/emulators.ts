/**
 * Both emulators for a test, started fresh, with the pull request most tests comment on:
 * acme/platform-config#7, head `a…a` (merged as `b…b` when asked).
 */
import { GitHubEmulator } from '../../emulators/github.js'
import { LaunchDarklyEmulator } from '../../emulators/launchdarkly.js'

export const PULL_HEAD = 'a'.repeat(40)
export const PULL_MERGE = 'b'.repeat(40)

/** The `pull_request` event of that pull request, as GITHUB_EVENT_PATH gives it. */
export const pullRequestEvent = () => ({ pull_request: { number: 7, head: { sha: PULL_HEAD } } })

export interface Emulators {
  ld: LaunchDarklyEmulator
  gh: GitHubEmulator
}

export async function startEmulators(options: { merged?: boolean } = {}): Promise<Emulators> {
  const ld = await LaunchDarklyEmulator.start()
  const gh = await GitHubEmulator.start()
  gh.addPullRequest('acme', 'platform-config', {
    number: 7,
    headSha: PULL_HEAD,
    ...(options.merged ? { mergeCommitSha: PULL_MERGE, merged: true } : {})
  })
  return { ld, gh }
}

export async function stopEmulators({ ld, gh }: Emulators): Promise<void> {
  await ld.close()
  await gh.close()
}
