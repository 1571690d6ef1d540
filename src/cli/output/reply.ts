import type { Regulation } from '../../regulation/load.js'
import { draftReply, type ReplyVerdict } from '../../triage/reply.js'
import { formatInstant } from '../time-input.js'

/**
 * A reply draft (src/triage/reply.ts) with the deadline as a customer reads it: "25.11.2026 15:00 (UTC+03:00)"; a
 * deadline passed by `now` is not promised (the draft apologises for the wait).
 */
export function replyDraft(
  reg: Regulation,
  verdict: Omit<ReplyVerdict, 'deadline' | 'late'>,
  deadline: number | null,
  now: number,
): string {
  const late = deadline !== null && deadline <= now
  return draftReply(reg, {
    ...verdict,
    deadline: deadline === null || late ? null : customerTime(formatInstant(deadline, reg.workingTime.timezone)),
    late,
  })
}

function customerTime(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(iso)
  if (!m) return iso
  return `${m[3]}.${m[2]}.${m[1]} ${m[4]} (UTC${m[5] === 'Z' ? '+00:00' : m[5]})`
}
