import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { regdesk, tempDir } from './regdesk.js'

const SECRET = 'Zx9-hunter2-PWD'
const REQUEST = `После обновления не открывается админка. Доступ: ftp://admin:${SECRET}@shop.example.ru`

function storeEnv() {
  const dir = tempDir()
  return { dir, env: { REGDESK_STORE: join(dir, 'tickets.json') } }
}

async function add(env: Record<string, string>, text = REQUEST, extra: string[] = []) {
  return regdesk(['tickets', 'add', '-r', 'moguta', text, '--received-at', '2026-11-20T12:00+03:00', ...extra], env)
}

describe('ticket store reliability', () => {
  it('20 concurrent `tickets add` processes → 20 tickets, none lost, file valid', async () => {
    const { env } = storeEnv()
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => add(env, `Запрос ${i}: не работает корзина`)),
    )
    expect(results.map((r) => r.exitCode)).toEqual(Array(20).fill(0))
    const list = await regdesk(['tickets', 'list', '--json'], env)
    expect(list.exitCode).toBe(0)
    const tickets = JSON.parse(list.stdout) as { id: string; subject: string }[]
    expect(tickets).toHaveLength(20)
    expect(new Set(tickets.map((t) => t.id)).size).toBe(20)
    expect(new Set(tickets.map((t) => t.subject)).size).toBe(20)
    const file = JSON.parse(readFileSync(env.REGDESK_STORE, 'utf8'))
    expect(file.format).toBe(2)
    expect(file.tickets).toHaveLength(20)
  }, 60_000)

  it('a crash between the temporary write and the rename leaves the previous file intact', async () => {
    const { dir, env } = storeEnv()
    expect((await add(env)).exitCode).toBe(0)
    const before = readFileSync(env.REGDESK_STORE)
    const crashed = await regdesk(['tickets', 'respond', 'MG-000001'], {
      ...env,
      REGDESK_TEST_CRASH_BEFORE_RENAME: '1',
    })
    expect(crashed.exitCode).not.toBe(0)
    expect(readFileSync(env.REGDESK_STORE).equals(before)).toBe(true)
    // a reader needs no lock; the crashed writer's lock is stale and is taken over
    expect(JSON.parse((await regdesk(['tickets', 'list', '--json'], env)).stdout)).toHaveLength(1)
    const lock = `${env.REGDESK_STORE}.lock`
    if (existsSync(lock)) {
      const { utimesSync } = await import('node:fs')
      utimesSync(lock, new Date(0), new Date(0))
    }
    const again = await add(env)
    expect(again.exitCode).toBe(0)
    expect(again.stdout).toContain('MG-000002')
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([])
  }, 30_000)

  it('a crash during an append (the fast path) also leaves the previous file intact', async () => {
    const { env } = storeEnv()
    expect((await add(env)).exitCode).toBe(0)
    const before = readFileSync(env.REGDESK_STORE)
    const crashed = await add({ ...env, REGDESK_TEST_CRASH_BEFORE_RENAME: '1' })
    expect(crashed.exitCode).not.toBe(0)
    expect(readFileSync(env.REGDESK_STORE).equals(before)).toBe(true)
  })

  it('a truncated store → exit 3 with the position, bytes unchanged', async () => {
    const { env } = storeEnv()
    await add(env)
    await add(env)
    const whole = readFileSync(env.REGDESK_STORE)
    const cut = whole.subarray(0, whole.length - 30)
    writeFileSync(env.REGDESK_STORE, cut)
    for (const args of [
      ['tickets', 'list'],
      ['tickets', 'add', '-r', 'moguta', 'text'],
      ['tickets', 'respond', 'MG-1'],
      ['overdue'],
    ]) {
      const r = await regdesk(args, env)
      expect(r.exitCode, args.join(' ')).toBe(3)
      expect(r.stderr).toMatch(
        /tickets\.json:3:\d+: error: the ticket store is not valid JSON: unexpected end of the file/,
      )
      expect(readFileSync(env.REGDESK_STORE).equals(cut)).toBe(true)
    }
  })

  it('a hand-broken ticket → exit 3 naming the ticket and field, bytes unchanged', async () => {
    const { env } = storeEnv()
    await add(env)
    const broken = readFileSync(env.REGDESK_STORE, 'utf8').replace('"status":"new"', '"status":"opened"')
    writeFileSync(env.REGDESK_STORE, broken)
    const r = await regdesk(['tickets', 'close', 'MG-000001'], env)
    expect(r.exitCode).toBe(3)
    expect(r.stderr).toMatch(
      /tickets\.json:2:\d+: error: tickets\[0\]\.status: ticket MG-000001: status: expected one of/,
    )
    expect(r.stderr).not.toContain(SECRET)
    expect(readFileSync(env.REGDESK_STORE, 'utf8')).toBe(broken)
  })

  it('a store written by a newer format → a clear refusal, not a crash', async () => {
    const { env } = storeEnv()
    const newer = '{"format": 3, "tickets": [], "shards": ["a"]}\n'
    writeFileSync(env.REGDESK_STORE, newer)
    const r = await add(env)
    expect(r.exitCode).toBe(3)
    expect(r.stderr).toContain('written by a newer regdesk (store format 3')
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /)
    expect(readFileSync(env.REGDESK_STORE, 'utf8')).toBe(newer)
  })

  it('secrets never appear in list, show, --json output or errors unless --show-secrets', async () => {
    const { env } = storeEnv()
    const added = await add(env, REQUEST, ['--subject', `ftp пароль: ${SECRET}`])
    expect(added.exitCode).toBe(0)
    const responded = await regdesk(['tickets', 'respond', 'MG-1', '-m', `пароль: ${SECRET}`, '--json'], env)
    expect(responded.exitCode).toBe(0)
    const outputs = [
      added,
      responded,
      await add(env, REQUEST, ['--json']),
      await regdesk(['tickets', 'list'], env),
      await regdesk(['tickets', 'list', '--json'], env),
      await regdesk(['tickets', 'show', 'MG-1'], env),
      await regdesk(['tickets', 'show', 'MG-1', '--json'], env),
      await regdesk(['tickets', 'queue', '--json'], env),
      await regdesk(['--now', '2026-12-20T12:00+03:00', 'overdue', '--json'], env),
      // errors about the ticket
      await regdesk(['tickets', 'respond', 'MG-1', '--at', '2026-11-01T10:00+03:00'], env),
      await regdesk(['tickets', 'reopen', 'MG-1'], env),
    ]
    expect(outputs.slice(-2).map((r) => r.exitCode)).toEqual([2, 1])
    for (const r of outputs) expect(`${r.stdout}\n${r.stderr}`).not.toContain(SECRET)
    expect(readFileSync(env.REGDESK_STORE, 'utf8')).toContain(SECRET)
    const shown = await regdesk(['tickets', 'show', 'MG-1', '--json', '--show-secrets'], env)
    const t = JSON.parse(shown.stdout)
    expect(t.text).toBe(REQUEST)
    expect(t.subject).toContain(SECRET)
    expect(t.events[1].message).toContain(SECRET)
  })

  it('purge-secrets removes credentials 2 days after closing (moguta), keeping a note', async () => {
    const { env } = storeEnv()
    await add(env)
    await regdesk(
      ['tickets', 'close', 'MG-1', '--at', '2026-11-23T10:00+03:00', '--now', '2026-11-23T10:00+03:00'],
      env,
    )
    const early = await regdesk(['--now', '2026-11-25T09:59+03:00', 'tickets', 'purge-secrets', '--json'], env)
    expect(JSON.parse(early.stdout)).toEqual([])
    const dry = await regdesk(
      ['--now', '2026-11-25T10:00+03:00', 'tickets', 'purge-secrets', '--dry-run', '--json'],
      env,
    )
    expect(JSON.parse(dry.stdout)).toMatchObject([
      { id: 'MG-000001', rule: 'purge_credentials_after_close', dry_run: true },
    ])
    expect(readFileSync(env.REGDESK_STORE, 'utf8')).toContain(SECRET)
    const done = await regdesk(['--now', '2026-11-25T10:00+03:00', 'tickets', 'purge-secrets', '--json'], env)
    // the credential is kept twice: in the text and in the subject taken from it
    expect(JSON.parse(done.stdout)).toMatchObject([{ id: 'MG-000001', removed: 2 }])
    expect(readFileSync(env.REGDESK_STORE, 'utf8')).not.toContain(SECRET)
    const shown = JSON.parse((await regdesk(['tickets', 'show', 'MG-1', '--json', '--show-secrets'], env)).stdout)
    expect(shown.text).toContain('[removed]')
    expect(shown.events.at(-1)).toMatchObject({ type: 'note', rule: 'purge_credentials_after_close' })
  })
})
