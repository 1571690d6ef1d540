import { randomBytes } from 'node:crypto'
import { closeSync, openSync, readFileSync, renameSync, unlinkSync } from 'node:fs'
import { FileSink } from '../../data/atomic-file.js'
import type { FileStamp } from './atomic-file.js'
import { STORE_FORMAT } from './layout.js'

/**
 * The two files beside a store, both only ever a shortcut (deleting either is always safe):
 * - `<store>.meta`: what the last writer knew of the file it wrote. If the file still has that
 *   identity (device, inode, size, mtime to the nanosecond) it is exactly what regdesk validated
 *   and wrote, and an append need not parse 100 MB again. Anything else (a hand edit, a crash
 *   before the sidecar was rewritten, an unreadable sidecar) falls back to the full
 *   read-validate-write.
 * - `<store>.summary`: the tickets without their free text (summary.ts), for reports.
 */
export interface Meta extends FileStamp {
  format: number
  count: number
  maxIds: Record<string, number>
}

export class Sidecars {
  constructor(private readonly path: string) {}

  get metaFile(): string {
    return `${this.path}.meta`
  }

  get summaryFile(): string {
    return `${this.path}.summary`
  }

  readMeta(): Meta | undefined {
    try {
      const meta = JSON.parse(readFileSync(this.metaFile, 'utf8')) as Meta
      if (meta.format !== STORE_FORMAT || typeof meta.count !== 'number' || typeof meta.maxIds !== 'object')
        return undefined
      return meta
    } catch {
      return undefined
    }
  }

  writeMeta(stamp: FileStamp, count: number, maxIds: Record<string, number>): void {
    const meta: Meta = { format: STORE_FORMAT, ...stamp, count, maxIds }
    if (!writeSidecar(this.metaFile, JSON.stringify(meta))) removeSidecar(this.metaFile)
  }

  readSummary(): string | undefined {
    try {
      return readFileSync(this.summaryFile, 'latin1')
    } catch {
      return undefined
    }
  }

  /** `text` whole, or in parts made as they are written (summary.ts summaryParts) */
  writeSummary(text: string | Iterable<string>): void {
    if (!writeSidecar(this.summaryFile, typeof text === 'string' ? [text] : text)) this.removeSummary()
  }

  removeSummary(): void {
    removeSidecar(this.summaryFile)
  }
}

/**
 * A file beside the store, replaced atomically; readers write the summary without the lock,
 * so the temporary name is unique. A sidecar that cannot be written is only a slower next read;
 * an error in making its parts (not the file system's) is not that, and is thrown.
 */
function writeSidecar(file: string, parts: Iterable<string>): boolean {
  const tmp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`
  try {
    writeParts(tmp, parts)
    renameSync(tmp, file)
    return true
  } catch (e) {
    try {
      unlinkSync(tmp)
    } catch {
      // nothing was created
    }
    if (isSystemError(e)) return false
    throw e
  }
}

/** An error of a system call (open, write, rename): it has the call's name. */
function isSystemError(e: unknown): boolean {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).syscall === 'string'
}

/** Writes the parts to a new file (or over one), as writeFileSync would write them joined. */
function writeParts(file: string, parts: Iterable<string>): void {
  const fd = openSync(file, 'w', 0o600)
  try {
    const sink = new FileSink(fd)
    for (const part of parts) sink.write(part)
    sink.end()
  } finally {
    closeSync(fd)
  }
}

function removeSidecar(file: string): void {
  try {
    unlinkSync(file)
  } catch {
    // no sidecar: the next read takes the full path
  }
}
