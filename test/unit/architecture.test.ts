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

  it('no process.exit anywhere but the process entry, on Ctrl-C', () => {
    for (const f of files(SRC)) {
      const text = readFileSync(f, 'utf8')
      // src/cli/main.ts ends the process on SIGINT (nothing else can stop a running command); exit codes come from run.ts
      if (f.endsWith(join('cli', 'main.ts'))) expect(text.match(/process\.exit\(/g) ?? [], f).toHaveLength(1)
      else expect(text, f).not.toMatch(/process\.exit\(/)
    }
  })
})

/**
 * The layers of src/, lowest first (docs/ARCHITECTURE.md, "Layers"): a folder may import only the folders listed for
 * it, all of them below it, so no import points up and none goes round in a circle.
 */
const LAYERS: Record<string, string[]> = {
  data: [],
  errors: ['data'],
  mail: ['data', 'errors'],
  calendar: ['data', 'errors'],
  regulation: ['calendar', 'data', 'errors'],
  sla: ['regulation', 'calendar', 'data', 'errors'],
  ticket: ['sla', 'regulation', 'calendar', 'data', 'errors'],
  triage: ['sla', 'regulation', 'calendar', 'data', 'errors'],
  store: ['ticket', 'regulation', 'calendar', 'data', 'errors'],
  report: ['ticket', 'sla', 'regulation', 'calendar', 'data', 'errors'],
  helpdesk: ['ticket', 'triage', 'sla', 'regulation', 'calendar', 'data', 'errors'],
  cli: ['helpdesk', 'report', 'store', 'mail', 'triage', 'ticket', 'sla', 'regulation', 'calendar', 'data', 'errors'],
}

/** The top-level folder (or file, without extension) of a path inside src/. */
function layerOf(rel: string): string {
  return rel.split('/')[0]?.replace(/\.[jt]s$/, '') ?? rel
}

describe('architecture: layers that only point down', () => {
  it('every folder of src/ has its place in the layers', () => {
    const folders = readdirSync(SRC).map((n) => n.replace(/\.ts$/, ''))
    expect(folders.filter((f) => !(f in LAYERS))).toEqual([])
  })

  it.each(files(SRC).map((f) => [relative(SRC, f), f]))('%s imports only layers below it', (rel, file) => {
    const mine = layerOf(rel)
    const allowed = new Set([mine, ...(LAYERS[mine] ?? [])])
    const text = readFileSync(file, 'utf8')
    for (const m of text.matchAll(/(?:from|require\()\s*'(\.[^']+)'/g)) {
      const target = layerOf(relative(SRC, join(file, '..', m[1] as string)))
      expect(allowed.has(target), `${rel} imports ${m[1]} (${target} is not below ${mine})`).toBe(true)
    }
  })
})

describe('architecture: the ticket model and the store seam (issue 14)', () => {
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

describe('architecture: thin commands (docs/ARCHITECTURE.md, "How a command runs")', () => {
  const commands = files(join(SRC, 'cli/commands'))
  it.each(commands.map((f) => [relative(SRC, f), f]))('%s imports no other command', (rel, file) => {
    const text = readFileSync(file, 'utf8')
    // a command group's index assembles its subcommands; nothing else reaches into another command's file
    if (rel.endsWith('/index.ts')) return
    for (const m of text.matchAll(/(?:from|import\()\s*'(\.[^']+)'/g)) {
      const target = relative(SRC, join(file, '..', m[1] as string))
      expect(target.startsWith('cli/commands/'), `${rel} imports the command ${target}`).toBe(false)
    }
  })
})
