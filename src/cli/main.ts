import { processIO } from './io.js'
import { runProgram } from './run.js'

// a reader that stops early (`| head`) is not an error: stop writing, exit quietly
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err
    stream.destroy()
  })

const argv = process.argv
// not a top-level await: the program is bundled as CommonJS (see scripts/bundle.mjs); the exit code is set, not
// exited with, so piped output is flushed first
runProgram(
  processIO({ color: !argv.includes('--no-color') }),
  { env: process.env, clock: () => Date.now() },
  argv,
).then((code) => {
  process.exitCode = code
})
