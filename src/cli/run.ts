import { CommanderError } from 'commander'
import { formatIssue } from '../data/issue.js'
import { CancelledError, DataError, ExitCode, FoundError, NotFoundError, RegdeskError, UsageError } from '../errors.js'
import { maskSecrets } from '../triage/credentials.js'
import { readUserConfig } from './config.js'
import type { Environment } from './context.js'
import { madeBeforeInterrupt, madeSoFar } from './interrupt.js'
import { type IO, printable } from './io.js'
import { speechOf } from './messages/index.js'
import { type Language, languageOf } from './messages/language.js'
import { stopAllProgress } from './output/progress.js'
import { checkHelpTarget, commandsFor, createProgram, packageVersion } from './program.js'

/**
 * Runs the program on `argv` and returns its exit code: the one place that turns errors into messages and exit codes
 * (README.md, "Exit codes"). src/cli/main.ts runs it for the process; the tests run it in-process with a test IO.
 */
export async function runProgram(io: IO, environment: Environment, argv: readonly string[]): Promise<number> {
  // a run in the same process (the tests') starts with nothing made
  madeSoFar(undefined)
  // stderr carries messages that quote input (commander's among them): never a raw escape
  // sequence, never a credential pasted into an option
  // (changed in place, not spread: a spread would read the lazy `stdin` and create the stream)
  const rawErr = io.err
  io.err = (text: string) => rawErr(printable(maskQuoted(text)))
  let lang: Language
  try {
    lang = languageOf(argv, environment.env, configuredLanguage())
  } catch (err) {
    const code = exitCodeFor(io, err, false)
    if (argv.includes('--json')) io.out(`${JSON.stringify({ error: errorJson(err, code) })}\n`)
    return code
  }
  io.speech = speechOf(lang)
  // stderr speaks the interface language: the lower layers' sentences are said in it line by line
  if (lang !== 'en') {
    const englishErr = io.err
    io.err = (text: string) => englishErr(sayLines(io, text))
  }
  // a command that wrote its JSON before failing (`regulations validate --json`) has said it all on stdout
  const rawOut = io.out
  io.out = (text: string) => {
    wroteOut.add(io)
    rawOut(text)
  }
  const debug = argv.includes('--verbose') || Boolean(environment.env.DEBUG)
  const json = argv.includes('--json')
  if (json && !commandsFor(argv.slice(2)).length) {
    // `--version --json`: the version as a script reads it
    io.out(`${JSON.stringify({ version: packageVersion() })}\n`)
    return ExitCode.Ok
  }
  try {
    const program = await createProgram(io, environment, [...argv])
    checkHelpTarget(program, argv.slice(2))
    await program.parseAsync([...argv])
    return ExitCode.Ok
  } catch (err) {
    stopAllProgress()
    const code = exitCodeFor(io, err, debug)
    // under --json a script also finds the error on stdout, where it reads the result
    if (json && !wroteOut.has(io) && code !== ExitCode.Ok && !(err instanceof FoundError))
      io.out(`${JSON.stringify({ error: errorJson(err, code) })}\n`)
    return code
  }
}

/**
 * Ctrl-C while a command runs (src/cli/main.ts calls it on SIGINT): said as a cancelled prompt is, here, and its exit
 * code returned.
 */
export function cancelled(io: IO, argv: readonly string[]): number {
  stopAllProgress()
  const err = new CancelledError('cancelled')
  const code = exitCodeFor(io, err, false)
  const made = madeBeforeInterrupt()
  if (made) io.err(`note: ${made}\n`)
  // one JSON document on stdout: the error's only when the command had written none of its own
  if (argv.includes('--json') && !wroteOut.has(io)) io.out(`${JSON.stringify({ error: errorJson(err, code) })}\n`)
  return code
}

/** The runs (by their IO) that have written to stdout, their result or part of it: under --json no error document follows. */
const wroteOut = new WeakSet<IO>()

