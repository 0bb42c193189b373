/** The files generated from spec/ must be what the generator makes of today's spec and manifests. */
import { readFileSync } from 'node:fs'
import { generatedFiles } from '../../scripts/lib/generated-files.js'
import { VERSION } from '../../src/version.js'

const root = new URL('../../', import.meta.url)

describe('generated files', () => {
  it('match a fresh generation (run `npm run generate` after changing spec/)', async () => {
    const generated = await generatedFiles()
    // Without this, a generator that returned nothing would pass.
    expect(Object.keys(generated).sort()).toEqual([
      'emulators/generated/validators.d.ts',
      'emulators/generated/validators.js',
      'schema/desired-state.schema.json',
      'src/generated/collection-validator.d.ts',
      'src/generated/collection-validator.js',
      'src/generated/desired-state-validator.d.ts',
      'src/generated/desired-state-validator.js',
      'src/generated/fields.ts',
      'src/generated/launchdarkly-api.ts',
      'src/generated/manifests.ts',
      'src/generated/validators.d.ts',
      'src/generated/validators.js'
    ])
    for (const [path, content] of Object.entries(generated)) {
      expect({ path, content: readFileSync(new URL(path, root), 'utf8') }).toEqual({
        path,
        content
      })
    }
  })

  it('keep the version in step with package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
      version: string
    }
    expect(VERSION).toBe(pkg.version)
  })
})
