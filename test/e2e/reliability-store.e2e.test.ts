import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { execa } from 'execa'
import { describe, expect, it } from 'vitest'
import { BIN, regdesk, tempDir } from './regdesk.js'

/**
 * Issue 8, part 4: store files that are not plain writable files. Each is a clear one-line error
 * (exit 1, a runtime failure, README.md "Exit codes") and nothing is written; a symbolic link is followed.
 * Concurrency, crashes, corruption and newer formats are in store.e2e.test.ts.
 */

const TEXT = 'После обновления не открывается админка'
const add = (env: Record<string, string>) =>
  regdesk(['tickets', 'add', '-r', 'moguta', TEXT, '--received-at', '2026-11-20T12:00+03:00'], env)

/** Everything in a directory with its bytes (or "dir"), to prove nothing was written. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir).map((n) => {
      const s = lstatSync(join(dir, n))
      return [
        n,
        s.isDirectory()
          ? 'dir'
          : s.isSymbolicLink()
            ? `-> ${readlinkSync(join(dir, n))}`
            : s.isFIFO()
              ? 'fifo'
              : readFileSync(join(dir, n), 'utf8'),
      ]
    }),
  )
}

function expectCleanFailure(r: { exitCode?: number; stdout: string; stderr: string }, message: RegExp) {
  expect(r.exitCode).toBe(1)
  expect(r.stdout).toBe('')
  expect(r.stderr).toMatch(message)
  expect(r.stderr.split('\n')).toHaveLength(1)
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /)
}

describe('a store file that is a symbolic link: followed, the link kept', () => {
  it('writes go to the target; the link stays a link; list reads through it', async () => {
    const dir = tempDir()
    const real = join(dir, 'data', 'tickets.json')
    mkdirSync(join(dir, 'data'))
    const link = join(dir, 'tickets.json')
    symlinkSync(real, link)
    // the first write creates nothing through a dangling link: refused (below); start from a real file
    writeFileSync(real, '{"format":1,"tickets":[]}\n', { mode: 0o600 })
    const env = { REGDESK_STORE: link }
    for (let i = 0; i < 3; i++) expect((await add(env)).exitCode).toBe(0)
    expect(lstatSync(link).isSymbolicLink()).toBe(true)
    expect(readlinkSync(link)).toBe(real)
    expect(JSON.parse(readFileSync(real, 'utf8')).tickets).toHaveLength(3)
    const list = await regdesk(['tickets', 'list', '--json'], env)
    expect(JSON.parse(list.stdout).map((t: { id: string }) => t.id)).toEqual(['MG-000001', 'MG-000002', 'MG-000003'])
    // an update (not an append) keeps the link too
    expect((await regdesk(['tickets', 'respond', 'MG-2', '--json'], env)).exitCode).toBe(0)
    expect(lstatSync(link).isSymbolicLink()).toBe(true)
    // the lock and the temporary files live next to the target, and are gone
    expect(readdirSync(dir).sort()).toEqual(['data', 'tickets.json'])
    expect(readdirSync(join(dir, 'data')).filter((n) => !n.endsWith('.meta') && !n.endsWith('.summary'))).toEqual([
      'tickets.json',
    ])
  })

  it('a link to nothing is refused, not replaced by a file', async () => {
    const dir = tempDir()
    const link = join(dir, 'tickets.json')
    symlinkSync(join(dir, 'missing', 'tickets.json'), link)
    const r = await add({ REGDESK_STORE: link })
    expectCleanFailure(
      r,
      /^error: the ticket store .*tickets\.json is a symbolic link to .*missing\/tickets\.json, which does not exist/,
    )
    expect(lstatSync(link).isSymbolicLink()).toBe(true)
    expect(existsSync(join(dir, 'missing'))).toBe(false)
  })
})

describe('a store that is a directory', () => {
  it.each([
    ['tickets add', (env: Record<string, string>) => add(env)],
    ['tickets list', (env: Record<string, string>) => regdesk(['tickets', 'list'], env)],
    ['tickets respond', (env: Record<string, string>) => regdesk(['tickets', 'respond', 'MG-1'], env)],
  ])('%s → exit 1, "it is a directory", nothing written', async (_name, run) => {
    const dir = tempDir()
    const store = join(dir, 'tickets.json')
    mkdirSync(store)
    const before = snapshot(dir)
    expectCleanFailure(await run({ REGDESK_STORE: store }), /\(EISDIR: it is a directory, not a file\)$/)
    expect(snapshot(dir)).toEqual(before)
    expect(readdirSync(store)).toEqual([])
  })
})

describe('a store that is a named pipe (as /dev/null is a device)', () => {
  it.each([
    ['tickets add', ['tickets', 'add', '-r', 'moguta', 'На сайте ошибка 500']],
    ['tickets list', ['tickets', 'list']],
    ['overdue', ['overdue']],
  ])('%s → exit 1, "it is a named pipe", the pipe left as it is', async (_name, args) => {
    const dir = tempDir()
    const store = join(dir, 'tickets.json')
    await execa('mkfifo', [store])
    const before = snapshot(dir)
    // killed if it waits for a writer on the pipe (reading it blocks) instead of refusing it
    const r = await regdesk(args, { REGDESK_STORE: store }, undefined, 15_000)
    expectCleanFailure(r, /^error: cannot use the ticket store .*tickets\.json \(it is a named pipe, not a file\)$/)
    expect(lstatSync(store).isFIFO()).toBe(true)
    expect(snapshot(dir)).toEqual(before)
  })
})

// Permissions do not apply to root: as root, these tests run the CLI as `nobody` (uid 65534)
// through execa's uid/gid, so they test the same thing; without root they run as the user.
const isRoot = process.getuid?.() === 0
const NOBODY = 65534
const canDropToNobody =
  isRoot &&
  existsSync('/etc/passwd') &&
  /:65534:/.test(readFileSync('/etc/passwd', 'utf8')) &&
  othersCanRun(fileURLToPath(new URL('../../', import.meta.url)))

/** Whether a user other than the owner can reach the checkout (a clone in a 0700 temporary directory cannot). */
function othersCanRun(dir: string): boolean {
  for (let d = dir; ; d = dirname(d)) {
    if ((statSync(d).mode & 0o001) === 0) return false
    if (dirname(d) === d) return true
  }
}

