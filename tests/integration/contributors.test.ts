/**
 * Contributor tasks and chasers (issue 14) over a real encrypted case file, through the handlers
 * the channels run: departments in Settings, asking Finance about one question, the request and
 * each chaser drafted as an .eml (read back with mailparser), escalation after two chases, the
 * overdue chase once the case's own due date has passed, the reply recorded and copied into the
 * answers without replacing what the officer typed, the queue's "waiting on departments", and every
 * step in the case history. Nothing of the requester is in an email unless the officer ticks it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import PostalMime, { type Address, type Email } from 'postal-mime';
import { DeskApp } from '../../main/services/app';
import { queueSql } from '../../db/queries/queue';
import { contributorAppHandlers, contributorHandlers } from '../../main/services/handlers/contributors';
import type { CaseContributors, ChaseResult } from '../../shared/contract';
import { describeAuditEntry, type AuditEntry } from '../../shared/audit';
import { ORGANISATION_FORMAT } from '../../shared/case-format';
import { AppError } from '../../shared/errors';
import { serviceOf, type Service } from '../service';
import { dumpCaseFile, makeTempDir, PASSPHRASE } from '../helpers';

const REQUESTER = {
  name: 'Siobhán McCarthy',
  email: 'siobhan.mccarthy@example.org',
  address: '12 Acacia Avenue\nLeeds LS1 4AB',
};
/** Every piece of the requester's identity an email could carry. */
const IDENTITY = ['Siobhán', 'McCarthy', 'siobhan', 'Acacia', 'LS1 4AB'];

let now = new Date(2026, 11, 1, 12, 0, 0); // Tuesday 1 December 2026
let temp: ReturnType<typeof makeTempDir>;
let app: DeskApp;
let desk: Service;
let file: string;
let caseId = 0;
let otherId = 0;
let financeId = 0;
let q1 = '';
let q2 = '';

const h = contributorHandlers;
const s = () => app.requireSession();
const contributors = () => h['contributors:list'](s(), { caseId });
const task = () => contributors().tasks[0]!;

/** The .eml read back by postal-mime (the parser email intake uses). */
async function parse(result: ChaseResult): Promise<{ raw: string; mail: Email }> {
  const raw = Buffer.from(result.file!.base64, 'base64').toString('latin1');
  return { raw, mail: await PostalMime.parse(raw) };
}
const address = (a: Address | Address[] | undefined) =>
  (Array.isArray(a) ? a : a ? [a] : []).flatMap((x) =>
    x.group ? x.group.map((g) => g.address) : [x.address],
  );
const header = (mail: Email, key: string) => mail.headers.find((x) => x.key === key)?.value;

function expectNoRequester(...texts: string[]): void {
  for (const text of texts)
    for (const piece of IDENTITY) expect(text.toLowerCase()).not.toContain(piece.toLowerCase());
}

beforeAll(async () => {
  temp = makeTempDir();
  app = new DeskApp({
    configDir: path.join(temp.dir, 'config'),
    actor: 'Sam Smith',
    now: () => now,
    integrityCheck: false,
  });
  desk = serviceOf(app);
  file = path.join(temp.dir, 'register.foidesk');
  await desk.create({ path: file, passphrase: Buffer.from(PASSPHRASE) });
  desk.saveOrganisation({
    format: ORGANISATION_FORMAT,
    name: 'Mersey Care NHS Foundation Trust',
    team: 'Information Governance',
    addressLines: ['1 Hospital Road', 'Liverpool'],
    email: 'foi@trust.nhs.uk',
  });
  const detail = desk.createCase({
    reference: 'FOI 7001',
    regime: 'FOIA',
    // Friday 20 November 2026: due Monday 21 December (St Andrew's Day, 30 November, not counted).
    received: '2026-11-20',
    requester: REQUESTER,
    subject: 'Agency spend – Ward 7 café',
    requestText: `Dear FOI team,\nPlease tell me about agency spend.\n\nSiobhán McCarthy\n12 Acacia Avenue`,
    questions: [
      { number: '1', text: 'How many agency nurses worked on Ward 7?' },
      {
        number: '2',
        text: 'What did the trust spend on agency staff in 2025? (Siobhán McCarthy asks for a total.)',
      },
    ],
  });
  caseId = detail.id;
  q1 = detail.record.questions[0]!.id!;
  q2 = detail.record.questions[1]!.id!;
  otherId = desk.createCase({
    reference: 'FOI 7002',
    regime: 'FOIA',
    received: '2026-11-24',
    requester: { name: 'Someone Else' },
    subject: 'Car parking',
    requestText: 'Car parking income.',
    questions: [],
  }).id;
});
afterAll(async () => {
  await desk.lock();
  temp.cleanup();
});

