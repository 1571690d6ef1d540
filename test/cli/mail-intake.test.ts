import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli, tempDir } from '../support/in-process.js'
import { envelope, letter, letterWithFile, mbox, message, word } from '../support/mail.js'

/** `tickets add --eml` and `--mbox`: one ticket per letter, by Message-ID, the whole text stored, the new part triaged. */

const REPLY = letter({
  subject: `Re: ${word('Переезд на новый хостинг', 'windows-1251')}`,
  from: `${word('Иван Петров', 'koi8-r')} <ivan@shop.ru>`,
  date: 'Fri, 20 Nov 2026 07:15:00 +0000',
  id: 'reply-1@shop.ru',
  charset: 'windows-1251',
  encoding: 'quoted-printable',
  text: [
    'Перенесите, пожалуйста, наш магазин на новый хостинг',
    'Доступ в админку: логин admin пароль Qw7-secret-99',
    '',
    '19.11.2026 18:00, Поддержка пишет:',
    '> После обновления белый экран на сайте shop.ru, ошибка 500 в админке',
  ].join('\n'),
})

function withAttachments(): Buffer {
  return letterWithFile({
    subject: 'Белый экран',
    from: 'ivan@shop.ru',
    id: 'att-1@shop.ru',
    text: 'После обновления белый экран на сайте shop.ru, ошибка 500 в админке',
  })
}

function storeEnv(): Record<string, string> {
  return { REGDESK_STORE: join(tempDir(), 'tickets.json') }
}

const add = (args: string[], env: Record<string, string>, stdin?: Buffer) =>
  runCli(['tickets', 'add', '-r', 'advantshop', ...args], env, stdin)

describe('triage --eml', () => {
  it('masks access data in the subject it shows, as in the text', async () => {
    const secret = letter({
      subject: word('доступ: логин admin пароль Qw12345zz', 'utf-8'),
      from: 'ivan@shop.ru',
      date: 'Fri, 20 Nov 2026 07:15:00 +0000',
      id: 'subj-1@shop.ru',
      text: 'После обновления белый экран на сайте shop.ru',
    })
    for (const json of [true, false]) {
      const r = await runCli(['triage', '-r', 'umi', '--eml', '-', ...(json ? ['--json'] : [])], {}, secret)
      expect(r.exitCode, r.stderr).toBe(0)
      expect(r.stdout + r.stderr).not.toContain('Qw12345zz')
      if (json) expect(JSON.parse(r.stdout).email.subject).toBe('доступ: логин •••••• пароль ••••••')
      else expect(r.stdout).toContain('доступ: логин •••••• пароль ••••••')
    }
  })

  it('a text that is not a letter: exit 3, and --json says invalid_data as for any exit 3', async () => {
    for (const command of [
      ['triage', '-r', 'umi'],
      ['tickets', 'add', '-r', 'umi'],
    ]) {
      const r = await runCli([...command, '--eml', '-', '--json'], storeEnv(), Buffer.from('just text, no headers\n'))
      expect(r.exitCode).toBe(3)
      expect(JSON.parse(r.stdout).error).toEqual({
        code: 'invalid_data',
        message: 'the e-mail has no header lines (From:, Subject:, …); is it a letter saved as text?',
        exit_code: 3,
      })
    }
  })
})

describe('the sender of a letter', () => {
  it('is a contact: a letter is not asked for one', async () => {
    const from = letter({
      subject: 'Не работает корзина',
      from: 'Иван <ivan@shop.ru>',
      date: 'Fri, 20 Nov 2026 10:15:00 +0300',
      id: 'contact-1@shop.ru',
      text: 'После обновления не работает корзина на сайте shop.ru',
    })
    const r = await runCli(['triage', '-r', 'umi', '--eml', '-', '--json'], {}, from)
    expect(r.exitCode, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout).missing).not.toContain('contact')
    const plain = await runCli(
      ['triage', '-r', 'umi', '--json', 'После обновления не работает корзина на сайте shop.ru'],
      {},
    )
    expect(JSON.parse(plain.stdout).missing).toContain('contact')
  })
})

