/**
 * The team store's tables, created and upgraded by regdesk itself. `MIGRATIONS[n - 1]` takes a
 * database from schema version n - 1 to n; each runs in one transaction under an advisory lock
 * (store.ts ensureSchema), so two agents starting a new regdesk at once upgrade it once, and a
 * failed step leaves the previous version whole. A database of a newer version is refused.
 *
 * A ticket is one row: the columns that commands select and order by (status, regulation,
 * assignee, receipt, the open window's recorded deadline…: ticket/facts.ts computes them from the
 * ticket), the ticket itself as `json` (the text as written, so a copy to a file and back is the
 * same bytes; jsonb would reorder its keys), the triage verdict as `jsonb` for a team's own
 * queries (`triage->>'scope'`), and the report's summary (ticket/summary.ts) as ASCII JSON text, positional since
 * version 3 (summary-row.ts), which `report` reads row by row as the server sends it (store.ts scanSummaries).
 */
export const MIGRATIONS: readonly (readonly string[])[] = [
  [
    `CREATE TABLE regdesk_tickets (
      seq bigserial PRIMARY KEY,
      id text NOT NULL UNIQUE,
      regulation text NOT NULL,
      status text NOT NULL,
      level text,
      tier text,
      channel text,
      critical boolean NOT NULL,
      assignee text,
      received_at timestamptz NOT NULL,
      last_event_at timestamptz NOT NULL,
      last_customer_at timestamptz NOT NULL,
      last_opened_at timestamptz NOT NULL,
      open_deadline timestamptz,
      open_target timestamptz,
      recorded boolean NOT NULL,
      triage jsonb,
      ticket json NOT NULL,
      summary text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`,
    'CREATE INDEX regdesk_tickets_status ON regdesk_tickets (status, regulation)',
    'CREATE INDEX regdesk_tickets_assignee ON regdesk_tickets (assignee)',
    'CREATE INDEX regdesk_tickets_received ON regdesk_tickets (received_at)',
    'CREATE INDEX regdesk_tickets_opened ON regdesk_tickets (last_opened_at)',
    'CREATE INDEX regdesk_tickets_last_event ON regdesk_tickets (last_event_at)',
    `CREATE INDEX regdesk_tickets_attention ON regdesk_tickets (open_deadline) WHERE status IN ('new', 'open')`,
    'CREATE INDEX regdesk_tickets_unrecorded ON regdesk_tickets (seq) WHERE NOT recorded',
    'CREATE TABLE regdesk_ids (prefix text PRIMARY KEY, last bigint NOT NULL)',
  ],
  // 2: tickets taken in from outside (e-mail, helpdesk imports) keep their origin, at most one ticket per origin
  [
    'ALTER TABLE regdesk_tickets ADD COLUMN origin_source text, ADD COLUMN origin_id text',
    'CREATE UNIQUE INDEX regdesk_tickets_origin ON regdesk_tickets (origin_source, origin_id) WHERE origin_source IS NOT NULL',
  ],
  // 3: a summary is written as arrays (summary-row.ts), which a regdesk of version 2 would read as a ticket: the version
  // row alone makes it refuse the store. Summaries written before are objects and are read as they are, so nothing is
  // rewritten, and an agent with only the rights to read and write the tables upgrades it (no statement needs the owner)
  [],
]

export const SCHEMA_VERSION = MIGRATIONS.length

export const VERSION_TABLE = `CREATE TABLE IF NOT EXISTS regdesk_schema (
  version integer PRIMARY KEY,
  applied_at timestamptz NOT NULL DEFAULT now(),
  applied_by text NOT NULL
)`

/** The advisory lock key of schema changes: any constant shared by every regdesk ("regd" in ASCII). */
export const MIGRATION_LOCK = 0x72656764

/** The columns of a ticket row, in the order rowOf (store.ts) gives their values, with their SQL types. */
export const COLUMNS = [
  ['id', 'text'],
  ['regulation', 'text'],
  ['status', 'text'],
  ['level', 'text'],
  ['tier', 'text'],
  ['channel', 'text'],
  ['critical', 'boolean'],
  ['assignee', 'text'],
  ['received_at', 'timestamptz'],
  ['last_event_at', 'timestamptz'],
  ['last_customer_at', 'timestamptz'],
  ['last_opened_at', 'timestamptz'],
  ['open_deadline', 'timestamptz'],
  ['open_target', 'timestamptz'],
  ['recorded', 'boolean'],
  ['triage', 'jsonb'],
  ['ticket', 'json'],
  ['summary', 'text'],
  ['origin_source', 'text'],
  ['origin_id', 'text'],
] as const
