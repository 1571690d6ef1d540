import { compiledValue } from '../data/compiled.js'
import { describeDuration } from '../regulation/describe.js'
import type { Regulation } from '../regulation/load.js'
import type { ReplyTexts } from '../regulation/replies-schema.js'

/** What a reply draft is made from: a verdict, as triage gives it or as a ticket keeps it (src/ticket/triage-record.ts). */
export interface ReplyVerdict {
  scope: 'in' | 'out' | 'unclear'
  level: string | null
  reasons?: readonly { code: string; clause: string | null; quote?: string | null }[]
  missing?: readonly string[]
  warnings: readonly { code: string }[]
  /** the deadline, as the customer should read it ("2026-11-25 15:00 МСК"); none when there is none */
  deadline?: string | null
  /** the deadline has passed already: the draft promises no date, it apologises for the wait */
  late?: boolean
}

/** The key and format of the shipped reply wording among the build's data (scripts/compile-data.mjs). */
export const REPLIES_KEY = 'replies'
export const REPLIES_FORMAT = 'replies 1'

const ELIGIBILITY = new Set([
  'product_unsupported',
  'support_period_expired',
  'version_outdated',
  'not_licensed',
  'code_modified',
])

/**
 * A reply the agent can paste, in Russian, in the regulation's words: for a refused channel, the accepted channels with
 * their addresses; for a request out of scope or not served, why (the deciding clause, quoted) and where it can go; for
 * one in scope, what to send (exactly the missing items, with the clause that asks for them) and by when we answer; for
 * access data pasted in the text, the regulation's advice — never the secret. Pure: `defaults` is the shipped wording
 * (regulations/replies/ru.yaml), which the regulation's own `replies:` overrides text by text.
 */
export function draftReply(reg: Regulation, v: ReplyVerdict, defaults: ReplyTexts = shippedReplies()): string {
  const t = mergeTexts(defaults, reg.replies)
  const fill = (template: string, values: Record<string, string>) =>
    template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole)
  const paragraphs: string[] = [t.greeting]
  const deciding = v.reasons?.[0]
  const cite = (r: { clause: string | null; quote?: string | null } | undefined) => ({
    clause: clauseRef(r?.clause ?? ''),
    quote: unquoted(r?.quote ?? ''),
  })

  if (deciding?.code === 'channel_not_accepted') {
    const items = reg.channels.accepted.map((c) =>
      fill(t.channelItem, { channel: t.channels[c.id] ?? c.id, address: c.address ? `: ${c.address}` : '' }),
    )
    // a list's items end with «;» (replies/ru.yaml), its last with a full stop; the rule it follows is a paragraph
    const last = items.length - 1
    if (last >= 0) items[last] = (items[last] as string).replace(/;$/, '.')
    paragraphs.push([t.channel, ...items].join('\n'))
    paragraphs.push(fill(t.channelSource, cite(deciding)))
  } else if (v.scope === 'out') {
    const served = deciding && ELIGIBILITY.has(deciding.code)
    const lines = [fill(served ? t.notServed : t.refusal, cite(deciding))]
    // the clause's quote ends where its list begins: the products still supported are named
    const supported = (reg.products ?? []).filter((p) => !p.supportedUntil).map((p) => p.name)
    if (deciding?.code === 'product_unsupported' && supported.length)
      lines.push(fill(t.supportedProducts, { products: supported.join(', ') }))
    const level = v.level ? reg.levels[v.level] : undefined
    if (level && v.level)
      lines.push(
        fill(t.routeLevel, {
          level: level.name,
          limit: level.limit ? fill(t.routeLimit, { limit: describeDuration(level.limit, 'ru') }) : '',
        }),
      )
    // the route the regulation gives besides a level (imagecms: paid work; moguta: the hosting provider, developers)
    if (reg.replies?.outOfScopeRoute && deciding?.code === 'topic_out_of_scope') lines.push(reg.replies.outOfScopeRoute)
    paragraphs.push(lines.join(' '))
  } else if (v.scope === 'unclear') {
    paragraphs.push(t.unclear)
  } else {
    const missing = v.missing ?? []
    if (missing.length) {
      const items = missing.map((id) => fill(t.missingItem, { item: t.items[id as keyof ReplyTexts['items']] ?? id }))
      // a list ends with a full stop, not with the separator of its items
      items.push(`${(items.pop() ?? '').replace(/[;,]$/, '')}.`)
      const lines = [t.missing, ...items]
      // what the regulation says of each item, in its words, per clause
      const sources = new Map<string, string[]>()
      for (const r of reg.requiredInformation)
        if (missing.includes(r.id)) {
          const quotes = sources.get(r.clause) ?? []
          const q = unquoted(r.quote)
          if (!quotes.includes(q)) quotes.push(q)
          sources.set(r.clause, quotes)
        }
      for (const [clause, quotes] of sources)
        lines.push(fill(t.missingSource, { clause: clauseRef(clause), quote: quotes.join('»; «') }))
      paragraphs.push(lines.join('\n'))
    }
    paragraphs.push(
      v.late
        ? t.acceptedLate
        : fill(t.accepted, { deadline: v.deadline ? fill(t.acceptedDeadline, { deadline: v.deadline }) : '' }),
    )
  }

  if (v.warnings.some((w) => w.code === 'credentials_in_text')) {
    const advice = reg.lifecycle.filter(
      (r) => r.rule === 'ask_credentials_change_after_close' || r.rule === 'purge_credentials_after_close',
    )
    const lines = [t.credentials]
    if (advice.length) for (const r of advice) lines.push(fill(t.credentialsAdvice, cite(r)))
    else lines.push(t.credentialsDefault)
    paragraphs.push(lines.join(' '))
  }
  paragraphs.push(fill(t.signature, { vendor: reg.vendor }))
  return `${paragraphs.join('\n\n')}\n`
}

/** A clause as a customer reads it: "п. 4.2" for a number, the section as written otherwise. */
function clauseRef(clause: string): string {
  if (/^\d/.test(clause)) return `п. ${clause}`
  return clause.startsWith('«') ? clause : `«${clause}»`
}

/** A quote without its closing punctuation and ellipses at either end (the draft puts its own). */
function unquoted(quote: string): string {
  return quote.replace(/^[…\s]+/, '').replace(/[\s.;,:…]+$/, '')
}

function mergeTexts(defaults: ReplyTexts, own: Regulation['replies']): ReplyTexts {
  if (!own) return defaults
  const { outOfScopeRoute: _route, items, channels, ...texts } = own
  return {
    ...defaults,
    ...texts,
    items: { ...defaults.items, ...items },
    channels: { ...defaults.channels, ...channels },
  }
}

let shipped: ReplyTexts | undefined

/** The shipped wording the build compiled from regulations/replies/ru.yaml. */
export function shippedReplies(): ReplyTexts {
  shipped ??= compiledValue<ReplyTexts>(REPLIES_KEY, REPLIES_FORMAT)
  if (!shipped) throw new Error('the reply wording is missing from dist/compiled; run `npm run build`')
  return shipped
}
