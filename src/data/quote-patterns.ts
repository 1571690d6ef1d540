/**
 * How letters in English and Russian mark what is not the sender's new words: quoted lines, the line that
 * introduces a quoted or forwarded letter, signatures and sign-offs. Language data, read by quotes.ts; each
 * pattern is tried on a whole line (trimmed), the attributions also on a line joined with the next (mailers wrap
 * long ones).
 */
export const QUOTE_PATTERNS = {
  /** a line of a quoted letter */
  quoted: /^\s*>/,
  /** a line after which everything is earlier correspondence: separators of forwarded and quoted letters */
  separators: [
    /^-{2,}\s*(Original Message|Исходное сообщение|Оригинальное сообщение)\s*-{2,}$/i,
    /^-{2,}\s*(Forwarded message|Forwarded Message|Пересылаемое сообщение|Перенаправленное сообщение)\s*-{2,}$/i,
    /^(Begin forwarded message|Начало пересылаемого сообщения|Начало переадресованного сообщения):$/i,
    /^_{10,}$/,
  ],
  /** of those, the ones that begin a forwarded letter: someone passes a customer's letter on, which is the request */
  forwards: [
    /^-{2,}\s*(Forwarded message|Forwarded Message|Пересылаемое сообщение|Перенаправленное сообщение)\s*-{2,}$/i,
    /^(Begin forwarded message|Начало пересылаемого сообщения|Начало переадресованного сообщения):$/i,
  ],
  /** the line that introduces a quote: "On … wrote:", «… пишет:», Yandex's "20.11.2026, 10:15, "Name" <a@b>:" */
  attributions: [
    /^On .{4,200}wrote:$/,
    /^.{4,200}\s(пишет|писал|писала|написал|написала|написал\(а\)):$/i,
    /^\d{1,2}[./]\d{1,2}[./]\d{2,4},?\s.{0,200}<[^<>\s]+@[^<>\s]+>:$/,
    // Gmail's, in any language: «пт, 14 мар. 2025 г. в 12:30, Name <a@b>:» (a time, then the address)
    /^.{0,100}\b\d{1,2}:\d{2}\b.{0,100}<[^<>\s]+@[^<>\s]+>:$/,
    /^(Le|Am) .{4,200}(a écrit|schrieb .{0,60}):$/,
  ],
  /**
   * The first line of the header block Outlook puts above a quoted letter ("From: … / Sent: …", «От: … /
   * Отправлено: …»): counted only when one of `headerFollowers` comes within the next lines.
   */
  headerBlock: /^\*?(From|От|Від):\*?\s+\S/,
  headerFollowers: /^\*?(Sent|Date|To|Cc|Subject|Отправлено|Дата|Кому|Копия|Тема):\*?\s/,
  /** the signature delimiter of RFC 3676 4.3 (its trailing space often lost) */
  signature: /^-- ?$/,
  /** lines mobile mailers add under the text */
  devices: [
    /^(Sent from my|Get Outlook for) .{2,40}$/i,
    /^(Отправлено|Отправлено с|Отправлено из|Отправлено со) .{2,60}$/i,
  ],
  /**
   * A sign-off on a line of its own: what follows is the sender's name and contacts. Taken only near the end
   * (`signOffTail` lines at most follow it), so a "С уважением" inside the text is left alone.
   */
  signOffs: [
    /^(С уважением|С наилучшими пожеланиями|С уважением и наилучшими пожеланиями|Всего доброго|Всего хорошего|Хорошего дня|Заранее спасибо|Заранее благодарю|Спасибо заранее)[,.!]?$/i,
    /^(Best regards|Kind regards|Regards|Best wishes|Sincerely|Thanks in advance|Cheers)[,.!]?$/i,
  ],
  signOffTail: 6,
} as const
