import { describe, expect, it } from 'vitest';
import {
  ClockInputError,
  addWorkingDays,
  assessProgress,
  computeDeadline,
  isWorkingDay,
  nonWorkingReason,
  workingDaysBetween,
  type ClockInput,
} from '../../../shared/clock';

const EW = 'england-and-wales' as const;

describe('working-day helpers', () => {
  it('isWorkingDay follows each regime’s calendar', () => {
    // Monday 1 Dec 2025: St Andrew's Day substitute in Scotland only.
    expect(isWorkingDay('2025-12-01', 'FOIA', EW)).toBe(false);
    expect(isWorkingDay('2025-12-01', 'FOISA', 'scotland')).toBe(false);
    expect(isWorkingDay('2025-12-01', 'SAR', EW)).toBe(true);
    expect(isWorkingDay('2025-12-01', 'SAR', 'scotland')).toBe(false);
    // St Patrick's Day: a working day in Scotland.
    expect(isWorkingDay('2025-03-17', 'FOISA', 'scotland')).toBe(true);
    expect(isWorkingDay('2025-03-17', 'EIR', 'scotland')).toBe(false);
    expect(isWorkingDay('2025-01-04', 'SAR', EW)).toBe(false);
    expect(isWorkingDay('2026-12-14', 'FOIA', EW, [{ date: '2026-12-14', name: 'State funeral' }])).toBe(
      false,
    );
  });

  it('adds and counts working days both ways', () => {
    expect(addWorkingDays('2025-01-03', 20, 'FOIA', EW)).toBe('2025-01-31');
    expect(addWorkingDays('2025-01-31', -20, 'FOIA', EW)).toBe('2025-01-03');
    expect(addWorkingDays('2025-01-04', 0, 'FOIA', EW)).toBe('2025-01-04');
    expect(workingDaysBetween('2025-01-03', '2025-01-31', 'FOIA', EW)).toBe(20);
    expect(workingDaysBetween('2025-01-31', '2025-01-03', 'FOIA', EW)).toBe(-20);
    expect(workingDaysBetween('2025-01-03', '2025-01-03', 'FOIA', EW)).toBe(0);
  });

  it('gives the reason a day is not a working day', () => {
    expect(nonWorkingReason('2025-12-25', 'FOIA', EW)).toBe('Bank holiday in all of the UK: Christmas Day');
    expect(nonWorkingReason('2025-12-27', 'FOIA', EW)).toBe('Saturday');
    expect(nonWorkingReason('2025-12-24', 'FOIA', EW)).toBeNull();
  });

  it('refuses impossible dates', () => {
    expect(() => isWorkingDay('2023-02-29', 'FOIA', EW)).toThrow(ClockInputError);
    expect(() => addWorkingDays('2025-01-03', 1.5, 'FOIA', EW)).toThrow(ClockInputError);
  });
});

describe('assessProgress', () => {
  const foia: ClockInput = { regime: 'FOIA', jurisdiction: EW, received: '2025-01-06' }; // due Monday 3 Feb
  const deadline = computeDeadline(foia, { explain: false });
  const options = { internalTargetDay: 15, dueSoonDays: 5 };

  it.each([
    ['2025-01-06', 'on-track', 20, false],
    ['2025-01-24', 'on-track', 6, false],
    ['2025-01-27', 'due-soon', 5, false],
    ['2025-01-28', 'due-soon', 4, true],
    ['2025-02-01', 'due-soon', 1, true],
    ['2025-02-03', 'due-soon', 0, true],
    ['2025-02-04', 'overdue', -1, true],
    ['2025-02-08', 'overdue', -4, true],
  ] as const)('on %s: %s with %i working days left', (today, state, left, internalOverdue) => {
    expect(assessProgress(deadline, today, options)).toEqual({
      state,
      due: '2025-02-03',
      workingDaysLeft: left,
      internalDue: '2025-01-27',
      internalOverdue,
      respondedOnTime: null,
    });
  });

  it('counts at least one working day late the day after a Friday deadline', () => {
    const friday = computeDeadline({ ...foia, received: '2025-01-03' }); // due Friday 31 Jan
    expect(assessProgress(friday, '2025-02-01')).toMatchObject({ state: 'overdue', workingDaysLeft: -1 });
  });

  it('is stopped while the clock is stopped', () => {
    const stopped = computeDeadline({
      ...foia,
      events: [{ type: 'clarification-requested', date: '2025-01-08' }],
    });
    expect(assessProgress(stopped, '2025-03-01', options)).toEqual({
      state: 'stopped',
      due: null,
      workingDaysLeft: null,
      internalDue: null,
      internalOverdue: false,
      respondedOnTime: null,
    });
  });

  it('is closed once responded, saying whether it was on time', () => {
    expect(assessProgress(deadline, '2025-03-01', { responded: '2025-02-03' })).toMatchObject({
      state: 'closed',
      respondedOnTime: true,
    });
    expect(assessProgress(deadline, '2025-03-01', { responded: '2025-02-04' })).toMatchObject({
      state: 'closed',
      respondedOnTime: false,
    });
  });

  it('skips fee days when finding the internal target', () => {
    const withFee = computeDeadline({
      ...foia,
      events: [
        { type: 'fees-notice-issued', date: '2025-01-08' },
        { type: 'fee-paid', date: '2025-01-14' },
      ],
    });
    // Day 15 is the 15th counted day: 7 Jan, then 15 Jan onwards (8–14 Jan disregarded).
    expect(assessProgress(withFee, '2025-01-20', options).internalDue).toBe('2025-02-03');
  });

  it('SAR: the internal target is a calendar day, moved back to a working day', () => {
    const sar = computeDeadline({ regime: 'SAR', jurisdiction: EW, received: '2025-09-03' }); // due Fri 3 Oct
    expect(assessProgress(sar, '2025-09-10', { internalTargetDay: 28 }).internalDue).toBe('2025-09-30');
    expect(assessProgress(sar, '2025-09-10', { internalTargetDay: 25 }).internalDue).toBe('2025-09-26');
    expect(assessProgress(sar, '2025-09-26')).toMatchObject({ state: 'due-soon', workingDaysLeft: 5 });
    expect(assessProgress(sar, '2025-09-10').internalDue).toBeNull();
  });
});
