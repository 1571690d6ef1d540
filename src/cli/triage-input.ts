import { readFileSync } from 'node:fs'
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
  regulation?: string
  channel?: string
  tier?: string
  product?: string
  outdated?: boolean
  modified?: boolean
  licenseDate?: string
  receivedAt?: string
  file?: string
}

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
    if (!product) {
      const known = (reg.products ?? []).map((p) => `${p.id} ("${p.name}")`)
      throw new UsageError(
        known.length
          ? `unknown product "${flags.product}" for ${reg.id}; products: ${known.join(', ')}`
          : `${reg.id} lists no products; drop --product`,
      )
    }
    facts.product = product
  }
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

const MAX_TEXT_BYTES = 1024 * 1024

/**
 * The request text: the argument, `-` for stdin, or --file. Returns undefined when none was given
 * (interactive mode may ask for it).
 */
export async function readRequestText(
  ctx: Context,
  arg: string | undefined,
  file: string | undefined,
): Promise<string | undefined> {
  if (arg !== undefined && file !== undefined) throw new UsageError('give the text or --file, not both')
  let text: string | undefined
  if (file !== undefined) {
    try {
      text = decode(readFileSync(file))
    } catch (e) {
      throw new UsageError(`cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'})`)
    }
  } else if (arg === '-') {
    const chunks: Buffer[] = []
    let size = 0
    for await (const chunk of ctx.io.stdin) {
      const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk))
      size += b.length
      if (size > MAX_TEXT_BYTES * 4) throw new UsageError('the request text is larger than 4 MB')
      chunks.push(b)
    }
    text = decode(Buffer.concat(chunks))
  } else {
    text = arg
  }
  if (text === undefined) return undefined
  if (!text.trim()) throw new UsageError('the request text is empty')
  return text
}

function decode(bytes: Buffer): string {
  return new TextDecoder('utf-8').decode(bytes)
}
