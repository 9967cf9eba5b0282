/**
 * Contributor tasks and chasers (issue 14): the team's departments, asking one about a case or some
 * of its questions, the chasers drafted for the officer's own mail client (FOI Desk sends nothing),
 * the reply recorded and copied into an answer through the answer rules. The schedule and the
 * wording are shared/chasers.ts; every step is in the case's audit trail.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { inTransaction, type CaseDb } from '../../../db/case-file';
import { recordAudit, recordChanges } from '../../../db/queries/audit';
import { getCaseRecord, type CaseRow } from '../../../db/queries/cases';
import {
  departmentNameTaken,
  getContributorSettings,
  getDepartment,
  getTask,
  insertChase,
  insertTask,
  listChases,
  listDepartments,
  listTasks,
  saveContributorSettings,
  saveDepartment,
  updateTask,
  type ChaseRow,
  type TaskRow,
} from '../../../db/queries/contributors';
import { getOrganisation } from '../../../db/queries/organisation';
import {
  chaserText,
  internalDueDate,
  mailtoLink,
  nextChase,
  statusAfterChase,
  type ChaseKind,
  type Department,
  type TaskCalendar,
} from '../../../shared/chasers';
import type { CaseRecord, QuestionResponse } from '../../../shared/case-format';
import type {
  CaseContributors,
  ChaseDraft,
  ChaseResult,
  ContributorSettingsBundle,
  ContributorTaskView,
} from '../../../shared/contract';
import { isIsoDate } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import { REGIME_LONG } from '../../../shared/labels';
import { flattenQuestions, type FlatQuestion } from '../../../shared/questions';
import { buildEml, newMessageId } from '../chase-email';
import { loadClockContext } from '../deadlines';
import { writeFileAtomic } from '../files';
import { checkOutputPath } from '../output-paths';
import type { OpenSession } from '../session';
import { caseHandlers, getCase, requireRow } from './cases';
import type { AppHandlers, SessionHandlers } from './types';

function settingsBundle(db: CaseDb): ContributorSettingsBundle {
  return { settings: getContributorSettings(db), departments: listDepartments(db) };
}

function calendarOf(db: CaseDb, row: Pick<CaseRow, 'regime'>): TaskCalendar {
  const context = loadClockContext(db);
  return { regime: row.regime, jurisdiction: context.jurisdiction, extraHolidays: context.extraHolidays };
}

function requireTask(db: CaseDb, id: number): TaskRow {
  const task = getTask(db, id);
  if (!task) throw new AppError('not-found', 'That contributor task is not in the case file.');
  return task;
}

function requireDepartment(db: CaseDb, id: number): Department {
  const department = getDepartment(db, id);
  if (!department) throw new AppError('not-found', 'That department is not in the team list.');
  return department;
}

function requireRecord(db: CaseDb, caseId: number): CaseRecord {
  const record = getCaseRecord(db, caseId, { ids: true });
  if (!record)
    throw new AppError('not-found', 'That case is not in the case file (it may have been removed).');
  return record;
}

/** The questions a task names, as the case numbers them now (a removed one is left out). */
function taskQuestions(flat: readonly FlatQuestion[], keys: readonly string[]): FlatQuestion[] {
  if (keys.length === 0) return [];
  const wanted = new Set(keys);
  return flat.filter((q) => q.id && wanted.has(q.id));
}

function taskView(
  task: TaskRow,
  chases: readonly ChaseRow[],
  department: Department,
  flat: readonly FlatQuestion[],
  row: CaseRow,
  calendar: TaskCalendar,
  intervalDays: number,
  today: string,
): ContributorTaskView {
  return {
    id: task.id,
    caseId: task.caseId,
    department,
    questions: taskQuestions(flat, task.questionKeys).map((q) => ({ id: q.id!, number: q.number })),
    asked: task.asked,
    internalDue: task.internalDue,
    status: task.status,
    note: task.note,
    includeRequester: task.includeRequester,
    reply: task.reply,
    answered: task.answered,
    chases: chases.map((c) => ({ date: c.date, kind: c.kind, to: c.toAddress })),
    next:
      row.status === 'closed'
        ? null
        : nextChase({
            status: task.status,
            internalDue: task.internalDue,
            chases,
            caseDue: row.dueDate,
            intervalDays,
            today,
            calendar,
          }),
  };
}

