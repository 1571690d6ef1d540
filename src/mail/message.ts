import { isMimeType, safeFileName, UNNAMED } from '../data/file-name.js'
import { decodeMailWords, postalMime } from '../data/on-demand.js'
import { ExitCode, RegdeskError } from '../errors.js'
import { decodeAuto, rereadWindows1252 } from './charset.js'
import { type MailDate, parseMailDate } from './date.js'
import { htmlToText } from './html-text.js'
import { type SplitBody, splitBody } from './quotes.js'

/** An attachment as a ticket lists it: never its content. */
export interface MailAttachment {
  name: string
  type: string
  size: number
}

/** One e-mail as regdesk reads it (README.md, "Requests by e-mail"). */
export interface MailMessage {
  /** the decoded Subject, '' when there is none */
  subject: string
  from: { name: string; address: string } | null
  /** the Date header as written, null when there is none */
  dateHeader: string | null
  /** the Date header read, null when missing or not a date */
  date: MailDate | null
  /** the Message-ID without its angle brackets, null when there is none */
  messageId: string | null
  /** the whole plain-text body: the text part, else the text of the HTML part */
  body: string
  /** the sender's new words: the body without quotes, forwarded letters and signature, and a letter forwarded under
   * a short cover note (the request it passes on) (quotes.ts) */
  fresh: string
  /** the text came from the HTML part */
  fromHtml: boolean
  attachments: MailAttachment[]
  /** what was guessed, as English sentences (an undeclared charset) */
  notes: string[]
  /**
   * what the mail system sent, not a person (multipart/report, RFC 6522): its report-type ('delivery-status' for a
   * letter returned undelivered, 'disposition-notification' for a read receipt, …); null for a letter someone wrote
   */
  report: string | null
}

/** The largest message read: a letter with its attachments; the whole message is held in memory while parsed. */
export const MAX_MAIL_BYTES = 25 * 1024 * 1024

/** postal-mime's limits, well below its defaults: a letter to support has a few parts, not thousands. */
const LIMITS = {
  maxNestingDepth: 50,
  maxPartCount: 1000,
  maxHeadersSize: 1024 * 1024,
  maxRfc822NestingDepth: 5,
  maxForwardedAddresses: 1000,
}

/** A message that cannot be read as an e-mail (too large, too deep, not MIME): exit 3, like other bad data. */
export class MailError extends RegdeskError {
  override readonly exitCode = ExitCode.InvalidData
}

const WHY: Record<string, string> = {
  EMAXNESTINGDEPTH: `its MIME parts are nested more than ${LIMITS.maxNestingDepth} deep`,
  EMAXPARTCOUNT: `it has more than ${LIMITS.maxPartCount} MIME parts`,
  EMAXHEADERSIZE: 'its headers are larger than 1 MB',
  EMAXFORWARDEDADDRESSES: `its forwarded letters name more than ${LIMITS.maxForwardedAddresses} addresses`,
}

/**
 * Reads one RFC 822 message. Charsets: what the message declares (RFC 2047 words, charset parameters, through
 * postal-mime and Node's decoders); headers and bodies in 8-bit without a declaration are read as UTF-8 when they
 * are, else as Windows-1251 or KOI8-R, whichever gives Russian text (charset.ts).
 * @throws MailError when the message is larger than MAX_MAIL_BYTES, empty, has no header, or breaks a limit
 */
export async function readMail(raw: Uint8Array): Promise<MailMessage> {
  return readLetter(raw, true)
}

/** The most attached letters read into the text of the letter that carries them; any more are listed only. */
const MAX_ATTACHED_LETTERS = 10

/**
 * readMail, and whether the letters attached to it (message/rfc822 parts: «переслать как вложение», or a forward its
 * mailer puts inline) are read into its text: only a letter's own, not those attached inside an attached one.
 */
