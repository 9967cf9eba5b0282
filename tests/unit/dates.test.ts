import { describe, expect, it } from 'vitest';
import { daysInMonth, formatLongDate, formatUkDate, isIsoDate, isLeapYear } from '../../shared/dates';

describe('isIsoDate', () => {
  it.each(['2024-02-29', '2000-02-29', '2025-01-31', '2025-12-31', '2025-04-30', '0001-01-01', '9999-12-31'])(
    'accepts %s',
    (value) => {
      expect(isIsoDate(value)).toBe(true);
    },
  );

  it.each([
    ['2023-02-29', 'not a leap year'],
    ['1900-02-29', 'century not divisible by 400'],
    ['2021-02-30', 'no 30 February'],
    ['2025-04-31', 'April has 30 days'],
    ['2025-13-01', 'month 13'],
    ['2025-00-10', 'month 0'],
    ['2025-01-00', 'day 0'],
    ['2025-01-32', 'day 32'],
    ['2025-1-05', 'one-digit month'],
    ['2025-01-5', 'one-digit day'],
    ['25-01-05', 'two-digit year'],
    ['2025/01/05', 'slashes'],
    ['05/01/2025', 'UK order'],
    ['2025-01-05T00:00:00Z', 'a timestamp'],
    [' 2025-01-05', 'leading space'],
    ['2025-01-05\n', 'trailing newline'],
    ['', 'empty'],
    ['２０２５-01-05', 'full-width digits'],
  ])('refuses %j (%s)', (value) => {
    expect(isIsoDate(value)).toBe(false);
  });
});

describe('calendar helpers', () => {
  it('knows leap years', () => {
    expect([2000, 2024, 2028].map(isLeapYear)).toEqual([true, true, true]);
    expect([1900, 2023, 2100].map(isLeapYear)).toEqual([false, false, false]);
  });

  it('knows month lengths', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2025, 2)).toBe(28);
    expect(daysInMonth(2025, 4)).toBe(30);
    expect(daysInMonth(2025, 12)).toBe(31);
    expect(daysInMonth(2025, 13)).toBe(0);
  });

  it('formats dates the UK way', () => {
    expect(formatUkDate('2026-11-21')).toBe('21/11/2026');
    expect(formatLongDate('2021-11-01')).toBe('1 November 2021');
    expect(formatLongDate('not a date')).toBe('not a date');
  });
});
