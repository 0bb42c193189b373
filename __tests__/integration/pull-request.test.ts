/**
 * A pull request's life, in-process against both emulators: the plan on the pull request, the
 * merge, the apply on push with `require-approved-plan`. One comment in the end; only the approved
 * plan is applied; formatting does not count; an approval cannot be carried or forged.
 */
import { GitHubEmulator, INSTALLATION_TOKEN, PERSONAL_TOKEN } from '../../emulators/github.js'
import { LaunchDarklyEmulator } from '../../emulators/launchdarkly.js'
import type { RunResult } from '../../emulators/runner.js'
import { diffBlocks, expectCleanRendering, visibleText } from '../helpers/github-markdown.js'
import { APPROVALS_SECRET, ldInputs, run, seedApprovals, writes } from '../helpers/fixtures.js'
import { applyJob, planJob } from '../helpers/jobs.js'
import {
  PULL_MERGE,
  pullRequestEvent,
  startEmulators,
  stopEmulators
} from '../helpers/emulators.js'

let ld: LaunchDarklyEmulator
let gh: GitHubEmulator
beforeEach(async () => {
  ;({ ld, gh } = await startEmulators({ merged: true }))
})
afterEach(() => stopEmulators({ ld, gh }))

const comments = () => gh.comments('acme', 'platform-config', 7)
// The sticky comment (its header on the first line), not the notification a failed apply posts.
const body = () =>
  comments().find(c => c.body.startsWith('<!-- launchdarkly-integration-configuration-action'))
    ?.body ?? ''
const file = (id: string, tags = '[prod, approvals]') =>
  `id: ${id}\nenabled: false\ntags: ${tags}\nconfigValues:\n  baseURL: https://approvals-v2.example.com\n  apiKey: \${KEY}\n`
const env = { KEY: APPROVALS_SECRET }

/** The plan job (helpers/jobs.ts), as the workflow and job given. */
const plan = (
  files: Record<string, string>,
  workflow = { GITHUB_WORKFLOW: 'Plan', GITHUB_JOB: 'plan' }
) => planJob({ ld, gh }, files, { env: { ...env, ...workflow } })

/** The apply job (helpers/jobs.ts), with the inputs and the token given. */
const apply = (
  files: Record<string, string>,
  inputs: Record<string, string> = {},
  token = INSTALLATION_TOKEN
) =>
  applyJob({ ld, gh }, files, {
    inputs,
    token,
    env: { ...env, GITHUB_WORKFLOW: 'Apply', GITHUB_JOB: 'apply', GITHUB_RUN_NUMBER: '17' }
  })

const failureReason = (result: RunResult) => result.outputs['failure-reason']

