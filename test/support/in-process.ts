import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough, Readable } from 'node:stream'
import { Chalk } from 'chalk'
import { afterAll } from 'vitest'
import type { IO } from '../../src/cli/io.js'
import { ENGLISH_SPEECH } from '../../src/cli/messages/index.js'
import { runProgram } from '../../src/cli/run.js'
import { PARSERS } from '../../src/regulation/parsers.js'

/**
 * The CLI in-process: the program with a test IO, through src/cli/run.ts — the same error → exit code mapping as the
 * process (src/cli/main.ts only wires it to the real streams). A spawned process costs ~0.3 s of CPU; the e2e tests
 * (test/e2e/) keep what only a real process shows: exit codes set on the process, terminals, signals, encodings of
 * the real streams, the launcher.
 */

const made: string[] = []
// each test file has its own copy of this module: its directories go when the file's tests are done
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A temporary directory removed when the test file is done. */
export function tempDir(prefix = 'regdesk-unit-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  made.push(dir)
  return dir
}

// the user config must not leak in from the machine running the tests (conf and env-paths read process.env)
process.env.XDG_CONFIG_HOME = tempDir('regdesk-cfg-')

/** stdout as a terminal of this width (still without colour), for the tables people read */
export interface Terminal {
  columns: number
}

export interface Run {
  exitCode: number
  stdout: string
  stderr: string
}

export function tempStore(): string {
  return join(tempDir(), 'tickets.json')
}

/**
 * Runs `regdesk ARGS` in-process, as the e2e helper (test/e2e/regdesk.ts) does in a process: its own store, imported
 * calendars and cache, --now fixed at Fri 2026-11-20 15:00 Moscow, no colour, a pipe for stdout.
 */
export async function runCli(
  args: string[],
  env: Record<string, string> = {},
  stdin?: string | Buffer,
  terminal?: Terminal,
): Promise<Run> {
  let stdout = ''
  let stderr = ''
  const out = new PassThrough()
  out.on('data', (chunk: Buffer) => {
    stdout += chunk.toString()
  })
  const io: IO = {
    out: (t) => {
      stdout += t
    },
    err: (t) => {
      stderr += t
    },
    isStdoutTTY: terminal !== undefined,
    canPrompt: false,
    isStdinTTY: false,
    color: new Chalk({ level: 0 }),
    columns: terminal?.columns ?? 100,
    stdin: Readable.from(stdin === undefined ? [] : [Buffer.from(stdin)]),
    stdout: out,
    prompts: new PassThrough(),
    showsProgress: false,
    speech: ENGLISH_SPEECH,
  }
  const home = tempDir()
  const environment = {
    env: {
      REGDESK_NOW: '2026-11-20T15:00:00+03:00',
      REGDESK_STORE: join(home, 'tickets.json'),
      // imported calendar years and cached models of the machine running the tests must not leak in
      REGDESK_CALENDARS_DIR: join(home, 'calendars'),
      REGDESK_CACHE_DIR: join(home, 'cache'),
      NO_COLOR: '1',
      ...env,
    },
    clock: () => Date.parse('2026-11-20T12:00:00Z'),
    parsers: PARSERS,
  }
  // the user config is found through process.env (env-paths, conf): a run's own is put there for the run
  const configHome = process.env.XDG_CONFIG_HOME
  if (env.XDG_CONFIG_HOME) process.env.XDG_CONFIG_HOME = env.XDG_CONFIG_HOME
  let exitCode: number
  try {
    exitCode = await runProgram(io, environment, ['node', 'regdesk', ...args])
  } finally {
    process.env.XDG_CONFIG_HOME = configHome
  }
  await new Promise((resolve) => setImmediate(resolve))
  return { exitCode, stdout, stderr }
}

/**
 * The e2e helper's signature and output (test/e2e/regdesk.ts, execa: one final newline stripped), in-process: for
 * command tests that need no real process.
 */
export async function regdesk(
  args: string[],
  env: Record<string, string> = {},
  input?: string,
  terminal?: Terminal,
): Promise<Run> {
  const r = await runCli(args, env, input, terminal)
  const strip = (s: string) => s.replace(/\r?\n$/, '')
  return { exitCode: r.exitCode, stdout: strip(r.stdout), stderr: strip(r.stderr) }
}
