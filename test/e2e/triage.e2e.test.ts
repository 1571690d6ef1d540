import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { stripVTControlCharacters } from 'node:util'
import { execa } from 'execa'
import { describe, expect, it } from 'vitest'
import { BIN, regdesk, tempDir } from './regdesk.js'

describe('regdesk triage', () => {
  it('gives the verdict of the design as JSON', async () => {
    const r = await regdesk([
      'triage',
      '-r',
      'moguta',
      '-c',
      'form',
      '--json',
      'после обновления до 10.11 белый экран на всех страницах, ключ 8F3K-22QX-7LMN-0PRT, домен mebel-divan.ru',
    ])
    expect(r.exitCode).toBe(0)
    const v = JSON.parse(r.stdout)
    expect(Object.keys(v)).toEqual(
      expect.arrayContaining([
        'regulation',
        'scope',
        'level',
        'topic',
        'confidence',
        'candidates',
        'reasons',
        'missing',
        'warnings',
        'received_at',
        'deadline',
      ]),
    )
    expect(v).toMatchObject({
      regulation: 'moguta',
      scope: 'in',
      level: 'standard',
      topic: { id: 'update-failure', clause: '3.1' },
      received_at: '2026-11-20T15:00:00+03:00',
      deadline: '2026-11-25T15:00:00+03:00',
      target: '2026-11-23T15:00:00+03:00',
    })
    expect(v.reasons[0]).toMatchObject({ code: 'topic_in_scope', clause: '3.1' })
    expect(v.missing).not.toContain('license_key')
    expect(v.missing).not.toContain('domain')
  })

  it('refuses a channel the regulation does not accept: out of scope, no level, no deadline', async () => {
    const r = await regdesk(['triage', '-r', 'moguta', '-c', 'email', '--json', 'после обновления белый экран'])
    const v = JSON.parse(r.stdout)
    expect(v).toMatchObject({ scope: 'out', level: null, deadline: null })
    expect(v.reasons[0]).toMatchObject({ code: 'channel_not_accepted', clause: '4.4' })
  })

  it('routes an out-of-scope request to consulting where the regulation does (advantshop)', async () => {
    const r = await regdesk(['triage', '-r', 'advantshop', '--json', 'перенесите наш магазин на другой сервер'])
    expect(JSON.parse(r.stdout)).toMatchObject({ scope: 'out', level: 'consulting' })
  })

  it('knows that Fenix+ 2 is no longer supported (mst), by any spelling of its name', async () => {
    const r = await regdesk([
      'triage',
      '-r',
      'mst',
      '-p',
      'FENIX+ 2',
      '--json',
      'программа не запускается после установки',
    ])
    const v = JSON.parse(r.stdout)
    expect(v.scope).toBe('out')
    expect(v.reasons[0].code).toBe('product_unsupported')
  })

  it('warns about pasted credentials and never echoes them', async () => {
    const r = await regdesk([
      'triage',
      '-r',
      'moguta',
      '-c',
      'form',
      'после обновления ошибка 500. доступ в админку: admin / Zx8kk2pq!',
    ])
    expect(r.exitCode).toBe(0)
    expect(r.stdout).toContain('credentials_in_text')
    expect(r.stdout + r.stderr).not.toContain('Zx8kk2pq')
  })

  it('warns when one request raises several problems', async () => {
    const r = await regdesk([
      'triage',
      '-r',
      'umi',
      '--json',
      '1. на сайте не работает поиск, всегда пусто 2. и не отправляются письма покупателям о заказе',
    ])
    expect(JSON.parse(r.stdout).warnings.map((w: { code: string }) => w.code)).toContain('multiple_problems')
  })

  it('says "unclear" with candidates instead of guessing', async () => {
    const r = await regdesk(['triage', '-r', 'moguta', '--json', 'сделайте чтобы работало'])
    const v = JSON.parse(r.stdout)
    expect(v.scope).toBe('unclear')
    expect(v.level).toBeNull()
    expect(v.candidates.length).toBeGreaterThan(0)
  })

  it('reads the text from stdin with "-" and from --file', async () => {
    const fromStdin = await regdesk(['triage', '-r', 'moguta', '--json', '-'], {}, 'перенесите сайт на другой хостинг')
    expect(JSON.parse(fromStdin.stdout).scope).toBe('out')
    const file = join(tempDir(), 'request.txt')
    writeFileSync(file, 'перенесите сайт на другой хостинг')
    const fromFile = await regdesk(['triage', '-r', 'moguta', '--json', '--file', file])
    expect(JSON.parse(fromFile.stdout).scope).toBe('out')
  })

  it('never writes escape sequences from the request to the terminal', async () => {
    const r = await regdesk(['triage', '-r', 'moguta', '\u001b]0;pwned\u0007\u001b[31mсайт не работает\u001b[0m'])
    expect(r.exitCode).toBe(0)
    expect(r.stdout).not.toContain('\u001b')
  })

  it.each([
    [
      ['-c', 'pigeon', 'text'],
      /option '-c, --channel <channel>' argument 'pigeon' is invalid. Allowed choices are form, portal/,
    ],
    [['-t', 'gold', 'text'], /unknown tier "gold" for moguta; tiers: licensed, partner, demo/],
    [['-p', 'Fenix', 'text'], /moguta lists no products; drop --product/],
    [['   '], /the request text is empty/],
    // a fact the regulation has no rule for is reported as --product is
    [
      ['--license-date', '2026-02-01', 'text'],
      /^error: moguta has no support period that ends after a purchase; drop --license-date$/,
    ],
    [['--modified', 'text'], /^error: moguta has no rule about modified code; drop --modified$/],
    [[], /give the request text as an argument/],
  ])('rejects %j with exit 2', async (args, message) => {
    const r = await regdesk(['triage', '-r', 'moguta', ...args])
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toMatch(message)
    expect(r.stdout).toBe('')
  })
})

