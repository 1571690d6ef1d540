/**
 * Civil-date arithmetic on ISO dates ("YYYY-MM-DD") and day numbers (days since 1970-01-01).
 * Proleptic Gregorian, no time zones: a calendar date is the same everywhere.
 */

export const DAY_MS = 86_400_000

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Day number of an ISO date, or NaN when it is not a real date ("2025-02-30"). */
export function dayNumberOf(iso: string): number {
  const m = ISO_DATE.exec(iso)
  if (!m) return Number.NaN
  const y = Number(m[1])
  const mo = Number(m[2])
  const d = Number(m[3])
  const ms = Date.UTC(y, mo - 1, d)
  const back = new Date(ms)
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return Number.NaN
  return ms / DAY_MS
}

export function isRealDate(iso: string): boolean {
  return !Number.isNaN(dayNumberOf(iso))
}

export function isoOfDayNumber(dn: number): string {
  return new Date(dn * DAY_MS).toISOString().slice(0, 10)
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/**
 * The days of `month` (1–12) of `year`: counted, as Date counts them (the proleptic Gregorian calendar), for the
 * years Date.UTC reads as given (from 100) and months 1–12; asked of Date otherwise (it reads years 0–99 as 19xx).
 * Reading an instant checks its day against it: a Date per instant was a tenth of reading one.
 */
export function daysInMonth(year: number, month: number): number {
  if (!(Number.isInteger(year) && year >= 100 && Number.isInteger(month) && month >= 1 && month <= 12))
    return new Date(Date.UTC(year, month, 0)).getUTCDate()
  if (month !== 2) return MONTH_DAYS[month - 1] as number
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
}

/**
 * The day number of year-month-day: counted (the days-from-civil formula of the proleptic Gregorian calendar) for
 * the years Date.UTC reads as given (from 100) and months 1–12, where reading an instant's text spent half its time
 * in Date.UTC; asked of Date otherwise (a day past the month's end rolls over in both).
 */
export function dayNumberOfYmd(year: number, month: number, day: number): number {
  if (!(year >= 100 && month >= 1 && month <= 12)) return Date.UTC(year, month - 1, day) / DAY_MS
  // a year that starts in March puts the leap day last
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  // 719,468 days from 0000-03-01 to 1970-01-01
  return era * 146_097 + dayOfEra - 719_468
}

/** ISO weekday, 1 = Monday … 7 = Sunday (1970-01-01, day 0, was a Thursday). */
export function isoWeekdayOfDayNumber(dn: number): number {
  return ((((dn + 3) % 7) + 7) % 7) + 1
}

export function isoWeekday(iso: string): number {
  return isoWeekdayOfDayNumber(dayNumberOf(iso))
}

/** The calendar month of a day number as year × 12 + month index (0 = January). */
export function monthOfDayNumber(dn: number): number {
  const d = new Date(dn * DAY_MS)
  return d.getUTCFullYear() * 12 + d.getUTCMonth()
}

export function yearOfDayNumber(dn: number): number {
  return new Date(dn * DAY_MS).getUTCFullYear()
}

export function addDays(iso: string, days: number): string {
  return isoOfDayNumber(dayNumberOf(iso) + days)
}

export function isWeekend(iso: string): boolean {
  return isoWeekday(iso) >= 6
}
