import { isUtf8 } from 'node:buffer'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { jsonLines, utf8JsonLines } from '../../../src/helpdesk/json-items.js'
import { bytesFile, decodeImportText, type ImportFile } from '../../../src/helpdesk/text-file.js'
import { oneLine } from '../../../src/helpdesk/ticket.js'

/** The records of a file as importRows read JSON Lines before it read them a line at a time: the text decoded whole. */
const reference = (bytes: Buffer) => jsonLines(decodeImportText(bytes).text)

/** A file read in pieces of the sizes given, each filled into the same buffer (as src/cli/import-input.ts reads). */
function inPieces(bytes: Buffer, sizes: number[]): ImportFile {
  return {
    *pieces() {
      const buffer = Buffer.alloc(Math.max(1, ...sizes))
      for (let at = 0, i = 0; at < bytes.length; i++) {
        const n = Math.min(sizes[i % sizes.length] as number, bytes.length - at)
        bytes.copy(buffer, 0, at, at + n)
        yield buffer.subarray(0, n)
        buffer.fill(0x78)
        at += n
      }
    },
    whole: () => bytes,
  }
}

const lineByLine = (file: ImportFile) => {
  const lines = utf8JsonLines(file)
  if (!lines) throw new Error('not UTF-8')
  const all = [...lines.items]
  expect(lines.count).toBe(all.length)
  return all
}

/** Lines of every kind: records, blank ones (spaces, tabs, CR, NBSP, a BOM, line separators), broken JSON. */
const line = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.record({ external_id: fc.string(), subject: fc.string({ unit: 'grapheme' }) }).map((r) => JSON.stringify(r)),
  fc.constantFrom('', ' ', '\t', '\r', '  \r', '\u00a0', '\ufeff', '\u2028', '\u3000 ', ' {"a":1}', '\ufeff{"a":1}'),
  fc.constantFrom('{', '{"a":', 'not json', '{"a":"б"', '[1,2', '"\u2029"', '{"a":"\\x"}', '{"б":"\u00a0"} x'),
  fc.string({ unit: 'binary' }).filter((s) => !s.includes('\n')),
)

describe('utf8JsonLines', () => {
  it('gives the records, lines and problems of the text decoded whole, over generated files', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.boolean(), fc.boolean(), (lines, bom, lastBreak) => {
        const text = `${lines.join('\n')}${lastBreak ? '\n' : ''}`
        const bytes = Buffer.concat([Buffer.from(bom ? [0xef, 0xbb, 0xbf] : []), Buffer.from(text)])
        expect(lineByLine(bytesFile(bytes))).toEqual(reference(bytes))
      }),
      { numRuns: 3000 },
    )
  })

  it('reads a file in pieces of any sizes as the same file whole, a BOM or a character cut between pieces', () => {
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 12 }),
        fc.boolean(),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 5 }),
        (lines, bom, sizes) => {
          const bytes = Buffer.concat([Buffer.from(bom ? [0xef, 0xbb, 0xbf] : []), Buffer.from(lines.join('\n'))])
          expect(lineByLine(inPieces(bytes, sizes))).toEqual(reference(bytes))
        },
      ),
      { numRuns: 3000 },
    )
  })

  it('says a file that is not UTF-8 is not, wherever the bad bytes are, in pieces or whole', () => {
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 6 }),
        fc.uint8Array({ minLength: 1, maxLength: 4 }),
        fc.nat(),
        fc.array(fc.integer({ min: 1, max: 16 }), { minLength: 1, maxLength: 3 }),
        (lines, junk, at, sizes) => {
          const text = Buffer.from(lines.join('\n'))
          const cut = at % (text.length + 1)
          const bytes = Buffer.concat([text.subarray(0, cut), junk, text.subarray(cut)])
          const utf8 = isUtf8(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes)
          expect(utf8JsonLines(bytesFile(bytes)) !== undefined).toBe(utf8)
          expect(utf8JsonLines(inPieces(bytes, sizes)) !== undefined).toBe(utf8)
        },
      ),
      { numRuns: 3000 },
    )
  })

  it('counts the lines that are not blank, whatever starts them', () => {
    const bytes = Buffer.from('{"a":1}\n\n \n\u00a0\n\u00a0{"b":2}\r\n\t[1]\nx\n\ufeff\n')
    expect(lineByLine(bytesFile(bytes)).map((i) => i.line)).toEqual([1, 5, 6, 7])
    expect(lineByLine(bytesFile(bytes))).toEqual(reference(bytes))
  })

  it('leaves bytes that are not UTF-8 to the whole-text reading (Windows-1251)', () => {
    expect(utf8JsonLines(bytesFile(Buffer.from([0x7b, 0xcf, 0xf0, 0x7d])))).toBeUndefined()
    expect(lineByLine(bytesFile(Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d])))).toEqual([{ line: 1, value: {} }])
  })
})

describe('oneLine', () => {
  it('gives what replacing each run of whitespace with a space and trimming gives', () => {
    const spaces = fc.constantFrom(' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2028', '\ufeff', '\u3000', ' \t')
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: 'grapheme' }), spaces), { maxLength: 8 }), (pieces) => {
        const text = pieces.join('')
        expect(oneLine(text)).toBe(text.replace(/\s+/g, ' ').trim())
      }),
      { numRuns: 20_000 },
    )
  })
})
