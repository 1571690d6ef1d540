import { randomBytes } from 'node:crypto'
import {
  type BigIntStats,
  closeSync,
  fstatSync,
  fsyncSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { RegdeskError } from '../../errors.js'

/**
 * Files replaced whole and atomically (write a temporary file in the same directory, fsync,
 * rename over, fsync the directory), read with the identity of the bytes read, and the errno
 * wording of the file store. Readers never see half a file: a rename is atomic.
 */

/** The identity of a file on disk: the same values mean the same bytes as when they were taken. */
export interface FileStamp {
  dev: string
  ino: string
  size: string
  mtimeNs: string
}

export function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs
}

function stampOf(s: BigIntStats): FileStamp {
  return { dev: String(s.dev), ino: String(s.ino), size: String(s.size), mtimeNs: String(s.mtimeNs) }
}

/** The file's identity now; undefined when it does not exist. */
export function stampNow(path: string): FileStamp | undefined {
  try {
    return stampOf(statSync(path, { bigint: true }))
  } catch {
    return undefined
  }
}

/**
 * The file's bytes and the identity of what was read (one descriptor: a rename meanwhile cannot
 * mix two files); undefined when it does not exist. `label` names the file in messages.
 */
export function readStamped(path: string, label: string): { bytes: Buffer; stamp: FileStamp } | undefined {
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return undefined
    throw new RegdeskError(`cannot read the ticket store ${label} (${explain(code)})`)
  }
  try {
    const s = fstatSync(fd, { bigint: true })
    if (s.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' })
    return { bytes: readFileSync(fd), stamp: stampOf(s) }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    throw new RegdeskError(`cannot read the ticket store ${label} (${explain(code)})`)
  } finally {
    closeSync(fd)
  }
}

/**
 * The file a path names: itself, or the target when it is a symbolic link (dotfiles, a synced
 * folder), so the lock, the temporary file and the rename happen next to the target and the
 * link stays a link. A link to nothing is refused rather than replaced by a file.
 */
export function resolveLink(file: string): string {
  let link: boolean
  try {
    link = lstatSync(file).isSymbolicLink()
  } catch {
    return file
  }
  if (!link) return file
  try {
    return realpathSync(file)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    let target = '?'
    try {
      target = readlinkSync(file)
    } catch {
      // the message names the link only
    }
    throw new RegdeskError(
      `the ticket store ${file} is a symbolic link to ${target}, which ${code === 'ENOENT' ? 'does not exist' : `cannot be followed (${explain(code)})`}; create the target or point --store at a regular file`,
    )
  }
}

export function tempName(path: string): string {
  return `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`
}

/**
 * Writes `parts` to a temporary file beside `path` (with the mode of the file it replaces, 0600
 * for a new one), syncs it and hands it to `commit`, which renames it over `path`.
 */
export function writeTemp(path: string, parts: readonly (Buffer | string)[]): string {
  const tmp = tempName(path)
  let mode = 0o600
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
export function explain(code: string | undefined): string {
  if (!code) return 'error'
  return REASONS[code] ? `${code}: ${REASONS[code]}` : code
}
