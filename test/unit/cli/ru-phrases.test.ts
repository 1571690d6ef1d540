import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { phraseBook } from '../../../src/cli/messages/phrases.js'
import { ruPhrases } from '../../../src/cli/messages/ru-phrases.js'
import { regdesk, tempDir, tempStore } from '../../support/in-process.js'

const book = phraseBook(ruPhrases())

/** Words that stay as they are in Russian text: names of things, formats, keys. */
const KEPT = new Set([
  'regdesk',
  'stdin',
  'ISO',
  'UTC',
  'URL',
  'NUL',
  'IANA',
  'SSL',
  'PostgreSQL',
  'Ctrl',
  'JSON',
  'ok',
])

/**
 * The English left in a line once its values are taken out: quoted values, option names, ids, paths, instants,
 * code-like words (digits, underscores, dots, slashes, `…`). Two English words in a row are an untranslated sentence.
 */
function englishIn(line: string): string | undefined {
  const rest = line
    .replace(/"[^"]*"|'[^']*'|«[^»]*»|`[^`]*`/g, ' ')
    .replace(/--[\w-]+/g, ' ')
    .replace(/<[\w-]+>/g, ' ')
    .replace(/\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?/g, ' ')
    .replace(/\S*[\d_./\\§@:]\S*/g, ' ')
  // a list of ids ("moguta, umi") is values, not a sentence: runs are looked for between punctuation
  for (const part of rest.split(/[,;:()[\]!?—–=]+/)) {
    let run: string[] = []
    for (const w of part.split(/\s+/).filter(Boolean)) {
      if (/^[A-Za-z]+$/.test(w) && !KEPT.has(w)) {
        run.push(w)
        if (run.length >= 2) return run.join(' ')
      } else run = []
    }
  }
  return undefined
}

function expectRussian(stderr: string): void {
  const lines = stderr.split('\n').filter((l) => l.trim())
  expect(lines.length, 'stderr says something').toBeGreaterThan(0)
  for (const line of lines) {
    expect(line, 'a line in Russian').toMatch(/[а-яё]/i)
    expect(englishIn(line), `English left in: ${line}`).toBeUndefined()
  }
}

describe('the check itself', () => {
  it('finds English sentences and lets Russian with values through', () => {
    expect(englishIn('unknown regulation "x"; available: moguta')).toBe('unknown regulation')
    expect(englishIn('ошибка: неизвестный регламент "no such one"; доступные регламенты: moguta, umi')).toBeUndefined()
    expect(englishIn('примечание: --now указан без смещения от UTC; считается временем Europe/Moscow')).toBeUndefined()
  })
})

const TEXT = 'после обновления белый экран на сайте, помогите'

/** A directory of regulations with one broken file: the fixture with an error. */
function brokenRegulations(): string {
  const dir = tempDir()
  const text = readFileSync('test/fixtures/regulations/invalid/acme.yaml', 'utf8')
  writeFileSync(join(dir, 'acme.yaml'), text)
  return dir
}

/** A file written in a temporary directory. */
function fileWith(name: string, text: string): string {
  const file = join(tempDir(), name)
  writeFileSync(file, text)
  return file
}

/** A regulation with mistakes the schema does not see: a default level missing, a tier of an unknown level. */
function regulationWithMistakes(): string {
  const dir = tempDir()
  const text = readFileSync('test/fixtures/regulations/valid/acme.yaml', 'utf8')
    .replace(/^id: acme$/m, 'id: acme2')
    .replace(/^ {4}default: true\n/m, '')
  writeFileSync(join(dir, 'acme.yaml'), text)
  return dir
}

/** A file that is no directory, for --regulations. */
function aFile(): string {
  const file = join(tempDir(), 'file.txt')
  writeFileSync(file, 'x')
  return file
}

type Case = [name: string, args: () => string[], exitCode: number, env?: () => Record<string, string>]

