/** The `Date` header of a message as an instant and the sender's UTC offset (RFC 5322 3.3, with its obsolete zones). */
export interface MailDate {
  /** epoch milliseconds */
  ms: number
  /** the sender's offset from UTC in minutes (0 for `GMT`, `UT`, `Z` and for `-0000`, "no idea where") */
  offsetMinutes: number
  /** false while `ms` is a wall-clock time read as UTC (the header gave no zone), for the reader to place in one */
  zoned: boolean
}

/** RFC 5322 4.3: the North American zones of RFC 822, still written by some mailers. */
const NAMED_ZONES: Record<string, number> = {
  UT: 0,
  GMT: 0,
  Z: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  MSK: 180,
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/**
 * `[day-of-week,] DD Mon YYYY HH:MM[:SS] zone`, comments in parentheses and extra spaces allowed. Returns undefined
 * for anything else, and for a year outside 1970–2500: a message's date is never guessed.
 * @example parseMailDate('Fri, 20 Nov 2026 10:15:00 +0300') // { ms: Date.UTC(2026, 10, 20, 7, 15), offsetMinutes: 180 }
 */
export function parseMailDate(header: string): MailDate | undefined {
  const value = header
    .replace(/\([^()]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  const m =
    /^(?:[A-Za-z]{3},?\s*)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[A-Za-z]{1,5})?$/.exec(
      value,
    )
  if (!m) return undefined
  const [, dd, mon, yy, hh, mi, ss, zone] = m
  const month = MONTHS.indexOf((mon as string).toLowerCase())
  let year = Number(yy)
  // RFC 5322 4.3: a two-digit year is 19xx from 50 on, 20xx below; three digits add 1900
  if ((yy as string).length === 2) year += year < 50 ? 2000 : 1900
  else if ((yy as string).length === 3) year += 1900
  let offsetMinutes: number
  if (zone === undefined) offsetMinutes = 0
  else if (/^[+-]\d{4}$/.test(zone)) {
    const sign = zone.startsWith('-') ? -1 : 1
    const h = Number(zone.slice(1, 3))
    const min = Number(zone.slice(3))
    if (h > 23 || min > 59) return undefined
    offsetMinutes = sign * (h * 60 + min)
  } else {
    const named = NAMED_ZONES[zone.toUpperCase()]
    if (named === undefined) return undefined
    offsetMinutes = named
  }
  const [day, hour, minute, second] = [Number(dd), Number(hh), Number(mi), Number(ss ?? 0)]
  if (month < 0 || hour > 23 || minute > 59 || second > 60) return undefined
  // the years regdesk computes (src/cli/time-input.ts): a mailer's clock at 1970 or 9999 gives no date
  if (year < 1970 || year > 2500) return undefined
  const local = Date.UTC(year, month, day, hour, minute, Math.min(second, 59))
  // 31 Feb is not a date: Date.UTC would roll it into March
  if (new Date(local).getUTCDate() !== day) return undefined
  return { ms: local - offsetMinutes * 60_000, offsetMinutes, zoned: zone !== undefined }
}

/** The instant in ISO 8601 with the sender's offset: `2026-11-20T10:15:00+03:00`. */
export function mailDateIso(date: MailDate): string {
  const shifted = new Date(date.ms + date.offsetMinutes * 60_000).toISOString().slice(0, 19)
  const off = Math.abs(date.offsetMinutes)
  const sign = date.offsetMinutes < 0 ? '-' : '+'
  return `${shifted}${sign}${String(Math.floor(off / 60)).padStart(2, '0')}:${String(off % 60).padStart(2, '0')}`
}
