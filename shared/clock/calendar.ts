/**
 * Which days are working days, per regime, as flat lookup tables over day numbers, so counting
 * 20 working days for 100,000 cases is a few million array reads.
 */
import type { Jurisdiction, Regime } from '../case-format';
import type { IsoDate } from '../dates';
import {
  BANK_HOLIDAY_TABLE,
  TABLE_FIRST_YEAR,
  TABLE_LAST_YEAR,
  type BankHolidayEntry,
} from './bank-holidays';
import { dayFromParts, formatDay, parseDay, weekday, weekdayName, type DayNumber } from './days';
import { projectedBankHolidays } from './holiday-rules';
import { ClockInputError, type ExtraHoliday } from './types';

/** Receipt dates the clock accepts; the lookup runs a year further so long SAR extensions fit. */
export const FIRST_SUPPORTED_YEAR = TABLE_FIRST_YEAR;
export const LAST_SUPPORTED_YEAR = 2099;
export const RANGE_START: DayNumber = dayFromParts(FIRST_SUPPORTED_YEAR, 1, 1);
const RANGE_END: DayNumber = dayFromParts(LAST_SUPPORTED_YEAR + 1, 12, 31);

const JURISDICTION_LIST: readonly Jurisdiction[] = ['england-and-wales', 'scotland', 'northern-ireland'];

/** 'uk' is the FOIA/EIR calendar: a bank holiday in any part of the UK is not a working day. */
export type CalendarKey = 'uk' | Jurisdiction;

interface HolidayName {
  jurisdiction: Jurisdiction;
  name: string;
}

export interface BaseCalendar {
  key: CalendarKey;
  /** 1 where the day (indexed from RANGE_START) is a weekend day or a bank holiday. */
  closed: Uint8Array;
  holidays: Map<DayNumber, HolidayName[]>;
}

/** A base calendar plus the user's added days that apply to it, for one computation. */
export interface WorkingCalendar {
  base: BaseCalendar;
  extra: Map<DayNumber, ExtraHoliday> | null;
}

export function isKnownJurisdiction(value: string): value is Jurisdiction {
  return (JURISDICTION_LIST as readonly string[]).includes(value);
}

/**
 * FOISA s73 counts Scottish bank holidays only, for requests and reviews (s21) alike, and the EISR
 * take the same meaning (EISR reg 2(1)); SAR uses the organisation's own; the rest, all UK.
 */
export function calendarKeyFor(regime: Regime, jurisdiction: Jurisdiction): CalendarKey {
  switch (regime) {
    case 'FOIA':
    case 'EIR':
    case 'FOI-IR':
    case 'EIR-RECON':
      return 'uk';
    case 'FOISA':
    case 'FOISA-REVIEW':
    case 'EISR':
      return 'scotland';
    case 'SAR':
      return jurisdiction;
    default:
      throw new ClockInputError(`unknown regime "${String(regime)}"`);
  }
}

/** The bank holidays of one year: the reviewed table inside 2010–2030, the regular pattern outside. */
export function bankHolidaysIn(year: number, jurisdiction: Jurisdiction): BankHolidayEntry[] {
  if (year >= TABLE_FIRST_YEAR && year <= TABLE_LAST_YEAR) {
    const prefix = `${year}-`;
    return BANK_HOLIDAY_TABLE[jurisdiction].filter(([date]) => date.startsWith(prefix));
  }
  return projectedBankHolidays(year, jurisdiction);
}

const baseCalendars = new Map<CalendarKey, BaseCalendar>();

function buildCalendar(key: CalendarKey): BaseCalendar {
  const closed = new Uint8Array(RANGE_END - RANGE_START + 1);
  for (let d = RANGE_START; d <= RANGE_END; d++) {
    const wd = weekday(d);
    if (wd === 0 || wd === 6) closed[d - RANGE_START] = 1;
  }
  const holidays = new Map<DayNumber, HolidayName[]>();
  const jurisdictions = key === 'uk' ? JURISDICTION_LIST : [key];
  const lastYear = LAST_SUPPORTED_YEAR + 1;
  for (const jurisdiction of jurisdictions) {
    for (let year = FIRST_SUPPORTED_YEAR; year <= lastYear; year++) {
      for (const [date, name] of bankHolidaysIn(year, jurisdiction)) {
        const d = parseDay(date);
        if (d === null) throw new Error(`bank holiday table has a bad date: ${date}`);
        closed[d - RANGE_START] = 1;
        const names = holidays.get(d);
        if (names) names.push({ jurisdiction, name });
        else holidays.set(d, [{ jurisdiction, name }]);
      }
    }
  }
  return { key, closed, holidays };
}

