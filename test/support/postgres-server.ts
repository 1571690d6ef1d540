// vitest global setup: a throwaway PostgreSQL server for the team-store tests (issue 14), unless
// REGDESK_TEST_DATABASE_URL names one to use (a superuser URL: each test creates its own database).
// The server: initdb into a temporary directory (as the `postgres` user when the tests run as root,
// which PostgreSQL requires), password authentication on loopback TCP so URLs with passwords and
// ~/.pgpass are tested for real, fsync off (a test server need not survive a power cut), a free
// port; stopped and removed at the end. Without PostgreSQL binaries the tests are skipped with one
// loud line, except in CI (CI=true), where they are mandatory.
import { execFileSync, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chownSync, existsSync, mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    /** a superuser URL of the test server, or null when there is none (the PostgreSQL tests skip) */
    pgUrl: string | null
  }
}

const INSTALL = 'apt-get install -y postgresql'

function findBin(): string | undefined {
  const onPath = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim()
  // a link on PATH (/usr/local/bin/initdb → …/bin/initdb): the other programs are beside its target
  if (onPath) return dirname(realpathSync(onPath))
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return undefined
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin/initdb')))
    .sort((a, b) => Number(b) - Number(a))
  return versions[0] ? join(root, versions[0], 'bin') : undefined
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port
      srv.close(() => resolve(port))
    })
  })
}

export default async function setup(project: TestProject) {
  const given = process.env.REGDESK_TEST_DATABASE_URL
  if (given) {
    project.provide('pgUrl', given)
    return
  }
  const bin = findBin()
  if (!bin) {
    const line = `PostgreSQL binaries not found: the PostgreSQL store tests are SKIPPED. Install them with \`${INSTALL}\` (or set REGDESK_TEST_DATABASE_URL).`
    if (process.env.CI) throw new Error(`${line} In CI they are mandatory.`)
    console.warn(`\n!!!!! ${line} !!!!!\n`)
    project.provide('pgUrl', null)
    return
  }
  const root = process.getuid?.() === 0
  const dir = mkdtempSync(join(tmpdir(), 'regdesk-pg-'))
  const data = join(dir, 'data')
  const password = randomBytes(12).toString('hex')
  writeFileSync(join(dir, 'pw'), `${password}\n`)
  const uid = root ? Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()) : undefined
  const gid = root ? Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()) : undefined
  if (uid !== undefined && gid !== undefined) {
    chownSync(dir, uid, gid)
    chownSync(join(dir, 'pw'), uid, gid)
  }
  const run = (cmd: string, args: string[]) => {
    const [file, argv] = root ? ['runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]] : [join(bin, cmd), args]
    const r = spawnSync(file, argv, { encoding: 'utf8' })
    if (r.status !== 0) throw new Error(`${cmd} failed (${r.status}): ${r.stderr || r.stdout}`)
  }
  const port = await freePort()
  run('initdb', [
    '-D',
    data,
    '-U',
    'postgres',
    '--pwfile',
    join(dir, 'pw'),
    '--auth-local=trust',
    '--auth-host=scram-sha-256',
    '-E',
    'UTF8',
    '--no-sync',
  ])
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=200',
  ].join(' ')
  run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start'])
  project.provide('pgUrl', `postgres://postgres:${password}@127.0.0.1:${port}/postgres`)
  return () => {
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
