import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { regdesk, tempDir } from '../support/in-process.js'

/**
 * Issue 8, part 7: credentials are masked in every output and error, the store is private
 * (0600), and `purge-secrets` takes them out of the file for good (read raw, every file of the
 * store). store.e2e.test.ts covers list/show/queue/overdue output and the purge schedule.
 */

const SECRET = 'Qw"e\\rty-7!Ж'
const ENCODED = JSON.stringify(SECRET).slice(1, -1)
const TEXT = `После обновления не открывается админка. Доступ в админку: admin, пароль: ${SECRET}`

function storeEnv() {
  const dir = join(tempDir(), 'desk')
  return { dir, env: { REGDESK_STORE: join(dir, 'tickets.json') } }
}

/** Every file of the store's directory (store, sidecar, temporary files, locks), as text. */
function everyFile(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'))
    .join('\n')
}

/** the store and the files regdesk keeps beside it, readable by their owner only */
const PRIVATE = { 'tickets.json': '600', 'tickets.json.meta': '600', 'tickets.json.summary': '600' }

describe('secrets', () => {
  it('the store and its sidecars are 0600 (and the directory 0700) after every kind of write', async () => {
    const { dir, env } = storeEnv()
    const modes = () =>
      Object.fromEntries(readdirSync(dir).map((n) => [n, (statSync(join(dir, n)).mode & 0o777).toString(8)]))
    const at = '2026-11-20T12:00+03:00'
    // first write (full), then an append (fast path), then an update
    await regdesk(['tickets', 'add', '-r', 'moguta', TEXT, '--received-at', at], env)
    expect(modes()).toEqual(PRIVATE)
    expect((statSync(dir).mode & 0o777).toString(8)).toBe('700')
    expect(statSync(dirname(dir)).mode & 0o077).toBe(0)
    await regdesk(['tickets', 'add', '-r', 'moguta', TEXT, '--received-at', at], env)
    expect(modes()).toEqual(PRIVATE)
    await regdesk(['tickets', 'respond', 'MG-1', '-m', `пароль: ${SECRET}`], env)
    expect(modes()).toEqual(PRIVATE)
    await regdesk(
      ['--now', '2026-11-23T12:00+03:00', 'tickets', 'close', 'MG-1', '--at', '2026-11-23T10:00+03:00'],
      env,
    )
    await regdesk(['--now', '2026-11-26T10:00+03:00', 'tickets', 'purge-secrets'], env)
    expect(modes()).toEqual(PRIVATE)
  })

  it('an export of the tickets and the user config (which may hold a store URL with its password) are 0600', async () => {
    const { env } = storeEnv()
    const home = { ...env, XDG_CONFIG_HOME: join(tempDir(), 'config') }
    await regdesk(['tickets', 'add', '-r', 'moguta', TEXT, '--received-at', '2026-11-20T12:00+03:00'], home)
    const out = join(tempDir(), 'backup.jsonl')
    expect((await regdesk(['tickets', 'export', '-o', out], home)).exitCode).toBe(0)
    expect((statSync(out).mode & 0o777).toString(8)).toBe('600')
    const set = await regdesk(['config', 'set', 'store', 'postgres://anna:TopSecret@127.0.0.1:1/support'], home)
    expect(set.exitCode, set.stderr).toBe(0)
    const config = join(home.XDG_CONFIG_HOME, 'regdesk', 'config.json')
    expect(readFileSync(config, 'utf8')).toContain('TopSecret')
    expect((statSync(config).mode & 0o777).toString(8)).toBe('600')
  })

  it('a broken user config is refused at its line and column, with what to do, and quotes none of it', async () => {
    const home = { XDG_CONFIG_HOME: join(tempDir(), 'config') }
    mkdirSync(join(home.XDG_CONFIG_HOME, 'regdesk'), { recursive: true })
    writeFileSync(
      join(home.XDG_CONFIG_HOME, 'regdesk', 'config.json'),
      '{"store": "postgres://anna:TopSecret@127.0.0.1:1/support",\n "agent": bob}',
    )
    const r = await regdesk(['config', 'list'], home)
    expect(r.exitCode).toBe(3)
    expect(r.stderr).toMatch(
      /config\.json:2:11: error: the user config is not valid JSON: .*; correct it, or delete the file/,
    )
    expect(r.stderr).not.toContain('TopSecret')
    expect(r.stderr).not.toContain('bob')
  })

  it('a value of the wrong shape in the user config is refused (exit 3, its key), never dropped for the default store', async () => {
    // no REGDESK_STORE: the configured store decides
    const home = {
      XDG_CONFIG_HOME: join(tempDir(), 'config'),
      XDG_DATA_HOME: join(tempDir(), 'data'),
      REGDESK_STORE: '',
    }
    const file = join(home.XDG_CONFIG_HOME, 'regdesk', 'config.json')
    mkdirSync(join(home.XDG_CONFIG_HOME, 'regdesk'), { recursive: true })
    writeFileSync(file, '{"store": ["postgres://anna:TopSecret@db/support"], "lang": "xx"}')
    const add = await regdesk(['tickets', 'add', '-r', 'moguta', 'не работает корзина'], home)
    expect(add.exitCode).toBe(3)
    expect(add.stderr).toContain(`${file}:1:2: error: store: "store" must be a text that is not empty`)
    expect(add.stderr).not.toContain('TopSecret')
    expect(existsSync(join(home.XDG_DATA_HOME, 'regdesk', 'tickets.json'))).toBe(false)
    // the config commands read past it, to correct it: list says what is wrong
    const list = await regdesk(['config', 'list'], home)
    expect(list.exitCode).toBe(0)
    expect(list.stderr).toContain('warning: "store" must be a text that is not empty')
    expect((await regdesk(['config', 'unset', 'store'], home)).exitCode).toBe(0)
    const lang = await regdesk(['tickets', 'list'], home)
    expect(lang.exitCode).toBe(3)
    expect(lang.stderr).toContain('error: lang: "lang" must be one of ru, en')
    expect((await regdesk(['config', 'set', 'lang', 'en'], home)).exitCode).toBe(0)
    expect((await regdesk(['tickets', 'list'], home)).exitCode).toBe(0)
    // a mistyped URL is named where it came from
    writeFileSync(file, '{"store": "mysql://team@db/support"}')
    expect((await regdesk(['tickets', 'list'], home)).stderr).toContain(
      `error: config store (${file}) mysql://team@db/support: not a postgres:// or postgresql:// URL`,
    )
    expect((await regdesk(['tickets', 'list'], { ...home, REGDESK_STORE: 'mysql://x@db/s' })).stderr).toContain(
      'error: REGDESK_STORE mysql://x@db/s: not a postgres',
    )
  })

  it('masked in every output and error: text, file in windows-1251, stdin, subject, message, bad options', async () => {
    const { env } = storeEnv()
    const file = join(tempDir(), 'letter.txt')
    const { writeFileSync } = await import('node:fs')
    writeFileSync(file, iconv.encode(TEXT, 'windows-1251'))
    const outputs = [
      await regdesk(['triage', '-r', 'moguta', TEXT], env),
      await regdesk(['triage', '-r', 'moguta', '--json', '-f', file], env),
      await regdesk(['tickets', 'add', '-r', 'moguta', '-f', file, '--subject', `пароль ${SECRET}`], env),
      await regdesk(['tickets', 'add', '-r', 'moguta', '--json', '-'], env, TEXT),
      await regdesk(['tickets', 'respond', 'MG-1', '-m', `пароль: ${SECRET}`, '--json'], env),
      await regdesk(['tickets', 'show', 'MG-1'], env),
      await regdesk(['tickets', 'show', 'MG-2', '--json'], env),
      await regdesk(['tickets', 'list', '--json'], env),
      // errors that quote what was typed
      await regdesk(['triage', '-r', 'moguta', '-t', `пароль: ${SECRET}`, 'x'], env),
      await regdesk(['triage', '-r', 'moguta', '-c', `пароль: ${SECRET}`, 'x'], env),
      await regdesk(['--verbose', 'tickets', 'show', `пароль: ${SECRET}`], env),
      await regdesk(['deadline', '-r', 'moguta', '--received-at', `пароль: ${SECRET}`], env),
      // a text over several lines that begins with a dash, taken for an option
      await regdesk(['triage', '-r', 'moguta', `- не работает админка\nлогин: admin\nпароль: ${SECRET}`], env),
      await regdesk(['--json', 'tickets', 'add', '-r', 'moguta', `- не работает\nпароль: ${SECRET}`], env),
    ]
    expect(outputs.map((r) => r.exitCode)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2, 2])
    for (const r of outputs) {
      expect(`${r.stdout}\n${r.stderr}`).not.toContain(SECRET)
      expect(`${r.stdout}\n${r.stderr}`).not.toContain(ENCODED)
    }
    // the masked errors still say what is wrong
    expect(outputs[8]?.stderr).toMatch(/^error: unknown tier "пароль: ••••••/)
    expect(outputs[11]?.stderr).toMatch(/^error: --received-at: expected an ISO 8601 instant/)
    // one line, and how to give such a text
    expect(outputs[12]?.stderr.split('\n').slice(0, 2)).toEqual([
      "error: unknown option '- не работает админка логин: •••••• пароль: ••••••'",
      'note: a text that begins with "-" is read as an option: put -- before it, or give it on stdin (-)',
    ])
  })

  it('a subject taken from the text masks what the text masks, and --show-secrets reveals both', async () => {
    const { env } = storeEnv()
    await regdesk(['tickets', 'add', '-r', 'moguta', `логин admin  пароль:\n${SECRET}, не работает корзина`], env)
    const masked = JSON.parse((await regdesk(['tickets', 'show', 'MG-1', '--json'], env)).stdout)
    // the login too: a user name after its label, in Latin letters
    expect(masked.subject).toBe('логин •••••• пароль: ••••••, не работает корзина')
    expect(JSON.stringify(masked)).not.toContain(ENCODED)
    const shown = JSON.parse((await regdesk(['tickets', 'show', 'MG-1', '--show-secrets', '--json'], env)).stdout)
    expect(shown.subject).toBe(`логин admin пароль: ${SECRET}, не работает корзина`)
    expect(shown.text).toBe(`логин admin  пароль:\n${SECRET}, не работает корзина`)
  })

  it('purge-secrets removes them from the raw file and every file next to it', async () => {
    const { dir, env } = storeEnv()
    await regdesk(['tickets', 'add', '-r', 'moguta', TEXT, '--subject', `пароль ${SECRET}`], env)
    await regdesk(['tickets', 'respond', 'MG-1', '-m', `и пароль: ${SECRET}`], env)
    await regdesk(['tickets', 'add', '-r', 'moguta', 'не работает корзина'], env)
    await regdesk(
      ['--now', '2026-11-23T12:00+03:00', 'tickets', 'close', 'MG-1', '--at', '2026-11-23T10:00+03:00'],
      env,
    )
    const raw = readFileSync(env.REGDESK_STORE, 'utf8')
    // stored JSON-escaped, once per field it was in
    expect(raw.split(ENCODED)).toHaveLength(4)
    const purged = await regdesk(['--now', '2026-11-25T10:00+03:00', 'tickets', 'purge-secrets', '--json'], env)
    expect(purged.exitCode, purged.stderr).toBe(0)
    expect(JSON.parse(purged.stdout)).toMatchObject([{ id: 'MG-000001', removed: 3 }])
    const all = everyFile(dir)
    expect(all).not.toContain(ENCODED)
    expect(all).not.toContain(SECRET)
    expect(all).not.toContain('qwerty')
    expect(readdirSync(dir).sort()).toEqual(['tickets.json', 'tickets.json.meta', 'tickets.json.summary'])
    const ticket = JSON.parse(readFileSync(env.REGDESK_STORE, 'utf8')).tickets[0]
    expect(ticket.secrets ?? []).toEqual([])
    expect(ticket.text).toContain('[removed]')
    // --show-secrets has nothing left to show; the other ticket is untouched
    const shown = await regdesk(['tickets', 'show', 'MG-1', '--show-secrets', '--json'], env)
    expect(shown.stdout).not.toContain(ENCODED)
    const other = await regdesk(['tickets', 'show', 'MG-2', '--json'], env)
    expect(JSON.parse(other.stdout).text).toBe('не работает корзина')
  })
})
