import type { Client, QueryConfig, QueryResultRow } from 'pg'
import { DataError, NewerStoreError, NotFoundError, RegdeskError } from '../../errors.js'
import { ticketFacts } from '../../ticket/facts.js'
import { formatId, maxIdsOf } from '../../ticket/ids.js'
import { OWN_SOURCE, type Ticket } from '../../ticket/ticket.js'
import { checkedTicket, validateTicket } from '../../ticket/validate.js'
import { applyIntake, newItemsOf, storedByOrigin } from '../intake.js'
import type {
  Change,
  ChangeMany,
  IntakeItem,
  IntakeOutcome,
  StoreInfo,
  TicketFilter,
  TicketStore,
} from '../ticket-store.js'
import { type ConnectOptions, connect, maskUrl, type PgDriver, unavailable } from './connection.js'
import { COLUMNS, MIGRATION_LOCK, MIGRATIONS, SCHEMA_VERSION, VERSION_TABLE } from './schema.js'
import { SummaryShapeError, summaryFromColumn, summaryRowJson } from './summary-row.js'

export interface PostgresStoreOptions extends ConnectOptions {
  /** who upgrades the schema, recorded in regdesk_schema (the regdesk version) */
  appliedBy?: string
  /**
   * Test hook, called inside a transaction after its writes, before COMMIT: the crash tests make
   * it kill the process there (REGDESK_TEST_CRASH_IN_TRANSACTION).
   */
  beforeCommit?: () => void
}

/** Rows per statement when tickets are copied in or listed: large enough to amortise a round trip, small enough for memory. */
const BATCH = 1000

/**
 * The team store: one PostgreSQL database that every agent writes at once (issue 14). Each
 * change is one transaction: a ticket is locked (SELECT … FOR UPDATE) while its change runs, so
 * concurrent changes apply one after the other and none is lost; ids come from a per-prefix
 * counter row updated in the same transaction, so none is given twice and none is lost to a
 * rolled-back change. Every query is parameterised. Filters, `overdue`'s selection, the queue
 * and the report's tickets are WHERE clauses over indexed columns (schema.ts). A failure of the
 * server or the connection is one sentence (connection.ts unavailable); the transaction it
 * interrupted is rolled back by the server, so nothing is half-applied.
 */
export class PostgresStore implements TicketStore {
  readonly label: string
  private client: Client | undefined
  /** the connection being made (prepare, ready), and its client while it is */
  private connecting: Promise<Client> | undefined
  private pending: Client | undefined
  /** the schema version found, once checked */
  private schema: number | undefined

  constructor(
    private readonly driver: PgDriver,
    private readonly url: string,
    private readonly options: PostgresStoreOptions,
  ) {
    this.label = maskUrl(url)
  }

  /**
   * A ticket as read from its row, checked as the file store checks its tickets: a row changed by hand or by another
   * program is said with its ticket and field (exit 3), never met later as a crash.
   * @throws DataError
   */
  private valid(ticket: unknown): Ticket {
    const problem = validateTicket(ticket)[0]
    if (!problem) return ticket as Ticket
    const id = (ticket as { id?: unknown } | null)?.id
    throw new DataError([
      {
        file: `${this.label}, ticket ${typeof id === 'string' ? id : '(no id)'}`,
        line: 1,
        col: 1,
        path: problem.path,
        message: problem.message,
        severity: 'error',
      },
    ])
  }

  async get(id: string): Promise<Ticket> {
    if (!(await this.ready(false))) throw new NotFoundError(`no ticket ${id} in the store`)
    const r = await this.query<{ ticket: Ticket }>('SELECT ticket FROM regdesk_tickets WHERE id = $1', [id])
    const row = r.rows[0]
    if (!row) throw new NotFoundError(`no ticket ${id} in the store`)
    return this.valid(row.ticket)
  }

