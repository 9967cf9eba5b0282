/**
 * The Word renderer on every node the editor can produce, checked in the .docx XML itself.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Organisation } from '../../../shared/case-format';
import type { LetterDocument } from '../../../shared/letter/template';
import { DOCX_STYLES, renderLetterDocx } from '../../../templates/index';
import { docxPart, docxPartNames, tempDir, xmlProblem } from './helpers';

const org: Organisation = {
  format: 'foi-desk/organisation@1',
  name: 'Example NHS Trust',
  team: 'Information Governance',
  addressLines: ['1 Hospital Road', 'Exampletown EX1 1AA'],
  telephone: '01234 567890',
  email: 'foi@example.nhs.uk',
  website: 'www.example.nhs.uk',
  font: 'Verdana',
};

const letter: LetterDocument = {
  meta: {
    reference: 'FOI 1',
    ourRef: 'IG/FOI 1',
    date: '2024-05-01',
    dateText: '1 May 2024',
    regime: 'FOIA',
    templateId: 'full-disclosure',
    title: 'Response',
    fileName: 'FOI 1 - Response - 2024-05-01.docx',
    recipientLines: ['Ada Lovelace', '1 Engine Street'],
    warnings: [],
  },
  body: {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Level one' }] },
      { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Level three' }] },
      { type: 'heading', attrs: { level: 4 }, content: [{ type: 'text', text: 'Level four' }] },
      {
        type: 'paragraph',
        attrs: { textAlign: 'center', role: 'question' },
        content: [
          { type: 'text', text: '1.\tCentred question' },
          { type: 'footnote', attrs: { text: 'First note.' } },
        ],
      },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Bold', marks: [{ type: 'bold' }] },
          { type: 'text', text: ' italic', marks: [{ type: 'italic' }] },
          { type: 'text', text: ' under', marks: [{ type: 'underline' }] },
          { type: 'text', text: ' struck', marks: [{ type: 'strike' }] },
          { type: 'text', text: ' code', marks: [{ type: 'code' }] },
          { type: 'hardBreak' },
          { type: 'text', text: 'the ', marks: [{ type: 'link', attrs: { href: 'https://ico.org.uk/' } }] },
          {
            type: 'text',
            text: 'ICO',
            marks: [{ type: 'link', attrs: { href: 'https://ico.org.uk/' } }, { type: 'bold' }],
          },
          { type: 'text', text: ' and ' },
          { type: 'text', text: 'a trap', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] },
          { type: 'footnote', attrs: { text: 'Second note.\n\nIts second paragraph.' } },
        ],
      },
      {
        type: 'orderedList',
        attrs: { start: 3 },
        content: [
          { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Third' }] }] },
          {
            type: 'listItem',
            content: [
              { type: 'paragraph', content: [{ type: 'text', text: 'Fourth' }] },
              { type: 'paragraph', content: [{ type: 'text', text: 'Fourth, continued' }] },
              {
                type: 'bulletList',
                content: [
                  {
                    type: 'listItem',
                    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Nested' }] }],
                  },
                ],
              },
            ],
          },
        ],
      },
      {
        type: 'orderedList',
        content: [
          {
            type: 'listItem',
            content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Again one' }] }],
          },
        ],
      },
      {
        type: 'blockquote',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Quoted request' }] }],
      },
      { type: 'horizontalRule' },
      { type: 'codeBlock', content: [{ type: 'text', text: 'line 1\nline 2' }] },
      { type: 'paragraph' },
    ],
  },
};

describe('renderLetterDocx', () => {
  let docx: string;
  beforeAll(async () => {
    docx = path.join(tempDir('render'), 'render.docx');
    writeFileSync(docx, await renderLetterDocx(letter, org));
  });

  it('writes well-formed XML parts', async () => {
    for (const part of (await docxPartNames(docx)).filter((p) => p.endsWith('.xml'))) {
      expect(xmlProblem(await docxPart(docx, part)), part).toBeUndefined();
    }
  });

  it('defines every FOI style by name, in the organisation font', async () => {
    const styles = await docxPart(docx, 'word/styles.xml');
    for (const s of Object.values(DOCX_STYLES)) {
      expect(styles).toContain(`w:styleId="${s.id}"`);
      expect(styles).toContain(`<w:name w:val="${s.name}"/>`);
    }
    expect(styles).toContain('w:ascii="Verdana"');
  });

  it('maps headings, roles and alignment to styles', async () => {
    const xml = await docxPart(docx, 'word/document.xml');
    expect(xml).toMatch(/<w:pStyle w:val="FOIHeading"\/>.*?Level one/);
    expect(xml).toMatch(/<w:pStyle w:val="FOISubheading"\/>.*?Level three/);
    expect(xml).toMatch(/<w:pStyle w:val="FOIMinorHeading"\/>.*?Level four/);
    expect(xml).toMatch(/<w:pStyle w:val="FOIQuestion"\/><w:jc w:val="center"\/>/);
    expect(xml).toContain('<w:tab/>');
    expect(xml).toMatch(/<w:pStyle w:val="FOIQuote"\/>.*?Quoted request/);
    expect(xml).toMatch(
      /<w:pStyle w:val="FOICode"\/>.*?line 1<\/w:t>.*?<w:pStyle w:val="FOICode"\/>.*?line 2/,
    );
  });

  it('writes marks as run properties and links as hyperlinks, never an unsafe one', async () => {
    const xml = await docxPart(docx, 'word/document.xml');
    expect(xml).toMatch(/<w:b\/>.*?Bold/);
    expect(xml).toMatch(/<w:i\/>.*? italic/);
    expect(xml).toMatch(/<w:u w:val="single"\/>.*? under/);
    expect(xml).toMatch(/<w:strike\/>.*? struck/);
    expect(xml).toMatch(/Courier New.*? code/);
    expect(xml).toContain('<w:br/>');
    // Both runs of the same link are one hyperlink.
    expect(xml).toMatch(
      /<w:hyperlink [^>]*>(?:(?!<\/w:hyperlink>).)*the (?:(?!<\/w:hyperlink>).)*ICO<\/w:t><\/w:r><\/w:hyperlink>/,
    );
    expect(xml.match(/<w:hyperlink /g)).toHaveLength(1);
    expect(xml).toContain('a trap');
    const rels = await docxPart(docx, 'word/_rels/document.xml.rels');
    expect(rels).toContain('Target="https://ico.org.uk/"');
    expect(rels).not.toContain('javascript');
  });

  it('writes footnotes as Word footnotes, numbered by Word', async () => {
    const xml = await docxPart(docx, 'word/document.xml');
    expect(xml).toContain('<w:footnoteReference w:id="1"/>');
    expect(xml).toContain('<w:footnoteReference w:id="2"/>');
    const notes = await docxPart(docx, 'word/footnotes.xml');
    expect(notes).toMatch(/<w:footnote w:id="1">.*First note\./);
    expect(notes).toMatch(/<w:footnote w:id="2">.*Second note\..*Its second paragraph\./);
    expect(notes).toContain('<w:footnoteRef/>');
  });

  it('uses real list numbering, restarting each ordered list at its start', async () => {
    const xml = await docxPart(docx, 'word/document.xml');
    const numbering = await docxPart(docx, 'word/numbering.xml');
    expect(numbering).toContain('<w:start w:val="3"/>');
    expect(numbering).toContain('w:val="•"');
    expect(numbering).toContain('<w:numFmt w:val="decimal"/>');
    const numIds = [...xml.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => m[1]);
    // Third and Fourth share a list; Nested is a bullet list; "Again one" is a new list.
    expect(new Set(numIds).size).toBe(3);
    expect(xml).toMatch(/<w:ilvl w:val="1"\/>.*?Nested/);
    expect(xml).not.toMatch(/•|◦/);
  });

  it('puts the letterhead in the first-page header, a running header after, and page numbers as fields', async () => {
    const parts = await docxPartNames(docx);
    const headers = await Promise.all(
      parts.filter((p) => /word\/header\d+\.xml/.test(p)).map((p) => docxPart(docx, p)),
    );
    const letterhead = headers.find((h) => h.includes('1 Hospital Road'));
    expect(letterhead).toContain('Example NHS Trust');
    expect(letterhead).toContain('Tel: 01234 567890');
    expect(letterhead).toContain('Email: foi@example.nhs.uk');
    expect(headers.some((h) => h.includes('Our ref: IG/FOI 1') && !h.includes('Hospital Road'))).toBe(true);
    const footers = await Promise.all(
      parts.filter((p) => /word\/footer\d+\.xml/.test(p)).map((p) => docxPart(docx, p)),
    );
    for (const f of footers) {
      expect(f).toMatch(/PAGE/);
      expect(f).toMatch(/NUMPAGES/);
    }
    const xml = await docxPart(docx, 'word/document.xml');
    expect(xml).toMatch(/Ada Lovelace.*1 Engine Street.*Our ref: IG\/FOI 1.*Date: 1 May 2024/);
    expect(xml).toContain('<w:pgMar w:top="1134" w:right="1440" w:bottom="1134" w:left="1440"');
  });

  it('leaves the letterhead out for pre-printed paper', async () => {
    const plain = path.join(tempDir('render-plain'), 'plain.docx');
    writeFileSync(plain, await renderLetterDocx(letter, org, { letterhead: false, fontSizePt: 12 }));
    const parts = await docxPartNames(plain);
    const headers = await Promise.all(
      parts.filter((p) => /word\/header\d+\.xml/.test(p)).map((p) => docxPart(plain, p)),
    );
    expect(headers.some((h) => h.includes('1 Hospital Road'))).toBe(false);
    expect(await docxPart(plain, 'word/styles.xml')).toContain('<w:sz w:val="24"/>');
  });
});