async function readLetter(raw: Uint8Array, withAttachedLetters: boolean): Promise<MailMessage> {
  if (raw.length > MAX_MAIL_BYTES)
    throw new MailError('the e-mail is larger than 25 MB; regdesk reads letters up to 25 MB')
  if (!raw.some((b) => b > 0x20)) throw new MailError('the e-mail is empty')
  const notes: string[] = []
  const bounded = withBoundary(raw, headerEnd(raw), notes)
  const input = withDecodedHeader(bounded.bytes, bounded.headerEnd, notes)
  let email: Awaited<ReturnType<ReturnType<typeof postalMime>['parse']>>
  try {
    // every attached letter comes as an attachment, read below: postal-mime would put an inline one into the text
    // under a frame of dashes of its own, which no reader of forwards knows
    email = await postalMime().parse(input, {
      ...LIMITS,
      attachmentEncoding: 'arraybuffer',
      forceRfc822Attachments: true,
    })
  } catch (e) {
    const code = (e as { code?: string }).code
    throw new MailError(`the e-mail cannot be read: ${(code && WHY[code]) ?? 'it is not a MIME message'}`)
  }
  if (!email.headers.some((h) => /^[a-z0-9-]+$/.test(h.key)))
    throw new MailError('the e-mail has no header lines (From:, Subject:, …); is it a letter saved as text?')
  // a body without a declared charset, or with one no decoder knows («win-1251», «koi8r»), was read as Windows-1252
  // (postal-mime's fallback): Russian mailers meant theirs
  const labels = [
    ...Buffer.from(input.buffer, input.byteOffset, input.byteLength)
      .toString('latin1')
      .matchAll(/charset\s*=\s*"?([^\s";]+)/gi),
  ].map((m) => m[1] as string)
  const unknown = labels.filter((label) => !knownCharset(label))
  const declared = labels.length > unknown.length
  const reread = (text: string) => {
    const again = declared ? undefined : rereadWindows1252(text)
    if (again)
      notes.push(
        unknown.length
          ? `the e-mail's text declares a charset no decoder knows (${unknown[0]}); read as ${again.detected}`
          : `the e-mail's text declares no charset; read as ${again.detected}`,
      )
    return again?.text ?? text
  }
  const fromHtml = !email.text?.trim() && Boolean(email.html?.trim())
  const ownText = (fromHtml ? htmlToText(reread(email.html ?? '')) : reread(email.text ?? '').trim()).replace(
    /\r\n?/g,
    '\n',
  )
  const report = reportType(email.headers)
  const read =
    withAttachedLetters && report === null
      ? await attachedLetters(email.attachments, notes)
      : new Map<Attachment, MailMessage>()
  const letters = [...read.values()]
  // each attached letter follows as a forwarded one: under a short cover note it is the request (quotes.ts)
  const body = [ownText, ...letters.map(forwardBlock)].filter(Boolean).join('\n\n')
  const dateHeader = email.headers.find((h) => h.key === 'date')?.value.trim() || null
  const from = email.from && !email.from.group ? email.from : email.sender && !email.sender.group ? email.sender : null
  return {
    subject: oneLine(subjectRead(email.subject ?? '', email.headers, notes)),
    from: from?.address || from?.name ? sender(oneLine(from.name ?? ''), from.address ?? '') : null,
    dateHeader,
    date: dateHeader ? (parseMailDate(dateHeader) ?? null) : null,
    messageId: email.messageId?.trim().replace(/^<|>$/g, '') || null,
    body,
    fresh: freshWords(splitBody(body)),
    fromHtml,
    attachments: [
      ...email.attachments.map((a) => {
        // a letter attached without a file name is named after its subject, as Outlook saves one
        const subject = read.get(a)?.subject
        return {
          name: safeFileName(a.filename || (subject && `${subject.replace(/[\\/]/g, '-')}.eml`)),
          type: isMimeType(a.mimeType ?? '') ? (a.mimeType as string) : 'application/octet-stream',
          size: typeof a.content === 'string' ? a.content.length : a.content.byteLength,
        }
      }),
      // what the forwarded letters carried is listed too, as the mailer that forwarded them inline would
      ...letters.flatMap((l) => l.attachments),
    ],
    notes: [...new Set([...notes, ...letters.flatMap((l) => l.notes)])],
    report,
  }
}

