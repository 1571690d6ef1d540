import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { execa } from 'execa'
import { afterAll } from 'vitest'

export const BIN = new URL('../../bin/regdesk.js', import.meta.url).pathname
const DIST = new URL('../../dist/cli/main.js', import.meta.url).pathname

if (!existsSync(DIST)) throw new Error('dist/ is missing: run `npm run build` (npm test does it) before the e2e tests')

const made: string[] = []
// each test file has its own copy of this module: its directories go when the file's tests are done
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
})

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'regdesk-e2e-'))
  made.push(dir)
  return dir
}

/** Runs the built CLI as a user would, in a clean environment: own store and config, UTC machine clock zone. */
export async function regdesk(
  args: string[],
  env: Record<string, string> = {},
  input?: string,
  /** ms after which the run is killed (a hang fails the test instead of holding the suite) */
  timeout?: number,
) {
  const home = tempDir()
  const r = await execa(process.execPath, [BIN, ...args], {
    cleanup: true,
    ...(timeout === undefined ? {} : { timeout }),
    reject: false,
    extendEnv: false,
    input,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: home,
      XDG_CONFIG_HOME: join(home, 'config'),
      XDG_DATA_HOME: join(home, 'data'),
      REGDESK_STORE: join(home, 'tickets.json'),
      REGDESK_NOW: '2026-11-20T15:00:00+03:00',
      TZ: 'UTC',
      NO_COLOR: '1',
      ...env,
    },
  })
  // the home of one run (its default store and config) is the run's own: removed after it
  rmSync(home, { recursive: true, force: true })
  return { exitCode: r.exitCode, stdout: String(r.stdout), stderr: String(r.stderr), timedOut: r.timedOut }
}
