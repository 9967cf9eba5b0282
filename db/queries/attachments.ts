/**
 * A case's files, kept as BLOBs inside the encrypted case file, and where a case logged from an
 * email came from. Listing never reads the bytes; only an export or a download does.
 */
import { and, asc, count, eq, sql, sum } from 'drizzle-orm';
import type { CaseDb } from '../case-file';
import { attachments, caseEmails, cases, requesters } from '../schema';
import type { AttachmentKind, CaseAttachmentUse } from '../../shared/attachment-rules';

export interface AttachmentRow {
  id: number;
  caseId: number;
  kind: AttachmentKind;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  createdAt: string;
}

const listed = {
  id: attachments.id,
  caseId: attachments.caseId,
  kind: attachments.kind,
  name: attachments.name,
  contentType: attachments.contentType,
  size: attachments.size,
  sha256: attachments.sha256,
  createdAt: attachments.createdAt,
};

export function insertAttachment(
  db: CaseDb,
  values: {
    caseId: number;
    kind: AttachmentKind;
    name: string;
    contentType: string;
    sha256: string;
    data: Buffer;
  },
): number {
  const row = db
    .insert(attachments)
    .values({ ...values, size: values.data.length })
    .returning({ id: attachments.id })
    .get();
  return row.id;
}

export function listAttachments(db: CaseDb, caseId: number): AttachmentRow[] {
  return db
    .select(listed)
    .from(attachments)
    .where(eq(attachments.caseId, caseId))
    .orderBy(asc(attachments.id))
    .all();
}

export function getAttachment(db: CaseDb, id: number): AttachmentRow | undefined {
  return db.select(listed).from(attachments).where(eq(attachments.id, id)).get();
}

/** The file's bytes (read only to export or download it). */
export function getAttachmentData(db: CaseDb, id: number): Buffer | undefined {
  return db.select({ data: attachments.data }).from(attachments).where(eq(attachments.id, id)).get()?.data;
}

export function caseAttachmentUse(db: CaseDb, caseId: number): CaseAttachmentUse {
  const row = db
    .select({ n: count(), bytes: sum(attachments.size) })
    .from(attachments)
    .where(eq(attachments.caseId, caseId))
    .get();
  return { count: row?.n ?? 0, bytes: Number(row?.bytes ?? 0) };
}

/** True when there was one to remove. */
export function deleteAttachment(db: CaseDb, id: number): boolean {
  return db.delete(attachments).where(eq(attachments.id, id)).run().changes > 0;
}

export function insertCaseEmail(db: CaseDb, values: typeof caseEmails.$inferInsert): void {
  db.insert(caseEmails).values(values).run();
}

export function getCaseEmail(db: CaseDb, caseId: number): typeof caseEmails.$inferSelect | undefined {
  return db.select().from(caseEmails).where(eq(caseEmails.caseId, caseId)).get();
}

export interface LoggedMatch {
  caseId: number;
  reference: string;
}

/** Cases logged from the email with this Message-ID. */
export function casesWithMessageId(db: CaseDb, messageId: string): LoggedMatch[] {
  return db
    .select({ caseId: cases.id, reference: cases.reference })
    .from(caseEmails)
    .innerJoin(cases, eq(cases.id, caseEmails.caseId))
    .where(eq(caseEmails.messageId, messageId))
    .orderBy(asc(cases.id))
    .all();
}

/** Every case from this email address, with its request text (to compare with a new message's). */
export function requestsFromAddress(db: CaseDb, address: string): (LoggedMatch & { requestText: string })[] {
  return db
    .select({ caseId: cases.id, reference: cases.reference, requestText: cases.requestText })
    .from(cases)
    .innerJoin(requesters, eq(requesters.id, cases.requesterId))
    .where(and(sql`lower(trim(${requesters.email})) = ${address.trim().toLowerCase()}`))
    .orderBy(asc(cases.id))
    .all();
}
