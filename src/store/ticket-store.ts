import type { Status, Ticket, TicketOrigin } from '../ticket/ticket.js'

/**
 * The one interface commands use to keep tickets (docs/ARCHITECTURE.md, "Layers": the contract here, each
 * backend beside it: json-file/ for one agent, postgres/ for a team). Every backend passes the
 * contract suite test/unit/store/contract.test.ts.
 *
 * Guarantees every backend gives:
 * - a change (insert, change, changeMany) is applied whole or not at all, and concurrent
 *   changes from other processes are never lost: each runs on the ticket as the previous left it;
 * - ids are allocated per prefix inside the change that stores the ticket: never twice;
 * - a ticket is validated (ticket/validate.ts) before it is written: a bug cannot corrupt a store (an intake item
 *   may have checked its ticket itself with the same validation, IntakeItem.checkedAlone: it is not checked twice);
 * - `list` and `scanSummaries` give tickets in the order they were stored.
 */
export interface TicketStore {
  /** what to call the store in messages: the file, or the URL with its password masked */
  readonly label: string
  /** @throws NotFoundError when there is no such ticket */
  get(id: string): Promise<Ticket>
  /** the tickets matching `filter`, one at a time (a store of 100,000 is never one array) */
  list(filter?: TicketFilter): AsyncIterable<Ticket>
  /**
   * Hands each ticket matching any of `filters` to `visit` once, without its free text (summaryOf; a store may give
   * the whole ticket), with which of the filters it matched, and keeps none: a report over 100,000 tickets holds
   * its figures, not the tickets. `restart` is called when the store has to begin again (a damaged summary file,
   * given up for the store itself): forget what was visited before it.
   */
  scanSummaries(
    filters: readonly TicketFilter[],
    visit: (ticket: Ticket, matched: readonly boolean[]) => void,
    restart: () => void,
  ): Promise<void>
  /** stores a new ticket made by `make` with the next free id of `prefix` */
  insert(prefix: string, make: (id: string) => Ticket): Promise<Ticket>
  /** changes one ticket; nothing is written when the change says it changed nothing or throws */
  change<T>(id: string, fn: (ticket: Ticket) => Change<T>): Promise<T>
  /** changes the tickets matching `filter` in one go; only those it returns as changed are written */
  changeMany<T>(filter: TicketFilter, fn: (tickets: Ticket[]) => ChangeMany<T>): Promise<T>
  /**
   * Copies tickets in as they are (store copy): ids kept, the id counters moved past them.
   * @throws StoreConflictError when an id is already there
   */
  importTickets(tickets: readonly Ticket[], onProgress?: (copied: number) => void): Promise<void>
  /**
   * Takes in records from outside (e-mails, a helpdesk's tickets) by their origin, in one change applied whole or not
   * at all: a record whose origin no stored ticket has becomes a new ticket with the next id of its prefix; one that
   * is stored already is handed to `update` (left as it is without one). Taking the same records in twice adds
   * nothing. The outcomes are in the order of `items`. `onProgress` is told how many of them are stored so far, as
   * the change is written (an import's progress bar).
   */
  intake(items: readonly IntakeItem[], onProgress?: (stored: number) => void): Promise<IntakeOutcome[]>
  /** the number of tickets */
  count(): Promise<number>
  info(): Promise<StoreInfo>
  /**
   * Starts what the store needs before its first use (a database connection), so that it proceeds while the command
   * does its own work (a triage); resolves once it is under way and never rejects: a failure is reported at first use.
   */
  prepare(): Promise<void>
  /** releases connections; the store is not used afterwards */
  close(): Promise<void>
}

/** One record taken in from outside, for TicketStore.intake. */
export interface IntakeItem {
  origin: TicketOrigin
  /** the id prefix of a new ticket (its regulation's, ticket/ids.ts idPrefix) */
  prefix: string
  /** the new ticket, when no stored ticket has this origin; it must carry this origin */
  make: (id: string) => Ticket
  /** changes the stored ticket of this origin in place and says whether it changed (then it is written) */
  update?: (stored: Ticket) => boolean
  /**
   * Whether a ticket added in regdesk (no origin) is the one this item is the record of, when the item's origin is
   * (regdesk, that ticket's id) as `tickets export` writes: such a ticket is left as it is. Without this, or when it
   * says no, the item is a new ticket (another store's ticket of the same id).
   */
  recordOf?: (stored: Ticket) => boolean
  /**
   * true when `make` gives a ticket validateTicket (ticket/validate.ts) has found valid, changed since only in its id
   * (the one `make` is given), and `update` makes the ticket it changes such a one too: a store may then check only
   * that ticket's id and that its id and origin are new, not its fields again (an import checks each ticket it
   * builds, to report a bad one with its row). Absent: the store checks the whole ticket.
   */
  readonly checkedAlone?: boolean
}

export type IntakeAction = 'added' | 'updated' | 'unchanged'

export interface IntakeOutcome {
  origin: TicketOrigin
  id: string
  action: IntakeAction
}

/** What a change did: its result, and whether the ticket must be written. */
export interface Change<T> {
  result: T
  changed: boolean
}

export interface ChangeMany<T> {
  result: T
  /** the tickets (of those given) that were changed and must be written */
  changed: readonly Ticket[]
}

/**
 * Which tickets: every condition given must hold. The time conditions select a superset that
 * the domain narrows exactly (they are what a database can answer from indexed columns; see
 * ticket/facts.ts): a ticket with an event after the instant asked about is always included,
 * since its state at that instant may differ from its state now.
 */
export interface TicketFilter {
  ids?: readonly string[]
  statuses?: readonly Status[]
  regulation?: string
  /** an agent's name, or null for unassigned tickets */
  assignee?: string | null
  /**
   * Tickets whose latest window may need attention at `at`: unanswered with a recorded deadline
   * at or before `at` (with `atRisk`: any recorded deadline), or not recorded, or changed after `at`.
   */
  attention?: { at: number; atRisk: boolean }
  /** tickets received before this instant */
  receivedBefore?: number
  /** tickets with a window that may have opened at or after this instant */
  windowsSince?: number
}

export interface StoreInfo {
  /** json-file or postgres */
  backend: string
  /** the file, or the URL with its password masked */
  location: string
  /** the store's format (file) or schema (database) version, and the newest this regdesk knows */
  version: number
  currentVersion: number
  /** null when the store is of a newer version than this regdesk reads (its tickets are not read) */
  tickets: number | null
  /** bytes on disk (file and sidecars), or the database's size of the tables */
  bytes: number
  /** whatever else the backend can tell (server version, sidecars) */
  details: Record<string, string | number | null>
}
