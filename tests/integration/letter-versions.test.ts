import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createCaseFile, type CaseFile } from '../../db/case-file';
import { caseByReference } from '../../db/queries/case-reference';
import { importInterchange } from '../../main/services/import-export';
import { generateLetter, listLetters, markLetterSent, saveLetterEdits } from '../../main/services/letters';
import { fixture, makeTempDir, PASSPHRASE, readFixture, runCli } from '../helpers';

let dir: string;
let cleanup: () => void;
let cf: CaseFile;
beforeEach(() => {
  ({ dir, cleanup } = makeTempDir());
  cf = createCaseFile({ path: path.join(dir, 'cases.foidesk'), passphrase: PASSPHRASE });
});
afterEach(() => {
  cf.close();
  cleanup();
});

function load(names: string[]) {
  importInterchange(
    cf,
    names.map((n) => ({ path: n, text: readFixture(n) })),
    'test',
  );
}

describe('letter versions', () => {
  it('asks for the organisation profile before writing letters', () => {
    load(['foi-4951.case.json']);
    expect(() => generateLetter(cf, caseByReference(cf.db, 'FOI 4951').id, { actor: 't' })).toThrow(
      /organisation profile/,
    );
  });

  it('generates from the case, saves edits as versions, warns before replacing edits, locks the sent one', () => {
    load(['walton.organisation.json', 'foi-4951.case.json']);
    const id = caseByReference(cf.db, 'FOI 4951').id;
    const first = generateLetter(cf, id, { actor: 't', date: '2021-11-11' });
    expect(first).toMatchObject({ version: 1, templateId: 'refusal', edited: false, stale: false });
    expect(first.document.meta.fileName).toBe('FOI 4951 - Refusal notice - 2021-11-11.docx');

    const edited = structuredClone(first.document);
    edited.body.content?.push({
      type: 'paragraph',
      content: [{ type: 'text', text: 'A hand-written line.' }],
    });
    const second = saveLetterEdits(cf, first.id, edited, 't');
    expect(second).toMatchObject({ version: 2, edited: true });

    expect(() => generateLetter(cf, id, { actor: 't', date: '2021-11-11' })).toThrow(/hand edits/);
    const third = generateLetter(cf, id, { actor: 't', date: '2021-11-11', replaceEdits: true });
    expect(third).toMatchObject({ version: 3, edited: false });

    const sent = markLetterSent(cf, second.id, 't');
    expect(sent.sentAt).not.toBeNull();
    expect(() => saveLetterEdits(cf, second.id, edited, 't')).toThrow(/sent and is locked/);
    expect(() => saveLetterEdits(cf, first.id, { meta: {}, body: 'nope' }, 't')).toThrow(/not valid/);
    expect(listLetters(cf, id).map((v) => v.version)).toEqual([1, 2, 3]);

    // The case moves on: the saved letters are now out of date.
    cf.sqlite.prepare("UPDATE cases SET subject = 'Changed' WHERE id = ?").run(id);
    expect(listLetters(cf, id).every((v) => v.stale)).toBe(true);
  });
});

describe('foi-desk letter', () => {
  it('writes the .docx named by reference, template and date into a folder', () => {
    const file = path.join(dir, 'register.foidesk');
    expect(runCli(['init', file]).code).toBe(0);
    expect(
      runCli(['import', file, fixture('walton.organisation.json'), fixture('foi-4951.case.json')]).code,
    ).toBe(0);
    const result = runCli(['letter', file, 'FOI 4951', '--date', '2021-11-11', '--out', dir]);
    expect(result.code).toBe(0);
    const out = path.join(dir, 'FOI 4951 - Refusal notice - 2021-11-11.docx');
    expect(readdirSync(dir)).toContain('FOI 4951 - Refusal notice - 2021-11-11.docx');
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');

    expect(runCli(['letter', file, 'FOI 1', '--out', dir]).stderr).toMatch(/no case "FOI 1"/);
    expect(runCli(['letter', file, 'FOI 4951', '--template', 'sonnet', '--out', dir]).stderr).toMatch(
      /no letter template "sonnet"/,
    );
    expect(runCli(['letter', file, 'FOI 4951']).code).toBe(2);
  });
});
