/**
 * Calendar arithmetic on integer day numbers (days since 1970-01-01, UTC-free), so the hot loops
 * never build a Date and no time zone or daylight-saving change can move a deadline.
 */
import type { IsoDate } from '../dates';

/** A date as whole days since 1970-01-01 (a Thursday). */
export type DayNumber = number;

// Howard Hinnant's days_from_civil: exact for the proleptic Gregorian calendar.
export function dayFromParts(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

export function partsFromDay(n: DayNumber): DateParts {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function monthLength(year: number, month: number): number {
  return month === 2
    ? isLeap(year)
      ? 29
      : 28
    : month === 4 || month === 6 || month === 9 || month === 11
      ? 30
      : 31;
}

/**
 * Parses YYYY-MM-DD into a day number, or null if the text is not a real calendar date. Written
 * with charCodeAt rather than a regular expression because the queue parses one per case.
 */
export function parseDay(iso: string): DayNumber | null {
  if (iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return null;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const c = iso.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return null;
    year = year * 10 + c;
  }
  const m1 = iso.charCodeAt(5) - 48;
  const m2 = iso.charCodeAt(6) - 48;
  const d1 = iso.charCodeAt(8) - 48;
  const d2 = iso.charCodeAt(9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return null;
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  if (month < 1 || month > 12 || day < 1 || day > monthLength(year, month)) return null;
  return dayFromParts(year, month, day);
}

export function formatDay(n: DayNumber): IsoDate {
  const { year, month, day } = partsFromDay(n);
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** 0 = Sunday … 6 = Saturday, as Date#getUTCDay counts. */
export function weekday(n: DayNumber): number {
  return (((n + 4) % 7) + 7) % 7;
}

export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function weekdayName(n: DayNumber): string {
  return WEEKDAY_NAMES[weekday(n)] ?? '';
}

export function yearOf(n: DayNumber): number {
  return partsFromDay(n).year;
}

/**
 * The same date `months` later, or the last day of that month when the date does not exist there
 * (31 January + 1 month = 28 or 29 February): the ICO's reading of "one month" for subject access.
 */
export function addMonthsClamped(n: DayNumber, months: number): DayNumber {
  const { year, month, day } = partsFromDay(n);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return dayFromParts(y, m, Math.min(day, monthLength(y, m)));
}
