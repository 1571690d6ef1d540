import { readFileSync } from 'node:fs'
import { Command, Option } from 'commander'
import { calendarCommand } from './commands/calendar.js'
import { configCommand } from './commands/config.js'
import { deadlineCommand } from './commands/deadline.js'
import { elapsedCommand } from './commands/elapsed.js'
import { overdueCommand } from './commands/overdue.js'
import { regulationsCommand } from './commands/regulations.js'
import { reportCommand } from './commands/report.js'
import { ticketsCommand } from './commands/tickets/index.js'
import { triageCommand } from './commands/triage.js'
import type { Environment } from './context.js'
import type { IO } from './io.js'

const EXIT_CODES = `
Exit codes:
  0    success (an empty result is a success)
  1    failure (e.g. a ticket not found, a file that cannot be read)
  2    usage error (unknown option, bad value)
  3    invalid data (regulation, calendar or store file): file:line:column
  4    \`overdue --check\` found overdue tickets
  130  cancelled at a prompt

Environment: REGDESK_NOW, REGDESK_STORE, REGDESK_REGULATIONS, NO_COLOR, DEBUG.`

export function createProgram(io: IO, environment: Environment): Command {
  const program = new Command('regdesk')
    .description('Apply a technical-support regulation: triage requests, SLA deadlines in working time, reports')
    .version(packageVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .addOption(new Option('--now <iso>', 'fix the clock for every computation (e.g. 2026-11-20T15:00+03:00)'))
    .addOption(new Option('--store <file>', 'ticket store file (env REGDESK_STORE, config `store`)'))
    .addOption(new Option('--regulations <dir>', 'extra regulation files; same id overrides a built-in one'))
    .option('--json', 'print one JSON document on stdout')
    .option('--no-color', 'no colour (also NO_COLOR=1; off when not a terminal)')
    .option('--verbose', 'show stack traces of errors')
    .addHelpText('after', EXIT_CODES)
    .showHelpAfterError('(run with --help for usage)')

  for (const build of [
    triageCommand,
    deadlineCommand,
    elapsedCommand,
    calendarCommand,
    regulationsCommand,
    configCommand,
    ticketsCommand,
    overdueCommand,
    reportCommand,
  ])
    program.addCommand(build(io, environment))
  applySettings(program, io)
  return program
}

/** Nested commands do not inherit exitOverride or output settings from addCommand: set them on every one. */
function applySettings(cmd: Command, io: IO): void {
  cmd.exitOverride()
  cmd.configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
  cmd.showHelpAfterError('(run with --help for usage)')
  for (const sub of cmd.commands) applySettings(sub, io)
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
  return pkg.version
}

/** Help text listing examples, gh style. */
export function examples(lines: readonly string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`
}
