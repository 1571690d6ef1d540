import type { RegulationFile, WorkingTime } from './schema.js'

const merged = new WeakMap<object, WorkingTime>()

/**
 * The working time a level counts its limit in: the regulation's, with the keys of the level's
 * own `workingTime` in their place (`weekly` day by day). The same object for the same level, so
 * the business clock built for it (src/calendar/clock.ts, `clockFor`) is built once per process.
 *
 * @example
 * // umi: Mon–Fri 09–18, weekends and holidays 10–18; consulting counts weekdays only
 * levelWorkingTime(umi, 'consulting').weekly.sat //=> []
 * levelWorkingTime(umi, 'support') === umi.workingTime //=> true
 */
export function levelWorkingTime(reg: RegulationFile, level: string | null | undefined): WorkingTime {
  const spec = level ? reg.levels[level] : undefined
  const own = spec?.workingTime
  if (!spec || !own) return reg.workingTime
  let wt = merged.get(spec)
  if (!wt) {
    // the regulation's own citation and notes describe its hours, not the level's
    const { notes: _notes, note: _note, note_en: _noteEn, ...base } = reg.workingTime
    const weekly = { ...base.weekly }
    for (const [day, hours] of Object.entries(own.weekly ?? {})) if (hours) weekly[day as keyof typeof weekly] = hours
    wt = {
      ...base,
      weekly,
      holidays: own.holidays ?? base.holidays,
      transferredDaysOff: own.transferredDaysOff ?? base.transferredDaysOff,
      workingWeekends: own.workingWeekends ?? base.workingWeekends,
      shortenedDayMinutes: own.shortenedDayMinutes ?? base.shortenedDayMinutes,
      clause: own.clause,
      quote: own.quote,
      ...(own.note ? { note: own.note } : {}),
      ...(own.note_en ? { note_en: own.note_en } : {}),
    }
    merged.set(spec, wt)
  }
  return wt
}
