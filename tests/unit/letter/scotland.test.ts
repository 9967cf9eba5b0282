/**
 * The Scottish regimes in the catalogue and the letters: the EISR exceptions (regs 10(4), 10(5),
 * 11), a FOISA review outcome (s21) and an EISR response or refusal (regs 5, 13), each pointing the
 * requester to the Scottish Information Commissioner (FOISA s47; EISR reg 17), never to the ICO.
 */
import { describe, expect, it } from 'vitest';
import type { CaseRecord, Organisation } from '../../../shared/case-format';
import {
  exemptionsFor,
  findExemption,
  likelihoodsFor,
  matchProvision,
  needsPublicInterestTest,
  provisionLabel,
} from '../../../shared/exemptions';
import { suggestTemplateId } from '../../../shared/letter/build';
import { costLimit, describeExemption, regimeProfile, reviewWindow } from '../../../shared/letter/legal';
import { paragraphText } from '../../../shared/letter/template';
import { defaultParagraphs, listTemplates } from '../../../templates/defaults';
import { hpft, letter, text } from './fixtures';

const SIC = [
  'Scottish Information Commissioner',
  'Kinburn Castle, Doubledykes Road, St Andrews, Fife KY16 9DS',
  '01334 464610',
  'enquiries@itspublicknowledge.info',
];

describe('the EISR exceptions', () => {
  it('lists regs 10(4)(a)–(e), 10(5)(a)–(g) and 11 for the Scottish EIR, and FOISA for a FOISA review', () => {
    expect(exemptionsFor('EISR').map((e) => e.provision)).toEqual([
      'reg 10(4)(a)',
      'reg 10(4)(b)',
      'reg 10(4)(c)',
      'reg 10(4)(d)',
      'reg 10(4)(e)',
      'reg 10(5)(a)',
      'reg 10(5)(b)',
      'reg 10(5)(c)',
      'reg 10(5)(d)',
      'reg 10(5)(e)',
      'reg 10(5)(f)',
      'reg 10(5)(g)',
      'reg 11',
    ]);
    expect(exemptionsFor('FOISA-REVIEW')).toEqual(exemptionsFor('FOISA'));
    expect(exemptionsFor('EISR').some((e) => e.law === 'EIR')).toBe(false);
  });

  it('asks for a public interest test for every reg 10 exception, and for reg 11 only under the second or third condition', () => {
    for (const e of exemptionsFor('EISR'))
      if (e.provision !== 'reg 11') expect(needsPublicInterestTest(e)).toBe(true);
    const reg11 = findExemption('eisr-11')!;
    expect(needsPublicInterestTest(reg11, '(2)(a) and (3A)')).toBe(false);
    expect(needsPublicInterestTest(reg11, '(2)(b) and (3B)')).toBe(true);
    expect(needsPublicInterestTest(reg11, '(2)(b) and (4A)')).toBe(true);
  });

  it('uses the "prejudice substantially" test of reg 10(5), with both likelihoods', () => {
    const commercial = findExemption('eisr-10-5-e')!;
    expect(commercial.test).toBe('substantial-prejudice');
    expect(likelihoodsFor(commercial)).toEqual(['would', 'would be likely to']);
    expect(likelihoodsFor(findExemption('eisr-10-4-e')!)).toEqual([]);
    expect(findExemption('eisr-10-5-a')!.ncnd).toBe('reg 10(8)');
    expect(commercial.note).toContain('reg 10(6)');
  });

  it('finds an applied EISR exception again from its provision text, not the EIR one', () => {
    const label = provisionLabel(findExemption('eisr-10-5-e')!);
    expect(label).toBe('EISR reg 10(5)(e)');
    expect(matchProvision(label)?.entry.id).toBe('eisr-10-5-e');
    expect(matchProvision('EIR reg 12(5)(e)')?.entry.id).toBe('eir-12-5-e');
  });

  it.each([
    [
      'EISR reg 10(5)(e)',
      'Regulation 10(5)(e)',
      'Confidentiality of commercial or industrial information',
      'qualified',
    ],
    ['EISR reg 10(4)(a)', 'Regulation 10(4)(a)', 'Information not held', 'qualified'],
    ['EISR reg 11(2)(a) and (3A)', 'Regulation 11(2)(a) and (3A)', 'Personal data', 'absolute'],
    ['EISR reg 11(2)(b) and (3B)', 'Regulation 11(2)(b) and (3B)', 'Personal data', 'qualified'],
    ['reg 10(5)(b)', 'Regulation 10(5)(b)', 'The course of justice', 'qualified'],
  ] as const)('describes %s for a letter', (provision, section, title, kind) => {
    expect(describeExemption(provision, 'EISR')).toEqual({ section, title, kind });
  });
});

