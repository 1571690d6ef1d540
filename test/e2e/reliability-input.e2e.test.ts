import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { regdesk, tempDir } from './regdesk.js'

/**
 * Issue 8, part 3: hostile or odd request text through `regdesk triage` and `regdesk tickets add`:
 * empty, blank, 1 MB, binary, Windows-1251 and KOI8-R (--encoding), mixed scripts, emoji, control
 * characters and ANSI escapes, which never reach the terminal raw.
 */

const LETTER = 'После обновления не открывается админка, пишет ошибку 500. Домен shop.ru, версия 8.2.'
// biome-ignore lint/suspicious/noControlCharactersInRegex: the check itself
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/

function file(content: string | Buffer, name = 'request.txt'): string {
  const path = join(tempDir(), name)
  writeFileSync(path, content)
  return path
}

function storeEnv() {
  return { REGDESK_STORE: join(tempDir(), 'tickets.json') }
}

describe.concurrent('bad request text → exit 2, one line, nothing stored (test/unit/reliability has the matrix)', () => {
  it.each([
    ['triage, blank text', ['triage', '-r', 'moguta', ' \t\n '], /^error: the request text is empty$/],
    [
      'tickets add, binary file',
      [
        'tickets',
        'add',
        '-r',
        'moguta',
        '-f',
        file(Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256))),
      ],
      /^error: the request text looks like binary data \(NUL or control bytes\), not a letter; give its text$/,
    ],
    [
      'tickets add, more than 4 MB',
      ['tickets', 'add', '-r', 'moguta', '-f', file('ж'.repeat(2_200_000))],
      /^error: .* is larger than 4 MB; is it a request\?$/,
    ],
    [
      'triage, unknown encoding',
      ['triage', '-r', 'moguta', '--encoding', 'cp866', '-f', file(LETTER)],
      /Allowed choices are auto, utf-8, windows-1251, koi8-r/,
    ],
  ])('%s', async (_case, args, message) => {
    const env = storeEnv()
    const r = await regdesk(args, env)
    expect(r.exitCode).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr.split('\n')[0]).toMatch(message)
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /)
    expect(() => readFileSync(env.REGDESK_STORE)).toThrow(/ENOENT/)
  })
})

describe.concurrent('request text in Windows-1251 and KOI8-R', () => {
  const cp1251 = iconv.encode(LETTER, 'windows-1251')
  const koi8 = iconv.encode(LETTER, 'koi8-r')

  it.each([
    ['windows-1251 file, auto', cp1251, [], 'windows-1251'],
    ['koi8-r file, auto', koi8, [], 'koi8-r'],
    ['koi8-r file, --encoding koi8-r', koi8, ['--encoding', 'koi8-r'], null],
    ['utf-8 file with a BOM, --encoding utf-8', Buffer.from(`\ufeff${LETTER}`), ['--encoding', 'utf-8'], null],
  ] as const)('triage: %s', async (_case, bytes, args, detected) => {
    const r = await regdesk(['triage', '-r', 'moguta', '--json', ...args, '-f', file(bytes)])
    expect(r.exitCode, r.stderr).toBe(0)
    expect(r.stderr).toBe(
      detected ? `note: the request text is not UTF-8; read as ${detected} (choose with --encoding)` : '',
    )
    const verdict = JSON.parse(r.stdout)
    expect(verdict.topic.id).toBe('update-failure')
    expect(verdict.missing).not.toContain('domain')
  })

  it('tickets add stores the decoded text (stdin, koi8-r, auto)', async () => {
    const env = storeEnv()
    const r = await regdesk(['tickets', 'add', '-r', 'moguta', '--json', '-'], env, koi8 as unknown as string)
    expect(r.exitCode, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout).text).toBe(LETTER)
    expect(readFileSync(env.REGDESK_STORE, 'utf8')).toContain(LETTER)
  })

  it('the wrong explicit encoding is obeyed, not second-guessed', async () => {
    const r = await regdesk(['triage', '-r', 'moguta', '--json', '--encoding', 'koi8-r', '-f', file(cp1251)])
    expect(r.exitCode).toBe(0)
    expect(r.stderr).toBe('')
    expect(JSON.parse(r.stdout).topic?.id).not.toBe('update-failure')
  })
})

describe.concurrent('odd but valid text is accepted and never echoed raw', () => {
  const ANSI = `\u001b]0;pwned\u0007\u001b[2J\u001b[31m${LETTER}\u001b[0m\u0008\u0008\u007f\u009b31m`
  it.each([
    ['mixed scripts', `${LETTER} Ошибка: Fatal error in /var/www/ядро.php — 管理 панель ελληνικά`],
    ['emoji', `${LETTER} 😡🔥 сайт лежит!!! 👨‍👩‍👧 🇷🇺`],
    ['control characters and ANSI escape sequences', ANSI],
    ['CRLF line ends', `${LETTER.replace(/, /g, ',\r\n')}\r\n`],
  ])('%s', async (_case, text) => {
    const env = storeEnv()
    const shown = [
      await regdesk(['triage', '-r', 'moguta', text]),
      await regdesk(['tickets', 'add', '-r', 'moguta', '--subject', text, '-f', file(text)], env),
      await regdesk(['tickets', 'show', 'MG-1'], env),
      await regdesk(['tickets', 'list'], env),
    ]
    for (const r of shown) {
      expect(r.exitCode, r.stderr).toBe(0)
      expect(`${r.stdout}${r.stderr}`).not.toMatch(RAW_CONTROL)
    }
    // JSON keeps the text exactly; C0 controls and ESC are escaped by JSON itself (DEL and C1 are legal JSON text)
    const json = await regdesk(['tickets', 'show', 'MG-1', '--json'], env)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the check itself
    expect(json.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/)
    expect(JSON.parse(json.stdout).text).toBe(text)
  })

  it('1 MB of text: triaged and stored whole', async () => {
    const text = `${LETTER} `.repeat(Math.ceil((1024 * 1024) / Buffer.byteLength(`${LETTER} `)))
    const env = storeEnv()
    const triaged = await regdesk(['triage', '-r', 'moguta', '--json', '-f', file(text)])
    expect(triaged.exitCode, triaged.stderr).toBe(0)
    expect(JSON.parse(triaged.stdout).topic.id).toBe('update-failure')
    const added = await regdesk(['tickets', 'add', '-r', 'moguta', '-'], env, text)
    expect(added.exitCode, added.stderr).toBe(0)
    const stored = JSON.parse(readFileSync(env.REGDESK_STORE, 'utf8')).tickets[0]
    expect(stored.text).toBe(text)
  })
})

// A pasted base64 image or log line is one long token. Patterns retried from every position of such a token
// («\S+@\S+\.\S+», a URL scheme after \b, a Latin letter inside a Cyrillic word) took minutes at this length (a run
// of 4,000 "@" took 45 s); each run here takes about a second, and is killed after 15 s.
describe.concurrent('a request that is one 300,000-character token is triaged and stored', () => {
  it.each(['а', '@', 'a.', 'www.', '.ru', 'v1.', 'a@b.', 'Zm9vYmFy+/='])('a run of %j', async (unit) => {
    const text = unit.repeat(Math.ceil(300_000 / unit.length)).slice(0, 300_000)
    const r = await regdesk(
      ['tickets', 'add', '-r', 'moguta', '--json', '-f', file(text)],
      storeEnv(),
      undefined,
      30_000,
    )
    expect(r.timedOut, 'killed after 15 s').toBe(false)
    expect(r.exitCode, r.stderr).toBe(0)
    expect(['in', 'out', 'unclear']).toContain(JSON.parse(r.stdout).triage.scope)
  })
})