/**
 * The subject, its encoded words in a charset no decoder knows («=?x-unknown?Q?=CA=EE…?=») read as the body's are:
 * postal-mime reads them as Windows-1252, and Russian mailers meant Windows-1251 or KOI8-R (charset.ts).
 */
function subjectRead(subject: string, headers: readonly { key: string; value: string }[], notes: string[]): string {
  const raw = headers.find((h) => h.key === 'subject')?.value ?? ''
  const labels = [...raw.matchAll(/=\?([^?*\s]+)(?:\*[^?]*)?\?[bq]\?/gi)].map((m) => m[1] as string)
  const unknown = labels.find((label) => !knownCharset(label))
  if (unknown === undefined) return subject
  const again = rereadWindows1252(subject)
  if (!again) return subject
  notes.push(`the e-mail's subject declares a charset no decoder knows (${unknown}); read as ${again.detected}`)
  return again.text
}

type Attachment = Awaited<ReturnType<ReturnType<typeof postalMime>['parse']>>['attachments'][number]

/** The letters attached (message/rfc822), read; one that cannot be read stays an attachment, and a note says why. */
async function attachedLetters(
  attachments: readonly Attachment[],
  notes: string[],
): Promise<Map<Attachment, MailMessage>> {
  const letters = new Map<Attachment, MailMessage>()
  for (const a of attachments) {
    if (a.mimeType !== 'message/rfc822' || typeof a.content === 'string') continue
    if (letters.size === MAX_ATTACHED_LETTERS) break
    try {
      letters.set(a, await readLetter(new Uint8Array(a.content), false))
    } catch (e) {
      if (!(e instanceof MailError)) throw e
      const name = safeFileName(a.filename)
      notes.push(
        name === UNNAMED
          ? 'an attached letter without a file name cannot be read as an e-mail; it is listed as an attachment'
          : `the attached letter ${name} cannot be read as an e-mail; it is listed as an attachment`,
      )
    }
  }
  return letters
}

/** An attached letter as a mailer forwards one inline: the separator, its header lines, its text. */
function forwardBlock(letter: MailMessage): string {
  const from = letter.from
    ? letter.from.name && letter.from.address
      ? `${letter.from.name} <${letter.from.address}>`
      : letter.from.address || letter.from.name
    : ''
  const headers = [
    from && `From: ${from}`,
    letter.dateHeader && `Date: ${letter.dateHeader}`,
    letter.subject && `Subject: ${letter.subject}`,
  ].filter(Boolean)
  return [FORWARD_SEPARATOR, ...headers, '', letter.body].join('\n').trim()
}

/** The line Gmail puts above a letter it forwards: src/data/quote-patterns.ts knows it. */
const FORWARD_SEPARATOR = '---------- Forwarded message ----------'

/**
 * The report-type of a report the mail system sent (multipart/report: a letter returned undelivered, a read receipt),
 * 'unknown' when it names none; null for any other message. The letter a report carries is the one that bounced, not
 * something its sender passes on.
 */
function reportType(headers: readonly { key: string; value: string }[]): string | null {
  const type = headers.find((h) => h.key === 'content-type')?.value ?? ''
  if (!/^\s*multipart\/report\b/i.test(type)) return null
  return /report-type\s*=\s*"?([\w-]+)/i.exec(type)?.[1]?.toLowerCase() ?? 'unknown'
}

/**
 * The Message-ID and Subject of a message read or not (one too large, too deep, broken), to name it: its header
 * block's 8-bit text decoded as readMail decodes it (charset.ts), RFC 2047 words too. Only the first 64 KB are read.
 */
export function peekMail(raw: Uint8Array): { messageId: string | null; subject: string | null } {
  const head = raw.subarray(0, 64 * 1024)
  const end = headerEnd(head)
  // folded lines (a long Subject goes on after a line break and a space) are one
  const text = decodeAuto(head.subarray(0, end)).text.replace(/\r?\n[ \t]+/g, ' ')
  const messageId = /^message-id:[ \t]*<?([^\s<>]+)>?/im.exec(text)?.[1] ?? null
  const rawSubject = /^subject:[ \t]*(.*)$/im.exec(text)?.[1]
  let subject: string | null = null
  if (rawSubject !== undefined) {
    try {
      subject = oneLine(decodeMailWords(rawSubject))
    } catch {
      subject = oneLine(rawSubject)
    }
  }
  return { messageId, subject: subject || null }
}