  async *list(filter: TicketFilter = {}): AsyncGenerator<Ticket> {
    if (!(await this.ready(false))) return
    const where = whereOf(filter)
    let last = 0
    for (;;) {
      // keyset pages in the order tickets were stored: memory stays flat whatever the size
      const params = [...where.params, last]
      const r = await this.query<{ seq: string; ticket: Ticket }>(
        `SELECT seq, ticket FROM regdesk_tickets WHERE ${where.sql} AND seq > $${params.length} ORDER BY seq LIMIT ${BATCH}`,
        params,
      )
      for (const row of r.rows) yield this.valid(row.ticket)
      if (r.rows.length < BATCH) return
      last = Number(r.rows[r.rows.length - 1]?.seq)
    }
  }

  async scanSummaries(
    filters: readonly TicketFilter[],
    visit: (ticket: Ticket, matched: readonly boolean[]) => void,
  ): Promise<void> {
    if (!filters.length || !(await this.ready(false))) return
    const params: unknown[] = []
    const conditions = filters.map((f) => `(${whereOf(f, params).sql})`)
    const c = this.client as Client
    const n = filters.length
    // one query whose rows are handed over as they arrive (a `row` listener: pg then keeps no result), each parsed
    // just before it is visited, so memory holds what is in flight, not the tickets. Pages of rows (keyset, 1,000 or
    // 5,000 a query) measured slower over 100,000: each page lived until it was visited whole.
    const query = new this.driver.pg.Query({
      text: `SELECT ${conditions.join(', ')}, summary FROM regdesk_tickets WHERE ${conditions.join(' OR ')} ORDER BY seq`,
      values: params,
      // Query reads rowMode as client.query does; its typings leave it out
      rowMode: 'array',
    } as QueryConfig)
    let failed: { error: unknown; summary?: string } | undefined
    await new Promise<void>((resolve, reject) => {
      query.on('row', (row: unknown[]) => {
        if (failed) return
        // a visitor's error (a bug, a bad ticket) must not escape into pg's socket handler: it ends the scan instead
        try {
          visit(summaryFromColumn(row[n] as string), row.slice(0, n) as boolean[])
        } catch (e) {
          failed = { error: e, summary: row[n] as string }
        }
      })
      query.on('error', (e: unknown) => reject(unavailable(this.label, e, 'query')))
      query.on('end', () => resolve())
      c.query(query)
    })
    if (failed?.error instanceof SummaryShapeError) throw await this.damagedSummary(failed.error, failed.summary)
    if (failed) throw failed.error
  }

  /** A summary row changed outside regdesk, said with its ticket (looked up only then: the scan selects no ids). */
  private async damagedSummary(error: SummaryShapeError, summary: string | undefined): Promise<DataError> {
    const r = await this.query<{ id: string }>('SELECT id FROM regdesk_tickets WHERE summary = $1 LIMIT 1', [summary])
    return new DataError([
      {
        file: `${this.label}, ticket ${r.rows[0]?.id ?? '(unknown)'}`,
        line: 1,
        col: 1,
        path: 'summary',
        message: `its report summary is not valid (${error.message}): the row was changed outside regdesk; any change to the ticket writes it again`,
        severity: 'error',
      },
    ])
  }

  async insert(prefix: string, make: (id: string) => Ticket): Promise<Ticket> {
    await this.ready(true)
    return this.transaction(async () => {
      const r = await this.query<{ last: string }>(
        `INSERT INTO regdesk_ids (prefix, last) VALUES ($1, 1)
         ON CONFLICT (prefix) DO UPDATE SET last = regdesk_ids.last + 1 RETURNING last`,
        [prefix],
      )
      const ticket = checkedTicket(make(formatId(prefix, Number(r.rows[0]?.last))))
      await this.query(
        `INSERT INTO regdesk_tickets (${COLUMNS.map((c) => c[0]).join(', ')}) VALUES (${COLUMNS.map((c, i) => `$${i + 1}::${c[1]}`).join(', ')})`,
        rowOf(ticket),
      )
      return ticket
    })
  }