export function baseCalendar(key: CalendarKey): BaseCalendar {
  let calendar = baseCalendars.get(key);
  if (!calendar) {
    calendar = buildCalendar(key);
    baseCalendars.set(key, calendar);
  }
  return calendar;
}

function extraApplies(holiday: ExtraHoliday, key: CalendarKey): boolean {
  if (!holiday.jurisdictions || holiday.jurisdictions.length === 0) return true;
  return key === 'uk' || holiday.jurisdictions.includes(key);
}

/**
 * The calendar for one regime and organisation. Unreadable added days are reported through
 * `warn` (if given) and left out, so one bad entry cannot stop the whole queue.
 */
export function workingCalendar(
  regime: Regime,
  jurisdiction: Jurisdiction,
  extraHolidays?: readonly ExtraHoliday[],
  warn?: (message: string) => void,
): WorkingCalendar {
  const key = calendarKeyFor(regime, jurisdiction);
  const base = baseCalendar(key);
  if (!extraHolidays || extraHolidays.length === 0) return { base, extra: null };
  let extra: Map<DayNumber, ExtraHoliday> | null = null;
  for (const holiday of extraHolidays) {
    const d = parseDay(holiday.date);
    if (d === null || d < RANGE_START || d > RANGE_END) {
      warn?.(`The added holiday "${holiday.name}" has an unusable date "${holiday.date}" and is ignored.`);
      continue;
    }
    if (!extraApplies(holiday, key)) continue;
    extra ??= new Map();
    extra.set(d, holiday);
  }
  return { base, extra };
}

function checkRange(d: DayNumber): void {
  if (d < RANGE_START || d > RANGE_END) {
    throw new ClockInputError(
      `${formatDay(d)} is outside the years the clock covers (${FIRST_SUPPORTED_YEAR}–${LAST_SUPPORTED_YEAR})`,
    );
  }
}

export function isWorkingDayNumber(calendar: WorkingCalendar, d: DayNumber): boolean {
  const i = d - RANGE_START;
  if (i < 0 || i >= calendar.base.closed.length) checkRange(d);
  return calendar.base.closed[i] === 0 && (calendar.extra === null || !calendar.extra.has(d));
}

export function nextWorkingDayNumber(calendar: WorkingCalendar, d: DayNumber): DayNumber {
  let n = d + 1;
  while (!isWorkingDayNumber(calendar, n)) n++;
  return n;
}

/** The working day itself, or the next one: a deadline on a non-working day moves forward. */
export function rollForward(calendar: WorkingCalendar, d: DayNumber): DayNumber {
  let n = d;
  while (!isWorkingDayNumber(calendar, n)) n++;
  return n;
}

const JURISDICTION_LABEL: Record<Jurisdiction, string> = {
  'england-and-wales': 'England and Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
};

function placesLabel(places: Jurisdiction[]): string {
  if (places.length >= 3) return 'all of the UK';
  const has = (j: Jurisdiction) => places.includes(j);
  if (places.length === 2 && has('england-and-wales')) {
    return `England, Wales and ${has('scotland') ? 'Scotland' : 'Northern Ireland'}`;
  }
  return places.map((j) => JURISDICTION_LABEL[j]).join(' and ');
}

/**
 * Why a day is not a working day, in words a letter can use ("Saturday", "Bank holiday in
 * Scotland: St Andrew's Day", "Added holiday: State funeral"), or null for a working day.
 */
export function nonWorkingReasonForDay(calendar: WorkingCalendar, d: DayNumber): string | null {
  const wd = weekday(d);
  if (wd === 0 || wd === 6) return weekdayName(d);
  const parts: string[] = [];
  const names = calendar.base.holidays.get(d);
  if (names) {
    const byName = new Map<string, Jurisdiction[]>();
    for (const { jurisdiction, name } of names) {
      const list = byName.get(name);
      if (list) list.push(jurisdiction);
      else byName.set(name, [jurisdiction]);
    }
    for (const [name, places] of byName) parts.push(`Bank holiday in ${placesLabel(places)}: ${name}`);
  }
  const added = calendar.extra?.get(d);
  if (added) {
    const places = added.jurisdictions && added.jurisdictions.length > 0 ? added.jurisdictions : null;
    parts.push(
      places
        ? `Added holiday in ${placesLabel([...new Set(places)])}: ${added.name}`
        : `Added holiday: ${added.name}`,
    );
  }
  return parts.length > 0 ? parts.join('; ') : null;
}

