/**
 * The desk service with a real encrypted file in a temp folder: the session (create, open, wrong
 * passphrase, lock, idle lock, recent files), casework (create, edit, answers, clock events, close),
 * the queue, settings with added bank holidays, backups, and calls running one after another.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_INTERNAL_TARGETS } from '../../shared/settings';
import { existsSync, readFileSync, readdirSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { openCaseFile } from '../../db/case-file';
import { DeskApp, IDLE_LOCK_GRACE_MS } from '../../main/services/app';
import { serviceOf, type Service } from '../service';
import { createHandlers, type Handlers } from '../../main/services/handlers';
import { RECENT_FILE_NAME } from '../../main/services/recent-files';
import type { CaseRecord } from '../../shared/case-format';
import type { CaseDraft } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { makeTempDir, PASSPHRASE, readFixture } from '../helpers';

const record = JSON.parse(readFixture('foi-4951.case.json')) as CaseRecord;
const draft: CaseDraft = {
  reference: record.reference,
  regime: record.regime,
  received: record.received,
  channel: 'email',
  requester: record.requester,
  subject: record.subject,
  requestText: record.requestText,
  questions: record.questions.map((q) => ({
    number: q.number,
    text: q.text,
    ...(q.parts ? { parts: q.parts } : {}),
  })),
};

/** 21 November 2026, midday: the desk's "today" in these tests. */
const NOW = new Date(2026, 10, 21, 12, 0, 0);

let temp: ReturnType<typeof makeTempDir>;
let file: string;
let configDir: string;
let clock: number;
let app: DeskApp;
let desk: Service;
let handlers: Handlers;

beforeEach(() => {
  temp = makeTempDir();
  file = path.join(temp.dir, 'register.foidesk');
  configDir = path.join(temp.dir, 'config');
  clock = NOW.getTime();
  app = new DeskApp({
    configDir,
    actor: 'tester (app)',
    now: () => new Date(clock),
    suggestedFolder: temp.dir,
  });
  desk = serviceOf(app);
  handlers = createHandlers(app);
});
afterEach(async () => {
  await app.enqueue(() => app.lockNow());
  temp.cleanup();
});

function expectAppError(work: () => unknown, code: string): void {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
    return;
  }
  throw new Error(`expected an AppError ${code}`);
}

function draftFor(reference: string, received: string, extra: Partial<CaseDraft> = {}): CaseDraft {
  return {
    reference,
    regime: 'FOIA',
    received,
    requester: { name: `Requester of ${reference}` },
    subject: `Subject of ${reference}`,
    requestText: `1. Request text of ${reference}`,
    questions: [{ number: '1', text: `Question of ${reference}` }],
    ...extra,
  };
}

