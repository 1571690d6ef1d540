import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { regdesk } from '../support/in-process.js'

/**
 * Deadlines kept as history (issue 14): a window records its deadline when it opens, a corrected
 * regulation moves no recorded deadline, `tickets recompute` applies it on purpose, and a store of
 * the previous format is migrated with a copy kept.
 */

const MOGUTA = new URL('../../regulations/moguta.yaml', import.meta.url).pathname
let dir: string
let env: Record<string, string>
let corrected: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'regdesk-recorded-'))
  env = { REGDESK_STORE: join(dir, 'tickets.json'), REGDESK_NOW: '2026-11-20T15:00:00+03:00' }
  // the moguta regulation "corrected" to 2 working days
  corrected = join(dir, 'regs')
  mkdirSync(corrected)
  writeFileSync(
    join(corrected, 'moguta.yaml'),
    readFileSync(MOGUTA, 'utf8').replace(
      'limit: {amount: 3, unit: working_days}',
      'limit: {amount: 2, unit: working_days}',
    ),
  )
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const show = async (extra: Record<string, string> = {}, args: string[] = []) =>
  JSON.parse((await regdesk([...args, 'tickets', 'show', 'MG-1', '--json'], { ...env, ...extra })).stdout)

describe('recorded reaction windows', () => {
  it("a refused request's window is recorded as due nothing; recompute restamps it once, then says nothing", async () => {
    const out = [
      'tickets',
      'add',
      '-r',
      'moguta',
      'Сделайте нам дизайн главной страницы',
      '--received-at',
      '2026-11-19T10:00+03:00',
    ]
    expect((await regdesk(out, env)).exitCode).toBe(0)
    expect((await show()).windows[0]).toMatchObject({ recorded: true, deadline: null, reason: 'no_level' })
    const recompute = ['--regulations', corrected, 'tickets', 'recompute', '--since', '2026-11-01']
    expect((await regdesk(recompute, env)).stderr).toContain(
      '1 window(s) were recorded with the regulation as it is now',
    )
    expect((await regdesk(recompute, env)).stderr).not.toContain('were recorded')
    expect((await show({}, ['--regulations', corrected])).windows[0]).toMatchObject({ recorded: true, deadline: null })
  })

  it('a corrected regulation does not move a recorded deadline; overdue and report use the record', async () => {
    expect(
      (
        await regdesk(
          ['tickets', 'add', '-r', 'moguta', 'не работает корзина', '--received-at', '2026-11-05T12:00+03:00'],
          env,
        )
      ).exitCode,
    ).toBe(0)
    const before = await show()
    expect(before.windows[0]).toMatchObject({ deadline: '2026-11-10T12:00:00+03:00', recorded: true })
    const withCorrected = { REGDESK_REGULATIONS: corrected }
    const after = await show(withCorrected)
    expect(after.windows[0].deadline).toBe('2026-11-10T12:00:00+03:00')
    expect(after.windows[0].regulation).toBe(before.windows[0].regulation)
    // on 11-09 15:00 it is not overdue by the record (11-10), though the corrected rule says 11-09 12:00
    const now = { ...withCorrected, REGDESK_NOW: '2026-11-09T15:00:00+03:00' }
    expect(JSON.parse((await regdesk(['overdue', '--json'], { ...env, ...now })).stdout)).toEqual([])
    const report = JSON.parse(
      (await regdesk(['report', '--json', '--from', '2026-11-01', '--to', '2026-11-30'], { ...env, ...now })).stdout,
    )
    expect(report.totals).toMatchObject({ overdue: 0, pending: 1 })
    // regulations list says the built-in is replaced
    const list = await regdesk(['regulations', 'list', '--json'], { ...env, ...withCorrected })
    const moguta = JSON.parse(list.stdout).find((r: { id: string }) => r.id === 'moguta')
    expect(moguta).toMatchObject({ source: 'replaces-built-in' })
    expect(moguta.fingerprint).not.toBe(before.windows[0].regulation)
    expect(list.stderr).toMatch(/moguta is .*moguta\.yaml, which replaces the built-in regulation/)
    const table = await regdesk(['regulations', 'list'], { ...env, ...withCorrected })
    expect(table.stdout).toMatch(/^moguta\t.*\treplaces-built-in$/m)
    expect(table.stdout).toMatch(/^umi\t.*\tbuilt-in$/m)
  })

  it('tickets recompute --since shows what moves (--dry-run changes nothing) and applies it', async () => {
    for (const at of ['2026-10-15T12:00+03:00', '2026-11-05T12:00+03:00'])
      await regdesk(['tickets', 'add', '-r', 'moguta', 'не работает корзина', '--received-at', at], env)
    const withCorrected = { ...env, REGDESK_REGULATIONS: corrected }
    const stored = readFileSync(env.REGDESK_STORE as string)
    const dry = await regdesk(['tickets', 'recompute', '--since', '2026-11-01', '--dry-run', '--json'], withCorrected)
    expect(dry.exitCode).toBe(0)
    const rows = JSON.parse(dry.stdout)
    expect(rows).toMatchObject([
      {
        id: 'MG-000002',
        opened_at: '2026-11-05T12:00:00+03:00',
        before: { deadline: '2026-11-10T12:00:00+03:00' },
        after: { deadline: '2026-11-09T12:00:00+03:00' },
        dry_run: true,
      },
    ])
    expect(rows[0].after.fingerprint).not.toBe(rows[0].before.fingerprint)
    expect(readFileSync(env.REGDESK_STORE as string).equals(stored)).toBe(true)
    const done = await regdesk(['tickets', 'recompute', '--since', '2026-11-01'], withCorrected)
    expect(done.exitCode).toBe(0)
    expect(done.stdout).toMatch(
      /^MG-000002\t2026-11-05T12:00:00\+03:00\tstandard\t2026-11-10T12:00:00\+03:00\t2026-11-09T12:00:00\+03:00\t/m,
    )
    const t2 = JSON.parse((await regdesk(['tickets', 'show', 'MG-2', '--json'], env)).stdout)
    expect(t2.windows[0].deadline).toBe('2026-11-09T12:00:00+03:00')
    // the older ticket was not touched, even read with the built-in regulation again
    const t1 = JSON.parse((await regdesk(['tickets', 'show', 'MG-1', '--json'], env)).stdout)
    expect(t1.windows[0].deadline).toBe('2026-10-20T12:00:00+03:00')
    // applied once: nothing left to change
    expect(
      JSON.parse((await regdesk(['tickets', 'recompute', '--since', '2026-11-01', '--json'], withCorrected)).stdout),
    ).toEqual([])
    expect((await regdesk(['tickets', 'recompute', '--since', 'yesterday'], env)).exitCode).toBe(2)
  })

  it('a store of format 1 is read, migrated at the next change with a copy kept, and recorded on demand', async () => {
    const fixture = new URL('../fixtures/stores/report-fixture.json', import.meta.url).pathname
    copyFileSync(fixture, env.REGDESK_STORE as string)
    const original = readFileSync(fixture)
    expect(original.toString('utf8', 0, 12)).toBe('{"format":1,')
    const info = JSON.parse((await regdesk(['store', 'info', '--json'], env)).stdout)
    expect(info).toMatchObject({ backend: 'json-file', version: 1, current_version: 2 })
    const first = JSON.parse((await regdesk(['tickets', 'list', '--json'], env)).stdout)[0]
    expect(first.windows[0].recorded).toBe(false)
    expect((await regdesk(['tickets', 'add', '-r', 'umi', 'не работает сайт'], env)).exitCode).toBe(0)
    expect(readFileSync(`${env.REGDESK_STORE}.format1.bak`).equals(original)).toBe(true)
    expect(readFileSync(env.REGDESK_STORE as string, 'utf8').startsWith('{"format":2,')).toBe(true)
    // recorded with the regulation as it is: no deadline moves, so none is listed; a note says how many were recorded
    const rec = await regdesk(['tickets', 'recompute', '--since', '2000-01-01', '--json'], env)
    expect(JSON.parse(rec.stdout)).toEqual([])
    expect(rec.stderr).toMatch(
      /^note: \d+ window\(s\) were recorded with the regulation as it is now; their deadlines do not move$/m,
    )
    const again = JSON.parse((await regdesk(['tickets', 'show', first.id, '--json'], env)).stdout)
    expect(again.windows[0]).toMatchObject({ recorded: true, deadline: first.windows[0].deadline })
    expect(existsSync(`${env.REGDESK_STORE}.format1.bak`)).toBe(true)
  })
})