const CASES: Case[] = [
  ['unknown regulation', () => ['triage', '-r', 'nosuch', TEXT], 2],
  ['empty request text', () => ['triage', '-r', 'moguta', '   '], 2],
  ['no request text', () => ['triage', '-r', 'moguta'], 2],
  ['unknown tier', () => ['triage', '-r', 'moguta', '--tier', 'gold', TEXT], 2],
  ['an instant that is no date', () => ['triage', '-r', 'moguta', '--now', '2026-13-01T00:00Z', TEXT], 2],
  ['an instant that is no ISO', () => ['triage', '-r', 'moguta', '--now', 'yesterday', TEXT], 2],
  ['a time that does not exist', () => ['triage', '-r', 'moguta', '--received-at', '2026-11-20T25:00+03:00', TEXT], 2],
  ['an instant out of years', () => ['triage', '-r', 'moguta', '--now', '3000-01-01T00:00Z', TEXT], 2],
  [
    'a licence date for a regulation without its rule',
    () => ['triage', '-r', 'advantshop', '--license-date', '2026-02-30', TEXT],
    2,
  ],
  ['a licence date that is no date', () => ['triage', '-r', 'imagecms', '--license-date', '2026-02-30', TEXT], 2],
  ['--outdated for a regulation without its rule', () => ['triage', '-r', 'umi', '--outdated', TEXT], 2],
  ['--modified for a regulation without its rule', () => ['triage', '-r', 'moguta', '--modified', TEXT], 2],
  ['--tier for a regulation without tiers', () => ['triage', '-r', 'mst', '--tier', 'x', TEXT], 2],
  ['--product for a regulation without products', () => ['triage', '-r', 'moguta', '--product', 'nosuch', TEXT], 2],
  ['unknown option', () => ['triage', '-r', 'moguta', '--bogus', TEXT], 2],
  ['unknown option with a suggestion', () => ['triage', '-r', 'moguta', '--jsn', TEXT], 2],
  ['option argument missing', () => ['triage', '-r', 'moguta', TEXT, '--now'], 2],
  ['text and --file', () => ['triage', '-r', 'moguta', '--file', 'x.txt', TEXT], 2],
  ['an unreadable --file', () => ['triage', '-r', 'moguta', '--file', join(tempDir(), 'none.txt')], 1],
  ['--encoding with an argument', () => ['triage', '-r', 'moguta', '--encoding', 'cp1251', TEXT], 2],
  ['unknown command', () => ['frobnicate'], 2],
  ['--regulations that is a file', () => ['--regulations', aFile(), 'regulations', 'list'], 2],
  ['a broken regulation file', () => ['--regulations', brokenRegulations(), 'triage', '-r', 'acme', TEXT], 3],
  ['regulations show of an unknown one', () => ['regulations', 'show', 'nosuch'], 2],
  ['unknown config key', () => ['config', 'set', 'nokey', '1'], 2],
  ['empty config value', () => ['config', 'set', 'regulation', ''], 2],
  ['bad config lang', () => ['config', 'set', 'lang', 'xx'], 2],
  ['config set', () => ['config', 'set', 'agent', 'ivan'], 0, () => ({ XDG_CONFIG_HOME: tempDir() })],
  ['config unset', () => ['config', 'unset', 'agent'], 0, () => ({ XDG_CONFIG_HOME: tempDir() })],
  [
    'regulations validate of a valid file',
    () => ['regulations', 'validate', 'test/fixtures/regulations/valid/acme.yaml'],
    0,
  ],
  ['tickets show of a missing ticket', () => ['tickets', 'show', 'MG-000999'], 1],
  ['tickets show of a bad id', () => ['tickets', 'show', 'garbage'], 2],
  ['tickets show without an id', () => ['tickets', 'show'], 2],
  ['tickets show with two ids', () => ['tickets', 'show', 'MG-000001', 'MG-000002'], 2],
  ['tickets list with a bad status', () => ['tickets', 'list', '--status', 'bogus'], 2],
  ['tickets list --mine --assignee', () => ['tickets', 'list', '--mine', '--assignee', 'ivan'], 2],
  ['deadline with an unknown level', () => ['deadline', '-r', 'moguta', '--level', 'bogus'], 2],
  [
    'deadline with --level and --duration',
    () => ['deadline', '-r', 'moguta', '--level', 'standard', '--duration', '8h'],
    2,
  ],
  ['deadline with a bad duration', () => ['deadline', '-r', 'moguta', '--duration', 'forever'], 2],
  ['deadline: an instant without offset', () => ['deadline', '-r', 'moguta', '--received-at', '2026-11-20T10:00'], 0],
  ['report --to before --from', () => ['report', '-r', 'moguta', '--from', '2026-11-10', '--to', '2026-11-01'], 2],
  ['calendar show: a bad month', () => ['calendar', 'show', '-r', 'moguta', '--month', '2026-13'], 2],
  ['calendar show: --from without --to', () => ['calendar', 'show', '-r', 'moguta', '--from', '2026-01-01'], 2],
  [
    'calendar show: --to before --from',
    () => ['calendar', 'show', '-r', 'moguta', '--from', '2026-05-10', '--to', '2026-05-01'],
    2,
  ],
  ['calendar show of a year not covered', () => ['calendar', 'show', '--year', '2031'], 0],
  [
    'calendar show of months over two years',
    () => ['calendar', 'show', '-r', 'moguta', '--from', '2027-12-01', '--to', '2028-01-31'],
    0,
  ],
  ['calendar show: a bad year', () => ['calendar', 'show', '-r', 'moguta', '--year', '3000'], 2],
  [
    'calendar show: a bad date',
    () => ['calendar', 'show', '-r', 'moguta', '--from', '2026-02-30', '--to', '2026-03-01'],
    2,
  ],
  ['elapsed without --from', () => ['elapsed', '-r', 'moguta'], 2],
  ['completion for an unknown shell', () => ['completion', 'fish2'], 2],
  ['report: --json and --format', () => ['report', '-r', 'moguta', '--json', '--format', 'csv'], 2],
  ['a bad channel choice', () => ['triage', '-r', 'moguta', '--channel', 'pigeon', TEXT], 2],
  [
    'deadline with a received time without offset',
    () => ['deadline', '-r', 'moguta', '--received-at', '2026-11-20'],
    0,
  ],
  ['--now without offset', () => ['deadline', '-r', 'moguta', '--now', '2026-11-20T10:00'], 0],
  ['calendar check without offset', () => ['calendar', 'check', '-r', 'moguta', '2026-11-20T10:00'], 0],
  ['a missing regulations directory', () => ['--regulations', join(tempDir(), 'none'), 'regulations', 'list'], 2],
  [
    'regulations validate of a broken file',
    () => ['regulations', 'validate', join(brokenRegulations(), 'acme.yaml')],
    3,
  ],
  [
    'calendar import of a CSV with bad dates',
    () => ['calendar', 'import', fileWith('2027.csv', 'date,kind\n2027-13-45,holiday\n2027-01-01,sometimes\n')],
    3,
  ],
  [
    'calendar import of an incomplete year',
    () => ['calendar', 'import', '--dry-run', fileWith('2027.csv', 'date,kind\n2027-01-01,holiday\n')],
    3,
  ],
  ['calendar import of a text that is no calendar', () => ['calendar', 'import', fileWith('2027.txt', 'что-то')], 3],
  ['calendar import of a missing file', () => ['calendar', 'import', join(tempDir(), '2027.csv')], 1],
  ['a regulation with mistakes', () => ['regulations', 'validate', join(regulationWithMistakes(), 'acme.yaml')], 3],
  ['a store that is not JSON', () => ['tickets', 'list'], 3, () => ({ REGDESK_STORE: brokenStore() })],
  [
    'a file where the store lock goes',
    () => ['tickets', 'add', '-r', 'moguta', 'не работает корзина'],
    1,
    () => ({ REGDESK_STORE: fileWith('lk.json.lock', 'garbage').replace(/\.lock$/, '') }),
  ],
  ['a bad store URL', () => ['tickets', 'list', '--store', 'postgres://a:b@[bad'], 2],
  [
    'a PostgreSQL store that refuses connections',
    () => ['tickets', 'list', '--store', 'postgres://u@127.0.0.1:1/db'],
    1,
  ],
  ['store copy to itself', () => ['store', 'copy', 'a.json', 'a.json'], 2],
  ['store copy from a store that does not exist', () => ['store', 'copy', join(tempDir(), 'typo.json'), 'b.json'], 1],
  ['store copy to an empty value', () => ['store', 'copy', 'a.json', ''], 2],
  ['an empty --store', () => ['tickets', 'list', '--store', ''], 2],
  ['a mistyped store URL', () => ['store', 'info', '--store', 'postgress://agent:S3cret@127.0.0.1/db'], 2],
  [
    'a store URL with an unknown sslmode',
    () => ['tickets', 'list', '--store', 'postgres://a@127.0.0.1:1/d?sslmode=bogus'],
    2,
  ],
  [
    'a store URL with an unencoded @ in its password',
    () => ['tickets', 'list', '--store', 'postgres://a:p@ss#x@127.0.0.1:1/d'],
    1,
  ],
  [
    'tickets add received in the future',
    () => ['tickets', 'add', '-r', 'moguta', 'не работает корзина', '--received-at', '2027-06-01T10:00+03:00'],
    2,
  ],
  [
    "tickets import of another regulation's record (left for its own import)",
    () => [
      'tickets',
      'import',
      fileWith('r.jsonl', '{"external_id":"1","created_at":"2026-11-16T10:00:00+03:00","regulation":"umi"}\n'),
      '--from',
      'jsonl',
      '-r',
      'moguta',
      '--no-triage',
    ],
    0,
  ],
  [
    'tickets export with a format its file contradicts',
    () => ['tickets', 'export', '--format', 'jsonl', '-o', join(tempDir(), 'b.csv')],
    2,
  ],
  [
    'triage --eml of a letter without Date',
    () => ['triage', '-r', 'moguta', '--eml', fileWith('a.eml', UNDATED_LETTER)],
    0,
  ],
  [
    'triage --eml of a letter dated later than now',
    () => [
      'triage',
      '-r',
      'moguta',
      '--eml',
      fileWith('f.eml', 'From: a@b.ru\nSubject: x\nDate: Mon, 1 Feb 2100 10:00:00 +0300\n\nНе работает корзина\n'),
    ],
    0,
  ],
  ['triage --eml of a text without headers', () => ['triage', '-r', 'moguta', '--eml', fileWith('b.eml', TEXT)], 3],
  [
    'tickets add --mbox of a file that is no mailbox',
    () => ['tickets', 'add', '-r', 'advantshop', '--mbox', fileWith('c.mbox', 'Subject: x\n\ny\n')],
    3,
  ],
  [
    'tickets add --mbox with a broken letter',
    () => [
      'tickets',
      'add',
      '-r',
      'advantshop',
      '--mbox',
      fileWith('d.mbox', `From a\nFrom: a@b.ru\nSubject: x\n\ny\nFrom b\n${TEXT}\n`),
    ],
    1,
  ],
]

