import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'
import { admin, describePg, freshDatabase, PG_URL, urlOf } from '../support/postgres.js'
import { regdesk } from './regdesk.js'

/**
 * The team store through the CLI, as agents use it (issue 14): concurrency, crashes, a server that
 * is down, passwords that must never show, PG* variables and ~/.pgpass, schema versions, and
 * moving a store between a file and the database.
 */

const TEXT = 'После обновления не работает корзина'
const RECEIVED = '2026-11-20T12:00+03:00'

let db: Awaited<ReturnType<typeof freshDatabase>>
let dir: string
const dbs: (typeof db)[] = []

describePg('the team store on PostgreSQL, through the CLI', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'regdesk-pg-e2e-'))
  })
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true })
  })
  afterEach(async () => {
    while (dbs.length) await dbs.pop()?.drop()
  })
  const fresh = async () => {
    db = await freshDatabase()
    dbs.push(db)
    return { REGDESK_STORE: db.url }
  }
  const add = (env: Record<string, string>, text = TEXT, extra: string[] = []) =>
    regdesk(['tickets', 'add', '-r', 'moguta', text, '--received-at', RECEIVED, ...extra], env)
  const list = async (env: Record<string, string>, args: string[] = []) =>
    JSON.parse((await regdesk(['tickets', 'list', '--json', ...args], env)).stdout) as {
      id: string
      subject: string
      events: { type: string; author: string }[]
      assignee: string | null
    }[]

  it('creates its tables on the first write; add, respond, show, overdue, queue and report work', async () => {
    const env = await fresh()
    expect((await regdesk(['tickets', 'list', '--json'], env)).stdout.trim()).toBe('[]')
    const added = await add(env)
    expect(added.exitCode).toBe(0)
    expect(added.stdout).toContain('MG-000001')
    expect(
      (
        await regdesk(
          ['tickets', 'respond', 'mg-1', '--at', '2026-11-23T11:00+03:00', '--now', '2026-11-23T11:00+03:00'],
          env,
        )
      ).exitCode,
    ).toBe(0)
    const shown = JSON.parse(
      (await regdesk(['--now', '2026-11-24T12:00+03:00', 'tickets', 'show', 'MG-1', '--json'], env)).stdout,
    )
    expect(shown.windows[0]).toMatchObject({ status: 'met', recorded: true, responder: expect.any(String) })
    expect(shown.windows[0].regulation).toMatch(/^moguta@[0-9a-f]{16}$/)
    await add(env, 'второй запрос: белый экран')
    const overdue = await regdesk(['--now', '2026-12-01T12:00+03:00', 'overdue', '--json'], env)
    expect(JSON.parse(overdue.stdout).map((r: { id: string }) => r.id)).toEqual(['MG-000002'])
    expect((await regdesk(['--now', '2026-12-01T12:00+03:00', 'overdue', '--check'], env)).exitCode).toBe(4)
    const queue = JSON.parse((await regdesk(['tickets', 'queue', '--json'], env)).stdout)
    expect(queue.map((r: { id: string }) => r.id)).toEqual(['MG-000001', 'MG-000002'])
    const report = JSON.parse(
      (
        await regdesk(
          ['--now', '2026-11-24T12:00+03:00', 'report', '--json', '--from', '2026-11-01', '--to', '2026-11-30'],
          env,
        )
      ).stdout,
    )
    expect(report.totals).toMatchObject({ received: 2, windows: 2, met: 1 })
    const tables = await admin((c) => c.query('SELECT version FROM regdesk_schema'), db.name)
    expect(tables.rows).toEqual([{ version: 1 }, { version: 2 }, { version: 3 }])
  })

  it('20 concurrent `tickets add` and 20 concurrent `respond` lose and duplicate nothing', async () => {
    const env = await fresh()
    expect((await add(env)).exitCode).toBe(0) // the schema exists before the race
    const adds = await Promise.all(Array.from({ length: 20 }, (_, i) => add(env, `Запрос ${i}: не работает корзина`)))
    expect(adds.map((r) => r.exitCode)).toEqual(Array(20).fill(0))
    let tickets = await list(env)
    expect(tickets).toHaveLength(21)
    expect(new Set(tickets.map((t) => t.id)).size).toBe(21)
    expect(new Set(tickets.map((t) => t.subject)).size).toBe(21)
    const responds = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        regdesk(['tickets', 'respond', 'MG-1', '-m', `ответ ${i}`], {
          ...env,
          // one time for all: an event dated before the ticket's last one is refused (guarding the record)
          REGDESK_NOW: '2026-11-24T15:00+03:00',
        }),
      ),
    )
    expect(responds.map((r) => r.exitCode)).toEqual(Array(20).fill(0))
    tickets = await list(env, ['--status', 'open'])
    const responses = tickets[0]?.events.filter((e) => e.type === 'agent_response') ?? []
    expect(responses).toHaveLength(20)
  }, 120_000)

  it('two agents taking one ticket at once: the database gives it to one, the other is told', async () => {
    const env = await fresh()
    await add(env)
    const takes = await Promise.all(
      ['anna', 'oleg', 'irina', 'pavel', 'olga'].map((a) => regdesk(['tickets', 'assign', 'MG-1', a], env)),
    )
    expect(takes.filter((r) => r.exitCode === 0)).toHaveLength(1)
    for (const r of takes.filter((r) => r.exitCode !== 0))
      expect(r.stderr).toMatch(/is assigned to \w+; pass --reassign/)
    const [t] = await list(env)
    expect(t?.events.filter((e) => e.type === 'assignment')).toHaveLength(1)
    // --mine: the configured agent's tickets
    const config = join(dir, 'config')
    mkdirSync(join(config, 'regdesk'), { recursive: true })
    writeFileSync(join(config, 'regdesk', 'config.json'), JSON.stringify({ agent: t?.assignee }))
    expect((await list({ ...env, XDG_CONFIG_HOME: config }, ['--mine'])).map((x) => x.id)).toEqual(['MG-000001'])
    writeFileSync(join(config, 'regdesk', 'config.json'), JSON.stringify({ agent: 'nobody-here' }))
    expect(await list({ ...env, XDG_CONFIG_HOME: config }, ['--mine'])).toEqual([])
  }, 60_000)

  it('a writer killed inside its transaction loses nothing committed and leaves nothing half-done', async () => {
    const env = await fresh()
    await add(env)
    const before = await regdesk(['tickets', 'show', 'MG-1', '--json'], env)
    const killed = await regdesk(['tickets', 'respond', 'MG-1', '-m', 'half'], {
      ...env,
      REGDESK_TEST_CRASH_IN_TRANSACTION: '1',
    })
    expect(killed.exitCode).not.toBe(0)
    const killedAdd = await add({ ...env, REGDESK_TEST_CRASH_IN_TRANSACTION: '1' })
    expect(killedAdd.exitCode).not.toBe(0)
    // the server rolled both back when their connections died, and released the ticket's lock
    expect((await regdesk(['tickets', 'show', 'MG-1', '--json'], env)).stdout).toBe(before.stdout)
    expect((await regdesk(['tickets', 'respond', 'MG-1'], env)).exitCode).toBe(0)
    const again = await add(env)
    expect(again.stdout).toContain('MG-000002') // the killed add's number was not used up
    expect(await list(env)).toHaveLength(2)
  }, 60_000)

  it('a server that is down: one sentence, exit 1, the password never shown (not even with --verbose)', async () => {
    const password = 'S3cr3t-pa$$word'
    const url = `postgres://regdesk:${password}@127.0.0.1:9/support`
    for (const args of [
      ['tickets', 'list'],
      ['tickets', 'add', '-r', 'moguta', TEXT],
      ['--verbose', 'tickets', 'respond', 'MG-1'],
      ['store', 'info'],
      ['report', '--json'],
    ]) {
      const r = await regdesk(args, { REGDESK_STORE: url })
      expect(r.exitCode, args.join(' ')).toBe(1)
      // under --json the error is also a document on stdout, for the script that reads it
      if (args.includes('--json')) expect(JSON.parse(r.stdout).error).toMatchObject({ code: 'failure', exit_code: 1 })
      else expect(r.stdout).toBe('')
      expect(`${r.stdout}${r.stderr}`).not.toContain(password)
      expect(r.stderr).toContain('postgres://regdesk:***@127.0.0.1:9/support')
      expect(r.stderr).toMatch(/connection refused/)
      if (!args.includes('--verbose')) expect(r.stderr.trim().split('\n')).toHaveLength(1)
      expect(r.stderr).not.toMatch(/internal error/)
    }
    const wrong = await regdesk(['tickets', 'list'], {
      REGDESK_STORE: urlOf('postgres').replace(/:[^:@/]+@/, ':wrong-pw@'),
    })
    expect(wrong.exitCode).toBe(1)
    expect(wrong.stderr).toMatch(/password authentication failed/)
    expect(wrong.stderr).not.toContain('wrong-pw')
  }, 60_000)

  it('store info names the database with its password masked, its schema version and size', async () => {
    const env = await fresh()
    await add(env)
    const password = new URL(db.url).password
    const info = await regdesk(['store', 'info', '--json'], env)
    expect(info.exitCode).toBe(0)
    expect(info.stdout).not.toContain(password)
    expect(JSON.parse(info.stdout)).toMatchObject({
      backend: 'postgres',
      location: expect.stringContaining(':***@'),
      version: 3,
      current_version: 3,
      tickets: 1,
    })
    const text = await regdesk(['--verbose', 'store', 'info'], env)
    expect(text.stdout).toMatch(/PostgreSQL/)
    expect(`${text.stdout}${text.stderr}`).not.toContain(password)
  })

  it('the URL may leave out what PG* variables and ~/.pgpass give; sslmode is honoured', async () => {
    const env = await fresh()
    await add(env)
    const u = new URL(db.url)
    const pgpass = join(dir, 'pgpass')
    writeFileSync(pgpass, `${u.hostname}:${u.port}:*:${u.username}:${decodeURIComponent(u.password)}\n`, {
      mode: 0o600,
    })
    const noPassword = `postgres://${u.username}@${u.hostname}:${u.port}${u.pathname}`
    const viaPgpass = await regdesk(['tickets', 'list', '--json'], { REGDESK_STORE: noPassword, PGPASSFILE: pgpass })
    expect(viaPgpass.exitCode).toBe(0)
    expect(JSON.parse(viaPgpass.stdout)).toHaveLength(1)
    expect(viaPgpass.stderr).toBe('')
    // the URL as nothing but its scheme: the rest from the PG* variables
    const pgVars = {
      REGDESK_STORE: 'postgresql://',
      PGHOST: u.hostname,
      PGPORT: u.port,
      PGUSER: u.username,
      PGPASSWORD: decodeURIComponent(u.password),
      PGDATABASE: u.pathname.slice(1),
    }
    const viaEnv = await regdesk(['tickets', 'list', '--json'], pgVars)
    expect(viaEnv.exitCode).toBe(0)
    expect(JSON.parse(viaEnv.stdout)).toHaveLength(1)
    // store info says where the variables led, not only the URL as given
    const info = await regdesk(['store', 'info', '--json'], pgVars)
    expect(JSON.parse(info.stdout)).toMatchObject({
      location: 'postgresql://',
      details: { host: `${u.hostname}:${u.port}`, database: u.pathname.slice(1), user: u.username },
    })
    // the test server has no SSL: sslmode=require must fail (not fall back to plain text), disable works
    const ssl = await regdesk(['tickets', 'list'], { REGDESK_STORE: `${db.url}?sslmode=require` })
    expect(ssl.exitCode).toBe(1)
    expect(ssl.stderr).toMatch(/SSL/)
    expect(ssl.stderr).not.toContain(decodeURIComponent(u.password))
    const envSsl = await regdesk(['tickets', 'list'], { REGDESK_STORE: db.url, PGSSLMODE: 'require' })
    expect(envSsl.exitCode).toBe(1)
    expect(
      (await regdesk(['tickets', 'list', '--json'], { REGDESK_STORE: `${db.url}?sslmode=disable` })).exitCode,
    ).toBe(0)
  }, 60_000)

  it('a database of a newer schema is refused with exit 3 and left as it is', async () => {
    const env = await fresh()
    await add(env)
    await admin((c) => c.query("INSERT INTO regdesk_schema (version, applied_by) VALUES (4, 'regdesk 9')"), db.name)
    for (const args of [
      ['tickets', 'list'],
      ['tickets', 'add', '-r', 'moguta', TEXT],
    ]) {
      const r = await regdesk(args, env)
      expect(r.exitCode, args.join(' ')).toBe(3)
      expect(r.stderr).toMatch(/schema version 4, newer than this regdesk knows \(3\): upgrade regdesk/)
    }
    // store info is what one runs to see which: it says so, its tickets unread
    const info = await regdesk(['store', 'info'], env)
    expect(info.exitCode, info.stderr).toBe(0)
    expect(info.stdout).toMatch(/schema\s+4 \(newer than this regdesk: 3\)/)
    expect(JSON.parse((await regdesk(['store', 'info', '--json'], env)).stdout)).toMatchObject({
      version: 4,
      current_version: 3,
      tickets: null,
    })
    const n = await admin((c) => c.query('SELECT count(*)::int AS n FROM regdesk_tickets'), db.name)
    expect(n.rows[0].n).toBe(1)
  })

  it('store copy file → PostgreSQL → file round-trips 10,000 tickets byte for byte; reports agree', async () => {
    const env = await fresh()
    // the benchmark's generator: realistic tickets with recorded windows (a .mjs file: imported by path)
    const generator = '../../bench/store-data.mjs'
    const { writeStore } = (await import(generator)) as {
      writeStore: (count: number, file: string) => { bytes: number }
    }
    const source = join(dir, 'source.json')
    const back = join(dir, 'back.json')
    writeStore(10_000, source)
    const now = { REGDESK_NOW: '2026-12-01T12:00:00+03:00' }
    const there = await regdesk(['store', 'copy', source, db.url, '--json'], now)
    expect(there.exitCode).toBe(0)
    expect(JSON.parse(there.stdout)).toMatchObject({ source: 10_000, copied: 10_000, target: 10_000, verified: true })
    expect(there.stdout).not.toContain(new URL(db.url).password)
    // again: nothing to do, and says so
    const twice = await regdesk(['store', 'copy', source, db.url, '--json'], now)
    expect(twice.exitCode).toBe(0)
    expect(JSON.parse(twice.stdout)).toMatchObject({ copied: 0, already_there: 10_000 })
    const home = await regdesk(['store', 'copy', db.url, back], now)
    expect(home.exitCode).toBe(0)
    expect(readFileSync(back).equals(readFileSync(source))).toBe(true)
    const args = ['report', '--format', 'json', '--from', '2025-01-01', '--to', '2026-12-31', '--by', 'agent']
    const fromFile = await regdesk(args, { ...now, REGDESK_STORE: source })
    const fromDb = await regdesk(args, { ...now, ...env })
    expect(fromFile.exitCode).toBe(0)
    expect(fromDb.stdout).toBe(fromFile.stdout)
    const overdue = ['overdue', '--json', '--at-risk']
    expect((await regdesk(overdue, { ...now, ...env })).stdout).toBe(
      (await regdesk(overdue, { ...now, REGDESK_STORE: source })).stdout,
    )
    // a target holding other tickets is refused without --merge, and nothing is copied
    const other = join(dir, 'other.json')
    writeFileSync(other, readFileSync(back))
    expect((await regdesk(['tickets', 'add', '-r', 'umi', TEXT], { ...now, REGDESK_STORE: other })).exitCode).toBe(0)
    const refused = await regdesk(['store', 'copy', other, db.url], now)
    expect(refused.exitCode).toBe(1)
    expect(refused.stderr).toMatch(/already holds 10000 ticket\(s\); pass --merge/)
    const merged = await regdesk(['store', 'copy', other, db.url, '--merge', '--json'], now)
    expect(JSON.parse(merged.stdout)).toMatchObject({ copied: 1, target: 10_001 })
  }, 240_000)
})

if (!PG_URL) it.skip('PostgreSQL tests skipped: no server (see the line at the start of the run)', () => {})
