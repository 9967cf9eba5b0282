/**
 * Every command that takes a case reference (`foi-desk similar`, `foi-desk letter`) finds the case
 * by the one lookup (db/queries/case-reference.ts), as a process: case and spaces ignored, and two
 * cases whose references differ only in case or spaces (a file from before references were
 * compared so) refused as ambiguous unless the reference is given exactly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { createCaseFile, openCaseFile } from '../../db/case-file';
import { importFixtures, makeTempDir, PASSPHRASE, runCli } from '../helpers';

let temp: ReturnType<typeof makeTempDir>;
let file = '';

beforeAll(() => {
  temp = makeTempDir();
  file = path.join(temp.dir, 'register.foidesk');
  const cf = createCaseFile({ path: file, passphrase: PASSPHRASE });
  try {
    importFixtures(cf);
  } finally {
    cf.close();
  }
});
afterAll(() => temp.cleanup());

/** The commands that take a reference, each with what it needs besides. */
const COMMANDS = {
  similar: (reference: string) => ['similar', file, reference, '--json'],
  letter: (reference: string) => [
    'letter',
    file,
    reference,
    '--allow-warnings',
    '--force',
    '--out',
    path.join(temp.dir, 'letter.docx'),
  ],
};

describe.each(Object.entries(COMMANDS))('foi-desk %s <reference>', (name, argsFor) => {
  it('finds the case ignoring case and spaces', () => {
    for (const typed of ['foi4951', ' Foi  4951 ']) {
      const r = runCli(argsFor(typed));
      expect(r.stderr).not.toMatch(/There is no case/);
      expect(r.code).toBe(0);
      if (name === 'similar') expect(JSON.parse(r.stdout)).toMatchObject({ reference: 'FOI 4951' });
    }
  });

  it('says plainly when there is no such case', () => {
    const r = runCli(argsFor('FOI 1'));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`foi-desk ${name}: There is no case "FOI 1" in the case file.\n`);
  });
});

describe('two references that differ only in case or spaces', () => {
  beforeAll(() => {
    // Written straight into the file, as an older version could have: the app now refuses it.
    const cf = openCaseFile({ path: file, passphrase: PASSPHRASE });
    try {
      cf.sqlite.prepare("UPDATE cases SET reference = 'FOI4951' WHERE reference = 'FOI 2774'").run();
    } finally {
      cf.close();
    }
  });

  it.each(Object.entries(COMMANDS))(
    'foi-desk %s refuses the ambiguous match, naming both',
    (name, argsFor) => {
      const r = runCli(argsFor('foi 4951'));
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(
        `foi-desk ${name}: "foi 4951" matches 2 cases ("FOI 4951", "FOI4951"), whose references differ only in case or spaces: give the reference exactly as the case file has it.\n`,
      );
    },
  );

  it.each(Object.entries(COMMANDS))('foi-desk %s takes the reference given exactly', (_name, argsFor) => {
    expect(runCli(argsFor('FOI4951')).code).toBe(0);
    expect(runCli(argsFor('FOI 4951')).code).toBe(0);
  });
});
