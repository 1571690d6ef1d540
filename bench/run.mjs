// regdesk benchmarks: `npm run bench` (builds first). Not part of `npm test`.
// Every figure is measured beside a floor or a peer in the same run, as a ratio or a median,
// because the machine is shared and noisy. Results are printed and written to bench/RESULTS.md.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DateTime } from 'luxon'
import { clockFor } from '../dist/calendar/clock.js'
import { loadCalendar } from '../dist/calendar/load.js'
import { RegulationRegistry } from '../dist/regulation/load.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const BIN = join(ROOT, 'bin/regdesk.js')
const DATA = join(ROOT, 'bench/.data')
mkdirSync(DATA, { recursive: true })
const quick = process.argv.includes('--quick')

/** Deterministic PRNG (mulberry32) so every run uses the same data. */
function rng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const rows = []
function row(section, what, figure, versus, target, ok) {
  rows.push({ section, what, figure, versus, target: target ?? '', ok: ok === undefined ? '' : ok ? '✓' : '✗' })
  console.error(
    `${section} | ${what} | ${figure} | ${versus} | ${target ?? ''} ${ok === undefined ? '' : ok ? '✓' : '✗'}`,
  )
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}
const fmtRate = (r) =>
  r >= 1e6 ? `${(r / 1e6).toFixed(2)} M/s` : r >= 1e3 ? `${(r / 1e3).toFixed(1)} k/s` : `${r.toFixed(1)}/s`

// ---------------------------------------------------------------- 1. business time
const registry = RegulationRegistry.withBuiltins()
const ru = loadCalendar('ru')
const FROM = Date.parse('2024-01-01T00:00:00+03:00')
const TO = Date.parse('2027-12-31T00:00:00+03:00')
const N = quick ? 200_000 : 1_000_000

/** A deliberately simple peer: luxon, one minute at a time. Same semantics for working minutes. */
function steppingAdd(wt, clock, start, minutes) {
  const zone = wt.timezone
  let t = DateTime.fromMillis(start, { zone }).startOf('minute')
  if (t.toMillis() < start) t = t.plus({ minutes: 1 })
  let left = minutes
  // the clock's day() gives the day's open intervals; a real naive implementation would rebuild them too
  const dayCache = new Map()
  const openAt = (dt) => {
    const iso = dt.toISODate()
    let day = dayCache.get(iso)
    if (!day) {
      day = clock.day(iso)
      dayCache.set(iso, day)
    }
    const ms = dt.toMillis()
    return day.intervals.some(([s, e]) => s <= ms && ms < e)
  }
  while (!openAt(t)) t = t.plus({ minutes: 1 })
  while (left > 0) {
    if (openAt(t)) left--
    t = t.plus({ minutes: 1 })
    if (left === 0) break
  }
  return t.toMillis()
}

for (const id of ['moguta', 'advantshop']) {
  const reg = registry.get(id)
  const clock = clockFor(reg.workingTime, ru)
  const random = rng(7)
  const a = new Float64Array(N)
  const b = new Float64Array(N)
  for (let i = 0; i < N; i++) {
    a[i] = Math.floor(FROM + random() * (TO - FROM))
    b[i] = Math.floor(FROM + random() * (TO - FROM))
  }
  const dur = { amount: 240, unit: 'working_minutes' }
  // agreement on 1,000 cases before timing anything
  let disagree = 0
  for (let i = 0; i < 1000; i++) {
    const start = Math.ceil(a[i] / 60000) * 60000
    const mine = clock.add(start, dur)
    const peer = steppingAdd(reg.workingTime, clock, start, 240)
    if (mine !== peer) disagree++
    if (clock.elapsed(start, mine) !== 240) disagree++
  }
  row(
    'business time',
    `${id}: regdesk vs luxon minute-stepping agree`,
    `${1000 - disagree}/1000`,
    '1,000 cases',
    'all agree',
    disagree === 0,
  )
  clock.elapsed(FROM - 86400000 * 40, TO + 86400000 * 400) // build the years before timing
  const time = (fn) => {
    const rates = []
    for (let r = 0; r < 3; r++) {
      const t0 = process.hrtime.bigint()
      const sink = fn()
      rates.push(N / (Number(process.hrtime.bigint() - t0) / 1e9))
      if (Number.isNaN(sink)) throw new Error('NaN')
    }
    return median(rates)
  }
  const addRate = time(() => {
    let s = 0
    for (let i = 0; i < N; i++) s += clock.add(a[i], dur)
    return s
  })
  const elapsedRate = time(() => {
    let s = 0
    for (let i = 0; i < N; i++) s += clock.elapsed(a[i], b[i])
    return s
  })
  const daysRate = time(() => {
    let s = 0
    for (let i = 0; i < N; i++) s += clock.add(a[i], { amount: 3, unit: 'working_days' })
    return s
  })
  const M = 300
  const t0 = process.hrtime.bigint()
  for (let i = 0; i < M; i++) steppingAdd(reg.workingTime, clock, Math.ceil(a[i] / 60000) * 60000, 240)
  const stepRate = M / (Number(process.hrtime.bigint() - t0) / 1e9)
  row(
    'business time',
    `${id}: add 4 working hours, ${N.toLocaleString('en')} random instants 2024–2027`,
    fmtRate(addRate),
    `luxon stepping ${fmtRate(stepRate)} (×${Math.round(addRate / stepRate).toLocaleString('en')})`,
    '≥ 2 M/s',
    addRate >= 2e6,
  )
  row('business time', `${id}: add 3 working days`, fmtRate(daysRate), '', '≥ 2 M/s', daysRate >= 2e6)
  row(
    'business time',
    `${id}: elapsed between random instants`,
    fmtRate(elapsedRate),
    '',
    '≥ 2 M/s',
    elapsedRate >= 2e6,
  )
}

