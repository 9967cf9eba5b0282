/**
 * A template is used only for the regimes it is written for: generating, exporting in the app and
 * `foi-desk letter` all refuse the subject access extension notice (UK GDPR) on an FOI case, with a
 * message that says why, and write nothing.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCaseFile, type CaseFile } from '../../db/case-file';
import { getCaseRecord } from '../../db/queries/cases';
import { caseByReference } from '../../db/queries/case-reference';
import { insertLetterVersion } from '../../db/queries/letters';
import { getOrganisation } from '../../db/queries/organisation';
import { importInterchange } from '../../main/services/import-export';
import {
  generateLetter,
  getLetter,
  letterForExport,
  listLetters,
  renderLetterFile,
} from '../../main/services/letters';
import { buildLetter, getTemplate, listParagraphs } from '../../templates/index';
import { fixture, makeTempDir, PASSPHRASE, readFixture, runCli } from '../helpers';

const MISMATCH = /template \(sar-extension\) is for Subject access cases; this is a FOI case/;

let dir: string;
let cleanup: () => void;
let cf: CaseFile;
let caseId: number;
beforeEach(() => {
  ({ dir, cleanup } = makeTempDir());
  cf = createCaseFile({ path: path.join(dir, 'cases.foidesk'), passphrase: PASSPHRASE });
  importInterchange(
    cf,
    ['walton.organisation.json', 'foi-4951.case.json'].map((n) => ({ path: n, text: readFixture(n) })),
    'test',
  );
  caseId = caseByReference(cf.db, 'FOI 4951').id;
});
afterEach(() => {
  cf.close();
  cleanup();
});

describe('templates and regimes', () => {
  it('sar-extension is the subject access template the tests use', () => {
    expect(getTemplate('sar-extension')?.regimes).toEqual(['SAR']);
  });

  it('refuses to generate a letter from a template of another regime, and saves nothing', () => {
    expect(() => generateLetter(cf, caseId, { actor: 't', templateId: 'sar-extension' })).toThrow(MISMATCH);
    expect(listLetters(cf, caseId)).toEqual([]);
    expect(generateLetter(cf, caseId, { actor: 't', templateId: 'refusal' }).templateId).toBe('refusal');
  });

  it('refuses to export a letter saved before the rule, in the app and from the command line', async () => {
    // A file written by an earlier version could hold such a letter: export must still refuse it.
    const record = getCaseRecord(cf.db, caseId)!;
    const document = buildLetter({
      case: record,
      organisation: getOrganisation(cf.db)!,
      template: getTemplate('sar-extension')!,
      paragraphs: listParagraphs(),
      date: '2021-11-11',
    });
    const row = insertLetterVersion(cf.db, {
      caseId,
      templateId: 'sar-extension',
      document,
      sourceHash: null,
      edited: false,
    });
    await expect(renderLetterFile(cf, getLetter(cf, row.id).document)).rejects.toThrow(MISMATCH);
    expect(() => letterForExport(cf, caseId, { templateId: 'sar-extension' })).toThrow(MISMATCH);
  });
});

describe('foi-desk letter', () => {
  it('exits 1 with a clear message for a template of another regime, writing no file', () => {
    const file = path.join(dir, 'register.foidesk');
    expect(runCli(['init', file]).code).toBe(0);
    expect(
      runCli(['import', file, fixture('walton.organisation.json'), fixture('foi-4951.case.json')]).code,
    ).toBe(0);
    const out = path.join(dir, 'letter.docx');
    const refused = runCli(['letter', file, 'FOI 4951', '--template', 'sar-extension', '--out', out]);
    expect(refused.code, refused.stderr).toBe(1);
    expect(refused.stderr).toMatch(MISMATCH);
    expect(refused.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(existsSync(out)).toBe(false);

    const fine = runCli(['letter', file, 'FOI 4951', '--template', 'refusal', '--out', out]);
    expect(fine.code, fine.stderr).toBe(0);
    expect(existsSync(out)).toBe(true);
  });
});
