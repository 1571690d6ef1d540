import { closeSync, existsSync, ftruncateSync, openSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readMail } from '../../../src/mail/message.js'
import { runCli, tempDir } from '../../support/in-process.js'
import { attachment, envelope, letter, mbox, message, multipart, textBody } from '../../support/mail.js'

/**
 * Hostile letters (docs/RELIABILITY.md): each ends in one clear sentence and exit 3, or is refused by its size
 * before it is parsed — never a hang (vitest's per-test timeout is the guard) and never a crash.
 */

const triageEml = (args: string[], stdin?: Buffer) =>
  runCli(['triage', '-r', 'moguta', '--json', '--eml', ...args], {}, stdin)

/** A short request letter, numbered: its Message-ID is `${prefix}${i}@x`. */
const request = (i: number, prefix: string) =>
  letter({ subject: `Заявка ${i}`, from: 'a@b.ru', id: `${prefix}${i}@x`, text: 'Не работает корзина' })

function refused(r: { exitCode: number; stderr: string }, sentence: string) {
  expect(r.exitCode).toBe(3)
  expect(r.stderr).toBe(`error: ${sentence}\n`)
}

describe('hostile e-mails', () => {
  it('a file larger than 25 MB is refused by its size, unread', async () => {
    const file = join(tempDir(), 'huge.eml')
    // a sparse file: 30 MB that take no disk and are never read
    const fd = openSync(file, 'w')
    ftruncateSync(fd, 30 * 1024 * 1024)
    closeSync(fd)
    refused(
      await triageEml([file]),
      `${file} is larger than 25 MB; regdesk reads letters up to 25 MB (save the attachments apart)`,
    )
  })

  it('a letter with a 50 MB attachment on stdin is refused at 25 MB', async () => {
    const text = textBody('Смотрите вложение')
    const big = message(
      ['Content-Type: application/zip; name="site.zip"', 'Content-Transfer-Encoding: base64'],
      // 50 MB in base64: 76-character lines of "A" (zero bytes), filled in place rather than encoded
      Buffer.alloc(Math.ceil((50 * 1024 * 1024 * 4) / 3 / 76) * 78, `${'A'.repeat(76)}\r\n`),
    )
    const mixed = multipart('mixed', [message(text.headers, text.body), big])
    const raw = message([...envelope({ subject: 'Архив сайта', from: 'a@b.ru' }), ...mixed.headers], mixed.body)
    refused(
      await triageEml(['-'], raw),
      'the e-mail on stdin is larger than 25 MB; regdesk reads letters up to 25 MB (save the attachments apart)',
    )
  })

  it('readMail itself refuses more than 25 MB', async () => {
    await expect(readMail(Buffer.alloc(25 * 1024 * 1024 + 1, 0x41))).rejects.toThrow(
      'the e-mail is larger than 25 MB; regdesk reads letters up to 25 MB',
    )
  })

  it('MIME parts nested 10,000 deep', async () => {
    let s = 'From: a@b.ru\r\nSubject: deep\r\n'
    for (let i = 0; i < 10_000; i++) s += `Content-Type: multipart/mixed; boundary=b${i}\r\n\r\n--b${i}\r\n`
    refused(
      await triageEml(['-'], Buffer.from(`${s}Content-Type: text/plain\r\n\r\nhi\r\n`)),
      'the e-mail cannot be read: its MIME parts are nested more than 50 deep',
    )
  })

  it('10,000 parts', async () => {
    const parts = Array.from({ length: 10_000 }, () => Buffer.from('Content-Type: text/plain\r\n\r\nx'))
    const mixed = multipart('mixed', parts)
    const raw = message([...envelope({ subject: 'many', from: 'a@b.ru' }), ...mixed.headers], mixed.body)
    refused(await triageEml(['-'], raw), 'the e-mail cannot be read: it has more than 1000 MIME parts')
  })

  it('2 MB of header lines', async () => {
    const headers = Array.from({ length: 40_000 }, (_, i) => `X-Filler-${i}: ${'x'.repeat(40)}`)
    refused(
      await triageEml(['-'], message([...envelope({ subject: 's', from: 'a@b.ru' }), ...headers], 'text')),
      'the e-mail cannot be read: its headers are larger than 1 MB',
    )
  })

  it('a letter with 50 letters attached reads the first 10 into its text and lists every one', async () => {
    const inner = (i: number) => letter({ subject: `Письмо ${i}`, from: `c${i}@x.ru`, text: `Текст письма ${i}.` })
    const parts = [message(['Content-Type: text/plain; charset=utf-8'], 'Пересылаю.')]
    for (let i = 1; i <= 50; i++) parts.push(message(['Content-Type: message/rfc822'], inner(i)))
    const mixed = multipart('mixed', parts)
    const mail = await readMail(message([...envelope({ subject: 'FW', from: 'a@x.ru' }), ...mixed.headers], mixed.body))
    expect(mail.attachments).toHaveLength(50)
    expect(mail.body.match(/^---------- Forwarded message ----------$/gm)).toHaveLength(10)
    expect(mail.body).toContain('Текст письма 10.')
    expect(mail.body).not.toContain('Текст письма 11.')
  })

  it('an attached "letter" that is no e-mail is listed and said in a note; the letter carrying it is read', async () => {
    const mixed = multipart('mixed', [
      message(['Content-Type: text/plain; charset=utf-8'], 'Не работает корзина, письмо клиента во вложении.'),
      message(['Content-Type: message/rfc822; name="client.eml"', 'Content-Disposition: attachment'], '\r\n\r\n'),
    ])
    const mail = await readMail(message([...envelope({ subject: 'FW', from: 'a@x.ru' }), ...mixed.headers], mixed.body))
    expect(mail.body).toBe('Не работает корзина, письмо клиента во вложении.')
    expect(mail.attachments.map((a) => a.name)).toEqual(['client.eml'])
    expect(mail.notes).toEqual([
      'the attached letter client.eml cannot be read as an e-mail; it is listed as an attachment',
    ])
  })

  it('an attachment with broken base64 is listed with what decodes; the letter is read', async () => {
    const text = textBody('Не работает корзина')
    const broken = message(
      ['Content-Type: image/png; name="a.png"', 'Content-Transfer-Encoding: base64', 'Content-Disposition: attachment'],
      'iVBORw0KGgo=====@@@@####\r\n\u0000\u0001\u0002????',
    )
    const mixed = multipart('mixed', [message(text.headers, text.body), broken, attachment('b.txt', 'text/plain', 5)])
    const r = await triageEml(
      ['-'],
      message([...envelope({ subject: 'Корзина', from: 'a@b.ru' }), ...mixed.headers], mixed.body),
    )
    expect(r.exitCode, r.stderr).toBe(0)
    const email = JSON.parse(r.stdout).email
    expect(email.attachments.map((a: { name: string }) => a.name)).toEqual(['a.png', 'b.txt'])
  })

  it('empty input, text without headers and binary bytes', async () => {
    refused(await triageEml(['-'], Buffer.from('\r\n\r\n')), 'the e-mail is empty')
    refused(
      await triageEml(['-'], Buffer.from('Корзина не работает, помогите')),
      'the e-mail has no header lines (From:, Subject:, …); is it a letter saved as text?',
    )
    const r = await triageEml(['-'], Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131) % 256)))
    expect([0, 3]).toContain(r.exitCode)
    expect(r.stderr).not.toMatch(/internal error|at .*\.ts:\d+/)
  })

  it('a letter of only headers has nothing to triage', async () => {
    const raw = message(envelope({ from: 'a@b.ru' }), '')
    refused(await triageEml(['-'], raw), 'the e-mail has neither a subject nor a text to triage')
  })

  it('a letter whose name and subject carry control and direction characters is shown clean', async () => {
    const raw = letter({ subject: 'Корзина\u001b[31m', from: 'a@b.ru', text: 'Не работает' })
    const name = Buffer.from(
      'Content-Type: application/octet-stream\r\nContent-Disposition: attachment; filename="..\\\\evil\u202egnp.exe"\r\n\r\nx',
    )
    const text = textBody('Не работает корзина')
    const mixed = multipart('mixed', [message(text.headers, text.body), name])
    const r = await triageEml(
      ['-'],
      message([...envelope({ subject: 's', from: 'a@b.ru' }), ...mixed.headers], mixed.body),
    )
    expect(JSON.parse(r.stdout).email.attachments[0].name).toBe('evilgnp.exe')
    const human = await runCli(['triage', '-r', 'moguta', '--eml', '-'], {}, raw)
    expect(human.stdout).not.toContain('\u001b')
  })
})

