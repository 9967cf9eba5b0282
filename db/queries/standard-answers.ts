/**
 * The standard answers library's SQL (issue #14, part 3). A team keeps tens or a few hundred
 * entries, so the search is LIKE over title, tags, exemption and text, every word required; the
 * rules (shared/standard-answers.ts) and the audit entries are the caller's.
 */
import { and, asc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { CaseDb } from '../case-file';
import { standardAnswers } from '../schema';
import type { StandardAnswer, StandardAnswerInput } from '../../shared/standard-answers';

type Row = typeof standardAnswers.$inferSelect;

function toEntry(r: Row): StandardAnswer {
  return {
    id: r.id,
    title: r.title,
    text: r.text,
    tags: r.tags,
    regime: r.regime,
    provision: r.provision,
    reviewedOn: r.reviewedOn,
    addedBy: r.addedBy,
    addedAt: r.createdAt,
  };
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface StandardAnswerFilter {
  /** Words that must each appear in the title, tags, exemption or text (case ignored). */
  terms?: readonly string[];
  /** Entries for this regime and those for any regime. */
  regime?: string;
  limit?: number;
}

export function listStandardAnswers(db: CaseDb, filter: StandardAnswerFilter = {}): StandardAnswer[] {
  const where: SQL[] = [];
  for (const term of filter.terms ?? []) {
    const pattern = `%${escapeLike(term)}%`;
    const any = or(
      sql`${standardAnswers.title} LIKE ${pattern} ESCAPE '\\'`,
      sql`${standardAnswers.text} LIKE ${pattern} ESCAPE '\\'`,
      sql`${standardAnswers.tags} LIKE ${pattern} ESCAPE '\\'`,
      sql`coalesce(${standardAnswers.provision}, '') LIKE ${pattern} ESCAPE '\\'`,
    );
    if (any) where.push(any);
  }
  if (filter.regime) {
    const r = or(
      sql`${standardAnswers.regime} IS NULL`,
      eq(standardAnswers.regime, filter.regime as Row['regime'] & string),
    );
    if (r) where.push(r);
  }
  const query = db
    .select()
    .from(standardAnswers)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(sql`lower(${standardAnswers.title})`), asc(standardAnswers.id));
  return (filter.limit ? query.limit(filter.limit) : query).all().map(toEntry);
}

export function getStandardAnswer(db: CaseDb, id: number): StandardAnswer | undefined {
  const row = db.select().from(standardAnswers).where(eq(standardAnswers.id, id)).get();
  return row ? toEntry(row) : undefined;
}

/** An entry with this title (case ignored), other than `exceptId`: titles are how the team finds them. */
export function findStandardAnswerByTitle(
  db: CaseDb,
  title: string,
  exceptId?: number,
): StandardAnswer | undefined {
  const wanted = title.trim().toLowerCase();
  // Compared in JavaScript: SQLite's lower() folds only ASCII letters.
  const row = db
    .select()
    .from(standardAnswers)
    .all()
    .find((r) => r.id !== exceptId && r.title.toLowerCase() === wanted);
  return row ? toEntry(row) : undefined;
}

export function insertStandardAnswer(
  db: CaseDb,
  entry: StandardAnswerInput & { reviewedOn: string; addedBy: string },
): StandardAnswer {
  const row = db.insert(standardAnswers).values(entry).returning().get();
  return toEntry(row);
}

export function updateStandardAnswer(
  db: CaseDb,
  id: number,
  patch: Partial<StandardAnswerInput> & { reviewedOn?: string; updatedAt: string },
): StandardAnswer | undefined {
  const row = db.update(standardAnswers).set(patch).where(eq(standardAnswers.id, id)).returning().get();
  return row ? toEntry(row) : undefined;
}

export function deleteStandardAnswer(db: CaseDb, id: number): boolean {
  return db.delete(standardAnswers).where(eq(standardAnswers.id, id)).run().changes > 0;
}

export function countStandardAnswers(db: CaseDb): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(standardAnswers)
      .get()?.n ?? 0
  );
}
