import { readFileSync, statSync } from 'node:fs'
import { type Command, Option } from 'commander'
import { UsageError } from '../errors.js'
import type { Regulation } from '../regulation/load.js'
import { CHANNELS, type Channel } from '../regulation/vocabulary.js'
import { resolveProduct } from '../triage/product.js'
import type { RequestFacts } from '../triage/types.js'
import type { Context } from './context.js'
import { parseDate, parseInstant } from './time-input.js'

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
    .addOption(
      new Option(
        '--encoding <name>',
        'encoding of --file or stdin text (auto: UTF-8, else windows-1251 or koi8-r)',
      ).choices(ENCODINGS),
    )
}

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
    if (received.assumedZone)
      ctx.io.err(`note: --received-at has no offset; read as ${reg.workingTime.timezone} time\n`)
    facts.receivedAt = received.ms
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
      throw new UsageError(`cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'})`)
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

/**
 * `auto`: valid UTF-8 (or UTF-8 with a few broken bytes) stays UTF-8; otherwise the 8-bit Russian
 * encoding whose reading has the larger share of common Russian letters. The two put the
 * alphabet in different orders (and cases), so text read in the wrong one is made of rare
 * letters: cp1251 "о" is KOI8 "Н", KOI8 "а" is cp1251 "Б".
 */
export function decodeAuto(bytes: Buffer): { text: string; detected: 'utf-8' | 'windows-1251' | 'koi8-r' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), detected: 'utf-8' }
  } catch {
    // not valid UTF-8: see below
  }
  if (utf8Share(bytes) > 0.5) return { text: new TextDecoder('utf-8').decode(bytes), detected: 'utf-8' }
  // WHATWG encodings of Node's ICU: no decoding library to load at start-up
  const cp1251 = new TextDecoder('windows-1251').decode(bytes)
  const koi8 = new TextDecoder('koi8-r').decode(bytes)
  return russianScore(koi8) > russianScore(cp1251)
    ? { text: koi8, detected: 'koi8-r' }
    : { text: cp1251, detected: 'windows-1251' }
}

/** Frequencies (%) of the most common Russian letters, about 80% of ordinary text. */
const COMMON: Record<string, number> = {
  о: 11,
  е: 8.5,
  а: 8,
  и: 7.4,
  н: 6.7,
  т: 6.3,
  с: 5.5,
  р: 4.7,
  в: 4.5,
  л: 4.4,
  к: 3.5,
  м: 3.2,
  д: 3,
  п: 2.8,
  у: 2.6,
  я: 2,
}

/** The share of common letters among the Cyrillic ones, weighted by frequency; case aside (ALL CAPS letters). */
function russianScore(text: string): number {
  let cyrillic = 0
  let common = 0
  for (const c of text.toLowerCase()) {
    if (c >= '\u0400' && c <= '\u04ff') {
      cyrillic++
      common += COMMON[c] ?? 0
    }
  }
  return cyrillic ? common / cyrillic : 0
}

/** The share of bytes ≥ 0x80 that form well-formed UTF-8 sequences. */
function utf8Share(bytes: Buffer): number {
  let high = 0
  let good = 0
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number
    if (b < 0x80) continue
    const n = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1
    let ok = n > 0
    for (let k = 1; ok && k <= n; k++) ok = ((bytes[i + k] ?? 0) & 0xc0) === 0x80
    if (ok) {
      high += n + 1
      good += n + 1
      i += n
    } else high++
  }
  return high ? good / high : 1
}

/** NUL bytes, or more than 5% control bytes other than whitespace and ESC (ANSI colours are text). */
function looksBinary(bytes: Buffer): boolean {
  let control = 0
  for (const b of bytes) {
    if (b === 0) return true
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) || b === 0x7f) control++
  }
  return control > bytes.length * 0.05
}
