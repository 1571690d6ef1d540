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
