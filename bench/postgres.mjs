// 3b. The team store: the same generated stores copied into PostgreSQL (regdesk store copy), and the
// same commands timed against it beside the JSON file path and `regdesk --version`, interleaved.
// The server is a throwaway one like the tests' (test/support/postgres-server.ts): initdb into a
// temporary directory as the postgres user when run as root, a free loopback port, fsync off;
// REGDESK_BENCH_DATABASE_URL names another (a database regdesk may fill and empty).
import { execFileSync, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chownSync, existsSync, mkdtempSync, readdirSync, realpathSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { BIN, childEnv, DATA, fmtMs, fmtRatio, int, median, row, runNode } from './lib.mjs'
import { NOW, writeStore } from './store-data.mjs'

const S = 'team store'

function findBin() {
  const onPath = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim()
  // a link on PATH (/usr/local/bin/initdb → …/bin/initdb): the other programs are beside its target
  if (onPath) return dirname(realpathSync(onPath))
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return undefined
  const v = readdirSync(root)
    .filter((x) => existsSync(join(root, x, 'bin/initdb')))
    .sort((a, b) => Number(b) - Number(a))[0]
  return v ? join(root, v, 'bin') : undefined
}

/** A throwaway server; returns its URL (trust auth on loopback: the bench measures regdesk, not SCRAM) and a stop function. */
function startServer() {
  const bin = findBin()
  if (!bin) return undefined
  const root = process.getuid?.() === 0
  const dir = mkdtempSync(join(tmpdir(), 'regdesk-bench-pg-'))
  if (root) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }))
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }))
    chownSync(dir, uid, gid)
  }
  const run = (cmd, args) => {
    const [file, argv] = root ? ['runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]] : [join(bin, cmd), args]
    const r = spawnSync(file, argv, { encoding: 'utf8' })
    if (r.status !== 0) throw new Error(`${cmd}: ${r.stderr || r.stdout}`)
  }
  const port = 20000 + Math.floor(Math.random() * 20000)
  run('initdb', ['-D', join(dir, 'data'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'])
  run('pg_ctl', [
    '-D',
    join(dir, 'data'),
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off`,
    '-l',
    join(dir, 'log'),
    '-w',
    'start',
  ])
  return {
    url: (db) => `postgres://postgres@127.0.0.1:${port}/${db}`,
    createdb: (name) => run('createdb', ['-h', dir, '-p', String(port), '-U', 'postgres', name]),
    stop: () => {
      try {
        run('pg_ctl', ['-D', join(dir, 'data'), '-m', 'immediate', '-w', 'stop'])
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}

export function benchPostgres({ quick }) {
  const given = process.env.REGDESK_BENCH_DATABASE_URL
  const server = given ? undefined : startServer()
  if (!given && !server) {
    row(S, 'PostgreSQL', 'skipped: no PostgreSQL binaries', 'apt-get install -y postgresql')
    return
  }
  try {
    for (const count of quick ? [10_000] : [100_000]) {
      const file = join(DATA, `pg-${count}.tickets`)
      for (const f of [file, `${file}.meta`, `${file}.summary`]) rmSync(f, { force: true })
      const { openId } = writeStore(count, file)
      const db = `regdesk_bench_${randomBytes(4).toString('hex')}`
      let url = given
      if (!url) {
        server.createdb(db)
        url = server.url(db)
      }
      const what = `${int(count)} tickets`
      const load = runNode([BIN, 'store', 'copy', file, url], { env: childEnv({ REGDESK_NOW: NOW }) })
      row(S, `${what}: store copy file → PostgreSQL (with its read-back check)`, fmtMs(load.ms), '')
      const envFile = childEnv({ REGDESK_STORE: file, REGDESK_NOW: NOW })
      const envDb = childEnv({ REGDESK_STORE: url, REGDESK_NOW: NOW })
      // the JSON file as regdesk leaves it after any change (its sidecars current)
      runNode([BIN, 'tickets', 'respond', openId], { env: envFile })
      runNode([BIN, 'tickets', 'respond', openId], { env: envDb })
      const report = ['report', '--format', 'json', '--from', '2025-01-01', '--to', '2026-12-31']
      // the month before the bench's now: the period a lead reports most, where the database selects by its indexes
      const month = ['report', '--format', 'json', '--from', '2026-11-01', '--to', '2026-11-30']
      const add = (i) => [
        BIN,
        'tickets',
        'add',
        '-r',
        'moguta',
        '--received-at',
        `2026-12-01T11:0${i % 10}:00+03:00`,
        `После обновления не работает корзина на сайте shop${i}.example.ru, ошибка 500 при оформлении заказа`,
      ]
      const commands = [
        { key: 'version', args: () => [BIN, '--version'], env: envFile },
        { key: 'overdue-file', args: () => [BIN, 'overdue', '--json'], env: envFile },
        { key: 'overdue-db', args: () => [BIN, 'overdue', '--json'], env: envDb },
        { key: 'report-file', args: () => [BIN, ...report], env: envFile },
        { key: 'report-db', args: () => [BIN, ...report], env: envDb },
        { key: 'month-file', args: () => [BIN, ...month], env: envFile },
        { key: 'month-db', args: () => [BIN, ...month], env: envDb },
        { key: 'add-file', args: (r) => add(r), env: envFile },
        { key: 'add-db', args: (r) => add(r), env: envDb },
        { key: 'respond-file', args: () => [BIN, 'tickets', 'respond', openId], env: envFile },
        { key: 'respond-db', args: () => [BIN, 'tickets', 'respond', openId], env: envDb },
        { key: 'list-db', args: () => [BIN, 'tickets', 'list', '--json', '--status', 'new,open'], env: envDb },
      ]
      const runs = quick ? 5 : 9
      const times = Object.fromEntries(commands.map((c) => [c.key, []]))
      for (let r = 0; r < runs; r++) for (const c of commands) times[c.key].push(runNode(c.args(r), { env: c.env }).ms)
      const m = Object.fromEntries(Object.entries(times).map(([k, xs]) => [k, median(xs)]))
      const start = m.version
      row(
        S,
        `${what}: regdesk --version (the start-up the targets compare with)`,
        fmtMs(start),
        `median of ${runs}, interleaved with the rows below`,
      )
      const vsFile = (db, file) => `JSON file ${fmtMs(file)}: ${fmtRatio(db / file)}`
      const at = quick ? ' (target at 100,000)' : ''
      row(
        S,
        `${what}: overdue --json on PostgreSQL`,
        fmtMs(m['overdue-db']),
        vsFile(m['overdue-db'], m['overdue-file']),
        `faster than the JSON file${at}`,
        quick ? undefined : m['overdue-db'] < m['overdue-file'],
      )
      row(
        S,
        `${what}: report --format json, whole period, on PostgreSQL`,
        fmtMs(m['report-db']),
        vsFile(m['report-db'], m['report-file']),
        `faster than the JSON file${at}`,
        quick ? undefined : m['report-db'] < m['report-file'],
      )
      row(
        S,
        `${what}: report --format json, one month (2026-11), on PostgreSQL`,
        fmtMs(m['month-db']),
        vsFile(m['month-db'], m['month-file']),
      )
      row(
        S,
        `${what}: tickets add on PostgreSQL (triage + one transaction)`,
        fmtMs(m['add-db']),
        `${fmtRatio(m['add-db'] / start)} of --version; JSON file ${fmtMs(m['add-file'])}`,
        `≤ ×1.5 of --version${at}`,
        quick ? undefined : m['add-db'] <= 1.5 * start,
      )
      row(
        S,
        `${what}: tickets respond on PostgreSQL`,
        fmtMs(m['respond-db']),
        `${fmtRatio(m['respond-db'] / start)} of --version; JSON file ${fmtMs(m['respond-file'])}`,
        `≤ ×1.5 of --version${at}`,
        quick ? undefined : m['respond-db'] <= 1.5 * start,
      )
      row(S, `${what}: tickets list --json --status new,open on PostgreSQL`, fmtMs(m['list-db']), '')
      for (const f of [file, `${file}.meta`, `${file}.summary`]) rmSync(f, { force: true })
    }
  } finally {
    server?.stop()
  }
}