/**
 * The message with its top-level header block in UTF-8 when it was written in an undeclared 8-bit charset:
 * postal-mime reads such bytes as Windows-1252. The header block ends at `end`, its first empty line (headerEnd).
 */
function withDecodedHeader(raw: Uint8Array, end: number, notes: string[]): Uint8Array {
  const header = raw.subarray(0, end)
  if (!header.some((b) => b >= 0x80)) return raw
  const read = decodeAuto(header)
  if (read.detected === 'utf-8') return raw
  notes.push(`the e-mail's headers declare no charset; read as ${read.detected}`)
  const utf8 = Buffer.from(read.text, 'utf8')
  return Buffer.concat([utf8, raw.subarray(end)])
}

/**
 * The sender as the header gives it. A mailer that encodes the whole «Name <address>» as one word (PHP's
 * mb_encode_mimeheader on a site's form) leaves the address inside the decoded name: it is taken out of it there.
 */
function sender(name: string, address: string): { name: string; address: string } {
  if (address) return { name, address }
  const inName = /^(.*?)\s*<([^<>\s@]+@[^<>\s]+)>$/.exec(name)
  if (inName) return { name: (inName[1] as string).replace(/^"(.*)"$/, '$1'), address: inName[2] as string }
  return /^[^<>\s@]+@[^<>\s@]+\.[^<>\s@]+$/.test(name) ? { name: '', address: name } : { name, address }
}

/**
 * The message with the boundary its top-level multipart Content-Type leaves out, taken from the body's first `--` line
 * (what a script that writes letters by hand forgets): postal-mime would read the whole body, boundaries and part
 * headers included, as the text. `end`: where the header block ends (headerEnd), given back for the bytes returned.
 */
function withBoundary(raw: Uint8Array, end: number, notes: string[]): { bytes: Uint8Array; headerEnd: number } {
  const unchanged = { bytes: raw, headerEnd: end }
  const header = Buffer.from(raw.buffer, raw.byteOffset, end).toString('latin1')
  // the Content-Type line with its folded continuation lines
  const type = /^content-type:[ \t]*multipart\/[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*/im.exec(header)
  if (!type || /boundary\s*=/i.test(type[0])) return unchanged
  const body = Buffer.from(raw.buffer, raw.byteOffset + end, Math.min(raw.length - end, 64 * 1024)).toString('latin1')
  const boundary = /^--([0-9A-Za-z'()+_,./:=?-]{1,70}?)[ \t]*\r?$/m.exec(body)?.[1]
  if (!boundary) return unchanged
  notes.push(
    `the e-mail's multipart Content-Type names no boundary; its parts were found by their first "--${boundary}" line`,
  )
  const at = type.index + type[0].length
  const head = Buffer.from(`${header.slice(0, at)}; boundary="${boundary}"${header.slice(at)}`, 'latin1')
  return { bytes: Buffer.concat([head, raw.subarray(end)]), headerEnd: head.length }
}

/** Where a message's header block ends: just past the line break before its first empty line (the end if none). */
function headerEnd(raw: Uint8Array): number {
  for (let i = 0; i < raw.length - 1; i++)
    if (raw[i] === 0x0a && (raw[i + 1] === 0x0a || (raw[i + 1] === 0x0d && raw[i + 2] === 0x0a))) return i + 1
  return raw.length
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim()
}

/** What triage reads of a letter: the sender's new words, and a letter they forward under a short note (the request). */
function freshWords(split: SplitBody): string {
  return split.forwarded ? `${split.fresh}\n\n${split.forwarded}`.trim() : split.fresh
}

/** Whether a charset label is one Node's decoders know (postal-mime reads a body in another as Windows-1252). */
function knownCharset(label: string): boolean {
  try {
    new TextDecoder(label)
    return true
  } catch {
    return false
  }
}