  async change<T>(id: string, fn: (ticket: Ticket) => Change<T>): Promise<T> {
    if (!(await this.ready(true))) throw new NotFoundError(`no ticket ${id} in the store`)
    return this.transaction(async () => {
      const r = await this.query<{ ticket: Ticket }>('SELECT ticket FROM regdesk_tickets WHERE id = $1 FOR UPDATE', [
        id,
      ])
      const ticket = r.rows[0] && this.valid(r.rows[0].ticket)
      if (!ticket) throw new NotFoundError(`no ticket ${id} in the store`)
      const { result, changed } = fn(ticket)
      if (changed) await this.update([checkedTicket(ticket)])
      return result
    })
  }

  async changeMany<T>(filter: TicketFilter, fn: (tickets: Ticket[]) => ChangeMany<T>): Promise<T> {
    await this.ready(true)
    return this.transaction(async () => {
      const where = whereOf(filter)
      const r = await this.query<{ ticket: Ticket }>(
        `SELECT ticket FROM regdesk_tickets WHERE ${where.sql} ORDER BY seq FOR UPDATE`,
        where.params,
      )
      const { result, changed } = fn(r.rows.map((row) => this.valid(row.ticket)))
      for (let i = 0; i < changed.length; i += BATCH) await this.update(changed.slice(i, i + BATCH).map(checkedTicket))
      return result
    })
  }

  async importTickets(tickets: readonly Ticket[], onProgress?: (copied: number) => void): Promise<void> {
    await this.ready(true)
    if (!tickets.length) return
    await this.transaction(async () => {
      await this.insertRows(
        tickets,
        onProgress,
        () => `a ticket copied is already in ${this.label}; nothing was copied`,
      )
      // the counters move past the copied ids, so the next `tickets add` continues after them
      const max = Object.entries(maxIdsOf(tickets))
      await this.query(
        `INSERT INTO regdesk_ids (prefix, last) SELECT * FROM unnest($1::text[], $2::bigint[])
         ON CONFLICT (prefix) DO UPDATE SET last = GREATEST(regdesk_ids.last, EXCLUDED.last)`,
        [max.map((m) => m[0]), max.map((m) => m[1])],
      )
    })
  }

  async intake(items: readonly IntakeItem[], onProgress?: (stored: number) => void): Promise<IntakeOutcome[]> {
    await this.ready(true)
    if (!items.length) return []
    return this.transaction(async () => {
      const found: Ticket[] = []
      for (let i = 0; i < items.length; i += BATCH) {
        const origins = items.slice(i, i + BATCH).map((item) => item.origin)
        // and the tickets added in regdesk that an export of this store names by (regdesk, id) (ticket.ts OWN_SOURCE)
        const own = origins.filter((o) => o.source === OWN_SOURCE).map((o) => o.external_id)
        const r = await this.query<{ ticket: Ticket }>(
          `SELECT ticket FROM regdesk_tickets WHERE (origin_source, origin_id) IN
           (SELECT * FROM unnest($1::text[], $2::text[]))
           OR (origin_source IS NULL AND id = ANY($3::text[])) FOR UPDATE`,
          [origins.map((o) => o.source), origins.map((o) => o.external_id), own],
        )
        for (const row of r.rows) found.push(this.valid(row.ticket))
      }
      const stored = storedByOrigin(found)
      // ids for the new tickets, taken per prefix in one step each (the counter row stays locked until COMMIT)
      const counts = new Map<string, number>()
      for (const item of newItemsOf(items, stored)) counts.set(item.prefix, (counts.get(item.prefix) ?? 0) + 1)
      const next = new Map<string, number>()
      for (const [prefix, n] of counts) {
        const r = await this.query<{ last: string }>(
          `INSERT INTO regdesk_ids (prefix, last) VALUES ($1, $2)
           ON CONFLICT (prefix) DO UPDATE SET last = regdesk_ids.last + $2 RETURNING last`,
          [prefix, n],
        )
        next.set(prefix, Number(r.rows[0]?.last) - n + 1)
      }
      const { outcomes, added, updated } = applyIntake(items, stored, (item) => {
        const n = next.get(item.prefix) as number
        next.set(item.prefix, n + 1)
        return formatId(item.prefix, n)
      })
      // two agents taking the same new records in at once: the second one's transaction fails whole
      await this.insertRows(
        added.map(checkedTicket),
        onProgress,
        () => `some of these records were taken in by someone else at the same time; nothing was taken in: run again`,
      )
      for (let i = 0; i < updated.length; i += BATCH) {
        await this.update(updated.slice(i, i + BATCH).map(checkedTicket))
        onProgress?.(added.length + Math.min(i + BATCH, updated.length))
      }
      onProgress?.(items.length)
      return outcomes
    })
  }

