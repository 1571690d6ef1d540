import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { regdesk, tempDir } from '../support/in-process.js'

describe('regdesk overdue', () => {
  async function fixture() {
    const env = { REGDESK_STORE: join(tempDir(), 'tickets.json'), REGDESK_NOW: '2026-11-25T16:00:00+03:00' }
    const add = (reg: string, at: string, ...extra: string[]) =>
      regdesk(['tickets', 'add', '-r', reg, 'Ошибка 500 при оформлении заказа', '--received-at', at, ...extra], env)
    // advantshop free (24 working h): received Mon 10:00, answered 11:00, customer replied 15:00 → due Wed 15:00
    await add('advantshop', '2026-11-23T10:00+03:00')
    await regdesk(
      ['tickets', 'respond', 'AS-1', '--at', '2026-11-23T11:00+03:00', '--now', '2026-11-23T11:00+03:00'],
      env,
    )
    await regdesk(
      ['tickets', 'reply', 'AS-1', '--at', '2026-11-23T15:00+03:00', '--now', '2026-11-23T15:00+03:00'],
      env,
    )
    await regdesk(['tickets', 'assign', 'AS-1', 'anna'], env)
    // moguta (3 working days, target 1): received Fri 20.11 18:00 → target Mon 18:00, due Wed 18:00 → at risk
    await add('moguta', '2026-11-20T18:00+03:00')
    // moguta received Thu 19.11 12:00 → due Tue 24.11 12:00 → overdue, more than AS-1
    await add('moguta', '2026-11-19T12:00+03:00')
    // umi support: not regulated, never overdue
    await add('umi', '2026-11-01T12:00+03:00')
    return env
  }

  it('lists open windows past their deadline, most overdue first, with working and clock lateness', async () => {
    const env = await fixture()
    const r = await regdesk(['overdue', '--json'], env)
    expect(r.exitCode).toBe(0)
    const rows = JSON.parse(r.stdout)
    expect(rows).toEqual([
      expect.objectContaining({
        id: 'MG-000002',
        regulation: 'moguta',
        level: 'standard',
        deadline: '2026-11-24T12:00:00+03:00',
        // Tue 12–19 (7 h) + Wed 10–16 (6 h)
        late_working_minutes: 780,
        late_minutes: 28 * 60,
        status: 'overdue',
      }),
      expect.objectContaining({
        id: 'AS-000001',
        assignee: 'anna',
        opened_at: '2026-11-23T15:00:00+03:00',
        deadline: '2026-11-25T15:00:00+03:00',
        late_working_minutes: 60,
        late_minutes: 60,
        status: 'overdue',
      }),
    ])
    for (const key of [
      'id',
      'regulation',
      'level',
      'assignee',
      'subject',
      'opened_at',
      'deadline',
      'late_working_minutes',
      'late_minutes',
      'status',
    ])
      expect(rows[0]).toHaveProperty(key)
  })

  it('--at-risk adds windows past their target; --regulation filters', async () => {
    const env = await fixture()
    const rows = JSON.parse((await regdesk(['overdue', '--at-risk', '--json'], env)).stdout)
    expect(rows.map((r: { id: string; status: string }) => `${r.id}:${r.status}`)).toEqual([
      'MG-000002:overdue',
      'AS-000001:overdue',
      'MG-000001:at_risk',
    ])
    expect(rows[2].late_working_minutes).toBeLessThan(0)
    const mg = JSON.parse((await regdesk(['overdue', '-r', 'advantshop', '--json'], env)).stdout)
    expect(mg.map((r: { id: string }) => r.id)).toEqual(['AS-000001'])
  })

  it('--check exits 4 when anything is overdue, 0 otherwise; an empty result is []', async () => {
    const env = await fixture()
    const r = await regdesk(['overdue', '--check'], env)
    expect(r.exitCode).toBe(4)
    expect(r.stdout.split('\n')[0]?.split('\t')[0]).toBe('MG-000002')
    expect(r.stderr).toContain('2 tickets are overdue')
    await regdesk(['tickets', 'respond', 'MG-2'], env)
    await regdesk(['tickets', 'respond', 'AS-1'], env)
    const clean = await regdesk(['overdue', '--check', '--json'], env)
    expect(clean).toMatchObject({ exitCode: 0, stdout: '[]' })
    const early = await regdesk(['--now', '2026-11-01T10:00+03:00', 'overdue', '--json'], { ...env })
    expect(early.stdout).toBe('[]')
  })

  it('a reply recorded in the same minute as the response opens a window overdue finds', async () => {
    const env = { REGDESK_STORE: join(tempDir(), 'tickets.json') }
    await regdesk(
      ['--now', '2026-11-16T09:00+03:00', 'tickets', 'add', '-r', 'advantshop', 'Не приходят письма о заказах'],
      env,
    )
    await regdesk(['--now', '2026-11-16T10:00+03:00', 'tickets', 'respond', 'AS-1', '-m', 'Проверьте SMTP'], env)
    await regdesk(['--now', '2026-11-16T10:00+03:00', 'tickets', 'reply', 'AS-1', '-m', 'Проверили, не помогло'], env)
    const late = ['--now', '2026-11-27T18:00+03:00']
    const found = await regdesk([...late, 'overdue', '--json'], env)
    expect(JSON.parse(found.stdout).map((w: { id: string }) => w.id)).toEqual(['AS-000001'])
    expect((await regdesk([...late, 'overdue', '--check'], env)).exitCode).toBe(4)
    const shown = JSON.parse((await regdesk([...late, 'tickets', 'list', '--overdue', '--json'], env)).stdout)
    expect(shown.map((t: { id: string }) => t.id)).toEqual(['AS-000001'])
  })

  it('a customer reply a helpdesk recorded after the close opens no window: overdue, list and report agree', async () => {
    const dir = tempDir()
    const env = { REGDESK_STORE: join(dir, 'tickets.json'), REGDESK_NOW: '2026-12-01T12:00:00+03:00' }
    const record = {
      external_id: 'c1',
      created_at: '2026-11-23T10:00:00+03:00',
      body: 'Ошибка 500 при оплате',
      closed_at: '2026-11-23T11:00:00+03:00',
      // advantshop opens a window on every customer reply, but regdesk takes none on a closed ticket
      events: [{ type: 'customer_reply', at: '2026-11-24T10:00:00+03:00', message: 'всё ещё не работает' }],
    }
    const { writeFileSync } = await import('node:fs')
    const file = join(dir, 'in.jsonl')
    writeFileSync(file, `${JSON.stringify(record)}\n`)
    expect((await regdesk(['tickets', 'import', file, '--from', 'jsonl', '-r', 'advantshop'], env)).exitCode).toBe(0)
    const shown = JSON.parse((await regdesk(['tickets', 'show', 'AS-1', '--json'], env)).stdout)
    expect(shown.windows.map((w: { opened_by: string; status: string }) => [w.opened_by, w.status])).toEqual([
      ['received', 'met'],
    ])
    expect(JSON.parse((await regdesk(['tickets', 'list', '--overdue', '--json'], env)).stdout)).toEqual([])
    const report = JSON.parse(
      (await regdesk(['report', '--json', '--from', '2026-11-01', '--to', '2026-11-30'], env)).stdout,
    )
    expect(report.totals).toMatchObject({ windows: 1, met: 1, overdue: 0 })
    expect((await regdesk(['overdue', '--check'], env)).exitCode).toBe(0)
    // reopened, the ticket takes the customer's next reply as a request again
    expect((await regdesk(['tickets', 'reopen', 'AS-1', '--at', '2026-11-25T10:00+03:00'], env)).exitCode).toBe(0)
    expect((await regdesk(['tickets', 'respond', 'AS-1', '--at', '2026-11-25T11:00+03:00'], env)).exitCode).toBe(0)
    expect((await regdesk(['tickets', 'reply', 'AS-1', '--at', '2026-11-26T10:00+03:00'], env)).exitCode).toBe(0)
    const after = JSON.parse((await regdesk(['tickets', 'show', 'AS-1', '--json'], env)).stdout)
    expect(after.windows.map((w: { opened_by: string }) => w.opened_by)).toEqual(['received', 'customer_reply'])
  })

  it('an unknown regulation is a usage error listing the valid ones', async () => {
    const r = await regdesk(['overdue', '-r', 'nope'])
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toContain('available: advantshop, imagecms, moguta, mst, umi')
  })
})
