import { asc, eq, sql } from 'drizzle-orm';
import type { CaseDb } from '../case-file';
import { preparedQuery } from '../statement-cache';
import { auditLog } from '../schema';
import type { AuditAction, AuditEntity } from '../../shared/audit';

export interface AuditRecord {
  actor: string;
  caseId?: number | null;
  action: AuditAction;
  entity: AuditEntity;
  field?: string | null;
  oldValue?: unknown;
  newValue?: unknown;
}

function asText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Appends to the audit log (inside the caller's transaction, so the change and its record land together). */
export function recordAudit(db: CaseDb, entry: AuditRecord): void {
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

/**
 * The one audit writer for edits: an entry for each field whose value differs between `before`
 * and `after` (compared as stored text, so `null`, `undefined` and a missing key are the same).
 * Only the keys of `after` are compared: a patch names what it changes. Returns the fields written.
 */
export function recordChanges<T extends object>(
  db: CaseDb,
  change: {
    actor: string;
    entity: AuditEntity;
    caseId?: number | null;
    before: Partial<T> | null | undefined;
    after: Partial<T>;
    /** The action for a field (default `update`), e.g. `close` when the status becomes closed. */
    actionFor?: (field: keyof T & string, value: unknown) => AuditAction;
  },
): string[] {
  const written: string[] = [];
  for (const field of Object.keys(change.after) as (keyof T & string)[]) {
    const oldValue = change.before?.[field];
    const newValue = change.after[field];
    if (newValue === undefined || asText(oldValue) === asText(newValue)) continue;
    recordAudit(db, {
      actor: change.actor,
      caseId: change.caseId ?? null,
      action: change.actionFor?.(field, newValue) ?? 'update',
      entity: change.entity,
      field,
      oldValue,
      newValue,
    });
    written.push(field);
  }
  return written;
}

export function listAuditForCase(db: CaseDb, caseId: number) {
  // The case page's read: prepared once per connection (db/statement-cache.ts).
  return preparedQuery(db, 'audit.forCase', () =>
    db
      .select()
      .from(auditLog)
      .where(eq(auditLog.caseId, sql.placeholder('caseId')))
      .orderBy(asc(auditLog.id))
      .prepare(),
  ).all({ caseId });
}
