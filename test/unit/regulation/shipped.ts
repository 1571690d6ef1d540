import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { formatIssue } from '../../../src/data/issue.js'
import { parseRegulation } from '../../../src/regulation/parse.js'
import type { RegulationFile } from '../../../src/regulation/schema.js'

/** A shipped regulation, parsed as the facts tests check it. */
export function shippedRegulation(id: string): { text: string; reg: RegulationFile } {
  const text = readFileSync(new URL(`../../../regulations/${id}.yaml`, import.meta.url), 'utf8')
  const { value, issues } = parseRegulation(text, `${id}.yaml`, { fileId: id, calendars: ['ru'] })
  if (!value) throw new Error(issues.map(formatIssue).join('\n'))
  return { text, reg: value }
}

/**
 * The source regulation beside the project (../shared/seeds), when present: the quote checks
 * skip with a note where it is not (a clone outside the workplace).
 */
export function sourceText(
  id: string,
  endBefore?: string,
): { seed: string | undefined; seedPath: string; noSeed: string } {
  const seedPath = fileURLToPath(new URL(`../../../../shared/seeds/${id}.txt`, import.meta.url))
  const raw = existsSync(seedPath) ? readFileSync(seedPath, 'utf8') : undefined
  const cut =
    raw !== undefined && endBefore !== undefined && raw.includes(endBefore) ? raw.indexOf(endBefore) : raw?.length
  return { seed: raw?.slice(0, cut), seedPath, noSeed: `skipped: the source ${seedPath} is absent` }
}

export const collapse = (s: string) => s.replace(/\s+/g, ' ').trim()

/** every `quote` anywhere in a regulation, with its path */
export function quotes(node: unknown, path = ''): [string, string][] {
  if (Array.isArray(node)) return node.flatMap((n, i) => quotes(n, `${path}[${i}]`))
  if (node && typeof node === 'object')
    return Object.entries(node).flatMap(([k, v]) =>
      k === 'quote' && typeof v === 'string' ? [[path, v] as [string, string]] : quotes(v, path ? `${path}.${k}` : k),
    )
  return []
}

/** a quote is verbatim when its parts between "…" occur in the source in order */
export function isVerbatim(quote: string, source: string): boolean {
  let at = 0
  for (const part of collapse(quote)
    .split('…')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const i = source.indexOf(part, at)
    if (i < 0) return false
    at = i + part.length
  }
  return true
}

/**
 * The checks every shipped regulation passes: each topic has a kind and match data for triage,
 * and every quote is verbatim in its source.
 */
export function checkShippedBasics(id: string, endBefore?: string): void {
  const { reg } = shippedRegulation(id)
  const { seed, noSeed } = sourceText(id, endBefore)
  describe(`${id}: what every shipped regulation has`, () => {
    it('parses without issues, is named after its file and points editors at the schema', () => {
      const { text } = shippedRegulation(id)
      expect(parseRegulation(text, `${id}.yaml`, { fileId: id, calendars: ['ru'] }).issues).toEqual([])
      expect(reg.id).toBe(id)
      expect(reg.schemaVersion).toBe(1)
      expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./schema/regulation.schema.json')
    })

    it('gives every topic a kind and match data for triage', () => {
      for (const t of reg.topics) {
        expect(t.kind, t.id).toBeDefined()
        expect(t.match?.phrases?.length ?? 0, `${t.id} phrases`).toBeGreaterThanOrEqual(5)
        expect(t.match?.keywords?.length ?? 0, `${t.id} keywords`).toBeGreaterThanOrEqual(5)
        expect(t.match?.examples?.length ?? 0, `${t.id} examples`).toBeGreaterThanOrEqual(2)
        for (const k of t.match?.keywords ?? []) expect(k, `${t.id} keyword is one word`).not.toMatch(/\s/)
      }
    })

    it.skipIf(!seed)(`quotes the source verbatim everywhere${seed ? '' : ` (${noSeed})`}`, () => {
      const source = collapse(seed ?? '')
      const all = quotes(reg)
      expect(all.length).toBeGreaterThan(reg.topics.length)
      expect(all.filter(([, q]) => !isVerbatim(q, source))).toEqual([])
    })
  })
}
