import { formatInstantIn, instantMs } from '../calendar/instant.js'
import { heardExit } from '../data/exit-guard.js'
import { RegdeskError } from '../errors.js'
import type { ImportRows } from '../helpdesk/read.js'
import { FieldError, type ImportRecord, type RowProblem } from '../helpdesk/record.js'
import {
  checkAgainst,
  importedTicket,
  levelOf,
  localEvents,
  replaceTicket,
  sameTicket,
  withLocalWork,
} from '../helpdesk/ticket.js'
import type { Regulation } from '../regulation/load.js'
import { originKey } from '../store/intake.js'
import type { IntakeItem, IntakeOutcome } from '../store/ticket-store.js'
import { idPrefix } from '../ticket/ids.js'
import { statusAt } from '../ticket/lifecycle.js'
import type { Ticket, TicketOrigin } from '../ticket/ticket.js'
import type { StoredTriage } from '../ticket/triage-record.js'
import { validateTicket } from '../ticket/validate.js'
import { recordWindows } from '../ticket/window-record.js'
import type { RequestFacts } from '../triage/types.js'
import type { Context, Environment } from './context.js'
import { madeSoFar } from './interrupt.js'
import { startProgress } from './output/progress.js'
import { triageJson } from './output/triage-json.js'
import { businessClock, triageWithModel } from './regulation-input.js'
import { isTeamStore, withStore } from './store.js'
import { FUTURE_TOLERANCE_MS } from './tickets.js'

/** What an import did (`tickets import --json`). */
export interface ImportSummary {
  added: number
  updated: number
  unchanged: number
  failed: RowProblem[]
  /** tickets whose helpdesk gave its own reaction deadline, and of them those where it differs from regdesk's */
  helpdesk_deadlines: number
  helpdesk_deadlines_differ: number
  /** records of the same origin as an earlier record of the file (the later one is what the ticket becomes) */
  repeated: number
  /**
   * records an export wrote for another regulation, by regulation: left for their own import (-r), not failed — an
   * export of a store with several regulations is imported once per regulation
   */
  other_regulations: Record<string, number>
  /**
   * records whose status (closed, say) their times and events do not reach: the ticket has the status, its reaction
   * windows stay as the events leave them (docs/IMPORT.md)
   */
  status_without_time: number
  /** records that are no request to answer (Usedesk spam, deleted, mailings, merged), by what they are: not imported */
  not_requests: Record<string, number>
}

/** Records per store change on the team's database: a change is one transaction. */
const CHUNK = 1000

/** The records read between two turns of the event loop, where Ctrl-C is heard (a few milliseconds of work). */
const HEARD_EVERY = 200

/** Stands for the id of a ticket built before the store gives it one (the ticket is checked with it). */
const PLACEHOLDER_ID = 'X-000000'

/**
 * Takes the rows of an import file in (docs/IMPORT.md): each record triaged (unless `triage` is off), built into
 * its ticket and checked; then taken in by origin (TicketStore.intake), so a record already there is updated when
 * it changed and left alone when not. A row that cannot be imported is in `failed`, the rest are imported.
 */
