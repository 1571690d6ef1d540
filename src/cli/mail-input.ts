import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { offsetMinutes, parseIsoInstant } from '../calendar/instant.js'
import { UsageError } from '../errors.js'
import { mailDateIso } from '../mail/date.js'
import { splitMbox } from '../mail/mbox.js'
import { MAX_MAIL_BYTES, MailError, type MailMessage, readMail } from '../mail/message.js'
import type { TicketOrigin } from '../ticket/ticket.js'
import { maskSecrets } from '../triage/credentials.js'
import type { TriageResult } from '../triage/triage.js'
import type { RequestFacts } from '../triage/types.js'
import type { Context } from './context.js'
import { FUTURE_TOLERANCE_MS } from './tickets.js'
import { unreadable } from './unreadable.js'

/** The bytes of `--eml FILE` or `--eml -` (stdin), refused past 25 MB before they are read whole. */
export async function readEmlBytes(ctx: Context, file: string): Promise<Buffer> {
  const tooLarge = (what: string) =>
    new MailError(`${what} is larger than 25 MB; regdesk reads letters up to 25 MB (save the attachments apart)`)
  if (file !== '-') {
    try {
      if (statSync(file).size > MAX_MAIL_BYTES) throw tooLarge(file)
      return readFileSync(file)
    } catch (e) {
      if (e instanceof MailError) throw e
      throw unreadable(file, e)
    }
  }
  if (ctx.io.isStdinTTY) ctx.io.err('reading the e-mail from the terminal: finish with Ctrl-D on an empty line\n')
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of ctx.io.stdin) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk))
    size += b.length
    if (size > MAX_MAIL_BYTES) throw tooLarge('the e-mail on stdin')
    chunks.push(b)
  }
  return Buffer.concat(chunks)
}

/** One e-mail read from --eml: its notes (a guessed charset) said on stderr. */
export async function readEml(ctx: Context, file: string): Promise<{ mail: MailMessage; raw: Buffer }> {
  const raw = await oneLetter(await readEmlBytes(ctx, file), file)
  const mail = await readMail(raw)
  for (const note of mail.notes) ctx.io.err(`note: ${note}\n`)
  return { mail, raw }
}

/** What a report the mail system sent is, said: no customer wrote it, so it is no request (English, said as notes). */
export function reportSentence(reportType: string): string {
  const what =
    reportType === 'delivery-status'
      ? 'a delivery report (a letter returned undelivered)'
      : reportType === 'disposition-notification'
        ? 'a read receipt'
        : 'a report'
  return `the e-mail is ${what} that the mail system sent, not a customer's request`
}

/**
 * The letter of --eml: the bytes as they are, or the one letter of a mailbox file (a `From ` line first, where a
 * letter's own header says `From:`), its `>From ` lines unescaped. A mailbox of several is refused: read as one
 * letter, the others would become its text.
 * @throws MailError
 */
async function oneLetter(bytes: Buffer, file: string): Promise<Buffer> {
  if (!bytes.subarray(0, 5).equals(Buffer.from('From '))) return bytes
  const letters: Buffer[] = []
  let count = 0
  const whole = (async function* () {
    yield bytes
  })()
  for await (const m of splitMbox(whole, MAX_MAIL_BYTES)) {
    count++
    if (m.bytes) letters.push(m.bytes)
  }
  const name = file === '-' ? 'the e-mail on stdin' : file
  if (count > 1)
    throw new MailError(
      `${name} is a mailbox of ${count} letters, not one (it starts with a "From " line): take it in with tickets add --mbox`,
    )
  const letter = letters[0]
  if (!letter)
    throw new MailError(`${name} is a mailbox whose letter is larger than 25 MB; regdesk reads letters up to 25 MB`)
  return letter
}

/** What triage reads of a letter: its subject and the sender's new words (the whole body when there are none). */
export function triageTextOf(mail: MailMessage): string {
  const words = mail.fresh || mail.body
  return [mail.subject, words].filter((s) => s.trim()).join('\n\n')
}

/** The stored text of a letter: the whole body with its quotes; the subject when the body is empty. */
export function storedTextOf(mail: MailMessage): string {
  return mail.body.trim() ? mail.body : mail.subject
}

/** The customer of a letter: "Name <address>", or the one of them there is. */
export function customerOf(mail: MailMessage): string | undefined {
  if (!mail.from) return undefined
  const { name, address } = mail.from
  return name && address ? `${name} <${address}>` : name || address || undefined
}

