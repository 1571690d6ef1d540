/**
 * The triage verdict a ticket keeps: the `triage --json` contract (README.md, "regdesk triage")
 * as stored. Typed here, in the ticket model, so the report and the stores read it without
 * casts, and independent of the triage engine's own types, which may change without touching
 * stored tickets.
 *
 * A later triage may add fields (the second stage adds `scope_probability` and `decided_by`):
 * they are declared optional below as they become known, and any other field is kept as it was
 * stored, so a store written by a newer triage is read and copied whole.
 */
export interface StoredTriage {
  regulation: string
  scope: 'in' | 'out' | 'unclear'
  level: string | null
  topic: { id: string; clause: string | null; text?: string } | null
  confidence?: number
  candidates?: { id: string; clause: string | null; text?: string; scope?: string; score?: number }[]
  reasons?: { code: string; clause: string | null; message: string }[]
  missing?: string[]
  warnings: { code: string; message?: string }[]
  received_at?: string
  deadline?: string | null
  target?: string | null
  deadline_reason?: string | null
  /** the trained model's P(in), null when no model applies (second stage) */
  scope_probability?: number | null
  /** what decided the scope: eligibility, model, rules or the agent (second stage) */
  decided_by?: string
  [field: string]: unknown
}

/** Whether a ticket's verdict says the request was out of scope. */
export function isOutOfScope(triage: StoredTriage | null): boolean {
  return triage?.scope === 'out'
}

/** Whether triage found several unrelated problems in one request. */
export function hasMultipleProblems(triage: StoredTriage | null): boolean {
  return Boolean(triage?.warnings?.some((w) => w?.code === 'multiple_problems'))
}
