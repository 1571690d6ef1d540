import { Readable } from 'node:stream'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { phraseBook } from '../../../src/cli/messages/phrases.js'
import { ruPhrases } from '../../../src/cli/messages/ru-phrases.js'
import { rereadWindows1252 } from '../../../src/mail/charset.js'
import { mailDateIso, parseMailDate } from '../../../src/mail/date.js'
import { htmlToText } from '../../../src/mail/html-text.js'
import { countMbox, splitMbox } from '../../../src/mail/mbox.js'
import { splitBody } from '../../../src/mail/quotes.js'

describe('parseMailDate', () => {
  it.each([
    ['Fri, 20 Nov 2026 10:15:00 +0300', '2026-11-20T10:15:00+03:00'],
    ['Fri,  20 Nov 2026 10:15 +0300 (MSK)', '2026-11-20T10:15:00+03:00'],
    ['20 Nov 26 10:15:00 -0000', '2026-11-20T10:15:00+00:00'],
    ['Fri, 20 Nov 2026 02:15:00 EST', '2026-11-20T02:15:00-05:00'],
    ['Fri, 20 Nov 2026 10:15:00 MSK', '2026-11-20T10:15:00+03:00'],
    ['Fri, 20 Nov 2026 10:15:00 +0530', '2026-11-20T10:15:00+05:30'],
  ])('%s', (header, iso) => {
    const d = parseMailDate(header)
    expect(d && mailDateIso(d)).toBe(iso)
    expect(d?.ms).toBe(Date.parse(iso))
  })

  it.each([
    'вчера',
    '2026-11-20 10:15',
    '31 Feb 2026 10:00 +0300',
    '20 Nov 2026 25:00 +0300',
    '20 Nov 2026 10:00 +0377',
    '20 Nov 2026 10:00 XYZ',
    '01 Jan 1901 00:00 +0000',
  ])('not a date: %s', (header) => {
    expect(parseMailDate(header)).toBeUndefined()
  })
})

describe('splitBody', () => {
  it('keeps every line: the new part and the rest', () => {
    const body = 'Новое\n> старое\nещё новое\n\nOn Mon, 1 Jan 2026, A <a@b> wrote:\n> x'
    const { fresh, earlier } = splitBody(body)
    expect(fresh).toBe('Новое\nещё новое')
    expect(earlier).toBe('> старое\nOn Mon, 1 Jan 2026, A <a@b> wrote:\n> x')
  })

  it('a letter forwarded under a short cover note is the request; under a letter of its own, earlier correspondence', () => {
    const forward = [
      'Коллеги, пересылаю письмо клиента.',
      '',
      '-------- Пересылаемое сообщение --------',
      '30.11.2026, 10:00, Мария <maria@flowers.ru>:',
      'Добрый день! На сайте flowers.ru не отображаются картинки товаров.',
      '',
      '--',
      'Мария, flowers.ru',
    ].join('\n')
    expect(splitBody(forward)).toMatchObject({
      fresh: 'Коллеги, пересылаю письмо клиента.',
      forwarded: 'Добрый день! На сайте flowers.ru не отображаются картинки товаров.',
    })
    const outlook =
      'FYI\n\n---------- Forwarded message ---------\nFrom: Ivan <i@shop.ru>\nDate: Mon, 30 Nov 2026\nSubject: cart\n\nThe cart is empty after login.'
    expect(splitBody(outlook).forwarded).toBe('The cart is empty after login.')
    const own = `${'Мы сами разобрались с частью вопроса, но осталась проблема с корзиной: '.repeat(2)}\n\n-------- Пересылаемое сообщение --------\nстарое`
    expect(splitBody(own).forwarded).toBe('')
    expect(splitBody('Новое\n\n-----Original Message-----\nстарое').forwarded).toBe('')
  })

  it('a sign-off followed by a long text is not cut', () => {
    const body = `С уважением,\n${Array.from({ length: 8 }, (_, i) => `строка ${i}`).join('\n')}`
    expect(splitBody(body).fresh).toBe(body)
  })
})

describe('htmlToText', () => {
  it('paragraphs, breaks, entities, hidden parts', () => {
    expect(
      htmlToText(
        '<p>Один&nbsp;&amp;&#8470;1</p>\n<p>Два<br/>три</p><!-- x --><style>.a{}</style><table><tr><td>a</td><td>b</td></tr></table>',
      ),
    ).toBe('Один &№1\n\nДва\nтри\n\na\tb')
  })

  it('a <blockquote> (the letter a reply quotes) as "> " lines, nested ones deeper', () => {
    expect(
      htmlToText(
        '<div>Ошибка в корзине осталась.</div><blockquote style="x"><p>Здравствуйте!<br>Перенос сайта мы не выполняем.</p><blockquote>Старое письмо</blockquote></blockquote><div>Иван</div>',
      ),
    ).toBe('Ошибка в корзине осталась.\n> Здравствуйте!\n> Перенос сайта мы не выполняем.\n\n> > Старое письмо\nИван')
  })
})