/**
 * The record a letter is taken in from: its Message-ID, or `sha256:` and the hex digest of its bytes for a letter
 * without one (the same file taken in twice is still one ticket).
 */
export function mailOrigin(mail: MailMessage, raw: Uint8Array): TicketOrigin {
  return { source: 'email', external_id: mail.messageId ?? `sha256:${letterDigest(raw)}` }
}

/**
 * The digest of a letter's bytes as any copy of it has them: line ends read as LF and the blank lines after its end
 * left out — a mailbox puts one between two letters, so the last letter of a growing mailbox, or a letter saved as a
 * file and the same letter in a mailbox, would otherwise be two letters.
 */
function letterDigest(raw: Uint8Array): string {
  const bytes = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength)
  let end = bytes.length
  while (end > 0 && (bytes[end - 1] === 0x0a || bytes[end - 1] === 0x0d)) end--
  const hash = createHash('sha256')
  let from = 0
  for (let at = bytes.indexOf(0x0d, 0); at !== -1 && at < end; at = bytes.indexOf(0x0d, at + 1)) {
    if (bytes[at + 1] !== 0x0a) continue
    hash.update(bytes.subarray(from, at))
    from = at + 1
  }
  hash.update(bytes.subarray(from, end))
  return hash.digest('hex')
}

/**
 * The request facts of a letter: received at its Date unless --received-at was given; a letter without a (readable)
 * Date is received now, said in a note. `label` names the letter in that note.
 */
export function mailFacts(
  ctx: Context,
  facts: RequestFacts,
  mail: MailMessage,
  opts: { receivedAtGiven: boolean; channelGiven: boolean; label?: string; zone: string; force?: boolean },
): RequestFacts {
  const out = { ...facts }
  if (!opts.channelGiven) out.channel = 'email'
  const which = opts.label ? `${opts.label}: ` : ''
  // a Date without a zone is the sender's wall clock: read in the regulation's zone, as any time without an offset
  if (mail.date && !mail.date.zoned) {
    const wall = new Date(mail.date.ms).toISOString().slice(0, 19)
    const placed = parseIsoInstant(wall, opts.zone)
    if (placed.ok) {
      mail.date = { ms: placed.ms, offsetMinutes: offsetMinutes(opts.zone, placed.ms), zoned: true }
      if (!opts.receivedAtGiven)
        ctx.io.err(`note: ${which}the Date header has no time zone; read as ${opts.zone} time\n`)
    }
  }
  if (opts.receivedAtGiven) return out
  // a letter cannot have arrived later than now: a sender's clock that is wrong (unless the agent keeps it, --force)
  if (mail.date && mail.date.ms > ctx.now + FUTURE_TOLERANCE_MS && !opts.force)
    ctx.io.err(
      `note: ${which}the Date header "${mail.dateHeader?.slice(0, 60)}" is later than now; received now (--force keeps it)\n`,
    )
  else if (mail.date) out.receivedAt = mail.date.ms
  else if (mail.dateHeader)
    ctx.io.err(`note: ${which}the Date header "${mail.dateHeader.slice(0, 60)}" is not a date; received now\n`)
  else ctx.io.err(`note: ${which}the e-mail has no Date header; received now\n`)
  return out
}

/** The verdict on a letter: its sender's address is a contact, so a contact is not asked for. */
export function knownSender(result: TriageResult, mail: MailMessage): TriageResult {
  return mail.from?.address ? { ...result, missing: result.missing.filter((m) => m !== 'contact') } : result
}

/** The `email` object of `triage --eml --json`. */
export function emailJson(mail: MailMessage) {
  return {
    // a subject is request text: access data in it is masked as in the text
    subject: mail.subject && maskSecrets(mail.subject),
    from: mail.from,
    date: mail.date ? mailDateIso(mail.date) : null,
    message_id: mail.messageId,
    attachments: mail.attachments,
  }
}

/** --eml (or --mbox) is a request of its own: not with a text argument or --file. */
export function checkEmlAlone(
  text: string | undefined,
  opts: { file?: string; encoding?: string },
  flag: '--eml' | '--mbox' = '--eml',
): void {
  if (text !== undefined || opts.file !== undefined)
    throw new UsageError(`give the request as text, --file or ${flag}, only one of them`)
  if (opts.encoding !== undefined)
    throw new UsageError('--encoding applies to --file and stdin text; an e-mail declares its own charsets')
}
