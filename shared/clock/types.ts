import type { Jurisdiction, Regime } from '../case-format';
import type { IsoDate } from '../dates';

export const CLOCK_EVENT_TYPES = [
  'clarification-requested',
  'clarification-received',
  'fees-notice-issued',
  'fee-paid',
  'pi-extension',
  'eir-extension',
  'ir-extension',
  'sar-extension',
  'sar-clock-stopped',
  'sar-clock-restarted',
] as const;
export type ClockEventType = (typeof CLOCK_EVENT_TYPES)[number];

/** What a stopped subject access clock waits for; it decides how the clock restarts. */
export type SarAwaiting = 'clarification' | 'identity' | 'fee';

export interface ClockEvent {
  type: ClockEventType;
  /** The day the event happened: the notice was sent, the clarification or fee arrived. */
  date: IsoDate;
  /** pi-extension: the estimated date given in the s17(2) notice. */
  until?: IsoDate;
  /** sar-extension: further months, 2 unless given. */
  months?: 1 | 2;
  /**
   * sar-clock-stopped: what is awaited (default clarification). Awaiting clarification pauses the
   * month and the paused days are added back; awaiting identity or a fee restarts the month from
   * the day it arrives (UK GDPR Art 12 as amended by the Data (Use and Access) Act 2025).
   */
  awaiting?: SarAwaiting;
}

export interface ExtraHoliday {
  date: IsoDate;
  name: string;
  /** Parts of the UK the day applies to; all of them when absent or empty. */
  jurisdictions?: Jurisdiction[];
}

export interface ClockInput {
  regime: Regime;
  /** The date of receipt of the request (or review request). */
  received: IsoDate;
  /** The organisation's jurisdiction: decides SAR roll-forward days. */
  jurisdiction: Jurisdiction;
  /** The case's clock events; sorted by date here, ties kept in the order given. */
  events?: readonly ClockEvent[];
  /** One-off days the user added (a state funeral announced at short notice). */
  extraHolidays?: readonly ExtraHoliday[];
  /**
   * Treat a request received on a non-working day as received on the next working day (one day
   * more than the statute gives). Off by default; not applied to SAR, whose month runs from the
   * day of receipt "whether it is a working day or not" (ICO).
   */
  receivedOnNonWorkingDayCountsNext?: boolean;
}

export interface ClockOptions {
  /**
   * Build the day-by-day working (counted, skipped, notes). Default true. The case queue passes
   * false: the dates, warnings and summary are the same, only the working is left empty.
   */
  explain?: boolean;
}

export interface CountedDay {
  /** 1-based: working day N for the working-day regimes, calendar day N for SAR. */
  day: number;
  date: IsoDate;
}

export interface SkippedDay {
  date: IsoDate;
  /** "Saturday", "Bank holiday in Scotland: St Andrew's Day", "Clock stopped: awaiting fee" … */
  reason: string;
}

/** A stretch of days that does not count (inclusive); `to` is null while it is still running. */
export interface ClockPause {
  from: IsoDate;
  to: IsoDate | null;
  reason: string;
}

export type ExtensionKind = 'public-interest' | 'eir-reg-7' | 'internal-review' | 'sar';

export interface Deadline {
  regime: Regime;
  jurisdiction: Jurisdiction;
  received: IsoDate;
  /**
   * Where the count starts. Working-day regimes: the date of receipt (or of the clarification, or
   * the deemed receipt under the non-working-day setting); day 1 is the first working day after it.
   * SAR: day 1 itself (the receipt, or the day identity evidence or the fee arrived).
   */
  clockStart: IsoDate;
  /** The time limit in words: "20 working days", "one calendar month". */
  limit: string;
  /** The date to answer by now: the extended date if an extension applies; null while stopped. */
  due: IsoDate | null;
  /** The date without any extension; null while stopped. */
  statutoryDue: IsoDate | null;
  /** The date an extension moved the deadline to, if one applies. */
  extendedTo: IsoDate | null;
  extension: ExtensionKind | null;
  /**
   * The furthest lawful date with the regime's longest extension: FOIA 40 working days (s10(3)
   * sets no limit; the ICO expects no more than 20 extra), EIR reg 7 40, FOI-IR 40 (s45 Code),
   * EIR-RECON 40, SAR three months, FOISA the statutory date (no extension exists). Null while stopped.
   */
  latestLawful: IsoDate | null;
  stopped: boolean;
  stoppedSince: IsoDate | null;
  /** "awaiting clarification", "awaiting fee", "awaiting identity". */
  stoppedReason: string | null;
  /** Stretches that do not count, after clockStart (fee pauses, SAR clock stops). */
  pauses: ClockPause[];
  /** The added holidays that were applied (as given). */
  extraHolidays: ExtraHoliday[];
  /** Day 1..N up to the due date (or up to the stop). Empty when explain is false. */
  counted: CountedDay[];
  /** Every day between clockStart and the due date that did not count, with why. Empty when explain is false. */
  skipped: SkippedDay[];
  /** How the date was reached, step by step, for the case page and the letter. Empty when explain is false. */
  notes: string[];
  /** Things an officer must look at: late notices, long extensions, projected holidays. */
  warnings: string[];
  /** One line: "Due Monday 3 February 2025: the 20th working day after receipt on 3 January 2025 (FOIA s10)." */
  summary: string;
}

/** Input the clock cannot compute from (unknown regime, impossible date): one plain sentence. */
export class ClockInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClockInputError';
  }
}
