/**
 * What a reviewer approves is exactly what is applied (issue 17), in-process against both
 * emulators, judged on the comment as cmark-gfm renders it: data never becomes the protocol or
 * markup; only a merged pull request approves; GitHub is bounded; a partial failure is finished
 * without a new pull request; a refusal shows what changed first; failures are loud. The stories
 * run plan → merge → apply → fix → apply again.
 */
import { GitHubEmulator, INSTALLATION_TOKEN } from '../../emulators/github.js'
import { LaunchDarklyEmulator } from '../../emulators/launchdarkly.js'
import type { RunResult } from '../../emulators/runner.js'
import { headerLine, parseComment, stateLine } from '../../src/core/plan-comment.js'
import {
  diffBlocks,
  expectCleanRendering,
  renderGfm,
  visibleText
} from '../helpers/github-markdown.js'
import { APPROVALS_SECRET, ldInputs, run, seedApprovals, writes } from '../helpers/fixtures.js'
import { applyJob, planJob, type JobOptions } from '../helpers/jobs.js'
import {
  PULL_HEAD,
  PULL_MERGE,
  pullRequestEvent,
  startEmulators,
  stopEmulators
} from '../helpers/emulators.js'

let ld: LaunchDarklyEmulator
let gh: GitHubEmulator
beforeEach(async () => {
  ;({ ld, gh } = await startEmulators())
})
afterEach(() => stopEmulators({ ld, gh }))

const OWNER = 'acme'
const REPO = 'platform-config'
const comments = () => gh.comments(OWNER, REPO, 7)
const PROTOCOL = '<!-- launchdarkly-integration-configuration-action'
const sticky = () => comments().find(c => c.body.startsWith(PROTOCOL))?.body ?? ''
const notifications = () => comments().filter(c => !c.body.startsWith(PROTOCOL))
const env = { KEY: APPROVALS_SECRET }
const failureReason = (result: RunResult) => result.outputs['failure-reason']
const merge = (sha = PULL_MERGE) => gh.mergePullRequest(OWNER, REPO, 7, sha)

const file = (id: string, baseURL = 'https://approvals-v2.example.com') =>
  `id: ${id}\nenabled: false\nconfigValues:\n  baseURL: ${JSON.stringify(baseURL)}\n  apiKey: \${KEY}\n`

/** The plan job (helpers/jobs.ts). */
const plan = (files: Record<string, string>) =>
  planJob({ ld, gh }, files, { env: { ...env, GITHUB_WORKFLOW: 'Plan', GITHUB_JOB: 'plan' } })

/** The apply job (helpers/jobs.ts), on the commit, attempt and GitHub policy given. */
const apply = (
  files: Record<string, string>,
  options: { sha?: string; attempt?: string; github?: JobOptions['github'] } = {}
) =>
  applyJob({ ld, gh }, files, {
    sha: options.sha,
    github: options.github,
    env: {
      ...env,
      GITHUB_WORKFLOW: 'Apply',
      GITHUB_JOB: 'apply',
      GITHUB_RUN_NUMBER: '17',
      GITHUB_RUN_ATTEMPT: options.attempt ?? '1'
    }
  })

/** Three configurations, one file each. */
function seedThree() {
  const seeded = ['A', 'B', 'C'].map(name =>
    seedApprovals(ld, { name: `Approvals ${name}`, tags: [name.toLowerCase()] })
  )
  const files = Object.fromEntries(seeded.map(c => [`ld/${c.name}.yaml`, file(c._id)]))
  return { seeded, files }
}

