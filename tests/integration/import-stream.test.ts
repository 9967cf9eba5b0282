/**
 * The streamed JSON import (main/services/import/interchange-files.ts) reads a file far larger than
 * one read chunk element by element: text with brackets, commas, quotes and escapes across chunk
 * boundaries imports exactly as the whole-file import does, and a broken file is refused whole.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createCaseFile } from '../../db/case-file';
import { exportRegisterJson, ImportError, importInterchange } from '../../main/services/import-export';
import { importInterchangeFiles } from '../../main/services/import/interchange-files';
import { registerCase } from '../import-register';
import { makeTempDir, PASSPHRASE } from '../helpers';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = makeTempDir()));
afterEach(() => cleanup());

const key = () => new TextEncoder().encode(PASSPHRASE);

function tricky(i: number) {
  const c = registerCase(i);
  return {
    ...c,
    requestText: `${c.requestText} "quoted" {braces} [brackets], commas \\ back\\slash \u00e9\u{1F600} ${'x'.repeat(i % 700)}`,
  };
}

describe('streamed JSON import', () => {
  it('imports a file of many read chunks exactly as the whole-file import does', async () => {
    const cases = Array.from({ length: 900 }, (_, i) => tricky(i));
    const json = path.join(dir, 'big.json');
    const text = JSON.stringify(cases, null, 2);
    expect(text.length).toBeGreaterThan(3 * 256 * 1024);
    writeFileSync(json, text);
    const a = createCaseFile({ path: path.join(dir, 'a.foidesk'), passphrase: key() });
    const b = createCaseFile({ path: path.join(dir, 'b.foidesk'), passphrase: key() });
    try {
      const streamed = await importInterchangeFiles(a, [json], { actor: 'test' });
      importInterchange(b, [{ path: json, text }], 'test');
      expect(streamed.cases).toHaveLength(900);
      expect(exportRegisterJson(a)).toBe(exportRegisterJson(b));
      const exported = JSON.parse(exportRegisterJson(a)) as { requestText: string }[];
      expect(exported[899]!.requestText).toBe(cases[899]!.requestText);
    } finally {
      a.close();
      b.close();
    }
  });

  it.each([
    ['cut short', (t: string) => t.slice(0, t.length - 40), 'ends before the closing "]"'],
    ['a trailing comma', (t: string) => t.replace(/\]\s*$/, ',]'), 'the list ends with a comma'],
    [
      'a broken item',
      (t: string) => t.replace('"status": "open"', '"status": open'),
      'item [0] is not valid JSON',
    ],
    [
      'a reference twice',
      (t: string) => t.replace('IMP/2005/0000002', 'IMP/2005/0000001'),
      'appears twice in this import',
    ],
    ['an empty list', () => '[ ]', 'holds an empty list'],
  ])('refuses %s with nothing imported', async (_name, spoil, problem) => {
    const json = path.join(dir, 'bad.json');
    writeFileSync(
      json,
      spoil(
        JSON.stringify(
          Array.from({ length: 5 }, (_, i) => registerCase(i)),
          null,
          2,
        ),
      ),
    );
    const cf = createCaseFile({ path: path.join(dir, 'c.foidesk'), passphrase: key() });
    try {
      const error = await importInterchangeFiles(cf, [json], { actor: 'test' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportError);
      expect((error as ImportError).problems.join('\n')).toContain(problem);
      expect(cf.sqlite.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(0);
    } finally {
      cf.close();
    }
  });
});
