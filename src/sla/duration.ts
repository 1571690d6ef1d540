import type { Duration } from '../regulation/schema.js'

const UNITS = { m: 'working_minutes', h: 'working_hours', d: 'working_days' } as const
/** the same bound as a regulation file's durations */
export const MAX_AMOUNT = 100_000

/**
 * An ad-hoc working duration as people type it: "90m", "8h", "3d" (working minutes, hours, days
 * of the regulation). Returns null for anything else.
 */
export function parseWorkingDuration(text: string): Duration | null {
  const m = /^\s*(\d{1,6})\s*([mhd])\s*$/i.exec(text)
  if (!m?.[1] || !m[2]) return null
  const amount = Number(m[1])
  if (amount <= 0 || amount > MAX_AMOUNT) return null
  return { amount, unit: UNITS[m[2].toLowerCase() as keyof typeof UNITS] }
}

/** Working minutes as "5h 30m" (or "0m"). */
export function formatMinutes(minutes: number): string {
  const sign = minutes < 0 ? '-' : ''
  const abs = Math.abs(Math.round(minutes))
  const h = Math.floor(abs / 60)
  const m = abs % 60
  if (!h) return `${sign}${m}m`
  return `${sign}${h}h${m ? ` ${m}m` : ''}`
}
