/**
 * Complaints to the Commissioner on a real encrypted case file: imported with the case format
 * (`foi-desk import`, the streamed writer) and exported again (`foi-desk export`), set and
 * cleared through `cases:set-commissioner` with its rules (shared/commissioner.ts) and its history
 * entries, and counted in the statistics with the cases behind each decision.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeskApp } from '../../main/services/app';
import { createHandlers, type Handlers } from '../../main/services/handlers';
import type { CaseRecord } from '../../shared/case-format';
import { makeTempDir, PASSPHRASE, runCli } from '../helpers';

const base = (reference: string, extra: Partial<CaseRecord>): CaseRecord => ({
  format: 'foi-desk/case@1',
  reference,
  regime: 'FOIA',
  received: '2025-01-06',
  requester: { name: 'A Requester' },
  subject: `Request ${reference}`,
  requestText: 'Please send the figures.',
  questions: [{ number: '1', text: 'Please send the figures.' }],
  status: 'closed',
  outcome: 'refused',
  responded: '2025-01-20',
  ...extra,
});

let temp: ReturnType<typeof makeTempDir>;
let file: string;
let app: DeskApp;
let handlers: Handlers;

beforeAll(() => {
  temp = makeTempDir();
  file = path.join(temp.dir, 'register.foidesk');
  expect(runCli(['init', file]).code).toBe(0);
});
afterAll(async () => {
  if (app) await app.enqueue(() => app.lockNow());
  temp.cleanup();
});

async function open(): Promise<void> {
  app = new DeskApp({
    configDir: path.join(temp.dir, 'config'),
    now: () => new Date(2025, 5, 2, 12),
    // The Save dialog as Electron would answer it: the suggested name, in the temp folder.
    chooseSavePath: (request) => Promise.resolve(path.join(temp.dir, request.suggestedName)),
  });
  handlers = createHandlers(app);
  const opened = await handlers['session:open']({ path: file, passphrase: Buffer.from(PASSPHRASE) });
  expect(opened.ok).toBe(true);
}

describe('complaints to the Commissioner', () => {
  it('are imported and exported with the case, and the import refuses a decision without a date', () => {
    const json = path.join(temp.dir, 'cases.json');
    writeFileSync(
      json,
      JSON.stringify([
        base('FOI 1', {
          commissionerComplaintReceived: '2025-02-10',
          commissionerDecision: 'partly-upheld',
          commissionerDecisionRef: 'IC-123456-A1B2',
        }),
        base('FOI 2', {}),
        base('FOISA 3', { regime: 'FOISA', commissionerComplaintReceived: '2025-03-01' }),
      ]),
    );
    const imported = runCli(['import', file, json]);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const exported = JSON.parse(runCli(['export', file]).stdout) as CaseRecord[];
    const one = exported.find((c) => c.reference === 'FOI 1');
    expect(one).toMatchObject({
      commissionerComplaintReceived: '2025-02-10',
      commissionerDecision: 'partly-upheld',
      commissionerDecisionRef: 'IC-123456-A1B2',
    });
    expect(exported.find((c) => c.reference === 'FOI 2')).not.toHaveProperty('commissionerDecision');

    const bad = path.join(temp.dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify([
        base('FOI 9', { commissionerDecision: 'upheld' }),
        base('FOI 10', { commissionerComplaintReceived: '2024-12-01' }),
      ]),
    );
    const refused = runCli(['import', file, bad]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/\[0\].*Give the date of the complaint to the Commissioner/);
    expect(refused.stderr).toMatch(/\[1\].*complaint to the Commissioner cannot be before the date/);
  });

  it('are set and cleared by cases:set-commissioner, with its rules and the history', async () => {
    await open();
    const list = await handlers['cases:list']({ view: 'all', offset: 0, limit: 10 });
    if (!list.ok) throw new Error(list.error.message);
    const id = list.value.rows.find((r) => r.reference === 'FOI 2')!.id;
    const set = (complaintReceived: string | null, decision: string | null, decisionRef: string | null) =>
      handlers['cases:set-commissioner']({ id, complaintReceived, decision, decisionRef });

    // Answered in time on 20 January: a complaint cannot come before the response.
    const early = await set('2025-01-15', null, null);
    expect(early.ok || early.error.message).toMatch(
      /cannot be before the response unless the response was late/,
    );
    const future = await set('2025-07-01', null, null);
    expect(future.ok || future.error.message).toMatch(/cannot be in the future/);
    const noDate = await set(null, 'upheld', null);
    expect(noDate.ok || noDate.error.message).toMatch(/Give the date of the complaint/);
    const noDecision = await set('2025-02-01', null, 'IC-1');
    expect(noDecision.ok || noDecision.error.message).toMatch(/Choose the Commissioner’s decision/);

    const ok = await set('2025-02-01', 'not-upheld', '  IC-654321-Z9Y8 ');
    if (!ok.ok) throw new Error(ok.error.message);
    expect(ok.value.record).toMatchObject({
      commissionerComplaintReceived: '2025-02-01',
      commissionerDecision: 'not-upheld',
      commissionerDecisionRef: 'IC-654321-Z9Y8',
    });
    const fields = ok.value.timeline.map((t) => t.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'commissionerComplaintReceived',
        'commissionerDecision',
        'commissionerDecisionRef',
      ]),
    );

    const cleared = await set(null, null, null);
    if (!cleared.ok) throw new Error(cleared.error.message);
    expect(cleared.value.record).not.toHaveProperty('commissionerComplaintReceived');
    expect(cleared.value.record).not.toHaveProperty('commissionerDecision');
  });

  it('are counted in the statistics by decision, each with the cases behind it', async () => {
    const period = { from: '2025-01-01', to: '2025-03-31' };
    const figures = await handlers['stats:figures'](period);
    if (!figures.ok) throw new Error(figures.error.message);
    expect(figures.value.main.commissioner).toEqual({
      complaints: 2,
      pending: 1,
      decisions: { upheld: 0, 'partly-upheld': 1, 'not-upheld': 0, withdrawn: 0, 'informally-resolved': 0 },
    });
    const refs = async (decision?: 'partly-upheld' | 'pending') => {
      const page = await handlers['cases:list']({
        view: 'all',
        stats: { ...period, figure: 'commissioner', ...(decision ? { decision } : {}) },
        offset: 0,
        limit: 10,
      });
      if (!page.ok) throw new Error(page.error.message);
      return page.value.rows.map((r) => r.reference).sort();
    };
    expect(await refs()).toEqual(['FOI 1', 'FOISA 3']);
    expect(await refs('partly-upheld')).toEqual(['FOI 1']);
    expect(await refs('pending')).toEqual(['FOISA 3']);
    const csv = await handlers['stats:render']({ selection: period, format: 'csv' });
    expect(csv.ok && Buffer.from(csv.value.base64, 'base64').toString()).toMatch(
      /complaints to the Commissioner,Complaints,commissionerComplaints,2/,
    );
  });

  it('are written by stats:export only where the Save dialog chose', async () => {
    const period = { from: '2025-01-01', to: '2025-03-31' };
    const made = path.join(temp.dir, 'made-up.csv');
    const refused = await handlers['stats:export']({ selection: period, format: 'csv', path: made });
    expect(refused.ok || refused.error.message).toMatch(/Save dialog/);
    expect(existsSync(made)).toBe(false);
    const chosen = await handlers['dialog:save-path']({
      suggestedName: 'FOI statistics 2025-01-01 to 2025-03-31.csv',
      kind: 'stats-csv',
    });
    if (!chosen.ok || !chosen.value.path) throw new Error('no path');
    const written = await handlers['stats:export']({
      selection: period,
      format: 'csv',
      path: chosen.value.path,
    });
    if (!written.ok) throw new Error(written.error.message);
    expect(readFileSync(chosen.value.path, 'utf8')).toMatch(/commissionerComplaints,2/);
    // The grant is used once.
    const again = await handlers['stats:export']({
      selection: period,
      format: 'csv',
      path: chosen.value.path,
    });
    expect(again.ok).toBe(false);
  });
});
