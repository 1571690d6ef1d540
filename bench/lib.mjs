// Shared helpers of the benchmark: deterministic data, medians, the table, timing of processes
// (wall time and peak RSS).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('..', import.meta.url))
export const BIN = join(ROOT, 'bin/regdesk.js')
export const DATA = join(ROOT, 'bench/.data')
mkdirSync(DATA, { recursive: true })

/** Deterministic PRNG (mulberry32) so every run uses the same data. */
export function rng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

export const fmtRate = (r) =>
  r >= 1e6 ? `${(r / 1e6).toFixed(2)} M/s` : r >= 1e3 ? `${(r / 1e3).toFixed(1)} k/s` : `${r.toFixed(1)}/s`
export const fmtMs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`)
export const fmtRatio = (x) => (x >= 100 ? `×${Math.round(x).toLocaleString('en')}` : `×${x.toFixed(x >= 10 ? 0 : 2)}`)
export const fmtMiB = (kib) => `${(kib / 1024).toFixed(0)} MiB`
export const int = (n) => n.toLocaleString('en')

/** The rows of the one table, in the order they are measured. */
export const rows = []
/**
 * One line of the table. `ok` undefined: no target for this figure (informative only).
 * Progress goes to stderr as it is measured; the table goes to stdout at the end.
 */
export function row(section, what, figure, against, target, ok) {
  const mark = ok === undefined ? '' : ok ? '✓' : '✗'
  rows.push({ section, what, figure, against: against ?? '', target: target ?? '', ok: mark })
  console.error(`  ${section} | ${what} | ${figure} | ${against ?? ''} | ${target ?? ''} ${mark}`)
}

export function markdownTable() {
  const header = ['section', 'what', 'figure', 'against', 'target', '']
  const esc = (s) => String(s).replaceAll('|', '\\|')
  return [header, header.map(() => '---'), ...rows.map((r) => [r.section, r.what, r.figure, r.against, r.target, r.ok])]
    .map((r) => `| ${r.map(esc).join(' | ')} |`)
    .join('\n')
}

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null
const RSS_PRELOAD = join(ROOT, 'bench/rss-preload.cjs')
/** How peak RSS is measured on this machine (printed under the table). */
export const rssMethod = TIME ? '/usr/bin/time -f %M' : 'process.resourceUsage().maxRSS at exit (preloaded)'

const ORIGINAL_TZ = process.env.TZ
/** The environment for regdesk children: no colour, and the TZ the bench was started with (the peer library changes it). */
export function childEnv(extra = {}) {
  const env = { ...process.env, NO_COLOR: '1', ...extra }
  if (ORIGINAL_TZ === undefined) delete env.TZ
  else env.TZ = ORIGINAL_TZ
  return env
}

/**
 * Runs `node ...args` once: wall time (ms, including process start and exit) and peak RSS (KiB).
 * stdout is discarded into a pipe read to the end (the command pays for its output, as in a script).
 */
export function runNode(args, { env = childEnv(), input, measureRss = false, expectStatus = 0 } = {}) {
  const [cmd, argv] =
    measureRss && TIME
      ? [TIME, ['-f', '%M', process.execPath, ...args]]
      : measureRss
        ? [process.execPath, ['--require', RSS_PRELOAD, ...args]]
        : [process.execPath, args]
  const t0 = process.hrtime.bigint()
  const r = spawnSync(cmd, argv, { env, input, encoding: 'utf8', maxBuffer: 1 << 30 })
  const ms = Number(process.hrtime.bigint() - t0) / 1e6
  if (r.status !== expectStatus)
    throw new Error(`node ${args.join(' ').slice(0, 200)} exited ${r.status}: ${r.stderr.slice(-2000)}`)
  let rssKiB = null
  if (measureRss) {
    const last = r.stderr.trim().split('\n').at(-1) ?? ''
    rssKiB = Number(last.trim())
    if (!Number.isFinite(rssKiB)) throw new Error(`no RSS figure in: ${last}`)
  }
  return { ms, rssKiB, stdout: r.stdout }
}

/** Wall times of several commands, run round-robin (so drift of a shared machine hits all alike). */
export function interleaved(commands, runs) {
  const times = commands.map(() => [])
  for (const c of commands) runNode(c.args, c.opts) // warm the file cache
  for (let r = 0; r < runs; r++)
    commands.forEach((c, i) => {
      times[i].push(runNode(c.args, c.opts).ms)
    })
  return times.map(median)
}
