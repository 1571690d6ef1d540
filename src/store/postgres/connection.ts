import type { Client, ClientConfig } from 'pg'
import { explain } from '../../data/errno.js'
import { StoreUnavailableError, UsageError } from '../../errors.js'

/**
 * The driver, handed in by whoever loaded it: the CLI requires pg only for a PostgreSQL store
 * (src/cli/store.ts), so a command on the file store never loads it. `parse` and `pgpass` are
 * pg's own dependencies (pg-connection-string, pgpass).
 */
export interface PgDriver {
  pg: typeof import('pg')
  parse: (url: string, options: { useLibpqCompat: boolean }) => Record<string, unknown>
  pgpass: (info: Record<string, unknown>, cb: (pass?: string) => void) => void
}

/** Whether a --store value names a PostgreSQL database rather than a file. */
export function isPostgresUrl(value: string): boolean {
  return /^postgres(ql)?:\/\//i.test(value)
}

/**
 * A store URL as it may be shown: the password replaced by `***` (messages, --verbose,
 * `store info`). Works on text that is not a valid URL too, since it is used in the message
 * that says so.
 */
export function maskUrl(url: string): string {
  // libpq also takes the password as a parameter
  const masked = url.replace(/([?&]password=)[^&#]*/gi, '$1***')
  // a URL, or what is meant as one (postgres:/host with one slash, postgres//host without the colon)
  const scheme = /^(?:[a-z][a-z0-9+.-]*:\/\/|postgres(?:ql)?:\/?|postgres(?:ql)?\/\/)/i.exec(masked)?.[0]
  if (!scheme) return masked
  // the user part ends at the last @: a password with an unencoded @, / or # (an invalid URL) is hidden whole
  const rest = masked.slice(scheme.length)
  const at = rest.lastIndexOf('@')
  if (at < 0) return masked
  const auth = rest.slice(0, at)
  const colon = auth.indexOf(':')
  return `${scheme}${colon < 0 ? auth : `${auth.slice(0, colon)}:***`}${rest.slice(at)}`
}

/** libpq's values of sslmode. */
const SSL_MODES = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full']

/** The sslmode a store URL asks for (the URL's, else PGSSLMODE); undefined when neither says. */
function sslModeOf(url: string, env: NodeJS.ProcessEnv): string | undefined {
  const m = /[?&]sslmode=([^&#]*)/i.exec(url)
  if (!m) return env.PGSSLMODE || undefined
  try {
    return decodeURIComponent(m[1] as string)
  } catch {
    // a broken escape: refused as a mode libpq does not have
    return m[1]
  }
}

/** Options of the connection that are not in the URL. */
export interface ConnectOptions {
  env: NodeJS.ProcessEnv
  /** what the URL was given as, named in a sentence about it: `--store` (the default), or the setting `store` */
  givenAs?: string
  /** how long to wait for the server to accept the connection, ms */
  connectTimeoutMs?: number
}

/**
 * The pg client configuration for a store URL, read as libpq reads it: the URL's parts first,
 * then the standard variables (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE: pg reads them
 * for what the URL leaves out), a password from ~/.pgpass (or PGPASSFILE) when none is given,
 * and `sslmode` (from the URL, else PGSSLMODE) with libpq's meaning: `require` encrypts without
 * checking the certificate, `verify-ca` and `verify-full` check it, `disable` does not encrypt.
 * pg's own reading of sslmode treats `require` as `verify-full`, which would refuse the
 * self-signed certificates a team server often has, unlike psql with the same URL.
 * @throws UsageError for a URL that cannot be read (the message shows it masked)
 */
export function clientConfig(driver: PgDriver, url: string, options: ConnectOptions): ClientConfig {
  const label = maskUrl(url)
  const mode = sslModeOf(url, options.env)
  if (mode !== undefined && !SSL_MODES.includes(mode))
    throw new UsageError(
      `${options.givenAs ?? '--store'} ${label}: sslmode "${mode}" is not one of ${SSL_MODES.join(', ')}`,
    )
  let text = url
  const envMode = options.env.PGSSLMODE
  if (envMode && !/[?&]sslmode=/.test(url))
    text += `${url.includes('?') ? '&' : '?'}sslmode=${encodeURIComponent(envMode)}`
  let parsed: Record<string, unknown>
  try {
    parsed = driver.parse(text, { useLibpqCompat: true })
  } catch (e) {
    const err = e as NodeJS.ErrnoException
    // pg reads sslrootcert, sslcert and sslkey while it reads the URL
    if (err.code && err.path)
      throw new UsageError(`${options.givenAs ?? '--store'} ${label}: cannot read ${err.path} (${explain(err.code)})`)
    const why = String(err.message).startsWith('SECURITY WARNING')
      ? 'sslmode=verify-ca needs the certificate authority in sslrootcert='
      : 'not a valid postgres:// URL (a password with @, :, / or # must be percent-encoded: %40, %3A, %2F, %23)'
    throw new UsageError(`${options.givenAs ?? '--store'} ${label}: ${why}`)
  }
  for (const key of ['host', 'database', 'user', 'port'] as const) if (parsed[key] === '') delete parsed[key]
  if (parsed.port !== undefined) parsed.port = Number(parsed.port)
  const config: ClientConfig = {
    ...(parsed as ClientConfig),
    application_name: 'regdesk',
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
    // a writer waits for another's row lock at most this long, and a transaction left open by a
    // stuck process is ended by the server, which releases its locks
    lock_timeout: 60_000,
    idle_in_transaction_session_timeout: 300_000,
  }
  return config
}

/**
 * A connected client. A password neither in the URL nor in PGPASSWORD is looked up in the
 * password file (pgpass, as pg would, but without pg's deprecation notice on stderr).
 * @throws StoreUnavailableError in one sentence naming the store (password masked)
 */
export async function connect(
  driver: PgDriver,
  url: string,
  options: ConnectOptions,
  /** given the client before it connects, so that a connection still being made can be closed */
  onClient?: (client: Client) => void,
): Promise<Client> {
  const config = clientConfig(driver, url, options)
  const label = maskUrl(url)
  try {
    return await connectWith(driver, config, options, label, onClient)
  } catch (e) {
    // libpq's allow and prefer (its default) take an unencrypted connection when the server has no SSL
    const mode = sslModeOf(url, options.env)
    if (!((mode === 'allow' || mode === 'prefer') && /does not support SSL/i.test(String((e as Error).message))))
      throw e
    return connectWith(driver, { ...config, ssl: false }, options, label, onClient)
  }
}

async function connectWith(
  driver: PgDriver,
  config: ClientConfig,
  options: ConnectOptions,
  label: string,
  onClient?: (client: Client) => void,
): Promise<Client> {
  const client = new driver.pg.Client(config)
  onClient?.(client)
  if (!config.password && !options.env.PGPASSWORD) {
    const params = (client as unknown as { connectionParameters: Record<string, unknown> }).connectionParameters
    // asked only when the server wants a password
    ;(client as unknown as { password: () => Promise<string> }).password = () =>
      new Promise((resolve) => driver.pgpass(params, (pass) => resolve(pass ?? '')))
  }
  // a connection lost while idle is reported on the next query; without a listener it would crash the process
  client.on('error', () => {})
  try {
    await client.connect()
  } catch (e) {
    throw unavailable(label, e, 'connect')
  }
  return client
}

const NETWORK: Record<string, string> = {
  ECONNREFUSED: 'connection refused (is the server running, and listening on that host and port?)',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found (name resolution failed)',
  ETIMEDOUT: 'the server did not answer in time',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ECONNRESET: 'the connection was reset by the server',
  EPIPE: 'the connection was closed by the server',
}

const SQLSTATE: Record<string, string> = {
  '28P01': 'password authentication failed (check the URL, PGPASSWORD or ~/.pgpass)',
  '28000': 'the server refused this user or host (pg_hba.conf)',
  '3D000': 'the database does not exist (create it, e.g. createdb)',
  '42501': 'permission denied (the user needs rights on the regdesk_* tables, or CREATE to make them)',
  '57P01': 'the server was shut down',
  '57P03': 'the server is starting up or shutting down',
  '53300': 'the server has too many connections',
  '55P03': 'another regdesk change held the ticket for over 60 s (lock timeout)',
  '25P03': 'the transaction stayed idle too long and the server ended it',
}

/**
 * A driver or server failure as one sentence naming the store (password masked), never with
 * the driver's stack. `when` says what was being done.
 */
export function unavailable(label: string, e: unknown, when: 'connect' | 'query' | 'commit'): StoreUnavailableError {
  const err = e as { code?: string; message?: string }
  const code = err.code ?? ''
  const lost = /Connection terminated|connection.*(lost|closed|ended)|not queryable|ECONNRESET|EPIPE/i.test(
    `${err.message ?? ''} ${code}`,
  )
  let why: string
  if (NETWORK[code]) why = NETWORK[code]
  else if (SQLSTATE[code]) why = SQLSTATE[code]
  else if (/timeout/i.test(err.message ?? '')) why = 'the server did not answer in time'
  else if (lost) why = 'the connection to the server was lost'
  else if (/SSL|certificate|self.signed/i.test(`${err.message ?? ''} ${code}`))
    why = `SSL: ${oneLine(err.message ?? code)} (see sslmode)`
  else why = oneLine(err.message ?? String(e))
  const outcome =
    when === 'connect'
      ? 'nothing was read or changed'
      : when === 'commit'
        ? 'the change may not have been saved: check with `tickets show` before repeating it'
        : 'nothing was changed'
  const verb = when === 'connect' ? 'cannot connect to' : 'lost'
  return new StoreUnavailableError(
    verb === 'lost'
      ? `the PostgreSQL store ${label} failed: ${why}; ${outcome}`
      : `cannot connect to the PostgreSQL store ${label}: ${why}; ${outcome}`,
  )
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 200)
}
