/**
 * The s12 estimate worksheet through the guarded handlers on a real encrypted file: the rule
 * refusing time that may not be counted, totals against the limit chosen in Settings, aggregation
 * with the same requester's similar request within 60 working days (and refused past them), the
 * EIR told there is no cost limit, the audit trail, nothing of it in plaintext on disk, and the
 * cost-limit letter stating the estimate, read back through LibreOffice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DeskApp } from '../../main/services/app';
import { createHandlers, type Handlers } from '../../main/services/handlers';
import { importInterchange } from '../../main/services/import-export';
import { createCaseFile } from '../../db/case-file';
import type { Channel, ChannelOutput, CaseDraft } from '../../shared/contract';
import { describeAuditEntry, type AuditEntry } from '../../shared/audit';
import { makeTempDir, PASSPHRASE, readFixture } from '../helpers';
import { convertToPdf, pdfPages, squash } from './letters/helpers';

const NOW = new Date(2026, 10, 21, 12, 0, 0);
const HOW = 'sampled 10 of the 240 incident files at 6 minutes each';

let temp: ReturnType<typeof makeTempDir>;
let file: string;
let desk: DeskApp;
let handlers: Handlers;
const ids: Record<string, number> = {};

async function ok<C extends Channel>(channel: C, input: unknown): Promise<ChannelOutput<C>> {
  const reply = await handlers[channel](input);
  if (!reply.ok) throw new Error(`${channel}: ${reply.error.code}: ${reply.error.message}`);
  return reply.value;
}

async function refusal(channel: Channel, input: unknown): Promise<string> {
  const reply = await handlers[channel](input);
  if (reply.ok) throw new Error(`${channel} was accepted`);
  expect(reply.error.code).toBe('validation');
  return reply.error.message;
}

const REQUEST =
  '1. For each ward, the number of slips, trips and falls reported each month from 2015 to 2025.\n2. The incident form for each.';

function draft(reference: string, received: string, regime: CaseDraft['regime'] = 'FOIA'): CaseDraft {
  return {
    reference,
    regime,
    received,
    requester: { name: 'Priya Shah', email: 'priya@example.org' },
    subject: 'Slips, trips and falls by ward',
    requestText: REQUEST,
    questions: [
      { number: '1', text: 'Falls by ward and month, 2015 to 2025.' },
      { number: '2', text: 'The incident forms.' },
    ],
  };
}

const save = (caseId: number, rows: unknown[], aggregatedCaseIds: number[] = [], advice = '') => ({
  caseId,
  rows,
  aggregatedCaseIds,
  advice,
});

beforeAll(async () => {
  temp = makeTempDir();
  file = path.join(temp.dir, 'register.foidesk');
  const cf = createCaseFile({ path: file, passphrase: PASSPHRASE });
  try {
    importInterchange(
      cf,
      [{ path: 'walton.organisation.json', text: readFixture('walton.organisation.json') }],
      'test',
    );
  } finally {
    cf.close();
  }
  desk = new DeskApp({
    configDir: path.join(temp.dir, 'config'),
    actor: 'tester',
    now: () => NOW,
    integrityCheck: false,
  });
  handlers = createHandlers(desk);
  await ok('session:open', { path: file, passphrase: Buffer.from(PASSPHRASE) });
  ids.main = (await ok('cases:create', { draft: draft('FOI 5001', '2026-11-02') })).id;
  ids.earlier = (await ok('cases:create', { draft: draft('FOI 4990', '2026-10-05') })).id;
  ids.old = (await ok('cases:create', { draft: draft('FOI 4000', '2026-01-05') })).id;
  ids.eir = (await ok('cases:create', { draft: draft('EIR 77', '2026-11-02', 'EIR') })).id;
});
afterAll(async () => {
  await desk.enqueue(() => desk.lockNow());
  temp.cleanup();
});

describe('the s12 worksheet', () => {
  it('starts empty under the £450 limit at £25 an hour', async () => {
    const view = await ok('s12:get', { caseId: ids.main });
    expect(view.saved).toBe(false);
    expect(view.rule).toMatchObject({ kind: 'limit', limitPence: 45_000, ratePence: 2500 });
    expect(view.result).toMatchObject({ totalMinutes: 0, exceeds: false, limitMinutes: 1080 });
    expect(view.letter).toEqual({ costLimit: '£450', costHours: '18', costRate: '£25' });
  });

  it('refuses time spent redacting or considering exemptions, and negative or unbounded time', async () => {
    expect(await refusal('s12:save', save(ids.main!, [{ activity: 'redacting', minutes: 600 }]))).toMatch(
      /Row 1: Time spent redacting may not be counted/,
    );
    expect(
      await refusal('s12:save', save(ids.main!, [{ activity: 'considering exemptions', minutes: 60 }])),
    ).toMatch(/considering exemptions/);
    await refusal('s12:save', save(ids.main!, [{ activity: 'locating', minutes: -5 }]));
    await refusal('s12:save', save(ids.main!, [{ activity: 'locating', minutes: 10_000_000 }]));
    expect((await ok('s12:get', { caseId: ids.main })).saved).toBe(false);
  });

  it('totals the permitted activities and says by how much the limit is exceeded', async () => {
    const view = await ok(
      's12:save',
      save(ids.main!, [
        { activity: 'determining', minutes: 120, question: '1' },
        { activity: 'locating', minutes: 24 * 60, question: '2', description: HOW },
        { activity: 'extracting', minutes: 150, question: '1' },
      ]),
    );
    expect(view.saved).toBe(true);
    expect(view.result).toMatchObject({
      totalMinutes: 28 * 60 + 30,
      costPence: 71_250,
      exceeds: true,
      overByPence: 26_250,
    });
    expect(view.letter?.costEstimate).toContain(
      '28 hours 30 minutes of staff time, costing £712.50 at £25 an hour',
    );
    expect(view.letter?.adviceAndAssistance).toBe(view.defaultAdvice);
    // Over the limit, the letter the case suggests is the cost-limit refusal.
    expect((await ok('letters:templates', { caseId: ids.main })).suggested).toBe('cost-limit');
    const detail = await ok('cases:get', { id: ids.main });
    const entry = detail.timeline.find((t) => t.entity === 's12-estimate');
    expect(entry && describeAuditEntry(entry as AuditEntry)).toBe('Created the s12 cost estimate');
    expect(entry?.newValue).toBe(JSON.stringify({ rows: 3, minutes: 1710, aggregated: [] }));
  });

  it('suggests and aggregates the same requester’s similar request within 60 working days', async () => {
    await ok('s12:save', save(ids.earlier!, [{ activity: 'extracting', minutes: 60 }]));
    const before = await ok('s12:get', { caseId: ids.main });
    expect(before.suggestions.map((s) => s.reference)).toContain('FOI 4990');
    expect(before.suggestions.find((s) => s.reference === 'FOI 4990')?.kind).toBe('aggregation');
    const view = await ok(
      's12:save',
      save(ids.main!, before.rows, [ids.earlier!], 'Ask for one year at a time.'),
    );
    expect(view.aggregated).toEqual([
      { id: ids.earlier, reference: 'FOI 4990', received: '2026-10-05', minutes: 60, hasWorksheet: true },
    ]);
    expect(view.result).toMatchObject({ ownMinutes: 1710, aggregatedMinutes: 60, totalMinutes: 1770 });
    expect(view.letter?.aggregation).toMatch(/FOI 4990/);
    expect(view.letter?.adviceAndAssistance).toBe('Ask for one year at a time.');
    // January to November is far more than 60 working days.
    expect(await refusal('s12:save', save(ids.main!, before.rows, [ids.old!]))).toMatch(
      /60 consecutive working days/,
    );
    expect(await refusal('s12:save', save(ids.main!, before.rows, [ids.main!]))).toMatch(/itself/);
    expect(await refusal('s12:save', save(ids.main!, before.rows, [ids.eir!]))).toMatch(/same cost limit/);
  });

  it('tells an EIR case there is no cost limit, and refuses a worksheet for it', async () => {
    const view = await ok('s12:get', { caseId: ids.eir });
    expect(view.rule.kind).toBe('none');
    expect(view.result).toBeNull();
    expect(await refusal('s12:save', save(ids.eir!, [{ activity: 'locating', minutes: 60 }]))).toMatch(
      /regulation 12\(4\)\(b\)|reg 12\(4\)\(b\)/,
    );
  });

  it('uses £600 for central government when Settings say so', async () => {
    await ok('settings:save', { settings: { costLimitBody: 'central-government' } });
    const view = await ok('s12:get', { caseId: ids.main });
    expect(view.rule).toMatchObject({ limitPence: 60_000 });
    expect(view.letter).toMatchObject({ costLimit: '£600', costHours: '24' });
    await ok('settings:save', { settings: { costLimitBody: 'other' } });
  });

  it('keeps no worksheet text in plaintext on disk', async () => {
    await desk.enqueue(() => desk.lockNow());
    const bytes = readFileSync(file);
    expect(bytes.includes(Buffer.from('sampled 10 of the 240'))).toBe(false);
    expect(bytes.includes(Buffer.from('one year at a time'))).toBe(false);
    await ok('session:open', { path: file, passphrase: Buffer.from(PASSPHRASE) });
    expect((await ok('s12:get', { caseId: ids.main })).rows[1]?.description).toBe(HOW);
  });

  it('fills the cost-limit refusal with the estimate, the limit, the rate and the advice (LibreOffice)', async () => {
    const letter = await ok('letters:generate', {
      caseId: ids.main,
      templateId: 'cost-limit',
      date: '2026-11-20',
    });
    const docx = path.join(temp.dir, 'cost-limit.docx');
    writeFileSync(
      docx,
      Buffer.from((await ok('letters:render-docx', { versionId: letter.id })).base64, 'base64'),
    );
    const text = squash((await pdfPages(await convertToPdf(docx, temp.dir))).join('\n'));
    for (const expected of [
      'would exceed the appropriate limit of £450',
      'the limit equates to 18 hours of work at £25 an hour',
      'would take 29 hours 30 minutes of staff time, costing £737.50 at £25 an hour, which is £287.50 more than the limit of £450.',
      'determining whether we hold the information, 2 hours',
      'locating it, 24 hours',
      `We reached this estimate as follows: ${HOW}.`,
      'This estimate includes 1 hour for the request FOI 4990',
      'Under section 16 of the Act we have a duty to provide advice and assistance. Ask for one year at a time.',
    ])
      expect(text).toContain(squash(expected));
    // A change to the worksheet makes the letter out of date.
    const rows = (await ok('s12:get', { caseId: ids.main })).rows;
    await ok('s12:save', save(ids.main!, rows.slice(1), [ids.earlier!], 'Ask for one year at a time.'));
    const [latest] = await ok('letters:list', { caseId: ids.main });
    expect(latest?.stale).toBe(true);
  }, 300_000);
});
