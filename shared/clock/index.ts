/**
 * The statutory clock (issue #3): due dates for FOIA, EIR, FOISA, SAR, internal reviews and EIR
 * reconsiderations, with the working that shows how each date was reached. Pure: no I/O, no Date
 * in the hot path, no time zone.
 */
export * from './types';
export {
  computeDeadline,
  computeDueDate,
  latestLawfulDate,
  withLongestExtension,
  hasExtension,
  EXTENDED_WORKING_DAYS,
} from './deadline';
export { assessProgress, type Progress, type ProgressOptions, type ProgressState } from './progress';
export {
  isWorkingDay,
  nonWorkingReason,
  addWorkingDays,
  workingDaysBetween,
  bankHolidaysIn,
  FIRST_SUPPORTED_YEAR,
  LAST_SUPPORTED_YEAR,
} from './calendar';
export {
  BANK_HOLIDAY_TABLE,
  TABLE_FIRST_YEAR,
  TABLE_LAST_YEAR,
  type BankHolidayEntry,
} from './bank-holidays';
