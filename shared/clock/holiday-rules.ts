/**
 * The regular pattern of UK bank holidays, used only for years outside the reviewed table
 * (bank-holidays.ts). One-off proclaimed days cannot be projected, so deadlines that reach such a
 * year carry a warning; the test suite checks this pattern against the table for 2010–2030.
 */
import type { Jurisdiction } from '../case-format';
import type { BankHolidayEntry } from './bank-holidays';
import { dayFromParts, formatDay, weekday, type DayNumber } from './days';

/** Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): DayNumber {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayFromParts(year, month, day);
}

const SATURDAY = 6;
const SUNDAY = 0;
const MONDAY = 1;
const FRIDAY = 5;

function firstMonday(year: number, month: number): DayNumber {
  const first = dayFromParts(year, month, 1);
  return first + ((MONDAY - weekday(first) + 7) % 7);
}

function lastMonday(year: number, month: number): DayNumber {
  const last = dayFromParts(year, month + 1, 1) - 1;
  return last - ((weekday(last) - MONDAY + 7) % 7);
}

/** A fixed-date holiday that moves to the following Monday when it falls at a weekend. */
function mondayIfWeekend(day: DayNumber, name: string): [DayNumber, string] {
  const wd = weekday(day);
  if (wd === SATURDAY) return [day + 2, `${name} (substitute day)`];
  if (wd === SUNDAY) return [day + 1, `${name} (substitute day)`];
  return [day, name];
}

/** The regular bank holidays of one year in one jurisdiction, in date order. */
export function projectedBankHolidays(year: number, jurisdiction: Jurisdiction): BankHolidayEntry[] {
  const out: [DayNumber, string][] = [];
  const newYear = dayFromParts(year, 1, 1);
  const ny = weekday(newYear);
  if (jurisdiction === 'scotland') {
    // 1 and 2 January are both holidays; weekend ones move to the next free weekdays.
    if (ny === SATURDAY) {
      out.push(
        [newYear + 2, "New Year's Day (substitute day)"],
        [newYear + 3, '2nd January (substitute day)'],
      );
    } else if (ny === SUNDAY) {
      out.push([newYear + 1, '2nd January'], [newYear + 2, "New Year's Day (substitute day)"]);
    } else if (ny === FRIDAY) {
      out.push([newYear, "New Year's Day"], [newYear + 3, '2nd January (substitute day)']);
    } else {
      out.push([newYear, "New Year's Day"], [newYear + 1, '2nd January']);
    }
  } else {
    out.push(mondayIfWeekend(newYear, "New Year's Day"));
  }
  if (jurisdiction === 'northern-ireland')
    out.push(mondayIfWeekend(dayFromParts(year, 3, 17), "St Patrick's Day"));
  const easter = easterSunday(year);
  out.push([easter - 2, 'Good Friday']);
  if (jurisdiction !== 'scotland') out.push([easter + 1, 'Easter Monday']);
  out.push([firstMonday(year, 5), 'Early May bank holiday'], [lastMonday(year, 5), 'Spring bank holiday']);
  if (jurisdiction === 'northern-ireland') {
    out.push(mondayIfWeekend(dayFromParts(year, 7, 12), "Battle of the Boyne (Orangemen's Day)"));
  }
  out.push([jurisdiction === 'scotland' ? firstMonday(year, 8) : lastMonday(year, 8), 'Summer bank holiday']);
  if (jurisdiction === 'scotland') out.push(mondayIfWeekend(dayFromParts(year, 11, 30), "St Andrew's Day"));
  const christmas = dayFromParts(year, 12, 25);
  const xd = weekday(christmas);
  if (xd === SATURDAY) {
    out.push(
      [christmas + 2, 'Christmas Day (substitute day)'],
      [christmas + 3, 'Boxing Day (substitute day)'],
    );
  } else if (xd === SUNDAY) {
    out.push([christmas + 1, 'Boxing Day'], [christmas + 2, 'Christmas Day (substitute day)']);
  } else if (xd === FRIDAY) {
    out.push([christmas, 'Christmas Day'], [christmas + 3, 'Boxing Day (substitute day)']);
  } else {
    out.push([christmas, 'Christmas Day'], [christmas + 1, 'Boxing Day']);
  }
  out.sort((x, y) => x[0] - y[0]);
  return out.map(([day, name]) => [formatDay(day), name] as const);
}
