// Micro-benchmark of the business clock's hot path (not a test).
// Usage: npm run build && node test/unit/calendar/engine-speed.mjs   (DIST=/other/dist to override)
import { clockFor } from '../../../dist/calendar/clock.js'
import { loadCalendar } from '../../../dist/calendar/load.js'
import { PARSERS } from '../../../dist/regulation/parsers.js'

const cited = { clause: 'bench', quote: 'bench' }
const week = (weekdays, weekend) => ({
  mon: weekdays,
  tue: weekdays,
  wed: weekdays,
  thu: weekdays,
  fri: weekdays,
  sat: weekend,
  sun: weekend,
})
const schedules = {
  moguta: {
    timezone: 'Europe/Moscow',
    calendar: 'ru',
    weekly: week(['10:00-19:00'], []),
    holidays: 'closed',
    transferredDaysOff: 'closed',
    workingWeekends: 'mon',
    shortenedDayMinutes: 60,
    ...cited,
  },
  advantshop: {
    timezone: 'Europe/Moscow',
    calendar: 'ru',
    weekly: week(['08:00-20:00'], ['09:00-18:00']),
    holidays: ['09:00-18:00'],
    transferredDaysOff: ['09:00-18:00'],
    workingWeekends: 'mon',
    shortenedDayMinutes: 0,
    ...cited,
  },
}
const ru = loadCalendar('ru', { parsers: PARSERS })
const from = Date.parse('2024-01-01T00:00:00+03:00')
const to = Date.parse('2027-12-31T00:00:00+03:00')
const N = 1 << 20
const instants = new Float64Array(N)
const others = new Float64Array(N)
let seed = 42
const rand = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed / 2147483648
}
for (let i = 0; i < N; i++) {
  instants[i] = Math.floor(from + rand() * (to - from - 40 * 86_400_000))
  others[i] = Math.floor(from + rand() * (to - from))
}
const durations = [
  { amount: 4, unit: 'working_hours' },
  { amount: 90, unit: 'working_minutes' },
  { amount: 24, unit: 'working_hours' },
  { amount: 3, unit: 'working_days' },
]

function bench(label, fn) {
  fn(N / 4) // warm up (and build 2024–2028)
  const best = []
  for (let r = 0; r < 5; r++) {
    const t0 = process.hrtime.bigint()
    const sink = fn(N)
    const dt = Number(process.hrtime.bigint() - t0) / 1e9
    best.push(N / dt)
    if (Number.isNaN(sink)) throw new Error('NaN')
  }
  console.log(`${label.padEnd(40)} ${(Math.max(...best) / 1e6).toFixed(2)} M calls/s`)
}

for (const [name, wt] of Object.entries(schedules)) {
  const clock = clockFor(wt, ru)
  const t0 = process.hrtime.bigint()
  clock.elapsed(from, to + 400 * 86_400_000)
  console.log(`${name}: building 2024–2029 took ${(Number(process.hrtime.bigint() - t0) / 1e6).toFixed(1)} ms`)
  for (const d of durations) {
    bench(`${name} add ${d.amount} ${d.unit}`, (n) => {
      let s = 0
      for (let i = 0; i < n; i++) s += clock.add(instants[i], d)
      return s
    })
  }
  bench(`${name} elapsed`, (n) => {
    let s = 0
    for (let i = 0; i < n; i++) s += clock.elapsed(instants[i], others[i])
    return s
  })
}