describe('a Date header without a zone', () => {
  it("is read in the regulation's zone, with a note, by triage and by tickets add", async () => {
    const undated = letter({
      subject: 'Белый экран',
      from: 'ivan@shop.ru',
      date: 'Fri, 20 Nov 2026 10:15:00',
      id: 'nozone-1@shop.ru',
      text: 'После обновления белый экран на сайте shop.ru',
    })
    const t = await runCli(['triage', '-r', 'advantshop', '--eml', '-', '--json'], {}, undated)
    expect(t.stderr).toContain('note: the Date header has no time zone; read as Europe/Moscow time')
    expect(JSON.parse(t.stdout)).toMatchObject({
      email: { date: '2026-11-20T10:15:00+03:00' },
      received_at: '2026-11-20T10:15:00+03:00',
    })
    const added = await add(['--eml', '-', '--json'], storeEnv(), undated)
    expect(JSON.parse(added.stdout).received_at).toBe('2026-11-20T10:15:00+03:00')
  })
})

describe('tickets add --eml', () => {
  it('stores the letter: subject, customer, Date in the zone, channel email, the whole text, the new part triaged', async () => {
    const env = storeEnv()
    const r = await add(['--eml', '-', '--json'], env, REPLY)
    expect(r.exitCode, r.stderr).toBe(0)
    const t = JSON.parse(r.stdout)
    expect(t).toMatchObject({
      id: 'AS-000001',
      subject: 'Re: Переезд на новый хостинг',
      customer: 'Иван Петров <ivan@shop.ru>',
      received_at: '2026-11-20T10:15:00+03:00',
      channel: 'email',
      attachments: [],
    })
    // the quote is stored, the password masked as in every ticket
    expect(t.text).toContain('> После обновления белый экран на сайте shop.ru')
    expect(t.text).not.toContain('Qw7-secret-99')
    expect(t.secrets_masked).toBe(true)
    // triage read the new part only: the quoted white screen would have made it an in-scope update failure
    expect(t.triage.scope).not.toBe('in')
    const whole = await runCli(['triage', '-r', 'advantshop', '-c', 'email', '--json', '-'], env, Buffer.from(t.text))
    expect(JSON.parse(whole.stdout).scope).toBe('in')
  })

  it('lists attachments (never their content) and shows them', async () => {
    const env = storeEnv()
    const dir = tempDir()
    const file = join(dir, 'letter.eml')
    writeFileSync(file, withAttachments())
    const r = await add(['--eml', file, '--json'], env)
    expect(r.exitCode, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout).attachments).toEqual([{ name: 'screen.png', type: 'image/png', size: 3000 }])
    const shown = await runCli(['tickets', 'show', 'AS-000001'], env)
    expect(shown.stdout).toMatch(/attachments\s+screen\.png \(image\/png, 3 KB\)/)
    expect(shown.stdout).toMatch(/customer\s+ivan@shop\.ru/)
  })

  it('a letter already stored is named, not added again (exit 0)', async () => {
    const env = storeEnv()
    expect((await add(['--eml', '-'], env, REPLY)).exitCode).toBe(0)
    const again = await add(['--eml', '-'], env, REPLY)
    expect(again.exitCode).toBe(0)
    expect(again.stdout).toBe('AS-000001  already stored as AS-000001 (Message-ID reply-1@shop.ru); nothing added\n')
    const ru = await add(['--eml', '-', '--lang', 'ru'], env, REPLY)
    expect(ru.stdout).toContain('уже есть в хранилище: AS-000001')
    const json = await add(['--eml', '-', '--json'], env, REPLY)
    expect(JSON.parse(json.stdout)).toMatchObject({ id: 'AS-000001', already_stored: true })
    const fresh = await add(['--eml', '-', '--json'], storeEnv(), REPLY)
    expect(JSON.parse(fresh.stdout).already_stored).toBeUndefined()
    const list = await runCli(['tickets', 'list', '--json'], env)
    expect(JSON.parse(list.stdout)).toHaveLength(1)
  })

  it('a letter without Message-ID is known by the digest of its bytes', async () => {
    const env = storeEnv()
    const raw = letter({ subject: 'Корзина', from: 'a@b.ru', text: 'Не работает корзина', id: null })
    const first = JSON.parse((await add(['--eml', '-', '--json'], env, raw)).stdout)
    expect(first.id).toBe('AS-000001')
    const again = await add(['--eml', '-'], env, raw)
    expect(again.stdout).toMatch(/already stored as AS-000001 \(Message-ID sha256:[0-9a-f]{64}\)/)
  })

  it('a letter without Message-ID is the same letter in a file and in a mailbox, and as the last of a mailbox that grows', async () => {
    const env = storeEnv()
    const raw = letter({ subject: 'Поиск', from: 'x@y.ru', text: 'Поиск не работает', id: null })
    const other = letter({ subject: 'Оплата', from: 'c@d.ru', text: 'Не проходит оплата', id: null })
    const file = join(tempDir(), 'box.mbox')
    writeFileSync(file, mbox([raw]).subarray(0, -1))
    expect((await add(['--mbox', file], env)).stdout).toMatch(/^added 1, skipped 0/)
    writeFileSync(file, mbox([raw, other]))
    expect((await add(['--mbox', file], env)).stdout).toMatch(/^added 1, skipped 1/)
    expect((await add(['--eml', '-'], env, raw)).stdout).toMatch(/already stored as AS-000001/)
    expect(JSON.parse((await runCli(['tickets', 'list', '--json'], env)).stdout)).toHaveLength(2)
  })

  it('--received-at and --channel win over the letter', async () => {
    const env = storeEnv()
    const r = await add(['--eml', '-', '--json', '--received-at', '2026-11-20T09:00+03:00', '-c', 'portal'], env, REPLY)
    expect(JSON.parse(r.stdout)).toMatchObject({ received_at: '2026-11-20T09:00:00+03:00', channel: 'portal' })
    // a --received-at later than now is refused as for a text request
    const later = await add(['--eml', '-', '--received-at', '2026-11-21T09:00+03:00'], env, REPLY)
    expect(later.exitCode).toBe(2)
    expect(later.stderr).toMatch(/--received-at 2026-11-21T09:00\+03:00 is in the future/)
  })

  it('a letter dated later than now (a wrong clock) is received now, with a note; --force keeps its Date', async () => {
    const env = storeEnv()
    const dated = (id: string) =>
      letter({
        subject: 'Корзина',
        from: 'a@b.ru',
        date: 'Mon, 01 Nov 2027 10:00:00 +0300',
        id,
        text: 'Не работает корзина',
      })
    const r = await add(['--eml', '-', '--json'], env, dated('late-1@b.ru'))
    expect(r.exitCode, r.stderr).toBe(0)
    expect(r.stderr).toContain('the Date header "Mon, 01 Nov 2027 10:00:00 +0300" is later than now; received now')
    expect(JSON.parse(r.stdout).received_at).toBe('2026-11-20T15:00:00+03:00')
    const kept = await add(['--eml', '-', '--json', '--force'], env, dated('late-2@b.ru'))
    expect(JSON.parse(kept.stdout).received_at).toBe('2027-11-01T10:00:00+03:00')
  })

  it('--eml with a text or --file is a usage error', async () => {
    const r = await add(['--eml', '-', 'some text'], storeEnv(), REPLY)
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toBe('error: give the request as text, --file or --eml, only one of them\n')
  })
})

