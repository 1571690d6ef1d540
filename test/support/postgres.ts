import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { describe, inject } from 'vitest'

/** The test server's superuser URL (test/support/postgres-server.ts), or null: PostgreSQL tests skip. */
export const PG_URL = inject('pgUrl')

/** `describe` for tests that need PostgreSQL: skipped when there is no server (the global setup said why, loudly). */
export const describePg = PG_URL ? describe : describe.skip

/** The test server's URL with another database (and optionally without the password). */
export function urlOf(database: string, opts: { password?: boolean } = {}): string {
  const u = new URL(PG_URL as string)
  u.pathname = `/${database}`
  if (opts.password === false) u.password = ''
  return u.toString()
}

export async function admin<T>(fn: (c: pg.Client) => Promise<T>, database = 'postgres'): Promise<T> {
  const c = new pg.Client({ connectionString: urlOf(database) })
  await c.connect()
  try {
    return await fn(c)
  } finally {
    await c.end()
  }
}

/** A new empty database for one test; `drop` removes it (its connections first). */
export async function freshDatabase(): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const name = `regdesk_t_${randomBytes(6).toString('hex')}`
  await admin((c) => c.query(`CREATE DATABASE ${name}`))
  return {
    name,
    url: urlOf(name),
    drop: () =>
      admin(async (c) => {
        await c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name])
        await c.query(`DROP DATABASE IF EXISTS ${name}`)
      }),
  }
}
