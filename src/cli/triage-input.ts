import { readFileSync, statSync } from 'node:fs'
import { type Command, Option } from 'commander'
import { dateIn } from '../calendar/instant.js'
import { looksBinary } from '../data/binary.js'
import { UsageError } from '../errors.js'
import { decodeAuto } from '../mail/charset.js'
import type { Regulation } from '../regulation/load.js'
import { CHANNELS, type Channel } from '../regulation/vocabulary.js'
import { resolveProduct } from '../triage/product.js'
import type { RequestFacts } from '../triage/types.js'
import type { Context } from './context.js'
import { noteAssumedZone, parseDate, parseInstant } from './time-input.js'
import { unreadable } from './unreadable.js'

/** The flags that describe a request besides its text (shared by `triage` and `tickets add`). */
export interface TriageFlags {
  /** a critical "restore a broken site" request (tickets add; checked here with the other facts) */
  critical?: boolean
  regulation?: string
  channel?: string
  tier?: string
  product?: string
  outdated?: boolean
  modified?: boolean
  licenseDate?: string
  receivedAt?: string
  file?: string
  encoding?: Encoding
  /** an RFC 822 message file, or - for stdin (cli/mail-input.ts) */
  eml?: string
}

/** The options of `triage` (also read by its interactive mode). */
export interface TriageOptions extends TriageFlags {
  interactive?: boolean
  reply?: boolean
}

/** Encodings of the request text in --file and stdin; AdvantShop accepts e-mail in the Russian 8-bit ones. */
export const ENCODINGS = ['auto', 'utf-8', 'windows-1251', 'koi8-r'] as const
export type Encoding = (typeof ENCODINGS)[number]

export function addTriageOptions(cmd: Command): Command {
  return cmd
    .option('-r, --regulation <id>', 'regulation id (default: config `regulation`)')
    .addOption(new Option('-c, --channel <channel>', 'how the request came in').choices(CHANNELS))
    .option('-t, --tier <tier>', 'customer tier of the regulation (e.g. moguta: licensed | partner | demo)')
    .option('-p, --product <product>', 'product id or name (mst: "Fenix+ 2", fireguard-3, …)')
    .option('--outdated', 'the customer runs an outdated version')
    .option('--modified', "the product's code was modified")
    .option('--license-date <date>', 'licence purchase date, YYYY-MM-DD')
    .option('--received-at <iso>', 'when the request was received (default: --now)')
    .option('-f, --file <file>', 'read the request text from a file')
    .option('--eml <file>', 'read the request from an e-mail (RFC 822 .eml file, - for stdin): sender, Date, text')
    .addOption(
      new Option(
        '--encoding <name>',
        'encoding of --file or stdin text (auto: UTF-8, else windows-1251 or koi8-r)',
      ).choices(ENCODINGS),
    )
}

export { decodeAuto }

