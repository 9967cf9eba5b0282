/**
 * The statutory clock: a case's due date and every date derived from it, with its working.
 * Regimes and time limits: FOIA s10 and s1(3), s9/s10(2), s10(3); EIR regs 5, 7, 9(4), 11;
 * FOISA s10 and s73; UK GDPR Art 12(3) as the ICO reads it; the s45 Code for internal reviews;
 * FOISA s21(1) for reviews in Scotland; EISR regs 5(2)(a), 7 and 9(4).
 */
import type { Jurisdiction, Regime } from '../case-format';
import { MONTHS, type IsoDate } from '../dates';
import { TABLE_LAST_YEAR } from './bank-holidays';
import {
  FIRST_SUPPORTED_YEAR,
  LAST_SUPPORTED_YEAR,
  calendarKeyFor,
  inPause,
  isKnownJurisdiction,
  isWorkingDayNumber,
  nextWorkingDayNumber,
  nonWorkingReasonForDay,
  nthWorkingDay,
  rollForward,
  workingCalendar,
  workingDaysBetweenNumbers,
  type DaySpan,
  type WorkingCalendar,
} from './calendar';
import {
  addMonthsClamped,
  dayFromParts,
  formatDay,
  parseDay,
  partsFromDay,
  weekdayName,
  yearOf,
  type DayNumber,
} from './days';
import {
  ClockInputError,
  type ClockEvent,
  type ClockEventType,
  type ClockInput,
  type ClockOptions,
  type CountedDay,
  type Deadline,
  type ExtensionKind,
  type SkippedDay,
} from './types';

/** Working days the ICO accepts for an extended FOIA, EIR reg 7 or internal review deadline. */
export const EXTENDED_WORKING_DAYS = 40;

const STATUTE: Record<Regime, string> = {
  FOIA: 'FOIA s10',
  EIR: 'EIR reg 5',
  FOISA: 'FOISA s10',
  SAR: 'UK GDPR Art 12(3)',
  'FOI-IR': 's45 Code of Practice',
  'EIR-RECON': 'EIR reg 11',
  'FOISA-REVIEW': 'FOISA s21(1)',
  EISR: 'EISR reg 5(2)(a)',
};

const CLARIFICATION_STATUTE: Partial<Record<Regime, string>> = {
  FOIA: 'FOIA s1(3)',
  EIR: 'EIR reg 9(4)',
  FOISA: 'FOISA s1(3)',
  EISR: 'EISR reg 9(4)',
};

/** The regulation 7 extension (40 working days), under the EIR or the Scottish EIR. */
function reg7(regime: Regime): string {
  return regime === 'EISR' ? 'EISR reg 7(1)' : 'EIR reg 7';
}

const EVENT_LABEL: Record<ClockEventType, string> = {
  'clarification-requested': 'request for clarification',
  'clarification-received': 'clarification received',
  'fees-notice-issued': 'fees notice',
  'fee-paid': 'fee payment',
  'pi-extension': 'public interest extension',
  'eir-extension': 'regulation 7 extension',
  'ir-extension': 'internal review extension',
  'sar-extension': 'subject access extension',
  'sar-clock-stopped': 'clock stop',
  'sar-clock-restarted': 'clock restart',
};

type StopKind = 'clarification' | 'fee' | 'identity';

const AWAITING: Record<StopKind, string> = {
  clarification: 'awaiting clarification',
  fee: 'awaiting fee',
  identity: 'awaiting identity',
};

interface Pause extends DaySpan {
  reason: string;
}

interface Stop {
  since: DayNumber;
  kind: StopKind;
}

interface ExtensionRequest {
  kind: ExtensionKind;
  notice: DayNumber;
  until: DayNumber | null;
  months: number;
}

/** Everything one computation works out, in day numbers, before it is turned into a Deadline. */
interface Run {
  regime: Regime;
  jurisdiction: Jurisdiction;
  explain: boolean;
  calendar: WorkingCalendar;
  receivedDay: DayNumber;
  /** The real day the count starts from (receipt, clarification, identity evidence, fee). */
  startActual: DayNumber;
  /** startActual, or the next working day under receivedOnNonWorkingDayCountsNext. */
  start: DayNumber;
  startKind: 'receipt' | StopKind;
  countsNext: boolean;
  pauses: Pause[];
  stop: Stop | null;
  extension: ExtensionRequest | null;
  warnings: string[];
  notes: string[];
}

