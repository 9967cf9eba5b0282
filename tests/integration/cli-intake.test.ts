/**
 * `foi-desk intake`, run as its own process on a real encrypted file: each email logged as a case
 * with the email and its attachments inside the file, a duplicate skipped and named (exit 1), a
 * dry run that writes nothing, and bad usage exiting 2.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createCaseFile, openCaseFile } from '../../db/case-file';
import { dumpCaseFile, fixture, makeTempDir, PASSPHRASE, runCli } from '../helpers';

let temp: ReturnType<typeof makeTempDir>;
let file: string;
const email = (name: string) => fixture(`email/${name}`);

beforeEach(() => {
  temp = makeTempDir();
  file = path.join(temp.dir, 'register.foidesk');
  createCaseFile({ path: file, passphrase: PASSPHRASE }).close();
});
afterEach(() => temp.cleanup());

describe('foi-desk intake', () => {
  it('logs a case from each email, attachments kept encrypted in the file, and skips a duplicate', () => {
    const result = runCli([
      'intake',
      file,
      email('with-attachments.eml'),
      email('whatdotheyknow.eml'),
      email('outlook-attachment-files.msg'),
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      /^Logged FOI 1 from .*with-attachments\.eml: "car parking income" from Priya Shah <p\.shah@localpaper\.example\.co\.uk>, received 14\/07\/2026, 2 questions, the email and 2 attachments kept\.$/,
    );
    expect(lines[1]).toMatch(
      /^Logged FOI 2 from .*whatdotheyknow\.eml: "Cyber security incidents" .*WhatDoTheyKnow: the reply will be published\.$/,
    );
    expect(lines[2]).toMatch(
      /^Logged FOI 3 from .*outlook-attachment-files\.msg: .*the email and 3 attachments kept\.$/,
    );

    const cf = openCaseFile({ path: file, passphrase: PASSPHRASE });
    try {
      const rows = cf.sqlite.prepare('SELECT case_id, kind, name, size FROM attachments ORDER BY id').all();
      expect(rows).toHaveLength(3 + 1 + 4);
      const category = cf.sqlite
        .prepare("SELECT category FROM requesters WHERE email LIKE 'request-%'")
        .pluck()
        .get();
      expect(category).toBe('WhatDoTheyKnow');
    } finally {
      cf.close();
    }
    expect(readFileSync(file).includes(Buffer.from('CSVMARKER-tariff-table-9d3c'))).toBe(false);

    const again = runCli(['intake', file, email('with-attachments.eml')]);
    expect(again.code).toBe(1);
    expect(again.stdout).toBe('');
    expect(again.stderr).toMatch(
      /with-attachments\.eml: already logged as FOI 1 \(the same message\); not logged again/,
    );
    const forced = runCli(['intake', file, email('with-attachments.eml'), '--allow-duplicates', '--json']);
    expect(forced.code).toBe(0);
    const [outcome] = JSON.parse(forced.stdout) as { result: string; reference: string }[];
    expect(outcome).toMatchObject({ result: 'logged', reference: 'FOI 4' });
  });

  it('a dry run prints what would be logged and changes nothing; bad usage exits 2', () => {
    const before = dumpCaseFile(file);
    const dry = runCli(['intake', file, email('plain.eml'), '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(
      /^Would log FOI 1 from .*plain\.eml: "agency nurse spend" from Sam Patel <sam\.patel@example\.org>, received 16\/01\/2026, 3 questions, the email and 0 attachments kept\.\n$/,
    );
    expect(dumpCaseFile(file)).toBe(before);
    expect(runCli(['intake', file]).code).toBe(2);
    expect(runCli(['intake', file, email('plain.eml'), '--regime', 'GDPR']).code).toBe(2);
    const missing = runCli(['intake', file, path.join(temp.dir, 'nope.eml')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.eml is not a file/);
  });
});
