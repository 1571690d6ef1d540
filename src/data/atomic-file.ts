import { randomBytes } from 'node:crypto'
import {
  closeSync,
  fsyncSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs'
import { basename, dirname, join } from 'node:path'

/**
 * Files replaced whole and atomically: a temporary file in the same directory, synced, renamed over the target, the
 * directory synced. A reader never sees half a file: a rename is atomic. Used by the JSON ticket store
 * (src/store/json-file/) and for imported calendar years (src/calendar/load.ts).
 */

export function tempName(path: string): string {
  return `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`
}

/**
 * Writes `parts` to a temporary file beside `path` (with the mode of the file it replaces, `newFileMode`
 * for a new one), syncs it and hands it to `commit`, which renames it over `path`. The parts may be made as they
 * are written (a generator), so a large file is never one string in memory.
 */
export function writeTemp(path: string, parts: Iterable<Buffer | string>, newFileMode = 0o600): string {
  const tmp = tempName(path)
  let mode = newFileMode
  try {
    mode = statSync(path).mode & 0o777
  } catch {
    // a new store: private to its owner
  }
  const fd = openSync(tmp, 'wx', mode)
  try {
    const sink = new FileSink(fd)
    for (const part of parts) sink.write(part)
    sink.end()
    fsyncSync(fd)
  } catch (e) {
    closeSync(fd)
    // parts made as they are written may fail half-way: no half-written file is left behind
    removeQuietly(tmp)
    throw e
  }
  closeSync(fd)
  return tmp
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file)
  } catch {
    // already gone: nothing to remove
  }
}

/** The bytes a FileSink gathers before it writes them: a write per megabyte, not per part. */
const SINK_BYTES = 1 << 20

/**
 * The buffer of the sink that ended last, for the next one: the pages of new memory are mapped one by one on first
 * use (a store and its summary are written one after the other with the same megabyte).
 */
let spare: Buffer | undefined

/**
 * Writes texts (as UTF-8) and bytes to an open file through one buffer. Each text is encoded straight into the
 * buffer: a file written as a line per ticket costs neither one string of the lines joined (a rope flattened, then
 * encoded whole) nor a Buffer per line. The bytes are those of Buffer.from of each text, in order.
 */
export class FileSink {
  private readonly buffer = takeSpare() ?? Buffer.allocUnsafe(SINK_BYTES)
  private used = 0

  constructor(private readonly fd: number) {}

  write(part: string | Buffer): void {
    if (typeof part !== 'string') {
      this.flush()
      writeFully(this.fd, part)
      return
    }
    // UTF-8 takes at most 3 bytes per UTF-16 code unit, so a text that fits by this measure is never cut
    if (this.used + part.length * 3 > this.buffer.length) {
      this.flush()
      if (part.length * 3 > this.buffer.length) {
        writeFully(this.fd, Buffer.from(part))
        return
      }
    }
    this.used += this.buffer.write(part, this.used)
  }

  /** Writes what the buffer holds; call it before the file is synced or closed. */
  flush(): void {
    if (!this.used) return
    writeFully(this.fd, this.buffer.subarray(0, this.used))
    this.used = 0
  }

  /** Writes what the buffer holds and gives the buffer to the next sink: this one is not written to again. */
  end(): void {
    this.flush()
    spare = this.buffer
  }
}

function takeSpare(): Buffer | undefined {
  const buffer = spare
  spare = undefined
  return buffer
}

/** All of `bytes`, however many calls it takes (a write may take fewer bytes than it was given). */
function writeFully(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at)
}

/** Renames a synced temporary file over `path`, syncs the directory and removes leftovers of crashed writers. */
export function renameOver(tmp: string, path: string): void {
  try {
    renameSync(tmp, path)
  } catch (e) {
    // the old file stays whole; the new one must not stay beside it
    rmSync(tmp, { force: true })
    throw e
  }
  syncDirectory(dirname(path))
  removeLeftovers(path)
}

/** Temporary files of writers that crashed before their rename (only writers holding the lock make them). */
function removeLeftovers(path: string): void {
  const prefix = `${basename(path)}.tmp-`
  try {
    for (const name of readdirSync(dirname(path))) if (name.startsWith(prefix)) unlinkSync(join(dirname(path), name))
  } catch {
    // best effort: a leftover costs disk space, not correctness
  }
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

/** Replaces `path` with `text` in one step. */
export function replaceFile(path: string, text: string, newFileMode = 0o600): void {
  renameOver(writeTemp(path, [text], newFileMode), path)
}
