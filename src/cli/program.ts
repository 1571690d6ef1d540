import { readFileSync } from 'node:fs'
import { Command, Help, Option } from 'commander'
import type { Environment } from './context.js'
import type { IO } from './io.js'
import type { PhraseBook } from './messages/phrases.js'

const EXIT_CODES = `
Exit codes:
  0    success (an empty result is a success)
  1    failure (e.g. a ticket not found, a file that cannot be read)
  2    usage error (unknown option, bad value)
  3    invalid data (regulation, calendar or store file): file:line:column
  4    \`overdue --check\` found overdue tickets
  130  cancelled (Ctrl-C)

Environment: REGDESK_NOW, REGDESK_STORE, REGDESK_REGULATIONS, REGDESK_CALENDARS_DIR, NO_COLOR, DEBUG; for a postgres:// store also
PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE, PGSSLMODE, PGPASSFILE (~/.pgpass).`

type CommandBuilder = (io: IO, environment: Environment) => Command

/**
 * Each command's code is imported only when it runs: a command pulls in its own domain (the
 * triage engine, the store, the report), and loading all of them costs more start-up time than
 * most commands take to run. In help order.
 */
const COMMANDS: Record<string, () => Promise<CommandBuilder>> = {
  triage: async () => (await import('./commands/triage.js')).triageCommand,
  deadline: async () => (await import('./commands/deadline.js')).deadlineCommand,
  elapsed: async () => (await import('./commands/elapsed.js')).elapsedCommand,
  calendar: async () => (await import('./commands/calendar.js')).calendarCommand,
  regulations: async () => (await import('./commands/regulations.js')).regulationsCommand,
  config: async () => (await import('./commands/config.js')).configCommand,
  tickets: async () => (await import('./commands/tickets/index.js')).ticketsCommand,
  overdue: async () => (await import('./commands/overdue.js')).overdueCommand,
  report: async () => (await import('./commands/report.js')).reportCommand,
  store: async () => (await import('./commands/store.js')).storeCommand,
  completion: async () => (await import('./commands/completion.js')).completionCommand,
  __complete: async () => (await import('./commands/completion.js')).completeCommand,
}
const ALIASES: Record<string, string> = { reg: 'regulations' }
/** global options that take a value: the word after them is not the command */
const VALUE_OPTIONS = new Set(['--now', '--store', '--regulations', '--lang'])

/**
 * The program for `argv`: with only the command it names loaded when it names one, with every
 * command otherwise (help, a mistyped command: commander lists or suggests them all).
 */