  /** Inserts whole tickets in batches; a unique violation (an id or origin already there) is `clash`'s sentence. */
  private async insertRows(
    tickets: readonly Ticket[],
    onProgress: ((done: number) => void) | undefined,
    clash: () => string,
  ): Promise<void> {
    for (let i = 0; i < tickets.length; i += BATCH) {
      const rows = tickets.slice(i, i + BATCH).map((t) => rowOf(checkedTicket(t)))
      try {
        await this.query(
          `INSERT INTO regdesk_tickets (${COLUMNS.map((c) => c[0]).join(', ')})
           SELECT ${COLUMNS.map((c) => `u.${c[0]}::${c[1]}`).join(', ')} FROM ${unnestOf()}`,
          COLUMNS.map((_, k) => rows.map((row) => row[k])),
        )
      } catch (e) {
        if ((e as { code?: string }).code === '23505') throw new RegdeskError(clash())
        throw e
      }
      onProgress?.(Math.min(i + BATCH, tickets.length))
    }
  }

  async count(): Promise<number> {
    if (!(await this.ready(false))) return 0
    const r = await this.query<{ n: string }>('SELECT count(*) AS n FROM regdesk_tickets')
    return Number(r.rows[0]?.n ?? 0)
  }

  async info(): Promise<StoreInfo> {
    let version: number
    let newer = false
    try {
      version = (await this.ready(false)) ? (this.schema ?? 0) : 0
    } catch (e) {
      // a schema of a newer regdesk is not read, only said: what `store info` is run for
      if (!(e instanceof NewerStoreError)) throw e
      version = await this.schemaVersion()
      newer = true
    }
    const server = await this.query<{ v: string; db: string; usr: string }>(
      'SELECT current_setting($1) AS v, current_database() AS db, current_user AS usr',
      ['server_version'],
    )
    let tickets: number | null = newer ? null : 0
    let bytes = 0
    if (version && !newer) {
      const r = await this.query<{ n: string; bytes: string }>(
        `SELECT (SELECT count(*) FROM regdesk_tickets) AS n,
          pg_total_relation_size('regdesk_tickets') + pg_total_relation_size('regdesk_ids') AS bytes`,
      )
      tickets = Number(r.rows[0]?.n ?? 0)
      bytes = Number(r.rows[0]?.bytes ?? 0)
    }
    const s = server.rows[0]
    return {
      backend: 'postgres',
      location: this.label,
      version,
      currentVersion: SCHEMA_VERSION,
      tickets,
      bytes,
      details: {
        server: s?.v ?? null,
        // where it connects, as configured: the URL, else PGHOST/PGPORT, else pg's defaults (a socket's directory)
        host: hostOf(this.client as Client),
        database: s?.db ?? null,
        user: s?.usr ?? null,
        tables: version
          ? 'created'
          : 'not created yet (made by the first write, which needs the CREATE right on the database)',
      },
    }
  }

  /** Whether the store was read and the database had no regdesk tables (a mistyped database reads as an empty store). */
  foundNoTables(): boolean {
    return this.schema === 0
  }

