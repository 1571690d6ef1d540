import type { Issue } from '../../data/issue.js'
import { positionOf } from '../../data/position.js'
import { DataError } from '../../errors.js'
import type { Ticket } from '../../ticket/ticket.js'
import { asTickets, findJsonError, type TicketProblem, validateTickets } from '../../ticket/validate.js'
import { MigrationError, migrate } from './migrations.js'

/**
 * The store file format this version writes; older formats are migrated on read (migrations.ts)
 * and written in this one at the next change, a copy of the old file kept beside it.
 * 2: reaction windows recorded on each ticket (`windows`).
 */
export const STORE_FORMAT = 2

export interface StoreData {
  format: number
  tickets: Ticket[]
  /** the format the file was in when it was older than STORE_FORMAT */
  migratedFrom?: number
}

export function emptyStore(): StoreData {
  return { format: STORE_FORMAT, tickets: [] }
}

export const STORE_HEADER = `{"format":${STORE_FORMAT},"tickets":[`

/**
 * Reads the text of a store file: JSON syntax, the container, the format (migrating older ones,
 * refusing newer ones), every ticket. Pure: text in, store or DataError out, positions as
 * file:line:column (syntax) or the ticket id and field (schema).
 */
export function parseStore(raw: string, file: string, options: { trusted?: boolean } = {}): StoreData {
  // a byte-order mark an editor (Notepad) put before the JSON: not JSON, yet no reason to refuse the tickets after it;
  // the next write leaves it out
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw
  const issue = (offset: number, path: string, message: string): Issue => ({
    file,
    ...positionOf(text, offset),
    path,
    message,
    severity: 'error',
  })
  // a file of no bytes is a store nobody has written yet (`touch tickets.json`): regdesk never leaves one, it
  // replaces the file whole; a file of only blanks is not that, and is refused below
  if (text.length === 0) return { format: STORE_FORMAT, tickets: [] }
  if (!text.trim())
    throw new DataError([
      issue(0, '', `the ticket store is empty (truncated?); expected {"format": ${STORE_FORMAT}, "tickets": […]}`),
    ])
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    const err = findJsonError(text) ?? { offset: 0, message: 'not valid JSON' }
    throw new DataError([issue(err.offset, '', `the ticket store is not valid JSON: ${err.message}`)])
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    throw new DataError([issue(0, '', `expected an object {"format": ${STORE_FORMAT}, "tickets": […]}`)])
  let container = data as Record<string, unknown>
  const format = container.format
  const formatAt = keyOffset(text, 'format', 0)
  if (typeof format !== 'number' || !Number.isInteger(format) || format < 1)
    throw new DataError([issue(formatAt, 'format', `expected "format": ${STORE_FORMAT} (a whole number)`)])
  if (format > STORE_FORMAT)
    throw new DataError([
      issue(
        formatAt,
        'format',
        `written by a newer regdesk (store format ${format}; this version reads formats up to ${STORE_FORMAT}): upgrade regdesk to use it; the file was left as it is`,
      ),
    ])
  if (format < STORE_FORMAT) {
    try {
      container = migrate(container, STORE_FORMAT)
    } catch (e) {
      if (e instanceof MigrationError) throw new DataError([issue(formatAt, 'format', e.message)])
      throw e
    }
  }
  // a file regdesk validated when it wrote it, unchanged since (see JsonFileStore): the tickets are not checked again
  const problems = options.trusted && format === STORE_FORMAT ? [] : validateTickets(container.tickets)
  if (problems.length)
    throw new DataError(problems.map((p) => issue(problemOffset(text, p), problemPath(p), problemMessage(p))))
  return {
    format: STORE_FORMAT,
    tickets: asTickets(container.tickets),
    // an older store with tickets is rewritten in this format at the next change, a copy kept; an
    // empty one has nothing to keep
    ...(format < STORE_FORMAT && (container.tickets as unknown[]).length ? { migratedFrom: format } : {}),
  }
}

/**
 * The canonical text of a store: one ticket per line, so line numbers name tickets, diffs stay
 * small and an append only touches the end.
 */
export function serializeStore(data: StoreData): string {
  return [...storeParts(data)].join('')
}

/**
 * The canonical text of a store (serializeStore) in parts, a ticket's JSON and what follows it, for writing
 * (src/data/atomic-file.ts FileSink): a store of 100,000 tickets is 100 MB, which as one string is a rope of
 * 200,000 pieces, flattened and encoded whole before a byte is written.
 */
export function* storeParts(data: StoreData): Generator<string> {
  if (!data.tickets.length) {
    yield `${STORE_HEADER}]}\n`
    return
  }
  yield `${STORE_HEADER}\n`
  const last = data.tickets.length - 1
  for (let i = 0; i < last; i++) {
    yield JSON.stringify(data.tickets[i])
    yield ',\n'
  }
  yield JSON.stringify(data.tickets[last])
  yield '\n]}\n'
}

