import { randomBytes } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { pgDriver } from '../../../src/cli/store.js'
import { DataError, StoreUnavailableError, UsageError } from '../../../src/errors.js'
import { clientConfig, isPostgresUrl, maskUrl } from '../../../src/store/postgres/connection.js'
import { MIGRATIONS, VERSION_TABLE } from '../../../src/store/postgres/schema.js'
import { PostgresStore } from '../../../src/store/postgres/store.js'
import { summaryJson, summaryOf } from '../../../src/ticket/summary.js'
import type { Ticket } from '../../../src/ticket/ticket.js'
import { admin, describePg, freshDatabase } from '../../support/postgres.js'

describe('store URLs', () => {
  it.each([
    ['postgres://anna:S3cr3t@db.example.ru:5432/support', 'postgres://anna:***@db.example.ru:5432/support'],
    ['postgresql://anna:p%40ss:word@db/support?sslmode=require', 'postgresql://anna:***@db/support?sslmode=require'],
    ['postgres://anna@db/support', 'postgres://anna@db/support'],
    ['postgres:///support', 'postgres:///support'],
    ['postgres://an:na@:bad url', 'postgres://an:***@:bad url'],
    [
      'postgres://db/support?user=anna&password=S3cr3t&sslmode=require',
      'postgres://db/support?user=anna&password=***&sslmode=require',
    ],
    // a password with unencoded @, / or # (an invalid URL): hidden whole up to the host
    ['postgres://agent:p@ss:w/rd#x@127.0.0.1:1/nu2', 'postgres://agent:***@127.0.0.1:1/nu2'],
    ['postgress://agent:S3cretPw@127.0.0.1/nu2', 'postgress://agent:***@127.0.0.1/nu2'],
    // the colon left out: still a URL as meant, its password hidden
    ['postgres//agent:S3cretPw@127.0.0.1/nu2', 'postgres//agent:***@127.0.0.1/nu2'],
  ])('%s is shown as %s', (url, shown) => expect(maskUrl(url)).toBe(shown))

  it('tells a URL from a file', () => {
    expect(isPostgresUrl('postgres://x/y')).toBe(true)
    expect(isPostgresUrl('PostgreSQL://x/y')).toBe(true)
    expect(isPostgresUrl('./postgres.json')).toBe(false)
    expect(isPostgresUrl('/home/anna/postgres://x')).toBe(false)
  })

  it('reads sslmode as libpq does, from the URL or PGSSLMODE', () => {
    const cfg = (url: string, env: NodeJS.ProcessEnv = {}) => clientConfig(pgDriver(), url, { env })
    expect(cfg('postgres://a@h/d?sslmode=require').ssl).toMatchObject({ rejectUnauthorized: false })
    expect(cfg('postgres://a@h/d?sslmode=disable').ssl).toBe(false)
    expect(cfg('postgres://a@h/d?sslmode=verify-full').ssl).toEqual({})
    expect(cfg('postgres://a@h/d', { PGSSLMODE: 'require' }).ssl).toMatchObject({ rejectUnauthorized: false })
    expect(cfg('postgres://a@h/d').ssl).toBeUndefined()
    // the URL wins over the variable
    expect(cfg('postgres://a@h/d?sslmode=disable', { PGSSLMODE: 'require' }).ssl).toBe(false)
    expect(() => cfg('postgres://a:pw@h/d?sslmode=verify-ca')).toThrow(UsageError)
    try {
      cfg('postgres://a:pw@h/d?sslmode=verify-ca')
    } catch (e) {
      expect((e as Error).message).not.toContain(':pw@')
    }
    // a mode libpq does not have, and a certificate file that is not there, are said as such
    expect(() => cfg('postgres://a:pw@h/d?sslmode=bogus')).toThrow(
      'postgres://a:***@h/d?sslmode=bogus: sslmode "bogus" is not one of disable, allow, prefer, require, verify-ca, verify-full',
    )
    expect(() => cfg('postgres://a@h/d?sslmode=%zz')).toThrow('sslmode "%zz" is not one of')
    expect(() => cfg('postgres://a@h/d?sslmode=verify-full&sslrootcert=/nonexistent/root.crt')).toThrow(
      /cannot read \/nonexistent\/root\.crt \(ENOENT: no such file or directory\)$/,
    )
    // what the URL leaves out is left to pg's PG* defaults
    expect(cfg('postgresql://')).not.toHaveProperty('host')
    expect(cfg('postgres://u@h:6000/db')).toMatchObject({ host: 'h', port: 6000, user: 'u', database: 'db' })
  })
})