describe('departments and the team’s settings', () => {
  it('keeps the team list and the working days, refusing a second department of the same name', () => {
    const saved = h['contributors:save-settings'](s(), {
      settings: { internalDueDays: 5, chaseIntervalDays: 3 },
    });
    expect(saved.settings).toEqual({ internalDueDays: 5, chaseIntervalDays: 3 });
    const bundle = h['contributors:save-department'](s(), {
      department: {
        name: 'Finance',
        contactName: 'Siân Öztürk',
        email: 'finance@trust.nhs.uk',
        escalationName: 'Director of Finance',
        escalationEmail: 'finance.director@trust.nhs.uk',
        active: true,
      },
    });
    financeId = bundle.departments[0]!.id;
    expect(bundle.departments[0]).toMatchObject({ name: 'Finance', contactName: 'Siân Öztürk' });
    expect(() =>
      h['contributors:save-department'](s(), {
        department: { name: 'finance', contactName: 'X', email: 'x@trust.nhs.uk', active: true },
      }),
    ).toThrow(/already a department called finance/);
  });
});

describe('asking a department and chasing it', () => {
  it('asks Finance about question 2, due five working days later by default', () => {
    expect(contributors().defaultInternalDue).toBe('2026-12-08');
    const after = h['contributors:ask'](s(), { caseId, departmentId: financeId, questionIds: [q2] });
    expect(after.tasks).toHaveLength(1);
    expect(task()).toMatchObject({
      status: 'asked',
      asked: '2026-12-01',
      internalDue: '2026-12-08',
      questions: [{ id: q2, number: '2' }],
      includeRequester: false,
    });
    expect(task().next).toMatchObject({ number: 1, due: '2026-12-09', kind: 'chase', isDue: false });
  });

  it('shows the case in the queue’s “waiting on departments”, with its count of open tasks', () => {
    const page = desk.listCases({ view: 'open', waiting: true, offset: 0, limit: 50 });
    expect(page.rows.map((r) => r.reference)).toEqual(['FOI 7001']);
    expect(page.rows[0]!.openTasks).toBe(1);
    const all = desk.listCases({ view: 'open', offset: 0, limit: 50 });
    expect(all.rows.find((r) => r.id === otherId)!.openTasks).toBe(0);
    expect(desk.facets().waitingOnDepartments).toBe(1);
  });

  it('walks the tasks’ indexes for the filter and for each row’s count', () => {
    const q = queueSql({ view: 'open', waiting: true, today: '2026-12-01' }, { by: 'due', direction: 'asc' });
    const plan = (
      app
        .requireSession()
        .file.sqlite.prepare(`EXPLAIN QUERY PLAN ${q.datedPage}`)
        .all(...q.params, 100, 0) as {
        detail: string;
      }[]
    )
      .map((r) => r.detail)
      .join('; ');
    // The filter: an id list from the (status, case) index; each row's count: a seek in it.
    expect(plan).toMatch(
      /LIST SUBQUERY \d+; SEARCH t USING COVERING INDEX contributor_tasks_status_case \(status=\?\)/,
    );
    expect(plan).toMatch(
      /SEARCH t USING COVERING INDEX contributor_tasks_\w+ \((status=\? AND case_id|case_id=\? AND status)=\?\)/,
    );
    expect(plan).not.toMatch(/SCAN (t|contributor_tasks)\b/);
  });

  it('drafts the first request as an .eml: RFC 5322 headers, the question asked, nothing of the requester', async () => {
    const result = h['contributors:chase'](s(), { taskId: task().id, kind: 'request', as: 'eml' });
    const { raw, mail } = await parse(result);
    expect(address(mail.from)).toEqual(['foi@trust.nhs.uk']);
    expect((mail.from as { name: string }).name).toBe('Information Governance');
    expect(address(mail.to)).toEqual(['finance@trust.nhs.uk']);
    expect(mail.cc).toBeUndefined();
    expect(mail.subject).toBe('FOI 7001: information needed by 8 December 2026 (Agency spend – Ward 7 café)');
    expect(new Date(mail.date!).getTime()).toBe(now.getTime() - now.getMilliseconds());
    expect(mail.messageId).toMatch(/^<[0-9a-f]{32}@trust\.nhs\.uk>$/);
    expect(header(mail, 'mime-version')).toBe('1.0');
    expect(header(mail, 'content-type')).toBe('text/plain; charset=utf-8');
    expect(header(mail, 'date')).toMatch(/^Tue, 01 Dec 2026 12:00:00 [+-]\d{4}$/);
    // Non-ASCII only as encoded words in the headers; every line within the limit.
    expect(raw).toMatch(/^Subject: =\?UTF-8\?B\?/m);
    expect([...raw].every((c) => c.charCodeAt(0) < 128)).toBe(true);
    expect(raw.split('\r\n').every((line) => line.length <= 78)).toBe(true);
    expect(mail.text).toContain('Dear Siân Öztürk,');
    expect(mail.text).toContain('2. What did the trust spend on agency staff in 2025?');
    expect(mail.text).not.toContain('How many agency nurses');
    expectNoRequester(
      raw,
      mail.text ?? '',
      mail.subject ?? '',
      result.draft.body,
      decodeURIComponent(result.draft.mailto),
    );
    // The first request is not a chase: the task is still "asked".
    expect(task().status).toBe('asked');
    expect(task().chases).toEqual([{ date: '2026-12-01', kind: 'request', to: 'finance@trust.nhs.uk' }]);
  });

  it('includes the requester only when the officer ticks it', () => {
    const draft = h['contributors:draft'](s(), {
      taskId: task().id,
      kind: 'request',
      includeRequester: true,
    });
    expect(draft.body).toContain('Siobhán McCarthy');
    expect(draft.body).toContain(REQUESTER.email);
    expect(draft.body).toContain('12 Acacia Avenue');
  });

  it('chases once the internal due date has passed, every three working days, then escalates', async () => {
    now = new Date(2026, 11, 9, 10, 0, 0); // Wednesday 9 December
    expect(task().next).toMatchObject({ number: 1, due: '2026-12-09', isDue: true, recipient: 'contact' });
    const first = await parse(h['contributors:chase'](s(), { taskId: task().id, kind: 'next', as: 'eml' }));
    expect(first.mail.subject).toMatch(/^FOI 7001: reminder 1/);
    expect(task().status).toBe('chased');
    expect(task().next).toMatchObject({ number: 2, due: '2026-12-14', isDue: false });

    now = new Date(2026, 11, 14, 10, 0, 0);
    h['contributors:chase'](s(), { taskId: task().id, kind: 'next', as: 'mailto' });
    expect(task().status).toBe('chased');
    expect(task().next).toMatchObject({
      number: 3,
      due: '2026-12-17',
      kind: 'escalation',
      recipient: 'escalation',
    });

    now = new Date(2026, 11, 17, 10, 0, 0);
    const third = h['contributors:chase'](s(), { taskId: task().id, kind: 'next', as: 'eml' });
    const { mail, raw } = await parse(third);
    expect(address(mail.to)).toEqual(['finance.director@trust.nhs.uk']);
    expect(address(mail.cc)).toEqual(['finance@trust.nhs.uk']);
    expect(mail.text).toMatch(/^Dear Director of Finance,/);
    expectNoRequester(raw, mail.text ?? '');
    expect(task().status).toBe('escalated');
  });

  it('sends an overdue chase once the case’s own due date has passed, worded as such', async () => {
    expect(desk.getCase(caseId).due).toBe('2026-12-21');
    now = new Date(2026, 11, 22, 9, 0, 0); // Tuesday 22 December
    expect(task().next).toMatchObject({
      number: 4,
      due: '2026-12-22',
      kind: 'overdue',
      recipient: 'escalation',
      isDue: true,
    });
    const { mail } = await parse(
      h['contributors:chase'](s(), { taskId: task().id, kind: 'next', as: 'eml' }),
    );
    expect(mail.subject).toContain('OVERDUE');
    expect(mail.text).toContain('the law required an answer by 21 December 2026, and that date has passed');
    expect(task().status).toBe('escalated');
  });

  it('writes the .eml only where the officer chose in the save dialog', () => {
    const target = path.join(temp.dir, 'chaser.eml');
    const input = { taskId: task().id, kind: 'request' as const, path: target };
    expect(() => contributorAppHandlers['contributors:chase-export'](app, input)).toThrow(/Save dialog/);
    app.grants.grant('eml-export', target);
    const out = contributorAppHandlers['contributors:chase-export'](app, input);
    expect(out.path).toBe(target);
    expect(readFileSync(target, 'ascii')).toMatch(/^From: Information Governance <foi@trust\.nhs\.uk>\r\n/);
  });
});

