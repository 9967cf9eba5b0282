import { asc, count, eq } from 'drizzle-orm';
import type { CaseDb } from '../case-file';
import { drafts } from '../schema';

export type DraftRow = typeof drafts.$inferSelect;

/** Keeps a draft, replacing an older one of the same form. */
export function upsertDraft(
  db: CaseDb,
  values: { key: string; caseId: number | null; label: string; content: unknown; savedAt: string },
): void {
  db.insert(drafts)
    .values(values)
    .onConflictDoUpdate({
      target: drafts.key,
      set: { caseId: values.caseId, label: values.label, content: values.content, savedAt: values.savedAt },
    })
    .run();
}

export function listDrafts(db: CaseDb): DraftRow[] {
  return db.select().from(drafts).orderBy(asc(drafts.savedAt), asc(drafts.key)).all();
}

export function hasDraft(db: CaseDb, key: string): boolean {
  return db.select({ key: drafts.key }).from(drafts).where(eq(drafts.key, key)).get() !== undefined;
}

export function countDrafts(db: CaseDb): number {
  return db.select({ n: count() }).from(drafts).get()?.n ?? 0;
}

/** True when there was one to remove. */
export function deleteDraft(db: CaseDb, key: string): boolean {
  return db.delete(drafts).where(eq(drafts.key, key)).run().changes > 0;
}