async function asUser(args: string[], env: Record<string, string>) {
  const home = tempDir()
  chmodSync(home, 0o777)
  const r = await execa(process.execPath, [BIN, ...args], {
    reject: false,
    extendEnv: false,
    ...(isRoot ? { uid: NOBODY, gid: NOBODY } : {}),
    env: {
      PATH: process.env.PATH ?? '',
      HOME: home,
      XDG_CONFIG_HOME: join(home, 'config'),
      REGDESK_NOW: '2026-11-20T15:00:00+03:00',
      TZ: 'UTC',
      NO_COLOR: '1',
      ...env,
    },
  })
  return { exitCode: r.exitCode, stdout: String(r.stdout), stderr: String(r.stderr) }
}

/** A store with one ticket, in a directory the test user may write to. */
async function storeWithOneTicket() {
  const dir = tempDir()
  chmodSync(dir, 0o777)
  const store = join(dir, 'tickets.json')
  const r = await asUser(['tickets', 'add', '-r', 'moguta', TEXT], { REGDESK_STORE: store })
  expect(r.exitCode, r.stderr).toBe(0)
  return { dir, store, env: { REGDESK_STORE: store } }
}

describe.skipIf(isRoot && !canDropToNobody)('permissions (as root: run as nobody)', () => {
  it('an unreadable store (chmod 000) → exit 1 "permission denied", file untouched', async () => {
    const { dir, store, env } = await storeWithOneTicket()
    const bytes = readFileSync(store, 'utf8')
    chmodSync(store, 0o000)
    const before = snapshot(dir)
    for (const args of [['tickets', 'list'], ['tickets', 'add', '-r', 'moguta', TEXT], ['overdue']]) {
      const r = await asUser(args, env)
      expectCleanFailure(r, /^error: .*ticket store .*tickets\.json.*\(EACCES: permission denied\)/)
    }
    expect(snapshot(dir)).toEqual(before)
    chmodSync(store, 0o600)
    expect(readFileSync(store, 'utf8')).toBe(bytes)
  })

  it('a store in a read-only directory: reads work, writes → exit 1 naming the directory, nothing written', async () => {
    const { dir, store, env } = await storeWithOneTicket()
    chmodSync(dir, 0o555)
    try {
      const before = snapshot(dir)
      const list = await asUser(['tickets', 'list', '--json'], env)
      expect(list.exitCode, list.stderr).toBe(0)
      expect(JSON.parse(list.stdout)).toHaveLength(1)
      for (const args of [
        ['tickets', 'add', '-r', 'moguta', TEXT],
        ['tickets', 'respond', 'MG-1'],
      ]) {
        const r = await asUser(args, env)
        expectCleanFailure(
          r,
          /^error: cannot lock the ticket store .*\(EACCES: permission denied\): its directory .* must be writable; nothing was changed$/,
        )
      }
      expect(snapshot(dir)).toEqual(before)
      expect(JSON.parse(readFileSync(store, 'utf8')).tickets).toHaveLength(1)
    } finally {
      chmodSync(dir, 0o777)
    }
  })

  it('a read-only store file in a writable directory is not replaced by a rename', async () => {
    const { dir, store, env } = await storeWithOneTicket()
    chmodSync(store, 0o444)
    const before = snapshot(dir)
    const r = await asUser(['tickets', 'respond', 'MG-1'], env)
    expectCleanFailure(
      r,
      /^error: the ticket store .* is not writable \(EACCES: permission denied\); nothing was changed$/,
    )
    expect(snapshot(dir)).toEqual(before)
    expect(statSync(store).mode & 0o777).toBe(0o444)
  })
})
