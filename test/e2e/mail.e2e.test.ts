import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { regdesk, tempDir } from './regdesk.js'

/**
 * The bundled program reads e-mail: postal-mime is left out of the bundle (scripts/bundle.mjs) and required on first
 * use from the vm.Script the launcher runs, which only a real process shows.
 */
describe('e-mail through the bundled program', () => {
  it('triage --eml reads a letter with RFC 2047 words', async () => {
    const file = join(tempDir(), 'letter.eml')
    writeFileSync(
      file,
      'From: =?utf-8?B?0JjQstCw0L0=?= <ivan@shop.ru>\r\nSubject: =?utf-8?B?0JrQvtGA0LfQuNC90LA=?=\r\nDate: Fri, 20 Nov 2026 10:15:00 +0300\r\nMessage-ID: <e2e@shop.ru>\r\n\r\nНе работает корзина\r\n',
    )
    const r = await regdesk(['triage', '-r', 'advantshop', '--eml', file, '--json'])
    expect(r.exitCode, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout).email).toEqual({
      subject: 'Корзина',
      from: { name: 'Иван', address: 'ivan@shop.ru' },
      date: '2026-11-20T10:15:00+03:00',
      message_id: 'e2e@shop.ru',
      attachments: [],
    })
  })
})
