import type { BusinessClock } from '../calendar/clock.js'
import type { Regulation } from '../regulation/load.js'
import { computeDeadline, type Deadline } from '../sla/deadline.js'
import { type TriageOptions, triageRequest } from './classify.js'
import type { ScopeModel } from './model/scope-model.js'
import type { RequestFacts, Verdict } from './types.js'

/** The verdict with its reaction deadline (README.md, "regdesk triage"). */
export interface TriageResult extends Verdict {
  receivedAt: number
  /** null when the request got no level */
  deadline: Deadline | null
}

export function triage(
  reg: Regulation,
  clock: BusinessClock,
  text: string,
  facts: RequestFacts,
  options: Omit<TriageOptions, 'scopeProbability'> & { model?: ScopeModel } = {},
): TriageResult {
  const { model, ...rest } = options
  const verdict = triageRequest(reg, text, facts, {
    ...rest,
    scopeProbability: model && !rest.chosenTopic ? model.probability(text) : null,
  })
  const deadline = verdict.level
    ? computeDeadline(reg, clock, { receivedAt: facts.receivedAt, level: verdict.level })
    : null
  return { ...verdict, receivedAt: facts.receivedAt, deadline }
}
