import { coverageOf, type ProductionCalendar } from './calendar.js'

/** A computation that touched a year the calendar covers only provisionally, or not at all. */
export interface CoverageWarning {
  code: 'provisional_year' | 'uncovered_year'
  /** the first year concerned */
  year: number
  /** every year concerned (one warning per code, however many years) */
  years: number[]
  message: string
}

/** The warning a year gives, if any. */
export function coverageWarning(calendar: ProductionCalendar, year: number): CoverageWarning | undefined {
  const coverage = coverageOf(calendar, year)
  if (coverage === 'provisional') return warningOf(calendar, 'provisional_year', [year])
  if (coverage === 'uncovered') return warningOf(calendar, 'uncovered_year', [year])
  return undefined
}

/** One warning per kind, naming the years as ranges: "2028–2031, 2040". */
export function mergeWarnings(
  calendar: ProductionCalendar,
  years: Record<CoverageWarning['code'], number[]>,
): CoverageWarning[] {
  const out: CoverageWarning[] = []
  if (years.provisional_year.length) out.push(warningOf(calendar, 'provisional_year', years.provisional_year))
  if (years.uncovered_year.length) out.push(warningOf(calendar, 'uncovered_year', years.uncovered_year))
  return out
}

function warningOf(calendar: ProductionCalendar, code: CoverageWarning['code'], years: number[]): CoverageWarning {
  const when = yearRanges(years)
  return {
    code,
    year: years[0] as number,
    years,
    message:
      code === 'provisional_year'
        ? `the ${calendar.id} production calendar for ${when} is provisional (no decree yet): transfers and shortened days may change`
        : `the ${calendar.id} production calendar does not cover ${when}: only the statutory holidays are applied`,
  }
}

function yearRanges(years: readonly number[]): string {
  const parts: string[] = []
  for (let i = 0; i < years.length; ) {
    let j = i
    while (j + 1 < years.length && (years[j + 1] as number) === (years[j] as number) + 1) j++
    parts.push(i === j ? String(years[i]) : `${years[i]}–${years[j]}`)
    i = j + 1
  }
  return parts.join(', ')
}