describe('rereadWindows1252', () => {
  it('gets back Windows-1251 and KOI8-R that were read as Windows-1252', () => {
    const text = 'Не работает корзина — «ошибка»'
    const as1252 = (b: Buffer) => new TextDecoder('windows-1252').decode(b)
    expect(rereadWindows1252(as1252(iconv.encode(text, 'windows-1251')))).toEqual({ text, detected: 'windows-1251' })
    const koi = 'Не работает корзина'
    expect(rereadWindows1252(as1252(iconv.encode(koi, 'koi8-r')))).toEqual({ text: koi, detected: 'koi8-r' })
    expect(rereadWindows1252('plain ASCII')).toBeUndefined()
    expect(rereadWindows1252('уже Unicode')).toBeUndefined()
  })
})

describe('splitMbox', () => {
  const chunks = (text: string, size: number) =>
    Readable.from(
      Array.from({ length: Math.ceil(text.length / size) }, (_, i) =>
        Buffer.from(text.slice(i * size, (i + 1) * size), 'latin1'),
      ),
    )
  const box =
    'From a Fri\nSubject: 1\n\n>From here\n>>From there\n>not from\n\nFrom b Sat\nSubject: 2\n\nFrom: not a separator\n'

  it.each([1, 3, 7, 4096])('splits and unescapes in chunks of %i bytes', async (size) => {
    const got: string[] = []
    for await (const m of splitMbox(chunks(box, size), 1000)) got.push(`${m.number}:${m.bytes?.toString('latin1')}`)
    expect(got).toEqual([
      '1:Subject: 1\n\nFrom here\n>From there\n>not from\n\n',
      '2:Subject: 2\n\nFrom: not a separator\n',
    ])
    expect(await countMbox(chunks(box, size))).toBe(2)
  })

  it('a message over the limit comes without its bytes', async () => {
    const big = `From a\nSubject: big\n\n${'x'.repeat(5000)}\nFrom b\nSubject: small\n\nok\n`
    const got = []
    for await (const m of splitMbox(chunks(big, 1000), 1000)) got.push({ n: m.number, kept: m.bytes !== null })
    expect(got).toEqual([
      { n: 1, kept: false },
      { n: 2, kept: true },
    ])
  })
})

describe('the Russian of every e-mail sentence', () => {
  const book = phraseBook(ruPhrases())
  it.each([
    'the e-mail is larger than 25 MB; regdesk reads letters up to 25 MB',
    '/tmp/a.eml is larger than 25 MB; regdesk reads letters up to 25 MB (save the attachments apart)',
    'the e-mail on stdin is larger than 25 MB; regdesk reads letters up to 25 MB (save the attachments apart)',
    'the e-mail is empty',
    'the e-mail cannot be read: its MIME parts are nested more than 50 deep',
    'the e-mail cannot be read: it has more than 1000 MIME parts',
    'the e-mail cannot be read: its headers are larger than 1 MB',
    'the e-mail cannot be read: its forwarded letters name more than 1000 addresses',
    'the e-mail cannot be read: it is not a MIME message',
    'the e-mail has no header lines (From:, Subject:, …); is it a letter saved as text?',
    "the e-mail's headers declare no charset; read as windows-1251",
    "the e-mail's text declares no charset; read as koi8-r",
    "the e-mail's text declares a charset no decoder knows (win-1251); read as windows-1251",
    'reading the e-mail from the terminal: finish with Ctrl-D on an empty line',
    'the Date header "вчера" is not a date; received now',
    'message 12: the e-mail has no Date header; received now',
    'give the request as text, --file or --mbox, only one of them',
    '--encoding applies to --file and stdin text; an e-mail declares its own charsets',
    'the e-mail has neither a subject nor a text to triage',
    'the e-mail has neither a subject nor a text',
    '--mbox takes no --eml, --subject or --received-at: each message gives its own',
    '3 of 6 messages could not be taken in; the others were (see above)',
    'the mailbox does not start with a "From " line; is it an mbox file?',
  ])('%s', (sentence) => {
    expect(book.knows(sentence)).toBe(true)
    expect(book.say(sentence)).not.toMatch(/\b(the|is|and|of)\b/)
  })
})
