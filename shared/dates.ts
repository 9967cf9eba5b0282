/** ISO calendar dates (YYYY-MM-DD) as plain strings: no time zone can shift them. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True only for a date that exists on the calendar: 2021-02-30 and 2023-02-29 are refused. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month, month 1–12. */
export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** 2026-11-21 → 21/11/2026, the way UK officers read dates. */
export function formatUkDate(iso: IsoDate): string {
  const m = ISO_DATE.exec(iso);
  if (!m) return iso;
  return `${m[3]}/${m[2]}/${m[1]}`;
}

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** 2021-11-11 → 11 November 2021, for letters. */
export function formatLongDate(iso: IsoDate): string {
  const m = ISO_DATE.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

/** Today's date in the local calendar of the machine, as ISO. */
export function todayIso(now: Date = new Date()): IsoDate {
  const y = now.getFullYear();
  const mo = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${mo}-${d}`;
}

const UK_DATE = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})\s*$/;
const ISO = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/;

/** What an officer types ("11/11/2021", "1/2/22", "2021-11-11") as ISO, or null. */
export function parseUkDate(text: string): string | null {
  let y: number;
  let m: number;
  let d: number;
  const uk = UK_DATE.exec(text);
  const iso = ISO.exec(text);
  if (uk) {
    d = Number(uk[1]);
    m = Number(uk[2]);
    y = Number(uk[3]);
    if (uk[3]!.length === 2) y += 2000;
  } else if (iso) {
    y = Number(iso[1]);
    m = Number(iso[2]);
    d = Number(iso[3]);
  } else {
    return null;
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Excel's day 0 in the 1900 date system is 1899-12-31, and it counts a 29 February 1900 that never was. */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const MONTH_WORDS: Record<string, number> = {};
MONTHS.forEach((name, i) => {
  MONTH_WORDS[name.toLowerCase()] = i + 1;
  MONTH_WORDS[name.slice(0, 3).toLowerCase()] = i + 1;
});
MONTH_WORDS['sept'] = 9;

export type LogDate = { ok: true; date: IsoDate } | { ok: false; problem: string };

function fromParts(y: number, m: number, d: number): LogDate {
  if (m < 1 || m > 12)
    return { ok: false, problem: `${m} is not a month (dates are read day first, as in the UK)` };
  if (d < 1 || d > daysInMonth(y, m)) return { ok: false, problem: `${MONTHS[m - 1]} ${y} has no day ${d}` };
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return { ok: true, date: iso };
}

/** A two-digit year as logs write it: 05 is 2005, 99 is 1999 (no FOI log reaches back to 1970). */
function fullYear(text: string): number {
  const y = Number(text);
  if (text.length > 2) return y;
  return y < 70 ? 2000 + y : 1900 + y;
}

/** An Excel serial date (1900 system; a fraction is the time of day and is dropped). */
export function excelSerialToIso(serial: number): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 61 || serial >= 2958466) return null;
  const date = new Date(EXCEL_EPOCH_UTC + Math.floor(serial) * 86_400_000);
  return date.toISOString().slice(0, 10);
}

const NUMERIC = /^(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})\s*[/.\-\s]\s*(\d{4}|\d{2})$/;
const ISO_LIKE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
// 31st January 2021, 31-Jan-21, 1 Feb. 2021, Monday 31 January 2021, 31 January, 2021
const DAY_MONTH_YEAR =
  /^(?:[a-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?[\s\-/.]*([a-z]+)\.?[\s\-/.,]*(\d{4}|\d{2})$/;
// January 31, 2021 (month first, written out: not ambiguous)
const MONTH_DAY_YEAR = /^(?:[a-z]+,?\s+)?([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/;
// A time of day after the date: "31/01/2021 14:05", "2021-01-31T14:05:00Z", "31/01/2021 2:05 pm"
const TIME_TAIL = /(?:[T\s]+\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?\s*(?:am|pm)?(?:z|[+-]\d{2}:?\d{2})?)$/i;

/**
 * A date as spreadsheet logs hold it, read the UK way (day before month): 31/01/2021, 31.01.2021,
 * 31-01-21, 31-Jan-21, 31st January 2021, Monday 31 January 2021, 2021-01-31, an Excel serial
 * number (44227) or a Date from a date cell (its UTC calendar day, which is how spreadsheet
 * libraries hand a date cell over). A time of day after the date is ignored. Anything else, or a
 * date that does not exist, comes back with the problem in words.
 */
export function parseLogDate(value: unknown): LogDate {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { ok: false, problem: 'not a date' };
    return fromParts(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (typeof value === 'number') {
    const iso = excelSerialToIso(value);
    return iso ? { ok: true, date: iso } : { ok: false, problem: `${value} is not a date` };
  }
  if (typeof value !== 'string') return { ok: false, problem: 'not a date' };
  const text = value.trim().toLowerCase().replace(/\s+/g, ' ').replace(TIME_TAIL, '').trim();
  if (text === '') return { ok: false, problem: 'it is empty' };
  if (/^\d{5}(?:\.\d+)?$/.test(text)) {
    // A serial number that reached a CSV as text (Excel writes dates so when a cell lost its format).
    const iso = excelSerialToIso(Number(text));
    if (iso) return { ok: true, date: iso };
  }
  let m = ISO_LIKE.exec(text);
  if (m) return fromParts(Number(m[1]), Number(m[2]), Number(m[3]));
  m = NUMERIC.exec(text);
  if (m) return fromParts(fullYear(m[3]!), Number(m[2]), Number(m[1]));
  m = DAY_MONTH_YEAR.exec(text);
  if (m) {
    const month = MONTH_WORDS[m[2]!];
    if (!month) return { ok: false, problem: `"${m[2]}" is not a month` };
    return fromParts(fullYear(m[3]!), month, Number(m[1]));
  }
  m = MONTH_DAY_YEAR.exec(text);
  if (m && MONTH_WORDS[m[1]!]) return fromParts(Number(m[3]), MONTH_WORDS[m[1]!]!, Number(m[2]));
  return { ok: false, problem: 'not a date in a form FOI Desk reads (write it day/month/year)' };
}
