import { randomBytes } from 'node:crypto'
import {
  accessSync,
  type BigIntStats,
  closeSync,
  constants,
  copyFileSync,
  fstatSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  readSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs'
import { basename, dirname, join } from 'node:path'
import lockfile from 'proper-lockfile'
import { NotFoundError, RegdeskError } from '../errors.js'
import { formatId, nextId } from './ids.js'
import { CANONICAL_TAIL, parseStore, STORE_HEADER, serializeStore } from './parse.js'
import {
  type FileStamp,
  parseSummary,
  SUMMARY_HEAD,
  sameStamp,
  summaryLine,
  summaryStamped,
  summaryTail,
  summaryText,
} from './summary.js'
import { emptyStore, STORE_FORMAT, type StoreData, type Ticket } from './ticket.js'
import { validateTickets } from './validate.js'

export interface JsonFileStoreOptions {
  /** how long a writer waits for another writer's lock, ms (default 60 s) */
  lockTimeoutMs?: number
  /** a lock not refreshed for this long belongs to a crashed process and is taken over (default 10 s) */
  staleMs?: number
  /**
   * Test hook, called after the temporary file is written and synced, before the rename: the
   * crash tests make it kill the process there (REGDESK_TEST_CRASH_BEFORE_RENAME).
   */
  beforeRename?: () => void
}

/** What a change did: its result, and whether the store must be written. */
export interface Change<T> {
  result: T
  changed: boolean
}

/**
 * What the last writer knew of the file it wrote: if the file still has that identity (device,
 * inode, size, mtime to the nanosecond), it is exactly what regdesk validated and wrote, and an
 * append need not parse 100 MB again. Anything else (a hand edit, a crash before this sidecar
 * was rewritten, an unreadable sidecar) falls back to the full read-validate-write.
 */
interface Meta extends FileStamp {
  format: number
  count: number
  maxIds: Record<string, number>
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
 * The ticket store: one JSON file. Every mutation takes an exclusive lock (proper-lockfile,
 * a `<file>.lock` directory, stale locks of crashed writers taken over), reads and validates the
 * file, changes it, writes a temporary file in the same directory (fsync) and renames it over the
 * store (then fsyncs the directory). Readers take no lock: a rename is atomic, so they see the old
 * file or the new one, never half of one. An invalid file is never written over.
 */
export class JsonFileStore {
  private compromised: Error | undefined
  /** the file operated on: `file`, or the target when `file` is a symbolic link (see resolve) */
  private path: string

  constructor(
    readonly file: string,
    private readonly options: JsonFileStoreOptions = {},
  ) {
    this.path = file
  }

  /**
   * The store as it is; a missing file is an empty store. The tickets are validated unless the
   * file is exactly the one regdesk validated and wrote (Meta). @throws DataError when invalid
   */
  read(): StoreData {
    this.resolve()
    return this.readStamped()?.data ?? emptyStore()
  }

  /** The store and the identity of the bytes it was parsed from; undefined when there is no file. */
  private readStamped(): { data: StoreData; stamp: FileStamp } | undefined {
    const file = this.readFile()
    if (!file) return undefined
    return { data: this.parse(file), stamp: file.stamp }
  }

  /** The file's tickets, validated unless the file is exactly the one regdesk validated and wrote (Meta). */
  private parse(file: { bytes: Buffer; stamp: FileStamp }): StoreData {
    const meta = this.readMeta()
    const trusted = meta !== undefined && sameStamp(meta, file.stamp)
    return parseStore(file.bytes.toString('utf8'), this.file, { trusted })
  }

  /**
   * The tickets one at a time, for a command that reads each once (tickets list): a store that is
   * exactly what regdesk wrote is read a line (a ticket) at a time, so there is no 200 MB string
   * and each ticket is garbage once used; any other store is read and validated whole first.
   * @throws DataError when the store is invalid
   */
  *eachTicket(): Generator<Ticket> {
    this.resolve()
    const file = this.readFile()
    if (!file) return
    const meta = this.readMeta()
    if (!meta || !sameStamp(meta, file.stamp) || !isCanonical(file.bytes)) {
      yield* parseStore(file.bytes.toString('utf8'), this.file).tickets
      return
    }
    const bytes = file.bytes
    const last = bytes.length - CANONICAL_TAIL.length
    for (let start = bytes.indexOf(10) + 1; start < last; ) {
      const lineEnd = Math.min(bytes.indexOf(10, start), last)
      // every line but the last ends with the comma that separates tickets
      yield JSON.parse(bytes.toString('utf8', start, bytes[lineEnd - 1] === 0x2c ? lineEnd - 1 : lineEnd)) as Ticket
      start = lineEnd + 1
    }
  }

  /**
   * One ticket: from its own line when the file is exactly what regdesk wrote (no parse of the
   * rest), else from the whole store, read and validated. @throws NotFoundError, DataError
   */
  ticket(id: string): Ticket {
    this.resolve()
    const file = this.readFile()
    const meta = file && this.readMeta()
    const line = file && meta && sameStamp(meta, file.stamp) ? findLine(file.bytes, id) : undefined
    // not on a line of its own, or not there: looked for in the bytes already read
    const found =
      file && line
        ? (JSON.parse(file.bytes.toString('utf8', line.start, line.end)) as Ticket)
        : file && this.parse(file).tickets.find((t) => t.id === id)
    if (!found) throw new NotFoundError(`no ticket ${id} in the store`)
    return found
  }

  /**
   * The tickets as the summary beside the store keeps them (summary.ts: no free text), for
   * commands that need no text: from the summary when it describes the file on disk, else from
   * the store itself, read and validated, after which the summary is written afresh for the
   * next reader. @throws DataError when the store is invalid
   */
  readSummaries(): Ticket[] {
    this.resolve()
    const before = this.stamp()
    if (!before) return []
    const summary = this.readSummaryText()
    const tickets = summary === undefined ? undefined : parseSummary(summary, before)
    if (tickets) return tickets
    const store = this.readStamped()
    if (!store) return []
    // stamped with the identity of the bytes read; not written when a writer has replaced the store
    // meanwhile (its own summary, for the new file, stays)
    const now = this.stamp()
    if (now && sameStamp(now, store.stamp)) this.writeSummary(summaryText(store.data.tickets, store.stamp))
    return store.data.tickets
  }

  /** Runs `change` on the validated store under the lock, and writes the result if it changed anything. */
  async update<T>(change: (data: StoreData) => Change<T>): Promise<T> {
    this.resolve()
    const release = await this.lock()
    try {
      const data = this.read()
      const { result, changed } = change(data)
      if (changed) this.writeAll(data)
      return result
    } finally {
      await release()
    }
  }

  /**
   * Changes the ticket `id` under the lock. When the file is the one regdesk last wrote (Meta)
   * only that ticket's line is read and replaced; otherwise the whole store is read and
   * validated first. @throws NotFoundError when there is no such ticket
   */
  async updateTicket<T>(id: string, change: (ticket: Ticket) => Change<T>): Promise<T> {
    this.resolve()
    const release = await this.lock()
    try {
      const trusted = this.trusted() ?? this.validated()
      if (!trusted) throw new NotFoundError(`no ticket ${id} in the store`)
      const line = findLine(trusted.bytes, id)
      if (!line) {
        // not a line of its own (a hand-formatted store, a ticket whose id is not its first key)
        // or not there: looked for in the whole store, written back in the canonical layout
        const data = trusted.data ?? parseStore(trusted.bytes.toString('utf8'), this.file)
        const ticket = data.tickets.find((t) => t.id === id)
        if (!ticket) throw new NotFoundError(`no ticket ${id} in the store`)
        const { result, changed } = change(ticket)
        if (changed) this.writeAll(data)
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
    } finally {
      await release()
    }
  }

  /**
   * Adds one ticket, numbered by `make` from the next free id of a prefix. When the file is the
   * one regdesk last wrote (see Meta), the ticket is appended without parsing the file; otherwise
   * the file is read and validated first.
   */
  async insert(prefix: string, make: (id: string) => Ticket): Promise<Ticket> {
    this.resolve()
    const release = await this.lock()
    try {
      const known = this.trustedMeta()
      const fast = known && known.count > 0 ? this.tryAppend(prefix, make, known) : undefined
      if (fast) return fast
      const checkedStore = this.validated()
      if (!checkedStore || !isCanonical(checkedStore.bytes) || checkedStore.count === 0) {
        const data = checkedStore?.data ?? emptyStore()
        const ticket = checked(make(nextId(data.tickets, prefix)))
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
    } finally {
      await release()
    }
  }

  /**
   * Appends to a copy of the file without reading it (the file is the one regdesk last wrote);
   * undefined when its end is not the canonical one.
   */
  private tryAppend(prefix: string, make: (id: string) => Ticket, known: Known): Ticket | undefined {
    const size = Number(known.stamp.size)
    const tmp = this.tempName()
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

  /**
   * A store that is a symbolic link (dotfiles, a synced folder) is followed: the lock, the
   * temporary file and the rename happen next to its target, so the link stays a link and two
   * links to one file share one lock. A link to nothing is refused rather than replaced by a file.
   */
  private resolve(): void {
    let link: boolean
    try {
      link = lstatSync(this.file).isSymbolicLink()
    } catch {
      this.path = this.file
      return
    }
    if (!link) {
      this.path = this.file
      return
    }
    try {
      this.path = realpathSync(this.file)
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code
      let target = '?'
      try {
        target = readlinkSync(this.file)
      } catch {
        // the message names the link only
      }
      throw new RegdeskError(
        `the ticket store ${this.file} is a symbolic link to ${target}, which ${code === 'ENOENT' ? 'does not exist' : `cannot be followed (${explain(code)})`}; create the target or point --store at a regular file`,
      )
    }
  }

  /** The file's bytes and the identity of what was read (one descriptor: a rename meanwhile cannot mix two files). */
  private readFile(): { bytes: Buffer; stamp: FileStamp } | undefined {
    let fd: number
    try {
      fd = openSync(this.path, 'r')
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code
      if (code === 'ENOENT') return undefined
      throw new RegdeskError(`cannot read the ticket store ${this.file} (${explain(code)})`)
    }
    try {
      const s = fstatSync(fd, { bigint: true })
      if (s.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' })
      return { bytes: readFileSync(fd), stamp: stampOf(s) }
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code
      throw new RegdeskError(`cannot read the ticket store ${this.file} (${explain(code)})`)
    } finally {
      closeSync(fd)
    }
  }

  /** The file's identity now; undefined when it does not exist. */
  private stamp(): FileStamp | undefined {
    try {
      const s = statSync(this.path, { bigint: true })
      return stampOf(s)
    } catch {
      return undefined
    }
  }

  /** What the sidecar knows of the file, when the file is exactly what regdesk last wrote. */
  private trustedMeta(): Known | undefined {
    const meta = this.readMeta()
    const stamp = this.stamp()
    if (!meta || !stamp || !sameStamp(meta, stamp)) return undefined
    return { stamp, count: meta.count, maxIds: meta.maxIds }
  }

  /** The store's bytes without validating them, when the file is exactly what regdesk last wrote. */
  private trusted(): Trusted | undefined {
    const meta = this.readMeta()
    if (!meta) return undefined
    const file = this.readFile()
    if (!file || !sameStamp(meta, file.stamp)) return undefined
    return { stamp: file.stamp, count: meta.count, maxIds: meta.maxIds, bytes: file.bytes }
  }

  /** The store's bytes, read and validated in full (the file changed outside regdesk); undefined when missing. */
  private validated(): Trusted | undefined {
    const file = this.readFile()
    if (!file) return undefined
    const data = parseStore(file.bytes.toString('utf8'), this.file)
    return { ...file, count: data.tickets.length, maxIds: maxIdsOf(data.tickets), data }
  }

  private async lock(): Promise<() => Promise<void>> {
    const dir = dirname(this.path)
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 })
    } catch (e) {
      throw new RegdeskError(`cannot create the store directory ${dir} (${explain((e as NodeJS.ErrnoException).code)})`)
    }
    try {
      // rename would replace a read-only file without asking: honour the mode instead
      accessSync(this.path, constants.W_OK)
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code
      if (code !== 'ENOENT')
        throw new RegdeskError(`the ticket store ${this.file} is not writable (${explain(code)}); nothing was changed`)
    }
    const timeout = this.options.lockTimeoutMs ?? 60_000
    const started = performance.now()
    for (let attempt = 0; ; attempt++) {
      try {
        const release = await lockfile.lock(this.path, {
          realpath: false,
          lockfilePath: `${this.path}.lock`,
          stale: this.options.staleMs ?? 10_000,
          retries: 0,
          onCompromised: (err) => {
            this.compromised = err
          },
        })
        this.compromised = undefined
        return async () => {
          try {
            await release()
          } catch {
            // already released or taken over: nothing left to undo
          }
        }
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code
        if (code !== 'ELOCKED')
          throw new RegdeskError(
            `cannot lock the ticket store ${this.file} (${code ? explain(code) : (e as Error).message})${code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? `: its directory ${dirname(this.path)} must be writable; nothing was changed` : ''}`,
          )
        if (performance.now() - started > timeout)
          throw new RegdeskError(
            `the ticket store ${this.file} is locked by another regdesk process (waited ${Math.round(timeout / 1000)} s); if none is running, remove ${this.path}.lock`,
          )
        await sleep(5 + Math.random() * Math.min(250, 10 * 1.5 ** attempt))
      }
    }
  }

  private writeAll(data: StoreData): void {
    this.writeFile([Buffer.from(serializeStore(data))])
    const stamp = this.stamp()
    if (!stamp) return
    this.writeSummary(summaryText(data.tickets, stamp))
    this.writeMeta(stamp, data.tickets.length, maxIdsOf(data.tickets))
  }

  /** Writes `bytes` with [start, end) replaced by `text`, as the new store. */
  private writeSpliced(bytes: Buffer, start: number, end: number, text: string): void {
    this.writeFile([bytes.subarray(0, start), Buffer.from(text), bytes.subarray(end)])
  }

  /** A temporary file in the store's directory with `parts`, synced, renamed over the store. */
  private writeFile(parts: readonly Buffer[]): void {
    const tmp = this.tempName()
    let mode = 0o600
    try {
      mode = statSync(this.path).mode & 0o777
    } catch {
      // a new store: private to its owner
    }
    const fd = openSync(tmp, 'wx', mode)
    try {
      for (const part of parts) writeSync(fd, part)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    this.commit(tmp)
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
    const stamp = this.stamp()
    if (!stamp) return
    const summary = this.readSummaryText()
    const edited = summary !== undefined && summaryStamped(summary, before) ? edit(summary) : undefined
    if (edited === undefined) this.removeSummary()
    else this.writeSummary(restamp(edited, stamp))
    this.writeMeta(stamp, count, maxIds)
  }

  /** Renames the synced temporary file over the store, unless the lock was lost meanwhile. */
  private commit(tmp: string): void {
    this.options.beforeRename?.()
    if (this.compromised) {
      unlinkSync(tmp)
      throw new RegdeskError(
        `lost the lock of the ticket store ${this.file} while writing (${this.compromised.message}); nothing was changed, try again`,
      )
    }
    renameSync(tmp, this.path)
    syncDirectory(dirname(this.path))
    this.removeLeftovers()
  }

  private tempName(): string {
    return `${this.path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`
  }

  /** Temporary files of writers that crashed before their rename (only writers holding the lock make them). */
  private removeLeftovers(): void {
    const prefix = `${basename(this.path)}.tmp-`
    try {
      for (const name of readdirSync(dirname(this.path)))
        if (name.startsWith(prefix)) unlinkSync(join(dirname(this.path), name))
    } catch {
      // best effort: a leftover costs disk space, not correctness
    }
  }

  private metaFile(): string {
    return `${this.path}.meta`
  }

  private readMeta(): Meta | undefined {
    try {
      const meta = JSON.parse(readFileSync(this.metaFile(), 'utf8')) as Meta
      if (meta.format !== STORE_FORMAT || typeof meta.count !== 'number' || typeof meta.maxIds !== 'object')
        return undefined
      return meta
    } catch {
      return undefined
    }
  }

  private writeMeta(stamp: FileStamp, count: number, maxIds: Record<string, number>): void {
    const meta: Meta = { format: STORE_FORMAT, ...stamp, count, maxIds }
    if (!this.writeSidecar(this.metaFile(), JSON.stringify(meta))) this.removeSidecar(this.metaFile())
  }

  private summaryFile(): string {
    return `${this.path}.summary`
  }

  private readSummaryText(): string | undefined {
    try {
      return readFileSync(this.summaryFile(), 'latin1')
    } catch {
      return undefined
    }
  }

  private writeSummary(text: string): void {
    if (!this.writeSidecar(this.summaryFile(), text)) this.removeSummary()
  }

  private removeSummary(): void {
    this.removeSidecar(this.summaryFile())
  }

  /**
   * A file beside the store, replaced atomically; readers write the summary without the lock,
   * so the temporary name is unique. A sidecar that cannot be written is only a slower next read.
   */
  private writeSidecar(file: string, text: string): boolean {
    const tmp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`
    try {
      writeFileSync(tmp, text, { mode: 0o600 })
      renameSync(tmp, file)
      return true
    } catch {
      try {
        unlinkSync(tmp)
      } catch {
        // nothing was created
      }
      return false
    }
  }

  private removeSidecar(file: string): void {
    try {
      unlinkSync(file)
    } catch {
      // no sidecar: the next read takes the full path
    }
  }
}

function stampOf(s: BigIntStats): FileStamp {
  return { dev: String(s.dev), ino: String(s.ino), size: String(s.size), mtimeNs: String(s.mtimeNs) }
}

/** Whether the bytes are in the canonical layout regdesk writes (serializeStore), with a ticket at least. */
function isCanonical(bytes: Buffer): boolean {
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
function findLine(bytes: Buffer, id: string): { start: number; end: number } | undefined {
  if (!isCanonical(bytes)) return undefined
  const at = bytes.indexOf(`\n{"id":${JSON.stringify(id)},`)
  if (at < 0) return undefined
  const start = at + 1
  const lineEnd = bytes.indexOf(10, start)
  // every line but the last ends with the comma that separates tickets
  const end = bytes[lineEnd - 1] === 0x2c ? lineEnd - 1 : lineEnd
  return { start, end }
}

function restamp(summary: string, stamp: FileStamp): string {
  return summary.slice(0, summary.lastIndexOf('\n],"stamp":') + 1) + summaryTail(stamp)
}

function appendSummaryLine(summary: string, ticket: Ticket): string {
  const tail = summary.lastIndexOf('\n],"stamp":') + 1
  const empty = tail === SUMMARY_HEAD.length
  return `${summary.slice(0, empty ? tail : tail - 1)}${empty ? '' : ',\n'}${summaryLine(ticket)}\n${summary.slice(tail)}`
}

function replaceSummaryLine(summary: string, ticket: Ticket): string | undefined {
  const at = summary.indexOf(`\n{"id":${JSON.stringify(ticket.id)},`)
  if (at < 0) return undefined
  const start = at + 1
  const lineEnd = summary.indexOf('\n', start)
  const end = summary[lineEnd - 1] === ',' ? lineEnd - 1 : lineEnd
  return summary.slice(0, start) + summaryLine(ticket) + summary.slice(end)
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a directory, not a file',
  ENOTDIR: 'a parent is not a directory',
  EROFS: 'read-only file system',
  ELOOP: 'too many symbolic links',
  ENOSPC: 'no space left on the device',
}

/** An errno code with its meaning: "EACCES: permission denied". */
function explain(code: string | undefined): string {
  if (!code) return 'error'
  return REASONS[code] ? `${code}: ${REASONS[code]}` : code
}

function maxIdsOf(tickets: readonly Ticket[]): Record<string, number> {
  const max: Record<string, number> = {}
  for (const t of tickets) {
    const dash = t.id.indexOf('-')
    const prefix = t.id.slice(0, dash)
    const n = Number(t.id.slice(dash + 1))
    if (n > (max[prefix] ?? 0)) max[prefix] = n
  }
  return max
}

/** A new ticket is checked like the stored ones before it is written: a bug must not corrupt the store. */
function checked(ticket: Ticket): Ticket {
  const problem = validateTickets([ticket])[0]
  if (problem) throw new Error(`refusing to store an invalid ticket: ${problem.path}: ${problem.message}`)
  return ticket
}

function syncDirectory(dir: string): void {
  let fd: number | undefined
  try {
    fd = openSync(dir, 'r')
    fsyncSync(fd)
  } catch {
    // some platforms cannot fsync a directory; the rename is still atomic
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