// ---------------------------------------------------------------- 2. start-up
const RUNS = quick ? 7 : 21
function wall(cmd, args, opts = {}) {
  const t0 = process.hrtime.bigint()
  const r = spawnSync(cmd, args, {
    encoding: 'utf8',
    env: { ...process.env, REGDESK_STORE: join(DATA, 'startup-store.json') },
    ...opts,
  })
  const ms = Number(process.hrtime.bigint() - t0) / 1e6
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`)
  return ms
}
function medianWall(args) {
  wall(process.execPath, args)
  return median(Array.from({ length: RUNS }, () => wall(process.execPath, args)))
}
const floor = medianWall(['-e', '0'])
row('start-up', 'node -e 0 (the floor)', `${floor.toFixed(0)} ms`, `median of ${RUNS}`)
for (const [what, args, target] of [
  ['regdesk --version', ['--version'], null],
  ['regdesk deadline --json', ['deadline', '-r', 'moguta', '--received-at', '2026-11-20T15:00+03:00', '--json'], null],
  ['regdesk regulations list --json', ['regulations', 'list', '--json'], null],
]) {
  const ms = medianWall([BIN, ...args])
  row('start-up', what, `${ms.toFixed(0)} ms`, `×${(ms / floor).toFixed(1)} of the floor`, target)
}

// ---------------------------------------------------------------- 4. batch deadlines
{
  const lines = quick ? 20_000 : 100_000
  const file = join(DATA, `batch-${lines}.jsonl`)
  const random = rng(11)
  const regs = ['moguta', 'advantshop', 'imagecms', 'umi', 'mst']
  const out = []
  for (let i = 0; i < lines; i++) {
    const id = regs[i % regs.length]
    const at = new Date(FROM + random() * (TO - FROM)).toISOString()
    out.push(
      JSON.stringify(
        i % 7 === 3
          ? { id: i, regulation: id, duration: '8h', received_at: at }
          : { id: i, regulation: id, received_at: at },
      ),
    )
  }
  writeFileSync(file, `${out.join('\n')}\n`)
  const times = []
  for (let r = 0; r < 3; r++) {
    const t0 = process.hrtime.bigint()
    const res = spawnSync(process.execPath, [BIN, 'deadline', '--batch', file], {
      maxBuffer: 1 << 30,
      encoding: 'utf8',
    })
    times.push(Number(process.hrtime.bigint() - t0) / 1e6)
    if (res.status !== 0) throw new Error(res.stderr)
    if (res.stdout.split('\n').filter(Boolean).length !== lines) throw new Error('batch lost lines')
  }
  const ms = median(times)
  row(
    'batch',
    `deadline --batch, ${lines.toLocaleString('en')} lines`,
    `${(ms / 1000).toFixed(2)} s wall`,
    `${fmtRate(lines / (ms / 1000))} lines`,
    '< 2 s for 100,000',
    lines < 100_000 ? undefined : ms < 2000,
  )
}

// ---------------------------------------------------------------- report
const header = ['section', 'what', 'figure', 'against', 'target', '']
const table = [
  header,
  header.map(() => '---'),
  ...rows.map((r) => [r.section, r.what, r.figure, r.versus, r.target, r.ok]),
]
const md = table.map((r) => `| ${r.join(' | ')} |`).join('\n')
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}; ${new Date().toISOString().slice(0, 10)}${quick ? ' (--quick)' : ''}`
const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim()
  } catch {
    return 'unknown'
  }
})()
console.log(`${md}\n\n${machine}; commit ${commit}`)
if (!quick)
  writeFileSync(
    join(ROOT, 'bench/RESULTS.md'),
    `# Benchmark results\n\n\`npm run bench\` on ${machine}; commit ${commit}.\n\n${md}\n\nRatios and medians are measured in the same run; see README "Benchmarks" for what each figure means.\n`,
  )