describe('data never becomes the protocol or markup', () => {
  const hostile = [
    headerLine('launchdarkly:forged', `sha256:${'0'.repeat(64)}`),
    stateLine({ attempts: [] }),
    '<!-- launchdarkly-integration-configuration-action key="launchdarkly:forged" -->',
    `<!-- launchdarkly-integration-configuration-action plan="sha256:${'1'.repeat(64)}" -->`,
    '<!-- launchdarkly-integration-configuration-action approved:start -->',
    '@platform-team ![x](https://evil.example/x.png) [click](https://evil.example/) <img src=x>',
    '```\n</details>\n<!--'
  ].join('\n')

  it('keeps every marker in a value as data: the comment says what the formatter wrote', async () => {
    const live = seedApprovals(ld)
    // Someone with LaunchDarkly access only puts the markers in the live value.
    ld.edit(live._id, c => void (c.configValues.baseURL = hostile))
    const files = { 'ld/a.yaml': file(live._id, `https://ok.example.com/${hostile}`) }
    const planned = await plan(files)
    expect(planned.exitCode).toBe(0)
    const body = sticky()
    const parsed = parseComment(body)
    expect(parsed?.key).toMatch(/^launchdarkly:[0-9a-f]+$/)
    expect(parsed?.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/)
    // The approved entries are the plan's values, exactly.
    expect(parsed?.state.approved?.[0]?.changes).toContainEqual({
      path: '/configValues/baseURL',
      before: hostile,
      after: `https://ok.example.com/${hostile}`
    })
    // Exactly two protocol lines, the first and the last; data shows `<!--` only escaped.
    const lines = body.split('\n')
    expect(lines.filter(line => line.includes('<!--'))).toEqual([lines[0], lines.at(-1)])
    const html = renderGfm(body)
    expect(html).not.toMatch(/<img|href="https:\/\/evil|<a [^>]*platform-team/)
    expect(visibleText(body)).toContain('\\u003c!-- launchdarkly-integr')
    expectCleanRendering(body)

    // The live value is then changed to a forged state line: the apply refuses, and the approved
    // plan it shows is still the one reviewers saw.
    merge()
    ld.edit(live._id, c => void (c.configValues.baseURL = stateLine({ attempts: [] })))
    const refused = await apply(files)
    expect(failureReason(refused)).toBe('plan-changed')
    expect(writes(ld)).toHaveLength(0)
    const after = parseComment(sticky())
    expect(after?.fingerprint).toBe(parsed?.fingerprint)
    expect(after?.state.approved).toEqual(parsed?.state.approved)
    // "Changed since approval" names the value approved (the forged header, as data) and the one
    // now (the forged state line, as data).
    const changed = visibleText(sticky()).split('What the apply would do now')[0] ?? ''
    expect(changed).toMatch(/Changed since approval[^]*action:v2 key=[^]*action:v2 state=/)
    const [now, approved] = diffBlocks(sticky())
    expect(now?.join('\n')).toContain('\\u003c!-- launchdarkly')
    expect(approved?.join('\n')).toContain('\\u003c!-- launchdarkly')
    expect(renderGfm(sticky())).not.toMatch(/<img|href="https:\/\/evil/)

    // Put back as it was approved, the apply goes ahead.
    ld.edit(live._id, c => void (c.configValues.baseURL = hostile))
    const applied = await apply(files)
    expect(applied.exitCode).toBe(0)
    expect(ld.get(live._id)?.configValues.baseURL).toBe(`https://ok.example.com/${hostile}`)
  })
})

describe('comments written by 1.x', () => {
  it('are found by their 1.x key marker and rewritten in the 2.x format, not duplicated', async () => {
    const { _id } = seedApprovals(ld)
    const files = { 'ld/a.yaml': file(_id) }
    // The key a 1.x plan of these inputs wrote: read from a 2.x plan's header.
    await plan(files)
    const key = parseComment(sticky())?.key ?? ''
    gh.deleteComment(comments()[0]?.id ?? 0)
    gh.addComment(OWNER, REPO, 7, {
      login: 'github-actions[bot]',
      body: `<!-- launchdarkly-integration-configuration-action key="${key}" -->\n\n### LaunchDarkly · Plan: 1 to update · app.launchdarkly.com`
    })
    await plan(files)
    expect(comments()).toHaveLength(1)
    expect(parseComment(sticky())).toMatchObject({ version: 2, key })
  })
})

describe('data from LaunchDarkly in a deletion never becomes the protocol or markup', () => {
  it('shows a stray configuration whose name and values hold the markers as data', async () => {
    const markers = [
      headerLine('launchdarkly:forged', `sha256:${'0'.repeat(64)}`),
      stateLine({ attempts: [] }),
      '@platform-team ![x](https://evil.example/x.png) <img src=x>'
    ].join('\n')
    const kept = seedApprovals(ld)
    ld.seed({
      integrationKey: 'custom-approvals',
      name: `Stray ${markers}`,
      configValues: { baseURL: markers, apiKey: APPROVALS_SECRET }
    })
    const result = await run(
      {
        inputs: ldInputs(ld, {
          'desired-state-file': 'ld/*',
          'dry-run': 'true',
          'comment-on-pr': 'true',
          prune: 'true'
        }),
        files: { 'ld/a.yaml': `integrationKey: custom-approvals\n${file(kept._id)}` },
        env,
        githubApiUrl: gh.url,
        githubToken: INSTALLATION_TOKEN,
        eventName: 'pull_request',
        event: pullRequestEvent()
      },
      { github: gh }
    )
    expect(result.exitCode).toBe(0)
    const body = sticky()
    const lines = body.split('\n')
    expect(lines.filter(line => line.includes('<!--'))).toEqual([lines[0], lines.at(-1)])
    const parsed = parseComment(body)
    expect(parsed?.key).not.toBe('launchdarkly:forged')
    expect(parsed?.state.approved?.map(e => e.action).sort()).toEqual(['delete', 'update'])
    expect(renderGfm(body)).not.toMatch(/<img|href="https:\/\/evil/)
    const seen = visibleText(body)
    expect(seen).toMatch(/Deletes Stray <!-- launchdarkly-integration-configuration-action:v2 key=/)
    expectCleanRendering(body)
  })
})

describe('only a merged pull request approves', () => {
  it("refuses the open pull request's head pushed straight to the branch, saying which", async () => {
    const { _id } = seedApprovals(ld)
    const files = { 'ld/a.yaml': file(_id) }
    await plan(files)
    const pushed = await apply(files, { sha: PULL_HEAD })
    expect(pushed.exitCode).toBe(1)
    expect(failureReason(pushed)).toBe('no-approved-plan')
    expect(pushed.errors[0]?.message).toMatch(
      /No merged pull request approves this run: commit aaaaaaa .*pull request #7 is open and not merged/
    )
    expect(writes(ld)).toHaveLength(0)
    // The open pull request's plan comment is left alone.
    expect(comments()).toHaveLength(1)
    expect(visibleText(sticky())).toContain('Plan: 1 to update')
  })

  it('waits for a fresh merge GitHub has not indexed yet, then applies', async () => {
    const { _id } = seedApprovals(ld)
    const files = { 'ld/a.yaml': file(_id) }
    await plan(files)
    merge()
    gh.notIndexedYet(2)
    const applied = await apply(files)
    expect(applied.exitCode).toBe(0)
    expect(applied.stdout).toMatch(/names no merged pull request for commit bbbbbbb yet/)
    expect(ld.get(_id)?.enabled).toBe(false)
  })

  it('says so when the lookup stays empty, and writes nothing', async () => {
    const { _id } = seedApprovals(ld)
    const files = { 'ld/a.yaml': file(_id) }
    await plan(files)
    merge()
    gh.notIndexedYet(10)
    const refused = await apply(files)
    expect(failureReason(refused)).toBe('no-approved-plan')
    expect(refused.errors[0]?.message).toMatch(
      /commit bbbbbbb belongs to no pull request \(GitHub was asked 4 times over \d+ s\)/
    )
    expect(writes(ld)).toHaveLength(0)
  })

  it('accepts the head of a rebase or fast-forward merge, and no other commit of it', async () => {
    const { _id } = seedApprovals(ld)
    const files = { 'ld/a.yaml': file(_id) }
    await plan(files)
    // A fast-forward: the base branch moved to the head itself.
    merge(PULL_HEAD)
    const applied = await apply(files, { sha: PULL_HEAD })
    expect(applied.exitCode).toBe(0)
    expect(ld.get(_id)?.enabled).toBe(false)
  })

  it('refuses a merged pull request run from another commit than its merge', async () => {
    const { _id } = seedApprovals(ld)
    const files = { 'ld/a.yaml': file(_id) }
    await plan(files)
    merge()
    gh.addPullRequest(OWNER, REPO, { number: 9, headSha: 'e'.repeat(40), commits: [] })
    // A run on another commit of the branch, whose pull requests GitHub lists as open.
    const refused = await apply(files, { sha: 'e'.repeat(40) })
    expect(failureReason(refused)).toBe('no-approved-plan')
    expect(refused.errors[0]?.message).toMatch(/pull request #9 is open and not merged/)
    expect(writes(ld)).toHaveLength(0)
  })
})

describe('GitHub is bounded', () => {
  const hang = () =>
    gh.server.injectFaults({}, ...Array.from({ length: 100 }, () => ({ kind: 'hang' as const })))
  const bounded = { requestTimeoutMs: 100, budgetMs: 500, retries: 1 }

  it('a plan against a GitHub that never answers still finishes, with its summary', async () => {
    const { _id } = seedApprovals(ld)
    hang()
    const result = await run(
      {
        inputs: ldInputs(ld, {
          'desired-state-file': 'ld/*',
          'dry-run': 'true',
          'comment-on-pr': 'true'
        }),
        files: { 'ld/a.yaml': file(_id) },
        env,
        githubApiUrl: gh.url,
        githubToken: INSTALLATION_TOKEN,
        eventName: 'pull_request',
        event: pullRequestEvent(),
        github: bounded
      },
      { github: gh }
    )
    expect(result.exitCode).toBe(0)
    expect(visibleText(result.summary)).toContain('Plan: 1 to update')
    const warning = result.annotations.find(a => a.level === 'warning')?.message ?? ''
    expect(warning).toMatch(/^Could not reach GitHub at .*no answer within/)
  })

  it('an apply with require-approved-plan writes nothing when GitHub never answers', async () => {
    const { _id } = seedApprovals(ld)
    const files = { 'ld/a.yaml': file(_id) }
    await plan(files)
    merge()
    hang()
    const refused = await apply(files, { github: bounded })
    expect(refused.exitCode).toBe(1)
    expect(failureReason(refused)).toBe('no-approved-plan')
    expect(refused.errors[0]?.message).toMatch(
      /^Could not reach GitHub, so the approved plan could not be read .*no answer within/
    )
    expect(writes(ld)).toHaveLength(0)
  })
})

describe('an approval survives a partial failure', () => {
  it('plan → merge → apply (one 403) → fix → apply again: the rest is applied, the record kept', async () => {
    const { seeded, files } = seedThree()
    await plan(files)
    merge()
    ld.server.injectFaults(
      { method: 'PATCH' },
      { kind: 'status', status: 403, body: { code: 'forbidden', message: 'Access denied' } }
    )
    const partly = await apply(files)
    expect(partly.exitCode).toBe(1)
    expect(failureReason(partly)).toBe('forbidden')
    const first = visibleText(sticky())
    expect(first).toContain('Partly applied: 2 of 3 written')
    // The failure is the first callout, before "Disables".
    const callouts = [
      ...first.matchAll(/^(?:CAUTION|WARNING|NOTE|IMPORTANT)?.*(failed:|Disables)/gm)
    ]
    expect(callouts[0]?.[1]).toBe('failed:')
    expect(notifications()).toHaveLength(1)
    expect(visibleText(notifications()[0]?.body ?? '')).toMatch(
      /^LaunchDarkly · Partly applied: 2 of 3 written .* in run 17\. What happened and what to do: the LaunchDarkly comment\./
    )
    const recorded = parseComment(sticky())?.state
    expect(recorded?.attempts).toEqual([
      expect.objectContaining({ outcome: 'partly-applied', written: 2, failed: 1, attempt: 1 })
    ])
    const failedOne = seeded.find(c => ld.get(c._id)?.enabled === true)
    expect(failedOne).toBeDefined()

    // The role is fixed; the same job is run again.
    const finished = await apply(files, { attempt: '2' })
    expect(finished.exitCode).toBe(0)
    expect(failureReason(finished)).toBe('')
    expect(seeded.map(c => ld.get(c._id)?.enabled)).toEqual([false, false, false])
    expect(finished.annotations.map(a => a.message)).toContainEqual(
      expect.stringMatching(/Finishing an approved plan .*: 1 of its 3 configurations/)
    )
    const state = parseComment(sticky())?.state
    expect(state?.approved).toEqual(recorded?.approved)
    expect(state?.attempts).toEqual([
      recorded?.attempts[0],
      expect.objectContaining({ outcome: 'applied', written: 1, failed: 0, attempt: 2 })
    ])
    const seen = visibleText(sticky())
    expect(seen).toContain('Applied: 1 updated')
    expect(seen).toMatch(/run 17, attempt 1: partly applied, 2 configurations written, 1 failed/)
    expect(seen).toMatch(/run 17, attempt 2: applied, 1 configuration written/)
    // A success is a silent edit: still the one notification.
    expect(notifications()).toHaveLength(1)
  })

  it('refuses with the true reason when what remains changed after the partial failure', async () => {
    const { seeded, files } = seedThree()
    await plan(files)
    merge()
    ld.server.injectFaults(
      { method: 'PATCH' },
      { kind: 'status', status: 403, body: { code: 'forbidden', message: 'Access denied' } }
    )
    await apply(files)
    const left = seeded.find(c => ld.get(c._id)?.enabled === true)
    ld.edit(left?._id ?? '', c => void (c.configValues.baseURL = 'https://hotfix.example.com'))
    const refused = await apply(files, { attempt: '2' })
    expect(failureReason(refused)).toBe('plan-changed')
    expect(visibleText(sticky())).toContain('Changed since approval')
    expect(parseComment(sticky())?.state.attempts.map(a => a.outcome)).toEqual([
      'partly-applied',
      'refused'
    ])
  })
})

describe('a refusal shows the difference first', () => {
  it('plan → merge → hotfix in LaunchDarkly → apply refused → fix → apply', async () => {
    const { _id } = seedApprovals(ld)
    const files = { 'ld/a.yaml': file(_id) }
    await plan(files)
    expect(notifications()).toHaveLength(0)
    merge()
    ld.edit(_id, c => void (c.configValues.baseURL = 'https://hotfix.example.com'))
    const refused = await apply(files)
    expect(failureReason(refused)).toBe('plan-changed')
    const seen = visibleText(sticky())
    expect(seen).toMatch(/^LaunchDarkly · Not applied: the plan changed · 1 to update/m)
    const order = [
      'Changed since approval',
      'Disables',
      'What the apply would do now',
      'What was approved'
    ]
    const at = order.map(heading => seen.indexOf(heading))
    expect(at.every(i => i > 0)).toBe(true)
    expect([...at].sort((a, b) => a - b)).toEqual(at)
    // Per field: what was approved, what would be applied now, and what applying overwrites.
    expect(seen).toMatch(
      /\/configValues\/baseURL\s+"https:\/\/approvals\.example\.com" → "https:\/\/approvals-v2\.example\.com"\s+"https:\/\/hotfix\.example\.com" → "https:\/\/approvals-v2\.example\.com"/
    )
    expect(seen).toContain(
      'Applying now would overwrite what was set since the approval: /configValues/baseURL = "https://hotfix.example.com".'
    )
    // Advice that works after a merge: not "run the plan again".
    expect(seen).toMatch(/open a new pull request/)
    expect(seen).not.toMatch(/run the plan on the pull request again/i)
    expect(notifications()).toHaveLength(1)
    expectCleanRendering(sticky())

    // The hotfix is taken back in LaunchDarkly: the approved plan applies.
    ld.edit(_id, c => void (c.configValues.baseURL = 'https://approvals.example.com'))
    const applied = await apply(files, { attempt: '2' })
    expect(applied.exitCode).toBe(0)
    expect(ld.get(_id)?.configValues.baseURL).toBe('https://approvals-v2.example.com')
    expect(visibleText(sticky())).toMatch(/attempt 1: refused .*\n.*attempt 2: applied/)
  })
})
