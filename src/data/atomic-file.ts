import { randomBytes } from 'node:crypto'
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs'
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
    for (const part of parts) writeSync(fd, typeof part === 'string' ? Buffer.from(part) : part)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  return tmp
}

/** Renames a synced temporary file over `path`, syncs the directory and removes leftovers of crashed writers. */
export function renameOver(tmp: string, path: string): void {
  renameSync(tmp, path)
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