/** The end of a non-empty canonical store, which an append replaces: `…\n]}\n`. */
export const CANONICAL_TAIL = '\n]}\n'

/** Whether the bytes are in the canonical layout regdesk writes (serializeStore), with a ticket at least. */
export function isCanonical(bytes: Buffer): boolean {
  const head = `${STORE_HEADER}\n`
  return (
    bytes.length > head.length + CANONICAL_TAIL.length &&
    bytes.toString('utf8', 0, head.length) === head &&
    bytes.toString('utf8', bytes.length - CANONICAL_TAIL.length) === CANONICAL_TAIL
  )
}

/**
 * The byte range of ticket `id`'s JSON in a canonical store: a line that starts with its id.
 * A line break never occurs inside JSON text (strings escape it), so the match is exact.
 */
export function findLine(bytes: Buffer, id: string): { start: number; end: number } | undefined {
  if (!isCanonical(bytes)) return undefined
  const at = bytes.indexOf(`\n{"id":${JSON.stringify(id)},`)
  if (at < 0) return undefined
  const start = at + 1
  const lineEnd = bytes.indexOf(10, start)
  // every line but the last ends with the comma that separates tickets
  const end = bytes[lineEnd - 1] === 0x2c ? lineEnd - 1 : lineEnd
  return { start, end }
}

/** The tickets of a canonical store one line at a time, without parsing the rest. */
export function* canonicalTickets(bytes: Buffer): Generator<Ticket> {
  const last = bytes.length - CANONICAL_TAIL.length
  for (let start = bytes.indexOf(10) + 1; start < last; ) {
    const lineEnd = Math.min(bytes.indexOf(10, start), last)
    // every line but the last ends with the comma that separates tickets
    yield JSON.parse(bytes.toString('utf8', start, bytes[lineEnd - 1] === 0x2c ? lineEnd - 1 : lineEnd)) as Ticket
    start = lineEnd + 1
  }
}

function problemPath(p: TicketProblem): string {
  if (p.index < 0) return 'tickets'
  return `tickets[${p.index}]${p.path ? `.${p.path}` : ''}`
}

function problemMessage(p: TicketProblem): string {
  // the list itself («"tickets" must be a list»): no ticket to name
  if (p.index < 0) return p.message
  const who = p.id ? `ticket ${p.id}` : `ticket #${p.index + 1}`
  return `${who}: ${p.path ? `${p.path}: ` : ''}${p.message}`
}

/** Where a problem is: at its field inside the ticket when it can be found, else the ticket. */
function problemOffset(text: string, p: TicketProblem): number {
  if (p.index < 0) return keyOffset(text, 'tickets', 0)
  let start = -1
  let end = text.length
  // canonical layout: ticket i is on line i + 2 (a repeated id is found where it repeats, not where it is first)
  const line = text.startsWith(STORE_HEADER) ? canonicalLine(text, p.index) : -1
  if (line >= 0 && (!p.id || text.startsWith(`{"id":${JSON.stringify(p.id)}`, line))) {
    start = line
    const lineEnd = text.indexOf('\n', line)
    end = lineEnd === -1 ? text.length : lineEnd
  } else if (p.id) {
    const re = new RegExp(`"id"\\s*:\\s*"${p.id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`, 'g')
    const m = re.exec(text)
    if (m) {
      start = m.index
      const next = /"id"\s*:/g
      next.lastIndex = re.lastIndex
      end = next.exec(text)?.index ?? text.length
    }
  }
  // a canonical file without the id where it should be: still the ticket's line
  if (start < 0 && line >= 0) start = line
  if (start < 0) return 0
  const key = /^[a-z_]+/.exec(p.path)?.[0]
  if (!key) return start
  // the key may come before "id" in a hand-formatted ticket: look from the ticket's opening brace
  const from = Math.max(0, text.lastIndexOf('{', start))
  const found = keyOffset(text, key, from)
  return found >= from && found < end ? found : start
}

/** Where line `index` + 2 of a text begins (ticket `index` of a canonical store); -1 past the end. */
function canonicalLine(text: string, index: number): number {
  let at = text.indexOf('\n')
  for (let i = 0; i < index && at !== -1; i++) at = text.indexOf('\n', at + 1)
  return at === -1 ? -1 : at + 1
}

function keyOffset(text: string, key: string, from: number): number {
  const re = new RegExp(`"${key}"\\s*:`, 'g')
  re.lastIndex = from
  return re.exec(text)?.index ?? 0
}
