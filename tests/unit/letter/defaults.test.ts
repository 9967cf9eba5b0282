import { describe, expect, it } from 'vitest';
import { PARAGRAPH_ROLES } from '../../../shared/letter/doc';
import { placeholderNames } from '../../../shared/letter/placeholders';
import { paragraphText } from '../../../shared/letter/template';
import { REGIMES } from '../../../shared/case-format';
import {
  defaultParagraph,
  defaultParagraphs,
  defaultTemplate,
  defaultTemplates,
  getTemplate,
  listParagraphs,
  listTemplates,
} from '../../../templates/defaults';

const REQUIRED_TEMPLATES = [
  'acknowledgement',
  'clarification',
  'fees-notice',
  'pi-extension',
  'eir-extension',
  'full-disclosure',
  'partial-disclosure',
  'refusal',
  'not-held',
  'cost-limit',
  'vexatious',
  'repeated',
  'internal-review-outcome',
  'eir-refusal',
  'sar-extension',
  'sar-response',
  'foisa-review-outcome',
  'eisr-response',
];

describe('shipped defaults', () => {
  it('include every template the issue asks for', () => {
    expect(defaultTemplates.map((t) => t.id)).toEqual(REQUIRED_TEMPLATES);
  });

  it('refer only to standard paragraphs that exist', () => {
    const ids = new Set(defaultParagraphs.map((p) => p.id));
    for (const t of defaultTemplates) {
      for (const b of t.blocks)
        if (b.kind === 'standard') expect(ids.has(b.id), `${t.id} → ${b.id}`).toBe(true);
    }
  });

  it('are frozen, and hand out editable copies', () => {
    expect(Object.isFrozen(defaultTemplates[0])).toBe(true);
    expect(Object.isFrozen(defaultParagraphs.find((p) => p.variants)!.variants)).toBe(true);
    const copy = defaultTemplate('refusal')!;
    copy.name = 'Changed';
    expect(getTemplate('refusal')!.name).toBe('Refusal notice (s17)');
    const para = defaultParagraph('reuse')!;
    para.text = 'x';
    expect(listParagraphs().find((p) => p.id === 'reuse')!.text).not.toBe('x');
  });

  it('let a team replace a template or paragraph by id, and add their own', () => {
    const mine = { ...defaultTemplate('refusal')!, name: 'Our refusal' };
    const extra = { ...defaultTemplate('refusal')!, id: 'team-special', name: 'Special' };
    const list = listTemplates([mine, extra]);
    expect(list.find((t) => t.id === 'refusal')!.name).toBe('Our refusal');
    expect(list[list.length - 1]!.id).toBe('team-special');
    expect(listTemplates([], 'SAR').map((t) => t.id)).toEqual([
      'acknowledgement',
      'clarification',
      'sar-extension',
      'sar-response',
    ]);
    const reuse = { ...defaultParagraph('reuse')!, text: 'Our own re-use words.' };
    expect(listParagraphs([reuse]).find((p) => p.id === 'reuse')!.text).toBe('Our own re-use words.');
  });

  it('use only the roles the renderer knows', () => {
    for (const p of defaultParagraphs) if (p.role) expect(PARAGRAPH_ROLES).toContain(p.role);
  });

  it('keep the legal details right', () => {
    const complaint = defaultParagraphs.find((p) => p.id === 'complaint')!;
    for (const regime of ['FOIA', 'EIR', 'SAR', 'FOI-IR', 'EIR-RECON'] as const) {
      const text = paragraphText(complaint, regime);
      expect(text).toContain('Wycliffe House, Water Lane, Wilmslow, Cheshire SK9 5AF');
      expect(text).toContain('0303 123 1113');
      expect(text).toContain('https://ico.org.uk/make-a-complaint/');
    }
    const reuse = defaultParagraphs.find((p) => p.id === 'reuse')!;
    expect(reuse.text).toContain('SI 2015/1415');
    expect(reuse.text).toContain('Open Government Licence');
    const review = defaultParagraphs.find((p) => p.id === 'internal-review')!;
    for (const regime of ['FOIA', 'EIR', 'FOISA'] as const) {
      expect(placeholderNames(paragraphText(review, regime))).toEqual(
        expect.arrayContaining(['internalReviewWindow', 'reviewContact']),
      );
    }
  });

  it('have wording for every regime each paragraph is used in', () => {
    for (const p of defaultParagraphs)
      for (const r of REGIMES) expect(typeof paragraphText(p, r)).toBe('string');
  });
});
