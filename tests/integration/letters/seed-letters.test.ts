/**
 * The two real letters (shared/seeds), rebuilt from their case data (shared/examples), exported to
 * Word, converted to PDF by LibreOffice and read back: every case-specific sentence of the seed must
 * be there, in the seed's order. Page 1 is also rendered to PNG in test-results/letters/ to look at.
 * The letters are written first and converted in one start of LibreOffice.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseRecord, Organisation } from '../../../shared/case-format';
import {
  buildLetter,
  getTemplate,
  listParagraphs,
  renderLetterDocx,
  type LetterDocument,
} from '../../../templates/index';
import {
  bodyText,
  CONVERSION_TIMEOUT_MS,
  convertToPdfs,
  docxPart,
  firstOutOfOrder,
  fixturesDir,
  loadCase,
  loadOrganisation,
  pdfPages,
  renderPng,
  resultsDir,
  sentences,
  sharedExamplesDir,
  squash,
  tempDir,
} from './helpers';

interface Exported {
  letter: LetterDocument;
  docx: string;
  pages: string[];
  body: string;
}

interface Written {
  letter: LetterDocument;
  org: Organisation;
  name: string;
  docx: string;
}

async function writeLetter(
  c: CaseRecord,
  org: Organisation,
  templateId: string,
  name: string,
  layout?: 'answer-after-each' | 'request-then-answers',
): Promise<Written> {
  const template = getTemplate(templateId);
  if (!template) throw new Error(`no template ${templateId}`);
  const letter = buildLetter({
    case: c,
    organisation: org,
    template,
    paragraphs: listParagraphs(),
    date: c.responded ?? c.received,
    ...(layout ? { layout } : {}),
  });
  const docx = path.join(dir, `${name}.docx`);
  writeFileSync(docx, await renderLetterDocx(letter, org));
  return { letter, org, name, docx };
}

async function readBack(w: Written, pdf: string): Promise<Exported> {
  mkdirSync(resultsDir, { recursive: true });
  copyFileSync(w.docx, path.join(resultsDir, `${w.name}.docx`));
  copyFileSync(pdf, path.join(resultsDir, `${w.name}.pdf`));
  await renderPng(pdf, path.join(resultsDir, `${w.name}-page1`));
  const pages = await pdfPages(pdf);
  const running = [
    w.org.name,
    `Our ref: ${w.letter.meta.ourRef}`,
    `${w.org.name} Our ref: ${w.letter.meta.ourRef}`,
  ];
  return { letter: w.letter, docx: w.docx, pages, body: bodyText(pages, running) };
}

const walton = { c: loadCase('foi-4951.case.json'), org: loadOrganisation('walton.organisation.json') };
const hpft = { c: loadCase('foi-2774.case.json'), org: loadOrganisation('hpft.organisation.json') };
let dir: string;
/** The three letters, exported to Word and converted to PDF in one start of LibreOffice. */
let exported: { foi4951: Exported; foi4951RequestFirst: Exported; foi2774: Exported };

beforeAll(async () => {
  dir = tempDir('seed-letters');
  const written = [
    await writeLetter(walton.c, walton.org, 'refusal', 'foi-4951'),
    await writeLetter(walton.c, walton.org, 'refusal', 'foi-4951-request-first', 'request-then-answers'),
    await writeLetter(hpft.c, hpft.org, 'partial-disclosure', 'foi-2774'),
  ];
  const pdfs = await convertToPdfs(
    written.map((w) => w.docx),
    dir,
  );
  const [foi4951, foi4951RequestFirst, foi2774] = await Promise.all(
    written.map((w, i) => readBack(w, pdfs[i]!)),
  );
  exported = { foi4951: foi4951!, foi4951RequestFirst: foi4951RequestFirst!, foi2774: foi2774! };
}, CONVERSION_TIMEOUT_MS + 60_000);

describe('fixtures', () => {
  it.each(['foi-4951.case.json', 'foi-2774.case.json', 'walton.organisation.json', 'hpft.organisation.json'])(
    '%s is a current copy of the shared example',
    (name) => {
      let shared: string;
      try {
        shared = readFileSync(path.join(sharedExamplesDir, name), 'utf8');
      } catch {
        return; // The shared folder is optional: the copies are what the tests use.
      }
      expect(JSON.parse(readFileSync(path.join(fixturesDir, name), 'utf8'))).toEqual(JSON.parse(shared));
    },
  );
});