// Interactive mode needs a terminal: `script` gives the CLI a pseudo-terminal. Each step waits for what the agent
// would see before typing (no fixed delays).
const hasScript = spawnSync('script', ['--version']).status === 0

describe.skipIf(!hasScript)('regdesk triage -i (in a pseudo-terminal)', () => {
  type Step = [waitFor: string, keys: string]

  async function conversation(
    steps: Step[],
    command: string,
    store = join(tempDir(), 't.json'),
    env: Record<string, string | undefined> = { NO_COLOR: '1' },
  ) {
    const child = execa('script', ['-qfec', command, '/dev/null'], {
      reject: false,
      env: {
        REGDESK_NOW: '2026-11-20T15:00:00+03:00',
        REGDESK_STORE: store,
        XDG_CONFIG_HOME: tempDir(),
        ...env,
      },
    })
    let screen = ''
    let raw = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      raw += chunk.toString()
      screen += stripVTControlCharacters(chunk.toString()).replace(/\r/g, '')
    })
    let seen = 0
    for (const [waitFor, keys] of steps) {
      const deadline = Date.now() + 15_000
      while (screen.indexOf(waitFor, seen) < 0) {
        if (Date.now() > deadline) throw new Error(`never saw ${JSON.stringify(waitFor)} on the screen:\n${screen}`)
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      seen = screen.indexOf(waitFor, seen) + waitFor.length
      child.stdin?.write(keys)
    }
    const r = await child
    return { exitCode: r.exitCode, screen, raw }
  }

  const DOWN = '\u001b[B'
  const regdeskCmd = (args: string) => `${process.execPath} ${BIN} triage -i ${args}`
  // up to the verdict under moguta: channel (accepted form), tier (licensed), the letter, received (now)
  const untilVerdict = (letter: string): Step[] => [
    ['Channel the request came through', '\r'],
    ['Customer tier', '\r'],
    ['Request text', `${letter}\r.\r`],
    ['Received at', '\r'],
  ]

  it('asks for the channel, tier, a whole letter and the time; shows the verdict and accepts it', async () => {
    const r = await conversation(
      [
        ...untilVerdict('Добрый день.\rпосле обновления белый экран\rпароль Qwerty-123!'),
        ['Next', '\r'],
        ['Save it as a ticket?', `${DOWN}\r`],
      ],
      regdeskCmd('-r moguta'),
    )
    expect(r.exitCode).toBe(0)
    expect(r.screen).toContain('finish with a line holding a single "."')
    // the whole letter was read (its second line decides the topic), and the echo masks the password
    expect(r.screen).toContain('IN SCOPE  moguta · level standard')
    expect(r.screen).toContain('✔ Request text: Добрый день. … (3 lines)')
    expect(r.screen).toContain('deadline  2026-11-25T15:00:00+03:00')
  }, 30_000)

  it('writes a typed line holding a password again with the password masked', async () => {
    const r = await conversation(
      [...untilVerdict('после обновления белый экран\rлогин admin пароль Qwerty-123!'), ['Next', '\u0003']],
      regdeskCmd('-r moguta'),
    )
    expect(r.exitCode).toBe(130)
    // the terminal echoes the line as typed; the line written over it masks the value
    const echoed = r.screen.lastIndexOf('Qwerty-123!')
    expect(echoed).toBeGreaterThan(0)
    expect(r.screen.indexOf('  логин •••••• пароль ••••••', echoed)).toBeGreaterThan(echoed)
  }, 30_000)

  it('Ctrl-D before any text asks for it again; a time that is not one is said without the option it is no', async () => {
    const r = await conversation(
      [
        ['Channel the request came through', '\r'],
        ['Customer tier', '\r'],
        ['Request text', '\u0004'],
        ['The text is empty', ''],
        ['Request text', 'после обновления белый экран\r.\r'],
        ['Received at', 'завтра\r'],
        ['expected an ISO 8601 instant', '\u0003'],
      ],
      regdeskCmd('-r moguta'),
    )
    expect(r.exitCode).toBe(130)
    expect(r.screen).toContain('✔ Request text: после обновления белый экран')
    expect(r.screen).not.toContain('--received-at')
  }, 30_000)

  it('in Russian, the topics to choose from say their scope in Russian', async () => {
    const r = await conversation(
      [
        ['Канал, по которому пришло обращение', '\r'],
        ['Категория клиента', '\r'],
        ['Текст обращения', 'после обновления белый экран на сайте\r.\r'],
        ['Время поступления', '\r'],
        ['Дальше', `${DOWN}\r`],
        ['вне рамок', '\u0003'],
      ],
      regdeskCmd('-r moguta --lang ru'),
    )
    expect(r.exitCode).toBe(130)
    expect(r.screen).toMatch(/в рамках +update-failure — /)
    expect(r.screen).not.toMatch(/^\W*(in |out) {2}[a-z-]+ — /m)
  }, 30_000)

  it('asks in Russian under --lang ru, to the saved ticket', async () => {
    const r = await conversation(
      [
        ['Канал, по которому пришло обращение', '\r'],
        ['Категория клиента', '\r'],
        ['Текст обращения', 'после обновления белый экран на сайте\r.\r'],
        ['Время поступления', '\r'],
        ['Дальше', '\r'],
        ['Сохранить как заявку?', '\r'],
        ['Тема заявки', '\r'],
      ],
      `${process.execPath} ${BIN} --lang ru triage -i -r moguta`,
    )
    expect(r.exitCode).toBe(0)
    expect(r.screen).toContain('закончите строкой из одной «.» или Ctrl-D')
    expect(r.screen).toContain('Принять этот вердикт')
    expect(r.screen).toMatch(/сохранена MG-000001/)
    expect(r.screen).not.toMatch(/Channel the request|Save it as a ticket|Request text/)
    // the keys of a menu too
    expect(r.screen).toContain('↑↓ выбор • ⏎ подтвердить')
    expect(r.screen).not.toMatch(/navigate/)
  }, 30_000)

  it('--no-color: the prompts and menus are not coloured either', async () => {
    const r = await conversation(
      [...untilVerdict('после обновления белый экран'), ['Next', '\u0003']],
      `${process.execPath} ${BIN} --no-color triage -i -r moguta`,
      undefined,
      { NO_COLOR: undefined, FORCE_COLOR: undefined, TERM: 'xterm-256color' },
    )
    expect(r.exitCode).toBe(130)
    expect(r.screen).toContain('Customer tier')
    // no colour (SGR 30–37, 90–97); cursor movement and bold are not colour
    expect(r.raw).not.toMatch(new RegExp(`${String.fromCharCode(27)}\\[(?:3[0-7]|9[0-7])m`))
  }, 30_000)

  it('offers "not said" for the channel', async () => {
    const r = await conversation(
      [
        ['Channel the request came through', `${'\u001b[A'}\r`],
        ['Customer tier', '\r'],
        ['Request text', 'после обновления белый экран\r.\r'],
        ['Received at', '\r'],
        ['Next', '\r'],
        ['Save it as a ticket?', `${DOWN}\r`],
      ],
      regdeskCmd('-r moguta'),
    )
    expect(r.exitCode).toBe(0)
    expect(r.screen).toContain('not said')
    expect(r.screen).toContain('IN SCOPE  moguta')
  }, 30_000)

  it('prompts on the terminal and writes the one JSON document to stdout: -i --json > file', async () => {
    const dir = tempDir()
    const out = join(dir, 'out.json')
    const r = await conversation(
      [...untilVerdict('после обновления белый экран'), ['Next', '\r'], ['Save it as a ticket?', `${DOWN}\r`]],
      `${regdeskCmd('-r moguta --json')} > ${out}`,
    )
    expect(r.exitCode).toBe(0)
    expect(r.screen).toContain('Customer tier')
    const doc = JSON.parse(readFileSync(out, 'utf8'))
    expect(doc).toMatchObject({ regulation: 'moguta', scope: 'in', topic: { id: 'update-failure' } })
  }, 30_000)

  it('lets the agent pick the topic when the verdict is unclear', async () => {
    // the first candidate is preselected: Enter takes it
    const r = await conversation(
      [
        ...untilVerdict('сделайте чтобы работало'),
        ['Next', '\r'],
        ['Next', '\r'],
        ['Save it as a ticket?', `${DOWN}\r`],
      ],
      regdeskCmd('-r moguta'),
    )
    expect(r.exitCode).toBe(0)
    expect(r.screen).toContain('UNCLEAR')
    expect(r.screen).toMatch(/(IN SCOPE|OUT OF SCOPE) {2}moguta/)
    expect(r.screen).toContain('chosen by the agent')
  }, 30_000)

  it('saves the ticket when asked to, asking whether it is critical where the regulation says so', async () => {
    const store = join(tempDir(), 't.json')
    const r = await conversation(
      [
        ['Channel the request came through', '\r'],
        ['Customer tier', '\r'],
        ['Request text', 'сайт упал, белый экран на всех страницах\r.\r'],
        ['Received at', '2026-11-20T10:00+03:00\r'],
        ['Next', '\r'],
        ['Save it as a ticket?', '\r'],
        ['Subject', 'Сайт упал\r'],
        ['critical', `${DOWN}\r`],
      ],
      regdeskCmd('-r advantshop'),
      store,
    )
    expect(r.exitCode).toBe(0)
    expect(r.screen).toContain('saved AS-000001')
    const list = await regdesk(['tickets', 'list', '--json'], { REGDESK_STORE: store })
    expect(JSON.parse(list.stdout)).toEqual([
      expect.objectContaining({
        id: 'AS-000001',
        subject: 'Сайт упал',
        critical: true,
        received_at: '2026-11-20T10:00:00+03:00',
      }),
    ])
  }, 30_000)

  it('says "cancelled" and exits 130 on Ctrl-C, at a menu and in the letter; nothing is saved', async () => {
    const atMenu = await conversation([['Channel the request came through', '\u0003']], regdeskCmd('-r moguta'))
    expect(atMenu.exitCode).toBe(130)
    expect(atMenu.screen).toContain('cancelled')
    const store = join(tempDir(), 't.json')
    const inLetter = await conversation(
      [
        ['Channel the request came through', '\r'],
        ['Customer tier', '\r'],
        ['Request text', 'после обновления\r\u0003'],
      ],
      regdeskCmd('-r moguta'),
      store,
    )
    expect(inLetter.exitCode).toBe(130)
    expect(inLetter.screen).toContain('cancelled')
    expect(existsSync(store)).toBe(false)
  }, 30_000)

  it('--json: a cancelled conversation is the error document {"code": "cancelled"} in our words', async () => {
    const r = await conversation([['Channel the request came through', '\u0003']], regdeskCmd('-r moguta --json'))
    expect(r.exitCode).toBe(130)
    expect(r.screen).toContain('{"error":{"code":"cancelled","message":"cancelled","exit_code":130}}')
    expect(r.screen).not.toMatch(/force closed|SIGINT/)
  }, 30_000)
})

describe.skipIf(!hasScript)('triage - at a terminal', () => {
  it('says how to end the text typed at the keyboard', async () => {
    const child = execa('script', ['-qfec', `${process.execPath} ${BIN} triage -r umi -`, '/dev/null'], {
      reject: false,
      env: { REGDESK_NOW: '2026-11-20T15:00:00+03:00', NO_COLOR: '1', XDG_CONFIG_HOME: tempDir() },
    })
    let screen = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      screen += chunk.toString()
    })
    while (!screen.includes('finish with Ctrl-D')) await new Promise((resolve) => setTimeout(resolve, 20))
    child.stdin?.write('не работает корзина\r\u0004')
    const r = await child
    expect(r.exitCode).toBe(0)
    expect(stripVTControlCharacters(screen)).toContain('IN SCOPE  umi')
  }, 30_000)
})

describe('interactive triage without a terminal', () => {
  it('`triage -i < /dev/null` is a usage error, not a cancelled conversation', async () => {
    const r = await regdesk(['triage', '-i', '-r', 'moguta'])
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toBe(
      'error: interactive triage needs a terminal to ask on; give the text as an argument, "-" for stdin, or --file',
    )
  })
})
