/**
 * The standard answers library (issue #14, part 3) through its handlers over a real encrypted
 * file: entries added, searched, changed, reviewed and removed, each write in the audit log; the
 * personal-data check refusing an answer saved from a case (the requester's name included) until
 * the officer accepts it; suggestions for a question; and nothing of the library readable in the
 * file's bytes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { DeskApp } from '../../main/services/app';
import { standardAnswerHandlers as h } from '../../main/services/handlers/standard-answers';
import { listAuditForCase } from '../../db/queries/audit';
import { auditLog } from '../../db/schema';
import { isNull } from 'drizzle-orm';
import { serviceOf, type Service } from '../service';
import { makeTempDir, PASSPHRASE, runCli } from '../helpers';
import type { StandardAnswerInput } from '../../shared/standard-answers';

const NOW = new Date(2026, 10, 30, 12, 0, 0);
let temp: ReturnType<typeof makeTempDir>;
let app: DeskApp;
let desk: Service;
let file: string;
let caseId = 0;
let questionId = '';
const s = () => app.requireSession();

const CYBER: StandardAnswerInput = {
  title: 'Cyber security: we do not disclose',
  text: 'Disclosing details of our cyber security arrangements would be likely to prejudice the prevention of crime.',
  tags: ['Cyber', 'ICT'],
  regime: 'FOIA',
  provision: 'FOIA s31(1)(a)',
};
const AGENCY: StandardAnswerInput = {
  title: 'Agency staff spend',
  text: 'Our spend on agency nursing staff is published in the annual accounts.',
  tags: ['agency', 'workforce'],
  regime: null,
  provision: null,
};

beforeAll(async () => {
  temp = makeTempDir();
  app = new DeskApp({
    configDir: path.join(temp.dir, 'config'),
    actor: 'tester',
    now: () => NOW,
    integrityCheck: false,
  });
  desk = serviceOf(app);
  file = path.join(temp.dir, 'register.foidesk');
  await desk.create({ path: file, passphrase: Buffer.from(PASSPHRASE) });
  const made = desk.createCase({
    reference: 'FOI 9001',
    regime: 'FOIA',
    received: '2026-11-02',
    requester: { name: 'Siobhán McCarthy', email: 'siobhan@example.org' },
    subject: 'Agency staff',
    requestText: 'How much did you spend on agency nursing staff?',
    questions: [{ number: '1', text: 'How much did you spend on agency nursing staff in 2025?' }],
  });
  caseId = made.id;
  questionId = made.record.questions[0]!.id!;
});
afterAll(async () => {
  await desk.lock();
  temp.cleanup();
});

const libraryAudit = () => s().db.select().from(auditLog).where(isNull(auditLog.caseId)).all();

describe('the library', () => {
  it('adds entries, keeps tags tidy, and records who added them and when they were reviewed', () => {
    const saved = h['answers:save'](s(), { entry: CYBER });
    expect(saved).toMatchObject({
      title: CYBER.title,
      tags: ['cyber', 'ict'],
      provision: 'FOIA s31(1)(a)',
      reviewedOn: '2026-11-30',
      addedBy: 'tester',
      stale: false,
    });
    h['answers:save'](s(), { entry: AGENCY });
    expect(h['answers:list'](s(), {}).entries.map((e) => e.title)).toEqual([AGENCY.title, CYBER.title]);
    expect(
      libraryAudit().filter((a) => a.entity === 'standard-answer' && a.action === 'create'),
    ).toHaveLength(2);
  });

  it('refuses an entry without a title, and a title already used (case ignored)', () => {
    expect(() => h['answers:save'](s(), { entry: { ...AGENCY, title: ' ' } })).toThrow(
      /Give the standard answer a title/,
    );
    expect(() => h['answers:save'](s(), { entry: { ...AGENCY, title: 'AGENCY STAFF SPEND' } })).toThrow(
      /already has a standard answer called/,
    );
    expect(h['answers:list'](s(), {}).total).toBe(2);
  });

  it('searches title, tags, exemption and text, every word required, and by regime', () => {
    const titles = (search: string, regime?: 'SAR' | 'FOIA') =>
      h['answers:list'](s(), { search, ...(regime ? { regime } : {}) }).entries.map((e) => e.title);
    expect(titles('ict')).toEqual([CYBER.title]);
    expect(titles('s31')).toEqual([CYBER.title]);
    expect(titles('annual ACCOUNTS')).toEqual([AGENCY.title]);
    expect(titles('annual cyber')).toEqual([]);
    expect(titles('100%')).toEqual([]);
    // An entry for any regime suits a SAR; the FOIA one does not.
    expect(titles('', 'SAR')).toEqual([AGENCY.title]);
  });

  it('changes an entry, auditing each field changed, and marks it reviewed', () => {
    const id = h['answers:list'](s(), { search: 'agency' }).entries[0]!.id;
    const before = libraryAudit().length;
    const changed = h['answers:save'](s(), { id, entry: { ...AGENCY, tags: ['agency', 'bank staff'] } });
    expect(changed.tags).toEqual(['agency', 'bank staff']);
    const entries = libraryAudit().slice(before);
    expect(entries.map((a) => [a.action, a.field])).toEqual([['update', 'tags']]);
    expect(h['answers:review'](s(), { id }).reviewedOn).toBe('2026-11-30');
  });

  it('suggests the entries whose words the question shares', () => {
    expect(h['answers:suggest'](s(), { caseId, questionId }).map((e) => e.title)).toEqual([AGENCY.title]);
  });

  it('removes an entry, with its audit entry', () => {
    const id = h['answers:save'](s(), { entry: { ...AGENCY, title: 'To remove' } }).id;
    expect(h['answers:remove'](s(), { id, confirm: true })).toEqual({ removed: true });
    expect(() => h['answers:remove'](s(), { id, confirm: true })).toThrow(/not in the library/);
    expect(libraryAudit().at(-1)).toMatchObject({ action: 'remove', entity: 'standard-answer' });
  });
});

describe('saving a case’s answer to the library', () => {
  const fromCase = (text: string, acceptPersonalData?: boolean) =>
    h['answers:save'](s(), {
      entry: { title: `From the case ${text.length}`, text, tags: [], regime: 'FOIA', provision: null },
      fromCaseId: caseId,
      ...(acceptPersonalData ? { acceptPersonalData } : {}),
    });

  it('refuses text with personal data, naming its kind but never the data', () => {
    let message = '';
    try {
      fromCase('Spend was £1.2m; Siobhán McCarthy can call 07700 900123.');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/personal data \(the requester's name or address, telephone number\)/);
    expect(message).not.toContain('07700');
    expect(message).not.toContain('McCarthy');
    expect(h['answers:list'](s(), { search: 'spend was' }).entries).toEqual([]);
  });

  it('saves it once the officer says it is not personal data, in the case history', () => {
    const saved = fromCase('Call our switchboard on 01632 960 000.', true);
    expect(saved.text).toContain('01632');
    const history = listAuditForCase(s().db, caseId).filter((a) => a.entity === 'standard-answer');
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ action: 'create', field: String(saved.id) });
  });

  it('keeps the library only in the encrypted file', async () => {
    await desk.lock();
    const bytes = readFileSync(file);
    for (const needle of ['Cyber security', 'annual accounts', 'switchboard'])
      expect(bytes.includes(Buffer.from(needle))).toBe(false);
    await desk.open({ path: file, passphrase: Buffer.from(PASSPHRASE) });
    expect(h['answers:list'](s(), { search: 'switchboard' }).entries).toHaveLength(1);
  });
});

describe('foi-desk answers, as a process', () => {
  const csv = (name: string, text: string) => {
    const f = path.join(temp.dir, name);
    writeFileSync(f, text);
    return f;
  };
  let register = '';
  beforeAll(() => {
    register = path.join(temp.dir, 'cli.foidesk');
    expect(runCli(['init', register]).code).toBe(0);
  });

  it('imports a CSV all or nothing, and lists and searches the library', () => {
    const bad = csv(
      'bad.csv',
      'Title,Text,Tags,Regime,Exemption\nCyber,We do not disclose it.,cyber,FOIA,FOIA s31(1)(a)\n,No title,,,\n',
    );
    const refused = runCli(['answers', register, '--import', bad]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Line 3: Give the standard answer a title\. Nothing was imported\./);
    expect(JSON.parse(runCli(['answers', register, '--json']).stdout)).toMatchObject({ total: 0 });

    const good = csv(
      'good.csv',
      '\uFEFFtitle,text,tags,regime,exemption\n"Cyber: NCSC","We follow the NCSC guidance, in full.","cyber; ICT",foia,FOIA s31(1)(a)\nAgency spend,Published in the annual accounts.,agency,,\n',
    );
    const imported = runCli(['answers', register, '--import', good]);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toBe('Added 2 standard answers to the library.\n');
    const listed = runCli(['answers', register]);
    expect(listed.stdout).toMatch(/^2 of 2 standard answers:\nTitle +Regime +Exemption +Tags +Reviewed\n/);
    expect(listed.stdout).toMatch(/Cyber: NCSC +FOIA +FOIA s31\(1\)\(a\) +cyber, ict/);
    const found = JSON.parse(runCli(['answers', register, '--search', 'annual', '--json']).stdout) as {
      total: number;
      entries: { title: string; addedBy: string }[];
    };
    expect(found.total).toBe(2);
    expect(found.entries.map((e) => [e.title, e.addedBy])).toEqual([['Agency spend', 'foi-desk answers']]);
  });

  it('refuses rows with personal data unless told, and a title already in the library', () => {
    const pd = csv('pd.csv', 'title,text\nSwitchboard,Call us on 01632 960 000.\n');
    const refused = runCli(['answers', register, '--import', pd]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Line 2: The answer seems to hold personal data \(telephone number\)/);
    expect(refused.stderr).not.toContain('01632');
    expect(runCli(['answers', register, '--import', pd, '--accept-personal-data']).code).toBe(0);
    const again = runCli(['answers', register, '--import', pd, '--accept-personal-data']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already has a standard answer called "Switchboard"/);
    expect(runCli(['answers', register, '--import', pd, '--search', 'x']).code).toBe(2);
  });
});
