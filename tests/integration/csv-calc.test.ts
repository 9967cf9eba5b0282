/**
 * The CSV register opened as an officer opens it: in LibreOffice Calc. A hostile subject must stay
 * text whatever comes in front of its formula sign (a NUL, a tab, a space, a carriage return),
 * both as the schema now stores it and as an older case file may still hold it.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseFile, type CaseFile } from '../../db/case-file';
import { csvCell, exportRegisterCsv, importInterchange } from '../../main/services/import-export';
import { stripControls } from '../../shared/case-format';
import { makeTempDir, PASSPHRASE, readFixture } from '../helpers';
import { CONVERSION_TIMEOUT_MS, sofficeConvert } from './letters/helpers';

const HOSTILE = [
  '=1+0',
  '\u0000=1+1',
  '\t=1+2',
  ' =1+3',
  '\r@SUM(1,4)',
  '\u0001\u0002+1+5',
  '\u00a0=1+6',
  '\u200b=1+7',
  '\ufeff=1+8',
  '-1+9',
  '@SUM(1,10)',
  '\uff1d1+11',
  '\n=1+12',
  '\u007f=1+13',
];

/** Every cell of the sheet as Calc read it: its text and whether it is a formula. */
function readCells(fods: string): { text: string; formula: boolean }[] {
  const cells: { text: string; formula: boolean }[] = [];
  for (const m of fods.matchAll(/<table:table-cell\b([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-cell>)/g)) {
    const attributes = m[1] ?? '';
    const body = m[2] ?? '';
    const text = [...body.matchAll(/<text:p>([\s\S]*?)<\/text:p>/g)]
      .map((p) =>
        p[1]!
          .replace(/<text:s(?: text:c="(\d+)")?\/>/g, (_s, n: string | undefined) =>
            ' '.repeat(Number(n ?? 1)),
          )
          .replace(/<text:tab\/>/g, '\t')
          .replace(/<[^>]+>/g, ''),
      )
      .join('\n')
      .replace(/&apos;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
    cells.push({ text, formula: /\btable:formula=/.test(attributes) });
  }
  return cells;
}

async function openInCalc(csv: string): Promise<{ text: string; formula: boolean }[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'foi-desk-calc-'));
  const file = path.join(dir, 'register.csv');
  writeFileSync(file, csv);
  // Comma, double quote, UTF-8, from line 1: what Calc's text import offers for this file.
  const [fods] = await sofficeConvert([file], dir, { to: 'fods', infilter: 'CSV:44,34,76,1' });
  return readCells(readFileSync(fods, 'utf8'));
}

let cf: CaseFile;
let cleanup: () => void;
beforeAll(() => {
  const t = makeTempDir();
  cleanup = t.cleanup;
  cf = createCaseFile({ path: path.join(t.dir, 'cases.foidesk'), passphrase: PASSPHRASE });
  const base = JSON.parse(readFixture('foi-4951.case.json')) as Record<string, unknown>;
  importInterchange(
    cf,
    HOSTILE.map((subject, i) => ({
      path: `case-${i}.json`,
      text: JSON.stringify({ ...base, reference: `FOI ${9000 + i}`, subject }),
    })),
    'test',
  );
  // An older case file kept control characters: put them back past the schema.
  HOSTILE.forEach((subject, i) =>
    importInterchange(
      cf,
      [{ path: 'legacy.json', text: JSON.stringify({ ...base, reference: `OLD ${i}`, subject: 'x' }) }],
      'test',
    ),
  );
  const update = cf.sqlite.prepare('UPDATE cases SET subject = ? WHERE reference = ?');
  HOSTILE.forEach((subject, i) => update.run(subject, `OLD ${i}`));
});
afterAll(() => {
  cf.close();
  cleanup();
});

describe('the CSV register in LibreOffice Calc', () => {
  it(
    'shows every hostile subject as text, never as a formula',
    async () => {
      const csv = exportRegisterCsv(cf);
      const cells = await openInCalc(csv);
      expect(cells.filter((c) => c.formula)).toEqual([]);
      const texts = cells.map((c) => c.text);
      for (const subject of HOSTILE) {
        // What the officer sees: the apostrophe, then the subject without its invisible controls.
        const visible = stripControls(subject);
        const shown = texts.filter((t) => t.replace(/\s/g, '') === `'${visible}`.replace(/\s/g, ''));
        expect({ subject, count: shown.length }).toEqual({ subject, count: 2 });
      }
    },
    CONVERSION_TIMEOUT_MS + 60_000,
  );

  it('leaves ordinary text alone and quotes what needs quoting', () => {
    expect(csvCell('Annual spend on cyber security')).toBe('Annual spend on cyber security');
    expect(csvCell('Spend, 2021')).toBe('"Spend, 2021"');
    expect(csvCell('1+1 = 2')).toBe('1+1 = 2');
    expect(csvCell('\u0000=1+1')).toBe("'=1+1");
    expect(csvCell(' =1')).toBe("' =1");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r@x')).toBe('"\'\r@x"');
  });
});