  async prepare(): Promise<void> {
    this.connection().catch(() => {
      // reported by the first use (ready), which awaits the same promise
    })
    // Two turns of the event loop: the socket connects and pg sends its start-up message, so the server sets up the
    // session (its backend process, the catalogue) on the other core while the command triages.
    for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve))
  }

  private connection(): Promise<Client> {
    this.connecting ??= connect(this.driver, this.url, this.options, (client) => {
      this.pending = client
    })
    return this.connecting
  }

  async close(): Promise<void> {
    // a connection prepared for a command that failed before using it is closed too, made or still being made
    const c = this.client ?? this.pending
    this.client = undefined
    this.pending = undefined
    if (!c) return
    // The goodbye (Terminate) is one small write, handed to the kernel at once; waiting for the
    // server to close the socket as well would add a round trip to every command, so the socket
    // no longer keeps the process alive once it is sent.
    const ended = c.end().catch(() => {
      // the connection is gone already
    })
    ;(c as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.()
    await Promise.race([ended, new Promise((resolve) => setImmediate(resolve))])
  }

  /**
   * Connects and checks the schema: a database without regdesk's tables is created (when
   * `write`; a reader sees an empty store), an older schema is upgraded, a newer one refused.
   * Returns whether the tables exist.
   */
  private async ready(write: boolean): Promise<boolean> {
    if (this.schema === SCHEMA_VERSION) return true
    if (!this.client) this.client = await this.connection()
    const found = await this.schemaVersion()
    if (found > SCHEMA_VERSION) throw this.newer(found)
    if (found === SCHEMA_VERSION || (found === 0 && !write)) {
      this.schema = found
      return found > 0
    }
    await this.transaction(async () => {
      await this.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
      // made only where it is missing: CREATE … IF NOT EXISTS still asks for the right to create in the schema, which
      // an agent upgrading a store that exists need not have
      const table = await this.query<{ found: boolean }>("SELECT to_regclass('regdesk_schema') IS NOT NULL AS found")
      if (!table.rows[0]?.found) await this.query(VERSION_TABLE)
      // another regdesk may have upgraded it while this one waited for the lock
      const now = await this.schemaVersion()
      if (now > SCHEMA_VERSION) throw this.newer(now)
      for (let v = now + 1; v <= SCHEMA_VERSION; v++) {
        for (const statement of MIGRATIONS[v - 1] ?? []) await this.query(statement)
        await this.query('INSERT INTO regdesk_schema (version, applied_by) VALUES ($1, $2)', [
          v,
          this.options.appliedBy ?? 'regdesk',
        ])
      }
    })
    this.schema = SCHEMA_VERSION
    return true
  }

  private async schemaVersion(): Promise<number> {
    try {
      const r = await this.query<{ v: number | null }>('SELECT max(version) AS v FROM regdesk_schema', [], true)
      return Number(r.rows[0]?.v ?? 0)
    } catch (e) {
      // 42P01: no such table, a database regdesk has not used yet
      if ((e as { code?: string }).code === '42P01') return 0
      throw unavailable(this.label, e, 'query')
    }
  }

  private newer(found: number): NewerStoreError {
    return new NewerStoreError(
      `the PostgreSQL store ${this.label} has schema version ${found}, newer than this regdesk knows (${SCHEMA_VERSION}): upgrade regdesk to use it; nothing was changed`,
    )
  }

  private async transaction<T>(fn: () => Promise<T>): Promise<T> {
    await this.query('BEGIN')
    let result: T
    try {
      result = await fn()
      this.options.beforeCommit?.()
    } catch (e) {
      try {
        await this.client?.query('ROLLBACK')
      } catch {
        // the connection is gone: the server rolls the transaction back itself
      }
      throw e
    }
    try {
      await this.client?.query('COMMIT')
    } catch (e) {
      throw unavailable(this.label, e, 'commit')
    }
    return result
  }

  /** Runs one parameterised statement; a driver failure becomes one sentence (raw: the caller maps it). */
  private async query<R extends QueryResultRow = QueryResultRow>(sql: string, params: unknown[] = [], raw = false) {
    const c = this.client
    if (!c) throw new Error('not connected')
    try {
      return await c.query<R>(sql, params)
    } catch (e) {
      if (raw || isStatementError(e)) throw e
      throw unavailable(this.label, e, 'query')
    }
  }

  /** Writes changed tickets back (their rows' columns follow the ticket). */
  private async update(tickets: readonly Ticket[]): Promise<void> {
    if (!tickets.length) return
    const rows = tickets.map(rowOf)
    const set = COLUMNS.slice(1)
      .map((c) => `${c[0]} = u.${c[0]}::${c[1]}`)
      .join(', ')
    await this.query(
      `UPDATE regdesk_tickets t SET ${set}, updated_at = now()
       FROM ${unnestOf()}
       WHERE t.id = u.id`,
      COLUMNS.map((_, k) => rows.map((row) => row[k])),
    )
  }
}

