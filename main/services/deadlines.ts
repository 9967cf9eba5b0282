/** Applies the statutory clock (shared/clock) to cases in the file, with the organisation's calendar. */
import type { CaseDb } from '../../db/case-file';
import { listAddedHolidays } from '../../db/queries/case-edits';
import {
  listCasesWithoutStatutoryDue,
  listEventsByCase,
  listOpenCaseDates,
  storeDueDates,
  storeStatutoryDueDates,
} from '../../db/queries/clock';
import { getOrganisation } from '../../db/queries/organisation';
import { getSettings } from '../../db/queries/settings';
import type { CaseEventRow } from '../../db/queries/cases';
import { AppError } from '../../shared/errors';
import {
  assessProgress,
  ClockInputError,
  CLOCK_EVENT_TYPES,
  computeDeadline,
  type Progress,
  type ProgressOptions,
  type ClockEvent,
  type Deadline,
  type ExtraHoliday,
} from '../../shared/clock';
import type { Jurisdiction, Regime } from '../../shared/case-format';
import type { Settings } from '../../shared/settings';

export interface ClockContext {
  jurisdiction: Jurisdiction;
  extraHolidays: ExtraHoliday[];
  settings: Settings;
}

export function loadClockContext(db: CaseDb): ClockContext {
  const org = getOrganisation(db);
  const extraHolidays = listAddedHolidays(db).map((h): ExtraHoliday => {
    const out: ExtraHoliday = { date: h.date, name: h.name };
    if (h.jurisdictions) out.jurisdictions = h.jurisdictions as Jurisdiction[];
    return out;
  });
  return { jurisdiction: org?.jurisdiction ?? 'england-and-wales', extraHolidays, settings: getSettings(db) };
}

export function toClockEvents(rows: CaseEventRow[]): ClockEvent[] {
  const out: ClockEvent[] = [];
  for (const row of rows) {
    if (!CLOCK_EVENT_TYPE_SET.has(row.type)) continue;
    const event: ClockEvent = { type: row.type, date: row.date };
    if (row.until) event.until = row.until;
    if (row.months === 1 || row.months === 2) event.months = row.months;
    if (row.awaiting === 'clarification' || row.awaiting === 'identity' || row.awaiting === 'fee') {
      event.awaiting = row.awaiting;
    }
    out.push(event);
  }
  return out;
}

const CLOCK_EVENT_TYPE_SET = new Set<string>(CLOCK_EVENT_TYPES);

export function deadlineFor(
  context: ClockContext,
  c: { regime: string; received: string },
  events: ClockEvent[],
  explain = false,
): Deadline {
  return computeDeadline(
    {
      regime: c.regime as Regime,
      received: c.received,
      jurisdiction: context.jurisdiction,
      events,
      extraHolidays: context.extraHolidays,
      receivedOnNonWorkingDayCountsNext: context.settings.receivedOnNonWorkingDayCountsNext,
    },
    { explain },
  );
}

/** How a case's progress is judged: the team's internal target and "due soon" window. */
export function progressOptions(context: ClockContext, _regime: string): ProgressOptions {
  return {
    internalTargetDay: context.settings.internalTargetDay,
    dueSoonDays: context.settings.dueSoonDays,
  };
}

export interface CaseClock {
  deadline: Deadline | null;
  progress: Progress | null;
  /** Why the clock could not be computed (a date outside the supported years), if so. */
  clockProblem: string | null;
}

/**
 * Where one case stands today: its deadline and progress. The queue and the case page both ask
 * here, with the same events, so they can never disagree about a case.
 */
export function assessCase(
  context: ClockContext,
  c: { regime: string; received: string; status: string; responded: string | null },
  events: ClockEvent[],
  today: string,
  explain = false,
): CaseClock {
  try {
    const deadline = deadlineFor(context, c, events, explain);
    const closed = c.status === 'closed';
    const progress = assessProgress(deadline, today, {
      ...progressOptions(context, c.regime),
      responded: closed ? (c.responded ?? today) : null,
    });
    return { deadline, progress, clockProblem: null };
  } catch (error) {
    if (!(error instanceof ClockInputError)) throw error;
    return {
      deadline: null,
      progress: null,
      clockProblem: `The statutory clock cannot be computed for this case: ${error.message}.`,
    };
  }
}

/** The due date to store, or a validation error that names the problem with the dates. */
export function dueOrRefuse(
  context: ClockContext,
  c: { regime: string; received: string },
  events: ClockEvent[],
): string | null {
  try {
    return deadlineFor(context, c, events, false).due;
  } catch (error) {
    if (error instanceof ClockInputError)
      throw new AppError('validation', `The statutory clock cannot use these dates: ${error.message}.`);
    throw error;
  }
}

/** The dates stored on a case: the date due now (extended if so) and the date without any extension. */
export interface StoredDates {
  due: string | null;
  statutoryDue: string | null;
}

/** The dates to store, or a validation error that names the problem with the dates. */
export function datesOrRefuse(
  context: ClockContext,
  c: { regime: string; received: string },
  events: ClockEvent[],
): StoredDates {
  try {
    const d = deadlineFor(context, c, events, false);
    return { due: d.due, statutoryDue: d.statutoryDue };
  } catch (error) {
    if (error instanceof ClockInputError)
      throw new AppError('validation', `The statutory clock cannot use these dates: ${error.message}.`);
    throw error;
  }
}

/**
 * Fills the statutory date of cases stored before it was kept (migration 0008 fills the cases with
 * no extension; these are the extended ones). Run when a file is opened; a no-op afterwards.
 */
export function fillStatutoryDueDates(db: CaseDb): number {
  const rows = listCasesWithoutStatutoryDue(db);
  if (rows.length === 0) return 0;
  const context = loadClockContext(db);
  const eventsByCase = listEventsByCase(db);
  const changes: { id: number; statutoryDue: string | null }[] = [];
  for (const row of rows) {
    try {
      const d = deadlineFor(context, row, toClockEvents(eventsByCase.get(row.id) ?? []));
      changes.push({ id: row.id, statutoryDue: d.statutoryDue ?? row.due });
    } catch (error) {
      if (!(error instanceof ClockInputError)) throw error;
    }
  }
  storeStatutoryDueDates(db, changes);
  return changes.length;
}

/** The due date the queue sorts by: the current due date, or null while the clock is stopped. */
export function dueDateForRecord(
  context: ClockContext,
  c: { regime: string; received: string },
  events: ClockEvent[],
): string | null {
  return deadlineFor(context, c, events).due;
}

/**
 * Recomputes the stored due date of every open case, after a holiday or a clock setting changes.
 * Closed cases keep the date they were answered against. Events are read in one query.
 */
export function recomputeAllDueDates(db: CaseDb): number {
  const context = loadClockContext(db);
  const eventsByCase = listEventsByCase(db);
  const changes: { id: number; due: string | null; statutoryDue: string | null }[] = [];
  for (const row of listOpenCaseDates(db)) {
    const d = deadlineFor(context, row, toClockEvents(eventsByCase.get(row.id) ?? []));
    if (d.due !== row.due || d.statutoryDue !== row.statutoryDue)
      changes.push({ id: row.id, due: d.due, statutoryDue: d.statutoryDue });
  }
  storeDueDates(db, changes);
  return changes.length;
}
