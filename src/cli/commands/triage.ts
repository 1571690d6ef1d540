import { Command } from 'commander'
import { UsageError } from '../../errors.js'
import { MailError, type MailMessage } from '../../mail/message.js'
import { contextOf } from '../command.js'
import type { Context, Environment } from '../context.js'
import { examples } from '../help.js'
import type { IO } from '../io.js'
import {
  checkEmlAlone,
  emailJson,
  knownSender,
  mailFacts,
  readEml,
  reportSentence,
  triageTextOf,
} from '../mail-input.js'
import { writeJson } from '../output/json.js'
import { renderMailHeader } from '../output/mail.js'
import { replyDraft } from '../output/reply.js'
import { triageJson } from '../output/triage-json.js'
import { renderVerdict } from '../output/verdict.js'
import { regulationOption, triageWithModel } from '../regulation-input.js'
import { addTriageOptions, readRequestText, type TriageOptions, triageFacts } from '../triage-input.js'

export function triageCommand(io: IO, environment: Environment): Command {
  const cmd = new Command('triage')
    .description('Is this request in scope? Which level, which clause, what is missing, by when must we react')
    .argument('[text]', 'the request text; "-" reads stdin; none on a terminal asks interactively')
    .option('-i, --interactive', 'ask for the regulation, channel, tier and text, then offer choices')
    .option('--reply', 'print a reply draft for the customer (Russian) instead of the verdict; with --json, in `reply`')
  addTriageOptions(cmd)
  cmd.addHelpText(
    'after',
    examples([
      'regdesk triage -r moguta -c form "после обновления белый экран, ключ ABCD-1234-EFGH-5678, домен shop.ru"',
      'regdesk triage -r mst -p "Fenix+ 2" --received-at 2026-11-20T10:00+03:00 "не запускается"',
      'cat letter.txt | regdesk triage -r advantshop -c email --json - | jq .scope',
      'regdesk triage -r umi --reply "не работает корзина" | xclip',
      'regdesk triage -r moguta --eml letter.eml',
      'regdesk triage -i',
    ]),
  )
  return cmd.action(async (text: string | undefined, opts: TriageOptions, c: Command) => {
    const ctx = contextOf(c, io, environment)
    if (
      opts.interactive ||
      (text === undefined && opts.file === undefined && opts.eml === undefined && ctx.io.canPrompt && !ctx.json)
    ) {
      // (a terminal is checked there: `triage -i < /dev/null` is a usage error, not a cancelled conversation)
      // inquirer is loaded only for a conversation
      const { runInteractiveTriage } = await import('../triage-interactive.js')
      await runInteractiveTriage(ctx, environment, opts)
      return
    }
    return runTriage(ctx, text, opts)
  })
}

export async function runTriage(ctx: Context, textArg: string | undefined, opts: TriageOptions): Promise<void> {
  const reg = regulationOption(ctx, opts.regulation)
  let facts = triageFacts(ctx, reg, opts)
  let mail: MailMessage | undefined
  let text: string | undefined
  if (opts.eml !== undefined) {
    checkEmlAlone(textArg, opts)
    mail = (await readEml(ctx, opts.eml)).mail
    // triaged all the same (what the agent asked for); tickets add --eml stores none
    if (mail.report !== null) ctx.io.err(`note: ${reportSentence(mail.report)}\n`)
    facts = mailFacts(ctx, facts, mail, {
      receivedAtGiven: opts.receivedAt !== undefined,
      channelGiven: opts.channel !== undefined,
      zone: reg.workingTime.timezone,
    })
    text = triageTextOf(mail)
    if (!text.trim()) throw new MailError('the e-mail has neither a subject nor a text to triage')
  } else text = await readRequestText(ctx, textArg, opts.file, opts.encoding)
  if (text === undefined)
    throw new UsageError('give the request text as an argument, "-" for stdin, or --file; or run `regdesk triage -i`')
  const triaged = triageWithModel(ctx, reg, text, facts)
  const result = mail ? knownSender(triaged, mail) : triaged
  const reply = opts.reply ? replyDraft(reg, result, result.deadline?.deadline ?? null, ctx.now) : undefined
  if (ctx.json) {
    writeJson(ctx.io, {
      ...triageJson(reg, result),
      ...(reply === undefined ? {} : { reply }),
      ...(mail ? { email: emailJson(mail) } : {}),
    })
    return
  }
  if (reply !== undefined) {
    // the draft alone on stdout, ready to paste or pipe; what the agent should know goes to stderr
    for (const w of result.warnings) ctx.io.err(`warning: ${w.message}\n`)
    ctx.io.out(reply)
    return
  }
  for (const w of result.deadline?.warnings ?? []) ctx.io.err(`warning: ${w.message}\n`)
  if (mail) ctx.io.out(renderMailHeader(mail, ctx.io))
  ctx.io.out(renderVerdict(reg, result, ctx.io))
}
