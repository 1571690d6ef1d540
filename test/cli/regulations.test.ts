import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { regdesk, tempDir } from '../support/in-process.js'

const IDS = ['advantshop', 'imagecms', 'moguta', 'mst', 'umi']

describe('regdesk regulations (the five shipped regulations)', () => {
  it('lists all five as JSON with their levels and limits', async () => {
    const r = await regdesk(['regulations', 'list', '--json'])
    expect(r.exitCode).toBe(0)
    const list = JSON.parse(r.stdout)
    expect(list.map((x: { id: string }) => x.id)).toEqual(IDS)
    const advantshop = list.find((x: { id: string }) => x.id === 'advantshop')
    expect(
      Object.fromEntries(Object.entries(advantshop.levels).map(([k, v]) => [k, (v as { limit: unknown }).limit])),
    ).toEqual({
      free: { amount: 24, unit: 'working_hours' },
      partner: { amount: 3, unit: 'working_hours' },
      development: { amount: 24, unit: 'working_days' },
      consulting: { amount: 40, unit: 'working_hours' },
    })
  })

  it('prints a tab-separated list without colour when piped', async () => {
    const r = await regdesk(['regulations', 'list'])
    expect(r.exitCode).toBe(0)
    const rows = r.stdout.split('\n').map((l) => l.split('\t'))
    expect(rows.map((c) => c[0])).toEqual(IDS)
    expect(rows.find((c) => c[0] === 'mst')?.[3]).toBe('standard: not regulated')
    expect(r.stdout).not.toContain(String.fromCharCode(27))
  })

  it('shows moguta: levels in the units of the design, limit and target', async () => {
    const r = await regdesk(['regulations', 'show', 'moguta', '--json'])
    expect(r.exitCode).toBe(0)
    const reg = JSON.parse(r.stdout)
    expect(reg.levels.standard).toMatchObject({
      limit: { amount: 3, unit: 'working_days' },
      target: { amount: 1, unit: 'working_days' },
    })
    expect(reg.timezone).toBe('Europe/Moscow')
    expect(reg.channels.accepted.map((c: { id: string }) => c.id)).toEqual(['form'])
  })

  it('shows mst with no reaction time, and why', async () => {
    const reg = JSON.parse((await regdesk(['regulations', 'show', 'mst', '--json'])).stdout)
    expect(reg.levels.standard.limit).toBeNull()
    expect(reg.levels.standard.note_en).toMatch(/no reaction/i)
    expect(reg.products).toHaveLength(8)
  })

  it('shows a regulation readably, with clauses and quotes', async () => {
    const r = await regdesk(['regulations', 'show', 'moguta'])
    expect(r.exitCode).toBe(0)
    expect(r.stdout).toContain('Mon  10:00-19:00')
    expect(r.stdout).toContain('§ 2.1: «')
    expect(r.stdout).toContain('Out of scope')
  })

  it('validates every shipped regulation', async () => {
    const r = await regdesk(['regulations', 'validate', '--json'])
    expect(r.exitCode).toBe(0)
    const doc = JSON.parse(r.stdout)
    expect(doc.valid).toBe(true)
    expect(doc.files.map((f: { id: string }) => f.id)).toEqual(IDS)
  })

  it('a regulation saved in Windows-1251 is invalid data at its first non-UTF-8 character, not garbled text', async () => {
    const file = join(tempDir(), 'acme.yaml')
    writeFileSync(file, iconv.encode(readFileSync('regulations/moguta.yaml', 'utf8'), 'windows-1251'))
    const r = await regdesk(['regulations', 'validate', file])
    expect(r.exitCode).toBe(3)
    expect(r.stderr).toMatch(
      /acme\.yaml:\d+:\d+: error: the file is not UTF-8 text \(saved as Windows-1251\?\); save it in UTF-8/,
    )
  })

  it('lints: mst and umi levels without a reaction time are reported', async () => {
    const r = await regdesk(['regulations', 'lint', '--json'])
    expect(r.exitCode).toBe(0)
    const findings = JSON.parse(r.stdout) as { regulation: string; code: string; path: string }[]
    const unregulated = findings.filter((f) => f.code === 'level_not_regulated').map((f) => `${f.regulation}:${f.path}`)
    expect(unregulated).toEqual(
      expect.arrayContaining(['mst:levels.standard', 'umi:levels.support', 'umi:levels.development']),
    )
    expect(findings.some((f) => f.code === 'note')).toBe(true)
  })

  it('lints one regulation', async () => {
    const r = await regdesk(['regulations', 'lint', 'mst', '--json'])
    const findings = JSON.parse(r.stdout) as { regulation: string }[]
    expect(new Set(findings.map((f) => f.regulation))).toEqual(new Set(['mst']))
  })
})
