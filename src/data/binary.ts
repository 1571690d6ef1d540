/**
 * Whether bytes are binary data rather than text (a request, an export): NUL bytes, or more than 5% control bytes other
 * than whitespace and ESC (ANSI colours are text).
 */
export function looksBinary(bytes: Uint8Array): boolean {
  let control = 0
  for (const b of bytes) {
    if (b === 0) return true
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) || b === 0x7f) control++
  }
  return control > bytes.length * 0.05
}
