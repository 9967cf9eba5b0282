import { asc, eq } from 'drizzle-orm';
import type { CaseDb } from '../case-file';
import { auditLog } from '../schema';

export interface AuditEntry {
  actor: string;
  caseId?: number | null;
  action: string;
  entity: string;
  field?: string | null;
  oldValue?: unknown;
  newValue?: unknown;
}

function asText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Appends to the audit log (inside the caller's transaction, so the change and its record land together). */
export function recordAudit(db: CaseDb, entry: AuditEntry): void {
  db.insert(auditLog)
    .values({
      actor: entry.actor,
      caseId: entry.caseId ?? null,
      action: entry.action,
      entity: entry.entity,
      field: entry.field ?? null,
      oldValue: asText(entry.oldValue),
      newValue: asText(entry.newValue),
    })
    .run();
}

export function listAuditForCase(db: CaseDb, caseId: number) {
  return db.select().from(auditLog).where(eq(auditLog.caseId, caseId)).orderBy(asc(auditLog.id)).all();
}