export async function importItems(
  ctx: Context,
  environment: Environment,
  reg: Regulation,
  rows: ImportRows,
  opts: { triage: boolean; level: string | null },
): Promise<ImportSummary> {
  const clock = businessClock(ctx, reg)
  const prefix = idPrefix(reg)
  const summary: ImportSummary = {
    added: 0,
    updated: 0,
    unchanged: 0,
    failed: [],
    helpdesk_deadlines: 0,
    helpdesk_deadlines_differ: 0,
    repeated: 0,
    other_regulations: {},
    status_without_time: 0,
    not_requests: {},
  }
  /** where each origin's record is in `items`: a later record of it takes that place (docs/IMPORT.md) */
  const origins = new Map<string, number>()
  /** what the summary notes of each item's record */
  const itemNotes: RecordNotes[] = []
  const progress = startProgress(ctx.io, ctx.io.speech.t.imported.progress, rows.count * 2)
  const items: RecordItem[] = []
  let read = 0
  for (const row of rows.rows) {
    // Ctrl-C while the records are read stops the import before anything is stored
    if (++read % HEARD_EVERY === 0) await heardExit()
    progress.increment()
    if ('problem' in row) {
      summary.failed.push(row.problem)
      continue
    }
    const r = row.record
    // spam, a deleted ticket, a mailing: no request, so no reaction the regulation asks for (it would count as a breach)
    if (r.notARequest) {
      summary.not_requests[r.notARequest] = (summary.not_requests[r.notARequest] ?? 0) + 1
      continue
    }
    // a record of another regulation regdesk knows is left for its own import; a name it does not know is a bad row
    if (r.regulation !== null && r.regulation !== reg.id) {
      const registry = ctx.registry()
      if (registry.has(r.regulation))
        summary.other_regulations[r.regulation] = (summary.other_regulations[r.regulation] ?? 0) + 1
      else
        summary.failed.push({
          line: row.line,
          field: 'regulation',
          message: `unknown regulation ${JSON.stringify(r.regulation)}; available: ${registry.ids().join(', ')}`,
        })
      continue
    }
    try {
      checkAgainst(r, reg)
      checkNotLater(r, ctx.now, reg.workingTime.timezone)
      const triaged = opts.triage ? triageOf(ctx, reg, r) : null
      const triage = triaged?.stored ?? null
      // the product the request names is kept when the record gives none, as tickets add keeps it
      const record = r.product === null && triaged?.productNamed ? { ...r, product: triaged.productNamed } : r
      const fresh = importedTicket(PLACEHOLDER_ID, record, {
        reg,
        clock,
        level: levelOf(r, reg, opts.level, triage),
        triage,
      })
      // a record `tickets export` wrote names its regulation (docs/IMPORT.md)
      const item = RecordItem.of(fresh, prefix, r.regulation !== null, row.line, (t) => recordWindows(t, reg, clock))
      const noted = notesOf(r, fresh)
      const key = originKey(item.origin)
      const earlier = origins.get(key)
      // a record repeating an earlier one of the file is the ticket as it is later: it replaces that record, in its
      // place (its ticket numbered where the first was), so the earlier one is neither stored nor counted
      if (earlier !== undefined) {
        summary.repeated++
        tally(summary, itemNotes[earlier] as RecordNotes, -1)
        items[earlier] = item
        itemNotes[earlier] = noted
      } else {
        origins.set(key, items.length)
        items.push(item)
        itemNotes.push(noted)
      }
      tally(summary, noted, 1)
    } catch (e) {
      if (e instanceof FieldError) summary.failed.push({ line: row.line, field: e.field, message: e.message })
      else if (e instanceof RegdeskError) summary.failed.push({ line: row.line, field: null, message: e.message })
      else throw e
    }
  }
  const chunk = isTeamStore(ctx) ? CHUNK : Math.max(items.length, 1)
  try {
    await withStore(ctx, environment, async (store) => {
      for (let i = 0; i < items.length; i += chunk) {
        const part = items.slice(i, i + chunk)
        try {
          // the second half of the bar: the records stored (the first was the records read)
          const stored = (n: number) => progress.update(rows.count + i + n)
          const outcomes = await store.intake(part, stored)
          for (let k = 0; k < outcomes.length; k++) {
            const outcome = outcomes[k] as IntakeOutcome
            // a record whose ticket is of another regulation was left alone: a bad row, not an unchanged one
            const refused = part[k]?.refused
            if (refused) {
              summary.failed.push(refused)
              continue
            }
            summary[outcome.action]++
          }
        } catch (e) {
          // the team store took the file in by transactions: those before this one are stored, and say so
          if (i > 0 && e instanceof RegdeskError)
            throw new RegdeskError(
              `${e.message.replace(/; nothing was changed$/, '')}; the first ${i} of the ${items.length} records to import were stored (${summary.added} added, ${summary.updated} updated), the rest not: importing the file again takes in the rest`,
            )
          throw e
        }
        progress.update(rows.count + i + part.length)
        if (summary.added || summary.updated)
          madeSoFar(
            `${summary.added} added and ${summary.updated} updated record(s) were stored before the interruption; importing the file again takes in the rest`,
          )
      }
    })
  } finally {
    progress.stop()
  }
  return summary
}

/**
 * A record's ticket as the store takes it in (TicketStore.intake): added numbered, or made the stored ticket of its
 * origin when it differs. One object per record, its functions shared (an import holds 100,000 until it is stored).
 */
class RecordItem implements IntakeItem {
  readonly origin: TicketOrigin
  /**
   * Its ticket was found valid by validateTicket when the item was made (RecordItem.of) and is changed since only in
   * its id (make, update): the store checks only that id and that its id and origin are new, not the rest again.
   */
  readonly checkedAlone = true
  /** why the stored ticket of its origin was left alone, when it is another regulation's (update) */
  refused: RowProblem | undefined

  private constructor(
    private readonly fresh: Ticket,
    readonly prefix: string,
    /** a record `tickets export` wrote: a copy of a ticket, less than the ticket (credentials masked; CSV no history) */
    private readonly exported: boolean,
    private readonly line: number,
    /** records the windows of a ticket changed since it was built (local work kept: a reply may open one) */
    private readonly settle: (ticket: Ticket) => void,
  ) {
    this.origin = fresh.origin as TicketOrigin
  }

  /**
   * The item of a record's ticket, once the ticket is valid: checked as the store checks it (placeholder id aside).
   * @throws FieldError with the first problem validateTicket finds
   */
  static of(
    fresh: Ticket,
    prefix: string,
    exported: boolean,
    line: number,
    settle: (ticket: Ticket) => void,
  ): RecordItem {
    const problem = validateTicket(fresh)[0]
    if (problem) throw new FieldError(problem.path || null, problem.message)
    return new RecordItem(fresh, prefix, exported, line, settle)
  }