function requireDay(date: IsoDate, what: string): DayNumber {
  const d = parseDay(date);
  if (d === null) throw new ClockInputError(`${what} "${date}" is not a real date in the form YYYY-MM-DD`);
  checkRange(d);
  return d;
}

/** True if `date` counts as a working day for the regime (FOIA s10(6), FOISA s73, or the SAR roll-forward). */
export function isWorkingDay(
  date: IsoDate,
  regime: Regime,
  jurisdiction: Jurisdiction,
  extraHolidays?: readonly ExtraHoliday[],
): boolean {
  return isWorkingDayNumber(workingCalendar(regime, jurisdiction, extraHolidays), requireDay(date, 'date'));
}

/** Why `date` is not a working day for the regime, or null if it is one. */
export function nonWorkingReason(
  date: IsoDate,
  regime: Regime,
  jurisdiction: Jurisdiction,
  extraHolidays?: readonly ExtraHoliday[],
): string | null {
  const calendar = workingCalendar(regime, jurisdiction, extraHolidays);
  const d = requireDay(date, 'date');
  return isWorkingDayNumber(calendar, d) ? null : nonWorkingReasonForDay(calendar, d);
}

/**
 * The `n`th working day after `date` (before it, for negative `n`); `date` itself for 0. The date
 * need not be a working day: that is how the FOIA count starts from a weekend receipt.
 */
export function addWorkingDays(
  date: IsoDate,
  n: number,
  regime: Regime,
  jurisdiction: Jurisdiction,
  extraHolidays?: readonly ExtraHoliday[],
): IsoDate {
  if (!Number.isInteger(n)) throw new ClockInputError(`the number of working days must be a whole number`);
  const calendar = workingCalendar(regime, jurisdiction, extraHolidays);
  let d = requireDay(date, 'date');
  const step = n < 0 ? -1 : 1;
  for (let left = Math.abs(n); left > 0;) {
    d += step;
    if (isWorkingDayNumber(calendar, d)) left--;
  }
  return formatDay(d);
}

/** Working days d with from < d ≤ to (negated when `to` is before `from`). */
export function workingDaysBetweenNumbers(calendar: WorkingCalendar, from: DayNumber, to: DayNumber): number {
  const lo = Math.min(from, to);
  const hi = Math.max(from, to);
  let count = 0;
  for (let d = lo + 1; d <= hi; d++) if (isWorkingDayNumber(calendar, d)) count++;
  return to >= from ? count : -count;
}

/** Working days after `from` up to and including `to`; negative when `to` is earlier. */
export function workingDaysBetween(
  from: IsoDate,
  to: IsoDate,
  regime: Regime,
  jurisdiction: Jurisdiction,
  extraHolidays?: readonly ExtraHoliday[],
): number {
  const calendar = workingCalendar(regime, jurisdiction, extraHolidays);
  return workingDaysBetweenNumbers(calendar, requireDay(from, 'from'), requireDay(to, 'to'));
}

/** An inclusive stretch of days that does not count; `to` is Infinity while it is still running. */
export interface DaySpan {
  from: DayNumber;
  to: DayNumber;
}

export function inPause<T extends DaySpan>(pauses: readonly T[], d: DayNumber): T | null {
  for (const pause of pauses) if (d >= pause.from && d <= pause.to) return pause;
  return null;
}

/** The nth working day after `start`, skipping paused working days: the hot loop of the queue. */
export function nthWorkingDay(
  calendar: WorkingCalendar,
  start: DayNumber,
  n: number,
  pauses: readonly DaySpan[],
): DayNumber {
  const closed = calendar.base.closed;
  const extra = calendar.extra;
  const last = RANGE_START + closed.length - 1;
  let d = start;
  let count = 0;
  while (count < n) {
    d++;
    if (d > last) isWorkingDayNumber(calendar, d); // throws the plain out-of-range error
    if (closed[d - RANGE_START] !== 0) continue;
    if (extra !== null && extra.has(d)) continue;
    if (pauses.length !== 0 && inPause(pauses, d) !== null) continue;
    count++;
  }
  return d;
}