export function caseContributors(s: OpenSession, caseId: number): CaseContributors {
  const db = s.db;
  const row = requireRow(db, caseId);
  const record = requireRecord(db, caseId);
  const flat = flattenQuestions(record.questions);
  const settings = getContributorSettings(db);
  const calendar = calendarOf(db, row);
  const today = s.today();
  const tasks = listTasks(db, caseId);
  const chases = listChases(
    db,
    tasks.map((t) => t.id),
  );
  const departments = listDepartments(db);
  const byId = new Map(departments.map((d) => [d.id, d]));
  return {
    caseId,
    tasks: tasks.map((t) =>
      taskView(
        t,
        chases.get(t.id) ?? [],
        byId.get(t.departmentId)!,
        flat,
        row,
        calendar,
        settings.chaseIntervalDays,
        today,
      ),
    ),
    departments: departments.filter((d) => d.active),
    settings,
    defaultInternalDue: internalDueDate(today, settings.internalDueDays, calendar),
    today,
  };
}

interface Drafted {
  draft: ChaseDraft;
  /** What the chase is recorded as, and the task's status after it. */
  record: { kind: ChaseKind; status: TaskRow['status']; toAddress: string };
}

/** The email for a task: the first request, or the next chaser the schedule gives. */
function draftFor(
  s: OpenSession,
  taskId: number,
  kind: 'request' | 'next',
  includeRequester?: boolean,
): Drafted {
  const db = s.db;
  const task = requireTask(db, taskId);
  const row = requireRow(db, task.caseId);
  const record = requireRecord(db, task.caseId);
  const department = requireDepartment(db, task.departmentId);
  const settings = getContributorSettings(db);
  const calendar = calendarOf(db, row);
  const chases = listChases(db, [task.id]).get(task.id) ?? [];
  const flat = flattenQuestions(record.questions);
  let chaseKind: ChaseKind = 'request';
  let recipient: 'contact' | 'escalation' = 'contact';
  let number = 0;
  if (kind === 'next') {
    if (task.status === 'answered')
      throw new AppError('validation', `${department.name} has answered: there is nothing to chase.`);
    const next = nextChase({
      status: task.status,
      internalDue: task.internalDue,
      chases,
      caseDue: row.dueDate,
      intervalDays: settings.chaseIntervalDays,
      today: s.today(),
      calendar,
    })!;
    chaseKind = next.kind;
    recipient = next.recipient;
    number = next.number;
  }
  // No escalation contact: the escalation goes to the contact (the page says so).
  const escalating = recipient === 'escalation' && department.escalationEmail !== null;
  const to = escalating
    ? { name: department.escalationName, address: department.escalationEmail! }
    : { name: department.contactName, address: department.email };
  const cc = escalating ? { name: department.contactName, address: department.email } : null;
  const org = getOrganisation(db);
  const text = chaserText({
    kind: chaseKind,
    number,
    reference: record.reference,
    subject: record.subject,
    regimeLabel: REGIME_LONG[record.regime] ?? record.regime,
    department,
    recipient: escalating ? 'escalation' : 'contact',
    questions: taskQuestions(flat, task.questionKeys).map((q) => ({ number: q.number, text: q.text })),
    note: task.note,
    asked: task.asked,
    internalDue: task.internalDue,
    caseDue: row.dueDate,
    officer: s.actor,
    team: org ? [org.team, org.name].filter(Boolean).join(', ') : null,
    requester: record.requester,
    includeRequester: includeRequester ?? task.includeRequester,
  });
  const fileName =
    `${record.reference} ${chaseKind === 'request' ? 'request' : `chaser ${number}`} ${department.name}.eml`
      .replace(/[\\/:*?"<>|\p{Cc}]+/gu, '-')
      .slice(0, 200);
  return {
    draft: {
      taskId,
      kind: chaseKind,
      number,
      recipient: escalating ? 'escalation' : 'contact',
      from: org?.email ?? null,
      to: to.address,
      cc: cc?.address ?? null,
      subject: text.subject,
      body: text.body,
      mailto: mailtoLink(to.address, cc?.address ?? null, text),
      fileName,
    },
    record: {
      kind: chaseKind,
      status: chaseKind === 'request' ? task.status : statusAfterChase(task.status, recipient),
      toAddress: to.address,
    },
  };
}

function emlOf(s: OpenSession, draft: ChaseDraft): { eml: Buffer; messageId: string } {
  const org = getOrganisation(s.db);
  const domain = org?.email?.split('@')[1];
  return buildEml(
    {
      from: org?.email ? { name: org.team ?? org.name, address: org.email } : null,
      to: { address: draft.to },
      cc: draft.cc ? { address: draft.cc } : null,
      subject: draft.subject,
      body: draft.body,
      date: s.now(),
      domain,
    },
    newMessageId(domain),
  );
}

/** Records a drafted email against its task (and moves the task on), with its audit entry. */
function recordDrafted(s: OpenSession, drafted: Drafted, messageId: string, how: 'eml' | 'mailto'): void {
  const task = requireTask(s.db, drafted.draft.taskId);
  const department = requireDepartment(s.db, task.departmentId);
  inTransaction(s.db, (tx) => {
    insertChase(tx, {
      taskId: task.id,
      date: s.today(),
      kind: drafted.record.kind,
      toAddress: drafted.record.toAddress,
      messageId,
    });
    if (drafted.record.status !== task.status) updateTask(tx, task.id, { status: drafted.record.status });
    recordAudit(tx, {
      actor: s.actor,
      caseId: task.caseId,
      action: 'contributor-chased',
      entity: 'contributor-task',
      field: department.name,
      oldValue: { status: task.status },
      newValue: {
        task: task.id,
        kind: drafted.record.kind,
        number: drafted.draft.number,
        to: drafted.record.toAddress,
        status: drafted.record.status,
        as: how,
      },
    });
  });
}

function chase(
  s: OpenSession,
  input: { taskId: number; kind: 'request' | 'next'; includeRequester?: boolean | undefined },
  as: 'eml' | 'mailto',
  /** Where the .eml goes before the chase is recorded (a failed write records nothing). */
  deliver?: (eml: Buffer) => void,
): { result: ChaseResult; eml: Buffer | null } {
  const drafted = draftFor(s, input.taskId, input.kind, input.includeRequester);
  const built = as === 'eml' ? emlOf(s, drafted.draft) : null;
  if (built && deliver) deliver(built.eml);
  recordDrafted(s, drafted, built?.messageId ?? newMessageId(undefined), as);
  const taskCase = requireTask(s.db, input.taskId).caseId;
  return {
    result: {
      draft: drafted.draft,
      file: built ? { fileName: drafted.draft.fileName, base64: built.eml.toString('base64') } : null,
      contributors: caseContributors(s, taskCase),
    },
    eml: built?.eml ?? null,
  };
}

function responseWithReply(
  old: QuestionResponse | undefined,
  reply: string,
  mode: 'fill' | 'append' | 'replace',
  number: string,
): QuestionResponse {
  const typed = old && (old.text?.trim() || old.heldStatement?.trim() || old.exemptions?.length);
  if (mode === 'fill' && typed)
    throw new AppError(
      'conflict',
      `Question ${number} already has an answer: add the reply below it, or replace it once you have checked.`,
    );
  if (mode === 'append' && old?.text?.trim()) return { ...old, text: `${old.text.trimEnd()}\n\n${reply}` };
  if (mode === 'replace' || !old) return { outcome: old?.outcome ?? 'provided', ...keepOf(old), text: reply };
  return { ...old, text: reply };
}

/** What of an answer a replaced text keeps: its outcome and the parts that are not its text. */
function keepOf(old: QuestionResponse | undefined): Partial<QuestionResponse> {
  if (!old) return {};
  const { text: _text, ...rest } = old;
  return rest;
}

export const contributorHandlers = {
  'contributors:settings': (s) => settingsBundle(s.db),

  'contributors:save-settings': (s, { settings }) => {
    inTransaction(s.db, (tx) => {
      const before = getContributorSettings(tx);
      saveContributorSettings(tx, settings);
      recordChanges(tx, { actor: s.actor, entity: 'settings', before, after: settings });
    });
    return settingsBundle(s.db);
  },

  'contributors:save-department': (s, { department }) => {
    if (departmentNameTaken(s.db, department.name, department.id))
      throw new AppError('validation', `There is already a department called ${department.name}.`);
    inTransaction(s.db, (tx) => {
      const before = department.id ? requireDepartment(tx, department.id) : null;
      const id = saveDepartment(tx, department);
      const after = requireDepartment(tx, id);
      if (before) recordChanges(tx, { actor: s.actor, entity: 'department', before, after });
      else
        recordAudit(tx, {
          actor: s.actor,
          action: 'create',
          entity: 'department',
          field: after.name,
          newValue: after,
        });
    });
    return settingsBundle(s.db);
  },

  'contributors:list': (s, { caseId }) => caseContributors(s, caseId),

  'contributors:ask': (s, input) => {
    const db = s.db;
    const row = requireRow(db, input.caseId);
    if (row.status === 'closed')
      throw new AppError('validation', 'The case is closed: reopen it to ask a department.');
    const department = requireDepartment(db, input.departmentId);
    if (!department.active)
      throw new AppError('validation', `${department.name} is no longer on the team list.`);
    const record = requireRecord(db, input.caseId);
    const known = new Set(flattenQuestions(record.questions).flatMap((q) => (q.id ? [q.id] : [])));
    if (input.questionIds.some((q) => !known.has(q)))
      throw new AppError(
        'conflict',
        'The questions of this case have changed since the page loaded them. Reload the case.',
      );
    const today = s.today();
    const settings = getContributorSettings(db);
    const internalDue =
      input.internalDue ?? internalDueDate(today, settings.internalDueDays, calendarOf(db, row));
    if (!isIsoDate(internalDue) || internalDue < today)
      throw new AppError('validation', 'The internal due date cannot be before today.');
    inTransaction(db, (tx) => {
      const id = insertTask(tx, {
        caseId: input.caseId,
        departmentId: department.id,
        questionKeys: [...new Set(input.questionIds)],
        asked: today,
        internalDue,
        note: input.note?.trim() || null,
        includeRequester: input.includeRequester === true,
      });
      recordAudit(tx, {
        actor: s.actor,
        caseId: input.caseId,
        action: 'contributor-asked',
        entity: 'contributor-task',
        field: department.name,
        newValue: {
          task: id,
          questions: input.questionIds.length ? 'some' : 'the whole case',
          internalDue,
          includeRequester: input.includeRequester === true,
        },
      });
    });
    return caseContributors(s, input.caseId);
  },

  'contributors:draft': (s, { taskId, kind, includeRequester }) =>
    draftFor(s, taskId, kind, includeRequester).draft,

  'contributors:chase': (s, input) => chase(s, input, input.as).result,

  'contributors:record-reply': (s, { taskId, reply, date }) => {
    const task = requireTask(s.db, taskId);
    const department = requireDepartment(s.db, task.departmentId);
    const answered = date ?? s.today();
    if (answered > s.today()) throw new AppError('validation', 'The reply cannot be dated in the future.');
    if (answered < task.asked)
      throw new AppError('validation', 'The reply cannot be dated before the department was asked.');
    inTransaction(s.db, (tx) => {
      updateTask(tx, taskId, { status: 'answered', reply, answered });
      recordAudit(tx, {
        actor: s.actor,
        caseId: task.caseId,
        action: 'contributor-replied',
        entity: 'contributor-task',
        field: department.name,
        oldValue: { status: task.status, reply: task.reply },
        newValue: { task: taskId, status: 'answered', answered, chars: reply.length },
      });
    });
    return caseContributors(s, task.caseId);
  },

  'contributors:copy-reply': (s, { taskId, questionId, mode }) => {
    const task = requireTask(s.db, taskId);
    if (!task.reply) throw new AppError('validation', 'Record the department’s reply first.');
    const department = requireDepartment(s.db, task.departmentId);
    const record = requireRecord(s.db, task.caseId);
    const question = flattenQuestions(record.questions).find((q) => q.id === questionId);
    if (!question)
      throw new AppError(
        'conflict',
        'That question is no longer in the case (it may have been removed). Reload the case.',
      );
    const response = responseWithReply(question.response, task.reply, mode, question.number);
    // Through cases:set-response, so every answer rule applies; one transaction with its audit
    // entry, and the case read after both (its history shows the copy).
    inTransaction(s.db, (tx) => {
      caseHandlers['cases:set-response'](s, { id: task.caseId, questionId, response });
      recordAudit(tx, {
        actor: s.actor,
        caseId: task.caseId,
        action: 'contributor-reply-copied',
        entity: 'question',
        field: question.number,
        newValue: { task: taskId, department: department.name, mode },
      });
    });
    return getCase(s, task.caseId);
  },
} satisfies SessionHandlers<'contributors:'>;

export const contributorAppHandlers = {
  /**
   * Writing the .eml: only where the officer chose in the save dialog main opened (used once), never
   * a path the page made up, and never over the case file.
   */
  'contributors:chase-export': (app, input) => {
    const s = app.requireSession();
    requireTask(s.db, input.taskId);
    if (!app.grants.take('eml-export', input.path))
      throw new AppError(
        'validation',
        'Choose where to save the email with the Save dialog: FOI Desk writes only where you chose.',
      );
    const folder = path.dirname(input.path);
    if (!existsSync(folder) || !statSync(folder).isDirectory())
      throw new AppError('file-missing', 'That folder does not exist.');
    checkOutputPath(input.path, { inputs: [s.file.path], force: true });
    const { result, eml } = chase(s, input, 'eml', (bytes) => writeFileAtomic(input.path, bytes));
    return { ...result, file: null, path: input.path, bytes: eml!.length };
  },
} satisfies AppHandlers<'contributors:'>;
