import { eq } from 'drizzle-orm';
import type { CaseDb } from '../case-file';
import { preparedQuery } from '../statement-cache';
import { organisation } from '../schema';
import { ORGANISATION_FORMAT, type Organisation } from '../../shared/case-format';
import { omitNulls } from './omit-nulls';

export function getOrganisation(db: CaseDb): Organisation | undefined {
  // Read for every queue page (the clock's jurisdiction): prepared once per connection.
  const row = preparedQuery(db, 'organisation.row', () =>
    db.select().from(organisation).where(eq(organisation.id, 1)).prepare(),
  ).get();
  if (!row) return undefined;
  return omitNulls({
    format: ORGANISATION_FORMAT,
    name: row.name,
    team: row.team,
    addressLines: row.addressLines,
    telephone: row.telephone,
    fax: row.fax,
    directLine: row.directLine,
    email: row.email,
    website: row.website,
    internalReviewWindow: row.internalReviewWindow,
    jurisdiction: row.jurisdiction as Organisation['jurisdiction'] | null,
    font: row.font,
  }) as Organisation;
}

export function saveOrganisation(db: CaseDb, org: Organisation): void {
  const values = {
    name: org.name,
    team: org.team ?? null,
    addressLines: org.addressLines,
    telephone: org.telephone ?? null,
    fax: org.fax ?? null,
    directLine: org.directLine ?? null,
    email: org.email ?? null,
    website: org.website ?? null,
    internalReviewWindow: org.internalReviewWindow ?? null,
    jurisdiction: org.jurisdiction ?? null,
    font: org.font ?? null,
    updatedAt: new Date().toISOString(),
  };
  db.insert(organisation)
    .values({ id: 1, ...values })
    .onConflictDoUpdate({ target: organisation.id, set: values })
    .run();
}

/** The letterhead logo's bytes and type; undefined when there is none. */
export function getOrganisationLogo(db: CaseDb): { bytes: Buffer; type: string } | undefined {
  const row = db
    .select({ logo: organisation.logo, logoType: organisation.logoType })
    .from(organisation)
    .where(eq(organisation.id, 1))
    .get();
  if (!row?.logo || !row.logoType) return undefined;
  return { bytes: Buffer.from(row.logo), type: row.logoType };
}

/** Stores (or with null removes) the logo. The organisation row must exist: the letterhead comes first. */
export function saveOrganisationLogo(db: CaseDb, logo: { bytes: Buffer; type: string } | null): boolean {
  const result = db
    .update(organisation)
    .set({ logo: logo?.bytes ?? null, logoType: logo?.type ?? null, updatedAt: new Date().toISOString() })
    .where(eq(organisation.id, 1))
    .run();
  return result.changes > 0;
}