describe('the session', () => {
  it('creates, locks and reopens a case file, remembering only its path', async () => {
    const created = await desk.create({ path: file, passphrase: Buffer.from(PASSPHRASE) });
    expect(created.state).toBe('open');
    expect(created.file?.name).toBe('register.foidesk');
    expect(created.idleLockMinutes).toBe(10);
    expect(created.suggestedPath).toBe(path.join(temp.dir, 'FOI register.foidesk'));
    const locked = await desk.lock();
    expect(locked).toMatchObject({ state: 'locked', file: null, idleLockMinutes: null });
    expect(locked.recent).toEqual([{ path: file, name: 'register.foidesk', exists: true }]);
    // Locked means closed: another process can open the file now.
    openCaseFile({ path: file, passphrase: PASSPHRASE }).close();
    const stored = JSON.parse(readFileSync(path.join(configDir, RECENT_FILE_NAME), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(stored).toEqual({ version: 1, paths: [file] });
    expect((await desk.open({ path: file, passphrase: Buffer.from(PASSPHRASE) })).state).toBe('open');
  });

  it('says plainly when the passphrase is wrong, and stays locked', async () => {
    await desk.create({ path: file, passphrase: Buffer.from(PASSPHRASE) });
    await desk.lock();
    const reply = await handlers['session:open']({
      path: file,
      passphrase: Buffer.from('a wrong passphrase'),
    });
    expect(reply).toEqual({
      ok: false,
      error: { code: 'wrong-passphrase', message: expect.stringMatching(/^Wrong passphrase/) as string },
    });
    expect(app.isOpen).toBe(false);
    const locked = await handlers['cases:list']({ view: 'open', offset: 0, limit: 10 });
    expect(!locked.ok && locked.error.code).toBe('locked');
  });

  it('never overwrites a file when creating one', async () => {
    await desk.create({ path: file, passphrase: Buffer.from(PASSPHRASE) });
    await desk.lock();
    const reply = await handlers['session:create']({ path: file, passphrase: Buffer.from(PASSPHRASE) });
    expect(!reply.ok && reply.error.code).toBe('file-exists');
  });

  it('zeroes the key material and drops the file on lock', async () => {
    await desk.create({ path: file, passphrase: Buffer.from(PASSPHRASE) });
    const session = app.requireSession();
    const key = session.key;
    const sqlite = session.file.sqlite;
    expect(key.toString('utf8')).toBe(PASSPHRASE);
    await desk.lock();
    expect([...key].every((b) => b === 0)).toBe(true);
    expect(sqlite.open).toBe(false);
    expect(app.session).toBeNull();
  });

  it('locks itself after the idle time, unless the officer is active', async () => {
    await desk.create({ path: file, passphrase: Buffer.from(PASSPHRASE) });
    desk.saveSettings({ idleLockMinutes: 5 });
    clock += 4 * 60_000;
    expect(await app.lockIfIdle()).toBe(false);
    // A status poll without activity does not restart the count; any other call does.
    await handlers['session:status']({ active: false });
    clock += 2 * 60_000;
    await handlers['session:status']({ active: true });
    clock += 4 * 60_000;
    expect(await app.lockIfIdle()).toBe(false);
    const soon = await handlers['session:status']({});
    expect(soon.ok && soon.value.idleLockDueInSeconds).toBe(60);
    clock += 60_000;
    // Due now: the page is told, and main waits the grace period for it to save drafts and lock.
    const due = await handlers['session:status']({});
    expect(due.ok && due.value.idleLockDueInSeconds).toBe(0);
    clock += IDLE_LOCK_GRACE_MS - 1;
    expect(await app.lockIfIdle()).toBe(false);
    clock += 1;
    expect(await app.lockIfIdle()).toBe(true);
    expect(app.isOpen).toBe(false);
    const locked = await handlers['session:status']({});
    expect(locked.ok && locked.value.idleLockDueInSeconds).toBeNull();
  });

  it('is not kept open by the page saving drafts, and has no idle lock when it is off', async () => {
    await desk.create({ path: file, passphrase: Buffer.from(PASSPHRASE) });
    desk.saveSettings({ idleLockMinutes: 5 });
    clock += 5 * 60_000;
    const saved = await handlers['drafts:save']({
      key: 'settings:casework',
      label: 'the settings',
      content: {},
    });
    expect(saved.ok).toBe(true);
    const status = await handlers['session:status']({});
    expect(status.ok && status.value.idleLockDueInSeconds).toBe(0);
    desk.saveSettings({ idleLockMinutes: 0 });
    const off = await handlers['session:status']({});
    expect(off.ok && off.value.idleLockDueInSeconds).toBeNull();
  });

  it('refuses an automatic-backup folder that is not there, naming the field', async () => {
    await desk.create({ path: file, passphrase: Buffer.from(PASSPHRASE) });
    const reply = await handlers['settings:save']({
      settings: { autoBackupFolder: path.join(temp.dir, 'no such folder') },
    });
    expect(reply).toEqual({
      ok: false,
      error: { code: 'validation', message: 'That backup folder does not exist.', field: 'autoBackupFolder' },
    });
  });

  it('offers the officer’s name from the last unlock, kept beside the recent files', async () => {
    expect(desk.status().officer).toBeNull();
    await handlers['session:create']({
      path: file,
      passphrase: Buffer.from(PASSPHRASE),
      officer: '  Sam Jones ',
    });
    expect(desk.status().officer).toBe('Sam Jones');
    await desk.lock();
    expect(desk.status().officer).toBe('Sam Jones');
    expect(readFileSync(path.join(configDir, 'recent-files.json'), 'utf8')).toContain('Sam Jones');
    // Unlocking without a name forgets it: the history names the operating-system user then.
    await handlers['session:open']({ path: file, passphrase: Buffer.from(PASSPHRASE), officer: '' });
    expect(desk.status().officer).toBe('tester (app)');
    await desk.lock();
    expect(desk.status().officer).toBeNull();
  });

  it('forgets a recent file', async () => {
    await desk.create({ path: file, passphrase: Buffer.from(PASSPHRASE) });
    await desk.lock();
    expect(desk.forgetRecent({ path: file }).recent).toEqual([]);
  });
});

describe('casework', () => {
  beforeEach(async () => {
    await desk.create({ path: file, passphrase: Buffer.from(PASSPHRASE) });
  });

  it('logs a request with its due date, refusing a future date and a reference in use', () => {
    const detail = desk.createCase(draft);
    expect(detail.record.reference).toBe('FOI 4951');
    expect(detail.record.status).toBe('open');
    expect(detail.due).toBe('2021-12-10');
    expect(detail.deadline?.due).toBe('2021-12-10');
    expect(detail.deadline?.counted).toHaveLength(20);
    expect(detail.deadline?.skipped.some((s) => /St Andrew/.test(s.reason))).toBe(true);
    expect(detail.progress?.state).toBe('overdue');
    expect(detail.timeline.map((t) => [t.action, t.newValue])).toEqual([['create', 'FOI 4951']]);
    expectAppError(
      () => desk.createCase({ ...draft, reference: 'FOI 1', received: '2026-11-22' }),
      'validation',
    );
    expectAppError(() => desk.createCase(draft), 'duplicate-reference');
    expectAppError(
      () => desk.createCase({ ...draft, reference: 'FOI 2', received: '2001-01-05' }),
      'validation',
    );
  });

  it('offers the next free reference in the team format', () => {
    expect(desk.nextReference()).toEqual({ reference: 'FOI 1' });
    desk.createCase(draft);
    desk.createCase(draftFor('FOI 12', '2026-11-02'));
    desk.createCase(draftFor('FOIA 99999', '2026-11-02'));
    expect(desk.nextReference()).toEqual({ reference: 'FOI 4952' });
    desk.saveSettings({ referenceFormat: 'REQ-{n}/26' });
    expect(desk.nextReference()).toEqual({ reference: 'REQ-1/26' });
    desk.createCase(draftFor('REQ-7/26', '2026-11-02'));
    expect(desk.nextReference()).toEqual({ reference: 'REQ-8/26' });
  });

  it('offers the next free reference per regime, each format with its own counter', () => {
    desk.saveSettings({ referenceFormats: { EIR: 'EIR {n}', SAR: 'SAR-{n}/26' } });
    expect(desk.getSettings().settings.referenceFormats).toEqual({ EIR: 'EIR {n}', SAR: 'SAR-{n}/26' });
    desk.createCase(draftFor('FOI 40', '2026-11-02'));
    desk.createCase(draftFor('EIR 7', '2026-11-02', { regime: 'EIR' }));
    desk.createCase(draftFor('SAR-3/26', '2026-11-02', { regime: 'SAR' }));
    expect(desk.nextReference('FOIA')).toEqual({ reference: 'FOI 41' });
    expect(desk.nextReference('EIR')).toEqual({ reference: 'EIR 8' });
    expect(desk.nextReference('SAR')).toEqual({ reference: 'SAR-4/26' });
    // A regime without a format of its own, or no regime at all, takes the team default.
    expect(desk.nextReference('FOI-IR')).toEqual({ reference: 'FOI 41' });
    expect(desk.nextReference()).toEqual({ reference: 'FOI 41' });
    // A case numbered in another regime's format does not move this regime's counter.
    desk.createCase(draftFor('EIR 20', '2026-11-02'));
    expect(desk.nextReference('EIR')).toEqual({ reference: 'EIR 21' });
    expect(desk.nextReference('FOIA')).toEqual({ reference: 'FOI 41' });

    expect(() => desk.saveSettings({ referenceFormats: { EIR: 'EIR' } })).toThrow();
    expect(desk.getSettings().settings.referenceFormats).toEqual({ EIR: 'EIR {n}', SAR: 'SAR-{n}/26' });
    // Clearing a regime's format sends it back to the default.
    desk.saveSettings({ referenceFormats: { SAR: 'SAR-{n}/26' } });
    expect(desk.nextReference('EIR')).toEqual({ reference: 'FOI 41' });
  });

  it('records answers by question id, with old and new values in the audit log', () => {
    const { id, record: created } = desk.createCase(draft);
    const [q1, q2] = created.questions;
    const part = q1!.parts![1]!;
    const exempt = record.questions[0]!.response!;
    const after = desk.setResponse(id, q1!.id!, exempt);
    expect(after.record.questions[0]!.response).toEqual(exempt);
    desk.setResponse(id, part.id!, { outcome: 'not-held', text: 'We do not hold a date.' });
    const detail = desk.setResponse(id, q2!.id!, {
      outcome: 'see-other',
      seeQuestion: '1',
      text: 'As above.',
    });
    expect(detail.record.questions[0]!.parts![1]!.response?.outcome).toBe('not-held');
    const entry = detail.timeline.find((t) => t.action === 'set-response' && t.field === '1');
    expect(entry?.oldValue).toBeNull();
    expect(JSON.parse(entry!.newValue!)).toEqual(exempt);
    const cleared = desk.setResponse(id, q2!.id!, null);
    expect(cleared.record.questions[1]!.response).toBeUndefined();
    expect(JSON.parse(cleared.timeline.at(-1)!.oldValue!)).toMatchObject({ outcome: 'see-other' });
    expectAppError(() => desk.setResponse(id, 'f'.repeat(32), null), 'conflict');
  });

  it('replaces the questions, keeping answers that come with them', () => {
    const { id, record: created } = desk.createCase(draft);
    desk.setResponse(id, created.questions[0]!.id!, { outcome: 'provided', text: 'Yes.' });
    const questions = [
      { number: '1', text: 'Merged question', response: { outcome: 'provided' as const, text: 'Yes.' } },
    ];
    const detail = desk.setQuestions(id, questions);
    expect(detail.record.questions).toMatchObject(questions);
    const entry = detail.timeline.at(-1)!;
    expect(entry.action).toBe('set-questions');
    expect((JSON.parse(entry.oldValue!) as unknown[]).length).toBe(2);
  });

  it('stops and restarts the clock for clarification, and recomputes the due date', () => {
    const { id } = desk.createCase(draftFor('FOI 1', '2026-11-02'));
    // 20 working days from Monday 2 November 2026, skipping St Andrew's Day (Monday 30 November).
    expect(desk.getCase(id).due).toBe('2026-12-01');
    const stopped = desk.addEvent(id, { type: 'clarification-requested', date: '2026-11-04' });
    expect(stopped.record.status).toBe('clarification');
    expect(stopped.due).toBeNull();
    expect(stopped.progress?.state).toBe('stopped');
    const restarted = desk.addEvent(id, { type: 'clarification-received', date: '2026-11-16' });
    expect(restarted.record.status).toBe('open');
    expect(restarted.due).toBe('2026-12-15');
    const removed = desk.removeEvent(id, restarted.events[1]!.id);
    expect(removed.due).toBeNull();
    const fields = removed.timeline.filter((t) => t.field === 'dueDate').map((t) => [t.oldValue, t.newValue]);
    expect(fields).toEqual([
      ['2026-12-01', null],
      [null, '2026-12-15'],
      ['2026-12-15', null],
    ]);
    expectAppError(() => desk.addEvent(id, { type: 'fee-paid', date: '2026-10-01' }), 'validation');
    expectAppError(() => desk.addEvent(id, { type: 'fee-paid', date: '2026-12-01' }), 'validation');
    expectAppError(() => desk.addEvent(id, { type: 'pi-extension', date: '2026-11-10' }), 'validation');
    expectAppError(() => desk.removeEvent(id, 9999), 'not-found');
  });

  it('extends for the public interest test', () => {
    const { id } = desk.createCase(draftFor('FOI 1', '2026-11-02'));
    const extended = desk.addEvent(id, { type: 'pi-extension', date: '2026-11-20', until: '2026-12-29' });
    expect(extended.deadline?.extension).toBe('public-interest');
    expect(extended.due).toBe(extended.deadline?.due);
    expect(extended.deadline?.statutoryDue).toBe('2026-12-01');
  });

  it('closes a case only with an outcome, dates the response, and reopens it', () => {
    const { id } = desk.createCase(draft);
    expectAppError(() => desk.updateCase(id, { status: 'closed', responded: '2021-12-01' }), 'validation');
    // The response date is what the officer typed, never made up: closing without one is refused.
    expectAppError(() => desk.updateCase(id, { status: 'closed', outcome: 'refused' }), 'validation');
    expectAppError(
      () => desk.updateCase(id, { status: 'closed', outcome: 'refused', responded: '2021-11-01' }),
      'validation',
    );
    // Late against its due date (10 December 2021): the reason for the delay is needed.
    expectAppError(
      () => desk.updateCase(id, { status: 'closed', outcome: 'refused', responded: '2026-11-21' }),
      'validation',
    );
    const closed = desk.updateCase(id, {
      status: 'closed',
      outcome: 'refused',
      responded: '2026-11-21',
      lateReason: 'Awaiting the department.',
    });
    expect(closed.record).toMatchObject({ status: 'closed', outcome: 'refused', responded: '2026-11-21' });
    expect(closed.progress?.state).toBe('closed');
    expect(closed.progress?.respondedOnTime).toBe(false);
    expect(closed.timeline.filter((t) => t.action === 'close').map((t) => [t.oldValue, t.newValue])).toEqual([
      ['open', 'closed'],
    ]);
    const reopened = desk.updateCase(id, { status: 'open' });
    expect(reopened.record.outcome).toBeUndefined();
    expect(reopened.record.responded).toBeUndefined();
  });

  it('edits details and the requester, recomputing the due date, with each change audited', () => {
    const { id } = desk.createCase(draft);
    const detail = desk.updateCase(id, {
      received: '2021-11-12',
      subject: 'Cyber Essentials',
      officer: 'Mike Burns',
      requester: { name: 'A. Person', email: 'a@example.org' },
    });
    expect(detail.due).toBe('2021-12-13');
    expect(detail.record.requester).toEqual({ name: 'A. Person', email: 'a@example.org' });
    const changes = detail.timeline
      .filter((t) => t.action === 'update')
      .map((t) => `${t.entity}.${t.field}: ${t.oldValue} → ${t.newValue}`);
    expect(changes).toEqual([
      'case.received: 2021-11-11 → 2021-11-12',
      'case.subject: Cyber Essentials accreditation → Cyber Essentials',
      'case.officer: null → Mike Burns',
      'case.dueDate: 2021-12-10 → 2021-12-13',
      'case.statutoryDue: 2021-12-10 → 2021-12-13',
      'requester.name: Requester (name withheld) → A. Person',
      'requester.email: requester@example.org → a@example.org',
    ]);
    desk.createCase(draftFor('FOI 2', '2026-11-02'));
    expectAppError(() => desk.updateCase(id, { reference: 'FOI 2' }), 'duplicate-reference');
    expectAppError(() => desk.updateCase(id, { received: '2027-01-01' }), 'validation');
  });

  it('recomputes due dates when a bank holiday is added or removed', () => {
    const { id } = desk.createCase(draft);
    const added = desk.addHoliday({ date: '2021-12-01', name: 'A day of mourning' });
    expect(added.recomputed).toBe(1);
    expect(added.holidays).toEqual([{ date: '2021-12-01', name: 'A day of mourning' }]);
    expect(desk.getCase(id).due).toBe('2021-12-13');
    expectAppError(() => desk.addHoliday({ date: '2021-12-01', name: 'Again' }), 'validation');
    expect(desk.removeHoliday({ date: '2021-12-01' }).recomputed).toBe(1);
    expect(desk.getCase(id).due).toBe('2021-12-10');
  });

  it('keeps the organisation, officers and settings', () => {
    const org = JSON.parse(readFixture('walton.organisation.json')) as Parameters<
      Service['saveOrganisation']
    >[0];
    expect(desk.saveOrganisation(org).organisation).toEqual(org);
    const withOfficer = desk.saveOfficer({
      name: 'Mike Burns',
      title: 'Executive Lead for Freedom of Information',
      active: true,
    });
    const officer = withOfficer.officers[0]!;
    expect(
      desk.saveOfficer({ id: officer.id, name: 'Mike Burns', title: 'FOI Lead', active: false }).officers,
    ).toEqual([{ id: officer.id, name: 'Mike Burns', title: 'FOI Lead', initials: '', active: false }]);
    const targets = { ...DEFAULT_INTERNAL_TARGETS, FOIA: 12, SAR: 25 };
    expect(desk.saveSettings({ internalTargetDay: targets, dueSoonDays: 3 }).settings).toMatchObject({
      internalTargetDay: targets,
      dueSoonDays: 3,
    });
    expect(desk.status().idleLockMinutes).toBe(10);
  });

  it('previews the clock for a date and regime', () => {
    const preview = desk.previewClock({ regime: 'FOIA', received: '2021-11-11' });
    expect(preview.deadline.due).toBe('2021-12-10');
    expect(preview.progress.state).toBe('overdue');
    expectAppError(() => desk.previewClock({ regime: 'FOIA', received: '1999-01-01' }), 'validation');
  });
});

describe('the queue', () => {
  beforeEach(async () => {
    await desk.create({ path: file, passphrase: Buffer.from(PASSPHRASE) });
    desk.createCase(draftFor('FOI 1', '2026-11-16', { officer: 'Ann' }));
    desk.createCase(draftFor('FOI 2', '2026-10-01', { requester: { name: 'Cyber Essentials Ltd' } }));
    desk.createCase(
      draftFor('FOI 3', '2026-11-06', { regime: 'EIR', requestText: 'Noise 100% levels_ at the site' }),
    );
    const stopped = desk.createCase(draftFor('FOI 4', '2026-11-02'));
    desk.addEvent(stopped.id, { type: 'clarification-requested', date: '2026-11-03' });
    const closed = desk.createCase({ ...draft });
    desk.updateCase(closed.id, { status: 'closed', outcome: 'refused', responded: '2021-11-11' });
  });

  const list = (extra: Partial<Parameters<Service['listCases']>[0]> = {}) =>
    desk.listCases({ view: 'open', offset: 0, limit: 50, ...extra });

  it('lists open cases soonest due first, stopped clocks last, with where each stands', () => {
    const page = list();
    expect(page.total).toBe(4);
    expect(page.today).toBe('2026-11-21');
    expect(page.rows.map((r) => [r.reference, r.due, r.progress, r.workingDaysLeft])).toEqual([
      ['FOI 2', '2026-10-29', 'overdue', -16],
      ['FOI 3', '2026-12-07', 'on-track', 10],
      ['FOI 1', '2026-12-15', 'on-track', 16],
      ['FOI 4', null, 'stopped', null],
    ]);
    expect(list({ direction: 'desc' }).rows.map((r) => r.reference)).toEqual([
      'FOI 1',
      'FOI 3',
      'FOI 2',
      'FOI 4',
    ]);
    expect(list({ sort: 'reference' }).rows.map((r) => r.reference)).toEqual([
      'FOI 1',
      'FOI 2',
      'FOI 3',
      'FOI 4',
    ]);
  });

  it('pages across the dated and the stopped cases', () => {
    const pages = [0, 1, 2, 3].map((offset) => list({ offset, limit: 1 }).rows.map((r) => r.reference));
    expect(pages).toEqual([['FOI 2'], ['FOI 3'], ['FOI 1'], ['FOI 4']]);
    expect(list({ offset: 2, limit: 5 }).rows.map((r) => r.reference)).toEqual(['FOI 1', 'FOI 4']);
  });

  it('filters by view, status, regime, officer and overdue', () => {
    expect(list({ view: 'closed' }).rows.map((r) => [r.reference, r.progress])).toEqual([
      ['FOI 4951', 'closed'],
    ]);
    expect(list({ view: 'all' }).total).toBe(5);
    expect(list({ status: 'clarification' }).rows.map((r) => r.reference)).toEqual(['FOI 4']);
    expect(list({ regime: 'EIR' }).rows.map((r) => r.reference)).toEqual(['FOI 3']);
    expect(list({ officer: 'Ann' }).rows.map((r) => r.reference)).toEqual(['FOI 1']);
    expect(list({ overdue: true }).rows.map((r) => r.reference)).toEqual(['FOI 2']);
    expect(desk.facets()).toEqual({
      officers: ['Ann'],
      departments: [],
      counts: { open: 4, closed: 1, overdue: 1 },
      waitingOnDepartments: 0,
    });
  });

  it('searches reference, subject, requester and request text, every word, wildcards taken literally', () => {
    expect(
      list({ view: 'all', search: 'Cyber Essentials', sort: 'due' }).rows.map((r) => r.reference),
    ).toEqual(['FOI 4951', 'FOI 2']);
    expect(list({ view: 'closed', search: 'cyber essentials' }).rows.map((r) => r.reference)).toEqual([
      'FOI 4951',
    ]);
    expect(list({ search: 'Subject of FOI 3' }).rows.map((r) => r.reference)).toEqual(['FOI 3']);
    expect(list({ search: '100%' }).rows.map((r) => r.reference)).toEqual(['FOI 3']);
    expect(list({ search: '%' }).rows.map((r) => r.reference)).toEqual(['FOI 3']);
    expect(list({ search: 'levels_' }).rows.map((r) => r.reference)).toEqual(['FOI 3']);
    expect(list({ search: '_' }).total).toBe(1);
    expect(list({ search: 'Cyber nothing-like-this' }).total).toBe(0);
  });
});

describe('one call after another', () => {
  it('runs queued calls in order, even when one of them waits', async () => {
    const log: string[] = [];
    const first = app.enqueue(async () => {
      log.push('backup starts');
      await new Promise<void>((resolve) => setImmediate(resolve));
      log.push('backup ends');
    });
    const second = app.enqueue(() => log.push('write'));
    const failing = app.enqueue(() => {
      throw new Error('boom');
    });
    const after = app.enqueue(() => log.push('after a failure'));
    await Promise.all([first, second, failing.catch(() => undefined), after]);
    expect(log).toEqual(['backup starts', 'backup ends', 'write', 'after a failure']);
  });

  it('takes a verified backup while a change waits its turn', async () => {
    await desk.create({ path: file, passphrase: Buffer.from(PASSPHRASE) });
    desk.createCase(draft);
    const folder = path.join(temp.dir, 'backups');
    mkdirSync(folder);
    expect(desk.backupStatus().due).toBe(true);
    const backup = handlers['backup:create']({ folder });
    const change = handlers['cases:create']({ draft: draftFor('FOI 2', '2026-11-02') });
    const [made, created] = await Promise.all([backup, change]);
    expect(made.ok && made.value.cases).toBe(1);
    expect(created.ok).toBe(true);
    // The backup and its sidecar hash (<backup>.sha256, no case data).
    const written = readdirSync(folder).sort();
    expect(written).toHaveLength(2);
    expect(written[1]).toBe(`${written[0]}.sha256`);
    expect(desk.backupStatus()).toMatchObject({ due: false, last: { cases: 1 } });
    const missing = await handlers['backup:create']({ folder: path.join(temp.dir, 'nowhere') });
    expect(!missing.ok && missing.error.code).toBe('file-missing');
    expect(existsSync(path.join(temp.dir, 'nowhere'))).toBe(false);
  });
});
