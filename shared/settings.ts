import { z } from 'zod';
import { REGIMES, type Regime } from './case-format';
import { DEFAULT_INTERNAL_TARGETS, internalTargetProblems } from './internal-targets';
import { DEFAULT_OUR_REF_FORMAT, ourRefFormatProblem } from './letter/signatory';
import { COST_LIMIT_BODIES, FOISA_MAX_RATE_PENCE } from './s12';

export * from './internal-targets';

const internalTargetsSchema = z
  .strictObject(
    Object.fromEntries(REGIMES.map((regime) => [regime, z.number()])) as Record<Regime, z.ZodNumber>,
  )
  .superRefine((targets, ctx) => {
    for (const { regime, problem } of internalTargetProblems(targets)) {
      ctx.addIssue({ code: 'custom', path: [regime], message: problem });
    }
  });

/** `{n}` is replaced by the next free number: "FOI {n}" → "FOI 4952". */
const referenceFormatSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .refine((s) => s.includes('{n}'), { message: 'must contain {n}' });

/**
 * A regime's own reference format ("EIR {n}", "SAR-{n}"), each with its own counter; a regime not
 * named uses `referenceFormat`.
 */
const referenceFormatsSchema = z.strictObject(
  Object.fromEntries(REGIMES.map((regime) => [regime, referenceFormatSchema.optional()])) as Record<
    Regime,
    z.ZodOptional<typeof referenceFormatSchema>
  >,
);

/** Team settings kept in the case file. Every field has a default, so a new file works at once. */
export const settingsSchema = z.strictObject({
  /** The reference format of every regime without one of its own. */
  referenceFormat: referenceFormatSchema,
  referenceFormats: referenceFormatsSchema,
  /**
   * The day on which the team aims to have the response ready, per regime (see
   * INTERNAL_TARGET_RULES): working day N for FOI, EIR and reviews, calendar day N for a subject
   * access request. Never past the statutory limit. Stored under its old name; an old single number
   * is read by readInternalTargets.
   */
  internalTargetDay: internalTargetsSchema,
  /** A case is "due soon" with this many working days or fewer left. */
  dueSoonDays: z.number().int().min(0).max(40),
  /** Minutes of no activity before the app locks itself; 0 turns the idle lock off. */
  idleLockMinutes: z.number().int().min(0).max(480),
  /** Off by default: the statute counts from the day after receipt, whatever day that was. */
  receivedOnNonWorkingDayCountsNext: z.boolean(),
  /** Remind the officer when the last good backup is older than this many days. */
  backupReminderDays: z.number().int().min(1).max(365),
  /** Folder for automatic backups on close; empty turns them off. */
  autoBackupFolder: z.string().max(1000),
  autoBackupKeep: z.number().int().min(1).max(100),
  /**
   * The letters' "Our Ref": `{reference}` with `{signatoryInitials}` and `{officerInitials}`, e.g.
   * "{signatoryInitials}/{officerInitials} {reference}" → "MB/SS FOI 4951" (shared/letter/signatory.ts).
   */
  ourRefFormat: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .superRefine((pattern, ctx) => {
      const problem = ourRefFormatProblem(pattern);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  /**
   * The s12 appropriate limit (shared/s12.ts): £450 for most authorities, NHS trusts included
   * (Fees Regulations 2004 reg 3(3)); £600 for central government, the bodies of Schedule 1 Part I
   * (reg 3(2)).
   */
  costLimitBody: z.enum(COST_LIMIT_BODIES),
  /** FOISA: the team's hourly staff cost in pence, capped at £15 (SSI 2004/467 reg 3(2)(b)). */
  foisaHourlyRatePence: z.number().int().min(1).max(FOISA_MAX_RATE_PENCE),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  referenceFormat: 'FOI {n}',
  referenceFormats: {},
  internalTargetDay: DEFAULT_INTERNAL_TARGETS,
  dueSoonDays: 5,
  idleLockMinutes: 10,
  receivedOnNonWorkingDayCountsNext: false,
  backupReminderDays: 7,
  autoBackupFolder: '',
  autoBackupKeep: 10,
  ourRefFormat: DEFAULT_OUR_REF_FORMAT,
  costLimitBody: 'other',
  foisaHourlyRatePence: FOISA_MAX_RATE_PENCE,
};

/** The reference format a new case of `regime` is numbered in: its own, or the team's default. */
export function referenceFormatFor(settings: Settings, regime: Regime | undefined): string {
  return (regime && settings.referenceFormats[regime]) || settings.referenceFormat;
}

/** Whether two values of one setting are the same, key order aside (the internal targets are a record). */
export function sameSettingValue(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Object.is(a, b);
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return (
    ka.length === kb.length &&
    ka.every(
      (k, i) =>
        k === kb[i] && sameSettingValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
    )
  );
}