describe('Walton FOI 4951 (full refusal)', () => {
  const { c } = walton;
  let out: Exported;

  beforeAll(() => {
    out = exported.foi4951;
  });

  it('names the file after the reference, the letter and the date', () => {
    expect(out.letter.meta.fileName).toBe('FOI 4951 - Refusal notice - 2021-11-11.docx');
    expect(out.letter.meta.warnings).toEqual([]);
  });

  it('has every case-specific sentence of the seed, in the seed order', () => {
    const q1 = c.questions[0]!;
    const ex = q1.response!.exemptions![0]!;
    const pi = ex.publicInterest!;
    const expected = [
      // Letterhead and heading block.
      'The Walton Centre NHS Foundation Trust',
      'Sid Watkins Building',
      'Liverpool L9 7BB',
      'Our ref: MB/SS FOI 4951',
      'Date: 11 November 2021',
      'Re: Freedom of Information Request FOI 4951',
      'Freedom of Information Act 2000, which we received on 11 November 2021.',
      // The request and the refusal, as in the seed.
      'Does your organisation have Cyber Essentials Accreditation/Certification in place?',
      "Where the answer to the above is 'Yes' - when does it expire?",
      "Where the answer to the above is a 'No', (a) are you planning on achieving the Cyber Essentials (CE) certification and (b) by which date?",
      ...sentences(q1.response!.heldStatement!),
      'The prevention or detection of crime',
      ...sentences(ex.reason),
      'Public interest test',
      'Factors in favour of disclosure:',
      'Disclosure of the data supports the general public interest in the transparency, accountability and general understanding of the delivery of public services.',
      'Factors in favour of withholding',
      'Breaches in Trust security and is therefore a reasonable threat to the confidential patient data held on our systems.',
      'Temporary or long term lack of availability of IT systems',
      'Corruption/loss of patient data which would prevent or interrupt provision of patient care.',
      ...sentences(pi.conclusion),
      'This response therefore acts as a refusal notice under section 17 of the FOIA.',
      'Does your organisation have Cyber Essentials Plus Accreditation/Certification in place?',
      "Where the answer to the above is 'Yes' - when does it expire?",
      "Where the answer to the above is 'No' - (a) are you planning on achieving the Cyber Essentials Plus (CE+) certification and (b) by which date?",
      'As above.',
      // Standard paragraphs, current law.
      'Re-use of Public Sector Information Regulations 2015 (SI 2015/1415)',
      'Open Government Licence',
      'within two months of the date of this letter',
      'Please remember to quote the reference number, FOI 4951, in any future communications.',
      "Information Commissioner's Office, Wycliffe House, Water Lane, Wilmslow, Cheshire SK9 5AF",
      '0303 123 1113',
      'https://ico.org.uk/make-a-complaint/',
      'Yours sincerely',
      'Mike Burns',
      'Executive Lead for Freedom of Information',
    ];
    expect(firstOutOfOrder(out.body, expected)).toBeUndefined();
  });

  it('states the refusal notice once and keeps the seed sentences verbatim in the Word XML', async () => {
    expect(squash(out.body).split(squash('refusal notice under section 17')).length - 1).toBe(1);
    const xml = await docxPart(out.docx, 'word/document.xml');
    expect(xml).toContain('w:w="11906"');
    expect(xml).toContain('w:h="16838"');
    expect(xml).toContain('<w:numPr>');
    expect(xml).toContain('<w:hyperlink');
    const styles = await docxPart(out.docx, 'word/styles.xml');
    for (const name of ['FOI Body', 'FOI Question', 'FOI Heading', 'FOI Factor', 'FOI Subheading']) {
      expect(styles).toContain(`w:val="${name}"`);
    }
    expect(styles).toContain('w:ascii="Arial"');
  });

  it('puts the letterhead in the first-page header and "Page X of Y" in the footer', async () => {
    const settingsAndDoc = await docxPart(out.docx, 'word/document.xml');
    expect(settingsAndDoc).toContain('<w:titlePg');
    const firstPage = out.pages[0]!;
    expect(squash(firstPage)).toContain(squash('Direct line: 0151 556 3038'));
    expect(firstPage).toMatch(/Page 1 of 2/);
    expect(out.pages.length).toBe(2);
    expect(out.pages[1]).toMatch(/Page 2 of 2/);
  });

  it('lays the request out first when the officer chooses request-then-answers', () => {
    const alt = exported.foi4951RequestFirst;
    const expected = [
      'Your request was as follows:',
      'Does your organisation have Cyber Essentials Accreditation/Certification in place?',
      'Does your organisation have Cyber Essentials Plus Accreditation/Certification in place?',
      'Our response',
      'Question 1',
      ...sentences(q1Reason(c)),
      'This response therefore acts as a refusal notice under section 17 of the FOIA.',
      'Question 2',
      'As above.',
      'Mike Burns',
    ];
    expect(firstOutOfOrder(alt.body, expected)).toBeUndefined();
  });
});

