import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import { clockFor } from '../../../src/calendar/clock.js'
import { loadCalendar } from '../../../src/calendar/load.js'
import { RegulationRegistry } from '../../../src/regulation/load.js'
import { PARSERS } from '../../../src/regulation/parsers.js'
import { computeDeadline } from '../../../src/sla/deadline.js'

// Receipt instants that exercise every kind of day: New Year block, a transferred day off, the May
// holidays, shortened days, the working Saturday 2025-11-01, weekends, opening and closing times.
const RECEIPTS = [
  '2025-10-31T18:30',
  '2025-11-01T09:00',
  '2025-11-01T17:30',
  '2025-11-03T12:00',
  '2025-12-30T17:00',
  '2025-12-31T10:00',
  '2026-01-08T12:00',
  '2026-01-09T10:00',
  '2026-01-11T23:00',
  '2026-04-30T16:00',
  '2026-05-01T12:00',
  '2026-05-08T17:30',
  '2026-05-11T10:00',
  '2026-06-11T17:00',
  '2026-11-03T18:00',
  '2026-11-20T15:00',
  '2026-11-20T19:00',
  '2026-11-21T12:00',
  '2026-11-23T08:00',
  '2026-11-23T10:00',
  '2026-11-23T19:00',
]

const registry = RegulationRegistry.withBuiltins(PARSERS)

describe('deadline grids (golden files: review changes with `git diff`, update with `vitest -u`)', () => {
  it.each(registry.ids())('%s', async (id) => {
    const reg = registry.get(id)
    const zone = reg.workingTime.timezone
    const clock = clockFor(reg.workingTime, loadCalendar(reg.workingTime.calendar, { parsers: PARSERS }))
    const levels = Object.entries(reg.levels).filter(([, l]) => l.limit)
    const fmt = (ms: number | null) =>
      ms === null ? '—' : DateTime.fromMillis(ms, { zone }).toFormat('ccc yyyy-MM-dd HH:mm')
    const lines = [`# ${reg.id}: reaction deadlines (${zone}); received → deadline [target] per level`]
    lines.push(
      [
        'received'.padEnd(20),
        ...levels.map(([lvl, l]) => `${lvl} (${l.limit?.amount} ${l.limit?.unit})`.padEnd(34)),
      ].join(' | '),
    )
    for (const r of RECEIPTS) {
      const receivedAt = DateTime.fromISO(r, { zone }).toMillis()
      const cells = levels.map(([level]) => {
        const d = computeDeadline(reg, clock, { receivedAt, level })
        return `${fmt(d.deadline)}${d.target !== null ? ` [${fmt(d.target).slice(4)}]` : ''}`.padEnd(34)
      })
      lines.push([fmt(receivedAt).padEnd(20), ...cells].join(' | '))
    }
    const unregulated = Object.entries(reg.levels)
      .filter(([, l]) => !l.limit)
      .map(([lvl]) => lvl)
    if (unregulated.length) lines.push(`not regulated: ${unregulated.join(', ')}`)
    await expect(`${lines.join('\n')}\n`).toMatchFileSnapshot(`../../fixtures/golden/${id}-deadlines.txt`)
  })
})