describe('the Scottish regimes in letters', () => {
  it('names the law, the refusal provision and the Scottish Commissioner', () => {
    expect(regimeProfile('EISR')).toMatchObject({
      act: 'Environmental Information (Scotland) Regulations 2004',
      refusalProvision: 'regulation 13 of the EISR',
      commissioner: 'sic',
    });
    expect(regimeProfile('FOISA-REVIEW')).toMatchObject({
      act: 'Freedom of Information (Scotland) Act 2002',
      requestKind: 'Review of Freedom of Information Request',
      commissioner: 'sic',
    });
    expect(reviewWindow('EISR', 'two months')).toBe('40 working days');
    expect(costLimit('FOISA-REVIEW').limit).toBe('£600');
  });

  it('gives the Scottish Commissioner’s details and the s47 / reg 17 right, never the ICO’s', () => {
    const complaint = defaultParagraphs.find((p) => p.id === 'complaint')!;
    for (const regime of ['FOISA', 'FOISA-REVIEW', 'EISR'] as const) {
      const words = paragraphText(complaint, regime);
      for (const part of SIC) expect(words, regime).toContain(part);
      expect(words, regime).toContain('section 47(1) of FOISA');
      expect(words, regime).not.toMatch(/Wycliffe|ico\.org\.uk|0303 123 1113/);
    }
    expect(paragraphText(complaint, 'EISR')).toContain('regulation 17 of the EISR');
    expect(paragraphText(complaint, 'FOISA-REVIEW')).toContain('section 56');
    const review = defaultParagraphs.find((p) => p.id === 'internal-review')!;
    expect(paragraphText(review, 'FOISA-REVIEW')).toBe('');
    expect(paragraphText(review, 'EISR')).toContain('regulation 16 of the EISR');
  });

  it('offers the review outcome for a FOISA review and the EISR response for the Scottish EIR', () => {
    expect(listTemplates([], 'FOISA-REVIEW').map((t) => t.id)).toEqual([
      'acknowledgement',
      'foisa-review-outcome',
    ]);
    expect(listTemplates([], 'EISR').map((t) => t.id)).toEqual([
      'acknowledgement',
      'clarification',
      'fees-notice',
      'eir-extension',
      'eisr-response',
    ]);
  });

  const scottish = (): { c: CaseRecord; org: Organisation } => {
    const { c, org } = hpft();
    return { c, org: { ...org, jurisdiction: 'scotland' } };
  };

  it('writes an EISR refusal: reg 13 notice, the exception with its test, review under reg 16, the SIC', () => {
    const { c, org } = scottish();
    const eisr: CaseRecord = {
      ...c,
      regime: 'EISR',
      questions: [
        {
          number: '1',
          text: 'The contract with the waste contractor.',
          response: {
            outcome: 'exempt',
            exemptions: [
              {
                provision: 'EISR reg 10(5)(e)',
                likelihood: 'would be likely to',
                reason: 'The prices are confidential by contract.',
                publicInterest: {
                  forDisclosure: ['Openness.'],
                  forWithholding: ['Fair tendering.'],
                  conclusion: 'Withheld.',
                },
              },
            ],
          },
        },
      ],
    };
    expect(suggestTemplateId(eisr)).toBe('eisr-response');
    const body = text(letter(eisr, org, 'eisr-response').body);
    expect(body).toContain('Re: Environmental Information Request');
    expect(body).toContain('Environmental Information (Scotland) Regulations 2004');
    expect(body).toContain('Regulation 10(5)(e)');
    expect(body).toContain('regulation 10(1)(b) of the EISR');
    expect(body).toContain('refusal notice under regulation 13 of the EISR');
    expect(body).toContain('regulation 16 of the EISR');
    for (const part of SIC) expect(body).toContain(part);
    expect(body).not.toContain('Wycliffe House');
    expect(body).not.toMatch(/section 21 of the FOIA|regulation 12/);
  });

  it('writes a FOISA review outcome: s20 requirement, no further review offered, s47 and s56 rights', () => {
    const { c, org } = scottish();
    const review: CaseRecord = { ...c, regime: 'FOISA-REVIEW' };
    expect(suggestTemplateId(review)).toBe('foisa-review-outcome');
    const body = text(
      letter(review, org, 'foisa-review-outcome', {
        values: { reviewer: 'the Head of Governance', reviewOutcome: 'We uphold the original decision.' },
      }).body,
    );
    expect(body).toContain('Re: Review of Freedom of Information Request');
    expect(body).toContain(
      'requirement for review under section 20 of the Freedom of Information (Scotland) Act 2002',
    );
    expect(body).toContain('We uphold the original decision.');
    expect(body).toContain('section 47(1) of FOISA');
    expect(body).toContain('Court of Session');
    for (const part of SIC) expect(body).toContain(part);
    expect(body).not.toContain('Your right to ask for a review');
    expect(body).not.toContain('Wycliffe House');
  });
});
