import { describe, expect, it } from 'vitest'
import { csvRows } from '../../../src/helpdesk/csv-rows.js'

/** The generic CSV's rows (docs/IMPORT.md): each named by the line it starts on, whatever the line breaks. */
describe('csvRows', () => {
  const lines = (text: string) => csvRows(text).map((r) => r.line)

  it('names each row by the line it starts on, with a line break inside a quoted cell (LF, CRLF), blank lines and a BOM', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = [
        'external_id,created_at,body',
        'x1,2026-11-18,"a',
        'b"',
        '',
        'x2,2026-11-18,c',
        'x3,2026-11-18,"d""',
        'e"',
        '',
      ].join(eol)
      expect(lines(text)).toEqual([2, 5, 6])
      expect(lines(`\uFEFF${text}`)).toEqual([2, 5, 6])
    }
    expect(csvRows('external_id,created_at,body\r\nx1,t,"a\r\nb"\r\nx2,bad,c\r\n')[1]).toMatchObject({
      line: 4,
      cells: { external_id: 'x2' },
    })
  })

  it('an unclosed quote is reported on the line it opens on', () => {
    for (const eol of ['\n', '\r\n'])
      expect(() => csvRows(['external_id,created_at,body', 'x1,t,ok', 'x2,t,"open', 'x3,t,c', ''].join(eol))).toThrow(
        'line 3: not CSV: a quote is not closed',
      )
  })

  it('a quote left open is reported on its line, after a CRLF inside a quoted cell as after a LF', () => {
    for (const eol of ['\n', '\r\n'])
      expect(() =>
        csvRows(['external_id;created_at;subject', '1;t;"multi', 'line"', '2;t;"open', '3;t;c', ''].join(eol)),
      ).toThrow('line 4: not CSV: a quote is not closed')
  })

  it('a quote inside a cell that is not quoted is a character of it (Ошибка "500"), not a broken file', () => {
    expect(csvRows('external_id;created_at;subject\n1;t;Ошибка "500" в корзине\n')).toEqual([
      { line: 2, cells: { external_id: '1', created_at: 't', subject: 'Ошибка "500" в корзине' } },
    ])
  })

  it('a header naming a column twice is refused', () => {
    expect(() => csvRows('external_id,created_at,external_id\nx,t,y\n')).toThrow(
      'line 1: the header has the column "external_id" twice',
    )
  })
})
