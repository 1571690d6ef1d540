import { describe, expect, it } from 'vitest'
import { readMail } from '../../src/mail/message.js'
import { runCli } from '../support/in-process.js'
import {
  attachment,
  type Encoding,
  encode,
  envelope,
  letter,
  message,
  multipart,
  textBody,
  word,
} from '../support/mail.js'

/**
 * A corpus of letters as mailers write them (test/support/mail.ts makes the bytes), each read by `triage --eml -`
 * and by src/mail/message.ts: the subject, sender, date and text must come out exactly.
 */

const TEXT = 'Здравствуйте! После обновления не работает корзина: «Ошибка 500».\nСайт shop.ru, версия 10.4.'
const FROM = { name: 'Иван Петров', address: 'ivan@shop.ru' }
const FROM_LINE = `${word('Иван Петров', 'utf-8')} <ivan@shop.ru>`
const SUBJECT = 'Не работает корзина'
const DATE = '2026-11-20T10:15:00+03:00'

interface Case {
  name: string
  raw: Buffer
  subject?: string
  from?: { name: string; address: string } | null
  date?: string | null
  body?: string
  fresh?: string
  attachments?: { name: string; type: string; size: number }[]
}

/** The same letter in a charset and a transfer encoding. */
function encoded(charset: string, encoding: Encoding): Case {
  // KOI8-R and ISO-8859-5 have no « »: the sender's mailer wrote "?"
  const text = charset === 'koi8-r' || charset === 'iso-8859-5' ? TEXT.replace(/[«»]/g, '?') : TEXT
  return {
    name: `${charset} ${encoding}`,
    raw: letter({ subject: word(SUBJECT, charset, 'Q'), from: FROM_LINE, text: TEXT, charset, encoding }),
    body: text,
  }
}

const signOff = 'С уважением,\nИван Петров\n+7 900 123-45-67'

/** The customer's letter, as a colleague forwards it attached: its own sender, date, subject and a screenshot. */
function innerLetter(charset: string, encoding: Encoding): Buffer {
  const text = textBody(TEXT, { charset, encoding })
  const mixed = multipart('mixed', [message(text.headers, text.body), attachment('screen.png', 'image/png', 3000)], {
    boundary: '=_inner',
  })
  const head = envelope({
    subject: word(SUBJECT, charset, 'Q'),
    from: `${word('Ольга Смирнова', charset)} <olga@flowers.ru>`,
    date: 'Thu, 19 Nov 2026 18:00:00 +0300',
    id: 'inner-1@flowers.ru',
  })
  return message([...head, ...mixed.headers], mixed.body)
}

/** The attached letter as regdesk writes it into the text: a forward under Gmail's separator. */
const INNER_BLOCK = `---------- Forwarded message ----------
From: Ольга Смирнова <olga@flowers.ru>
Date: Thu, 19 Nov 2026 18:00:00 +0300
Subject: ${SUBJECT}

${TEXT}`

const LONG_NOTE =
  'Добрый день. Это уже третье письмо по этой проблеме: мы обновились до 10.4 в понедельник, и с тех пор заказы не оформляются. Ниже прикладываю письмо клиента от четверга.'

/** A colleague's letter with a note and the customer's letter attached as message/rfc822. */
function withAttachedLetter(note: string, attached: Buffer, disposition: string): Buffer {
  const text = textBody(note)
  const mixed = multipart('mixed', [
    message(text.headers, text.body),
    message(['Content-Type: message/rfc822', disposition], attached),
  ])
  return message(
    [...envelope({ subject: `FW: ${SUBJECT}`, from: FROM_LINE, id: 'outer-1@shop.ru' }), ...mixed.headers],
    mixed.body,
  )
}

