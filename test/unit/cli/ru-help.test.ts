import { describe, expect, it } from 'vitest'
import { regdesk } from '../../support/in-process.js'

/**
 * The help in Russian (src/cli/messages/ru-help.ts): every visible command's help, found by walking the Commands
 * sections of the English help, reads in Russian under `--lang ru`; the English help stays as it was; the locale
 * chooses the language when --lang is not given (LC_ALL over LANG).
 */

const RU = ['--lang', 'ru']

/** the subcommands a help text lists in its Commands section (first name of `name|alias`), commander's help left out */
function listedCommands(help: string): string[] {
  const lines = help.split('\n')
  const start = lines.indexOf('Commands:')
  if (start < 0) return []
  const names: string[] = []
  for (const line of lines.slice(start + 1)) {
    if (!line.trim()) break
    // a command's line starts two spaces in; a wrapped description is indented further
    const m = /^ {2}([a-z][\w-]*)(\|[\w-]+)?( |$)/.exec(line)
    if (m && m[1] !== 'help') names.push(m[1] as string)
  }
  return names
}

/** every visible command path, the root's `[]` first, by its English help */
async function commandPaths(path: string[] = []): Promise<string[][]> {
  const r = await regdesk([...path, '--help'])
  if (r.exitCode !== 0) throw new Error(`regdesk ${path.join(' ')} --help: exit ${r.exitCode}\n${r.stderr}`)
  const paths = [path]
  for (const name of listedCommands(r.stdout)) paths.push(...(await commandPaths([...path, name])))
  return paths
}

const PATHS = await commandPaths()

