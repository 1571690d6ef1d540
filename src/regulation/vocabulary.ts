export { DURATION_UNITS, type DurationUnit, WEEKDAYS, type Weekday } from '../calendar/time-types.js'
/**
 * The fixed vocabulary (docs/ARCHITECTURE.md, "Vocabulary"), shared by regulations, triage output and tests. Kept apart
 * from the zod schema so that commands can use it without loading zod.
 */
export const CHANNELS = [
  'form',
  'portal',
  'email',
  'phone',
  'chat',
  'telegram',
  'forum',
  'social',
  'skype',
  'icq',
] as const
export const REASON_CODES = [
  'topic_in_scope',
  'topic_out_of_scope',
  'channel_not_accepted',
  'product_unsupported',
  'support_period_expired',
  'version_outdated',
  'not_licensed',
  'code_modified',
] as const
export const WARNING_CODES = [
  'multiple_problems',
  'credentials_in_text',
  'phone_emergency_only',
  // a fact the regulation names as a cause of delay, not of refusal (advantshop §3.1 п.7: modified code)
  'resolution_may_be_delayed',
] as const
/**
 * What a request may say that a regulation names among the causes of a delayed resolution (`delayCauses`), each read in
 * the request's words by the lexicon pattern `delay.<cause in camelCase>` (regulations/README.md, "Delay causes")
 */
export const DELAY_CAUSES = ['third-party-service', 'no-site-access'] as const
export const INFORMATION_IDS = [
  'license_key',
  'domain',
  'site_url',
  'page_url',
  'version',
  'steps',
  'error_text',
  'screenshot',
  'contact',
  'recent_changes',
] as const

export type Channel = (typeof CHANNELS)[number]
