import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { PassThrough, Readable } from 'node:stream'
import { Chalk } from 'chalk'
import { CommanderError } from 'commander'
import { afterAll } from 'vitest'
import type { IO } from '../../../src/cli/io.js'
import { createProgram } from '../../../src/cli/program.js'
import { DataError, RegdeskError } from '../../../src/errors.js'
import { PARSERS } from '../../../src/regulation/parsers.js'

/**
 * The CLI in-process, for input matrices too large to spawn a process per case (a spawn costs
 * ~0.3 s of CPU). Exit codes follow src/cli/main.ts; the e2e tests check a sample of each
 * matrix through the built binary, so the mapping itself is covered there.
 */

const made: string[] = []
// each test file has its own copy of this module: its directories go when the file's tests are done
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
})
function madeDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  made.push(dir)
  return dir
}

// the user config must not leak in from the machine running the tests
process.env.XDG_CONFIG_HOME = madeDir('regdesk-cfg-')

export interface Run {
  exitCode: number
  stdout: string
  stderr: string
}

export function tempStore(): string {
  return join(madeDir('regdesk-unit-'), 'tickets.json')
}

export async function runCli(args: string[], env: Record<string, string> = {}, stdin?: string | Buffer): Promise<Run> {
  let stdout = ''
  let stderr = ''
  const io: IO = {
    out: (t) => {
      stdout += t
    },
    err: (t) => {
      stderr += t
    },
    isStdoutTTY: false,
    canPrompt: false,
    color: new Chalk({ level: 0 }),
    columns: 100,
    stdin: Readable.from(stdin === undefined ? [] : [Buffer.from(stdin)]),
    stdout: new PassThrough(),
  }
  const environment = {
    env: {
      REGDESK_NOW: '2026-11-20T15:00:00+03:00',
      REGDESK_STORE: tempStore(),
      // imported calendar years of the machine running the tests must not leak in
      REGDESK_CALENDARS_DIR: join(dirname(tempStore()), 'calendars'),
      // nor its cached models of regulations the build did not see
      REGDESK_CACHE_DIR: join(dirname(tempStore()), 'cache'),
      ...env,
    },
    clock: () => Date.parse('2026-11-20T12:00:00Z'),
    parsers: PARSERS,
  }
  try {
    const argv = ['node', 'regdesk', ...args]
    await (await createProgram(io, environment, argv)).parseAsync(argv)
    return { exitCode: 0, stdout, stderr }
  } catch (e) {
    if (e instanceof CommanderError) return { exitCode: e.exitCode === 0 ? 0 : 2, stdout, stderr }
    if (e instanceof DataError) return { exitCode: 3, stdout, stderr: `${stderr}${e.message}` }
    if (e instanceof RegdeskError) return { exitCode: e.exitCode, stdout, stderr: `${stderr}error: ${e.message}` }
    throw e
  }
}
