import { isUtf8 } from 'node:buffer'

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
 * The bytes of an import file after a UTF-8 byte order mark, when they are valid UTF-8 (decodeImportText reads them
 * as UTF-8 then); undefined when they are not.
 */
export function utf8Body(bytes: Uint8Array): Buffer | undefined {
  const body = withoutBom(bytes)
  return isUtf8(body) ? Buffer.from(body.buffer, body.byteOffset, body.byteLength) : undefined
}

function withoutBom(bytes: Uint8Array): Uint8Array {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes
}
