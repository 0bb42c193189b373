/**
 * Undo (#20), in-process against both emulators: the `undo` and `undo-patch` outputs of an apply,
 * applied back with `patch`, restore every field but the secrets exactly (the emulator's stored
 * state is compared); an undo refuses, writing nothing, once the configuration changed since; a
 * creation's undo deletes it; a deletion's cannot be undone.
 */
import { INSTALLATION_TOKEN, type GitHubEmulator } from '../../emulators/github.js'
import { ROUTES, type LaunchDarklyEmulator } from '../../emulators/launchdarkly.js'
import { expectCleanRendering, visibleText } from '../helpers/github-markdown.js'
import { pullRequestEvent, startEmulators, stopEmulators } from '../helpers/emulators.js'
import {
  APPROVALS_SECRET,
  ldInputs,
  results,
  run,
  seedApprovals,
  writes
} from '../helpers/fixtures.js'

let ld: LaunchDarklyEmulator
let gh: GitHubEmulator
beforeEach(async () => {
  ;({ ld, gh } = await startEmulators())
})
afterEach(() => stopEmulators({ ld, gh }))

const ROTATED = 'rotated-secret-456'
const DELETE = `DELETE ${ROUTES.item}`

/** A release: renames, disables, retags, repoints, drops a key and rotates the secret. */
const releaseFile = (id: string) =>
  [
    `id: ${id}`,
    'name: Approvals (v2)',
    'enabled: false',
    'tags: [prod, approvals]',
    'configValues:',
    '  baseURL: https://approvals-v2.example.com',
    '  apiKey: ${KEY}',
    ''
  ].join('\n')

function desired(files: Record<string, string>, inputs: Record<string, string> = {}) {
  return run(
    {
      inputs: ldInputs(ld, { 'desired-state-file': 'ld/*.yaml', ...inputs }),
      files,
      env: { KEY: ROTATED }
    },
    { secrets: [ROTATED] }
  )
}

function patch(id: string, operations: string, inputs: Record<string, string> = {}) {
  return run(
    { inputs: ldInputs(ld, { 'configuration-id': id, patch: operations, ...inputs }) },
    { secrets: [ROTATED] }
  )
}

/** The stored configuration without its secret, which no undo can restore. */
const withoutSecret = (id: string) => {
  const stored = ld.get(id)
  if (!stored) return undefined
  const { apiKey: _secret, ...configValues } = stored.configValues
  return { ...stored, configValues }
}