interface Dates {
  statutoryDue: DayNumber | null;
  extendedTo: DayNumber | null;
  extension: ExtensionKind | null;
  latestLawful: DayNumber | null;
  due: DayNumber | null;
  /** SAR only: the date the month (or months) end before rolling to a working day. */
  unrolledDue: DayNumber | null;
}

/** "Monday 3 February 2025", as the letters write dates. */
function long(d: DayNumber): string {
  const { year, month, day } = partsFromDay(d);
  return `${weekdayName(d)} ${day} ${MONTHS[month - 1] ?? ''} ${year}`;
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function baseWorkingDays(regime: Regime): number {
  return regime === 'EIR-RECON' ? EXTENDED_WORKING_DAYS : 20;
}

function pausedCalendarDays(pauses: readonly Pause[]): number {
  let days = 0;
  for (const pause of pauses) days += pause.to - pause.from + 1;
  return days;
}

function pausedWorkingDays(run: Run, upTo: DayNumber): number {
  let days = 0;
  for (const pause of run.pauses) {
    for (let d = pause.from; d <= Math.min(pause.to, upTo); d++)
      if (isWorkingDayNumber(run.calendar, d)) days++;
  }
  return days;
}

function requireDate(value: unknown, what: string): DayNumber {
  const d = typeof value === 'string' ? parseDay(value) : null;
  if (d === null)
    throw new ClockInputError(`${what} "${String(value)}" is not a real date in the form YYYY-MM-DD`);
  const year = yearOf(d);
  if (year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) {
    throw new ClockInputError(
      `${what} ${String(value)} is outside the years the clock covers (${FIRST_SUPPORTED_YEAR}–${LAST_SUPPORTED_YEAR})`,
    );
  }
  return d;
}

interface DatedEvent {
  event: ClockEvent;
  day: DayNumber;
}

/** Events in date order (ties in the order given); unreadable ones become warnings. */
function datedEvents(run: Run, events: readonly ClockEvent[] | undefined): DatedEvent[] {
  if (!events || events.length === 0) return [];
  const out: DatedEvent[] = [];
  for (const event of events) {
    // Event types come from stored case data: an unknown one is reported, never trusted.
    if (!Object.hasOwn(EVENT_LABEL, event.type)) {
      run.warnings.push(`Unknown clock event "${String(event.type)}" ignored.`);
      continue;
    }
    const label = EVENT_LABEL[event.type];
    const day = parseDay(event.date);
    if (day === null || day > dayFromParts(LAST_SUPPORTED_YEAR, 12, 31)) {
      run.warnings.push(`The ${label} has an unusable date "${event.date}" and is ignored.`);
      continue;
    }
    if (day < run.receivedDay) {
      run.warnings.push(`The ${label} on ${long(day)} is before the date of receipt and is ignored.`);
      continue;
    }
    out.push({ event, day });
  }
  // Array#sort is stable, so same-day events keep their recorded order.
  return out.sort((a, b) => a.day - b.day);
}

/** Notes are built only when the working is wanted: the queue computes without them. */
function note(run: Run, text: () => string): void {
  if (run.explain) run.notes.push(text());
}

function notApplicable(run: Run, event: ClockEvent, day: DayNumber): void {
  const label = EVENT_LABEL[event.type];
  const why =
    run.regime === 'FOISA-REVIEW'
      ? 'a FOISA review has no clock stop or extension: s21(1) gives 20 working days from receipt of the requirement for review'
      : event.type === 'pi-extension' && run.regime === 'FOISA'
        ? 'FOISA has no public interest extension'
        : event.type === 'pi-extension' && (run.regime === 'EIR' || run.regime === 'EISR')
          ? `the ${run.regime === 'EISR' ? 'EISR have' : 'EIR have'} no public interest extension (regulation 7 allows 40 working days for complex and voluminous requests)`
          : `it does not apply to ${run.regime}`;
  run.warnings.push(`The ${label} on ${long(day)} is ignored: ${why}.`);
}

// ---------------------------------------------------------------------------------------------
// Working-day regimes: FOIA, EIR, FOISA, FOI-IR, EIR-RECON, FOISA-REVIEW, EISR

function deemedReceipt(run: Run, d: DayNumber): DayNumber {
  return run.countsNext && !isWorkingDayNumber(run.calendar, d) ? nextWorkingDayNumber(run.calendar, d) : d;
}

function currentWorkingDue(run: Run): DayNumber | null {
  return run.stop ? null : nthWorkingDay(run.calendar, run.start, baseWorkingDays(run.regime), run.pauses);
}

function applyWorkingDayEvent(run: Run, { event, day }: DatedEvent): void {
  const limit = baseWorkingDays(run.regime);
  // s21 gives a review no clarification stop, no fees and no extension: nothing moves its date.
  if (run.regime === 'FOISA-REVIEW') {
    notApplicable(run, event, day);
    return;
  }
  switch (event.type) {
    case 'clarification-requested': {
      if (run.stop) {
        run.warnings.push(
          `Clarification asked on ${long(day)} while the clock was already stopped; ignored.`,
        );
        return;
      }
      const due = currentWorkingDue(run);
      if (due !== null && day > due) {
        run.warnings.push(
          `Clarification was asked on ${long(day)}, after the due date ${long(due)}: it should be sought within the time for compliance.`,
        );
      }
      run.stop = { since: day, kind: 'clarification' };
      note(run, () => `Clarification asked on ${long(day)}: the clock stops until it arrives.`);
      return;
    }
    case 'clarification-received': {
      if (run.stop?.kind !== 'clarification') {
        run.warnings.push(
          `Clarification received on ${long(day)} with no request for clarification before it; ignored.`,
        );
        return;
      }
      run.startActual = day;
      run.start = deemedReceipt(run, day);
      run.startKind = 'clarification';
      run.pauses = [];
      run.stop = null;
      const statute = CLARIFICATION_STATUTE[run.regime];
      note(
        run,
        () =>
          `Clarification received on ${long(day)}: a fresh ${limit} working days run from it${statute ? ` (${statute})` : ''}.`,
      );
      if (run.start !== day) {
        note(
          run,
          () => `It arrived on a non-working day and is treated as received on ${long(run.start)} (setting).`,
        );
      }
      return;
    }
    case 'fees-notice-issued': {
      if (run.stop) {
        run.warnings.push(`Fees notice on ${long(day)} while the clock was already stopped; ignored.`);
        return;
      }
      const due = currentWorkingDue(run);
      if (due !== null && day > due) {
        // s9(1): a fees notice may only be given within the period for complying; a late one
        // cannot stop a clock that has already run out.
        run.warnings.push(
          `Fees notice given on ${long(day)}, after the due date ${long(due)}: a fees notice must be given within the time for compliance, so it does not stop the clock.`,
        );
        return;
      }
      run.stop = { since: day, kind: 'fee' };
      run.pauses.push({ from: day, to: Infinity, reason: 'Clock stopped: awaiting fee' });
      note(
        run,
        () =>
          `Fees notice given on ${long(day)}: working days from the notice until the fee arrives are disregarded.`,
      );
      return;
    }
    case 'fee-paid': {
      const pause = run.pauses[run.pauses.length - 1];
      if (run.stop?.kind !== 'fee' || !pause) {
        run.warnings.push(`Fee paid on ${long(day)} with no fees notice awaiting payment; ignored.`);
        return;
      }
      pause.to = day;
      // Three months beginning with the day of the notice end the day before the same date.
      if ((run.regime === 'FOIA' || run.regime === 'FOISA') && day >= addMonthsClamped(run.stop.since, 3)) {
        run.warnings.push(
          `The fee was paid on ${long(day)}, outside the three months that began with the fees notice: the authority need not comply (${run.regime === 'FOIA' ? 'FOIA s9(2)' : 'FOISA s9'}).`,
        );
      }
      if (run.regime === 'EISR' && workingDaysBetweenNumbers(run.calendar, run.stop.since, day) > 60) {
        run.warnings.push(
          `The fee was paid on ${long(day)}, more than 60 working days after the fees notice: the authority need not make the information available (EISR reg 8).`,
        );
      }
      run.stop = null;
      note(run, () => `Fee paid on ${long(day)}: the clock runs again from the next working day.`);
      return;
    }
    case 'pi-extension':
    case 'eir-extension':
    case 'ir-extension': {
      const kind: ExtensionKind | null =
        event.type === 'pi-extension' && run.regime === 'FOIA'
          ? 'public-interest'
          : event.type === 'eir-extension' && (run.regime === 'EIR' || run.regime === 'EISR')
            ? 'eir-reg-7'
            : event.type === 'ir-extension' && run.regime === 'FOI-IR'
              ? 'internal-review'
              : null;
      if (!kind) {
        notApplicable(run, event, day);
        return;
      }
      let until: DayNumber | null = null;
      if (event.until !== undefined) {
        until = parseDay(event.until);
        if (until === null || until > dayFromParts(LAST_SUPPORTED_YEAR, 12, 31)) {
          run.warnings.push(`The estimated date "${event.until}" is not a usable date and is ignored.`);
          until = null;
        }
      }
      run.extension = { kind, notice: day, until, months: 0 };
      return;
    }
    default:
      notApplicable(run, event, day);
  }
}

/** `dueOnly` skips the 40-day count when nothing needs it: the queue's fast path. */
function workingDayDates(run: Run, dueOnly: boolean): Dates {
  const limit = baseWorkingDays(run.regime);
  const none: Dates = {
    statutoryDue: null,
    extendedTo: null,
    extension: null,
    latestLawful: null,
    due: null,
    unrolledDue: null,
  };
  if (run.stop) return none;
  const statutoryDue = nthWorkingDay(run.calendar, run.start, limit, run.pauses);
  const request = run.extension;
  if (dueOnly && !request) return { ...none, statutoryDue, due: statutoryDue };
  // FOISA (requests and reviews) has no extension at all; the others may reach 40 working days at most.
  const latestLawful =
    !hasExtension(run.regime) || limit >= EXTENDED_WORKING_DAYS
      ? statutoryDue
      : nthWorkingDay(run.calendar, run.start, EXTENDED_WORKING_DAYS, run.pauses);
  let extendedTo: DayNumber | null = null;
  let extension: ExtensionKind | null = null;
  if (request && request.notice > statutoryDue) {
    run.warnings.push(
      `The ${EXTENSION_LABEL[request.kind]} notice on ${long(request.notice)} came after the statutory date ${long(statutoryDue)}: a notice after the deadline cannot extend it.`,
    );
  } else if (request?.kind === 'public-interest') {
    if (request.until === null) {
      extendedTo = latestLawful;
      extension = request.kind;
      run.warnings.push(
        `The public interest extension has no estimated date: ${long(latestLawful)} (20 extra working days, the most the ICO expects) is assumed.`,
      );
    } else if (request.until <= statutoryDue) {
      run.warnings.push(
        `The estimated date ${long(request.until)} is not after the statutory date ${long(statutoryDue)}; the extension is ignored.`,
      );
    } else {
      extendedTo = request.until;
      extension = request.kind;
      if (request.until > latestLawful) {
        run.warnings.push(
          `The estimated date ${long(request.until)} is more than 20 working days after the statutory date ${long(statutoryDue)}: the ICO expects no more than 20 extra working days (${long(latestLawful)}).`,
        );
      }
    }
  } else if (request) {
    extendedTo = latestLawful;
    extension = request.kind;
  }
  if (extension)
    note(
      run,
      () => `${extensionNote(extension, run.regime)} (notice sent ${long(request?.notice ?? statutoryDue)}).`,
    );
  return {
    statutoryDue,
    extendedTo,
    extension,
    latestLawful,
    due: extendedTo ?? statutoryDue,
    unrolledDue: null,
  };
}

const EXTENSION_LABEL: Record<ExtensionKind, string> = {
  'public-interest': 'public interest extension',
  'eir-reg-7': 'regulation 7 extension',
  'internal-review': 'internal review extension',
  sar: 'extension',
};

function extensionNote(kind: ExtensionKind, regime: Regime): string {
  switch (kind) {
    case 'public-interest':
      return 'Public interest extension to the estimated date (FOIA s10(3))';
    case 'eir-reg-7':
      return `Extended to 40 working days for a complex and voluminous request (${reg7(regime)})`;
    case 'internal-review':
      return 'Internal review extended to 40 working days (s45 Code of Practice)';
    case 'sar':
      return 'Extended by further months for a complex request or several requests (UK GDPR Art 12(3))';
  }
}

function explainWorkingDays(run: Run, end: DayNumber, counted: CountedDay[], skipped: SkippedDay[]): void {
  for (let d = run.startActual + 1; d <= run.start; d++) {
    skipped.push({
      date: formatDay(d),
      reason:
        d < run.start
          ? (nonWorkingReasonForDay(run.calendar, d) ?? 'Not a working day')
          : `Treated as the date of receipt (${run.startKind === 'clarification' ? 'the clarification' : 'the request'} arrived on a non-working day)`,
    });
  }
  let n = 0;
  for (let d = run.start + 1; d <= end; d++) {
    if (!isWorkingDayNumber(run.calendar, d)) {
      skipped.push({
        date: formatDay(d),
        reason: nonWorkingReasonForDay(run.calendar, d) ?? 'Not a working day',
      });
      continue;
    }
    const pause = run.pauses.length > 0 ? inPause(run.pauses, d) : null;
    if (pause) skipped.push({ date: formatDay(d), reason: pause.reason });
    else counted.push({ day: ++n, date: formatDay(d) });
  }
}

function workingDaySummary(run: Run, dates: Dates): string {
  const limit = baseWorkingDays(run.regime);
  if (run.stop) {
    const since = long(run.stop.since);
    if (run.stop.kind === 'clarification') {
      const statute = CLARIFICATION_STATUTE[run.regime];
      return `Clock stopped since ${since}, awaiting clarification: no due date until it arrives, then a fresh ${limit} working days run${statute ? ` (${statute})` : ''}.`;
    }
    return `Clock stopped since ${since}, awaiting the fee: no due date until it is paid; working days until then do not count.`;
  }
  const due = dates.due ?? run.start;
  const statutoryDue = dates.statutoryDue ?? due;
  const from = `${run.startKind === 'clarification' ? 'the clarification received on' : 'receipt on'} ${long(run.startActual)}`;
  const deemed = run.start !== run.startActual ? `, treated as received on ${long(run.start)}` : '';
  const paused = pausedWorkingDays(run, statutoryDue);
  const pausedText = paused > 0 ? `, not counting ${plural(paused, 'working day')} awaiting the fee` : '';
  const basis = `the ${ordinal(limit)} working day after ${from}${deemed}${pausedText}`;
  if (dates.extension && dates.extendedTo !== null) {
    const how =
      dates.extension === 'public-interest'
        ? 'after a public interest extension (FOIA s10(3))'
        : dates.extension === 'eir-reg-7'
          ? `extended to 40 working days (${reg7(run.regime)})`
          : 'extended to 40 working days (s45 Code of Practice)';
    return `Due ${long(due)}, ${how}; the statutory date was ${long(statutoryDue)}, ${basis} (${STATUTE[run.regime]}).`;
  }
  return `Due ${long(due)}: ${basis} (${STATUTE[run.regime]}).`;
}

// ---------------------------------------------------------------------------------------------
// Subject access: calendar months, rolled forward to a working day of the organisation's own part
// of the UK.

function sarAwaiting(run: Run, event: ClockEvent): StopKind {
  const awaiting: unknown = event.awaiting ?? 'clarification';
  if (awaiting === 'clarification' || awaiting === 'identity' || awaiting === 'fee') return awaiting;
  run.warnings.push(`A clock stop awaiting "${String(awaiting)}" is treated as awaiting clarification.`);
  return 'clarification';
}

function sarDueFor(run: Run, months: number): { unrolled: DayNumber; due: DayNumber } {
  const unrolled = addMonthsClamped(run.start, months) + pausedCalendarDays(run.pauses);
  return { unrolled, due: rollForward(run.calendar, unrolled) };
}

function applySarEvent(run: Run, { event, day }: DatedEvent): void {
  switch (event.type) {
    case 'clarification-requested':
    case 'sar-clock-stopped':
    case 'fees-notice-issued': {
      const kind: StopKind =
        event.type === 'fees-notice-issued'
          ? 'fee'
          : event.type === 'clarification-requested'
            ? 'clarification'
            : sarAwaiting(run, event);
      if (run.stop) {
        run.warnings.push(
          `The ${EVENT_LABEL[event.type]} on ${long(day)} came while the clock was already stopped; ignored.`,
        );
        return;
      }
      const current = sarDueFor(run, 1 + (run.extension?.months ?? 0)).due;
      if (day > current) {
        run.warnings.push(
          `The clock was stopped on ${long(day)}, after the due date ${long(current)}: a deadline that has passed cannot be paused.`,
        );
        return;
      }
      run.stop = { since: day, kind };
      run.pauses.push({ from: day, to: Infinity, reason: `Clock stopped: ${AWAITING[kind]}` });
      note(run, () =>
        kind === 'clarification'
          ? `Clarification asked on ${long(day)}: the days from the request until it arrives do not count.`
          : `${kind === 'fee' ? 'Fee' : 'Identity evidence'} asked for on ${long(day)}: the month runs from the day it arrives.`,
      );
      return;
    }
    case 'clarification-received':
    case 'sar-clock-restarted':
    case 'fee-paid': {
      const pause = run.pauses[run.pauses.length - 1];
      if (!run.stop || !pause) {
        run.warnings.push(
          `The ${EVENT_LABEL[event.type]} on ${long(day)} has no clock stop before it; ignored.`,
        );
        return;
      }
      if (run.stop.kind === 'clarification') {
        pause.to = day;
        note(
          run,
          () => `Clarification received on ${long(day)}: ${plural(day - pause.from + 1, 'day')} added back.`,
        );
      } else {
        // The "relevant time" is the latest of the request, the identity evidence and the fee.
        run.startActual = day;
        run.start = day;
        const kind = run.stop.kind;
        run.startKind = kind;
        run.pauses = [];
        note(
          run,
          () =>
            `${kind === 'fee' ? 'Fee paid' : 'Identity evidence received'} on ${long(day)}: the month runs from this day.`,
        );
      }
      run.stop = null;
      return;
    }
    case 'sar-extension': {
      let months: number = event.months ?? 2;
      if (months !== 1 && months !== 2) {
        run.warnings.push(
          `A subject access extension is one or two further months; ${String(months)} is read as two.`,
        );
        months = 2;
      }
      run.extension = { kind: 'sar', notice: day, until: null, months };
      return;
    }
    default:
      notApplicable(run, event, day);
  }
}

function sarDates(run: Run): Dates {
  if (run.stop) {
    return {
      statutoryDue: null,
      extendedTo: null,
      extension: null,
      latestLawful: null,
      due: null,
      unrolledDue: null,
    };
  }
  const first = sarDueFor(run, 1);
  const latest = sarDueFor(run, 3);
  let extendedTo: DayNumber | null = null;
  let unrolledDue = first.unrolled;
  const request = run.extension;
  if (request && request.notice > first.due) {
    run.warnings.push(
      `The extension notice on ${long(request.notice)} came after the one-month date ${long(first.due)}: the requester must be told within the first month.`,
    );
  } else if (request) {
    const extended = sarDueFor(run, 1 + request.months);
    extendedTo = extended.due;
    unrolledDue = extended.unrolled;
    note(
      run,
      () =>
        `Extended by ${plural(request.months, 'further month')} (notice sent ${long(request.notice)}), counted from the original start date.`,
    );
  }
  return {
    statutoryDue: first.due,
    extendedTo,
    extension: extendedTo !== null ? 'sar' : null,
    latestLawful: latest.due,
    due: extendedTo ?? first.due,
    unrolledDue,
  };
}

function explainSar(
  run: Run,
  dates: Dates,
  end: DayNumber,
  counted: CountedDay[],
  skipped: SkippedDay[],
): void {
  let n = 0;
  for (let d = run.start; d <= end; d++) {
    const pause = run.pauses.length > 0 ? inPause(run.pauses, d) : null;
    if (pause) {
      skipped.push({ date: formatDay(d), reason: pause.reason });
    } else if (dates.unrolledDue !== null && dates.due !== null && d >= dates.unrolledDue && d < dates.due) {
      const why = nonWorkingReasonForDay(run.calendar, d) ?? 'Not a working day';
      skipped.push({ date: formatDay(d), reason: `${why} (the deadline moves to the next working day)` });
    } else {
      counted.push({ day: ++n, date: formatDay(d) });
    }
  }
}

const MONTH_WORDS = ['', 'one month', 'two months', 'three months'];

function sarSummary(run: Run, dates: Dates): string {
  if (run.stop) {
    const since = long(run.stop.since);
    if (run.stop.kind === 'clarification') {
      return `Clock stopped since ${since}, awaiting clarification: no due date until it arrives; the days stopped are then added back.`;
    }
    return `Clock stopped since ${since}, ${run.stop.kind === 'fee' ? 'awaiting the fee' : 'awaiting identity evidence'}: no due date until it arrives; the month then runs from that day.`;
  }
  const due = dates.due ?? run.start;
  const months = dates.extension === 'sar' ? 1 + (run.extension?.months ?? 2) : 1;
  const from =
    run.startKind === 'fee'
      ? 'the day the fee was paid'
      : run.startKind === 'identity'
        ? 'the day identity evidence arrived'
        : 'receipt';
  let text = `Due ${long(due)}: ${MONTH_WORDS[months] ?? `${months} months`} from ${from} on ${long(run.start)}`;
  if (dates.extension === 'sar') text += `, after a ${months === 2 ? 'one' : 'two'}-month extension`;
  const paused = pausedCalendarDays(run.pauses);
  if (paused > 0) text += `, plus ${plural(paused, 'day')} while the clock was stopped`;
  if (dates.unrolledDue !== null && dates.unrolledDue !== due) {
    text += `; ${long(dates.unrolledDue)} is not a working day, so the deadline moves to the next one`;
  }
  return `${text} (${STATUTE.SAR}).`;
}

// ---------------------------------------------------------------------------------------------

function startRun(input: ClockInput, explain: boolean): Run {
  const { regime, jurisdiction } = input;
  if (!isKnownJurisdiction(jurisdiction))
    throw new ClockInputError(`unknown jurisdiction "${String(jurisdiction)}"`);
  calendarKeyFor(regime, jurisdiction); // rejects an unknown regime before any other work
  const receivedDay = requireDate(input.received, 'the date of receipt');
  const warnings: string[] = [];
  const calendar = workingCalendar(regime, jurisdiction, input.extraHolidays, (m) => warnings.push(m));
  const run: Run = {
    regime,
    jurisdiction,
    explain,
    calendar,
    receivedDay,
    startActual: receivedDay,
    start: receivedDay,
    startKind: 'receipt',
    countsNext: regime !== 'SAR' && input.receivedOnNonWorkingDayCountsNext === true,
    pauses: [],
    stop: null,
    extension: null,
    warnings,
    notes: [],
  };
  run.start = deemedReceipt(run, receivedDay);
  if ((regime === 'FOISA' || regime === 'FOISA-REVIEW' || regime === 'EISR') && jurisdiction !== 'scotland') {
    warnings.push(
      `${regime === 'EISR' ? 'The EISR apply' : 'FOISA applies'} to Scottish public authorities, but the organisation is not set to Scotland.`,
    );
  }
  return run;
}

function compute(input: ClockInput, explain: boolean, dueOnly = false): { run: Run; dates: Dates } {
  const run = startRun(input, explain);
  const sar = run.regime === 'SAR';
  if (sar) {
    note(
      run,
      () =>
        `Received ${long(run.receivedDay)}; that day is day 1 and the month ends on the same date next month (${STATUTE.SAR}).`,
    );
  } else {
    note(
      run,
      () =>
        `Received ${long(run.receivedDay)}; day 1 is the first working day after the date of receipt (${STATUTE[run.regime]}).`,
    );
    if (run.start !== run.receivedDay) {
      note(
        run,
        () => `It arrived on a non-working day and is treated as received on ${long(run.start)} (setting).`,
      );
    }
  }
  for (const dated of datedEvents(run, input.events)) {
    if (sar) applySarEvent(run, dated);
    else applyWorkingDayEvent(run, dated);
  }
  const dates = sar ? sarDates(run) : workingDayDates(run, dueOnly);
  const furthest = Math.max(dates.latestLawful ?? 0, dates.due ?? 0, run.stop?.since ?? 0);
  if (yearOf(furthest) > TABLE_LAST_YEAR) {
    run.warnings.push(
      `Bank holidays after ${TABLE_LAST_YEAR} are projected from the usual pattern and may miss one-off days: check gov.uk and add any as extra holidays.`,
    );
  }
  return { run, dates };
}

function limitText(regime: Regime): string {
  return regime === 'SAR' ? 'one calendar month' : `${baseWorkingDays(regime)} working days`;
}

function orNull(d: DayNumber | null): IsoDate | null {
  return d === null ? null : formatDay(d);
}

/**
 * Computes a case's statutory due date and everything derived from it. Throws ClockInputError for
 * input it cannot compute from (unknown regime or jurisdiction, impossible date of receipt);
 * problems with individual events or added holidays become warnings instead.
 */
export function computeDeadline(input: ClockInput, options: ClockOptions = {}): Deadline {
  const explain = options.explain !== false;
  const { run, dates } = compute(input, explain);
  const sar = run.regime === 'SAR';
  const counted: CountedDay[] = [];
  const skipped: SkippedDay[] = [];
  if (explain) {
    const end = dates.due ?? run.stop?.since ?? run.start;
    if (sar) explainSar(run, dates, end, counted, skipped);
    else explainWorkingDays(run, end, counted, skipped);
  }
  return {
    regime: run.regime,
    jurisdiction: run.jurisdiction,
    received: formatDay(run.receivedDay),
    clockStart: formatDay(run.start),
    limit: limitText(run.regime),
    due: orNull(dates.due),
    statutoryDue: orNull(dates.statutoryDue),
    extendedTo: orNull(dates.extendedTo),
    extension: dates.extension,
    latestLawful: orNull(dates.latestLawful),
    stopped: run.stop !== null,
    stoppedSince: run.stop ? formatDay(run.stop.since) : null,
    stoppedReason: run.stop ? AWAITING[run.stop.kind] : null,
    pauses: run.pauses.map((p) => ({
      from: formatDay(p.from),
      to: p.to === Infinity ? null : formatDay(p.to),
      reason: p.reason,
    })),
    extraHolidays: input.extraHolidays ? [...input.extraHolidays] : [],
    counted,
    skipped,
    notes: run.notes,
    warnings: run.warnings,
    summary: sar ? sarSummary(run, dates) : workingDaySummary(run, dates),
  };
}

/** Just the current due date (null while stopped): the fast path for sorting a large queue. */
export function computeDueDate(input: ClockInput): IsoDate | null {
  return orNull(compute(input, false, true).dates.due);
}

/** The latest lawful date with the regime's longest extension (see Deadline.latestLawful). */
export function latestLawfulDate(input: ClockInput): IsoDate | null {
  return orNull(compute(input, false).dates.latestLawful);
}

/**
 * The input with the regime's longest extension applied from the date of receipt, so its working
 * shows how the latest lawful date is reached. FOISA, FOISA-REVIEW and EIR-RECON have no extension:
 * unchanged.
 */
export function withLongestExtension(input: ClockInput): ClockInput {
  const events = [...(input.events ?? [])];
  const date = input.received;
  switch (input.regime) {
    case 'FOIA': {
      const latest = latestLawfulDate(input);
      if (latest !== null) events.push({ type: 'pi-extension', date, until: latest });
      break;
    }
    case 'EIR':
    case 'EISR':
      events.push({ type: 'eir-extension', date });
      break;
    case 'FOI-IR':
      events.push({ type: 'ir-extension', date });
      break;
    case 'SAR':
      events.push({ type: 'sar-extension', date, months: 2 });
      break;
    default:
      return input;
  }
  return { ...input, events };
}

/** True if the regime has a lawful extension at all (FOISA, FOISA reviews and EIR-RECON do not). */
export function hasExtension(regime: Regime): boolean {
  return regime !== 'FOISA' && regime !== 'FOISA-REVIEW' && regime !== 'EIR-RECON';
}
