import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openCaseFile } from '../../db/case-file';
import { fixture, makeTempDir, PASSPHRASE, readFixture, runCli } from '../helpers';

let dir: string;
let cleanup: () => void;
let file: string;
beforeEach(() => {
  ({ dir, cleanup } = makeTempDir());
  file = path.join(dir, 'register.foidesk');
});
afterEach(() => cleanup());

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at |Error:|node:internal/);

describe('foi-desk command line', () => {
  it('init creates an encrypted file and refuses to overwrite it', () => {
    const first = runCli(['init', file]);
    expect(first).toMatchObject({ code: 0 });
    expect(first.stdout).toMatch(/Created/);
    const before = readFileSync(file);
    const again = runCli(['init', file]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('imports, then exports JSON equal to the examples and a CSV register', () => {
    expect(runCli(['init', file]).code).toBe(0);
    const imported = runCli([
      'import',
      file,
      fixture('walton.organisation.json'),
      fixture('foi-4951.case.json'),
      fixture('foi-2774.case.json'),
    ]);
    expect(imported).toMatchObject({ code: 0, stdout: 'Imported 2 cases and the organisation profile.\n' });
    const json = runCli(['export', file]);
    expect(json.code).toBe(0);
    const exported = JSON.parse(json.stdout) as unknown[];
    expect(exported).toEqual(
      ['walton.organisation.json', 'foi-4951.case.json', 'foi-2774.case.json'].map(
        (n) => JSON.parse(readFixture(n)) as unknown,
      ),
    );
    const out = path.join(dir, 'register.csv');
    expect(runCli(['export', file, '--format', 'csv', '--out', out]).code).toBe(0);
    const csv = readFileSync(out, 'utf8').trimEnd().split('\r\n');
    expect(csv).toEqual([
      'reference,regime,received,due,status,outcome,responded,subject',
      'FOI 4951,FOIA,2021-11-11,2021-12-10,closed,refused,2021-11-11,Cyber Essentials accreditation',
      // St Andrew's Day (Thu 30 Nov 2017, Scotland) does not count under FOIA: due Fri 22 Dec.
      'FOI 2774,FOIA,2017-11-23,2017-12-22,closed,part-granted,2017-12-21,Annual spend on cyber security',
    ]);
  });

  it('refuses an invalid import as path: field: problem, exit 1, file unchanged', () => {
    expect(runCli(['init', file]).code).toBe(0);
    const bad = path.join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({ ...JSON.parse(readFixture('foi-4951.case.json')), received: '2021-02-30' }),
    );
    const before = readFileSync(file);
    const result = runCli(['import', file, fixture('foi-2774.case.json'), bad]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${bad}: received: is not a real date in the form YYYY-MM-DD`);
    noStack(result.stderr);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(JSON.parse(runCli(['export', file]).stdout)).toEqual([]);
  });

  it('refuses a duplicate reference', () => {
    expect(runCli(['init', file]).code).toBe(0);
    expect(runCli(['import', file, fixture('foi-4951.case.json')]).code).toBe(0);
    const again = runCli(['import', file, fixture('foi-4951.case.json')]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('reference: "FOI 4951" is already in the case file');
  });

  it('gives one clear line for the errors users meet, never a stack trace', () => {
    expect(runCli(['init', file]).code).toBe(0);
    const wrong = runCli(['export', file], { FOI_DESK_PASSPHRASE: 'nope nope nope' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/^foi-desk export: Wrong passphrase/);
    expect(wrong.stderr).not.toContain('nope nope nope');
    noStack(wrong.stderr);

    const missing = runCli(['export', path.join(dir, 'missing.foidesk')]);
    expect(missing.stderr).toMatch(/does not exist/);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);

    const notCase = path.join(dir, 'notes.txt');
    writeFileSync(notCase, 'hello');
    const notCaseResult = runCli(['export', notCase]);
    expect(notCaseResult.stderr).toMatch(/not a FOI Desk case file/);
    noStack(notCaseResult.stderr);

    const cf = openCaseFile({ path: file, passphrase: PASSPHRASE });
    try {
      const locked = runCli(['export', file]);
      expect(locked.code).toBe(1);
      expect(locked.stderr).toMatch(/open in another FOI Desk window or process/);
    } finally {
      cf.close();
    }

    const cf2 = openCaseFile({ path: file, passphrase: PASSPHRASE });
    cf2.sqlite.pragma('user_version = 42');
    cf2.close();
    expect(runCli(['export', file]).stderr).toMatch(/newer version of FOI Desk/);
  });

  it('never takes the passphrase from argv and asks for it when not on a terminal', () => {
    const result = runCli(['init', file], { FOI_DESK_PASSPHRASE: undefined });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/set FOI_DESK_PASSPHRASE/);
    expect(existsSync(file)).toBe(false);
    const flag = runCli(['init', file, '--passphrase', 'x']);
    expect(flag.code).toBe(2);
    expect(existsSync(file)).toBe(false);
  });

  it('changes the passphrase', () => {
    expect(runCli(['init', file]).code).toBe(0);
    expect(runCli(['passwd', file], { FOI_DESK_NEW_PASSPHRASE: 'another long passphrase' }).code).toBe(0);
    expect(runCli(['export', file]).code).toBe(1);
    expect(runCli(['export', file], { FOI_DESK_PASSPHRASE: 'another long passphrase' }).code).toBe(0);
  });

  it('answers unknown commands with exit 2', () => {
    expect(runCli(['frobnicate'])).toMatchObject({ code: 2 });
    expect(runCli(['help']).stdout).toMatch(/Usage: foi-desk/);
  });
});
