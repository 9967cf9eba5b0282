/**
 * The law a letter states depends on its date: the SAR time limit moved from UK GDPR Article 12(3)
 * to Article 12A on 5 February 2026 (SI 2026/82 reg 2(h)); the regulator becomes the Information
 * Commission only when the Data (Use and Access) Act 2025 ss118–119 commence. And the rules the
 * write paths share: the reg 12(5) adverse-effect test and the SAR extension's first month.
 */
import { describe, expect, it } from 'vitest';
import { adverseEffectProblem, responseProblems, sarExtensionProblem } from '../../../shared/answer-rules';
import type { CaseRecord } from '../../../shared/case-format';
import {
  ARTICLE_12A_IN_FORCE,
  lawValues,
  REGULATOR_NAMES,
  regulatorOn,
  sarTimeLimitLaw,
  type RegulatorName,
} from '../../../shared/letter/legal';
import { hpft, letter, text } from './fixtures';

describe('the SAR time-limit provision', () => {
  it('is Article 12(3) up to 4 February 2026 and Article 12A from 5 February 2026', () => {
    expect(ARTICLE_12A_IN_FORCE).toBe('2026-02-05');
    expect(sarTimeLimitLaw('2026-02-04').provision).toBe('Article 12(3)');
    expect(sarTimeLimitLaw('2026-02-05').provision).toBe('Article 12A');
    expect(sarTimeLimitLaw('2026-02-05').source).toContain('SI 2026/82');
  });

  it('is what the SAR extension letter cites, by the letter date', () => {
    const { c, org } = hpft();
    const sar: CaseRecord = { ...c, regime: 'SAR', questions: [] };
    const before = text(letter(sar, org, 'sar-extension', { date: '2026-02-04' }).body);
    const after = text(letter(sar, org, 'sar-extension', { date: '2026-02-05' }).body);
    expect(before).toContain('Article 12(3) of the UK General Data Protection Regulation');
    expect(before).not.toContain('Article 12A');
    expect(after).toContain('Article 12A of the UK General Data Protection Regulation');
  });
});

describe('the regulator’s name', () => {
  it('is the Information Commissioner until the Commission’s commencement is made', () => {
    expect(regulatorOn('2026-12-01').office).toBe("Information Commissioner's Office");
    const commission = REGULATOR_NAMES.find((r) => r.name === 'the Information Commission')!;
    expect(commission.from).toBeNull();
    expect(commission.source).toContain('ss117–119');
  });

  it('flips to the Information Commission on the day its commencement is set', () => {
    const table: RegulatorName[] = REGULATOR_NAMES.map((r) =>
      r.from === null ? { ...r, from: '2027-04-01' } : r,
    );
    expect(regulatorOn('2027-03-31', table).name).toBe('the Information Commissioner');
    expect(regulatorOn('2027-04-01', table).name).toBe('the Information Commission');
    expect(regulatorOn('2027-04-01', table).office).toBe('Information Commission');
  });

  it('is named in the complaint paragraph from the table', () => {
    const { c, org } = hpft();
    const body = text(letter(c, org, 'partial-disclosure').body);
    expect(body).toContain('you have the right to apply to the Information Commissioner for a decision');
    expect(lawValues(c, '2026-12-01')['regulator.nameStart']).toBe('The Information Commissioner');
  });
});

describe('the reg 12(5) adverse-effect test', () => {
  const context = { regime: 'EIR' as const, number: '1', numbers: ['1'] };
  const exempt = (provision: string, likelihood: 'would' | 'would be likely to') => ({
    outcome: 'exempt' as const,
    exemptions: [
      {
        provision,
        likelihood,
        reason: 'Commercially confidential.',
        publicInterest: { forDisclosure: ['a'], forWithholding: ['b'], conclusion: 'c' },
      },
    ],
  });

  it('refuses "would be likely to" for a reg 12(5) exception, and only there', () => {
    expect(adverseEffectProblem('EIR reg 12(5)(e)', 'would be likely to')).toContain(
      'would adversely affect',
    );
    expect(adverseEffectProblem('EIR reg 12(5)(e)', 'would')).toBeUndefined();
    expect(adverseEffectProblem('FOIA s43(2)', 'would be likely to')).toBeUndefined();
    const problems = responseProblems(exempt('EIR reg 12(5)(e)', 'would be likely to'), context);
    expect(problems.map((p) => p.field)).toEqual(['exemptions[0].likelihood']);
    expect(responseProblems(exempt('EIR reg 12(5)(e)', 'would'), context)).toEqual([]);
  });

  it('words the letter "would adversely affect" and warns of an answer stored with "likely to"', () => {
    const { c, org } = hpft();
    const eir: CaseRecord = {
      ...c,
      regime: 'EIR',
      questions: [
        { number: '1', text: 'The price.', response: exempt('EIR reg 12(5)(e)', 'would be likely to') },
      ],
    };
    const doc = letter(eir, org, 'eir-refusal');
    expect(text(doc.body)).toContain('would adversely affect the interest described above');
    expect(text(doc.body)).not.toContain('would be likely to');
    expect(doc.meta.warnings.join(' ')).toContain('is an EIR regulation 12(5) exception');
  });
});

describe('the SAR extension notice goes within the first month', () => {
  it('is refused after the one-month date, and not otherwise', () => {
    expect(sarExtensionProblem({ type: 'sar-extension', date: '2026-03-02' }, '2026-03-01')).toContain(
      'within the first month, by 01/03/2026 (UK GDPR Article 12A)',
    );
    expect(sarExtensionProblem({ type: 'sar-extension', date: '2026-03-01' }, '2026-03-01')).toBeUndefined();
    expect(sarExtensionProblem({ type: 'sar-extension', date: '2026-03-02' }, null)).toBeUndefined();
    expect(sarExtensionProblem({ type: 'pi-extension', date: '2026-03-02' }, '2026-03-01')).toBeUndefined();
  });
});