/**
 * The error as `--json` gives it: a code that never changes with the wording, the message, the exit code. Exit 3 is
 * `invalid_data` whatever the error (a letter that is not one, a store of a newer regdesk), with the issues of a data
 * file where it lists them.
 */
function errorJson(err: unknown, exitCode: number) {
  const code =
    err instanceof CommanderError
      ? 'usage'
      : err instanceof DataError || exitCode === ExitCode.InvalidData
        ? 'invalid_data'
        : err instanceof UsageError
          ? 'usage'
          : err instanceof NotFoundError
            ? 'not_found'
            : exitCode === ExitCode.Cancelled
              ? 'cancelled'
              : err instanceof RegdeskError
                ? 'failure'
                : 'internal'
  const message =
    err instanceof CommanderError
      ? err.message.replace(/^error: /, '')
      : code === 'cancelled'
        ? // the prompt library's own words ("User force closed the prompt with 0 null") are not ours
          'cancelled'
        : err instanceof Error
          ? err.message
          : String(err)
  return {
    code,
    message: maskQuoted(safe(message)),
    exit_code: exitCode,
    ...(err instanceof DataError ? { issues: err.issues } : {}),
  }
}

/** config `lang`; a config file that cannot be read is the command's error to report, not the language's */
function configuredLanguage(): string | undefined {
  try {
    return readUserConfig().lang
  } catch {
    return undefined
  }
}

/** Each line of a message in the interface language: "warning: …", "note: …", "error: …" and the sentence. */
function sayLines(io: IO, text: string): string {
  const { phrases, t } = io.speech
  return text.replace(/[^\n]+/g, (line) => {
    const m = /^(warning|note|error): (.*)$/s.exec(line)
    if (!m) return phrases.say(line)
    const prefix = { warning: t.verdict.warning, note: t.run.note, error: t.run.error }[m[1] as 'warning']
    return `${prefix}: ${phrases.say(m[2] as string)}`
  })
}

function exitCodeFor(io: IO, err: unknown, debug: boolean): number {
  if (err instanceof CommanderError) {
    // commander has printed its message already
    return err.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage
  }
  if (err instanceof DataError) {
    const files = new Set(err.issues.map((i) => i.file)).size
    const n = err.issues.length
    io.err(err.issues.map((i) => `${safe(formatIssue(i))}\n`).join(''))
    io.err(`error: ${io.speech.t.run.problems(n, files)}\n`)
    return err.exitCode
  }
  if (err instanceof CancelledError || (err instanceof Error && err.name === 'ExitPromptError')) {
    // Ctrl-C at a prompt: the conversation is over, nothing was written
    io.err(`${io.speech.t.run.cancelled}\n`)
    return ExitCode.Cancelled
  }
  if (err instanceof FoundError) {
    // a finding, not a failure: said as it is
    io.err(`${safe(err.message)}\n`)
    return err.exitCode
  }
  if (err instanceof RegdeskError) {
    io.err(`error: ${safe(err.message)}\n`)
    if (debug && err.stack) io.err(`${err.stack}\n`)
    return err.exitCode
  }
  const detail = debug && err instanceof Error ? (err.stack ?? err.message) : safe(String(err))
  io.err(`${io.speech.t.run.internal(detail)}\n`)
  return ExitCode.Failure
}

/**
 * Values are quoted in messages ("…", '…', «…»): mask credentials there, not in regdesk's own
 * words ("pass --regulation"). Greedy to the last quote of the line: a value may hold quotes.
 */
function maskQuoted(text: string): string {
  return text.replace(/"[^\n]*"|'[^\n]*'|«[^\n]*»/g, (q) => `${q[0]}${maskSecrets(q.slice(1, -1))}${q.at(-1)}`)
}

/** An error is one line, even when it quotes a value with line breaks (io.err does the rest). */
function safe(text: string): string {
  return text.replace(/[\r\n]+/g, ' ')
}