function mailbox(n: number, broken: Map<number, Buffer> = new Map()): Buffer {
  const letters: Buffer[] = []
  for (let i = 1; i <= n; i++)
    letters.push(
      broken.get(i) ??
        letter({
          subject: `Заявка ${i}`,
          from: `client${i}@shop${i % 7}.ru`,
          id: `m${i}@shop.ru`,
          date: `Thu, 19 Nov 2026 ${String(9 + (i % 9)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00 +0300`,
          text: `После обновления не работает корзина на сайте shop${i}.ru\nFrom the log: error ${i}\n>From here on`,
        }),
    )
  return mbox(letters)
}

describe('tickets add --mbox', () => {
  it('takes 1,000 letters in, then again: nothing added, every one skipped', async () => {
    const env = storeEnv()
    const file = join(tempDir(), 'support.mbox')
    writeFileSync(file, mailbox(1000))
    const first = await add(['--mbox', file, '--json'], env)
    expect(first.exitCode, first.stderr).toBe(0)
    const summary = JSON.parse(first.stdout)
    expect(summary).toMatchObject({ messages: 1000, added: 1000, skipped: 0, failed: 0, failures: [] })
    expect(summary.tickets[999]).toEqual({
      number: 1000,
      message_id: 'm1000@shop.ru',
      id: 'AS-001000',
      action: 'added',
    })
    const second = await add(['--mbox', file], env)
    expect(second.exitCode).toBe(0)
    expect(second.stdout.split('\n')[0]).toBe('added 0, skipped 1000 (already stored), failed 0')
    expect(second.stdout).toContain('message 1 <m1@shop.ru> → AS-000001')
    const info = await runCli(['store', 'info', '--json'], env)
    expect(JSON.parse(info.stdout).tickets).toBe(1000)
    // mboxrd: the body's quoted "From " lines come back as they were written
    const t = JSON.parse((await runCli(['tickets', 'show', 'AS-000007', '--json'], env)).stdout)
    expect(t.text).toBe('После обновления не работает корзина на сайте shop7.ru\nFrom the log: error 7\n>From here on')
    expect(t).toMatchObject({
      subject: 'Заявка 7',
      customer: 'client7@shop0.ru',
      received_at: '2026-11-19T16:07:00+03:00',
    })
  })

  it('broken letters fail with their number and reason, the others are taken in, exit 1', async () => {
    const env = storeEnv()
    const file = join(tempDir(), 'broken.mbox')
    const deep = (subject: string, id: string) => {
      let s = `Subject: ${subject}\r\nMessage-ID: <${id}>\r\n`
      for (let i = 0; i < 80; i++) s += `Content-Type: multipart/mixed; boundary=b${i}\r\n\r\n--b${i}\r\n`
      return Buffer.from(`${s}Content-Type: text/plain\r\n\r\nhi\r\n`)
    }
    const broken = new Map<number, Buffer>([
      [2, Buffer.from('just a line of text, no headers\n')],
      // subjects named in the summary are decoded (8-bit UTF-8, RFC 2047 words) and their passwords masked
      [3, deep(word('Не открывается, пароль: S3cretPass', 'utf-8'), 'words@x')],
      [4, deep('deep: пароль S3cretPass', 'deep@x')],
      [5, message(envelope({ from: 'a@b.ru', id: 'empty@x' }), '')],
    ])
    writeFileSync(file, mailbox(6, broken))
    const r = await add(['--mbox', file, '--json'], env)
    expect(r.exitCode).toBe(1)
    const s = JSON.parse(r.stdout)
    expect(s).toMatchObject({ messages: 6, added: 2, skipped: 0, failed: 4 })
    expect(r.stdout).not.toContain('S3cretPass')
    expect(s.failures).toEqual([
      {
        number: 2,
        message_id: null,
        subject: null,
        reason: 'the e-mail has no header lines (From:, Subject:, …); is it a letter saved as text?',
      },
      {
        number: 3,
        message_id: 'words@x',
        subject: 'Не открывается, пароль: ••••••',
        reason: 'the e-mail cannot be read: its MIME parts are nested more than 50 deep',
      },
      {
        number: 4,
        message_id: 'deep@x',
        subject: 'deep: пароль ••••••',
        reason: 'the e-mail cannot be read: its MIME parts are nested more than 50 deep',
      },
      { number: 5, message_id: 'empty@x', subject: null, reason: 'the e-mail has neither a subject nor a text' },
    ])
    expect(r.stderr).toBe('error: 4 of 6 messages could not be taken in; the others were (see above)\n')
    const human = await add(['--mbox', file, '--lang', 'ru'], env)
    expect(human.exitCode).toBe(1)
    expect(human.stdout).toContain('добавлено 0, пропущено 2 (уже в хранилище), с ошибкой 4')
    expect(human.stdout).toContain(
      'письмо 4 <deep@x> "deep: пароль ••••••": письмо не читается: его MIME-части вложены глубже 50 уровней',
    )
    expect(human.stdout).not.toContain('S3cretPass')
    expect(human.stderr).toBe('ошибка: 4 из 6 писем не принято; остальные приняты (см. выше)\n')
  })

  it('a file that is not a mailbox is refused (exit 3); a missing one is a usage error', async () => {
    const env = storeEnv()
    const file = join(tempDir(), 'not.mbox')
    writeFileSync(file, 'Subject: hi\n\nnot a mailbox\n')
    const r = await add(['--mbox', file], env)
    expect(r.exitCode).toBe(3)
    expect(r.stderr).toBe('error: the mailbox does not start with a "From " line; is it an mbox file?\n')
    const missing = await add(['--mbox', join(tempDir(), 'nope.mbox')], env)
    expect(missing.exitCode).toBe(1)
    expect(missing.stderr).toMatch(/^error: cannot read .*nope\.mbox \(ENOENT: no such file or directory\)\n$/)
    // a mailbox is read twice: stdin is said to be no file, not «cannot read -»
    const piped = await add(['--mbox', '-'], env, Buffer.from('From a@b Mon Nov 30 10:00:00 2026\nSubject: x\n\ny\n'))
    expect(piped.exitCode).toBe(2)
    expect(piped.stderr).toBe('error: --mbox takes a file, not stdin: save the mailbox to a file and give its name\n')
  })
})