const CASES: Case[] = [
  ...['utf-8', 'windows-1251', 'koi8-r', 'iso-8859-5'].flatMap((cs) =>
    (['8bit', 'quoted-printable', 'base64'] as Encoding[]).map((enc) => encoded(cs, enc)),
  ),
  {
    name: 'subject in base64 words of two charsets, folded',
    raw: letter({
      subject: `${word('Не работает', 'koi8-r', 'B')}\r\n ${word(' корзина', 'windows-1251', 'B')}`,
      from: FROM_LINE,
      text: TEXT,
    }),
  },
  {
    name: 'sender name in ISO-8859-5 Q words, quoted',
    raw: letter({ subject: SUBJECT, from: `"${word('Иван Петров', 'iso-8859-5', 'Q')}" <ivan@shop.ru>`, text: TEXT }),
  },
  {
    // PHP's mb_encode_mimeheader on a site's form: the address is inside the encoded word
    name: 'sender name and address in one encoded word',
    raw: letter({ subject: SUBJECT, from: word('Иван Петров <ivan@shop.ru>', 'utf-8'), text: TEXT }),
  },
  {
    name: 'raw UTF-8 headers (RFC 6532)',
    raw: letter({ subject: SUBJECT, from: '"Иван Петров" <ivan@shop.ru>', text: TEXT }),
  },
  {
    name: 'undeclared 8-bit headers and body in Windows-1251',
    raw: message(
      [...envelope({ from: '"Иван Петров" <ivan@shop.ru>', subject: SUBJECT })].map((h) => encode(h, 'windows-1251')),
      encode(TEXT, 'windows-1251'),
    ),
  },
  {
    name: 'undeclared 8-bit headers and body in KOI8-R',
    raw: message(
      [...envelope({ from: '"Иван Петров" <ivan@shop.ru>', subject: SUBJECT })].map((h) => encode(h, 'koi8-r')),
      // KOI8-R has no « »: the letter says it with quotes
      encode(TEXT.replace(/[«»]/g, '"'), 'koi8-r'),
    ),
    body: TEXT.replace(/[«»]/g, '"'),
    fresh: TEXT.replace(/[«»]/g, '"'),
  },
  {
    name: 'a charset no decoder knows («win-1251»): read as the 8-bit text it is',
    raw: message(
      [...envelope({ from: FROM_LINE, subject: SUBJECT }), 'Content-Type: text/plain; charset=win-1251'],
      encode(TEXT, 'windows-1251'),
    ),
  },
  {
    name: 'a subject and text in a charset no decoder knows («x-unknown»): both read as the 8-bit text they are',
    raw: message(
      [
        ...envelope({
          from: FROM_LINE,
          subject: word(SUBJECT, 'windows-1251', 'Q').replace('windows-1251', 'x-unknown'),
        }),
        'Content-Type: text/plain; charset=x-unknown',
      ],
      encode(TEXT, 'windows-1251'),
    ),
  },
  {
    name: 'a multipart letter whose Content-Type names no boundary: its parts found by their first "--" line',
    raw: message(
      [...envelope({ from: FROM_LINE, subject: SUBJECT }), 'MIME-Version: 1.0', 'Content-Type: multipart/mixed'],
      `--x\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${TEXT}\r\n--x--\r\n`,
    ),
  },
  {
    name: 'a charset no decoder knows («koi8r»): read as the 8-bit text it is',
    raw: message(
      [...envelope({ from: FROM_LINE, subject: SUBJECT }), 'Content-Type: text/plain; charset=koi8r'],
      encode(TEXT.replace(/[«»]/g, '"'), 'koi8-r'),
    ),
    body: TEXT.replace(/[«»]/g, '"'),
    fresh: TEXT.replace(/[«»]/g, '"'),
  },
  {
    name: 'multipart/alternative: the text part is read, not the HTML',
    raw: (() => {
      const text = textBody(TEXT, { encoding: 'quoted-printable' })
      const html = textBody('<p>HTML version</p>', { type: 'text/html', encoding: 'base64' })
      const alt = multipart('alternative', [message(text.headers, text.body), message(html.headers, html.body)])
      return message([...envelope({ subject: SUBJECT, from: FROM_LINE }), ...alt.headers], alt.body)
    })(),
  },
  {
    name: 'HTML only, Windows-1251 base64: tags stripped, blocks as lines, entities decoded',
    raw: letter({
      subject: SUBJECT,
      from: FROM_LINE,
      type: 'text/html',
      charset: 'windows-1251',
      encoding: 'base64',
      text: '<html><head><style>p{color:red}</style></head><body><p>Здравствуйте!&nbsp;После обновления не работает корзина: &laquo;Ошибка&#160;500&raquo;.<br>Сайт shop.ru, версия&nbsp;10.4.</p><script>alert(1)</script></body></html>',
    }),
    body: 'Здравствуйте! После обновления не работает корзина: «Ошибка 500».\nСайт shop.ru, версия 10.4.',
    fresh: 'Здравствуйте! После обновления не работает корзина: «Ошибка 500».\nСайт shop.ru, версия 10.4.',
  },
  {
    name: 'HTML-only reply: the letter it quotes in a <blockquote> stored as "> " lines, kept out of triage',
    raw: letter({
      subject: SUBJECT,
      from: FROM_LINE,
      type: 'text/html',
      charset: 'utf-8',
      encoding: '8bit',
      text: '<html><body><div>Ошибка в корзине осталась, версия 11.2.5.</div>\n<blockquote style="border-left:1px solid #ccc">Здравствуйте! Перенос сайта на другой хостинг мы не выполняем.</blockquote></body></html>',
    }),
    body: 'Ошибка в корзине осталась, версия 11.2.5.\n> Здравствуйте! Перенос сайта на другой хостинг мы не выполняем.',
    fresh: 'Ошибка в корзине осталась, версия 11.2.5.',
  },
  {
    name: 'HTML list and table in multipart/alternative without a text part',
    raw: (() => {
      const html = textBody('<div>Ошибки:</div><ul><li>корзина</li><li>оплата &amp; доставка</li></ul>', {
        type: 'text/html',
        encoding: 'quoted-printable',
      })
      const alt = multipart('alternative', [message(html.headers, html.body)])
      return message([...envelope({ subject: SUBJECT, from: FROM_LINE }), ...alt.headers], alt.body)
    })(),
    body: 'Ошибки:\n- корзина\n- оплата & доставка',
    fresh: 'Ошибки:\n- корзина\n- оплата & доставка',
  },
  {
    name: 'multipart/mixed with two attachments: names, types, sizes',
    raw: (() => {
      const text = textBody(TEXT, { charset: 'koi8-r', encoding: 'quoted-printable' })
      const mixed = multipart('mixed', [
        message(text.headers, text.body),
        attachment('screenshot.png', 'image/png', 2048),
        attachment('error.log', 'text/plain', 700),
      ])
      return message([...envelope({ subject: SUBJECT, from: FROM_LINE }), ...mixed.headers], mixed.body)
    })(),
    body: TEXT.replace(/[«»]/g, '?'),
    fresh: TEXT.replace(/[«»]/g, '?'),
    attachments: [
      { name: 'screenshot.png', type: 'image/png', size: 2048 },
      { name: 'error.log', type: 'text/plain', size: 700 },
    ],
  },
  {
    name: 'mixed > alternative + an attachment with a Russian name (RFC 2047)',
    raw: (() => {
      const text = textBody(TEXT, { encoding: 'base64' })
      const html = textBody('<p>x</p>', { type: 'text/html' })
      const alt = multipart('alternative', [message(text.headers, text.body), message(html.headers, html.body)])
      const name = word('Счёт №5.pdf', 'utf-8')
      const mixed = multipart('mixed', [message(alt.headers, alt.body), attachment(name, 'application/pdf', 10_000)])
      return message([...envelope({ subject: SUBJECT, from: FROM_LINE }), ...mixed.headers], mixed.body)
    })(),
    attachments: [{ name: 'Счёт №5.pdf', type: 'application/pdf', size: 10_000 }],
  },
  {
    name: 'forwarded with a note above (Russian)',
    raw: letter({
      subject: `Fwd: ${SUBJECT}`,
      from: FROM_LINE,
      text: `Посмотрите, пожалуйста, срочно.\n\n-------- Пересылаемое сообщение --------\nОт: Клиент <c@x.ru>\nТема: корзина\n\n${TEXT}`,
    }),
    subject: `Fwd: ${SUBJECT}`,
    body: `Посмотрите, пожалуйста, срочно.\n\n-------- Пересылаемое сообщение --------\nОт: Клиент <c@x.ru>\nТема: корзина\n\n${TEXT}`,
    // the letter passed on under a short note is the request: triage reads the note and the letter, not its headers
    fresh: `Посмотрите, пожалуйста, срочно.\n\n${TEXT}`,
  },
  {
    name: 'forwarded with nothing new (English separator)',
    raw: letter({
      subject: `Fwd: ${SUBJECT}`,
      from: FROM_LINE,
      text: `---------- Forwarded message ---------\nFrom: Client <c@x.ru>\n\n${TEXT}`,
    }),
    subject: `Fwd: ${SUBJECT}`,
    body: `---------- Forwarded message ---------\nFrom: Client <c@x.ru>\n\n${TEXT}`,
    fresh: TEXT,
  },
  {
    name: 'forwarded as an attachment (Outlook): the attached letter, in Windows-1251, is the request',
    raw: withAttachedLetter(
      'Коллеги, пересылаю письмо клиента.',
      innerLetter('windows-1251', '8bit'),
      'Content-Disposition: attachment; filename="letter.eml"',
    ),
    subject: `FW: ${SUBJECT}`,
    body: `Коллеги, пересылаю письмо клиента.\n\n${INNER_BLOCK}`,
    fresh: `Коллеги, пересылаю письмо клиента.\n\n${TEXT}`,
    attachments: [
      { name: 'letter.eml', type: 'message/rfc822', size: innerLetter('windows-1251', '8bit').length },
      { name: 'screen.png', type: 'image/png', size: 3000 },
    ],
  },
  {
    name: 'forwarded inline as message/rfc822: read as the same forward',
    raw: withAttachedLetter('Пересылаю.', innerLetter('utf-8', 'quoted-printable'), 'Content-Disposition: inline'),
    subject: `FW: ${SUBJECT}`,
    body: `Пересылаю.\n\n${INNER_BLOCK}`,
    fresh: `Пересылаю.\n\n${TEXT}`,
    // named after its subject, as Outlook saves a letter that has no file name
    attachments: [
      { name: `${SUBJECT}.eml`, type: 'message/rfc822', size: innerLetter('utf-8', 'quoted-printable').length },
      { name: 'screen.png', type: 'image/png', size: 3000 },
    ],
  },
  {
    name: 'a letter of its own with an earlier letter attached: the attached one is earlier correspondence',
    raw: withAttachedLetter(LONG_NOTE, innerLetter('utf-8', '8bit'), 'Content-Disposition: attachment'),
    subject: `FW: ${SUBJECT}`,
    body: `${LONG_NOTE}\n\n${INNER_BLOCK}`,
    fresh: LONG_NOTE,
    attachments: [
      { name: `${SUBJECT}.eml`, type: 'message/rfc822', size: innerLetter('utf-8', '8bit').length },
      { name: 'screen.png', type: 'image/png', size: 3000 },
    ],
  },
  {
    name: 'a delivery report: the bounced letter it carries is not read into the text',
    raw: (() => {
      const report = multipart('report', [
        message(['Content-Type: text/plain; charset=utf-8'], 'Delivery to the following recipient failed.'),
        message(['Content-Type: message/rfc822'], innerLetter('utf-8', '8bit')),
      ])
      return message(
        [...envelope({ subject: 'Undelivered Mail', from: 'MAILER-DAEMON <mailer@x.ru>' }), ...report.headers].map(
          (h) => h.replace('multipart/report;', 'multipart/report; report-type=delivery-status;'),
        ),
        report.body,
      )
    })(),
    subject: 'Undelivered Mail',
    from: { name: 'MAILER-DAEMON', address: 'mailer@x.ru' },
    body: 'Delivery to the following recipient failed.',
    fresh: 'Delivery to the following recipient failed.',
    attachments: [{ name: '(unnamed)', type: 'message/rfc822', size: innerLetter('utf-8', '8bit').length }],
  },
  {
    name: 'reply in English: "On … wrote:" and quoted lines',
    raw: letter({
      subject: `Re: ${SUBJECT}`,
      from: FROM_LINE,
      text: `The cart is still broken.\n\nOn Thu, 19 Nov 2026 at 18:00, Support <s@moguta.ru> wrote:\n> Please clear the cache.\n> Regards`,
    }),
    subject: `Re: ${SUBJECT}`,
    body: 'The cart is still broken.\n\nOn Thu, 19 Nov 2026 at 18:00, Support <s@moguta.ru> wrote:\n> Please clear the cache.\n> Regards',
    fresh: 'The cart is still broken.',
  },
  {
    name: 'reply in English with the attribution wrapped on two lines',
    raw: letter({
      subject: `Re: ${SUBJECT}`,
      from: FROM_LINE,
      text: 'Still broken.\n\nOn Thu, 19 Nov 2026 at 18:00, Support Team <support@moguta.ru>\nwrote:\n\n> Clear the cache.',
    }),
    subject: `Re: ${SUBJECT}`,
    body: 'Still broken.\n\nOn Thu, 19 Nov 2026 at 18:00, Support Team <support@moguta.ru>\nwrote:\n\n> Clear the cache.',
    fresh: 'Still broken.',
  },
  {
    name: 'reply in Russian: «… пишет:»',
    raw: letter({
      subject: `Re: ${SUBJECT}`,
      from: FROM_LINE,
      charset: 'windows-1251',
      encoding: 'quoted-printable',
      text: 'Кэш очистили, не помогло.\n\n19.11.2026 18:00, Поддержка Moguta пишет:\n> Очистите кэш.\n>> Корзина не работает',
    }),
    subject: `Re: ${SUBJECT}`,
    body: 'Кэш очистили, не помогло.\n\n19.11.2026 18:00, Поддержка Moguta пишет:\n> Очистите кэш.\n>> Корзина не работает',
    fresh: 'Кэш очистили, не помогло.',
  },
  {
    name: 'reply in Russian, Yandex attribution, answer below an inline quote',
    raw: letter({
      subject: `Re: ${SUBJECT}`,
      from: FROM_LINE,
      text: '> Какая версия?\nВерсия 10.4.\n\n19.11.2026, 18:00, "Поддержка" <s@moguta.ru>:\n> Здравствуйте',
    }),
    subject: `Re: ${SUBJECT}`,
    body: '> Какая версия?\nВерсия 10.4.\n\n19.11.2026, 18:00, "Поддержка" <s@moguta.ru>:\n> Здравствуйте',
    fresh: 'Версия 10.4.',
  },
  {
    name: 'Outlook: -----Original Message-----',
    raw: letter({
      subject: `RE: ${SUBJECT}`,
      from: FROM_LINE,
      text: 'Do you have news?\n\n-----Original Message-----\nFrom: Support\nSent: Thursday\n\nWe are looking into it.',
    }),
    subject: `RE: ${SUBJECT}`,
    body: 'Do you have news?\n\n-----Original Message-----\nFrom: Support\nSent: Thursday\n\nWe are looking into it.',
    fresh: 'Do you have news?',
  },
  {
    name: 'Outlook in Russian: «От: / Отправлено:» header block',
    raw: letter({
      subject: `RE: ${SUBJECT}`,
      from: FROM_LINE,
      charset: 'koi8-r',
      encoding: 'base64',
      text: 'Есть новости?\n\nОт: Поддержка [mailto:s@moguta.ru]\nОтправлено: 19 ноября 2026 г. 18:00\nТема: корзина\n\nРазбираемся.',
    }),
    subject: `RE: ${SUBJECT}`,
    body: 'Есть новости?\n\nОт: Поддержка [mailto:s@moguta.ru]\nОтправлено: 19 ноября 2026 г. 18:00\nТема: корзина\n\nРазбираемся.',
    fresh: 'Есть новости?',
  },
  {
    name: 'signature after "-- "',
    raw: letter({ subject: SUBJECT, from: FROM_LINE, text: `${TEXT}\n\n-- \nИван Петров, ООО «Шоп»\nhttps://shop.ru` }),
    body: `${TEXT}\n\n-- \nИван Петров, ООО «Шоп»\nhttps://shop.ru`,
    fresh: TEXT,
  },
  {
    name: 'Russian sign-off with name and phone',
    raw: letter({ subject: SUBJECT, from: FROM_LINE, text: `${TEXT}\n\n${signOff}` }),
    body: `${TEXT}\n\n${signOff}`,
    fresh: TEXT,
  },
  {
    name: 'a "С уважением" inside the text is not a sign-off',
    raw: letter({
      subject: SUBJECT,
      from: FROM_LINE,
      text: `С уважением\nпишу вам третий раз.\n${TEXT}\n1\n2\n3\n4\n5\n6\n7`,
    }),
    body: `С уважением\nпишу вам третий раз.\n${TEXT}\n1\n2\n3\n4\n5\n6\n7`,
    fresh: `С уважением\nпишу вам третий раз.\n${TEXT}\n1\n2\n3\n4\n5\n6\n7`,
  },
  {
    name: 'mobile device line',
    raw: letter({ subject: SUBJECT, from: FROM_LINE, text: `${TEXT}\n\nОтправлено с iPhone` }),
    body: `${TEXT}\n\nОтправлено с iPhone`,
    fresh: TEXT,
  },
  {
    name: 'Date in GMT with a comment',
    raw: letter({ subject: SUBJECT, from: FROM_LINE, text: TEXT, date: 'Fri, 20 Nov 2026 07:15:00 GMT (UTC)' }),
    date: '2026-11-20T07:15:00+00:00',
  },
  {
    name: 'Date with a negative offset, no day of week',
    raw: letter({ subject: SUBJECT, from: FROM_LINE, text: TEXT, date: '19 Nov 2026 23:15 -0500' }),
    date: '2026-11-19T23:15:00-05:00',
  },
  { name: 'no Date', raw: letter({ subject: SUBJECT, from: FROM_LINE, text: TEXT, date: null }), date: null },
  {
    name: 'a Date that is not a date',
    raw: letter({ subject: SUBJECT, from: FROM_LINE, text: TEXT, date: '31 Feb 2026 10:00 +0300' }),
    date: null,
  },
  { name: 'no From', raw: letter({ subject: SUBJECT, text: TEXT }), from: null },
  {
    name: 'no Message-ID, LF line ends',
    raw: Buffer.from(
      letter({ subject: SUBJECT, from: FROM_LINE, text: TEXT, id: null }).toString().replace(/\r\n/g, '\n'),
    ),
  },
  {
    name: 'truncated multipart (no closing boundary, the last part cut)',
    raw: (() => {
      const text = textBody(TEXT)
      const mixed = multipart(
        'mixed',
        [
          message(text.headers, text.body),
          Buffer.from('Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo'),
        ],
        { end: false },
      )
      return message([...envelope({ subject: SUBJECT, from: FROM_LINE }), ...mixed.headers], mixed.body)
    })(),
    // the cut part is listed with what arrived of it
    attachments: [{ name: '(unnamed)', type: 'image/png', size: 8 }],
  },
  {
    name: 'broken base64 body: what decodes is read',
    raw: message(
      [
        ...envelope({ subject: SUBJECT, from: FROM_LINE }),
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: base64',
      ],
      `${Buffer.from('Корзина не работает').toString('base64')}\r\n!!!***`,
    ),
    body: 'Корзина не работает',
    fresh: 'Корзина не работает',
  },
]