/**
 * A SQL error that is regdesk's to word (a unique violation on copy): passed through as is.
 * Everything else (the server, the connection) is worded by `unavailable`.
 */
function isStatementError(e: unknown): boolean {
  return (e as { code?: string }).code === '23505'
}

/** Rows given as one array per column ($1…$n, json as text), as the relation `u`: one statement for a whole batch. */
function unnestOf(): string {
  const arrays = COLUMNS.map((c, k) => `$${k + 1}::${c[1] === 'json' || c[1] === 'jsonb' ? 'text' : c[1]}[]`)
  return `unnest(${arrays.join(', ')}) AS u(${COLUMNS.map((c) => c[0]).join(', ')})`
}

/** The values of a ticket's row, in COLUMNS order. */
function rowOf(t: Ticket): unknown[] {
  const f = ticketFacts(t)
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())
  return [
    t.id,
    t.regulation,
    t.status,
    t.level,
    t.tier,
    t.channel,
    t.critical,
    t.assignee,
    iso(Date.parse(t.received_at)),
    iso(f.lastEventAt),
    iso(f.lastCustomerAt),
    iso(f.lastOpenedAt),
    iso(f.openDeadline),
    iso(f.openTarget),
    f.recorded,
    t.triage === null ? null : JSON.stringify(t.triage),
    JSON.stringify(t),
    summaryRowJson(t),
    t.origin?.source ?? null,
    t.origin?.external_id ?? null,
  ]
}

/**
 * TicketFilter as a WHERE clause with its parameters (the file store's matchesFilter, in SQL), its values appended to
 * `params`: several conditions of one query share them.
 */
export function whereOf(f: TicketFilter, params: unknown[] = []): { sql: string; params: unknown[] } {
  const p = (v: unknown) => {
    params.push(v)
    return `$${params.length}`
  }
  const iso = (ms: number) => new Date(ms).toISOString()
  const and: string[] = ['TRUE']
  if (f.ids) and.push(`id = ANY(${p(f.ids)}::text[])`)
  if (f.statuses) and.push(`status = ANY(${p(f.statuses)}::text[])`)
  if (f.regulation !== undefined) and.push(`regulation = ${p(f.regulation)}`)
  if (f.assignee === null) and.push('assignee IS NULL')
  else if (f.assignee !== undefined) and.push(`assignee = ${p(f.assignee)}`)
  if (f.receivedBefore !== undefined) and.push(`received_at < ${p(iso(f.receivedBefore))}::timestamptz`)
  if (f.attention) {
    const at = p(iso(f.attention.at))
    const due = f.attention.atRisk ? 'open_deadline IS NOT NULL' : `open_deadline <= ${at}::timestamptz`
    and.push(`(${due} OR NOT recorded OR last_event_at > ${at}::timestamptz)`)
  }
  if (f.windowsSince !== undefined) and.push(`last_opened_at >= ${p(iso(f.windowsSince))}::timestamptz`)
  return { sql: and.join(' AND '), params }
}

/** The host and port a connection was made to, as `host:port` (`[::1]:5432`; a Unix socket's directory alike). */
function hostOf(client: Client): string | null {
  const { host, port } = client as unknown as { host?: string; port?: number }
  if (!host) return null
  return `${host.includes(':') && !host.startsWith('/') ? `[${host}]` : host}:${port ?? 5432}`
}