describe('a pull request, from plan to apply', () => {
  it('plans, then applies the approved plan, leaving one comment that says applied', async () => {
    const { _id } = seedApprovals(ld)
    const files = { 'ld/approvals.yaml': file(_id) }
    const planned = await plan(files)
    expect(planned.exitCode).toBe(0)
    expect(comments()).toHaveLength(1)
    expect(visibleText(body())).toContain('Plan: 1 to update (1 disabled)')
    expect(writes(ld)).toHaveLength(0)

    const applied = await apply(files)
    expect(applied.exitCode).toBe(0)
    expect(failureReason(applied)).toBe('')
    expect(ld.get(_id)).toMatchObject({ enabled: false, tags: ['prod', 'approvals'] })
    expect(comments()).toHaveLength(1)
    const seen = visibleText(body())
    expect(seen).toContain('Applied: 1 updated (1 disabled)')
    expect(seen).toContain(
      'Applied in run 17 from head aaaaaaa (merged as bbbbbbb): 1 configuration written.'
    )
    // The job summary too names the head and the merge commit, and links the pull request.
    expect(visibleText(applied.summary)).toContain(
      'Applied in run 17 from head aaaaaaa (merged as bbbbbbb): 1 configuration written. · pull request #7 · job summary'
    )
    // The diff stays, now as what was applied.
    expect(diffBlocks(body())[0]).toEqual(
      expect.arrayContaining(['-enabled: true', '+enabled: false'])
    )
    expectCleanRendering(body())

    // Running the apply again writes nothing and needs nothing approved.
    const again = await apply(files)
    expect(again.exitCode).toBe(0)
    expect(writes(ld)).toHaveLength(1)
  })

  it('refuses the apply when LaunchDarkly changed after the plan, writing nothing', async () => {
    const { _id } = seedApprovals(ld)
    const files = { 'ld/approvals.yaml': file(_id) }
    await plan(files)
    ld.edit(_id, c => void (c.configValues.baseURL = 'https://edited-in-the-ui.example.com'))
    const result = await apply(files)
    expect(result.exitCode).toBe(1)
    expect(failureReason(result)).toBe('plan-changed')
    expect(writes(ld)).toHaveLength(0)
    expect(result.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/The plan differs from the one approved on pull request #7/)
      })
    ])
    // The sticky comment, and one notification of the refusal (issue 17: loud failures).
    expect(comments()).toHaveLength(2)
    const seen = visibleText(body())
    // The headline says why first (issue 17), then the counts as before.
    expect(seen).toContain('Not applied: the plan changed · 1 to update (1 disabled)')
    expect(seen).toContain('nothing was written to LaunchDarkly')
    expect(seen).toContain('What the apply would do now')
    expect(seen).toContain('What was approved')
    // Both diffs: the approved one from the UI's old value, the new one from the edited value.
    const blocks = diffBlocks(body())
    expect(blocks).toHaveLength(2)
    expect(blocks[0]).toContain('-  baseURL: "https://edited-in-the-ui.example.com"')
    expect(blocks[1]).toContain('-  baseURL: "https://approvals.example.com"')
    expect(visibleText(result.summary)).toContain('What was approved')
    // Nothing changed, though the plan it shows would change something.
    expect(result.outputs.changed).toBe('false')

    // Refused again after another edit: what was approved is still the plan reviewers saw, not
    // what the first refused apply would have done.
    ld.edit(_id, c => void (c.configValues.baseURL = 'https://second-edit.example.com'))
    const again = await apply(files)
    expect(failureReason(again)).toBe('plan-changed')
    const [now, approved] = diffBlocks(body())
    expect(now).toContain('-  baseURL: "https://second-edit.example.com"')
    expect(approved).toContain('-  baseURL: "https://approvals.example.com"')

    // The approval stays in the comment: once LaunchDarkly is as it was, the apply goes ahead.
    ld.edit(_id, c => void (c.configValues.baseURL = 'https://approvals.example.com'))
    const retried = await apply(files)
    expect(retried.exitCode).toBe(0)
    expect(writes(ld)).toHaveLength(1)
  })

  it('applies when the files changed only in form: keys, tags, comments, YAML or JSON', async () => {
    const { _id } = seedApprovals(ld)
    await plan({ 'ld/approvals.yaml': file(_id) })
    const reformatted = {
      'ld/approvals.json': JSON.stringify({
        configValues: { apiKey: '${KEY}', baseURL: 'https://approvals-v2.example.com' },
        tags: ['approvals', 'prod'],
        enabled: false,
        id: _id
      })
    }
    const result = await apply(reformatted)
    expect(result.exitCode).toBe(0)
    expect(writes(ld)).toHaveLength(1)
  })

  it('refuses a plan that was never commented: no-approved-plan', async () => {
    const { _id } = seedApprovals(ld)
    const result = await apply({ 'ld/approvals.yaml': file(_id) })
    expect(result.exitCode).toBe(1)
    expect(failureReason(result)).toBe('no-approved-plan')
    expect(result.errors[0]?.message).toMatch(
      /has no plan comment of this step .* written by this token's identity/
    )
    expect(writes(ld)).toHaveLength(0)
  })

  it("refuses a plan comment written by someone else, even with this step's marker and fingerprint", async () => {
    const { _id } = seedApprovals(ld)
    const files = { 'ld/approvals.yaml': file(_id) }
    await plan(files)
    const forged = body()
    // The bot's comment is deleted; mallory posts its exact text.
    gh.addComment('acme', 'platform-config', 7, { login: 'mallory', body: forged })
    gh.deleteComment(comments()[0]?.id ?? 0)
    const result = await apply(files)
    expect(result.exitCode).toBe(1)
    expect(failureReason(result)).toBe('no-approved-plan')
    expect(writes(ld)).toHaveLength(0)
  })

  it('refuses a plan comment carried over from another pull request', async () => {
    const { _id } = seedApprovals(ld)
    const files = { 'ld/approvals.yaml': file(_id) }
    gh.addPullRequest('acme', 'platform-config', { number: 8, headSha: 'd'.repeat(40) })
    await run(
      {
        inputs: ldInputs(ld, {
          'desired-state-file': 'ld/*',
          'dry-run': 'true',
          'comment-on-pr': 'true'
        }),
        files,
        env,
        githubApiUrl: gh.url,
        githubToken: INSTALLATION_TOKEN,
        eventName: 'pull_request',
        event: { pull_request: { number: 8, head: { sha: 'd'.repeat(40) } } }
      },
      { github: gh }
    )
    // The bot itself is made to post pull request 8's plan on pull request 7.
    const copied = gh.comments('acme', 'platform-config', 8)[0]?.body ?? ''
    gh.addComment('acme', 'platform-config', 7, { login: 'github-actions[bot]', body: copied })
    const result = await apply(files)
    expect(result.exitCode).toBe(1)
    expect(failureReason(result)).toBe('plan-changed')
    expect(writes(ld)).toHaveLength(0)
  })

  it('keeps the change a failed apply tried, and says plainly that nothing was written', async () => {
    const { _id } = seedApprovals(ld)
    const files = { 'ld/approvals.yaml': file(_id) }
    await plan(files)
    ld.server.injectFaults(
      { method: 'PATCH' },
      { kind: 'status', status: 403, body: { code: 'forbidden', message: 'Access denied' } }
    )
    const result = await apply(files)
    expect(result.exitCode).toBe(1)
    expect(failureReason(result)).toBe('forbidden')
    const seen = visibleText(body())
    // "Apply failed", not "Not applied" (issue 17: loud failures).
    expect(seen).toContain('Apply failed: 1 failed')
    expect(seen).toContain('nothing was written; 1 configuration failed')
    expect(seen).toMatch(/Approvals \(prod\) .* failed: LaunchDarkly answered 403/)
    expect(seen).toContain('the change it tried: 3 fields')
    expect(diffBlocks(body())[0]).toEqual(expect.arrayContaining(['+enabled: false']))
    // Said once, not once per place.
    expect(seen.match(/LaunchDarkly answered 403/g)).toHaveLength(1)
    expectCleanRendering(body())
  })

  it('groups the same failure of several configurations into one callout', async () => {
    const seeded = ld.seed(
      ...['A', 'B', 'C'].map(name => ({
        integrationKey: 'custom-approvals',
        name: `Approvals ${name}`,
        configValues: { baseURL: 'https://x.example.com', apiKey: APPROVALS_SECRET }
      }))
    )
    const files = {
      'ld/all.yaml':
        'configurations:\n' +
        seeded
          .map(c => `  - {integrationKey: custom-approvals, id: ${c._id}, enabled: false}\n`)
          .join('')
    }
    ld.server.injectFaults(
      { method: 'PATCH' },
      ...seeded.map(() => ({
        kind: 'status' as const,
        status: 403,
        body: { code: 'forbidden', message: 'Access denied' }
      }))
    )
    const result = await run(
      {
        inputs: ldInputs(ld, { 'desired-state-file': 'ld/*', 'comment-on-pr': 'true' }),
        files,
        githubApiUrl: gh.url,
        githubToken: INSTALLATION_TOKEN,
        eventName: 'pull_request',
        event: pullRequestEvent()
      },
      { github: gh }
    )
    expect(result.exitCode).toBe(1)
    const seen = visibleText(body())
    expect(seen).toMatch(
      /3 configurations \(Approvals A, Approvals B, Approvals C\) failed: LaunchDarkly answered 403/
    )
    expect(seen.match(/LaunchDarkly answered 403/g)).toHaveLength(1)
  })

  it('shares one comment between the plan and the apply, whatever the workflows and jobs are called', async () => {
    const { _id } = seedApprovals(ld)
    const files = { 'ld/approvals.yaml': file(_id) }
    await plan(files, { GITHUB_WORKFLOW: 'LaunchDarkly plan (PR)', GITHUB_JOB: 'plan-pr' })
    await apply(files)
    expect(comments()).toHaveLength(1)
    expect(visibleText(body())).toContain('Applied: 1 updated')
  })

  it('reports why the apply could not plan again, rather than a changed or missing approval', async () => {
    const { _id } = seedApprovals(ld)
    const files = { 'ld/approvals.yaml': file(_id) }
    await plan(files)
    ld.server.injectFaults(
      { method: 'GET' },
      { kind: 'status', status: 403, body: { code: 'forbidden', message: 'Access denied' } }
    )
    const result = await apply(files)
    expect(result.exitCode).toBe(1)
    expect(failureReason(result)).toBe('forbidden')
    expect(result.outputs.changed).toBe('false')
    expect(writes(ld)).toHaveLength(0)
    expect(result.errors.map(e => e.message)).toEqual([
      expect.stringMatching(/^LaunchDarkly answered 403/),
      expect.stringMatching(
        /^Nothing was written: the apply could not plan every configuration again \(1 failed/
      )
    ])
  })

  it('refuses the apply when the approved plan cannot be read from GitHub, saying why', async () => {
    const { _id } = seedApprovals(ld)
    const files = { 'ld/approvals.yaml': file(_id) }
    await plan(files)
    const result = await run({
      inputs: ldInputs(ld, {
        'desired-state-file': 'ld/*',
        'comment-on-pr': 'true',
        'require-approved-plan': 'true'
      }),
      files,
      env: { ...env, GITHUB_SHA: PULL_MERGE },
      githubApiUrl: 'http://127.0.0.1:9',
      githubToken: INSTALLATION_TOKEN,
      eventName: 'push',
      event: { after: PULL_MERGE },
      github: { retries: 0 }
    })
    expect(result.exitCode).toBe(1)
    expect(failureReason(result)).toBe('no-approved-plan')
    expect(writes(ld)).toHaveLength(0)
    const error = result.errors[0]?.message ?? ''
    expect(error).toMatch(
      /could not be read from the pull request: GitHub could not be reached at http:\/\/127\.0\.0\.1:9/
    )
    // The reason is the approval's: not the comment's "the LaunchDarkly result is not affected".
    expect(error).not.toContain('not affected')
  })

  it('says it could not reach GitHub when GitHub cannot be reached, not that it answered 500', async () => {
    const { _id } = seedApprovals(ld)
    const result = await run({
      inputs: ldInputs(ld, { 'configuration-id': _id, enabled: 'false', 'comment-on-pr': 'true' }),
      githubApiUrl: 'http://127.0.0.1:9',
      githubToken: PERSONAL_TOKEN,
      eventName: 'pull_request',
      event: pullRequestEvent(),
      github: { retries: 0 }
    })
    expect(result.exitCode).toBe(0)
    const warning = result.annotations.find(a => a.level === 'warning')?.message ?? ''
    expect(warning).toMatch(/^Could not reach GitHub at http:\/\/127\.0\.0\.1:9/)
    expect(warning).not.toMatch(/answered 500/)
  })
})