describe('a corpus of letters', () => {
  it('has at least 30 letters', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30)
  })

  it.each(CASES.map((c) => [c.name, c]))('%s: read exactly', async (_name, c) => {
    const mail = await readMail(c.raw)
    expect(mail.subject).toBe(c.subject ?? SUBJECT)
    expect(mail.from).toEqual(c.from === undefined ? FROM : c.from)
    expect(mail.body).toBe(c.body ?? TEXT)
    expect(mail.fresh).toBe(c.fresh ?? c.body ?? TEXT)
    expect(mail.attachments).toEqual(c.attachments ?? [])
  })

  it.each(CASES.map((c) => [c.name, c]))('%s: triage --eml - --json', async (_name, c) => {
    const r = await runCli(['triage', '-r', 'moguta', '--eml', '-', '--json'], {}, c.raw)
    expect(r.exitCode, r.stderr).toBe(0)
    const out = JSON.parse(r.stdout)
    const date = c.date === undefined ? DATE : c.date
    expect(out.email).toMatchObject({
      subject: c.subject ?? SUBJECT,
      from: c.from === undefined ? FROM : c.from,
      date,
      attachments: c.attachments ?? [],
    })
    // no Date: received now (REGDESK_NOW), said on stderr
    expect(out.received_at).toBe(date === null ? '2026-11-20T15:00:00+03:00' : received(date))
    if (date === null)
      expect(r.stderr).toMatch(/note: the (Date header .* is not a date|e-mail has no Date header); received now/)
  })
})

/** An instant in Moscow time, as triage gives received_at under moguta. */
function received(iso: string): string {
  const ms = Date.parse(iso) + 3 * 3600_000
  return `${new Date(ms).toISOString().slice(0, 19)}+03:00`
}
