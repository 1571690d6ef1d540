/**
 * The text of an import file: a UTF-8 byte order mark dropped; bytes that are not valid UTF-8 read as Windows-1251,
 * which is how Russian Excel saves "CSV (разделители — точка с запятой)".
 */
export function decodeImportText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1251' } {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding: 'utf-8' }
  } catch {
    return { text: new TextDecoder('windows-1251').decode(body), encoding: 'windows-1251' }
  }
}
