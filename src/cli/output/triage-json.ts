import type { Regulation } from '../../regulation/load.js'
import type { StoredTriage } from '../../ticket/triage-record.js'
import type { TriageResult } from '../../triage/triage.js'
import { formatInstant } from '../time-input.js'

/**
 * The JSON contract of `triage --json` (README.md, "regdesk triage"), plus the target and why a
 * deadline is absent. A ticket keeps it as its verdict: it must stay a StoredTriage.
 */
export function triageJson(reg: Regulation, r: TriageResult): StoredTriage {
  const zone = reg.workingTime.timezone
  const d = r.deadline
  return {
    regulation: r.regulation,
    scope: r.scope,
    level: r.level,
    topic: r.topic,
    confidence: r.confidence,
    scope_probability: r.scopeProbability === null ? null : Math.round(r.scopeProbability * 1000) / 1000,
    decided_by: r.decidedBy,
    candidates: r.candidates,
    reasons: r.reasons,
    missing: r.missing,
    warnings: [...r.warnings, ...(d?.warnings ?? []).map((w) => ({ code: w.code, message: w.message }))],
    received_at: formatInstant(r.receivedAt, zone),
    deadline: d?.deadline == null ? null : formatInstant(d.deadline, zone),
    target: d?.target == null ? null : formatInstant(d.target, zone),
    deadline_reason: d === null ? (r.level === null ? 'no_level' : null) : d.reason,
  }
}
