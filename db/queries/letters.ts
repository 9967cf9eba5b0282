import { and, asc, desc, eq } from 'drizzle-orm';
import type { CaseDb } from '../case-file';
import { letterVersions } from '../schema';

export type LetterVersionRow = typeof letterVersions.$inferSelect;

export function insertLetterVersion(
  db: CaseDb,
  values: {
    caseId: number;
    templateId: string;
    document: unknown;
    sourceHash: string | null;
    edited: boolean;
  },
): LetterVersionRow {
  const latest = db
    .select({ version: letterVersions.version })
    .from(letterVersions)
    .where(and(eq(letterVersions.caseId, values.caseId), eq(letterVersions.templateId, values.templateId)))
    .orderBy(desc(letterVersions.version))
    .get();
  return db
    .insert(letterVersions)
    .values({ ...values, version: (latest?.version ?? 0) + 1 })
    .returning()
    .get();
}

export function getLetterVersion(db: CaseDb, id: number): LetterVersionRow | undefined {
  return db.select().from(letterVersions).where(eq(letterVersions.id, id)).get();
}

export function listLetterVersions(db: CaseDb, caseId: number): LetterVersionRow[] {
  return db
    .select()
    .from(letterVersions)
    .where(eq(letterVersions.caseId, caseId))
    .orderBy(asc(letterVersions.templateId), asc(letterVersions.version))
    .all();
}

export function latestLetterVersion(
  db: CaseDb,
  caseId: number,
  templateId: string,
): LetterVersionRow | undefined {
  return db
    .select()
    .from(letterVersions)
    .where(and(eq(letterVersions.caseId, caseId), eq(letterVersions.templateId, templateId)))
    .orderBy(desc(letterVersions.version))
    .get();
}

export function markLetterVersionSent(db: CaseDb, id: number, at: string): void {
  db.update(letterVersions).set({ sentAt: at }).where(eq(letterVersions.id, id)).run();
}