  /** the ticket built for this record is not used after it is stored: it is stored as it is, numbered */
  make(id: string): Ticket {
    this.fresh.id = id
    return this.fresh
  }

  /**
   * An export's record of this ticket: the same regulation and receipt, to the millisecond. Not the text: an export
   * masks credentials, `tickets purge-secrets` removes them from the stored ticket, and what is masked changes with the
   * lexicon, so the same ticket's text may differ between its export and the store.
   */
  recordOf(stored: Ticket): boolean {
    const { fresh } = this
    return stored.regulation === fresh.regulation && instantMs(stored.received_at) === instantMs(fresh.received_at)
  }

  /**
   * A helpdesk's changed record is the ticket as it is now there; an exported one never replaces the stored ticket it
   * is a copy of, which is the original (an export imported back into its own store changes nothing).
   */
  update(stored: Ticket): boolean {
    if (stored.regulation !== this.fresh.regulation) {
      this.refused = {
        line: this.line,
        field: null,
        message: `its ticket ${stored.id} is of ${stored.regulation}; import this record with -r ${stored.regulation}`,
      }
      return false
    }
    if (this.exported && !this.recordOf(stored)) {
      // a ticket an export of another store brought in under the same id (every store numbers from 000001): this record
      // is not its copy, and by its origin it cannot be told apart — said, never dropped in silence
      this.refused = {
        line: this.line,
        field: 'external_id',
        message: `${this.origin.source} ${this.origin.external_id} is already the origin of ${stored.id}, another ticket (received ${stored.received_at}) that an export of another store brought in: give each store's export its own source (e.g. the agent's name) and import it again`,
      }
      return false
    }
    this.fresh.id = stored.id
    if (this.exported || sameTicket(stored, this.fresh)) return false
    // what agents did on the ticket in regdesk since it was imported is kept: a record re-imported unchanged leaves it
    // as it is, a changed one brings the helpdesk's state with the local work on top
    const local = localEvents(stored, this.fresh)
    const next = local.length ? withLocalWork(this.fresh, local) : this.fresh
    if (local.length) this.settle(next)
    if (sameTicket(stored, next)) return false
    replaceTicket(stored, next)
    return true
  }
}

/** What an import's summary notes of a record (its notes after the counts). */
interface RecordNotes {
  /** a status its times and events do not reach */
  withoutTime: boolean
  /** the helpdesk's own reaction deadline given, and whether it differs from regdesk's */
  deadline: boolean
  differs: boolean
}

function notesOf(r: ImportRecord, fresh: Ticket): RecordNotes {
  const own = fresh.windows?.[0]?.deadline
  const given = fresh.helpdesk_deadline
  return {
    withoutTime: r.status !== null && fresh.status !== statusAt(fresh, Number.POSITIVE_INFINITY),
    deadline: given !== undefined,
    // a helpdesk gives its deadlines to the minute (Okdesk: 10:05:00 for a request at 10:05:17)
    differs: given !== undefined && (!own || Math.abs(Date.parse(own) - Date.parse(given)) >= 60_000),
  }
}

/** Adds a record's notes to the summary (sign 1), or takes those of a record a later one replaced away (-1). */
function tally(summary: ImportSummary, notes: RecordNotes, sign: 1 | -1): void {
  if (notes.withoutTime) summary.status_without_time += sign
  if (notes.deadline) summary.helpdesk_deadlines += sign
  if (notes.differs) summary.helpdesk_deadlines_differ += sign
}

/** Triage of a record's text (subject and body) with the facts the record gives, as `tickets add` triages. */
function triageOf(
  ctx: Context,
  reg: Regulation,
  r: ImportRecord,
): { stored: StoredTriage; productNamed: string | null } | null {
  const text = [r.subject?.trim(), r.body.trim()].filter(Boolean).join('\n\n')
  if (!text) return null
  const facts: RequestFacts = { receivedAt: r.created_at }
  if (r.channel) facts.channel = r.channel
  if (r.tier) facts.tier = r.tier
  if (r.product) facts.product = r.product
  if (r.license_date) facts.licenseDate = r.license_date
  const result = triageWithModel(ctx, reg, text, facts)
  return { stored: triageJson(reg, result), productNamed: result.productNamed ?? null }
}

/**
 * A record cannot tell of a request or a reaction later than now (as `tickets add --received-at`): a helpdesk's clock
 * or a file that is wrong, a bad row (FUTURE_TOLERANCE_MS allows for clocks a few minutes apart).
 * @throws FieldError
 */
function checkNotLater(r: ImportRecord, now: number, zone: string): void {
  const limit = now + FUTURE_TOLERANCE_MS
  const shown = () => formatInstantIn(now, zone)
  if (r.created_at > limit) throw new FieldError('created_at', `is later than now (${shown()})`)
  const later = r.events.find((e) => e.at > limit)
  if (later?.column) throw new FieldError(later.column, `is later than now (${shown()})`)
  if (later) throw new FieldError('events', `an event is later than now (${shown()})`)
}
