/**
 * Review of the bundled bank-holiday table: against the date-holidays package, against the regular
 * pattern in holiday-rules.ts, and against days checked by hand on gov.uk.
 */
import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import {
  BANK_HOLIDAY_TABLE,
  TABLE_FIRST_YEAR,
  TABLE_LAST_YEAR,
  bankHolidaysIn,
  computeDueDate,
} from '../../../shared/clock';
import { projectedBankHolidays } from '../../../shared/clock/holiday-rules';
import type { Jurisdiction } from '../../../shared/case-format';

const JURISDICTIONS: Jurisdiction[] = ['england-and-wales', 'scotland', 'northern-ireland'];
const STATE: Record<Jurisdiction, string> = {
  'england-and-wales': 'ENG',
  scotland: 'SCT',
  'northern-ireland': 'NIR',
};

const dates = (j: Jurisdiction) => new Set(BANK_HOLIDAY_TABLE[j].map(([d]) => d));
const dayOfWeek = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();
const years = Array.from({ length: TABLE_LAST_YEAR - TABLE_FIRST_YEAR + 1 }, (_, i) => TABLE_FIRST_YEAR + i);

describe('bank holiday table', () => {
  it.each(JURISDICTIONS)('%s: sorted, unique, weekdays only, real dates', (j) => {
    const list = BANK_HOLIDAY_TABLE[j].map(([d]) => d);
    expect([...list].sort()).toEqual(list);
    expect(new Set(list).size).toBe(list.length);
    for (const d of list) {
      expect(dayOfWeek(d), d).not.toBe(0);
      expect(dayOfWeek(d), d).not.toBe(6);
      expect(new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10)).toBe(d);
    }
    expect(list[0]?.startsWith(String(TABLE_FIRST_YEAR))).toBe(true);
    expect(list.at(-1)?.startsWith(String(TABLE_LAST_YEAR))).toBe(true);
  });

  // date-holidays marks bank holidays as type "public" and names substitutes "(substitute day)";
  // weekend dates are dropped because the table lists the observed weekday.
  it.each(JURISDICTIONS)('%s: matches date-holidays 2005–2030, except where date-holidays is wrong', (j) => {
    const hd = new Holidays('GB', STATE[j]);
    const theirs = new Set<string>();
    for (const year of years) {
      for (const h of hd.getHolidays(year)) {
        const day = h.date.slice(0, 10);
        if (h.type === 'public' && dayOfWeek(day) !== 0 && dayOfWeek(day) !== 6) theirs.add(day);
      }
    }
    const ours = dates(j);
    const onlyOurs = [...ours].filter((d) => !theirs.has(d)).sort();
    const onlyTheirs = [...theirs].filter((d) => !ours.has(d)).sort();
    // gov.uk: the 2011 royal wedding, and the 2012 spring holiday moved to 4 June for the jubilee;
    // date-holidays gives Scotland St Andrew's Day before the 2007 Act made it a bank holiday.
    expect(onlyOurs).toEqual(['2011-04-29', '2012-06-04']);
    expect(onlyTheirs).toEqual(
      j === 'scotland' ? ['2005-11-30', '2006-11-30', '2012-05-28'] : ['2012-05-28'],
    );
  });

  it.each(JURISDICTIONS)('%s: differs from the regular pattern only by the proclaimed one-off days', (j) => {
    const ours = new Set(BANK_HOLIDAY_TABLE[j].map(([d, n]) => `${d} ${n}`));
    const pattern = new Set(years.flatMap((y) => projectedBankHolidays(y, j).map(([d, n]) => `${d} ${n}`)));
    expect([...ours].filter((x) => !pattern.has(x)).sort()).toEqual([
      '2011-04-29 Royal wedding',
      '2012-06-04 Spring bank holiday',
      "2012-06-05 Queen's Diamond Jubilee",
      '2020-05-08 Early May bank holiday (VE day)',
      '2022-06-02 Spring bank holiday',
      '2022-06-03 Platinum Jubilee bank holiday',
      '2022-09-19 Bank holiday for the State Funeral of Queen Elizabeth II',
      '2023-05-08 Bank holiday for the coronation of King Charles III',
    ]);
    expect([...pattern].filter((x) => !ours.has(x)).sort()).toEqual([
      // The pattern has St Andrew's Day every year; it became a bank holiday only in 2007.
      ...(j === 'scotland' ? ["2005-11-30 St Andrew's Day", "2006-11-30 St Andrew's Day"] : []),
      '2012-05-28 Spring bank holiday',
      '2020-05-04 Early May bank holiday',
      '2022-05-30 Spring bank holiday',
    ]);
  });

  it('Scotland has Good Friday but not Easter Monday; England, Wales and Northern Ireland have both', () => {
    for (const [goodFriday, easterMonday] of [
      ['2024-03-29', '2024-04-01'],
      ['2025-04-18', '2025-04-21'],
      ['2026-04-03', '2026-04-06'],
    ] as const) {
      expect(dates('scotland').has(goodFriday)).toBe(true);
      expect(dates('scotland').has(easterMonday)).toBe(false);
      expect(dates('england-and-wales').has(easterMonday)).toBe(true);
      expect(dates('northern-ireland').has(easterMonday)).toBe(true);
    }
  });

  it('St Andrew’s Day moves to Monday when 30 November is at a weekend', () => {
    const scotland = dates('scotland');
    expect(scotland.has('2019-12-02')).toBe(true); // Saturday 30 Nov
    expect(scotland.has('2020-11-30')).toBe(true); // Monday
    expect(scotland.has('2022-11-30')).toBe(true); // Wednesday
    expect(scotland.has('2024-12-02')).toBe(true); // Saturday
    expect(scotland.has('2025-12-01')).toBe(true); // Sunday
    expect(dates('england-and-wales').has('2022-11-30')).toBe(false);
  });

  it('Scotland’s 2 January and its substitutes', () => {
    const s = dates('scotland');
    expect(['2021-01-01', '2021-01-04'].every((d) => s.has(d))).toBe(true); // 2 Jan a Saturday
    expect(['2022-01-03', '2022-01-04'].every((d) => s.has(d))).toBe(true); // 1 Jan a Saturday
    expect(['2023-01-02', '2023-01-03'].every((d) => s.has(d))).toBe(true); // 1 Jan a Sunday
    expect(['2025-01-01', '2025-01-02'].every((d) => s.has(d))).toBe(true);
    expect(['2027-01-01', '2027-01-04'].every((d) => s.has(d))).toBe(true);
    expect(dates('england-and-wales').has('2025-01-02')).toBe(false);
  });

  it('Northern Ireland’s St Patrick’s Day and 12 July with their substitutes', () => {
    const ni = dates('northern-ireland');
    for (const d of [
      '2018-03-19',
      '2019-03-18',
      '2024-03-18',
      '2025-03-17',
      '2020-07-13',
      '2025-07-14',
      '2026-07-13',
    ]) {
      expect(ni.has(d), d).toBe(true);
    }
    expect(dates('england-and-wales').has('2025-03-17')).toBe(false);
    expect(dates('scotland').has('2025-07-14')).toBe(false);
  });

  it('Christmas and Boxing Day substitutes 2015–2027 (checked on gov.uk)', () => {
    const expected: Record<number, string[]> = {
      2015: ['2015-12-25', '2015-12-28'],
      2016: ['2016-12-26', '2016-12-27'],
      2017: ['2017-12-25', '2017-12-26'],
      2018: ['2018-12-25', '2018-12-26'],
      2019: ['2019-12-25', '2019-12-26'],
      2020: ['2020-12-25', '2020-12-28'],
      2021: ['2021-12-27', '2021-12-28'],
      2022: ['2022-12-26', '2022-12-27'],
      2023: ['2023-12-25', '2023-12-26'],
      2024: ['2024-12-25', '2024-12-26'],
      2025: ['2025-12-25', '2025-12-26'],
      2026: ['2026-12-25', '2026-12-28'],
      2027: ['2027-12-27', '2027-12-28'],
    };
    for (const j of JURISDICTIONS) {
      for (const [year, days] of Object.entries(expected)) {
        const december = bankHolidaysIn(Number(year), j)
          .map(([d]) => d)
          .filter((d) => d.slice(5, 7) === '12' && d.slice(8) >= '25');
        expect(december, `${j} ${year}`).toEqual(days);
      }
    }
  });

  it('the one-off days are in every part of the UK', () => {
    for (const j of JURISDICTIONS) {
      for (const d of [
        '2011-04-29',
        '2012-06-05',
        '2020-05-08',
        '2022-06-02',
        '2022-06-03',
        '2022-09-19',
        '2023-05-08',
      ]) {
        expect(dates(j).has(d), `${j} ${d}`).toBe(true);
      }
      expect(dates(j).has('2020-05-04')).toBe(false);
      expect(dates(j).has('2022-05-30')).toBe(false);
    }
  });

  it('2005–2009, the years before the gov.uk data: substitute days, Easter, St Andrew’s Day from 2007', () => {
    const ew = (y: number) => bankHolidaysIn(y, 'england-and-wales').map(([d]) => d);
    // 2005: 1 January a Saturday, Christmas a Sunday (Boxing Day on the Monday, Christmas's substitute Tuesday).
    expect(ew(2005)).toEqual([
      '2005-01-03',
      '2005-03-25',
      '2005-03-28',
      '2005-05-02',
      '2005-05-30',
      '2005-08-29',
      '2005-12-26',
      '2005-12-27',
    ]);
    // 2006: 1 January a Sunday; Easter Sunday 16 April.
    expect(ew(2006)).toEqual([
      '2006-01-02',
      '2006-04-14',
      '2006-04-17',
      '2006-05-01',
      '2006-05-29',
      '2006-08-28',
      '2006-12-25',
      '2006-12-26',
    ]);
    // Easter: 8 April 2007, 23 March 2008, 12 April 2009 (Good Friday, Easter Monday).
    for (const [gf, em] of [
      ['2007-04-06', '2007-04-09'],
      ['2008-03-21', '2008-03-24'],
      ['2009-04-10', '2009-04-13'],
    ] as const) {
      expect(dates('england-and-wales').has(gf) && dates('england-and-wales').has(em)).toBe(true);
      expect(dates('scotland').has(gf) && !dates('scotland').has(em)).toBe(true);
    }
    expect(ew(2009).at(-1)).toBe('2009-12-28'); // Boxing Day a Saturday
    const scot = bankHolidaysIn(2005, 'scotland').map(([d]) => d);
    expect(scot.slice(0, 2)).toEqual(['2005-01-03', '2005-01-04']); // 1 and 2 January at the weekend
    expect(bankHolidaysIn(2006, 'scotland').map(([d]) => d)).toContain('2006-01-03');
    expect(dates('scotland').has('2005-11-30')).toBe(false);
    expect(dates('scotland').has('2006-11-30')).toBe(false);
    expect(dates('scotland').has('2007-11-30')).toBe(true);
    expect(dates('scotland').has('2008-12-01')).toBe(true); // 30 November 2008 a Sunday
    expect(dates('scotland').has('2005-08-01')).toBe(true); // first Monday in August
    const ni = dates('northern-ireland');
    for (const d of ['2007-03-19', '2008-07-14', '2009-07-13', '2005-07-12', '2008-03-17'])
      expect(ni.has(d), d).toBe(true);
  });

  it('the clock counts from 1 January 2005 with those holidays', () => {
    // FOIA in force 1 January 2005: a request on its first working Tuesday.
    expect(
      computeDueDate({ regime: 'FOIA', jurisdiction: 'england-and-wales', received: '2005-01-04' }),
    ).toBe('2005-02-01');
    // Over Christmas 2005: 26 and 27 December, 2 January 2006, and Scotland's 3 January (any part of the UK).
    expect(
      computeDueDate({ regime: 'FOIA', jurisdiction: 'england-and-wales', received: '2005-12-09' }),
    ).toBe('2006-01-12');
    // FOISA over the first St Andrew's Day bank holiday, Friday 30 November 2007.
    expect(computeDueDate({ regime: 'FOISA', jurisdiction: 'scotland', received: '2007-11-09' })).toBe(
      '2007-12-10',
    );
    // A SAR due on Monday 14 July 2008, Northern Ireland's substitute 12 July: the next day.
    expect(computeDueDate({ regime: 'SAR', jurisdiction: 'northern-ireland', received: '2008-06-14' })).toBe(
      '2008-07-15',
    );
  });

  it('projects the regular pattern beyond the table', () => {
    expect(bankHolidaysIn(2031, 'scotland').map(([d]) => d)).toEqual([
      '2031-01-01',
      '2031-01-02',
      '2031-04-11',
      '2031-05-05',
      '2031-05-26',
      '2031-08-04',
      '2031-12-01',
      '2031-12-25',
      '2031-12-26',
    ]);
  });
});