/** A letter without a Date header. */
const UNDATED_LETTER = 'From: a@b.ru\nSubject: Корзина\n\nНе работает корзина\n'

function brokenStore(): string {
  const file = tempStore()
  writeFileSync(file, '{"format": 2, "tickets": [')
  return file
}

describe('every line regdesk writes to stderr is said in Russian under --lang ru', () => {
  it.each(CASES)('%s', async (_name, args, exitCode, env) => {
    const r = await regdesk(['--lang', 'ru', ...args()], env?.() ?? {})
    expect(r.exitCode, r.stderr).toBe(exitCode)
    expectRussian(r.stderr)
  })

  it('and under LANG=ru_RU.UTF-8 without --lang', async () => {
    const r = await regdesk(['tickets', 'show', 'MG-000999'], { LANG: 'ru_RU.UTF-8' })
    expect(r.exitCode).toBe(1)
    expect(r.stderr).toBe('ошибка: в хранилище заявок нет заявки MG-000999')
  })

  it('and in English without it', async () => {
    const r = await regdesk(['triage', '-r', 'nosuch', TEXT])
    expect(r.stderr).toMatch(/^error: unknown regulation "nosuch"; available: /)
  })
})

describe('the ticket commands', () => {
  const store = tempStore()
  const env = () => ({ REGDESK_STORE: store })
  const ru = (...args: string[]) => regdesk(['--lang', 'ru', ...args], env())

  it('say their refusals and notes in Russian', async () => {
    const added = await ru('tickets', 'add', '-r', 'moguta', '--received-at', '2026-10-01T10:00+03:00', TEXT)
    expect(added.exitCode, added.stderr).toBe(0)
    // a note, when there is one (a model trained without the built one), is Russian too
    if (added.stderr.trim()) expectRussian(added.stderr)
    const id = 'MG-000001'
    const steps: [string[], number][] = [
      [['tickets', 'level', id, 'bogus'], 2],
      [['tickets', 'level', id, 'standard'], 0],
      [['tickets', 'reopen', id], 1],
      [['tickets', 'respond', id, '--at', '2020-01-01T00:00Z'], 2],
      [['tickets', 'respond', id, '--at', '2030-01-01T00:00Z'], 2],
      [['tickets', 'assign', id, 'ivan'], 0],
      [['tickets', 'assign', id, 'ivan'], 0],
      [['tickets', 'assign', id, 'petr'], 1],
      [['overdue', '--check'], 4],
      [['tickets', 'close', id], 0],
      [['tickets', 'respond', id], 1],
      [['tickets', 'close', id], 1],
      [['tickets', 'list', '--at', 'x'], 2],
    ]
    for (const [args, code] of steps) {
      const r = await ru(...args)
      expect(r.exitCode, `${args.join(' ')}: ${r.stderr}`).toBe(code)
      if (r.stderr.trim()) expectRussian(r.stderr)
      else expect(code, args.join(' ')).toBe(0)
    }
  })
})

