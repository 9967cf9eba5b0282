/**
 * The slow suite's half of robustness.test.ts: LibreOffice lays out the 1 MB answer (one paragraph,
 * about 210 pages). That takes one to five minutes, by the machine and what else it runs, so it is
 * in `npm run test:slow`, with a limit no working soffice meets.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderLetterDocx } from '../../../templates/index';
import { convertToPdf, pdfPages, squash, tempDir } from './helpers';
import { largeCase, letterFor, longAnswer, org } from './large-case';

const LIMIT_MS = 25 * 60_000;

describe('large cases', () => {
  it(
    'converts the 1 MB answer to PDF',
    async () => {
      const answer = longAnswer(18_000);
      expect(answer.length).toBeGreaterThan(1_000_000);
      const dir = tempDir('huge-pdf');
      const docx = path.join(dir, 'huge.docx');
      writeFileSync(docx, await renderLetterDocx(letterFor(largeCase(answer), 'full-disclosure'), org));
      const pdf = await convertToPdf(docx, dir, LIMIT_MS);
      const pages = await pdfPages(pdf);
      expect(pages.length).toBeGreaterThan(150);
      expect(squash(pages.join('\n'))).toContain(
        squash('how many beds did ward 200 have in each month of 2023?'),
      );
    },
    LIMIT_MS + 60_000,
  );
});
