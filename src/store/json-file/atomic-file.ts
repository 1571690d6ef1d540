import {
  type BigIntStats,
  closeSync,
  fstatSync,
  lstatSync,
  openSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  type Stats,
  statSync,
} from 'node:fs'
import { explain } from '../../data/errno.js'
import { RegdeskError } from '../../errors.js'

/**
 * The store file read with the identity of the bytes read, and the errno wording of the file store. It is replaced
 * atomically by src/data/atomic-file.ts.
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
 * A device, a pipe or a socket is never a store: the atomic write renames a new file over the path, which would
 * replace `/dev/null` itself (as root). A directory is left to the read, which says so.
 */
function refuseSpecialFile(s: Stats, label: string): void {
  const kind = s.isCharacterDevice()
    ? 'a character device'
    : s.isBlockDevice()
      ? 'a block device'
      : s.isFIFO()
        ? 'a named pipe'
        : s.isSocket()
          ? 'a socket'
          : undefined
  if (kind) throw new RegdeskError(`cannot use the ticket store ${label} (it is ${kind}, not a file)`)
}

/**
 * The file a path names: itself, or the target when it is a symbolic link (dotfiles, a synced
 * folder), so the lock, the temporary file and the rename happen next to the target and the
 * link stays a link. A link to nothing is refused rather than replaced by a file.
 */
export function resolveLink(file: string): string {
  let link: boolean
  try {
    const s = lstatSync(file)
    link = s.isSymbolicLink()
    if (!link) refuseSpecialFile(s, file)
  } catch (e) {
    if (e instanceof RegdeskError) throw e
    return file
  }
  if (!link) return file
  try {
    const target = realpathSync(file)
    refuseSpecialFile(statSync(target), file)
    return target
  } catch (e) {
    if (e instanceof RegdeskError) throw e
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
