/**
 * The disclosure log (issue #14) through its handlers over a real encrypted file, and
 * `foi-desk disclosure-log` as a process: each kind of personal data planted in a request and its
 * answers is flagged (an NHS number only when its check digit is right), the export is refused
 * until each is decided, and nothing of the requester is in the CSV or the HTML.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { DeskApp } from '../../main/services/app';
import { serviceOf, type Service } from '../service';
import { disclosureHandlers } from '../../main/services/handlers/disclosure';
import { caseHandlers } from '../../main/services/handlers/cases';
import type { DisclosurePreview } from '../../shared/contract';
import { makeTempDir, PASSPHRASE, runCli } from '../helpers';

const NOW = new Date(2026, 10, 30, 12, 0, 0);
const REQUEST = `Dear FOI team,

Siobhán McCarthy here. Please tell me how many complaints about the ward were made in 2025.
My colleague (jo.bloggs@example.net, 07700 900123) asked about patient 943 476 5919 at the
Liverpool site, L9 7LJ; the purchase order was 1234567890.

Write to me at 12 Acacia Avenue, Leeds.`;

let temp: ReturnType<typeof makeTempDir>;
let app: DeskApp;
let desk: Service;
let file: string;
let chosenId = 0;
let notChosenId = 0;
let openId = 0;
const RANGE = { from: '2026-11-01', to: '2026-11-30' };

const h = () => disclosureHandlers;
const s = () => app.requireSession();

function logCase(reference: string, received: string) {
  return desk.createCase({
    reference,
    regime: 'FOIA',
    received,
    requester: {
      name: 'Siobhán McCarthy',
      email: 'siobhan.mccarthy@example.org',
      address: '12 Acacia Avenue\nLeeds',
    },
    subject: 'Complaints about Ward 7',
    requestText: REQUEST,
    questions: [
      {
        number: '1',
        text: 'How many complaints were made about the ward in 2025?',
        response: {
          outcome: 'provided',
          text: '14 complaints. Call the PALS team on 0151 529 3000 for more.',
        },
      },
    ],
  }).id;
}

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
  chosenId = logCase('FOI 7001', '2026-11-02');
  desk.updateCase(chosenId, { status: 'closed', outcome: 'granted', responded: '2026-11-20' });
  notChosenId = logCase('FOI 7002', '2026-11-03');
  desk.updateCase(notChosenId, { status: 'closed', outcome: 'granted', responded: '2026-11-21' });
  openId = logCase('FOI 7003', '2026-11-04');
});
afterAll(async () => {
  await desk.lock();
  temp.cleanup();
});

const exportText = (format: 'csv' | 'html', acceptFlags?: boolean) =>
  Buffer.from(
    h()['disclosure:export'](s(), { ...RANGE, format, ...(acceptFlags ? { acceptFlags } : {}) }).base64,
    'base64',
  ).toString('utf8');

/** Nothing of the requester: the name, its parts, the email, the address. */
function expectNoRequester(text: string): void {
  for (const piece of ['Siobhán', 'McCarthy', 'siobhan', 'Acacia', 'mccarthy@'])
    expect(text).not.toContain(piece);
}

describe('choosing cases for the log', () => {
  it('takes only closed cases, and records the choice in the case history', () => {
    expect(() => h()['disclosure:choose'](s(), { caseId: openId, chosen: true })).toThrow(
      /Only a closed case/,
    );
    expect(h()['disclosure:choice'](s(), { caseId: openId }).problems).toHaveLength(1);
    expect(h()['disclosure:choose'](s(), { caseId: chosenId, chosen: true })).toEqual({ chosen: true });
    expect(h()['disclosure:choice'](s(), { caseId: chosenId })).toEqual({ chosen: true, problems: [] });
    const timeline = desk.getCase(chosenId).timeline.map((t) => t.action);
    expect(timeline).toContain('disclosure-choice');
  });
});

