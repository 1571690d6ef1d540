import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { jsonLines, utf8JsonLines } from '../../../src/helpdesk/json-items.js'
import { decodeImportText, utf8Body } from '../../../src/helpdesk/text-file.js'
import { oneLine } from '../../../src/helpdesk/ticket.js'

/** The records of a file as importRows read JSON Lines before it read them a line at a time: the text decoded whole. */
const reference = (bytes: Buffer) => jsonLines(decodeImportText(bytes).text)
const lineByLine = (bytes: Buffer) => {
  const body = utf8Body(bytes)
  if (!body) throw new Error('not UTF-8')
  const { count, items } = utf8JsonLines(body)
  const all = [...items]
  expect(count).toBe(all.length)
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
        expect(lineByLine(bytes)).toEqual(reference(bytes))
      }),
      { numRuns: 3000 },
    )
  })

  it('counts the lines that are not blank, whatever starts them', () => {
    const bytes = Buffer.from('{"a":1}\n\n \n\u00a0\n\u00a0{"b":2}\r\n\t[1]\nx\n\ufeff\n')
    expect(lineByLine(bytes).map((i) => i.line)).toEqual([1, 5, 6, 7])
    expect(lineByLine(bytes)).toEqual(reference(bytes))
  })

  it('leaves bytes that are not UTF-8 to the whole-text reading (Windows-1251)', () => {
    expect(utf8Body(Buffer.from([0x7b, 0xcf, 0xf0, 0x7d]))).toBeUndefined()
    expect(utf8Body(Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d]))?.toString()).toBe('{}')
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
