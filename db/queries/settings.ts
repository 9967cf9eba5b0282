import { eq } from 'drizzle-orm';
import type { CaseDb } from '../case-file';
import { preparedQuery } from '../statement-cache';
import { settings } from '../schema';
import { DEFAULT_SETTINGS, readInternalTargets, settingsSchema, type Settings } from '../../shared/settings';

/** All settings, defaults filled in for any key the file does not have (or holds in an old shape). */
export function getSettings(db: CaseDb): Settings {
  const stored: Record<string, unknown> = {};
  // Read for every queue page (the clock's settings): prepared once per connection.
  const rows = preparedQuery(db, 'settings.all', () => db.select().from(settings).prepare()).all();
  for (const row of rows) stored[row.key] = row.value;
  const merged = { ...DEFAULT_SETTINGS };
  // One number before targets were per regime, a record since: both read as the record.
  if ('internalTargetDay' in stored) stored.internalTargetDay = readInternalTargets(stored.internalTargetDay);
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    if (key in stored) {
      const candidate = { ...merged, [key]: stored[key] };
      if (settingsSchema.safeParse(candidate).success) Object.assign(merged, { [key]: stored[key] });
    }
  }
  return merged;
}

export function saveSettings(db: CaseDb, values: Partial<Settings>): Settings {
  const next = settingsSchema.parse({ ...getSettings(db), ...values });
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    db.insert(settings)
      .values({ key, value: next[key as keyof Settings] })
      .onConflictDoUpdate({ target: settings.key, set: { value: next[key as keyof Settings] } })
      .run();
  }
  return next;
}

/** A stored value outside the team settings (e.g. the last good backup). */
export function getSettingValue<T>(db: CaseDb, key: string): T | undefined {
  const row = db.select().from(settings).where(eq(settings.key, key)).get();
  return row ? (row.value as T) : undefined;
}

export function setSetting(db: CaseDb, key: string, value: unknown): void {
  db.insert(settings)
    .values({ key, value })
    .onConflictDoUpdate({ target: settings.key, set: { value } })
    .run();
}