interface TriageCase {
  regulation: string
  text: string
  facts?: Record<string, string | boolean>
  expect: { reason?: string; warnings?: string[] }
}

/** A case's facts as triage's flags. */
function flagsOf(facts: TriageCase['facts'] = {}): string[] {
  const names: Record<string, string> = {
    tier: '--tier',
    channel: '--channel',
    receivedAt: '--received-at',
    product: '--product',
    licenseDate: '--license-date',
    outdated: '--outdated',
    modified: '--modified',
  }
  return Object.entries(facts).flatMap(([key, value]) => {
    const flag = names[key]
    if (!flag) return []
    return value === true ? [flag] : value === false ? [] : [flag, String(value)]
  })
}

/**
 * The reasons and warnings triage gives, in English (its JSON): a case of each reason and warning of the evaluation
 * set with its own facts, and a few requests of each regulation under facts that change the verdict.
 */
async function triageSentences(): Promise<Set<string>> {
  const sentences = new Set<string>()
  const cases = (parse(readFileSync('test/fixtures/triage-cases.yaml', 'utf8')) as { cases: TriageCase[] }).cases
  const runs: string[][] = []
  const seen = new Set<string>()
  const perRegulation = new Map<string, number>()
  const flagSets = [
    [],
    ['--channel', 'phone'],
    ['--tier', 'free'],
    ['--license-date', '2020-01-01'],
    ['--outdated'],
    ['--modified'],
  ]
  for (const c of cases) {
    for (const key of [
      `${c.regulation} ${c.expect.reason}`,
      ...(c.expect.warnings ?? []).map((w) => `${c.regulation} ${w}`),
    ])
      if (!seen.has(key)) {
        seen.add(key)
        runs.push(['-r', c.regulation, ...flagsOf(c.facts), c.text])
      }
    const n = perRegulation.get(c.regulation) ?? 0
    perRegulation.set(c.regulation, n + 1)
    if (n < 2) for (const flags of flagSets) runs.push(['-r', c.regulation, ...flags, c.text])
  }
  let verdicts = 0
  for (const args of runs) {
    const r = await regdesk(['triage', '--json', ...args])
    // a flag the regulation has no rule for is refused (exit 2): that is a usage error, not a verdict
    if (r.exitCode !== 0) continue
    verdicts++
    const verdict = JSON.parse(r.stdout) as { reasons: { message: string }[]; warnings: { message: string }[] }
    for (const m of [...verdict.reasons, ...verdict.warnings]) sentences.add(m.message)
  }
  expect(verdicts).toBeGreaterThan(40)
  return sentences
}

