import {
  closeSync,
  constants,
  copyFileSync,
  existsSync,
  fsyncSync,
  openSync,
  readSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs'
import { dirname } from 'node:path'
import { renameOver, tempName, writeTemp } from '../../data/atomic-file.js'
import { explain } from '../../data/errno.js'
import { DataError, NotFoundError, RegdeskError } from '../../errors.js'
import { formatId, maxIdsOf } from '../../ticket/ids.js'
import type { Ticket } from '../../ticket/ticket.js'
import { checkedTicket as checked, validateTickets } from '../../ticket/validate.js'
import { isEmptyFilter, matchesFilter } from '../filter.js'
import { applyIntake, storedByOrigin } from '../intake.js'
import type {
  Change,
  ChangeMany,
  IntakeItem,
  IntakeOutcome,
  StoreInfo,
  TicketFilter,
  TicketStore,
} from '../ticket-store.js'
import { type FileStamp, readStamped, resolveLink, sameStamp, stampNow } from './atomic-file.js'
import {
  CANONICAL_TAIL,
  canonicalTickets,
  emptyStore,
  findLine,
  isCanonical,
  parseStore,
  STORE_FORMAT,
  type StoreData,
  storeParts,
} from './layout.js'
import { type HeldLock, type LockOptions, lockStore } from './lock.js'
import { Sidecars } from './sidecars.js'
import {
  appendSummaryLine,
  eachSummaryTicket,
  replaceSummaryLine,
  restamp,
  summaryParts,
  summaryStamped,
} from './summary.js'

export interface JsonFileStoreOptions extends LockOptions {
  /**
   * Test hook, called after the temporary file is written and synced, before the rename: the
   * crash tests make it kill the process there (REGDESK_TEST_CRASH_BEFORE_RENAME).
   */
  beforeRename?: () => void
}

/** What is known of the store file: its identity, its number of tickets, the highest id number per prefix. */
interface Known {
  stamp: FileStamp
  count: number
  maxIds: Record<string, number>
}

/** The store's bytes, validated now or when regdesk wrote them. */
interface Trusted extends Known {
  bytes: Buffer
  /** the tickets, when the bytes were parsed and validated to get here */
  data?: StoreData
}

/**
 * The tickets of a store regdesk wrote in the canonical layout, parsed a line at a time (layout.ts
 * canonicalTickets), as parseStore gives them for a trusted file: decoding 100 MB line by line is a third faster than
 * as one string. Undefined for any other layout, or a line that does not parse (parseStore then says where).
 */
function trustedTickets(bytes: Buffer): StoreData | undefined {
  if (!isCanonical(bytes)) return undefined
  try {
    return { format: STORE_FORMAT, tickets: [...canonicalTickets(bytes)] }
  } catch {
    return undefined
  }
}

/**
 * Checks the store after an intake added tickets (`all` holds them, and the `updated` ones) with one pass over it.
 * Each ticket is valid alone when the whole store is valid, so a store without a problem needs nothing more; one
 * with a problem is refused with the error the checks ticket by ticket would have given first: of an updated
 * ticket, then of an added one (checkedTicket), else of the store as a whole (a duplicate id or origin). Of the
 * tickets in `checkedAlone` (store/intake.ts applyIntake) only the ids and origins are checked (validateTickets).
 * @throws Error for an invalid changed ticket, RegdeskError for a store that would be invalid
 */
function checkIntake(
  all: readonly Ticket[],
  added: readonly Ticket[],
  updated: readonly Ticket[],
  checkedAlone: ReadonlySet<Ticket>,
): void {
  const problem = validateTickets(all, checkedAlone)[0]
  if (!problem) return
  for (const t of updated) checked(t)
  for (const t of added) checked(t)
  throw new RegdeskError(`refusing to store an invalid ticket: ${problem.path}: ${problem.message}`)
}

/**
 * The ticket store as one JSON file, for one agent (the default). Every change takes an
 * exclusive lock (lock.ts), reads and validates the file, changes it, and replaces it atomically
 * (atomic-file.ts). Readers take no lock: they see the old file or the new one, never half of
 * one. An invalid file is never written over. The sidecars (sidecars.ts) let an append or a
 * one-ticket change skip parsing the whole file when it is exactly the one regdesk last wrote,
 * and let a report read the summary; the canonical layout (layout.ts, one ticket per line) is
 * what makes a one-ticket change a splice.
 */
export class JsonFileStore implements TicketStore {
  /** the file operated on: `file`, or the target when `file` is a symbolic link (atomic-file.ts resolveLink) */
  private path: string
  private sidecars: Sidecars

  constructor(
    readonly file: string,
    private readonly options: JsonFileStoreOptions = {},
  ) {
    this.path = file
    this.sidecars = new Sidecars(file)
  }

  get label(): string {
    return this.file
  }

  /** Whether the store's file is there (a missing file is an empty store, made by the first write). */
  exists(): boolean {
    return existsSync(this.path)
  }

  /**
   * The folder a first write would need and may not make, when the file is not there yet: the store's own folder is
   * made, the folders above it only for the default store (lock.ts); undefined when the first write can make it.
   */
  missingFolder(): string | undefined {
    if (this.options.makeParentFolders !== false || existsSync(this.path)) return undefined
    const dir = dirname(this.path)
    if (existsSync(dir) || existsSync(dirname(dir))) return undefined
    return dirname(dir)
  }

  /**
   * The store as it is; a missing file is an empty store. The tickets are validated unless the
   * file is exactly the one regdesk validated and wrote (Meta). @throws DataError when invalid
   */
  read(): StoreData {
    this.resolve()
    const file = readStamped(this.path, this.file)
    return file ? this.parse(file) : emptyStore()
  }

  async get(id: string): Promise<Ticket> {
    return this.ticket(id)
  }

  /**
   * One ticket: from its own line when the file is exactly what regdesk wrote (no parse of the
   * rest), else from the whole store, read and validated. @throws NotFoundError, DataError
   */
  ticket(id: string): Ticket {
    this.resolve()
    const file = readStamped(this.path, this.file)
    const meta = file && this.sidecars.readMeta()
    const line = file && meta && sameStamp(meta, file.stamp) ? findLine(file.bytes, id) : undefined
    // not on a line of its own, or not there: looked for in the bytes already read
    const found =
      file && line
        ? (JSON.parse(file.bytes.toString('utf8', line.start, line.end)) as Ticket)
        : file && this.parse(file).tickets.find((t) => t.id === id)
    if (!found) throw new NotFoundError(`no ticket ${id} in the store`)
    return found
  }

  async *list(filter: TicketFilter = {}): AsyncGenerator<Ticket> {
    // `overdue` looks at every open ticket: one JSON.parse of the whole file is faster than one
    // per line. Other lists stream line by line, so 100,000 tickets are never all in memory.
    if (filter.attention) {
      for (const t of this.read().tickets) if (matchesFilter(t, filter)) yield t
      return
    }
    const all = isEmptyFilter(filter)
    for (const t of this.eachTicket()) if (all || matchesFilter(t, filter)) yield t
  }

  /**
   * The tickets one at a time, for a command that reads each once (tickets list): a store that is
   * exactly what regdesk wrote is read a line (a ticket) at a time, so there is no 200 MB string
   * and each ticket is garbage once used; any other store is read and validated whole first.
   * @throws DataError when the store is invalid
   */
  *eachTicket(): Generator<Ticket> {
    this.resolve()
    const file = readStamped(this.path, this.file)
    if (!file) return
    const meta = this.sidecars.readMeta()
    if (!meta || !sameStamp(meta, file.stamp) || !isCanonical(file.bytes)) {
      yield* this.parseUntrusted(file.bytes).tickets
      return
    }
    yield* canonicalTickets(file.bytes)
  }

  async scanSummaries(
    filters: readonly TicketFilter[],
    visit: (ticket: Ticket, matched: readonly boolean[]) => void,
    restart: () => void,
  ): Promise<void> {
    const all = filters.map(isEmptyFilter)
    this.eachSummary((t) => {
      const matched = filters.map((f, i) => all[i] || matchesFilter(t, f))
      if (matched.includes(true)) visit(t, matched)
    }, restart)
  }

  /**
   * The tickets as the summary beside the store keeps them (no free text), one at a time: from the summary when it
   * describes the file on disk, else from the store itself, read and validated (whole tickets, a superset of their
   * summaries), after which the summary is written afresh for the next reader. A summary found damaged part-way is
   * given up for the store, after `restart`. @throws DataError when the store is invalid
   */
  private eachSummary(visit: (ticket: Ticket) => void, restart: () => void): void {
    this.resolve()
    const before = stampNow(this.path)
    if (!before) return
    const summary = this.sidecars.readSummary()
    if (summary !== undefined) {
      let visited = false
      const whole = eachSummaryTicket(summary, before, (t) => {
        visited = true
        visit(t)
      })
      if (whole) return
      if (visited) restart()
    }
    const file = readStamped(this.path, this.file)
    if (!file) return
    const data = this.parse(file)
    // stamped with the identity of the bytes read; not written when a writer has replaced the store
    // meanwhile (its own summary, for the new file, stays)
    const now = stampNow(this.path)
    if (now && sameStamp(now, file.stamp)) this.sidecars.writeSummary(summaryParts(data.tickets, file.stamp))
    for (const t of data.tickets) visit(t)
  }

  async count(): Promise<number> {
    const known = this.trustedMeta()
    return known ? known.count : this.read().tickets.length
  }

  async info(): Promise<StoreInfo> {
    this.resolve()
    const file = readStamped(this.path, this.file)
    let version = STORE_FORMAT
    if (file) {
      const m = /^\s*\{\s*"format"\s*:\s*(\d+)/.exec(file.bytes.toString('utf8', 0, 64))
      if (m?.[1]) version = Number(m[1])
    }
    const sizeOf = (f: string) => {
      try {
        return statSync(f).size
      } catch {
        return 0
      }
    }
    // a store of a newer regdesk is not read (it would be refused), only said: what `store info` is run for
    const count = !file ? 0 : version > STORE_FORMAT ? null : this.parse(file).tickets.length
    return {
      backend: 'json-file',
      location: this.file === this.path ? this.file : `${this.file} → ${this.path}`,
      version,
      currentVersion: STORE_FORMAT,
      tickets: count,
      bytes: sizeOf(this.path),
      details: {
        meta: sizeOf(this.sidecars.metaFile),
        summary: sizeOf(this.sidecars.summaryFile),
        exists: file ? 'yes' : absence(this.missingFolder()),
      },
    }
  }

  async prepare(): Promise<void> {
    // a file is opened when it is read
  }

  async close(): Promise<void> {
    // nothing is held between calls
  }

  /**
   * Runs `change` on the validated store under the lock, and writes the result if it changed anything. `written` is
   * told the share of the writing done (0 to 1), as it goes.
   */
  async update<T>(change: (data: StoreData) => Change<T>, written?: (share: number) => void): Promise<T> {
    return this.locked(() => {
      const data = this.read()
      const { result, changed } = change(data)
      if (changed || data.migratedFrom) this.writeAll(data, written)
      return result
    })
  }

  async changeMany<T>(filter: TicketFilter, fn: (tickets: Ticket[]) => ChangeMany<T>): Promise<T> {
    return this.update((data) => {
      const { result, changed } = fn(data.tickets.filter((t) => matchesFilter(t, filter)))
      for (const t of changed) checked(t)
      return { result, changed: changed.length > 0 }
    })
  }

  async intake(items: readonly IntakeItem[], onProgress?: (stored: number) => void): Promise<IntakeOutcome[]> {
    if (!items.length) return []
    // the items are stored as the whole file and its summary are written: their share of it, told as it goes
    const written = countedShare(onProgress, items.length)
    return this.update((data) => {
      const stored = storedByOrigin(data.tickets)
      const last = maxIdsOf(data.tickets)
      const { outcomes, added, updated, checkedAlone } = applyIntake(items, stored, (item) => {
        const n = (last[item.prefix] ?? 0) + 1
        last[item.prefix] = n
        return formatId(item.prefix, n)
      })
      if (added.length) {
        for (const t of added) data.tickets.push(t)
        checkIntake(data.tickets, added, updated, checkedAlone)
      } else for (const t of updated) checked(t)
      return { result: outcomes, changed: added.length + updated.length > 0 }
    }, written)
  }

  async importTickets(tickets: readonly Ticket[], onProgress?: (copied: number) => void): Promise<void> {
    if (!tickets.length) return
    const written = countedShare(onProgress, tickets.length)
    await this.update((data) => {
      const have = new Set(data.tickets.map((t) => t.id))
      const clash = tickets.find((t) => have.has(t.id))
      if (clash) throw new RegdeskError(`ticket ${clash.id} is already in ${this.file}; nothing was copied`)
      for (const t of tickets) data.tickets.push(checked(t))
      const problem = validateTickets(data.tickets)[0]
      if (problem) throw new RegdeskError(`refusing to store an invalid ticket: ${problem.path}: ${problem.message}`)
      return { result: undefined, changed: true }
    }, written)
  }

  /**
   * Changes the ticket `id` under the lock. When the file is the one regdesk last wrote (Meta)
   * only that ticket's line is read and replaced; otherwise the whole store is read and
   * validated first. @throws NotFoundError when there is no such ticket
   */
  async change<T>(id: string, change: (ticket: Ticket) => Change<T>): Promise<T> {
    return this.locked(() => {
      const trusted = this.trusted() ?? this.validated()
      if (!trusted) throw new NotFoundError(`no ticket ${id} in the store`)
      const line = findLine(trusted.bytes, id)
      if (!line) {
        // not a line of its own (a hand-formatted store, a ticket whose id is not its first key, an
        // older format) or not there: looked for in the whole store, written back canonical
        const data = trusted.data ?? parseStore(trusted.bytes.toString('utf8'), this.file)
        const ticket = data.tickets.find((t) => t.id === id)
        if (!ticket) throw new NotFoundError(`no ticket ${id} in the store`)
        const { result, changed } = change(ticket)
        if (changed) checked(ticket)
        if (changed || data.migratedFrom) this.writeAll(data)
        return result
      }
      const ticket = JSON.parse(trusted.bytes.toString('utf8', line.start, line.end)) as Ticket
      const { result, changed } = change(ticket)
      if (changed) {
        const before = trusted.stamp
        this.writeSpliced(trusted.bytes, line.start, line.end, JSON.stringify(checked(ticket)))
        this.afterSplice(before, trusted.count, trusted.maxIds, (summary) => replaceSummaryLine(summary, ticket))
      }
      return result
    })
  }

  /**
   * Adds one ticket, numbered by `make` from the next free id of a prefix. When the file is the
   * one regdesk last wrote (see Meta), the ticket is appended without parsing the file; otherwise
   * the file is read and validated first.
   */
  async insert(prefix: string, make: (id: string) => Ticket): Promise<Ticket> {
    return this.locked(() => {
      const known = this.trustedMeta()
      const fast = known && known.count > 0 ? this.tryAppend(prefix, make, known) : undefined
      if (fast) return fast
      const checkedStore = this.validated()
      if (
        !checkedStore ||
        !isCanonical(checkedStore.bytes) ||
        checkedStore.count === 0 ||
        checkedStore.data?.migratedFrom
      ) {
        const data = checkedStore?.data ?? emptyStore()
        const ticket = checked(make(formatId(prefix, (maxIdsOf(data.tickets)[prefix] ?? 0) + 1)))
        data.tickets.push(ticket)
        this.writeAll(data)
        return ticket
      }
      const { bytes, stamp, count, maxIds } = checkedStore
      const n = (maxIds[prefix] ?? 0) + 1
      const ticket = checked(make(formatId(prefix, n)))
      const at = bytes.length - CANONICAL_TAIL.length
      this.writeSpliced(bytes, at, at, `,\n${JSON.stringify(ticket)}`)
      this.afterSplice(stamp, count + 1, { ...maxIds, [prefix]: n }, (summary) => appendSummaryLine(summary, ticket))
      return ticket
    })
  }

  /** Runs `fn` holding the store's lock; a lock taken over meanwhile fails the write (commit). */
  private async locked<T>(fn: () => T): Promise<T> {
    this.resolve()
    this.lock = await lockStore(this.path, this.file, this.options)
    try {
      return fn()
    } finally {
      await this.lock.release()
      this.lock = undefined
    }
  }

  private lock: HeldLock | undefined

  /**
   * Appends to a copy of the file without reading it (the file is the one regdesk last wrote);
   * undefined when its end is not the canonical one.
   */
  private tryAppend(prefix: string, make: (id: string) => Ticket, known: Known): Ticket | undefined {
    const size = Number(known.stamp.size)
    const tmp = tempName(this.path)
    copyFileSync(this.path, tmp, constants.COPYFILE_EXCL)
    let ticket: Ticket | undefined
    const n = (known.maxIds[prefix] ?? 0) + 1
    const fd = openSync(tmp, 'r+')
    try {
      const tail = Buffer.alloc(CANONICAL_TAIL.length)
      readSync(fd, tail, 0, tail.length, size - tail.length)
      if (tail.toString('utf8') === CANONICAL_TAIL) {
        ticket = checked(make(formatId(prefix, n)))
        writeSync(fd, `,\n${JSON.stringify(ticket)}${CANONICAL_TAIL}`, size - CANONICAL_TAIL.length)
        fsyncSync(fd)
      }
    } finally {
      closeSync(fd)
    }
    if (!ticket) {
      unlinkSync(tmp)
      return undefined
    }
    this.commit(tmp)
    const added = ticket
    this.afterSplice(known.stamp, known.count + 1, { ...known.maxIds, [prefix]: n }, (summary) =>
      appendSummaryLine(summary, added),
    )
    return ticket
  }

  private resolve(): void {
    this.path = resolveLink(this.file)
    this.sidecars = new Sidecars(this.path)
  }

  /** The file's tickets, validated unless the file is exactly the one regdesk validated and wrote (Meta). */
  private parse(file: { bytes: Buffer; stamp: FileStamp }): StoreData {
    const meta = this.sidecars.readMeta()
    const trusted = meta !== undefined && sameStamp(meta, file.stamp)
    if (!trusted) return this.parseUntrusted(file.bytes)
    return trustedTickets(file.bytes) || parseStore(file.bytes.toString('utf8'), this.file, { trusted })
  }

  /** What the sidecar knows of the file, when the file is exactly what regdesk last wrote. */
  private trustedMeta(): Known | undefined {
    this.resolve()
    const meta = this.sidecars.readMeta()
    const stamp = stampNow(this.path)
    if (!meta || !stamp || !sameStamp(meta, stamp)) return undefined
    return { stamp, count: meta.count, maxIds: meta.maxIds }
  }

  /** The store's bytes without validating them, when the file is exactly what regdesk last wrote. */
  private trusted(): Trusted | undefined {
    const meta = this.sidecars.readMeta()
    if (!meta) return undefined
    const file = readStamped(this.path, this.file)
    if (!file || !sameStamp(meta, file.stamp)) return undefined
    return { stamp: file.stamp, count: meta.count, maxIds: meta.maxIds, bytes: file.bytes }
  }

  /** The store's bytes, read and validated in full (the file changed outside regdesk); undefined when missing. */
  private validated(): Trusted | undefined {
    const file = readStamped(this.path, this.file)
    if (!file) return undefined
    const data = this.parseUntrusted(file.bytes)
    return { ...file, count: data.tickets.length, maxIds: maxIdsOf(data.tickets), data }
  }

  /**
   * The tickets of a file regdesk did not last write (parseStore). A file of no bytes is a store nobody has written
   * yet, unless the sidecar says regdesk wrote it with tickets: then they were lost outside regdesk (a truncation, a
   * disk that filled), and the next write would make the loss final.
   * @throws DataError
   */
  private parseUntrusted(bytes: Buffer): StoreData {
    const meta = bytes.length === 0 ? this.sidecars.readMeta() : undefined
    if (meta && meta.count > 0)
      throw new DataError([
        {
          file: this.file,
          line: 1,
          col: 1,
          path: '',
          message: `the ticket store is empty, yet regdesk last wrote it with ${meta.count} ticket(s) (${this.file}.meta): it was cut short outside regdesk; restore it from a copy (or delete ${this.file}.meta to start an empty store); nothing was changed`,
          severity: 'error',
        },
      ])
    return parseStore(bytes.toString('utf8'), this.file)
  }

  private writeAll(data: StoreData, written?: (share: number) => void): void {
    if (data.migratedFrom) this.keepBackup(data.migratedFrom)
    // the store and its summary have a part per ticket and one between two: half the writing each
    const parts = 2 * data.tickets.length + 2
    this.commit(writeTemp(this.path, told(storeParts(data), parts, 0, written)))
    delete data.migratedFrom
    const stamp = stampNow(this.path)
    if (stamp) {
      this.sidecars.writeSummary(told(summaryParts(data.tickets, stamp), parts, parts, written))
      this.sidecars.writeMeta(stamp, data.tickets.length, maxIdsOf(data.tickets))
    }
    written?.(1)
  }

  /**
   * Before a store of an older format is first written in the new one: a copy of it as it was,
   * `<store>.format<N>.bak`, kept (never overwritten) for a downgrade or an audit.
   */
  private keepBackup(format: number): void {
    try {
      copyFileSync(this.path, `${this.path}.format${format}.bak`, constants.COPYFILE_EXCL)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST')
        throw new RegdeskError(
          `cannot keep a copy of the store before upgrading its format (${(e as NodeJS.ErrnoException).code}); nothing was changed`,
        )
    }
  }

  /** Writes `bytes` with [start, end) replaced by `text`, as the new store. */
  private writeSpliced(bytes: Buffer, start: number, end: number, text: string): void {
    this.commit(writeTemp(this.path, [bytes.subarray(0, start), Buffer.from(text), bytes.subarray(end)]))
  }

  /**
   * After a one-ticket write: the sidecars follow. The summary is changed by `edit` when it
   * described the store as it was before the write; otherwise it is removed (the next report
   * writes it afresh).
   */
  private afterSplice(
    before: FileStamp,
    count: number,
    maxIds: Record<string, number>,
    edit: (summary: string) => string | undefined,
  ): void {
    const stamp = stampNow(this.path)
    if (!stamp) return
    const summary = this.sidecars.readSummary()
    const edited = summary !== undefined && summaryStamped(summary, before) ? edit(summary) : undefined
    if (edited === undefined) this.sidecars.removeSummary()
    else this.sidecars.writeSummary(restamp(edited, stamp))
    this.sidecars.writeMeta(stamp, count, maxIds)
  }

  /** Renames the synced temporary file over the store, unless the lock was lost meanwhile. */
  private commit(tmp: string): void {
    this.options.beforeRename?.()
    const lost = this.lock?.lost()
    if (lost) {
      unlinkSync(tmp)
      throw new RegdeskError(
        `lost the lock of the ticket store ${this.file} while writing (${lost.message}); nothing was changed, try again`,
      )
    }
    try {
      renameOver(tmp, this.path)
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code
      throw new RegdeskError(`cannot replace the ticket store ${this.file} (${explain(code)}); nothing was changed`)
    }
  }
}

/** A teller of how many of `count` things are written, as a teller of the share of the writing done (writeAll's). */
function countedShare(
  onProgress: ((done: number) => void) | undefined,
  count: number,
): ((share: number) => void) | undefined {
  return onProgress && ((share) => onProgress(Math.floor(share * count)))
}

/** How many parts are written between two reports of a long write's progress. */
const TELL_EVERY = 4096

/**
 * `parts` as they are, telling `written` the share of a write of `2 × total` parts done, `before` of them already
 * written (a file store's write is its store, then its summary).
 */
function* told<P>(
  parts: Iterable<P>,
  total: number,
  before: number,
  written: ((share: number) => void) | undefined,
): Generator<P> {
  if (!written) {
    yield* parts
    return
  }
  let n = before
  for (const part of parts) {
    yield part
    if (++n % TELL_EVERY === 0) written(n / (2 * total))
  }
}

/** Why a store file is not there, as `store info` says it: made by the first write, or not, for want of its folder. */
function absence(missingFolder: string | undefined): string {
  return missingFolder ? `no, and there is no folder ${missingFolder} to make it in` : 'no (created on the first write)'
}
