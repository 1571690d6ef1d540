import { CommanderError } from 'commander'
import { formatIssue } from '../data/issue.js'
import { DataError, ExitCode, RegdeskError } from '../errors.js'
import { maskSecrets } from '../triage/credentials.js'
import type { Environment } from './context.js'
import { type IO, printable } from './io.js'
import { createProgram } from './program.js'

/**
 * Runs the program on `argv` and returns its exit code: the one place that turns errors into messages and exit codes
 * (README.md, "Exit codes"). src/cli/main.ts runs it for the process; the tests run it in-process with a test IO.
 */
export async function runProgram(io: IO, environment: Environment, argv: readonly string[]): Promise<number> {
  // stderr carries messages that quote input (commander's among them): never a raw escape
  // sequence, never a credential pasted into an option
  // (changed in place, not spread: a spread would read the lazy `stdin` and create the stream)
  const rawErr = io.err
  io.err = (text: string) => rawErr(printable(maskQuoted(text)))
  const debug = argv.includes('--verbose') || Boolean(environment.env.DEBUG)
  try {
    const program = await createProgram(io, environment, [...argv])
    await program.parseAsync([...argv])
    return ExitCode.Ok
  } catch (err) {
    return exitCodeFor(io, err, debug)
  }
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
    io.err(`error: ${n} problem${n === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}\n`)
    return err.exitCode
  }
  if (err instanceof RegdeskError) {
    io.err(`error: ${safe(err.message)}\n`)
    if (debug && err.stack) io.err(`${err.stack}\n`)
    return err.exitCode
  }
  if (err instanceof Error && err.name === 'ExitPromptError') return ExitCode.Cancelled
  const detail = debug && err instanceof Error ? (err.stack ?? err.message) : safe(String(err))
  io.err(`internal error: ${detail}\nthis is a bug in regdesk; please report it (run with --verbose for details)\n`)
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
