import { processIO } from './io.js'
import { runProgram } from './run.js'

// a reader that stops early (`| head`) is not an error: stop writing, exit quietly
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err
    stream.destroy()
  })

const argv = process.argv
// not a top-level await: the program is bundled as CommonJS (see scripts/bundle.mjs)
runProgram(
  processIO({ color: !argv.includes('--no-color') }),
  { env: process.env, clock: () => Date.now() },
  argv,
).then((code) => {
  process.exitCode = code
  exitWhenWritten(code)
})

/**
 * Ends the process once what the program wrote to stdout and stderr is handed to the system (a pipe's reader may
 * be slower than the program: exiting at once would cut the output). A process that ends by itself first takes its
 * heap down piece by piece, a tenth of a second after an import of 100,000 tickets; nothing is left to run by then.
 */
function exitWhenWritten(code: number): void {
  let pending = 2
  const written = () => {
    pending--
    if (pending === 0) process.exit(code)
  }
  for (const stream of [process.stdout, process.stderr]) {
    // a stream closed by its reader (EPIPE, above) has nothing left to write
    if (stream.destroyed || !stream.writable) written()
    else stream.write('', written)
  }
}
