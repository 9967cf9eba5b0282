/**
 * Export must not break on what real case files hold: control characters and broken surrogates
 * pasted from e-mails and PDFs, and very large requests.
 *
 * The letters LibreOffice opens here are written first and converted in one start of soffice. The
 * 1 MB answer is exported here; LibreOffice lays it out (minutes, as its layout of one paragraph
 * grows with the square of its length) only in `npm run test:slow` (robustness.slow.test.ts): a
 * 100 KB answer over some twenty pages proves the point in seconds.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../../shared/case-format';
import { buildLetter, getTemplate, listParagraphs, renderLetterDocx } from '../../../templates/index';
import {
  CONVERSION_TIMEOUT_MS,
  convertToPdfs,
  docxPartBytes,
  docxPartNames,
  loadCase,
  pdfPages,
  squash,
  tempDir,
  xmlProblem,
} from './helpers';
import { largeCase, letterFor, longAnswer, org } from './large-case';

// Low-then-high: both surrogates are lone (high-then-low would be a valid pair).
const DIRTY = '\u0000\u0001\u0008\u000b\u000c\u000e\u001f\u007f\udfff\ud800\ufffe\uffff';

const dirtyBase = loadCase('foi-2774.case.json');
// Built past the schema, which now strips these: an older case file may still hold them.
const dirty: CaseRecord = {
  ...dirtyBase,
  requester: { name: `Ada${DIRTY}Lovelace`, address: `1 Engine Street\r\nLondon\u0007` },
  subject: `Spend${DIRTY}`,
  questions: [
    {
      number: '1',
      text: `What did you spend?${DIRTY} Emoji stay: \u{1F600}`,
      response: {
        outcome: 'provided',
        text: `We spent\u0000 £10.\r\nLine two\u000b here.\r\n\r\nSecond\ud800 paragraph.`,
        footnotes: [`A note\u0001 with\udc00 junk.`],
      },
    },
    {
      number: '2',
      text: 'Anything withheld?',
      response: {
        outcome: 'exempt',
        exemptions: [
          {
            provision: 'FOIA s43(2)',
            reason: `Commercial\u001f prejudice.`,
            likelihood: 'would be likely to',
            publicInterest: {
              forDisclosure: [`Transparency\ufffe.`],
              forWithholding: [`Market\uffff position.`],
              conclusion: `Withheld\u0002.`,
            },
          },
        ],
      },
    },
  ],
  signatory: { name: `Sue\u0003 Smith`, title: 'Information Rights Officer' },
};
const dirtyOrg = {
  ...org,
  name: `Hertfordshire\u0004 Partnership`,
  addressLines: [...org.addressLines, `Box\ud83d`],
};

const answer = longAnswer(18_000); // about 1 MB
const big = largeCase(answer);
/** About 100 KB: one paragraph over some twenty pages, which LibreOffice lays out in seconds. */
const longButQuick = largeCase(longAnswer(2_000));
/** The 200 questions without the long answer. */
const smaller = largeCase('Ward 1 had 20 beds in each month.');

/** The letters LibreOffice opens, written and converted (in one start of soffice) before the tests. */
const docx = { dirty: '', long: '', smaller: '' };
const pdf = { dirty: '', long: '', smaller: '' };

beforeAll(async () => {
  const dir = tempDir('robustness');
  const dirtyLetter = buildLetter({
    case: dirty,
    organisation: dirtyOrg,
    template: getTemplate('partial-disclosure')!,
    paragraphs: listParagraphs(),
    date: '2024-05-01',
  });
  docx.dirty = path.join(dir, 'dirty.docx');
  writeFileSync(docx.dirty, await renderLetterDocx(dirtyLetter, dirtyOrg));
  docx.long = path.join(dir, 'long.docx');
  writeFileSync(docx.long, await renderLetterDocx(letterFor(longButQuick, 'full-disclosure'), org));
  docx.smaller = path.join(dir, 'smaller.docx');
  writeFileSync(docx.smaller, await renderLetterDocx(letterFor(smaller, 'full-disclosure'), org));
  [pdf.dirty, pdf.long, pdf.smaller] = await convertToPdfs([docx.dirty, docx.long, docx.smaller], dir);
}, CONVERSION_TIMEOUT_MS + 60_000);

describe('text Word cannot hold', () => {
  it('builds a .docx with no such character in any part, and LibreOffice opens it', async () => {
    const parts = (await docxPartNames(docx.dirty)).filter((p) => p.endsWith('.xml') || p.endsWith('.rels'));
    expect(parts).toContain('word/footnotes.xml');
    for (const part of parts) {
      const bytes = await docxPartBytes(docx.dirty, part);
      // Raw C0 bytes, or U+FFFD, which is what Node writes for a lone surrogate that slipped through.
      // eslint-disable-next-line no-control-regex
      expect(/[\x00-\x08\x0b\x0c\x0e-\x1f]/.test(bytes.toString('latin1')), part).toBe(false);
      expect(bytes.includes(Buffer.from('\ufffd', 'utf8')), part).toBe(false);
      expect(xmlProblem(bytes.toString('utf8')), part).toBeUndefined();
    }
    const document = (await docxPartBytes(docx.dirty, 'word/document.xml')).toString('utf8');
    expect(document).toContain('AdaLovelace');
    expect(document).toContain('\u{1F600}');

    const text = squash((await pdfPages(pdf.dirty)).join('\n'));
    expect(text).toContain(squash('What did you spend? Emoji stay:'));
    expect(text).toContain(squash('We spent £10.'));
    expect(text).toContain(squash('A note with junk.'));
    expect(text).toContain('SueSmith');
  });
});

describe('large cases', () => {
  it('exports 200 questions and a 1 MB answer as a well-formed .docx', async () => {
    expect(answer.length).toBeGreaterThan(1_000_000);
    const letter = letterFor(big, 'full-disclosure');
    const dir = tempDir('big');
    const file = path.join(dir, 'big.docx');
    writeFileSync(file, await renderLetterDocx(letter, org));
    const names = await docxPartNames(file);
    expect(names).toEqual(
      expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']),
    );
    for (const part of names.filter((p) => p.endsWith('.xml') || p.endsWith('.rels'))) {
      expect(xmlProblem((await docxPartBytes(file, part)).toString('utf8')), part).toBeUndefined();
    }
    const document = (await docxPartBytes(file, 'word/document.xml')).toString('utf8');
    expect(document.length).toBeGreaterThan(1_000_000);
    expect(document).toContain('Question text number 200: how many beds did ward 200 have');
    expect(document).toContain('Ward 200 had');
    expect(statSync(file).size).toBeGreaterThan(1000);
  }, 120_000);

  // One paragraph over many pages, as a long pasted answer is. The 1 MB one is in the slow suite.
  it('converts a 100 KB answer, one paragraph over some twenty pages, to PDF', async () => {
    const pages = await pdfPages(pdf.long);
    // The letter without the long answer takes 16 pages.
    expect(pages.length).toBeGreaterThan(30);
    expect(squash(pages.join('\n'))).toContain(
      squash('how many beds did ward 200 have in each month of 2023?'),
    );
  });

  it('converts the 200-question letter (without the long answer) to PDF', async () => {
    const pages = await pdfPages(pdf.smaller);
    expect(pages.length).toBeGreaterThan(5);
    const text = squash(pages.join('\n'));
    expect(text).toContain(squash('how many beds did ward 200 have in each month of 2023?'));
    expect(pages[pages.length - 1]).toMatch(new RegExp(`Page ${pages.length} of ${pages.length}`));
    expect(readFileSync(pdf.smaller).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
