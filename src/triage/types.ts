import type { Channel } from '../regulation/schema.js'
import type { InformationId } from './information.js'

/** What the agent knows about a request besides its text. */
export interface RequestFacts {
  channel?: Channel
  tier?: string
  /**
   * product id (aliases resolved by the caller through `resolveProduct`); a product the regulation does not list
   * stays as the customer named it, and a regulation that lists its products refuses it (product_unsupported)
   */
  product?: string
  outdated?: boolean
  modified?: boolean
  /** licence purchase date, YYYY-MM-DD */
  licenseDate?: string
  /** epoch ms */
  receivedAt: number
}

export type Scope = 'in' | 'out' | 'unclear'

export interface Reason {
  code:
    | 'topic_in_scope'
    | 'topic_out_of_scope'
    | 'channel_not_accepted'
    | 'product_unsupported'
    | 'support_period_expired'
    | 'version_outdated'
    | 'not_licensed'
    | 'code_modified'
  clause: string | null
  /** the clause's words, as the regulation file quotes them */
  quote: string | null
  message: string
}

export interface Warning {
  code: 'multiple_problems' | 'credentials_in_text' | 'phone_emergency_only' | 'resolution_may_be_delayed'
  message: string
  /** the clause of the regulation behind the warning, when one is */
  clause?: string
}

/** What settled the scope: an eligibility or channel rule, the scope model, the clause rules, or the agent's choice. */
export type DecidedBy = 'eligibility' | 'model' | 'rules' | 'agent'

export interface TopicRef {
  id: string
  clause: string
  text: string
}

export interface Candidate extends TopicRef {
  scope: 'in' | 'out'
  score: number
}

/** The verdict of triage (README.md, "regdesk triage"), before the deadline is added. */
export interface Verdict {
  regulation: string
  scope: Scope
  level: string | null
  topic: TopicRef | null
  confidence: number
  /** the scope model's P(in); null when no model applies */
  scopeProbability: number | null
  decidedBy: DecidedBy
  candidates: Candidate[]
  reasons: Reason[]
  missing: InformationId[]
  warnings: Warning[]
  /** the product the request names when none was given (mst: «Феникс+ 2 не запускается»): a ticket keeps it */
  productNamed?: string
}
