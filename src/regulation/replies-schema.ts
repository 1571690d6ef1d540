import { z } from 'zod'
import { CHANNELS, INFORMATION_IDS } from './vocabulary.js'

/**
 * The wording of reply drafts (regulations/README.md, "Reply drafts"): shipped in regulations/replies/ru.yaml, and any
 * part of it worded a regulation's own way under its `replies:` key. {name} placeholders are filled in by regdesk.
 */
const text = () => z.string().min(1)

export const replyTexts = {
  greeting: text(),
  signature: text(),
  accepted: text(),
  acceptedDeadline: text(),
  acceptedLate: text(),
  missing: text(),
  missingItem: text(),
  missingSource: text(),
  items: z.partialRecord(z.enum(INFORMATION_IDS), text()),
  refusal: text(),
  routeLevel: text(),
  routeLimit: text(),
  notServed: text(),
  supportedProducts: text(),
  channel: text(),
  channelItem: text(),
  channelSource: text(),
  channels: z.partialRecord(z.enum(CHANNELS), text()),
  credentials: text(),
  credentialsAdvice: text(),
  credentialsDefault: text(),
  unclear: text(),
}

/** The shipped defaults: every text given. */
export const repliesFileSchema = z.strictObject({
  schemaVersion: z.literal(1, { error: 'expected schemaVersion: 1' }),
  language: z.string(),
  ...replyTexts,
})

/**
 * A regulation's own wording: any text, and where an out-of-scope request can go when no level takes it (the route
 * the regulation gives: a paid service, a partner, the hosting provider), with its clause in the text.
 */
export const regulationReplies = z.strictObject({ ...replyTexts, outOfScopeRoute: text() }).partial()

export type ReplyTexts = Omit<z.infer<typeof repliesFileSchema>, 'schemaVersion' | 'language'>
export type RegulationReplies = z.infer<typeof regulationReplies>
