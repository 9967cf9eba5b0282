import { describe, expect, it } from 'vitest';
import { excelSerialToIso, parseLogDate } from '../../shared/dates';

const ok = (value: unknown) => {
  const r = parseLogDate(value);
  return r.ok ? r.date : `problem: ${r.problem}`;
};

describe('parseLogDate: the dates spreadsheet logs hold, read the UK way', () => {
  it.each([
    ['31/01/2021', '2021-01-31'],
    ['1/2/2021', '2021-02-01'],
    ['01/02/21', '2021-02-01'],
    ['31.01.2021', '2021-01-31'],
    ['31-01-2021', '2021-01-31'],
    ['31 01 2021', '2021-01-31'],
    ['31-Jan-21', '2021-01-31'],
    ['31-jan-2021', '2021-01-31'],
    ['31 Jan 2021', '2021-01-31'],
    ['31st January 2021', '2021-01-31'],
    ['1st February 2021', '2021-02-01'],
    ['2nd March 2021', '2021-03-02'],
    ['3rd April 2021', '2021-04-03'],
    ['22nd Sept 2021', '2021-09-22'],
    ['1 Feb. 2021', '2021-02-01'],
    ['Monday 31 January 2022', '2022-01-31'],
    ['Mon, 31 January 2022', '2022-01-31'],
    ['31 January, 2021', '2021-01-31'],
    ['January 31, 2021', '2021-01-31'],
    ['2021-01-31', '2021-01-31'],
    ['2021/1/31', '2021-01-31'],
    ['31/01/2021 14:05', '2021-01-31'],
    ['31/01/2021 2:05 pm', '2021-01-31'],
    ['2021-01-31T14:05:00Z', '2021-01-31'],
    ['  31/01/2021  ', '2021-01-31'],
    ['29/02/2024', '2024-02-29'],
    ['04/01/05', '2005-01-04'],
    ['44227', '2021-01-31'],
  ])('%s is %s', (text, iso) => {
    expect(ok(text)).toBe(iso);
  });

  it('reads Excel serial numbers and real date cells', () => {
    expect(ok(44227)).toBe('2021-01-31');
    expect(ok(44227.75)).toBe('2021-01-31'); // the time of day is dropped
    expect(ok(38353)).toBe('2005-01-01');
    expect(ok(61)).toBe('1900-03-01');
    expect(excelSerialToIso(60)).toBeNull(); // Excel's 29 February 1900, which never was
    expect(ok(new Date(Date.UTC(2021, 0, 31)))).toBe('2021-01-31');
    // A date cell is handed over as UTC midnight; its day is the cell's day in every time zone.
    expect(ok(new Date('2005-01-04T00:00:00Z'))).toBe('2005-01-04');
  });

  it.each([
    ['01/31/2021', '31 is not a month'],
    ['31/02/2021', 'February 2021 has no day 31'],
    ['29/02/2023', 'February 2023 has no day 29'],
    ['31st Foo 2021', '"foo" is not a month'],
    ['', 'it is empty'],
    ['next Tuesday', 'not a date'],
    ['TBC', 'not a date'],
  ])('%s is refused: %s', (text, problem) => {
    expect(ok(text)).toContain(problem);
  });

  it('refuses what is not a date at all', () => {
    expect(ok(null)).toContain('not a date');
    expect(ok(true)).toContain('not a date');
    expect(ok(new Date('nonsense'))).toContain('not a date');
    expect(ok(12)).toContain('not a date');
  });
});