describe('the reply', () => {
  it('is recorded against the task, which leaves the queue’s waiting list', () => {
    const after: CaseContributors = h['contributors:record-reply'](s(), {
      taskId: task().id,
      reply: 'We spent £1,234,567 on agency staff in 2025.',
    });
    expect(after.tasks[0]).toMatchObject({ status: 'answered', answered: '2026-12-22', next: null });
    expect(desk.listCases({ view: 'open', waiting: true, offset: 0, limit: 50 }).total).toBe(0);
    expect(
      desk.listCases({ view: 'open', offset: 0, limit: 50 }).rows.find((r) => r.id === caseId)!.openTasks,
    ).toBe(0);
    expect(() => h['contributors:chase'](s(), { taskId: task().id, kind: 'next', as: 'eml' })).toThrow(
      /has answered/,
    );
  });

  it('fills an unanswered question’s answer, and never silently replaces one already there', () => {
    const taskId = task().id;
    const filled = h['contributors:copy-reply'](s(), { taskId, questionId: q2, mode: 'fill' });
    expect(filled.timeline.at(-1)).toMatchObject({ action: 'contributor-reply-copied', field: '2' });
    expect(filled.record.questions[1]!.response).toEqual({
      outcome: 'provided',
      text: 'We spent £1,234,567 on agency staff in 2025.',
    });
    let refused: unknown;
    try {
      h['contributors:copy-reply'](s(), { taskId, questionId: q2, mode: 'fill' });
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('conflict');

    desk.setResponse(caseId, q1, { outcome: 'provided', text: 'Typed by the officer.' });
    expect(() => h['contributors:copy-reply'](s(), { taskId, questionId: q1, mode: 'fill' })).toThrow(
      /already has an answer/,
    );
    expect(desk.getCase(caseId).record.questions[0]!.response!.text).toBe('Typed by the officer.');
    const appended = h['contributors:copy-reply'](s(), { taskId, questionId: q1, mode: 'append' });
    expect(appended.record.questions[0]!.response!.text).toBe(
      'Typed by the officer.\n\nWe spent £1,234,567 on agency staff in 2025.',
    );
    const replaced = h['contributors:copy-reply'](s(), { taskId, questionId: q1, mode: 'replace' });
    expect(replaced.record.questions[0]!.response!.text).toBe('We spent £1,234,567 on agency staff in 2025.');
  });

  it('puts every step in the case history', () => {
    const lines = desk
      .getCase(caseId)
      .timeline.filter((e) => e.action.startsWith('contributor-'))
      .map((e) => describeAuditEntry(e as AuditEntry));
    expect(lines).toEqual([
      'Asked Finance for information',
      'Request email drafted for Finance',
      'Chaser drafted for Finance',
      'Chaser drafted for Finance',
      'Escalation drafted for Finance',
      'Overdue chaser drafted for Finance',
      'Request email drafted for Finance',
      'Reply recorded from Finance',
      'Reply from a department copied into the answer to question 2',
      'Reply from a department copied into the answer to question 1',
      'Reply from a department copied into the answer to question 1',
    ]);
  });

  it('keeps the reply inside the encrypted file only', async () => {
    await desk.lock();
    expect(readFileSync(file).includes(Buffer.from('1,234,567'))).toBe(false);
    expect(dumpCaseFile(file)).toContain('We spent £1,234,567 on agency staff in 2025.');
    await desk.open({ path: file, passphrase: Buffer.from(PASSPHRASE) });
  });
});