describePg('the PostgreSQL store when the connection fails', () => {
  const cleanups: (() => Promise<void>)[] = []
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()?.()
  })

  it('a row changed by hand into an invalid ticket is invalid data naming the ticket, in every read', async () => {
    const db = await freshDatabase()
    const store = new PostgresStore(pgDriver(), db.url, { env: {} })
    cleanups.push(db.drop, () => store.close())
    const t = await store.insert('MG', (id) => minimal(id))
    await admin(
      (c) => c.query(`UPDATE regdesk_tickets SET ticket = '{"id":"MG-000001"}' WHERE id = $1`, [t.id]),
      db.name,
    )
    const reads: (() => Promise<unknown>)[] = [
      () => store.get(t.id),
      () => store.change(t.id, () => ({ result: 0, changed: false })),
      async () => {
        for await (const _ of store.list()) void _
      },
    ]
    for (const read of reads) {
      const err = await Promise.resolve()
        .then(read)
        .catch((e: unknown) => e)
      expect(err).toBeInstanceOf(DataError)
      expect((err as DataError).issues[0]).toMatchObject({ file: expect.stringMatching(/, ticket MG-000001$/) })
    }
  })

  it('sslmode=prefer and allow connect without SSL to a server that has none, as libpq does; require does not', async () => {
    const db = await freshDatabase()
    cleanups.push(db.drop)
    const withMode = (mode: string) => `${db.url}${db.url.includes('?') ? '&' : '?'}sslmode=${mode}`
    for (const mode of ['prefer', 'allow']) {
      const store = new PostgresStore(pgDriver(), withMode(mode), { env: {} })
      cleanups.push(() => store.close())
      expect(await store.count()).toBe(0)
    }
    const strict = new PostgresStore(pgDriver(), withMode('require'), { env: {} })
    cleanups.push(() => strict.close())
    await expect(strict.count()).rejects.toThrow(/SSL/)
  })

  it('a connection lost before a change: one sentence naming the store (masked), nothing applied', async () => {
    const db = await freshDatabase()
    const store = new PostgresStore(pgDriver(), db.url, { env: {} })
    cleanups.push(db.drop, () => store.close())
    const t = await store.insert('MG', (id) => minimal(id))
    await admin(
      (c) =>
        c.query(
          'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
          [db.name],
        ),
      'postgres',
    )
    const err = await store
      .change(t.id, (x) => {
        x.status = 'closed'
        return { result: 0, changed: true }
      })
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(StoreUnavailableError)
    expect((err as Error).message).toMatch(
      /^the PostgreSQL store postgres:\/\/postgres:\*\*\*@.* failed: .*; nothing was changed$/,
    )
    expect((err as Error).message).not.toContain(new URL(db.url).password)
    const again = new PostgresStore(pgDriver(), db.url, { env: {} })
    cleanups.push(() => again.close())
    expect((await again.get(t.id)).status).toBe('new')
  })
})

describePg('the PostgreSQL store schema', () => {
  it('a database of schema 1 (before origins) is upgraded in place: its id counters stay, intake works', async () => {
    const db = await freshDatabase()
    const store = new PostgresStore(pgDriver(), db.url, { env: {} })
    try {
      await admin(async (c) => {
        await c.query(VERSION_TABLE)
        for (const statement of MIGRATIONS[0] ?? []) await c.query(statement)
        await c.query("INSERT INTO regdesk_schema (version, applied_by) VALUES (1, 'regdesk 0.1')")
        await c.query("INSERT INTO regdesk_ids VALUES ('MG', 7)")
      }, db.name)
      const [added] = await store.intake([
        {
          origin: { source: 'email', external_id: '<a@b>' },
          prefix: 'MG',
          make: (id) => ({ ...minimal(id), origin: { source: 'email', external_id: '<a@b>' } }),
        },
      ])
      expect(added).toMatchObject({ id: 'MG-000008', action: 'added' })
      expect((await store.info()).version).toBe(MIGRATIONS.length)
      const versions = await admin((c) => c.query('SELECT version FROM regdesk_schema ORDER BY version'), db.name)
      expect(versions.rows.map((r) => r.version)).toEqual([1, 2, 3])
    } finally {
      await store.close()
      await db.drop()
    }
  })
})

