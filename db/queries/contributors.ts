/** Departments, contributor tasks and their chasers (issue 14): the SQL, and nothing else. */
import { and, asc, eq, getTableColumns, inArray, ne, sql } from 'drizzle-orm';
import type { CaseDb } from '../case-file';
import { cases, contributorChases, contributorTasks, departments } from '../schema';
import {
  CONTRIBUTOR_SETTINGS_KEY,
  OPEN_TASK_STATUSES,
  readContributorSettings,
  type ChaseKind,
  type ContributorSettings,
  type Department,
  type DepartmentInput,
} from '../../shared/chasers';
import { getSettingValue, setSetting } from './settings';

export type TaskRow = typeof contributorTasks.$inferSelect;
export type ChaseRow = typeof contributorChases.$inferSelect;

export function getContributorSettings(db: CaseDb): ContributorSettings {
  return readContributorSettings(getSettingValue(db, CONTRIBUTOR_SETTINGS_KEY));
}

export function saveContributorSettings(db: CaseDb, values: ContributorSettings): void {
  setSetting(db, CONTRIBUTOR_SETTINGS_KEY, values);
}

export function listDepartments(db: CaseDb): Department[] {
  return db.select().from(departments).orderBy(asc(departments.name)).all();
}

export function getDepartment(db: CaseDb, id: number): Department | undefined {
  return db.select().from(departments).where(eq(departments.id, id)).get();
}

/** Another department already has this name (compared ignoring case). */
export function departmentNameTaken(db: CaseDb, name: string, exceptId?: number): boolean {
  const row = db
    .select({ id: departments.id })
    .from(departments)
    .where(
      and(
        sql`lower(${departments.name}) = lower(${name})`,
        exceptId ? ne(departments.id, exceptId) : undefined,
      ),
    )
    .get();
  return row !== undefined;
}

/** Inserts or updates a department; answers its id. */
export function saveDepartment(db: CaseDb, input: DepartmentInput): number {
  const values = {
    name: input.name,
    contactName: input.contactName,
    email: input.email,
    escalationName: input.escalationName ?? null,
    escalationEmail: input.escalationEmail ?? null,
    active: input.active,
  };
  if (input.id) {
    db.update(departments).set(values).where(eq(departments.id, input.id)).run();
    return input.id;
  }
  return Number(db.insert(departments).values(values).run().lastInsertRowid);
}

export function insertTask(
  db: CaseDb,
  task: {
    caseId: number;
    departmentId: number;
    questionKeys: string[];
    asked: string;
    internalDue: string;
    note: string | null;
    includeRequester: boolean;
  },
): number {
  return Number(
    db
      .insert(contributorTasks)
      .values({ ...task, status: 'asked' })
      .run().lastInsertRowid,
  );
}

export function getTask(db: CaseDb, id: number): TaskRow | undefined {
  return db.select().from(contributorTasks).where(eq(contributorTasks.id, id)).get();
}

export function listTasks(db: CaseDb, caseId: number): TaskRow[] {
  return db
    .select()
    .from(contributorTasks)
    .where(eq(contributorTasks.caseId, caseId))
    .orderBy(asc(contributorTasks.id))
    .all();
}

export function updateTask(
  db: CaseDb,
  id: number,
  values: Partial<Pick<TaskRow, 'status' | 'reply' | 'answered' | 'internalDue'>>,
): void {
  db.update(contributorTasks).set(values).where(eq(contributorTasks.id, id)).run();
}

export function insertChase(
  db: CaseDb,
  chase: { taskId: number; date: string; kind: ChaseKind; toAddress: string; messageId: string },
): void {
  db.insert(contributorChases).values(chase).run();
}

/** The chasers of some tasks, oldest first, by task. */
export function listChases(db: CaseDb, taskIds: readonly number[]): Map<number, ChaseRow[]> {
  const out = new Map<number, ChaseRow[]>();
  if (taskIds.length === 0) return out;
  const rows = db
    .select()
    .from(contributorChases)
    .where(inArray(contributorChases.taskId, [...taskIds]))
    .orderBy(asc(contributorChases.taskId), asc(contributorChases.id))
    .all();
  for (const row of rows) {
    const list = out.get(row.taskId) ?? [];
    list.push(row);
    out.set(row.taskId, list);
  }
  return out;
}

/** Open tasks (not answered) with their case's reference, due date and regime, for `foi-desk chasers`. */
export function listOpenTasks(db: CaseDb) {
  return db
    .select({
      ...getTableColumns(contributorTasks),
      reference: cases.reference,
      caseDue: cases.dueDate,
      regime: cases.regime,
    })
    .from(contributorTasks)
    .innerJoin(cases, eq(cases.id, contributorTasks.caseId))
    .where(inArray(contributorTasks.status, [...OPEN_TASK_STATUSES]))
    .orderBy(asc(cases.reference), asc(contributorTasks.id))
    .all();
}

/** How many cases are waiting on a department (for the queue's filter label). */
export function countWaitingCases(db: CaseDb, openStatuses: readonly string[]): number {
  const placeholders = OPEN_TASK_STATUSES.map(() => '?').join(', ');
  const statuses = openStatuses.map(() => '?').join(', ');
  return Number(
    db.$client
      .prepare(
        `SELECT count(*) FROM cases c WHERE c.status IN (${statuses}) AND c.id IN (SELECT case_id FROM contributor_tasks WHERE status IN (${placeholders}))`,
      )
      .pluck()
      .get(...openStatuses, ...OPEN_TASK_STATUSES),
  );
}
