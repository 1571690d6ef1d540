// `npm test`: the build and the type check of src and test side by side (each is mostly one core's work: on two
// cores together they take the time of the longer), then lint, then the whole vitest suite. Stops at the first
// step that fails, with its exit code; the output of the parallel steps is printed step by step, not interleaved.
import { spawn } from 'node:child_process'

function run(script, { quiet = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' })
    let output = ''
    child.stdout?.on('data', (d) => {
      output += d
    })
    child.stderr?.on('data', (d) => {
      output += d
    })
    child.on('close', (code) => resolve({ script, code: code ?? 1, output }))
  })
}

const parallel = await Promise.all([run('build', { quiet: true }), run('typecheck', { quiet: true })])
for (const step of parallel) {
  process.stdout.write(`> ${step.script}\n${step.output}`)
  if (step.code !== 0) process.exit(step.code)
}
for (const script of ['lint', 'test:all']) {
  const step = await run(script)
  if (step.code !== 0) process.exit(step.code)
}