export async function createProgram(io: IO, environment: Environment, argv?: readonly string[]): Promise<Command> {
  const names = argv === undefined ? Object.keys(COMMANDS) : commandsFor(argv.slice(2))
  const builders = await Promise.all(names.map((name) => (COMMANDS[name] as () => Promise<CommandBuilder>)()))
  const program = new Command('regdesk')
    .description('Apply a technical-support regulation: triage requests, SLA deadlines in working time, reports')
    .version(packageVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .addOption(new Option('--now <iso>', 'fix the clock for every computation (e.g. 2026-11-20T15:00+03:00)'))
    .addOption(
      new Option(
        '--store <file|url>',
        'ticket store: a JSON file, or postgres://user@host/db for a team (env REGDESK_STORE, config `store`)',
      ),
    )
    .addOption(new Option('--regulations <dir>', 'extra regulation files; same id overrides a built-in one'))
    .addOption(
      new Option('--lang <lang>', 'interface language (config `lang`, else LC_ALL, LC_MESSAGES, LANG)').choices([
        'ru',
        'en',
      ]),
    )
    .option('--json', 'print one JSON document on stdout')
    .option('--no-color', 'no colour (also NO_COLOR=1; off when not a terminal)')
    .option('--verbose', 'show stack traces of errors')
    .addHelpText('after', EXIT_CODES)
    .showHelpAfterError('(run with --help for usage)')

  // `__complete` serves the completion scripts; it is not a command people type
  for (const build of builders) {
    const cmd = build(io, environment)
    program.addCommand(cmd, { hidden: cmd.name().startsWith('__') })
  }
  applySettings(program, io)
  return program
}

/** Commander's own help, whose words for a list of commands the Russian one changes (applySettings). */
const STANDARD_HELP = new Help()

/** Nested commands do not inherit exitOverride or output settings from addCommand: set them on every one. */
function applySettings(cmd: Command, io: IO): void {
  cmd.exitOverride()
  const { help } = io.speech
  // help is said in the interface language: the descriptions here, the titles and the texts after the options
  // line by line as commander writes them (the rest of stdout is the commands' own, in their own words)
  cmd.configureOutput({
    writeOut: (s) => io.out(io.speech.lang === 'en' ? s : sayHelpLines(help, s)),
    writeErr: (s) => io.err(io.speech.lang === 'en' ? s : sayHelpLines(help, s)),
    // an error quoting a value with line breaks (a request text taken for an option) is one line, as every error is: the
    // credentials in the value are masked line by line (run.ts), so a value over several lines would escape that
    outputError: (s, write) => write(`${oneLineError(s)}${dashTextNote(s)}`),
  })
  cmd.showHelpAfterError('(run with --help for usage)')
  sayUnknownBeforeMissing(cmd)
  if (io.speech.lang !== 'en') {
    cmd.description(help.say(cmd.description()))
    for (const option of cmd.options) option.description = help.say(option.description)
    for (const argument of cmd.registeredArguments) argument.description = help.say(argument.description)
    cmd.helpOption('-h, --help', help.say('show help'))
    // commander's own "[options]" in a list of commands, as the usage line says it
    cmd.configureHelp({
      subcommandTerm: (sub) => STANDARD_HELP.subcommandTerm(sub).replace(' [options]', ` ${help.say('[options]')}`),
      // the longer word widens the column of commands: descriptions beside it still wrap (commander's default is 40)
      minWidthToWrap: 30,
    })
  }
  for (const sub of cmd.commands) applySettings(sub, io)
}

/**
 * A mandatory option is checked once the options are read, so that a misspelt one is said first: commander says
 * `--frm jsonl` lacks --from before it says --frm is unknown (and suggests --from). The message is commander's own.
 */
function sayUnknownBeforeMissing(cmd: Command): void {
  const mandatory = cmd.options.filter((o) => o.mandatory)
  if (!mandatory.length) return
  for (const o of mandatory) o.mandatory = false
  cmd.hook('preAction', () => {
    for (const o of mandatory)
      if (cmd.getOptionValue(o.attributeName()) === undefined)
        cmd.error(`error: required option '${o.flags}' not specified`, {
          code: 'commander.missingMandatoryOptionValue',
        })
  })
}

/** Commander's error with the value it quotes on one line; its suggestion («(Did you mean --from?)») stays the next line. */
function oneLineError(error: string): string {
  const text = error.replace(/\s+$/, '')
  const suggestion = /\n\(Did you mean [^\n]*\)$/.exec(text)
  const said = suggestion ? text.slice(0, suggestion.index) : text
  return `${said.replace(/[\r\n]+/g, ' ')}${suggestion?.[0] ?? ''}\n`
}

/** An "option" with a space in it is a request text that begins with a dash («- не работает корзина»): how to give it. */
function dashTextNote(error: string): string {
  return /^error: unknown option '-[^']*\s/.test(error)
    ? 'note: a text that begins with "-" is read as an option: put -- before it, or give it on stdin (-)\n'
    : ''
}

/** Help text line by line, its indentation kept: "Examples:", "Usage: …", the notes after the options. */
function sayHelpLines(help: PhraseBook, text: string): string {
  return text.replace(/^( *)(.+)$/gm, (_, indent: string, line: string) => `${indent}${help.say(line)}`)
}

/**
 * `help NAME` (or `tickets help NAME`) for a command that does not exist: said as `NAME` alone is, one sentence with a
 * suggestion and exit 2. Commander prints the whole help then, without a word on what was wrong.
 * @throws CommanderError (commander's own unknown-command error)
 */
export function checkHelpTarget(program: Command, args: readonly string[]): void {
  let cmd = program
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string
    if (arg === '--') return
    if (VALUE_OPTIONS.has(arg)) i++
    else if (!arg.startsWith('-')) {
      if (arg === 'help' && cmd.commands.length) {
        const name = args.slice(i + 1).find((a) => !a.startsWith('-'))
        if (name !== undefined && !cmd.commands.some((c) => c.name() === name || c.aliases().includes(name))) {
          // commander's message and suggestion, as for `regdesk NAME` (its method, not in its type declarations)
          cmd.args = [name]
          ;(cmd as unknown as { unknownCommand(): never }).unknownCommand()
        }
        return
      }
      const sub = cmd.commands.find((c) => c.name() === arg || c.aliases().includes(arg))
      if (!sub) return
      cmd = sub
    }
  }
}

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
  return pkg.version
}

/**
 * The commands to load for the arguments after `node regdesk`: the one they name; none for
 * `--version`; all of them for help or a word that is not a command.
 */
export function commandsFor(args: readonly string[]): string[] {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string
    if (arg === '--') break
    if (arg === '-V' || arg === '--version') return []
    if (VALUE_OPTIONS.has(arg)) i++
    else if (!arg.startsWith('-')) {
      const name = ALIASES[arg] ?? arg
      if (name in COMMANDS) return [name]
      break
    }
  }
  return Object.keys(COMMANDS)
}
