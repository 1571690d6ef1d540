import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = new URL('../../src/', import.meta.url).pathname

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  )
}

const domain = files(SRC).filter((f) => !relative(SRC, f).startsWith('cli/'))

describe('architecture: domain modules never print, exit or reach into the CLI', () => {
  it.each(domain.map((f) => [relative(SRC, f), f]))('%s', (_name, file) => {
    const text = readFileSync(file, 'utf8')
    expect(text).not.toMatch(/from '(commander|chalk|cli-table3|inquirer|@inquirer\/[a-z]+)'/)
    expect(text).not.toMatch(/from '\.\.\/cli\//)
    expect(text).not.toMatch(/console\.(log|error|warn)|process\.(exit|stdout|stderr|argv)\b/)
    expect(text).not.toMatch(/DateTime\.now\(\)|Date\.now\(\)/)
  })

  it('no process.exit anywhere', () => {
    for (const f of files(SRC)) expect(readFileSync(f, 'utf8'), f).not.toMatch(/process\.exit\(/)
  })
})

/** Folders of src/ a folder's files import (relative imports only). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  const out: string[] = []
  for (const m of text.matchAll(/from '(\.[^']+)'/g)) out.push(relative(SRC, join(file, '..', m[1] as string)))
  return out
}

describe('architecture: the ticket model and the store seam (issue 14)', () => {
  const inFolder = (folder: string) => files(join(SRC, folder))
  it.each([
    ['ticket', ['store/', 'cli/', 'report/', 'triage/']],
    ['sla', ['store/', 'cli/', 'ticket/', 'report/']],
    ['report', ['store/', 'cli/']],
    ['store', ['cli/', 'report/', 'triage/']],
  ])('%s/ imports none of %j', (folder, forbidden) => {
    for (const f of inFolder(folder))
      for (const target of importsOf(f))
        for (const bad of forbidden) expect(target.startsWith(bad), `${relative(SRC, f)} imports ${target}`).toBe(false)
  })

  it('only src/cli/store.ts chooses a store backend; pg is never imported statically', () => {
    for (const f of files(SRC)) {
      const rel = relative(SRC, f)
      const text = readFileSync(f, 'utf8')
      expect(text, rel).not.toMatch(/^import [^t][^\n]* from 'pg'/m)
      if (rel.startsWith('cli/') && rel !== 'cli/store.ts')
        expect(text, rel).not.toMatch(/store\/(json-file|postgres)\//)
    }
  })
})