describe('undo', () => {
  it('restores every field but the secret exactly, and says the secret was left', async () => {
    const seeded = seedApprovals(ld, {
      configValues: {
        baseURL: 'https://approvals.example.com',
        apiKey: APPROVALS_SECRET,
        team: 'payments'
      }
    })
    const before = withoutSecret(seeded._id)
    const release = await desired({ 'ld/approvals.yaml': releaseFile(seeded._id) })
    expect(release.exitCode).toBe(0)
    expect(ld.get(seeded._id)).toMatchObject({
      name: 'Approvals (v2)',
      enabled: false,
      configValues: { apiKey: ROTATED, baseURL: 'https://approvals-v2.example.com' }
    })
    expect(ld.get(seeded._id)?.configValues).not.toHaveProperty('team')

    const undoPatch = release.outputs['undo-patch'] ?? ''
    const operations = JSON.parse(undoPatch) as { op: string; path: string; value?: unknown }[]
    // Guards first: every path it restores is tested as this run left it (the removed key's
    // absence cannot be, and configValues around it holds a secret).
    expect(operations.filter(op => op.op === 'test')).toEqual([
      { op: 'test', path: '/name', value: 'Approvals (v2)' },
      { op: 'test', path: '/enabled', value: false },
      { op: 'test', path: '/tags', value: ['prod', 'approvals'] },
      { op: 'test', path: '/configValues/baseURL', value: 'https://approvals-v2.example.com' }
    ])
    expect(operations.some(op => op.path === '/configValues/apiKey')).toBe(false)
    expect(JSON.parse(release.outputs.undo ?? '{}')).toEqual({ [seeded._id]: operations })
    expect(undoPatch).not.toContain('secret')

    expect(release.stdout).toContain(
      'Undo: `undo-patch` (and `undo`) holds the patch that restores 1 configuration this run wrote; apply it with `patch` to roll back'
    )
    const summary = visibleText(release.summary)
    expect(summary).toContain('Undo')
    expect(summary).toMatch(
      /Approvals \(v2\) · [0-9a-f]{24} · custom-approvals: updated; its undo restores 5 fields/
    )
    expect(summary).toMatch(/1 secret cannot be restored: \/configValues\/apiKey\./)
    expect(summary).toContain('Added back without a test')
    expectCleanRendering(release.summary)

    ld.server.requests.length = 0
    const rollback = await patch(seeded._id, undoPatch)
    expect(rollback.exitCode).toBe(0)
    expect(writes(ld)).toHaveLength(1)
    expect(withoutSecret(seeded._id)).toEqual(before)
    // The secret stays as the release wrote it.
    expect(ld.get(seeded._id)?.configValues.apiKey).toBe(ROTATED)
    // The rollback has its own undo: the release again (secrets aside).
    expect(JSON.parse(rollback.outputs['undo-patch'] ?? '[]')).toEqual(
      expect.arrayContaining([{ op: 'replace', path: '/name', value: 'Approvals (v2)' }])
    )
  })

  it('refuses, writing nothing, when the configuration changed since the run it undoes', async () => {
    const { _id } = seedApprovals(ld)
    const release = await patch(_id, '[{"op": "replace", "path": "/enabled", "value": false}]')
    const undoPatch = release.outputs['undo-patch'] ?? ''
    expect(JSON.parse(undoPatch)).toEqual([
      { op: 'test', path: '/enabled', value: false },
      { op: 'replace', path: '/enabled', value: true }
    ])
    // Someone turns it back on by hand, and later edits the name.
    ld.edit(_id, c => {
      c.enabled = true
      c.name = 'Edited by hand'
    })
    ld.server.requests.length = 0
    const rollback = await patch(_id, undoPatch)
    expect(rollback.exitCode).toBe(1)
    expect(rollback.outputs['failure-reason']).toBe('conflict')
    expect(writes(ld)).toHaveLength(0)
    expect(rollback.errors[0]?.message).toMatch(
      /operation 0 \(test \/enabled\) cannot be applied .*Nothing was written\. The configuration changed since the patch was written/
    )
    expect(ld.get(_id)).toMatchObject({ enabled: true, name: 'Edited by hand' })
  })

  it("a creation's undo deletes it, and refuses once it was edited", async () => {
    const file = {
      'ld/new.yaml': [
        'integrationKey: custom-approvals',
        'name: Approvals (canary)',
        'tags: [canary]',
        'configValues:',
        '  baseURL: https://canary.example.com',
        '  apiKey: ${KEY}',
        ''
      ].join('\n')
    }
    const created = await desired(file, { 'create-missing': 'true' })
    expect(created.exitCode).toBe(0)
    const [only] = results(created)
    const id = only?.id ?? ''
    expect(ld.get(id)).toMatchObject({ name: 'Approvals (canary)' })
    const undoPatch = created.outputs['undo-patch'] ?? ''
    const operations = JSON.parse(undoPatch) as { op: string; path: string }[]
    expect(operations.at(-1)).toEqual({ op: 'remove', path: '' })
    expect(operations.slice(0, -1).every(op => op.op === 'test')).toBe(true)
    expect(operations).toEqual(
      expect.arrayContaining([{ op: 'test', path: '/name', value: 'Approvals (canary)' }])
    )
    expect(visibleText(created.summary)).toMatch(
      /Approvals \(canary\) .*created; its undo deletes it/
    )

    // Edited since: the deletion is refused, and nothing is deleted.
    ld.edit(id, c => void c.tags.push('in-use'))
    ld.server.requests.length = 0
    const refused = await patch(id, undoPatch)
    expect(refused.exitCode).toBe(1)
    expect(refused.outputs['failure-reason']).toBe('conflict')
    expect(writes(ld)).toHaveLength(0)
    expect(ld.get(id)).toBeDefined()

    // As created: the undo deletes it, and says so.
    ld.edit(id, c => void c.tags.pop())
    const dryRun = await patch(id, undoPatch, { 'dry-run': 'true' })
    expect(results(dryRun)[0]?.status).toBe('would-delete')
    expect(visibleText(dryRun.summary)).toContain('the patch removes the whole configuration')
    ld.server.requests.length = 0
    const undone = await patch(id, undoPatch)
    expect(undone.exitCode).toBe(0)
    expect(results(undone)[0]?.status).toBe('deleted')
    expect(ld.server.requests.map(r => r.route)).toContain(DELETE)
    expect(ld.get(id)).toBeUndefined()
    // A deletion cannot be undone: listed as such, with no patch.
    expect(JSON.parse(undone.outputs.undo ?? '{}')).toEqual({ [id]: null })
    expect(undone.outputs['undo-patch']).toBe('')
    expect(visibleText(undone.summary)).toMatch(/Approvals \(canary\) .*deleted; cannot be undone/)
    expect(undone.stdout).toContain(
      'Undo: nothing this run wrote can be undone (1 configuration; the job summary says why).'
    )
  })

  it('is empty in a dry run, in a refused run and when nothing changed', async () => {
    const { _id } = seedApprovals(ld)
    const dryRun = await patch(_id, '[{"op": "replace", "path": "/enabled", "value": false}]', {
      'dry-run': 'true'
    })
    expect(dryRun.outputs).toMatchObject({ undo: '{}', 'undo-patch': '' })
    expect(visibleText(dryRun.summary)).not.toContain('Undo')
    const unchanged = await patch(_id, '[{"op": "replace", "path": "/enabled", "value": true}]')
    expect(unchanged.outputs).toMatchObject({ undo: '{}', 'undo-patch': '' })
    const refused = await patch(_id, '[{"op": "replace", "path": "/enabled", "value": false}]', {
      protect: 'tag:prod'
    })
    expect(refused.outputs).toMatchObject({ 'failure-reason': 'protected', undo: '{}' })
    const bad = await patch(_id, 'not json')
    expect(bad.outputs).toMatchObject({ undo: '{}', 'undo-patch': '' })
  })

  it('maps every configuration a run wrote, and gives no undo-patch for several', async () => {
    const [a, b] = ld.seed(
      ...['A', 'B'].map(name => ({
        integrationKey: 'custom-approvals',
        name,
        configValues: { baseURL: 'https://a.example.com', apiKey: APPROVALS_SECRET }
      }))
    )
    const files = Object.fromEntries(
      [a, b].map(c => [
        `ld/${c?.name}.yaml`,
        `id: ${c?._id}\nconfigValues:\n  baseURL: https://b.example.com\n  apiKey: \${KEY}\n`
      ])
    )
    const result = await run(
      {
        inputs: ldInputs(ld, { 'desired-state-file': 'ld/*.yaml' }),
        files,
        env: { KEY: APPROVALS_SECRET },
        githubApiUrl: gh.url,
        githubToken: INSTALLATION_TOKEN,
        eventName: 'pull_request',
        event: pullRequestEvent()
      },
      { github: gh }
    )
    expect(result.exitCode).toBe(0)
    const undo = JSON.parse(result.outputs.undo ?? '{}') as Record<string, unknown>
    expect(Object.keys(undo).sort()).toEqual([a?._id, b?._id].sort())
    expect(result.outputs['undo-patch']).toBe('')
  })
})
