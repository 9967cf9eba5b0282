/**
 * What FOI Desk's letter export costs over the docx packer itself: the seed letters built from
 * their cases and rendered with styles, numbering, footnotes and letterhead, against a bare docx
 * document holding the same paragraphs as plain Paragraph/TextRun. Run: npm run bench -- letter
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { caseSchema, organisationSchema } from '../shared/case-format';
import { plainText, type BlockNode, type ListItemNode } from '../shared/letter/doc';
import { buildLetter, getTemplate, listParagraphs, renderLetterDocx } from '../templates/index';
import { measure, ratio } from './harness';

const fixtures = path.resolve(process.cwd(), 'tests/fixtures');
const read = (name: string): unknown => JSON.parse(readFileSync(path.join(fixtures, name), 'utf8'));

/** One plain string per paragraph, as a bare export would write them. */
function paragraphTexts(blocks: readonly (BlockNode | ListItemNode)[]): string[] {
  return blocks.flatMap((b) => {
    if (b.type === 'paragraph' || b.type === 'heading' || b.type === 'codeBlock') return [plainText(b)];
    if (b.type === 'horizontalRule') return [''];
    return paragraphTexts(b.content);
  });
}

for (const [caseFile, orgFile, templateId] of [
  ['foi-4951.case.json', 'walton.organisation.json', 'refusal'],
  ['foi-2774.case.json', 'hpft.organisation.json', 'partial-disclosure'],
] as const) {
  const c = caseSchema.parse(read(caseFile));
  const org = organisationSchema.parse(read(orgFile));
  const template = getTemplate(templateId)!;
  const paragraphs = listParagraphs();
  const input = { case: c, organisation: org, template, paragraphs, date: c.responded ?? c.received };
  const letter = buildLetter(input);
  const texts = [
    ...letter.meta.recipientLines,
    letter.meta.ourRef,
    letter.meta.dateText,
    ...paragraphTexts(letter.body.content),
  ];

  console.log(`${c.reference} to .docx (${texts.length} paragraphs)`);
  const full = await measure(
    'FOI Desk: buildLetter + renderLetterDocx',
    () => renderLetterDocx(buildLetter(input), org),
    {
      iterations: 30,
    },
  );
  await measure('FOI Desk: renderLetterDocx only', () => renderLetterDocx(letter, org), { iterations: 30 });
  await measure('FOI Desk: buildLetter only', () => buildLetter(input), { iterations: 30 });
  const bare = await measure(
    'bare docx: same paragraphs as plain Paragraph/TextRun',
    () =>
      Packer.toBuffer(
        new Document({
          sections: [{ children: texts.map((t) => new Paragraph({ children: [new TextRun(t)] })) }],
        }),
      ),
    { iterations: 30 },
  );
  console.log(ratio(full, bare));
}
