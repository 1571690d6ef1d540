// 4. Batch deadlines: `deadline --batch` over JSON Lines, wall time including start-up.
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { BIN, childEnv, DATA, fmtRate, int, median, rng, row } from './lib.mjs'

const FROM = Date.parse('2024-01-01T00:00:00+03:00')
const TO = Date.parse('2027-12-31T00:00:00+03:00')

export function benchBatch({ quick }) {
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
      env: childEnv(),
    })
    times.push(Number(process.hrtime.bigint() - t0) / 1e6)
    if (res.status !== 0) throw new Error(res.stderr)
    if (res.stdout.split('\n').filter(Boolean).length !== lines) throw new Error('batch lost lines')
  }
  const ms = median(times)
  row(
    'batch',
    `deadline --batch, ${int(lines)} JSON lines (5 regulations; 1 in 7 an ad-hoc 8h), median of 3`,
    `${(ms / 1000).toFixed(2)} s wall`,
    `${fmtRate(lines / (ms / 1000))} lines`,
    '< 2 s for 100,000',
    lines < 100_000 ? undefined : ms < 2000,
  )
}
