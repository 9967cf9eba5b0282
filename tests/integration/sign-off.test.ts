/**
 * Sign-off (issue #14) through its handlers over a real encrypted file, each step taken by the
 * officer unlocked as (the session's officer): "mark as sent" refused until the version is
 * approved, no self-approval, only the named approver decides, a return needs its comment, a new
 * version or a changed answer needs approval again, closing as answered waits for a sent letter,
 * each step in the case history and nothing of it in the letter. Then the sensitive flag through
 * the import and the streamed `foi-desk export`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { DeskApp } from '../../main/services/app';
import { serviceOf, type Service } from '../service';
import { letterHandlers } from '../../main/services/handlers/letters';
import { signOffHandlers } from '../../main/services/handlers/sign-off';
import { createCaseFile } from '../../db/case-file';
import { exportRegister, importInterchange } from '../../main/services/import-export';
import { describeAuditEntry, type AuditEntry } from '../../shared/audit';
import type { Organisation } from '../../shared/case-format';
import type { SignOffStatus } from '../../shared/sign-off';
import { makeTempDir, PASSPHRASE, readFixture, runCli } from '../helpers';

const NOW = new Date(2026, 10, 30, 12, 0, 0);
const ALEX = 'Alex Officer';
const BEA = 'Bea Approver';

let temp: ReturnType<typeof makeTempDir>;
let app: DeskApp;
let desk: Service;
let file: string;
let caseId = 0;

const s = () => app.requireSession();
const so = signOffHandlers;
const letters = letterHandlers;

async function as(officer: string): Promise<void> {
  await desk.lock();
  await desk.open({ path: file, passphrase: Buffer.from(PASSPHRASE), officer });
}

const status = (): SignOffStatus => so['sign-off:status'](s(), { caseId });
const newestState = () => status().versions[0]!.signOff.state;
const sentCount = () => letters['letters:list'](s(), { caseId }).filter((v) => v.sentAt).length;
const history = () =>
  desk.getCase(caseId).timeline.map((e) => `${e.actor}: ${describeAuditEntry(e as AuditEntry)}`);

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
  await desk.create({ path: file, passphrase: Buffer.from(PASSPHRASE), officer: ALEX });
  desk.saveOrganisation(JSON.parse(readFixture('walton.organisation.json')) as Organisation);
  for (const [name, active] of [
    [ALEX, true],
    [BEA, true],
    ['Cal Retired', false],
  ] as const)
    desk.saveOfficer({ name, title: 'Information Governance Officer', active });
  caseId = desk.createCase({
    reference: 'FOI 8001',
    regime: 'FOIA',
    received: '2026-11-16',
    requester: { name: 'Sam Requester', email: 'sam@example.org' },
    subject: 'Agency spend',
    requestText: 'How much did the trust spend on agency nurses in 2025?',
    questions: [
      {
        number: '1',
        text: 'How much did the trust spend on agency nurses in 2025?',
        response: { outcome: 'provided', text: '£1.2 million.' },
      },
    ],
    officer: ALEX,
  }).id;
});
afterAll(async () => {
  await desk.lock();
  temp.cleanup();
});

describe('sign-off of a response', () => {
  let v1 = 0;
  let v2 = 0;

  it('needs nothing until the team requires it, then refuses to send an unapproved letter', () => {
    v1 = letters['letters:generate'](s(), { caseId, templateId: 'full-disclosure' }).id;
    expect(status()).toMatchObject({ reason: null, you: ALEX, approvers: [BEA] });
    expect(status().versions[0]!.sendProblems).toEqual([]);

    expect(so['sign-off:save-policy'](s(), { policy: { regimes: ['FOIA'], sensitive: false } })).toEqual({
      regimes: ['FOIA'],
      sensitive: false,
    });
    expect(status().reason).toMatch(/every FOI response/);
    expect(status().versions[0]!.sendProblems.join(' ')).toMatch(/Ask an approver/);
    expect(() => letters['letters:mark-sent'](s(), { versionId: v1 })).toThrow(
      /Needs approval before it is sent/,
    );
    expect(sentCount()).toBe(0);
  });

  it('refuses self-approval, an inactive officer and someone not in the list', () => {
    expect(() => so['sign-off:request'](s(), { versionId: v1, approver: ALEX })).toThrow(/your own response/);
    expect(() => so['sign-off:request'](s(), { versionId: v1, approver: 'Cal Retired' })).toThrow(
      /not an active officer/,
    );
    expect(() => so['sign-off:request'](s(), { versionId: v1, approver: 'Nobody' })).toThrow(
      /not an active officer/,
    );
    expect(newestState()).toBe('none');
  });

  it('lets only the named approver decide, and a return needs a comment', async () => {
    const asked = so['sign-off:request'](s(), { versionId: v1, approver: 'bea  approver' });
    expect(asked.versions[0]!.signOff).toMatchObject({
      state: 'requested',
      approver: BEA,
      requestedBy: ALEX,
    });
    expect(() => so['sign-off:approve'](s(), { versionId: v1 })).toThrow(/Only Bea Approver/);
    expect(() => letters['letters:mark-sent'](s(), { versionId: v1 })).toThrow(/Waiting for Bea Approver/);

    await as(BEA);
    expect(() => so['sign-off:return'](s(), { versionId: v1, comment: '   ' })).toThrow(/needs a comment/);
    const returned = so['sign-off:return'](s(), { versionId: v1, comment: 'Say which financial year.' });
    expect(returned.versions[0]!.signOff).toMatchObject({
      state: 'returned',
      comment: 'Say which financial year.',
    });
    expect(() => so['sign-off:approve'](s(), { versionId: v1 })).toThrow(/No one has asked/);

    await as(ALEX);
    expect(() => letters['letters:mark-sent'](s(), { versionId: v1 })).toThrow(
      /returned it: Say which financial year/,
    );
  });

  it('needs approval again for a new version, and lapses when an answer changes', async () => {
    const base = letters['letters:get'](s(), { versionId: v1 });
    const body = structuredClone(base.document.body);
    body.content?.push({ type: 'paragraph', content: [{ type: 'text', text: 'Financial year 2024/25.' }] });
    v2 = letters['letters:save'](s(), { versionId: v1, document: { ...base.document, body } }).id;
    expect(status().versions[0]).toMatchObject({ versionId: v2, signOff: { state: 'none' } });
    so['sign-off:request'](s(), { versionId: v2, approver: BEA, note: 'Year added.' });

    await as(BEA);
    expect(so['sign-off:approve'](s(), { versionId: v2 }).versions[0]!.signOff).toMatchObject({
      state: 'approved',
      approver: BEA,
    });

    await as(ALEX);
    expect(status().versions[0]!.sendProblems).toEqual([]);
    // The answer changes after approval: the approval was of the response as it stood.
    const q = desk.getCase(caseId).record.questions[0]!;
    desk.setResponse(caseId, q.id!, { outcome: 'provided', text: '£1.3 million.' });
    expect(status().versions[0]!.signOff).toMatchObject({ state: 'lapsed', was: 'approved' });
    expect(() => letters['letters:mark-sent'](s(), { versionId: v2 })).toThrow(/has lapsed/);
    // Closing as answered waits for the approved letter to be sent.
    expect(() =>
      desk.updateCase(caseId, { status: 'closed', outcome: 'granted', responded: '2026-11-30' }),
    ).toThrow(/mark it as sent before closing/);
    expect(desk.getCase(caseId).record.status).toBe('open');
    expect(sentCount()).toBe(0);
  });

  it('sends once approved again, closes, and records every step but shows none in the letter', async () => {
    so['sign-off:request'](s(), { versionId: v2, approver: BEA });
    await as(BEA);
    so['sign-off:approve'](s(), { versionId: v2 });
    await as(ALEX);
    const sent = letters['letters:mark-sent'](s(), { versionId: v2 });
    expect(sent.sentAt).not.toBeNull();
    expect(() => so['sign-off:request'](s(), { versionId: v2, approver: BEA })).toThrow(/sent and is locked/);
    desk.updateCase(caseId, { status: 'closed', outcome: 'granted', responded: '2026-11-30' });
    expect(desk.getCase(caseId).record.status).toBe('closed');

    const steps = history().filter((line) => /Approval|approved|returned|sent/.test(line));
    expect(steps).toEqual([
      `${ALEX}: Approval asked of ${BEA} (full-disclosure, version 1)`,
      `${BEA}: Letter returned for changes (full-disclosure, version 1): Say which financial year.`,
      `${ALEX}: Approval asked of ${BEA} (full-disclosure, version 2): Year added.`,
      `${BEA}: Letter approved (full-disclosure, version 2)`,
      `${ALEX}: Approval asked of ${BEA} (full-disclosure, version 2)`,
      `${BEA}: Letter approved (full-disclosure, version 2)`,
      `${ALEX}: Letter marked as sent (full-disclosure, version 2)`,
    ]);
    expect(history().some((line) => line.includes('sign-off') || line.includes('Changed the settings'))).toBe(
      false,
    );

    const letterText = JSON.stringify(letters['letters:get'](s(), { versionId: v2 }).document);
    expect(letterText).not.toMatch(/Bea|Approver|approv|sensitive/i);
    const docx = await letters['letters:render-docx'](s(), { versionId: v2 });
    expect(Buffer.from(docx.base64, 'base64').toString('latin1')).not.toContain('Bea');
  });

  it('requires approval for a case flagged as sensitive, and the flag leaves its letters current', () => {
    so['sign-off:save-policy'](s(), { policy: { regimes: [], sensitive: true } });
    const other = desk.createCase({
      reference: 'EIR 8002',
      regime: 'EIR',
      received: '2026-11-17',
      requester: { name: 'Pat Requester' },
      subject: 'Tree survey',
      requestText: 'Please send the 2025 tree survey.',
      questions: [
        {
          number: '1',
          text: 'Please send the 2025 tree survey.',
          response: { outcome: 'provided', text: 'Attached.' },
        },
      ],
    }).id;
    const letter = letters['letters:generate'](s(), { caseId: other, templateId: 'full-disclosure' });
    const flagged = so['sign-off:set-sensitive'](s(), { caseId: other, sensitive: true });
    expect(flagged).toMatchObject({
      sensitive: true,
      reason: expect.stringMatching(/flagged as sensitive/) as string,
    });
    expect(letters['letters:get'](s(), { versionId: letter.id }).stale).toBe(false);
    expect(() => letters['letters:mark-sent'](s(), { versionId: letter.id })).toThrow(/flagged as sensitive/);
    so['sign-off:set-sensitive'](s(), { caseId: other, sensitive: false });
    expect(letters['letters:mark-sent'](s(), { versionId: letter.id }).sentAt).not.toBeNull();
    const lines = desk.getCase(other).timeline.map((e) => describeAuditEntry(e as AuditEntry));
    expect(lines).toContain('Changed the sensitive flag from no to yes');
    expect(lines).toContain('Changed the sensitive flag from yes to no');
  });
});

describe('the sensitive flag in the case format', () => {
  it('imports, exports (and through the streamed foi-desk export) and is left out when not set', () => {
    const dir = makeTempDir();
    try {
      const target = path.join(dir.dir, 'flags.foidesk');
      const cf = createCaseFile({ path: target, passphrase: PASSPHRASE });
      const base = JSON.parse(readFixture('foi-4951.case.json')) as Record<string, unknown>;
      const flagged = { ...base, reference: 'FOI 9001', sensitive: true };
      importInterchange(
        cf,
        [{ path: 'cases.json', text: JSON.stringify([flagged, { ...base, reference: 'FOI 9002' }]) }],
        'test',
      );
      const records = exportRegister(cf) as { reference: string; sensitive?: boolean }[];
      cf.close();
      expect(records.map((r) => [r.reference, r.sensitive])).toEqual([
        ['FOI 9001', true],
        ['FOI 9002', undefined],
      ]);
      const out = path.join(dir.dir, 'out.json');
      const run = runCli(['export', target, '--format', 'json', '--out', out]);
      expect(run.code).toBe(0);
      const streamed = JSON.parse(readFileSync(out, 'utf8')) as { reference?: string; sensitive?: boolean }[];
      expect(streamed.filter((o) => o.reference).map((o) => [o.reference, o.sensitive ?? false])).toEqual([
        ['FOI 9001', true],
        ['FOI 9002', false],
      ]);
      expect(readFileSync(out, 'utf8').match(/"sensitive"/g)).toHaveLength(1);
    } finally {
      dir.cleanup();
    }
  });
});
