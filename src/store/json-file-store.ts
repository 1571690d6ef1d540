import { randomBytes } from 'node:crypto'
import {
  accessSync,
  closeSync,
  constants,
  copyFileSync,
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
import { RegdeskError } from '../errors.js'
import { formatId, nextId } from './ids.js'
import { CANONICAL_TAIL, parseStore, serializeStore } from './parse.js'
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
interface Meta {
  format: number
  dev: string
  ino: string
  size: string
  mtimeNs: string
  count: number
  maxIds: Record<string, number>
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

  /** The store as it is; a missing file is an empty store. @throws DataError when invalid */
  read(): StoreData {
    this.resolve()
    const text = this.readText()
    return text === undefined ? emptyStore() : parseStore(text, this.file)
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
   * Adds one ticket, numbered by `make` from the next free id of a prefix. Appends to the end of
   * the file without parsing it when the file is the one regdesk last wrote (see Meta).
   */
  async insert(prefix: string, make: (id: string) => Ticket): Promise<Ticket> {
    this.resolve()
    const release = await this.lock()
    try {
      const fast = this.tryAppend(prefix, make)
      if (fast) return fast
      const data = this.read()
      const ticket = checked(make(nextId(data.tickets, prefix)))
      data.tickets.push(ticket)
      this.writeAll(data)
      return ticket
    } finally {
      await release()
    }
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

  private readText(): string | undefined {
    try {
      return readFileSync(this.path, 'utf8')
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code
      if (code === 'ENOENT') return undefined
      throw new RegdeskError(`cannot read the ticket store ${this.file} (${explain(code)})`)
    }
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
    const text = serializeStore(data)
    const tmp = this.tempName()
    let mode = 0o600
    try {
      mode = statSync(this.path).mode & 0o777
    } catch {
      // a new store: private to its owner
    }
    const fd = openSync(tmp, 'wx', mode)
    try {
      writeSync(fd, text)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    this.commit(tmp)
    this.writeMeta(data.tickets.length, maxIdsOf(data.tickets))
  }

  private tryAppend(prefix: string, make: (id: string) => Ticket): Ticket | undefined {
    const meta = this.readMeta()
    if (!meta || meta.count === 0) return undefined
    let size: number
    try {
      const s = statSync(this.path, { bigint: true })
      if (
        String(s.dev) !== meta.dev ||
        String(s.ino) !== meta.ino ||
        String(s.size) !== meta.size ||
        String(s.mtimeNs) !== meta.mtimeNs
      )
        return undefined
      size = Number(s.size)
    } catch {
      return undefined
    }
    const tmp = this.tempName()
    copyFileSync(this.path, tmp, constants.COPYFILE_EXCL)
    let ticket: Ticket | undefined
    const fd = openSync(tmp, 'r+')
    try {
      const tail = Buffer.alloc(CANONICAL_TAIL.length)
      readSync(fd, tail, 0, tail.length, size - tail.length)
      if (tail.toString('utf8') === CANONICAL_TAIL) {
        const n = (meta.maxIds[prefix] ?? 0) + 1
        ticket = checked(make(formatId(prefix, n)))
        writeSync(fd, `,\n${JSON.stringify(ticket)}${CANONICAL_TAIL}`, size - CANONICAL_TAIL.length)
        fsyncSync(fd)
        meta.maxIds[prefix] = n
      }
    } finally {
      closeSync(fd)
    }
    if (!ticket) {
      unlinkSync(tmp)
      return undefined
    }
    this.commit(tmp)
    this.writeMeta(meta.count + 1, meta.maxIds)
    return ticket
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

  private writeMeta(count: number, maxIds: Record<string, number>): void {
    try {
      const s = statSync(this.path, { bigint: true })
      const meta: Meta = {
        format: STORE_FORMAT,
        dev: String(s.dev),
        ino: String(s.ino),
        size: String(s.size),
        mtimeNs: String(s.mtimeNs),
        count,
        maxIds,
      }
      const tmp = `${this.metaFile()}.tmp-${process.pid}`
      writeFileSync(tmp, JSON.stringify(meta), { mode: 0o600 })
      renameSync(tmp, this.metaFile())
    } catch {
      try {
        unlinkSync(this.metaFile())
      } catch {
        // no sidecar: the next append takes the full path
      }
    }
  }
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