function q1Reason(c: CaseRecord): string {
  return c.questions[0]!.response!.exemptions![0]!.reason;
}

describe('HPFT FOI 2774 (partial response with a footnote)', () => {
  const { c } = hpft;
  const footnote = c.questions[1]!.response!.footnotes![0]!;
  let out: Exported;

  beforeAll(() => {
    out = exported.foi2774;
  });

  it('has every case-specific sentence of the seed, in the seed order', () => {
    const q5 = c.questions[4]!.response!.exemptions![0]!;
    const expected = [
      'Hertfordshire Partnership University NHS Foundation Trust',
      'Information Rights & Compliance Team',
      'AL3 5TL',
      'Tel: 01727 804954',
      'Email: foi@hpft.nhs.uk',
      'Our ref: FOI 2774',
      'Date: 21 December 2017',
      'Freedom of Information Act 2000, which we received on 23 November 2017.',
    ];
    for (const q of c.questions) {
      expected.push(q.text);
      if (q.response?.text) expected.push(...sentences(q.response.text));
    }
    expected.push(
      ...sentences(q5.reason),
      ...q5.publicInterest!.forDisclosure,
      ...q5.publicInterest!.forWithholding,
      ...sentences(q5.publicInterest!.conclusion),
      'This response therefore acts as a refusal notice under section 17 of the FOIA.',
      'Should you require further clarification, please do not hesitate to contact me.',
      'Yours sincerely',
      'Sue Smith',
      'Information Rights Officer',
      'Enc: Copyright Protection and Complaints Procedure Information Leaflet',
    );
    // The footnote sits at the foot of its page, so it is taken out of the running text first.
    const running = squash(out.body).replace(squash(footnote), '');
    expect(firstOutOfOrder(running, expected)).toBeUndefined();
    expect(out.letter.meta.warnings).toEqual([]);
  });

  it('makes the footnote a real Word footnote', async () => {
    const footnotes = await docxPart(out.docx, 'word/footnotes.xml');
    expect(footnotes).toContain('Section 1(1) Any person making a request for information');
    expect(footnotes).toContain('communicated to him.');
    const document = await docxPart(out.docx, 'word/document.xml');
    expect(document).toContain('<w:footnoteReference w:id="1"/>');
    expect(document).not.toContain('Any person making a request for information');
  });

  it('prints the footnote at the foot of the page that refers to it', () => {
    const page = out.pages.find((p) => squash(p).includes(squash(footnote)));
    expect(page).toBeDefined();
    const withoutFooter = page!.replace(/Page \d+ of \d+\s*$/, '');
    // Nothing of the letter's own text comes after the footnote on its page (pdftotext may put
    // the footnote's own number after its text, so trailing digits are ignored).
    expect(squash(withoutFooter).replace(/\d+$/, '').endsWith(squash(footnote))).toBe(true);
    // The page also holds the answer the footnote belongs to.
    expect(squash(page!)).toContain(
      squash('split our information from the other partners involved in this contract.'),
    );
  });
});