describe('a mailbox given where one letter goes (--eml)', () => {
  const one = (i: number) => request(i, 'm')

  it('of several letters is refused, pointing to --mbox: read as one, the others would become its text', async () => {
    const file = join(tempDir(), 'box.mbox')
    writeFileSync(file, mbox([one(1), one(2), one(3)]))
    refused(
      await runCli(['tickets', 'add', '-r', 'moguta', '--eml', file], { REGDESK_STORE: join(tempDir(), 't.json') }),
      `${file} is a mailbox of 3 letters, not one (it starts with a "From " line): take it in with tickets add --mbox`,
    )
  })

  it('of one letter is that letter, the same one as saved alone', async () => {
    const store = join(tempDir(), 't.json')
    const added = await runCli(
      ['tickets', 'add', '-r', 'moguta', '--eml', '-', '--json'],
      { REGDESK_STORE: store },
      mbox([one(1)]),
    )
    expect(added.exitCode).toBe(0)
    expect(JSON.parse(added.stdout)).toMatchObject({ subject: 'Заявка 1', text: 'Не работает корзина' })
    const again = await runCli(
      ['tickets', 'add', '-r', 'moguta', '--eml', '-', '--json'],
      { REGDESK_STORE: store },
      one(1),
    )
    expect(JSON.parse(again.stdout)).toMatchObject({ id: 'MG-000001', already_stored: true })
  })
})

