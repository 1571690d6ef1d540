import { UNNAMED } from '../../data/file-name.js'
import { mailDateIso } from '../../mail/date.js'
import type { MailAttachment, MailMessage } from '../../mail/message.js'
import { maskSecrets } from '../../triage/credentials.js'
import { type IO, printable } from '../io.js'
import type { MailboxSummary } from '../mail-intake.js'
import { renderFields } from './table.js'

/** Attachments on one line: `report.pdf (application/pdf, 14 KB), screen.png (image/png, 230 KB)`. */
export function attachmentsLine(attachments: readonly MailAttachment[], io: IO): string {
  return attachments
    .map(
      (a) =>
        `${a.name === UNNAMED ? io.speech.t.mail.unnamed : printable(a.name)} (${a.type}, ${io.speech.t.value.size(a.size)})`,
    )
    .join(', ')
}

/** The letter in brief above a verdict: from, date, subject, attachments. */
export function renderMailHeader(mail: MailMessage, io: IO): string {
  const w = io.speech.t.mail
  const from = mail.from
    ? printable(
        mail.from.name && mail.from.address
          ? `${mail.from.name} <${mail.from.address}>`
          : mail.from.name || mail.from.address,
      )
    : w.none
  const pairs: [string, string][] = [
    [w.from, from],
    [w.date, mail.date ? mailDateIso(mail.date) : w.noDate],
    [w.subject, mail.subject ? printable(maskSecrets(mail.subject)) : w.none],
  ]
  if (mail.attachments.length) pairs.push([w.attachments, attachmentsLine(mail.attachments, io)])
  return `${renderFields(pairs, io)}\n`
}

/** How many skipped and failed messages a person sees listed; --json lists all. */
const LISTED = 20

/** The summary of `tickets add --mbox`: the counts, then the failed messages with their reasons, then the skipped. */
export function renderMailboxSummary(summary: MailboxSummary, io: IO): string {
  const { t, phrases } = io.speech
  const w = t.mail
  const c = io.color
  let out = `${w.summary(summary.added, summary.skipped, summary.failed)}\n`
  if (summary.reports) out += `${w.reports(summary.reports)}\n`
  const list = <T>(title: string, items: T[], line: (item: T) => string) => {
    if (!items.length) return
    out += `${c.bold(title)}\n`
    for (const item of items.slice(0, LISTED)) out += `  ${line(item)}\n`
    if (items.length > LISTED) out += `  ${c.dim(w.more(items.length - LISTED))}\n`
  }
  list(w.failed, summary.failures, (f) => {
    const named = [
      f.message_id ? `<${printable(f.message_id)}>` : '',
      f.subject ? `"${printable(maskSecrets(f.subject))}"` : '',
    ]
      .filter(Boolean)
      .join(' ')
    return `${w.message(f.number)}${named ? ` ${named}` : ''}: ${c.red(phrases.say(f.reason))}`
  })
  list(
    w.skipped,
    summary.tickets.filter((s) => s.action === 'skipped'),
    (s) => `${w.message(s.number)} <${printable(s.message_id)}> → ${s.id}`,
  )
  return out
}
