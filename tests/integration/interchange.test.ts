import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { createCaseFile, type CaseFile } from '../../db/case-file';
import {
  exportRegister,
  exportRegisterCsv,
  importInterchange,
  ImportError,
} from '../../main/services/import-export';
import { makeTempDir, PASSPHRASE, readFixture } from '../helpers';
import {
  MAX_QUESTION_DEPTH,
  QUESTION_TOO_DEEP,
  questionTreeDepth,
  type QuestionData,
} from '../../shared/case-format';

let cleanup: () => void;
let cf: CaseFile;
beforeEach(() => {
  const t = makeTempDir();
  cleanup = t.cleanup;
  cf = createCaseFile({ path: path.join(t.dir, 'cases.foidesk'), passphrase: PASSPHRASE });
});
afterEach(() => {
  cf.close();
  cleanup();
});

const EXAMPLES = ['walton.organisation.json', 'foi-4951.case.json', 'foi-2774.case.json'];

function validCase(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...(JSON.parse(readFixture('foi-4951.case.json')) as Record<string, unknown>), ...overrides };
}

function tryImport(objects: unknown[]): string[] {
  try {
    importInterchange(
      cf,
      objects.map((o, i) => ({ path: `input-${i}.json`, text: JSON.stringify(o) })),
      'test',
    );
    return [];
  } catch (error) {
    if (error instanceof ImportError) return error.problems;
    throw error;
  }
}

