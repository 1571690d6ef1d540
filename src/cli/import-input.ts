import { type BigIntStats, closeSync, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs'
import { looksBinary } from '../data/binary.js'
import { RegdeskError, UsageError } from '../errors.js'
import type { ImportFormat } from '../helpdesk/read.js'
import { bytesFile, type ImportFile } from '../helpdesk/text-file.js'
import type { Context } from './context.js'
import { unreadable } from './unreadable.js'

/** An export of a year of a busy desk is tens of MB; a file beyond this is refused before it is read. */
const MAX_IMPORT_BYTES = 512 * 1024 * 1024

/**
 * The file of `tickets import` (`-`: stdin). JSON Lines on disk are read a piece at a time, as often as the reader
 * asks (helpdesk/json-items.ts reads them twice: to check and count the lines, then to read the records); anything
 * else is read whole.
 */
export async function readInput(ctx: Context, file: string, format: ImportFormat): Promise<ImportFile> {
  if (file === '-') {
    const chunks: Buffer[] = []
    for await (const chunk of ctx.io.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)))
    const bytes = Buffer.concat(chunks)
    refuseBinary('stdin', bytes.subarray(0, HEAD_BYTES), format)
    return bytesFile(bytes)
  }
  // JSON Lines are read a line at a time (helpdesk/json-items.ts): a file on disk is not read whole for them
  const onDisk = format === 'jsonl' ? regularFile(file) : undefined
  if (onDisk && onDisk.size > MAX_IMPORT_BYTES) throw new UsageError(`${file} is larger than 512 MB; split it`)
  if (onDisk) {
    refuseBinary(file, headOf(file), format)
    return fileInPieces(file, onDisk)
  }
  const bytes = readWhole(file)
  refuseBinary(file, bytes.subarray(0, HEAD_BYTES), format)
  return bytesFile(bytes)
}

/** What is looked at to tell a binary file from an export: its first 64 KB. */
const HEAD_BYTES = 64 * 1024

/** A binary file (an archive, a spreadsheet saved as .xlsx) is one sentence, not an error for each of its lines. */
function refuseBinary(file: string, head: Uint8Array, format: ImportFormat): void {
  // Excel's «Unicode text» is UTF-16, every other byte NUL: said as what it is
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))
    throw new UsageError(`${file} is UTF-16 text; save it as UTF-8 (or as CSV from Excel) and import that`)
  if (looksBinary(head))
    throw new UsageError(
      `${file} looks like binary data (NUL or control bytes), not ${format === 'csv' ? 'a CSV' : format === 'jsonl' ? 'a JSON Lines' : 'a JSON'} export${format === 'csv' ? ' (an Excel workbook is saved as CSV first)' : ''}`,
    )
}

function headOf(file: string): Uint8Array {
  let fd: number | undefined
  try {
    fd = openSync(file, 'r')
    const head = Buffer.alloc(HEAD_BYTES)
    return head.subarray(0, readSync(fd, head, 0, HEAD_BYTES, 0))
  } catch (e) {
    throw unreadable(file, e)
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/** The file's identity when it is a regular file; undefined for anything else, read whole (and refused if so). */
function regularFile(file: string): BigIntStats | undefined {
  try {
    const stats = statSync(file, { bigint: true })
    return stats.isFile() ? stats : undefined
  } catch {
    return undefined
  }
}

function readWhole(file: string): Uint8Array {
  try {
    const bytes = readFileSync(file)
    if (bytes.length > MAX_IMPORT_BYTES) throw new UsageError(`${file} is larger than 512 MB; split it`)
    return bytes
  } catch (e) {
    if (e instanceof UsageError) throw e
    throw unreadable(file, e)
  }
}

/** The pieces an import file is read in: one buffer of this size, filled again and again. */
const PIECE_BYTES = 1 << 20

/**
 * A regular file read in pieces into one buffer, as often as asked (helpdesk/text-file.ts ImportFile). Each reading
 * checks that the file is still the one first seen (device, inode, size, modification time): the rows of an import
 * are those of one file, never of two versions of it.
 */
function fileInPieces(file: string, seen: BigIntStats): ImportFile {
  const same = (s: BigIntStats | undefined) =>
    s !== undefined && s.dev === seen.dev && s.ino === seen.ino && s.size === seen.size && s.mtimeNs === seen.mtimeNs
  const changed = () => new RegdeskError(`${file} changed while it was read; nothing was imported, try again`)
  return {
    *pieces() {
      const fd = openFile(file)
      try {
        if (!same(fstatSync(fd, { bigint: true }))) throw changed()
        const buffer = Buffer.allocUnsafe(PIECE_BYTES)
        for (let at = 0; ; ) {
          const n = readPiece(file, fd, buffer, at)
          if (n === 0) break
          at += n
          yield buffer.subarray(0, n)
        }
        if (!same(fstatSync(fd, { bigint: true }))) throw changed()
      } finally {
        closeSync(fd)
      }
    },
    whole() {
      const bytes = readWhole(file)
      if (!same(regularFile(file))) throw changed()
      return bytes
    },
  }
}

function openFile(file: string): number {
  try {
    return openSync(file, 'r')
  } catch (e) {
    throw unreadable(file, e)
  }
}

function readPiece(file: string, fd: number, buffer: Buffer, at: number): number {
  try {
    return readSync(fd, buffer, 0, buffer.length, at)
  } catch (e) {
    throw unreadable(file, e)
  }
}
