import { readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { regdesk, tempStore } from '../support/in-process.js'

/**
 * Tickets without a level are not invisible (issue 16): an unclear request stored with no level is
 * held to the regulation's assumed level (the default tier's) until an agent sets one; `overdue`,
 * `tickets queue` and `report` see it, and say it needs a level.
 */

// moguta: licensed (default tier) → standard, 3 working days
const RECEIVED = '2026-10-01T12:00+03:00'
const UNCLEAR = 'Здравствуйте'

async function addUnclear(env: Record<string, string>): Promise<string> {
  const r = await regdesk(['tickets', 'add', '-r', 'moguta', UNCLEAR, '--received-at', RECEIVED, '--json'], env)
  expect(r.exitCode).toBe(0)
  const t = JSON.parse(r.stdout)
  expect(t.level).toBeNull()
  return t.id
}

describe('a ticket without a level', () => {
  it('is held to the default tier level: overdue --check finds it 50 days on, marked as needing a level', async () => {
    const env = { REGDESK_STORE: tempStore() }
    const id = await addUnclear(env)
    const shown = JSON.parse((await regdesk(['tickets', 'show', id, '--json'], env)).stdout)
    expect(shown).toMatchObject({ needs_level: true, sla: 'overdue', deadline: '2026-10-06T12:00:00+03:00' })
    expect(shown.windows[0]).toMatchObject({ level: 'standard', level_assumed: true, reason: null })
    const check = await regdesk(['overdue', '--check', '--json'], env)
    expect(check.exitCode).toBe(4)
    expect(JSON.parse(check.stdout)).toMatchObject([{ id, level: 'standard', needs_level: true, status: 'overdue' }])
  })
})

describe('a ticket without a level, further', () => {
  it('counts in report by the assumed level, not as n/r', async () => {
    const env = { REGDESK_STORE: tempStore() }
    await addUnclear(env)
    const report = JSON.parse(
      (await regdesk(['report', '--json', '--from', '2026-10-01', '--to', '2026-10-31'], env)).stdout,
    )
    expect(report.totals).toMatchObject({ windows: 1, overdue: 1, not_regulated: 0 })
  })

  it('is marked in the queue and in tickets list', async () => {
    const env = { REGDESK_STORE: tempStore() }
    const id = await addUnclear(env)
    const queue = JSON.parse((await regdesk(['tickets', 'queue', '--json'], env)).stdout)
    expect(queue).toMatchObject([{ id, level: null, needs_level: true, sla: 'overdue' }])
    const table = await regdesk(['tickets', 'queue'], env, undefined, { columns: 160 })
    expect(table.stdout).toContain('needs level')
    expect((await regdesk(['tickets', 'show', id], env)).stdout).toMatch(/needs a level \(held to standard/)
  })

  it('is not marked on a ticket refused as out of scope (no level by rule) in tickets list, as its JSON says', async () => {
    const env = { REGDESK_STORE: tempStore() }
    const refused = await regdesk(
      ['tickets', 'add', '-r', 'moguta', '-c', 'email', 'Не работает корзина', '--json'],
      env,
    )
    expect(JSON.parse(refused.stdout)).toMatchObject({ level: null, needs_level: false })
    const table = await regdesk(['tickets', 'list'], env, undefined, { columns: 160 })
    expect(table.stdout).toContain('MG-000001')
    expect(table.stdout).not.toContain('needs level')
  })

  it('setting a level re-levels the window still open, from its opening', async () => {
    const env = { REGDESK_STORE: tempStore() }
    const add = (extra: string[]) =>
      regdesk(
        ['tickets', 'add', '-r', 'advantshop', UNCLEAR, '--received-at', '2026-11-19T10:00+03:00', '--json', ...extra],
        env,
      )
    const unclear = JSON.parse((await add([])).stdout)
    expect(unclear.level).toBeNull()
    expect(unclear.windows[0]).toMatchObject({ level: 'free', level_assumed: true })
    const partner = JSON.parse((await add(['--level', 'partner'])).stdout)
    expect(partner.windows[0].deadline).not.toBe(unclear.windows[0].deadline)
    expect((await regdesk(['tickets', 'level', unclear.id, 'partner'], env)).exitCode).toBe(0)
    const after = JSON.parse((await regdesk(['tickets', 'show', unclear.id, '--json'], env)).stdout)
    expect(after.needs_level).toBe(false)
    expect(after.windows).toHaveLength(1)
    expect(after.windows[0]).toMatchObject({ level: 'partner', level_assumed: false, recorded: true })
    expect(after.windows[0].deadline).toBe(partner.windows[0].deadline)
  })

  it('a window recorded as "no level" before this change is judged by the assumed level', async () => {
    const store = tempStore()
    const env = { REGDESK_STORE: store }
    const id = await addUnclear(env)
    // the record as regdesk wrote it before issue 16: no level, no deadline
    let edited = 0
    const old = JSON.parse(readFileSync(store, 'utf8'), (_key, value) => {
      if (value && typeof value === 'object' && value.assumed_level === true) {
        edited++
        const { assumed_level, ...rest } = value
        return {
          ...rest,
          level: null,
          limit: null,
          target_limit: null,
          deadline: null,
          target: null,
          reason: 'no_level',
        }
      }
      return value
    })
    expect(edited).toBe(1)
    writeFileSync(store, JSON.stringify(old))
    const check = await regdesk(['overdue', '--check', '--json'], env)
    expect(check.stderr).toBe('1 ticket is overdue')
    expect(check.exitCode).toBe(4)
    expect(JSON.parse(check.stdout)).toMatchObject([{ id, needs_level: true }])
  })
})

describe('a request triage refused', () => {
  it('is not held to the assumed level: moguta gives out-of-scope requests no level (3.2), so no deadline', async () => {
    const env = { REGDESK_STORE: tempStore() }
    const r = await regdesk(
      [
        'tickets',
        'add',
        '-r',
        'moguta',
        'Сделайте нам, пожалуйста, дизайн главной страницы',
        '--received-at',
        RECEIVED,
        '--json',
      ],
      env,
    )
    const t = JSON.parse(r.stdout)
    expect(t.triage.scope).toBe('out')
    expect(t.level).toBeNull()
    expect(t.windows[0]).toMatchObject({ deadline: null, reason: 'no_level' })
    expect((await regdesk(['overdue', '--check'], env)).exitCode).toBe(0)
    // nor is it marked as needing a level: nothing is due, there is no level to give
    expect(t.needs_level).toBe(false)
    expect(JSON.parse((await regdesk(['tickets', 'list', '--json', 'id,needs_level'], env)).stdout)).toEqual([
      { id: t.id, needs_level: false },
    ])
    const shown = await regdesk(['tickets', 'show', t.id], env)
    expect(shown.stdout).toContain('none: refused as out of scope, nothing is due')
    expect(shown.stdout).not.toContain('needs a level')
  })
})
