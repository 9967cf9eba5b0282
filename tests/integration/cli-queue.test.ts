/**
 * `foi-desk queue`, run as its own process on a real encrypted file: the page the app shows
 * (reference, regime, received, due, state, working days left), filtered, searched and limited,
 * as a table or as the channel's JSON; bad usage exits 2.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { createCaseFile } from '../../db/case-file';
import { seedCases } from '../seed';
import type { QueuePage } from '../../shared/contract';
import { makeTempDir, PASSPHRASE, runCli } from '../helpers';

let temp: ReturnType<typeof makeTempDir>;
let file: string;

beforeEach(() => {
  temp = makeTempDir();
  file = path.join(temp.dir, 'register.foidesk');
  const created = createCaseFile({ path: file, passphrase: PASSPHRASE });
  seedCases(created, { cases: 300, open: 30 });
  created.close();
});
afterEach(() => temp.cleanup());

describe('foi-desk queue', () => {
  it('prints the first page of open cases as the app lists them', () => {
    const result = runCli(['queue', file, '--limit', '5']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^5 of 30 open cases, as of \d{4}-\d{2}-\d{2}\.$/);
    expect(lines[1]).toMatch(/^Reference\s+Regime\s+Received\s+Due\s+State\s+Working days left$/);
    expect(lines).toHaveLength(7);
    // The seeded open cases are long past due: the soonest due first, overdue, in working days.
    expect(lines[2]).toMatch(/^FOI 271\s+FOIA\s+\d{4}-\d\d-\d\d\s+\d{4}-\d\d-\d\d\s+overdue\s+-\d+$/);
  });

  it('searches, shows closed or all cases, and prints the channel JSON', () => {
    const json = runCli([
      'queue',
      file,
      '--state',
      'all',
      '--search',
      'Cyber Essentials',
      '--limit',
      '500',
      '--json',
    ]);
    expect(json.code).toBe(0);
    const page = JSON.parse(json.stdout) as QueuePage;
    expect(page.total).toBe(30);
    expect(page.rows.every((r) => r.subject.startsWith('Cyber Essentials'))).toBe(true);
    expect(page.rows[0]).toHaveProperty('workingDaysLeft');

    const closed = runCli(['queue', file, '--state', 'closed', '--search', 'FOI 12', '--limit', '3']);
    expect(closed.code).toBe(0);
    expect(closed.stdout.split('\n')[0]).toMatch(/^3 of \d+ closed cases matching "FOI 12"/);
    expect(closed.stdout).toMatch(/\bclosed\s+—/);

    const none = runCli(['queue', file, '--search', 'no such thing anywhere']);
    expect(none.stdout).toMatch(/^No open cases matching "no such thing anywhere"/);
  });

  it('refuses bad usage with exit code 2 and a wrong passphrase with 1', () => {
    expect(runCli(['queue', file, '--state', 'pending']).code).toBe(2);
    expect(runCli(['queue', file, '--limit', '0']).code).toBe(2);
    expect(runCli(['queue']).code).toBe(2);
    const wrong = runCli(['queue', file], { FOI_DESK_PASSPHRASE: 'not the right passphrase' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/Wrong passphrase/);
  });
});