describe('the personal-data check', () => {
  let preview: DisclosurePreview;
  it('flags each kind planted, and not a ten-digit order number', () => {
    preview = h()['disclosure:preview'](s(), RANGE);
    expect(preview.entries.map((e) => e.reference)).toEqual(['FOI 7001']);
    const findings = preview.entries[0]!.findings;
    const byKind = (k: string) => findings.filter((f) => f.kind === k).map((f) => f.value);
    expect(byKind('email')).toEqual(['jo.bloggs@example.net']);
    expect(byKind('phone')).toEqual(['07700 900123', '0151 529 3000']);
    expect(byKind('nhs-number')).toEqual(['943 476 5919']);
    expect(byKind('postcode')).toEqual(['L9 7LJ']);
    expect(byKind('requester')).toEqual(expect.arrayContaining(['Siobhán McCarthy', '12 Acacia Avenue']));
    expect(findings.some((f) => f.value.includes('1234567890'))).toBe(false);
    expect(findings.find((f) => f.value === '0151 529 3000')!.where).toEqual(['the answer to question 1']);
    // The requester is always left out: nothing to decide. Everything else waits for the officer.
    expect(findings.filter((f) => f.fixed).every((f) => f.decision === 'remove')).toBe(true);
    expect(preview.undecided).toBe(5);
  });

  it('refuses the export while a finding is undecided', () => {
    expect(() => exportText('csv')).toThrow(
      /5 possible pieces of personal data in FOI 7001 are not decided yet/,
    );
  });

  it('refuses a decision on the requester, or on a finding that is not there', () => {
    const requester = preview.entries[0]!.findings.find((f) => f.fixed)!;
    const decide = (key: string) =>
      h()['disclosure:decide'](s(), { ...RANGE, caseId: chosenId, key, action: 'keep' });
    expect(() => decide(requester.key)).toThrow(/always left out/);
    expect(() => decide('email:nobody@example.org')).toThrow(/no longer in the case/);
  });

  it('publishes what the officer decided, and nothing of the requester', () => {
    let latest = preview;
    for (const f of preview.entries[0]!.findings.filter((x) => !x.fixed)) {
      // The trust's own switchboard and site postcode are not personal data: kept.
      const action = f.value === 'L9 7LJ' || f.value === '0151 529 3000' ? 'keep' : 'remove';
      latest = h()['disclosure:decide'](s(), { ...RANGE, caseId: chosenId, key: f.key, action });
    }
    expect(latest.undecided).toBe(0);
    const csv = exportText('csv');
    expectNoRequester(csv);
    for (const removed of ['jo.bloggs', '07700 900123', '943 476 5919']) expect(csv).not.toContain(removed);
    expect(csv).toContain('L9 7LJ');
    expect(csv).toContain('0151 529 3000');
    expect(csv).toContain('[the requester] here.');
    expect(csv).toContain('1234567890');
    expect(csv.split('\r\n')[0]).toBe(
      'Reference,Regime,Date received,Date of response,Subject,Request,Answers,Exemptions',
    );
    expect(csv).not.toContain('FOI 7002');
    const html = exportText('html');
    expectNoRequester(html);
    expect(html).toContain('<h2>FOI 7001: Complaints about Ward 7</h2>');
    expect(html).not.toMatch(/<script/i);
    // The history names the kind of each decision, never its text.
    const history = desk.getCase(chosenId).timeline;
    const decisions = history.filter((t) => t.action === 'disclosure-decision');
    expect(decisions).toHaveLength(5);
    expect(JSON.stringify(decisions)).not.toMatch(/jo\.bloggs|07700|943 476/);
  });

  it('flags again what an edit adds after the decisions', () => {
    caseHandlers['cases:set-response'](s(), {
      id: chosenId,
      questionId: desk.getCase(chosenId).record.questions[0]!.id!,
      response: { outcome: 'provided', text: '14 complaints; ask dr.who@example.net.' },
    });
    expect(h()['disclosure:preview'](s(), RANGE).undecided).toBe(1);
    expect(() => exportText('csv')).toThrow(
      /1 possible piece of personal data in FOI 7001 is not decided yet/,
    );
  });
});

describe('foi-desk disclosure-log', () => {
  it('refuses while a finding is undecided, and with --accept-flags says which it published', async () => {
    await desk.lock();
    const out = path.join(temp.dir, 'log.html');
    const refused = runCli(['disclosure-log', file, '--from', RANGE.from, '--to', RANGE.to, '--out', out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/not decided yet/);
    const accepted = runCli([
      'disclosure-log',
      file,
      '--from',
      RANGE.from,
      '--to',
      RANGE.to,
      '--out',
      out,
      '--accept-flags',
    ]);
    expect(accepted.stderr).toBe(
      'warning: FOI 7001: email address in the answer to question 1 published as it is\n',
    );
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toMatch(/Wrote .*log\.html \(1 case\)/);
    const html = readFileSync(out, 'utf8');
    expectNoRequester(html);
    expect(html).toContain('dr.who@example.net');
    const bad = runCli([
      'disclosure-log',
      file,
      '--from',
      RANGE.from,
      '--to',
      RANGE.to,
      '--out',
      path.join(temp.dir, 'x.pdf'),
    ]);
    expect(bad.code).toBe(2);
    await desk.open({ path: file, passphrase: Buffer.from(PASSPHRASE) });
  });
});
