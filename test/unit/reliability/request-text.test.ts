import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { decodeAuto } from '../../../src/cli/triage-input.js'
import { runCli, tempStore } from '../../support/in-process.js'

/**
 * Issue 8, part 3 in-process: bad request text for both commands, and `--encoding auto` on
 * Russian text of every kind. reliability-input.e2e.test.ts runs samples through the binary.
 */

const LETTER = 'После обновления не открывается админка, пишет ошибку 500. Домен shop.ru, версия 8.2.'

describe('--encoding auto', () => {
  const samples = [
    LETTER,
    'Здравствуйте!',
    'не работает',
    'САЙТ НЕ РАБОТАЕТ, ПОМОГИТЕ СРОЧНО',
    'Ошибка 500 на странице /catalog/ после обновления модуля оплаты.',
    'Ёлки-палки, опять съехала вёрстка: «Корзина» не открывается — 3 дня подряд!',
    'Hello, the admin panel is down. Админка не открывается.',
    'Прошу выставить счёт на продление лицензии ООО «Ромашка», ИНН 7701234567.',
    // short greetings, where letter frequencies alone chose wrong: the cases of a wrong reading tell
    'Добрый день',
    'Добрый вечер',
  ]
  it.each(samples)('reads %j in windows-1251 and in koi8-r', (text) => {
    expect(decodeAuto(iconv.encode(text, 'windows-1251'))).toEqual({ text, detected: 'windows-1251' })
    // KOI8-R has no « » —: iconv writes "?" for them
    const koi8 = iconv.encode(text, 'koi8-r')
    expect(decodeAuto(koi8)).toEqual({ text: iconv.decode(koi8, 'koi8-r'), detected: 'koi8-r' })
    expect(decodeAuto(Buffer.from(text))).toEqual({ text, detected: 'utf-8' })
  })

  it('UTF-8 with a few broken bytes stays UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from(LETTER), Buffer.from([0xff, 0xfe]), Buffer.from(LETTER)])
    const { text, detected } = decodeAuto(bytes)
    expect(detected).toBe('utf-8')
    expect(text).toBe(`${LETTER}\ufffd\ufffd${LETTER}`)
  })

  it('never throws, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (a) => {
        const { text } = decodeAuto(Buffer.from(a))
        expect(typeof text).toBe('string')
      }),
      { numRuns: 300 },
    )
  })
})

const COMMANDS = [
  ['triage', ['triage', '-r', 'moguta']],
  ['tickets add', ['tickets', 'add', '-r', 'moguta']],
] as const

describe.each(COMMANDS)(
  '%s: a --file that cannot be read → exit 1 (a failure, as --help says), nothing stored',
  (_name, command) => {
    it.each([
      [
        'a missing file',
        '/nonexistent/letter.txt',
        /^error: cannot read \/nonexistent\/letter.txt \(ENOENT: no such file or directory\)$/,
      ],
      ['a directory', '/tmp', /^error: cannot read \/tmp \(EISDIR: it is a directory, not a file\)$/],
    ])('%s', async (_case, file, message) => {
      const store = tempStore()
      const r = await runCli([...command, '-f', file], { REGDESK_STORE: store })
      expect(r.exitCode).toBe(1)
      expect(r.stderr.trim()).toMatch(message)
      expect(() => readFileSync(store)).toThrow(/ENOENT/)
    })
  },
)

describe.each(COMMANDS)('%s: bad request text → exit 2, nothing stored', (_name, command) => {
  it.each([
    ['empty argument', [''], undefined, /the request text is empty/],
    ['whitespace only', [' \t\n\r\n  '], undefined, /the request text is empty/],
    ['empty stdin', ['-'], '', /the request text is empty/],
    ['whitespace on stdin', ['-'], '\n\n   \t\u00a0\n', /the request text is empty/],
    ['a BOM and nothing else', ['-'], '\ufeff', /the request text is empty/],
    ['NUL bytes on stdin', ['-'], 'сайт\u0000не\u0000работает', /looks like binary data/],
    ['mostly control bytes', ['-'], '\u0001\u0002\u0003\u0004 сайт', /looks like binary data/],
    ['more than 4 MB on stdin', ['-'], 'ж'.repeat(2_200_000), /larger than 4 MB/],
    ['--encoding with a text argument', ['--encoding', 'koi8-r', LETTER], undefined, /--encoding applies to text read/],
    [
      'an unknown encoding',
      ['--encoding', 'cp866', '-'],
      LETTER,
      /Allowed choices are auto, utf-8, windows-1251, koi8-r/,
    ],
    ['text and --file', [LETTER, '-f', '/tmp/x'], undefined, /give the text or --file, not both/],
  ] as const)('%s', async (_case, args, input, message) => {
    const store = tempStore()
    const r = await runCli([...command, ...args], { REGDESK_STORE: store }, input)
    expect(r.exitCode).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(message)
    expect(() => readFileSync(store)).toThrow(/ENOENT/)
  })
})