describe('store copy in Russian', () => {
  it('makes its verbs agree with their numbers', async () => {
    const from = tempStore()
    const to = join(tempDir(), 'copy.json')
    expect((await regdesk(['tickets', 'add', '-r', 'moguta', TEXT], { REGDESK_STORE: from })).exitCode).toBe(0)
    const r = await regdesk(['--lang', 'ru', 'store', 'copy', from, to])
    expect(r.stdout).toBe(`скопирована 1 заявка из ${from} в ${to}; в ${to} 1 заявка, проверена 1`)
  })
})

describe('the phrase book', () => {
  it('knows every reason and warning triage gives', { timeout: 120_000 }, async () => {
    const sentences = await triageSentences()
    expect(sentences.size).toBeGreaterThan(30)
    const unknown = [...sentences].filter((s) => !book.knows(s))
    expect(unknown).toEqual([])
    for (const s of sentences) expect(book.say(s), s).toMatch(/[а-яё]/i)
  })

  it('says the years of the production calendar', () => {
    expect(
      book.say('the ru production calendar does not cover 2028–2029: only the statutory holidays are applied'),
    ).toBe(
      'производственный календарь ru не охватывает 2028–2029 годы: учитываются только праздники, установленные законом',
    )
    expect(book.say('the ru production calendar does not cover 2028: only the statutory holidays are applied')).toBe(
      'производственный календарь ru не охватывает 2028 год: учитываются только праздники, установленные законом',
    )
    expect(book.say('calendar ru 2031: uncovered, not covered: only the statutory holidays')).toBe(
      'производственный календарь ru на 2031 год не охвачен: учитываются только праздники, установленные законом',
    )
    expect(
      book.say('calendar ru 2026: official, shipped with regdesk (regulations/calendars/ru.yaml); Постановление № 1'),
    ).toBe(
      'производственный календарь ru на 2026 год: официальный, поставляется с regdesk (regulations/calendars/ru.yaml); Постановление № 1',
    )
  })

  it('says the note of a model trained on the spot', () => {
    expect(book.say('training the triage model for moguta from its match data (once; kept in /tmp/c)')).toBe(
      'обучается модель разбора заявок для регламента moguta по его данным сопоставления (один раз; хранится в /tmp/c)',
    )
  })

  it('keeps the values and translates a reason inside a refusal', () => {
    expect(book.say('cannot compute this deadline: the working time has no open hours in 2026–2027')).toBe(
      'не удаётся рассчитать этот срок: в рабочем времени регламента нет рабочих часов в 2026–2027',
    )
    expect(book.say('unknown level "p9" for moguta; levels: standard, critical')).toBe(
      'неизвестный уровень "p9" для регламента moguta; уровни: standard, critical',
    )
    expect(book.say('cannot read the ticket store /x/t.json (EACCES: permission denied)')).toBe(
      'не удаётся прочитать хранилище заявок /x/t.json (EACCES: доступ запрещён)',
    )
  })

  it("says the store's refusals with their values", () => {
    const cases: [string, string][] = [
      [
        'the ticket store /s/t.json is locked by another regdesk process (waited 60 s); if none is running, remove /s/t.json.lock',
        'хранилище заявок /s/t.json заблокировано другим процессом regdesk (ожидание 60 с); если другой процесс не запущен, удалите /s/t.json.lock',
      ],
      [
        'the ticket store /s/t.json is not writable (EROFS: read-only file system); nothing was changed',
        'хранилище заявок /s/t.json недоступно для записи (EROFS: файловая система только для чтения); ничего не изменено',
      ],
      [
        'cannot lock the ticket store /s/t.json (EACCES: permission denied): its directory /s must be writable; nothing was changed',
        'не удаётся заблокировать хранилище заявок /s/t.json (EACCES: доступ запрещён): каталог /s должен быть доступен для записи; ничего не изменено',
      ],
      [
        'the PostgreSQL store postgres://u:***@db/regdesk failed: the connection to the server was lost; the change may not have been saved: check with `tickets show` before repeating it',
        'сбой хранилища PostgreSQL postgres://u:***@db/regdesk: соединение с сервером потеряно; изменение могло не сохраниться: проверьте через `tickets show`, прежде чем повторять',
      ],
      [
        'cannot connect to the PostgreSQL store postgres://db/regdesk: the database does not exist (create it, e.g. createdb); nothing was read or changed',
        'не удаётся подключиться к хранилищу PostgreSQL postgres://db/regdesk: база данных не существует (создайте её, например командой createdb); ничего не прочитано и не изменено',
      ],
    ]
    for (const [english, russian] of cases) expect(book.say(english)).toBe(russian)
  })

  it('has no pattern that an earlier one hides entirely', () => {
    // every pattern's own sample would be said by it: a pattern listed after a broader one never speaks
    const samples: [string, string][] = [
      ['unknown regulation "x" of MG-000001; add its file with --regulations', 'у заявки MG-000001'],
      ['MG-000001 is already at level critical', 'уже на уровне critical'],
      ['MG-000001 is already assigned to ivan', 'уже назначена на ivan'],
      ['MG-000001 already has the status waiting_customer', 'заявка MG-000001 уже в статусе «ждём клиента»'],
      ['the request text is larger than 4 MB; is it a request?', 'текст заявки больше 4 МБ'],
      ['cannot read the file (ENOENT)', 'не удаётся прочитать файл (ENOENT)'],
    ]
    for (const [english, russian] of samples) expect(book.say(english)).toContain(russian)
  })
})