describe('the case interchange format', () => {
  it('round-trips both examples exactly, key order included', () => {
    importInterchange(
      cf,
      EXAMPLES.map((n) => ({ path: n, text: readFixture(n) })),
      'test',
    );
    const exported = exportRegister(cf);
    expect(exported).toHaveLength(3);
    EXAMPLES.forEach((name, i) => {
      expect(JSON.stringify(exported[i], null, 2)).toBe(readFixture(name).trimEnd());
    });
  });

  it('imports an array of objects in one file', () => {
    const text = JSON.stringify(EXAMPLES.map((n) => JSON.parse(readFixture(n)) as unknown));
    expect(importInterchange(cf, [{ path: 'all.json', text }], 'test')).toEqual({
      cases: ['FOI 4951', 'FOI 2774'],
      organisation: true,
      warnings: [],
    });
  });

  it('refuses invalid input with path: field: problem lines and imports nothing', () => {
    const { reference: _r, ...noReference } = validCase();
    const problems = [
      ...tryImport([noReference]),
      ...tryImport([validCase({ received: '2021-02-30' })]),
      ...tryImport([validCase({ regime: 'GDPR' })]),
      ...tryImport([validCase({ requestText: 'x'.repeat(5 * 1024 * 1024) })]),
      ...tryImport([validCase({ reference: 'FOI\u0007 1' })]),
    ];
    expect(problems).toEqual([
      'input-0.json: reference: must be string',
      'input-0.json: received: is not a real date in the form YYYY-MM-DD',
      expect.stringMatching(/^input-0\.json: regime: must be one of "FOIA", "EIR"/),
      'input-0.json: requestText: is too long (at most 2000000 characters)',
      'input-0.json: reference: contains control characters',
    ]);
    expect(exportRegister(cf)).toEqual([]);
  });

  it('is all or nothing across files, and names the array index', () => {
    const problems = tryImport([
      validCase(),
      [validCase({ reference: 'FOI 1' }), validCase({ received: 'soon' })],
    ]);
    expect(problems).toEqual(['input-1.json: [1].received: is not a real date in the form YYYY-MM-DD']);
    expect(exportRegister(cf)).toEqual([]);
  });

  it('refuses a duplicate reference, in the file or in the import, instead of overwriting', () => {
    expect(tryImport([validCase()])).toEqual([]);
    expect(tryImport([validCase({ subject: 'changed' })])).toEqual([
      'input-0.json: reference: "FOI 4951" is already in the case file (references are compared ignoring case and spaces)',
    ]);
    expect(tryImport([validCase({ reference: 'FOI 9' }), validCase({ reference: 'FOI 9' })])).toEqual([
      'input-1.json: reference: "FOI 9" appears twice in this import, ignoring case and spaces (also input-0.json)',
    ]);
    const exported = exportRegister(cf);
    expect(exported).toHaveLength(1);
    expect(exported[0]).toMatchObject({ subject: 'Cyber Essentials accreditation' });
  });

  it('strips C0 controls (but tab and line breaks) from free text, and keeps other unusual text', () => {
    const odd = 'Line one\u0000\u0001\u0002 with controls\u007f\r\n\tand a tab, emoji 🙂, RTL \u202Eabc';
    const kept = 'Line one with controls\r\n\tand a tab, emoji 🙂, RTL \u202Eabc';
    // A lone surrogate has no UTF-8 form: it is stored as U+FFFD, the replacement character.
    expect(
      tryImport([
        validCase({
          requestText: `${odd} and a lone \uD800 surrogate`,
          subject: '\u0000=1+1',
          requester: { name: 'Ada\u0007 Lovelace' },
        }),
      ]),
    ).toEqual([]);
    const stored = exportRegister(cf)[0] as { requestText: string; subject: string; requester: unknown };
    expect(stored.requestText).toBe(`${kept} and a lone \uFFFD surrogate`);
    expect(stored.subject).toBe('=1+1');
    expect(stored.requester).toEqual({ name: 'Ada Lovelace' });
    // A required field of nothing but controls is empty once they are gone.
    expect(tryImport([validCase({ reference: 'FOI 2', requester: { name: '\u0000\u0001' } })])).toEqual([
      'input-0.json: requester.name: is required',
    ]);
  });

  it('refuses a question tree deeper than the app can show, without a stack overflow', () => {
    const tree = (depth: number) => {
      let q: Record<string, unknown> = { number: `${depth}`, text: 'deepest' };
      for (let d = depth - 1; d >= 1; d--) q = { number: `${d}`, text: `level ${d}`, parts: [q] };
      return [q];
    };
    expect(tryImport([validCase({ reference: 'FOI 3', questions: tree(MAX_QUESTION_DEPTH) })])).toEqual([]);
    for (const depth of [MAX_QUESTION_DEPTH + 1, 1_200]) {
      expect(tryImport([validCase({ reference: `FOI ${depth}`, questions: tree(depth) })])).toEqual([
        `input-0.json: questions[0].parts[0].parts[0].parts: ${QUESTION_TOO_DEEP}`,
      ]);
    }
    // What was stored exports and imports back.
    const exported = exportRegister(cf);
    expect(questionTreeDepth((exported[0] as { questions: QuestionData[] }).questions)).toBe(
      MAX_QUESTION_DEPTH,
    );
    cf.sqlite.exec('DELETE FROM cases');
    expect(tryImport(exported)).toEqual([]);
  });

  it('reports a file that is not JSON', () => {
    expect(() => importInterchange(cf, [{ path: 'bad.json', text: '{ nope' }], 'test')).toThrow(
      /bad\.json: \(file\): is not valid JSON/,
    );
  });

  it('writes a CSV register with one row per case and neutralises formulas', () => {
    importInterchange(
      cf,
      [
        { path: 'a', text: readFixture('foi-4951.case.json') },
        {
          path: 'b',
          text: JSON.stringify(validCase({ reference: 'FOI 5000', subject: '=HYPERLINK("x"), "quoted"' })),
        },
      ],
      'test',
    );
    const lines = exportRegisterCsv(cf).trimEnd().split('\r\n');
    expect(lines[0]).toBe('reference,regime,received,due,status,outcome,responded,subject');
    expect(lines[1]).toBe(
      'FOI 4951,FOIA,2021-11-11,2021-12-10,closed,refused,2021-11-11,Cyber Essentials accreditation',
    );
    expect(lines[2]).toBe(
      'FOI 5000,FOIA,2021-11-11,2021-12-10,closed,refused,2021-11-11,"\'=HYPERLINK(""x""), ""quoted"""',
    );
  });
});
