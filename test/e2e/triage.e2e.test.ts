import { spawnSync } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
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
    [['--license-date', '2026-02-30', 'text'], /--license-date: expected a real date like "2026-05-01"/],
    [[], /give the request text as an argument/],
  ])('rejects %j with exit 2', async (args, message) => {
    const r = await regdesk(['triage', '-r', 'moguta', ...args])
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toMatch(message)
    expect(r.stdout).toBe('')
  })
})

// Interactive mode needs a terminal on both ends: `script` gives the CLI a pseudo-terminal.
const hasScript = spawnSync('script', ['--version']).status === 0

describe.skipIf(!hasScript)('regdesk triage -i (in a pseudo-terminal)', () => {
  async function conversation(keys: string[], args: string[] = ['-r', 'moguta'], store = join(tempDir(), 't.json')) {
    const child = execa('script', ['-qfec', `${process.execPath} ${BIN} triage -i ${args.join(' ')}`, '/dev/null'], {
      reject: false,
      env: {
        REGDESK_NOW: '2026-11-20T15:00:00+03:00',
        NO_COLOR: '1',
        REGDESK_STORE: store,
        XDG_CONFIG_HOME: tempDir(),
      },
    })
    for (const key of keys) {
      await new Promise((resolve) => setTimeout(resolve, 700))
      child.stdin?.write(key)
    }
    await new Promise((resolve) => setTimeout(resolve, 700))
    child.stdin?.end()
    const r = await child
    // terminal control sequences are removed to read the screen
    return { exitCode: r.exitCode, screen: stripVTControlCharacters(String(r.stdout)).replace(/\r/g, '') }
  }

  const DOWN = '\u001b[B'

  it('asks for the channel, tier and text, shows the verdict and accepts it', async () => {
    const r = await conversation(['\r', '\r', 'после обновления белый экран\r', '\r', `${DOWN}\r`])
    expect(r.exitCode).toBe(0)
    expect(r.screen).toContain('Channel the request came through')
    expect(r.screen).toContain('IN SCOPE  moguta · level standard')
    expect(r.screen).toContain('deadline  2026-11-25T15:00:00+03:00')
  }, 20_000)

  it('lets the agent pick the topic when the verdict is unclear', async () => {
    // the first candidate is preselected: Enter takes it
    const r = await conversation(['\r', '\r', 'сделайте чтобы работало\r', '\r', '\r', `${DOWN}\r`])
    expect(r.exitCode).toBe(0)
    expect(r.screen).toContain('UNCLEAR')
    expect(r.screen).toMatch(/(IN SCOPE|OUT OF SCOPE) {2}moguta/)
    expect(r.screen).toContain('chosen by the agent')
  }, 20_000)

  it('saves the ticket when asked to', async () => {
    const store = join(tempDir(), 't.json')
    const r = await conversation(
      ['\r', '\r', 'после обновления белый экран\r', '\r', '\r', 'Белый экран\r'],
      ['-r', 'moguta'],
      store,
    )
    expect(r.exitCode).toBe(0)
    expect(r.screen).toContain('saved MG-000001')
    const list = await regdesk(['tickets', 'list', '--json'], { REGDESK_STORE: store })
    expect(JSON.parse(list.stdout)).toEqual([
      expect.objectContaining({ id: 'MG-000001', subject: 'Белый экран', level: 'standard' }),
    ])
  }, 20_000)

  it('exits 130 on Ctrl-C, and Ctrl-C at the last question saves nothing', async () => {
    expect((await conversation(['\u0003'])).exitCode).toBe(130)
    const store = join(tempDir(), 't.json')
    const r = await conversation(
      ['\r', '\r', 'после обновления белый экран\r', '\r', '\r', '\u0003'],
      ['-r', 'moguta'],
      store,
    )
    expect(r.exitCode).toBe(130)
    expect(existsSync(store)).toBe(false)
  }, 30_000)
})
