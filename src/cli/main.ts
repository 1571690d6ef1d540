import { explain } from '../data/errno.js'
import { stepsEnded } from '../data/exit-guard.js'
import { ExitCode } from '../errors.js'
import { processIO } from './io.js'
import { cancelled, runProgram } from './run.js'

const argv = process.argv
const io = processIO({ color: !argv.includes('--no-color') })

// A reader that stops early (`| head`) is not an error: stop writing, exit quietly. Output that cannot be written (a
// full disk under `> report.csv`) is one sentence and exit 1, as a file of -o is; what was written is cut short.
let unwritable = false
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (err: NodeJS.ErrnoException) => {
    stream.destroy()
    if (err.code === 'EPIPE' || unwritable) return
    unwritable = true
    if (stream === process.stdout) io.err(`error: the output cannot be written (${explain(err.code)})\n`)
    process.exitCode = ExitCode.Failure
  })

// Ctrl-C outside a prompt (a long import or report, text typed at the keyboard): said as at a prompt (run.ts), exit
// 130. What a store had committed stays; a file store's change not yet renamed into place is not made. A store's lock
// being taken or given back is so first, so that none is left behind (src/data/exit-guard.ts).
// Kept as a listener (not once): signal-exit, loaded by the lock library, kills the process itself when a signal finds
// no listener but its own, and would not wait.
let interrupted = false
process.on('SIGINT', () => {
  if (interrupted) return
  interrupted = true
  void stepsEnded(2_000).then(() => process.exit(cancelled(io, argv)))
})

// not a top-level await: the program is bundled as CommonJS (see scripts/bundle.mjs); the exit code is set, not
// exited with, so piped output is flushed first
runProgram(io, { env: process.env, clock: () => Date.now() }, argv).then((code) => {
  process.exitCode = unwritable ? ExitCode.Failure : code
})
