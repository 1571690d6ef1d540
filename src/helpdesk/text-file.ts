/**
 * The text of an import file: a UTF-8 byte order mark dropped; bytes that are not valid UTF-8 read as Windows-1251,
 * which is how Russian Excel saves "CSV (разделители — точка с запятой)".
 */
export function decodeImportText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1251' } {
  const body = withoutBom(bytes)
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding: 'utf-8' }
  } catch {
    return { text: new TextDecoder('windows-1251').decode(body), encoding: 'windows-1251' }
  }
}

/**
 * An import file as it is read: its bytes from the start in pieces, as often as they are asked for, and whole. A
 * piece may be the same buffer filled again for the next one (read each before asking for the next): a file read
 * whole is that many bytes of memory the system must first map, page by page, which costs more than reading it.
 */
export interface ImportFile {
  pieces(): Iterable<Uint8Array>
  whole(): Uint8Array
}

/** An import file of bytes already in memory (stdin, a test). */
export function bytesFile(bytes: Uint8Array): ImportFile {
  return { pieces: () => [bytes], whole: () => bytes }
}

/**
 * The lines of an import file as bytes, split at byte 10 (a line break; no other character's UTF-8 holds that
 * byte), without the UTF-8 byte order mark that may start the first: what splitting its text at "\n" gives, each
 * line valid until the next is asked for. The last line is what follows the last line break (maybe nothing).
 */
export function* fileLines(file: ImportFile): Generator<Buffer> {
  // the start of a line that runs over pieces, copied (a piece may be refilled)
  let pending: Buffer[] = []
  let first = true
  const line = (bytes: Buffer) => {
    if (!first) return bytes
    first = false
    return withoutBom(bytes) as Buffer
  }
  for (const piece of file.pieces()) {
    const bytes = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength)
    let from = 0
    for (let at = bytes.indexOf(10, from); at >= 0; at = bytes.indexOf(10, from)) {
      const end = bytes.subarray(from, at)
      yield line(pending.length ? Buffer.concat([...pending, end]) : end)
      pending = []
      from = at + 1
    }
    if (from < bytes.length) pending.push(Buffer.from(bytes.subarray(from)))
  }
  yield line(Buffer.concat(pending))
}

function withoutBom(bytes: Uint8Array): Uint8Array {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes
}
