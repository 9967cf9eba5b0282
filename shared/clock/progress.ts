/** Where a case stands against its deadline on a given day, for the case queue. */
import type { IsoDate } from '../dates';
import {
  inPause,
  isWorkingDayNumber,
  nthWorkingDay,
  workingCalendar,
  workingDaysBetweenNumbers,
  type DaySpan,
} from './calendar';
import { formatDay, parseDay, type DayNumber } from './days';
import { ClockInputError, type Deadline } from './types';
import { internalTargetFor, type InternalTarget, type InternalTargets } from '../internal-targets';

export type ProgressState = 'overdue' | 'due-soon' | 'on-track' | 'stopped' | 'closed';

export interface ProgressOptions {
  /**
   * The team's internal target: the settings' per-regime record (each regime's day is counted in
   * its own unit, see INTERNAL_TARGET_RULES), or one number counted in the regime's unit (working
   * day N; for SAR calendar day N). None if absent.
   */
  internalTargetDay?: number | InternalTargets;
  /** An internal target with its unit, as internalTargetFor gives it; wins over internalTargetDay. */
  internalTarget?: InternalTarget;
  /** A case is due soon with this many working days left or fewer. Default 5. */
  dueSoonDays?: number;
  /** The date the response was sent, if it has been: the case is then closed. */
  responded?: IsoDate | null;
}

export interface Progress {
  state: ProgressState;
  /** The date being tracked (the deadline's due date); null while stopped. */
  due: IsoDate | null;
  /**
   * Working days after `today` up to and including the due date (0 on the due date itself).
   * Negative once overdue: minus the working days late, at least 1, because an answer sent on the
   * next working day is that many days late. Null while stopped or closed.
   */
  workingDaysLeft: number | null;
  internalDue: IsoDate | null;
  /** True once `today` is after the internal target date. */
  internalOverdue: boolean;
  /** Closed cases only: whether the response was sent by the due date (null if there was none). */
  respondedOnTime: boolean | null;
}

function requireDay(value: IsoDate, what: string): DayNumber {
  const d = parseDay(value);
  if (d === null) throw new ClockInputError(`${what} "${value}" is not a real date in the form YYYY-MM-DD`);
  return d;
}

/** The target to count for this deadline's regime, in its unit, from whichever option was given. */
function targetFor(deadline: Deadline, options: ProgressOptions): InternalTarget | null {
  if (options.internalTarget) return options.internalTarget;
  const given = options.internalTargetDay;
  if (given === undefined) return null;
  if (typeof given === 'object') return internalTargetFor({ internalTargetDay: given }, deadline.regime);
  return { day: given, unit: deadline.regime === 'SAR' ? 'calendar-days' : 'working-days' };
}

/**
 * Working days: working day N after the clock start, as the statutory count runs. Calendar days:
 * day N with the clock start as day 1 (a subject access request's day of receipt), stepping over
 * stopped days, then back to a working day: a target on a Saturday means "have it done by Friday".
 * Never after the due date.
 */
function internalTarget(deadline: Deadline, options: ProgressOptions, due: DayNumber): DayNumber | null {
  const chosen = targetFor(deadline, options);
  if (chosen === null) return null;
  const target = chosen.day;
  if (!Number.isInteger(target) || target < 1) return null;
  const calendar = workingCalendar(deadline.regime, deadline.jurisdiction, deadline.extraHolidays);
  const start = requireDay(deadline.clockStart, 'clock start');
  const pauses: DaySpan[] = deadline.pauses.map((p) => ({
    from: requireDay(p.from, 'pause'),
    to: p.to === null ? Infinity : requireDay(p.to, 'pause'),
  }));
  let d: DayNumber;
  if (chosen.unit === 'calendar-days') {
    d = start;
    for (let n = 1; n < target || inPause(pauses, d) !== null;) {
      d++;
      if (inPause(pauses, d) === null) n++;
    }
    while (!isWorkingDayNumber(calendar, d) && d > start) d--;
  } else {
    d = nthWorkingDay(calendar, start, target, pauses);
  }
  return Math.min(d, due);
}

/**
 * Assesses a deadline on `today`: overdue, due soon, on track, stopped or closed, with the working
 * days left and the internal target date.
 */
export function assessProgress(deadline: Deadline, today: IsoDate, options: ProgressOptions = {}): Progress {
  const todayDay = requireDay(today, 'today');
  const dueSoonDays = options.dueSoonDays ?? 5;
  const dueDay = deadline.due === null ? null : requireDay(deadline.due, 'due date');
  const internal = dueDay === null ? null : internalTarget(deadline, options, dueDay);
  const internalDue = internal === null ? null : formatDay(internal);
  if (options.responded) {
    const responded = requireDay(options.responded, 'response date');
    return {
      state: 'closed',
      due: deadline.due,
      workingDaysLeft: null,
      internalDue,
      internalOverdue: false,
      respondedOnTime: dueDay === null ? null : responded <= dueDay,
    };
  }
  if (deadline.stopped || dueDay === null) {
    return {
      state: 'stopped',
      due: null,
      workingDaysLeft: null,
      internalDue: null,
      internalOverdue: false,
      respondedOnTime: null,
    };
  }
  const calendar = workingCalendar(deadline.regime, deadline.jurisdiction, deadline.extraHolidays);
  const between = workingDaysBetweenNumbers(calendar, todayDay, dueDay);
  const overdue = todayDay > dueDay;
  const workingDaysLeft = overdue ? Math.min(between, -1) : between;
  return {
    state: overdue ? 'overdue' : workingDaysLeft <= dueSoonDays ? 'due-soon' : 'on-track',
    due: deadline.due,
    workingDaysLeft,
    internalDue,
    internalOverdue: internal !== null && todayDay > internal,
    respondedOnTime: null,
  };
}
