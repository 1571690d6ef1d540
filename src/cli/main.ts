import { CommanderError } from 'commander'
import { formatIssue } from '../data/issue.js'
import { DataError, ExitCode, RegdeskError } from '../errors.js'
import { maskSecrets } from '../triage/credentials.js'
import { printable, processIO } from './io.js'
import { createProgram } from './program.js'

// a reader that stops early (`| head`) is not an error: stop writing, exit quietly
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err
    stream.destroy()
  })

const argv = process.argv
const processIo = processIO({ color: !argv.includes('--no-color') })
// stderr carries messages that quote input (commander's among them): never a raw escape
// sequence, never a credential pasted into an option
// (changed in place, not spread: a spread would read the lazy `stdin` and create the stream)
const io = processIo
const rawErr = processIo.err
io.err = (text: string) => rawErr(printable(maskQuoted(text)))
const debug = argv.includes('--verbose') || Boolean(process.env.DEBUG)

// not a top-level await: the program is bundled as CommonJS (see scripts/bundle.mjs)
run().catch((err: unknown) => {
  process.exitCode = exitCodeFor(err)
})

async function run(): Promise<void> {
  const program = await createProgram(io, { env: process.env, clock: () => Date.now() }, argv)
  await program.parseAsync(argv)
}

/** The one place that turns errors into messages and exit codes. */
function exitCodeFor(err: unknown): number {
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
