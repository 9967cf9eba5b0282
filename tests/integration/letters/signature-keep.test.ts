/**
 * The signature never starts a page alone. Letters of every length around a page break (one more
 * body paragraph each) are laid out by LibreOffice: on every one, the page that has "Yours
 * sincerely" also has the letter's last paragraph before it and the signatory's name after it.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Organisation } from '../../../shared/case-format';
import type { BlockNode } from '../../../shared/letter/doc';
import type { LetterDocument } from '../../../shared/letter/template';
import { renderLetterDocx } from '../../../templates/index';
import { CONVERSION_TIMEOUT_MS, convertToPdfs, pdfPages, squash, tempDir } from './helpers';

const org: Organisation = {
  format: 'foi-desk/organisation@1',
  name: 'Example NHS Trust',
  addressLines: ['1 Hospital Road', 'Exampletown EX1 1AA'],
};

const LAST = 'This is the last paragraph of the letter before the sign-off.';
const para = (text: string, role?: 'signature'): BlockNode => ({
  type: 'paragraph',
  ...(role ? { attrs: { role } } : {}),
  content: text ? [{ type: 'text', text }] : [],
});

function letterWith(fillers: number): LetterDocument {
  return {
    meta: {
      reference: 'FOI 7',
      ourRef: 'FOI 7',
      date: '2024-05-01',
      dateText: '1 May 2024',
      regime: 'FOIA',
      templateId: 'full-disclosure',
      title: 'Response',
      fileName: 'x.docx',
      recipientLines: ['A. Requester'],
      warnings: [],
    },
    body: {
      type: 'doc',
      content: [
        ...Array.from({ length: fillers }, (_, i) => para(`Filler paragraph number ${i + 1}.`)),
        para(LAST),
        para('Yours sincerely', 'signature'),
        para('', 'signature'),
        para('', 'signature'),
        para('Sue Smith', 'signature'),
        para('Information Rights Officer', 'signature'),
      ],
    },
  };
}

/** From a bare sign-off on page 1 to one well into page 2: every place the page break can fall. */
const LENGTHS = Array.from({ length: 16 }, (_, i) => 22 + i);
let pages: string[][];

beforeAll(async () => {
  const dir = tempDir('signature-keep');
  const docxs = await Promise.all(
    LENGTHS.map(async (n) => {
      const file = path.join(dir, `letter-${n}.docx`);
      writeFileSync(file, await renderLetterDocx(letterWith(n), org));
      return file;
    }),
  );
  const pdfs = await convertToPdfs(docxs, dir);
  pages = await Promise.all(pdfs.map((p) => pdfPages(p)));
}, CONVERSION_TIMEOUT_MS + 60_000);

describe('the sign-off', () => {
  it('crosses a page break somewhere in the lengths tried (else the test proves nothing)', () => {
    const counts = pages.map((p) => p.length);
    expect(Math.min(...counts)).toBe(1);
    expect(Math.max(...counts)).toBe(2);
  });

  it.each(LENGTHS.map((n, i) => [n, i] as const))(
    'with %i fillers stays with the last paragraph',
    (_n, i) => {
      const withSignOff = pages[i]!.find((p) => squash(p).includes('Yourssincerely'));
      expect(withSignOff).toBeDefined();
      expect(squash(withSignOff!)).toContain(squash(LAST));
      expect(squash(withSignOff!)).toContain('SueSmith');
    },
  );
});
