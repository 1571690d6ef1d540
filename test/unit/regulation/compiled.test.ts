import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { execa } from 'execa'
import { describe, expect, it } from 'vitest'
import { compiledKey, compiledValue } from '../../../src/data/compiled.js'
import { decisiveText, fingerprintKey, fingerprintOf } from '../../../src/regulation/fingerprint.js'
import { shippedRegulation } from './shipped.js'

const moguta = fileURLToPath(new URL('../../../regulations/moguta.yaml', import.meta.url))

describe('compiled data (built by scripts/compile-data.mjs)', () => {
  it('keys shipped files by their path in the package, and nothing else', () => {
    expect(compiledKey('regulation', moguta)).toBe('regulation:regulations/moguta.yaml')
    expect(compiledKey('regulation', '/tmp/elsewhere/moguta.yaml')).toBeUndefined()
  })

  it('serves a shipped file whose text is unchanged, from the build', async () => {
    // the cache lives in dist/ (the sources have none): ask the built module
    const script = `import('${new URL('../../../dist/data/compiled.js', import.meta.url).href}').then((m) => {
      const text = require('node:fs').readFileSync(${JSON.stringify(moguta)}, 'utf8')
      process.stdout.write(String(m.compiledValue(m.compiledKey('regulation', ${JSON.stringify(moguta)}), text)?.id))
    })`
    const r = await execa(process.execPath, ['-e', script])
    expect(r.stdout).toBe('moguta')
  })

  it('never serves a file that was edited after the build', () => {
    const text = `${readFileSync(moguta, 'utf8')}\n# edited\n`
    expect(compiledValue(compiledKey('regulation', moguta), text)).toBeUndefined()
  })

  it("serves each shipped regulation's fingerprint as hashing its decisive text gives it, for that text only", () => {
    for (const id of ['moguta', 'advantshop', 'imagecms', 'mst', 'umi']) {
      const { reg } = shippedRegulation(id)
      const decisive = decisiveText(reg)
      expect(compiledValue(fingerprintKey(reg.id), decisive), reg.id).toBe(fingerprintOf(reg.id, decisive))
      expect(compiledValue(fingerprintKey(reg.id), `${decisive} `)).toBeUndefined()
    }
  })
})
