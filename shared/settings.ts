import { z } from 'zod';

/** Team settings kept in the case file. Every field has a default, so a new file works at once. */
export const settingsSchema = z.strictObject({
  /** `{n}` is replaced by the next free number: "FOI {n}" → "FOI 4952". */
  referenceFormat: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .refine((s) => s.includes('{n}'), { message: 'must contain {n}' }),
  /** Working day on which the team aims to have the response ready. */
  internalTargetDay: z.number().int().min(1).max(40),
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
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  referenceFormat: 'FOI {n}',
  internalTargetDay: 15,
  dueSoonDays: 5,
  idleLockMinutes: 10,
  receivedOnNonWorkingDayCountsNext: false,
  backupReminderDays: 7,
  autoBackupFolder: '',
  autoBackupKeep: 10,
};