describePg('the PostgreSQL store summaries', () => {
  it('a database of schema 2 (summaries as objects) is upgraded to 3 without rewriting them; both forms read alike', async () => {
    const { db, old } = await atSchema2()
    try {
      const later = new PostgresStore(pgDriver(), db.url, { env: {} })
      try {
        const added = await later.insert('MG', (id) => ({ ...minimal(id), assignee: 'Ирина' }))
        const seen: Ticket[] = []
        await later.scanSummaries([{}], (t) => seen.push(t))
        expect(seen).toStrictEqual([summaryOf(old), summaryOf(added)])
        const rows = await admin(
          (c) => c.query('SELECT left(summary, 1) AS first FROM regdesk_tickets ORDER BY seq'),
          db.name,
        )
        expect(rows.rows.map((r) => r.first)).toEqual(['{', '['])
        expect((await later.info()).version).toBe(3)
      } finally {
        await later.close()
      }
    } finally {
      await db.drop()
    }
  })
})

describePg('the PostgreSQL store for an agent with only the rights to read and write its tables', () => {
  it('upgrades schema 2 to 3 (no statement needs the owner); a damaged summary is said with its ticket', async () => {
    const { db } = await atSchema2()
    const role = `regdesk_agent_${randomBytes(4).toString('hex')}`
    let agent: PostgresStore | undefined
    try {
      await admin(async (c) => {
        await c.query(`CREATE ROLE ${role} LOGIN PASSWORD 'agent-pw'`)
        await c.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`)
        await c.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`)
        await c.query(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ${role}`)
      }, db.name)
      const u = new URL(db.url)
      u.username = role
      u.password = 'agent-pw'
      agent = new PostgresStore(pgDriver(), u.toString(), { env: {} })
      const seen: string[] = []
      await agent.scanSummaries([{}], (t) => seen.push(t.id))
      expect(seen).toEqual(['MG-000001'])
      expect((await agent.info()).version).toBe(3)
      await agent.insert('MG', (id) => minimal(id))
      // a summary changed by hand: invalid data naming the ticket (exit 3), not an internal error
      await admin(
        (c) => c.query(`UPDATE regdesk_tickets SET summary = '["MG-000002","moguta"]' WHERE id = 'MG-000002'`),
        db.name,
      )
      const err = await agent.scanSummaries([{}], () => {}).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(DataError)
      expect((err as DataError).issues[0]).toMatchObject({
        file: expect.stringMatching(/, ticket MG-000002$/),
        message: expect.stringContaining('report summary is not valid'),
      })
      expect((err as DataError).issues[0]?.file).not.toContain('agent-pw')
    } finally {
      await agent?.close()
      await db.drop()
      await admin((c) => c.query(`DROP ROLE IF EXISTS ${role}`))
    }
  })
})

/** A database as a regdesk of schema 2 left it: one ticket, its summary an object, no version 3. */
async function atSchema2(): Promise<{ db: Awaited<ReturnType<typeof freshDatabase>>; old: Ticket }> {
  const db = await freshDatabase()
  const store = new PostgresStore(pgDriver(), db.url, { env: {} })
  try {
    const old = await store.insert('MG', (id) => minimal(id))
    await admin(async (c) => {
      await c.query('UPDATE regdesk_tickets SET summary = $1 WHERE id = $2', [summaryJson(old), old.id])
      await c.query('DELETE FROM regdesk_schema WHERE version = 3')
    }, db.name)
    return { db, old }
  } finally {
    await store.close()
  }
}

function minimal(id: string): Ticket {
  const at = '2026-11-20T18:00:00+03:00'
  return {
    id,
    regulation: 'moguta',
    level: 'standard',
    tier: null,
    channel: null,
    product: null,
    critical: false,
    subject: 's',
    text: 't',
    received_at: at,
    status: 'new',
    assignee: null,
    triage: null,
    events: [{ type: 'received', at, author: 'a' }],
  }
}