const ENGLISH_TITLE = /^(Usage|Options|Global Options|Commands|Arguments|Examples|Exit codes|Environment|Keys):/
const ENGLISH_WORD = /^[A-Za-z][A-Za-z'’-]*[A-Za-z]$/

/**
 * The English left in a line of the Russian help: the first run of two or more English words (words separated by
 * spaces alone), or an English title; undefined when the line reads in Russian or has nothing to translate. Not
 * counted: an example (`$ regdesk …`), the usage after its title, option names, placeholders (`<id>`, `[file]`), code
 * in backticks, quoted values, env variable names, ids, URLs and paths; the column of an option, argument or command
 * is apart from its description (two spaces or more).
 */
function englishIn(line: string): string | undefined {
  const text = line.trim()
  if (!text || text.startsWith('$ ')) return undefined
  if (ENGLISH_TITLE.test(text)) return text
  if (text.startsWith('Использование: ')) return undefined
  for (const segment of text.split(/\s{2,}/)) {
    const cleaned = segment
      .replace(/`[^`]*`/g, ' ¤ ')
      .replace(/"[^"]*"/g, ' ¤ ')
      .replace(/\S+:\/\/\S*/g, ' ¤ ')
      .replace(/<[^>]*>|\[[^\]]*\]/g, ' ¤ ')
      .replace(/(^|\s)--?[\w-]+/g, '$1¤ ')
      .replace(/\b[A-Z][A-Z0-9_]{2,}\b/g, ' ¤ ')
      .replace(/\b[A-Za-z]{2}-\d+\b/g, ' ¤ ')
    const tokens = cleaned.split(/\s+/).filter(Boolean)
    for (let i = 0; i + 1 < tokens.length; i++) {
      const [a, b] = [tokens[i] as string, tokens[i + 1] as string]
      if (ENGLISH_WORD.test(a) && ENGLISH_WORD.test(b)) return `${a} ${b}`
    }
  }
  return undefined
}

describe('englishIn: what the check counts as English', () => {
  it.each([
    ['  print the version', 'print the'],
    ['Usage: regdesk [options]', 'Usage: regdesk [options]'],
    ['Options:', 'Options:'],
    ['  --json                   print one JSON document on stdout', 'print one'],
    ['  one regulation', 'one regulation'],
  ])('%j has English', (line, english) => expect(englishIn(line)).toBe(english))

  it.each([
    '  $ regdesk triage -r moguta -c form "после обновления"',
    'Использование: regdesk tickets add [options] [text]',
    '  -r, --regulation <id>    id регламента (по умолчанию — настройка `regulation`)',
    '  key         regulation | agent | store | regulationsDir | lang',
    '                           "email", "phone", "chat", "telegram", "forum",',
    'PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE, PGSSLMODE, PGPASSFILE (~/.pgpass).',
    '  show [options] [regulation]   тип каждого дня',
    '  ticket-id       например, MG-000123 (можно и mg-123)',
  ])('%j reads as Russian or has nothing to translate', (line) => expect(englishIn(line)).toBeUndefined())
})

describe('the help in Russian', () => {
  it('finds the root and every visible command and subcommand', () => {
    const names = PATHS.map((p) => p.join(' '))
    expect(names[0]).toBe('')
    for (const name of ['triage', 'tickets', 'tickets add', 'tickets purge-secrets', 'calendar show', 'config set'])
      expect(names).toContain(name)
    expect(names).not.toContain('__complete')
    expect(PATHS.length).toBeGreaterThanOrEqual(40)
  })

  it.each(PATHS.map((p) => [p.join(' ') || '(root)', p] as const))('regdesk %s --help', async (_, path) => {
    const r = await regdesk([...RU, ...path, '--help'])
    expect(r.exitCode).toBe(0)
    expect(r.stdout).toMatch(/^Использование: regdesk /)
    const english = r.stdout
      .split('\n')
      .map((line) => [line, englishIn(line)] as const)
      .filter(([, found]) => found !== undefined)
      .map(([line, found]) => `${found}  ←  ${line}`)
    expect(english).toEqual([])
  })

  it('keeps option names, placeholders, values and examples as they are', async () => {
    const list = await regdesk([...RU, 'tickets', 'list', '--help'])
    expect(list.stdout).toContain('--status <statuses>')
    expect(list.stdout).toContain('только эти статусы, через запятую: new, open,')
    expect(list.stdout).toContain('$ regdesk tickets list --status new,open --regulation advantshop')
    const root = await regdesk([...RU, '--help'])
    expect(root.stdout).toContain('Коды завершения:')
    expect(root.stdout).toContain('  4    `overdue --check` нашёл просроченные заявки')
    expect(root.stdout).toContain('Переменные окружения: REGDESK_NOW, REGDESK_STORE,')
    expect(root.stdout).toMatch(/^ {2}help \[command\] +показать справку по команде$/m)
    expect(root.stdout).toMatch(/^ {2}-h, --help +показать справку$/m)
    expect(root.stdout).toContain('(варианты: "ru", "en")')
    const config = await regdesk([...RU, 'config', '--help'])
    expect(config.stdout).toMatch(/^ {2}regulationsDir {2}каталог дополнительных регламентов/m)
  })
})

describe("help through commander's `help` command and an alias", () => {
  it.each([
    [
      ['help', 'tickets'],
      ['tickets', '--help'],
    ],
    [
      ['tickets', 'help', 'add'],
      ['tickets', 'add', '--help'],
    ],
    [
      ['reg', 'lint', '--help'],
      ['regulations', 'lint', '--help'],
    ],
  ])('%j says what %j says', async (args, same) => {
    const r = await regdesk([...RU, ...args])
    expect(r.exitCode).toBe(0)
    expect(r.stdout).toBe((await regdesk([...RU, ...same])).stdout)
    expect(r.stdout).toMatch(/^Параметры:$/m)
  })
})

describe('the help in English', () => {
  it.each([[['--lang', 'en']], [[]]])('%j: as it was', async (lang) => {
    const r = await regdesk([...lang, '--help'])
    expect(r.exitCode).toBe(0)
    expect(r.stdout).toMatch(/^Usage: regdesk \[options\] \[command\]$/m)
    expect(r.stdout).toContain('\nOptions:\n')
    expect(r.stdout).toContain('\nCommands:\n')
    expect(r.stdout).toContain('print the version')
    expect(r.stdout).toContain('Exit codes:')
    expect(r.stdout).not.toMatch(/[а-яё]/i)
    const sub = await regdesk([...lang, 'tickets', 'add', '--help'])
    expect(sub.stdout).toContain('Arguments:')
    expect(sub.stdout).toContain('display help for command')
    expect(sub.stdout).toContain('(choices: "form", "portal",')
  })
})

describe('the language of the help by the locale', () => {
  const russian = (stdout: string) => stdout.startsWith('Использование: ') && stdout.includes('Параметры:')
  const english = (stdout: string) => stdout.startsWith('Usage: ') && stdout.includes('Options:')

  it.each([
    [{ LANG: 'ru_RU.UTF-8' }, 'ru'],
    [{ LANG: 'C' }, 'en'],
    [{ LC_ALL: 'C', LANG: 'ru_RU.UTF-8' }, 'en'],
    [{ LC_ALL: 'ru_RU.UTF-8', LANG: 'C' }, 'ru'],
  ] as const)('%j: %s', async (env, lang) => {
    const r = await regdesk(['tickets', '--help'], env)
    expect(r.exitCode).toBe(0)
    expect(lang === 'ru' ? russian(r.stdout) : english(r.stdout)).toBe(true)
  })

  it('--lang en wins over a Russian locale', async () => {
    const r = await regdesk(['--lang', 'en', '--help'], { LANG: 'ru_RU.UTF-8' })
    expect(r.stdout).toMatch(/^Usage: /)
  })
})