/** Checks the flags against the regulation and turns them into request facts; bad values list the valid ones. */
export function triageFacts(ctx: Context, reg: Regulation, flags: TriageFlags): RequestFacts {
  const facts: RequestFacts = { receivedAt: ctx.now }
  if (flags.channel) facts.channel = flags.channel as Channel
  if (flags.tier !== undefined) {
    const tiers = reg.tiers.map((t) => t.id)
    if (!tiers.includes(flags.tier))
      throw new UsageError(
        tiers.length
          ? `unknown tier "${flags.tier}" for ${reg.id}; tiers: ${tiers.join(', ')}`
          : `${reg.id} has no tiers; drop --tier`,
      )
    facts.tier = flags.tier
  }
  if (flags.product !== undefined) {
    const product = resolveProduct(reg, flags.product)
    if (!product && reg.products?.length && reg.eligibility.some((r) => r.rule === 'product_unsupported')) {
      // a product the regulation's list leaves out is a verdict (out: product_unsupported), not a typing error
      const named = flags.product.trim()
      if (!named) throw new UsageError('--product: expected a product id or name, got nothing')
      facts.product = named
    } else if (!product) {
      const known = (reg.products ?? []).map((p) => `${p.id} ("${p.name}")`)
      throw new UsageError(
        known.length
          ? `unknown product "${flags.product}" for ${reg.id}; products: ${known.join(', ')}`
          : `${reg.id} lists no products; drop --product`,
      )
    } else facts.product = product
  }
  // a fact the regulation has no rule for changes nothing: say so, as for --product, rather than ignore it
  const rules = new Set(reg.eligibility.map((r) => r.rule))
  const unused = (flag: string, why: string) => new UsageError(`${reg.id} ${why}; drop ${flag}`)
  if (flags.outdated && !rules.has('version_outdated'))
    throw unused('--outdated', 'has no rule about outdated versions')
  if (flags.modified && !rules.has('code_modified')) throw unused('--modified', 'has no rule about modified code')
  if (flags.licenseDate !== undefined && !rules.has('support_period_expired'))
    throw unused('--license-date', 'has no support period that ends after a purchase')
  if (flags.critical && !reg.queue.criticalFirst) throw unused('--critical', 'takes no request out of turn')
  if (flags.outdated) facts.outdated = true
  if (flags.modified) facts.modified = true
  if (flags.licenseDate !== undefined) facts.licenseDate = parseDate(flags.licenseDate, '--license-date')
  if (flags.receivedAt !== undefined) {
    const received = parseInstant(flags.receivedAt, '--received-at', reg.workingTime.timezone)
    noteAssumedZone(ctx.io, '--received-at', received, reg.workingTime.timezone)
    facts.receivedAt = received.ms
  }
  // a licence bought after the request arrived did not cover it: most likely a mistyped date
  if (facts.licenseDate !== undefined) {
    const received = dateIn(facts.receivedAt, reg.workingTime.timezone)
    if (facts.licenseDate > received)
      throw new UsageError(
        `--license-date ${facts.licenseDate} is after the request was received (${received}); give the date the licence was bought`,
      )
  }
  return facts
}

/** A request is a letter, not a mailbox: larger input is refused before it is read. */
const MAX_TEXT_BYTES = 4 * 1024 * 1024

/**
 * The request text: the argument, `-` for stdin, or --file (decoded per --encoding). Returns
 * undefined when none was given (interactive mode may ask for it).
 */
export async function readRequestText(
  ctx: Context,
  arg: string | undefined,
  file: string | undefined,
  encoding: Encoding | undefined = undefined,
): Promise<string | undefined> {
  if (arg !== undefined && file !== undefined) throw new UsageError('give the text or --file, not both')
  if (encoding !== undefined && file === undefined && arg !== '-')
    throw new UsageError('--encoding applies to text read from --file or stdin ("-"), not to an argument')
  let text: string | undefined
  if (file !== undefined) {
    let bytes: Buffer
    try {
      if (statSync(file).size > MAX_TEXT_BYTES) throw new UsageError(`${file} is larger than 4 MB; is it a request?`)
      bytes = readFileSync(file)
    } catch (e) {
      if (e instanceof UsageError) throw e
      throw unreadable(file, e)
    }
    text = decodeRequest(ctx, bytes, encoding)
  } else if (arg === '-') {
    // typed at the keyboard: say how to end, or the agent waits for a prompt that never comes
    if (ctx.io.isStdinTTY) ctx.io.err('reading the request from the terminal: finish with Ctrl-D on an empty line\n')
    const chunks: Buffer[] = []
    let size = 0
    for await (const chunk of ctx.io.stdin) {
      const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk))
      size += b.length
      if (size > MAX_TEXT_BYTES) throw new UsageError('the request text is larger than 4 MB; is it a request?')
      chunks.push(b)
    }
    text = decodeRequest(ctx, Buffer.concat(chunks), encoding)
  } else {
    text = arg
  }
  if (text === undefined) return undefined
  if (!text.trim()) throw new UsageError('the request text is empty')
  return text
}

function decodeRequest(ctx: Context, bytes: Buffer, encoding: Encoding = 'auto'): string {
  if (looksBinary(bytes))
    throw new UsageError('the request text looks like binary data (NUL or control bytes), not a letter; give its text')
  if (encoding === 'utf-8') return new TextDecoder('utf-8').decode(bytes)
  if (encoding !== 'auto') return new TextDecoder(encoding).decode(bytes)
  const { text, detected } = decodeAuto(bytes)
  if (detected !== 'utf-8')
    ctx.io.err(`note: the request text is not UTF-8; read as ${detected} (choose with --encoding)\n`)
  return text
}
