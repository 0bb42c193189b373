/**
 * `npm run demo`: the action at work without a LaunchDarkly account. Starts the LaunchDarkly and
 * GitHub emulators, then runs dist/index.js as a runner would: the export a team starts from, then
 * the life of a change (the plan on a pull request, the apply on merge, a second run that finds
 * nothing to do), and a scheduled disable.
 */
import { GitHubEmulator, INSTALLATION_TOKEN } from '../emulators/github.js'
import { LaunchDarklyEmulator, WRITER_TOKEN } from '../emulators/launchdarkly.js'
import { runAction, type RunOptions, type RunResult } from '../emulators/runner.js'
import { readFileSync } from 'node:fs'

const bold = (s: string) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s)
const dim = (s: string) => (process.stdout.isTTY ? `\x1b[2m${s}\x1b[0m` : s)

const ld = await LaunchDarklyEmulator.start()
const gh = await GitHubEmulator.start()
ld.seed(
  {
    integrationKey: 'custom-approvals',
    name: 'Approvals (prod)',
    tags: ['prod'],
    configValues: { baseURL: 'https://old-approvals.example.com', apiKey: 'demo-approvals-key-1' }
  },
  {
    integrationKey: 'pagerduty-guardian-edition',
    name: 'Guardian paging (prod)',
    tags: ['prod'],
    configValues: { integrationKey: 'R0123456789ABCDEFGHIJKLMNOPQRSTU', severity: 'error' }
  },
  {
    integrationKey: 'pagerduty-guardian-edition',
    name: 'Guardian paging (staging)',
    enabled: true,
    tags: ['staging'],
    configValues: { integrationKey: 'RSTAGING0000000000000000000000000', severity: 'warning' }
  }
)
const merge = 'f00dfeed'.repeat(5)
gh.addPullRequest('acme', 'platform-config', {
  number: 42,
  headSha: 'c0ffee00'.repeat(5),
  title: 'Route approvals to the new service'
})
gh.addPullRequest('acme', 'platform-config', {
  number: 42,
  headSha: 'c0ffee00'.repeat(5),
  mergeCommitSha: merge,
  merged: true
})

const examples = new URL('../examples/launchdarkly/', import.meta.url)
const files = Object.fromEntries(
  ['approvals.yaml', 'paging.yaml'].map(name => [
    `launchdarkly/${name}`,
    readFileSync(new URL(name, examples), 'utf8')
  ])
)
const common: Partial<RunOptions> = {
  files,
  githubApiUrl: gh.url,
  githubToken: INSTALLATION_TOKEN,
  env: { APPROVALS_API_KEY: 'demo-approvals-key-2' }
}
const inputs = {
  'access-token': WRITER_TOKEN,
  'base-uri': ld.url,
  'desired-state-file': 'launchdarkly/*.yaml'
}

function show(title: string, result: RunResult, details: string[] = []): void {
  console.log(`\n${bold(`━━ ${title}`)}`)
  console.log(
    dim(
      `exit code ${result.exitCode}, ${result.durationMs} ms, ${ld.server.requests.length} LaunchDarkly requests so far`
    )
  )
  const log = result.stdout
    .split('\n')
    .filter(
      line => line !== '' && !line.startsWith('::debug::') && !line.startsWith('::add-mask::')
    )
  console.log(`${bold('log')}\n${log.map(l => `  ${l}`).join('\n')}`)
  const { diff: _diff, configuration: _configuration, ...outputs } = result.outputs
  console.log(`${bold('outputs')} (diff and configuration left out here)`)
  for (const [name, value] of Object.entries(outputs)) console.log(`  ${name}=${value}`)
  for (const detail of details) console.log(detail)
}

try {
  const exported = await runAction({
    inputs: {
      'access-token': WRITER_TOKEN,
      'base-uri': ld.url,
      'export-to': 'launchdarkly',
      'integration-keys': 'custom-approvals\npagerduty-guardian-edition'
    },
    eventName: 'workflow_dispatch',
    collect: 'launchdarkly'
  })
  show('0. Onboarding: what LaunchDarkly holds, exported as files (secrets as ${VAR})', exported, [
    ...Object.entries(exported.collected).map(
      ([path, text]) => `${bold(path)}\n${text.replace(/^/gm, '  ')}`
    ),
    `${bold('job summary')}\n${exported.summary}`
  ])

  const plan = await runAction({
    ...common,
    inputs: { ...inputs, 'dry-run': 'true', 'comment-on-pr': 'true' },
    eventName: 'pull_request',
    event: { pull_request: { number: 42 } },
    env: { ...common.env, GITHUB_WORKFLOW: 'LaunchDarkly plan', GITHUB_JOB: 'plan' }
  })
  show('1. Pull request #42: the plan (dry run), commented on the pull request', plan, [
    `${bold('the comment reviewers read')}\n${gh.comments('acme', 'platform-config', 42)[0]?.body}`
  ])

  const apply = await runAction({
    ...common,
    inputs: { ...inputs, 'create-missing': 'true', 'comment-on-pr': 'true' },
    eventName: 'push',
    env: {
      ...common.env,
      GITHUB_SHA: merge,
      GITHUB_WORKFLOW: 'LaunchDarkly apply',
      GITHUB_JOB: 'apply'
    }
  })
  show('2. Merged: the apply, with the job summary', apply, [
    `${bold('job summary')}\n${apply.summary}`
  ])

  const again = await runAction({ ...common, inputs })
  show('3. The same files again: nothing to do, no write', again)

  const [paging] = ld.all().filter(c => c.name === 'Guardian paging (prod)')
  const disable = await runAction({
    inputs: {
      'access-token': WRITER_TOKEN,
      'base-uri': ld.url,
      'configuration-id': paging?._id ?? '',
      enabled: 'false'
    },
    eventName: 'schedule'
  })
  show('4. A scheduled job disables one configuration', disable)

  console.log(
    `\n${bold('LaunchDarkly now holds')} (secrets as stored; the action only ever showed them masked)`
  )
  for (const c of ld.all())
    console.log(`  ${c._id}  ${c.name}  enabled=${c.enabled}  tags=${c.tags.join(',')}`)
} finally {
  await ld.close()
  await gh.close()
}