describe('reports the mail system sends (multipart/report)', () => {
  const bounce = () => {
    const report = multipart('report', [
      message(['Content-Type: text/plain; charset=utf-8'], 'Delivery to the following recipient failed.'),
      message(['Content-Type: message/delivery-status'], 'Final-Recipient: rfc822; nobody@x.ru\r\nAction: failed'),
      message(
        ['Content-Type: message/rfc822'],
        letter({ subject: 'Re: корзина', from: 'support@x.ru', text: 'Ответ' }),
      ),
    ])
    return message(
      [...envelope({ subject: 'Undelivered Mail', from: 'MAILER-DAEMON@mx.x.ru', id: 'b1@mx' }), ...report.headers].map(
        (h) => h.replace('multipart/report;', 'multipart/report; report-type=delivery-status;'),
      ),
      report.body,
    )
  }

  it('a letter returned undelivered is no request: tickets add --eml stores nothing and says why', async () => {
    const store = join(tempDir(), 't.json')
    const r = await runCli(['tickets', 'add', '-r', 'moguta', '--eml', '-'], { REGDESK_STORE: store }, bounce())
    expect(r.exitCode).toBe(1)
    expect(r.stderr).toBe(
      "error: the e-mail is a delivery report (a letter returned undelivered) that the mail system sent, not a customer's request: nothing was stored\n",
    )
    expect(existsSync(store)).toBe(false)
  })

  it('in a mailbox, it is counted apart and the letters around it are taken in', async () => {
    const dir = tempDir()
    const file = join(dir, 'in.mbox')
    const one = (i: number) => request(i, 'r')
    writeFileSync(file, mbox([one(1), bounce(), one(2)]))
    const r = await runCli(['tickets', 'add', '-r', 'moguta', '--mbox', file, '--json'], {
      REGDESK_STORE: join(dir, 't.json'),
    })
    expect(r.exitCode).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({
      messages: 3,
      added: 2,
      failed: 0,
      reports: 1,
      not_requests: [{ number: 2, message_id: 'b1@mx', subject: 'Undelivered Mail', report: 'delivery-status' }],
    })
  })
})

describe('a hostile mailbox', () => {
  it('a letter larger than 25 MB inside a mailbox fails by its size; the others are taken in', async () => {
    const dir = tempDir()
    const file = join(dir, 'big.mbox')
    const small = (i: number) => request(i, 's')
    const big = message(
      [...envelope({ subject: 'Архив', from: 'a@b.ru', id: 'big@x' }), 'Content-Type: application/zip'],
      // base64 as mail writes it: 76 characters a line
      Buffer.alloc(26 * 1024 * 1024, `${'QUFB'.repeat(19)}\n`),
    )
    writeFileSync(file, mbox([small(1), big, small(3)]))
    const r = await runCli(['tickets', 'add', '-r', 'advantshop', '--mbox', file, '--json'], {
      REGDESK_STORE: join(dir, 'tickets.json'),
    })
    expect(r.exitCode).toBe(1)
    expect(JSON.parse(r.stdout)).toMatchObject({
      added: 2,
      failed: 1,
      failures: [
        {
          number: 2,
          message_id: null,
          reason: 'the e-mail is larger than 25 MB; regdesk reads letters up to 25 MB',
        },
      ],
    })
  })
})
