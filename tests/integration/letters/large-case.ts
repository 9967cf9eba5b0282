/**
 * The large case the robustness tests export: 200 questions, the first answered at the length
 * asked for (one paragraph), the rest with one line each.
 */
import { caseSchema, type CaseRecord } from '../../../shared/case-format';
import { buildLetter, getTemplate, listParagraphs } from '../../../templates/index';
import { loadCase, loadOrganisation } from './helpers';

export const org = loadOrganisation('hpft.organisation.json');

const SENTENCE = 'The information you asked for is set out in this answer. ';

/** An answer of `repeats` sentences of 57 characters: 18,000 make about 1 MB. */
export function longAnswer(repeats: number): string {
  return SENTENCE.repeat(repeats);
}

export function largeCase(firstAnswer: string): CaseRecord {
  const base = loadCase('foi-2774.case.json');
  return caseSchema.parse({
    ...base,
    questions: Array.from({ length: 200 }, (_, i) => ({
      number: String(i + 1),
      text: `Question text number ${i + 1}: how many beds did ward ${i + 1} have in each month of 2023?`,
      response:
        i === 0
          ? { outcome: 'provided', text: firstAnswer }
          : { outcome: 'provided', text: `Ward ${i + 1} had ${20 + (i % 7)} beds in each month.` },
    })),
  });
}

export function letterFor(c: CaseRecord, templateId = 'partial-disclosure') {
  return buildLetter({
    case: c,
    organisation: org,
    template: getTemplate(templateId)!,
    paragraphs: listParagraphs(),
    date: '2024-05-01',
  });
}
