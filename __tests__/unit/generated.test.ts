/** The files generated from spec/ must be what the generator makes of today's spec and manifests. */
import { readFileSync } from 'node:fs'
import { generatedFiles } from '../../scripts/lib/generated-files.js'
import { VERSION } from '../../src/version.js'

const root = new URL('../../', import.meta.url)

describe('generated files', () => {
  it('match a fresh generation (run `npm run generate` after changing spec/)', async () => {
    for (const [path, content] of Object.entries(await generatedFiles())) {
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
