import { writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { regdesk, tempDir } from '../support/in-process.js'

const IN_SCOPE = 'Здравствуйте! После обновления не работает корзина на сайте shop.ru, ошибка 500.'
const OUT_OF_SCOPE = 'Сделайте нам, пожалуйста, дизайн главной страницы'

/** a store with one ticket unanswered since Friday 2026-11-20 15:00 */
async function storeWithTicket(): Promise<Record<string, string>> {
  const env = { REGDESK_STORE: `${tempDir()}/tickets.json` }
  const add = await regdesk(['tickets', 'add', '-r', 'moguta', IN_SCOPE], env)
  expect(add.exitCode, add.stderr).toBe(0)
  return env
}

describe('the interface language', () => {
  it.each(['ru', 'en'])('triage in %s (golden)', async (lang) => {
    const inScope = await regdesk(['--lang', lang, 'triage', '-r', 'moguta', IN_SCOPE])
    const out = await regdesk(['--lang', lang, 'triage', '-r', 'imagecms', '--tier', 'none', OUT_OF_SCOPE])
    expect(inScope.exitCode).toBe(0)
    await expect(`${inScope.stdout}\n\n${out.stdout}\n`).toMatchFileSnapshot(`./__golden__/triage.${lang}.txt`)
  })

  it.each(['ru', 'en'])('tickets show and overdue in %s (golden)', async (lang) => {
    const env = await storeWithTicket()
    const show = await regdesk(['--lang', lang, 'tickets', 'show', 'MG-1'], env)
    const late = { ...env, REGDESK_NOW: '2026-12-01T12:00:00+03:00' }
    const overdue = await regdesk(['--lang', lang, 'overdue', '--check'], late)
    expect(overdue.exitCode).toBe(4)
    await expect(`${show.stdout}\n\n${overdue.stdout}\n${overdue.stderr}\n`).toMatchFileSnapshot(
      `./__golden__/ticket.${lang}.txt`,
    )
  })

  it.each(['ru', 'en'])('report in %s (golden: terminal table and Markdown)', async (lang) => {
    const env = await storeWithTicket()
    const args = [
      '--lang',
      lang,
      '--now',
      '2026-12-01T12:00+03:00',
      'report',
      '--from',
      '2026-11-01',
      '--to',
      '2026-11-30',
    ]
    const table = await regdesk(args, env, undefined, { columns: 120 })
    const md = await regdesk([...args, '--format', 'md'], env)
    expect(table.exitCode, table.stderr).toBe(0)
    await expect(`${table.stdout}\n\n${md.stdout}\n`).toMatchFileSnapshot(`./__golden__/report.${lang}.txt`)
  })

  it("a ticket's history, its windows, store info and the usage line on a terminal in Russian: no English left", async () => {
    const env = { REGDESK_STORE: `${tempDir()}/tickets.json` }
    const say = (args: string[]) => regdesk(['--lang', 'ru', ...args], env, undefined, { columns: 160 })
    expect((await say(['tickets', 'add', '-r', 'advantshop', '--channel', 'form', IN_SCOPE])).exitCode).toBe(0)
    // advantshop: the tier corrected from free to partner changes the level
    expect((await say(['tickets', 'edit', 'AS-1', '--tier', 'partner'])).exitCode).toBe(0)
    const show = (await say(['tickets', 'show', 'AS-1'])).stdout
    for (const russian of [
      'через канал form',
      'изменение поля',
      'смена уровня',
      'исправлены сведения о заявке',
      'получена',
    ])
      expect(show).toContain(russian)
    for (const english of ['via ', 'field_change', 'level_change', 'tier_corrected', 'received'])
      expect(show).not.toContain(english)
    const info = (await say(['store', 'info'])).stdout
    expect(info).toMatch(/существует +да/)
    expect(info).toMatch(/файл \.summary \(байт\) +\d+/)
    expect((await say(['tickets', 'show', '--help'])).stdout).toMatch(
      /^Использование: regdesk tickets show \[параметры\] <ticket-id>/,
    )
    expect((await say(['--help'])).stdout).toMatch(/^Использование: regdesk \[параметры\] \[команда\]/)
  })

  it.each(['ru', 'en'])(
    'deadline, elapsed, calendar check, ticket events, regulations show and store info in %s (golden)',
    async (lang) => {
      const env = await storeWithTicket()
      const say = (args: string[], terminal?: { columns: number }) =>
        regdesk(['--lang', lang, ...args], env, undefined, terminal)
      const runs = [
        await say(
          ['deadline', '-r', 'moguta', '--level', 'standard', '--received-at', '2026-11-20T10:00+03:00', '--explain'],
          { columns: 120 },
        ),
        await say(['elapsed', '-r', 'moguta', '--from', '2026-11-16T10:00+03:00', '--to', '2026-11-20T11:30+03:00']),
        await say(['calendar', 'check', '-r', 'moguta']),
        await say(['tickets', 'assign', 'MG-1', 'anna']),
        await say(['tickets', 'respond', 'MG-1']),
        await say(['tickets', 'note', 'MG-1', 'перезвонить']),
        await say(['tickets', 'edit', 'MG-1', '--tier', 'partner']),
        await say(['tickets', 'list'], { columns: 120 }),
        await say(['regulations', 'show', 'moguta']),
      ]
      for (const r of runs) expect(r.exitCode, r.stderr).toBe(0)
      const info = await say(['store', 'info'])
      // the store's path changes from run to run
      const stable = info.stdout.split('\n').slice(0, 1).join('\n')
      await expect(`${runs.map((r) => r.stdout).join('\n\n')}\n\n${stable}\n`).toMatchFileSnapshot(
        `./__golden__/commands.${lang}.txt`,
      )
    },
  )

  it('help in Russian: the list of commands says [параметры], descriptions still wrap; examples speak Russian', async () => {
    const ru = { LANG: 'ru_RU.UTF-8' }
    const list = (await regdesk(['tickets', '--help'], ru)).stdout
    expect(list).toContain('  add [параметры] [text]  ')
    expect(list).not.toContain('[options]')
    expect(list.split('\n').find((line) => line.startsWith('  add '))?.length).toBeLessThanOrEqual(80)
    expect((await regdesk(['tickets', 'reply', '--help'], ru)).stdout).toContain('-m "вот логи"')
    expect((await regdesk(['tickets', 'edit', '--help'], ru)).stdout).toMatch(/ticket-id +например, IC-000123/)
  })

  it('a status or event named in an error is said in Russian, as the ticket shows it', async () => {
    const env = await storeWithTicket()
    const r = await regdesk(['tickets', 'reopen', 'MG-1'], { ...env, LANG: 'ru_RU.UTF-8' })
    expect(r.exitCode).toBe(1)
    expect(r.stderr).toContain('из статуса «новая» в «в работе»')
  })

  it("a store's broken ticket is said in Russian: which ticket, which field, what was expected and found", async () => {
    const file = `${tempDir()}/s.json`
    writeFileSync(file, '{"format":2,"tickets":[{"id":"MG-000001"}]}')
    const r = await regdesk(['tickets', 'list'], { REGDESK_STORE: file, LANG: 'ru_RU.UTF-8' })
    expect(r.exitCode).toBe(3)
    expect(r.stderr).toContain('заявка MG-000001: regulation: ожидается id регламента, получено ничего (поля нет)')
    writeFileSync(file, '{"format":2,"tickets":5}')
    const list = await regdesk(['tickets', 'list'], { REGDESK_STORE: file })
    expect(list.stderr).toContain('error: tickets: "tickets" must be a list, got 5')
  })

  it('regulations lint speaks Russian; its JSON keeps the English sentence', async () => {
    const ru = (await regdesk(['regulations', 'lint', 'moguta'], { LANG: 'ru_RU.UTF-8' })).stdout
    expect(ru).toContain(
      'с «install» совпадают и тема вне рамок «installation-service», и тема в рамках «install-problems»',
    )
    expect(ru).not.toContain('both match')
    const json = JSON.parse(
      (await regdesk(['regulations', 'lint', 'moguta', '--json'], { LANG: 'ru_RU.UTF-8' })).stdout,
    )
    expect(json[0].message).toMatch(/both match/)
  })

  it('help NAME for a command that does not exist: one sentence with a suggestion, exit 2, not the whole help', async () => {
    const r = await regdesk(['help', 'triag'])
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toMatch(
      /^error: unknown command 'triag'\n\(Did you mean triage\?\)\n\(run with --help for usage\)\n?$/,
    )
    const ru = await regdesk(['tickets', 'help', 'nope'], { LANG: 'ru_RU.UTF-8' })
    expect(ru.exitCode).toBe(2)
    expect(ru.stderr).toMatch(/^ошибка: неизвестная команда 'nope'\n/)
    expect((await regdesk(['help', 'tickets'])).stdout).toMatch(/^Usage: regdesk tickets /)
  })

  it('follows the locale: LC_ALL over LC_MESSAGES over LANG; ru only for a locale starting with ru', async () => {
    const said = async (env: Record<string, string>) =>
      (
        await regdesk(['overdue', '--check'], {
          ...(await storeWithTicket()),
          REGDESK_NOW: '2026-12-01T12:00+03:00',
          ...env,
        })
      ).stderr
    expect(await said({ LANG: 'ru_RU.UTF-8' })).toBe('1 заявка просрочена')
    expect(await said({ LANG: 'C' })).toBe('1 ticket is overdue')
    expect(await said({ LANG: 'ru_RU.UTF-8', LC_ALL: 'C' })).toBe('1 ticket is overdue')
    expect(await said({ LANG: 'C', LC_MESSAGES: 'ru_RU.UTF-8' })).toBe('1 заявка просрочена')
    expect(await said({ LANG: 'rus' })).toBe('1 ticket is overdue')
  })

  it('config lang and --lang choose it; --lang wins; a language regdesk does not speak is a usage error', async () => {
    const env = { XDG_CONFIG_HOME: tempDir() }
    expect((await regdesk(['config', 'set', 'lang', 'de'], env)).exitCode).toBe(2)
    expect((await regdesk(['config', 'set', 'lang', 'ru'], env)).exitCode).toBe(0)
    const ru = await regdesk(['triage', '-r', 'moguta', IN_SCOPE], env)
    expect(ru.stdout).toMatch(/^В РАМКАХ ПОДДЕРЖКИ/)
    const en = await regdesk(['--lang', 'en', 'triage', '-r', 'moguta', IN_SCOPE], env)
    expect(en.stdout).toMatch(/^IN SCOPE/)
    const bad = await regdesk(['--lang', 'fr', 'triage', '-r', 'moguta', IN_SCOPE])
    expect(bad.exitCode).toBe(2)
    expect(bad.stderr).toMatch(/--lang must be one of ru, en/)
  })

  it('JSON keys, codes, values and exit codes do not change with the language', async () => {
    for (const args of [
      ['triage', '-r', 'moguta', '--json', IN_SCOPE],
      ['triage', '-r', 'imagecms', '--tier', 'none', '--json', OUT_OF_SCOPE],
      ['regulations', 'show', 'mst', '--json'],
      ['deadline', '-r', 'umi', '--level', 'critical', '--json'],
    ]) {
      const [ru, en] = await Promise.all([regdesk(['--lang', 'ru', ...args]), regdesk(['--lang', 'en', ...args])])
      expect(ru.exitCode, args.join(' ')).toBe(en.exitCode)
      expect(JSON.parse(ru.stdout), args.join(' ')).toEqual(JSON.parse(en.stdout))
    }
    const missing = await regdesk(['--lang', 'ru', '--json', 'tickets', 'show', 'MG-9'])
    expect(JSON.parse(missing.stdout).error).toMatchObject({ code: 'not_found', exit_code: 1 })
  })

  it('regulation notes are shown in the interface language', async () => {
    const ru = await regdesk(['--lang', 'ru', 'regulations', 'lint', 'mst'])
    const en = await regdesk(['--lang', 'en', 'regulations', 'lint', 'mst'])
    // the same findings, each note in its language
    expect(ru.stdout.split('\n').length).toBe(en.stdout.split('\n').length)
    expect(ru.stdout).toMatch(/[а-яё]{4,}/i)
    expect(en.stdout).not.toBe(ru.stdout)
  })

  it('the delay warnings read in Russian: served out of scope, and at a level the source names a cause of delay', async () => {
    const followUp =
      'По тикету 51007 вы передали вопрос в отдел разработки. Когда выйдет обновление с исправлением? Сайт shop.ru'
    const dev = await regdesk(['--lang', 'ru', 'triage', '-r', 'umi', '-c', 'portal', followUp])
    expect(dev.stdout).toContain('resolution_may_be_delayed: обслуживается на уровне development: по §6')
    const out = await regdesk(['--lang', 'ru', 'triage', '-r', 'umi', '-c', 'portal', OUT_OF_SCOPE])
    expect(out.stdout).toContain('resolution_may_be_delayed: вне рамок поддержки, обслуживается на уровне consulting')
  })

  it('the kinds of access data found are named in Russian in the warning', async () => {
    const text =
      'Не работает корзина на shop.ru, версия 9.4. Доступ в админку: логин admin пароль Qwerty123, ftp://u:secret1@shop.ru'
    const r = await regdesk(['--lang', 'ru', 'triage', '-r', 'moguta', text])
    expect(r.stdout).toContain('в заявке есть данные доступа (логин, пароль, логин и пароль в адресе)')
    expect(r.stdout).not.toMatch(/url_credentials|\(login|password\)/)
  })
})
