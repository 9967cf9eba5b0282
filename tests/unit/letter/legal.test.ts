import { describe, expect, it } from 'vitest';
import { costLimit, describeExemption, regimeProfile, reviewWindow } from '../../../shared/letter/legal';

describe('describeExemption', () => {
  it.each([
    ['FOIA s31(1)(a)', 'FOIA', 'Section 31(1)(a)', 'Law enforcement', 'qualified'],
    ['FOIA s40(2)', 'FOIA', 'Section 40(2)', 'Personal information', 'absolute'],
    ['FOIA s40(2) and (4A)(a)', 'FOIA', 'Section 40(2) and (4A)(a)', 'Personal information', 'qualified'],
    ['FOIA s21', 'FOIA', 'Section 21', 'Information accessible to the applicant by other means', 'absolute'],
    ['s43(2)', 'FOIA', 'Section 43(2)', 'Commercial interests', 'qualified'],
    [
      'FOIA s37(1)(a)',
      'FOIA',
      'Section 37(1)(a)',
      'Communications with Her Majesty, etc. and honours',
      'absolute',
    ],
    [
      'FOIA s37(1)(b)',
      'FOIA',
      'Section 37(1)(b)',
      'Communications with Her Majesty, etc. and honours',
      'qualified',
    ],
    [
      'EIR reg 12(5)(e)',
      'EIR',
      'Regulation 12(5)(e)',
      'Confidentiality of commercial or industrial information',
      'qualified',
    ],
    ['EIR reg 13(1)', 'EIR', 'Regulation 13(1)', 'Personal data', 'absolute'],
    ['FOISA s38(1)(b)', 'FOISA', 'Section 38(1)(b)', 'Personal information', 'absolute'],
    [
      'FOISA s30(b)(i)',
      'FOISA',
      'Section 30(b)(i)',
      'Prejudice to effective conduct of public affairs',
      'qualified',
    ],
  ] as const)('%s', (provision, regime, section, title, kind) => {
    expect(describeExemption(provision, regime)).toMatchObject({ section, title, kind });
  });

  it('names the neither-confirm-nor-deny subsection and the EIR adverse-effect test', () => {
    expect(describeExemption('FOIA s31(1)(a)', 'FOIA').ncnd).toBe('section 31(3)');
    expect(describeExemption('FOIA s40(2)', 'FOIA').ncnd).toBe('section 40(5A) and (5B)');
    expect(describeExemption('EIR reg 12(5)(a)', 'EIR')).toMatchObject({
      ncnd: 'regulation 12(6)',
      adverseEffect: true,
    });
    expect(describeExemption('EIR reg 12(4)(e)', 'EIR').adverseEffect).toBeUndefined();
  });

  it('names a DPA 2018 schedule exemption as a subject access letter writes it', () => {
    expect(describeExemption('DPA 2018 Sch 2 para 16', 'SAR')).toEqual({
      section: 'Schedule 2, paragraph 16 of the Data Protection Act 2018',
      title: 'Protection of the rights of others (information about another individual)',
      kind: 'absolute',
    });
    expect(describeExemption('UK GDPR Art 12(5)(b)', 'SAR').section).toBe('Article 12(5)(b) of the UK GDPR');
  });

  it('returns a provision it cannot read as written', () => {
    expect(describeExemption('Schedule 9 paragraph 5', 'SAR')).toMatchObject({ kind: 'unknown' });
    expect(describeExemption('common law', 'FOIA')).toEqual({ section: 'common law', kind: 'unknown' });
    expect(describeExemption('FOIA s99', 'FOIA')).toEqual({ section: 'Section 99', kind: 'unknown' });
  });
});

describe('regimes', () => {
  it('names the Act for each regime', () => {
    expect(regimeProfile('FOIA').act).toBe('Freedom of Information Act 2000');
    expect(regimeProfile('EIR').act).toBe('Environmental Information Regulations 2004');
    expect(regimeProfile('FOISA').act).toBe('Freedom of Information (Scotland) Act 2002');
    expect(regimeProfile('SAR').act).toContain('Data Protection Act 2018');
    expect(regimeProfile('SAR').refusalProvision).toBeUndefined();
    expect(regimeProfile('EIR', 'scotland').act).toBe(
      'Environmental Information (Scotland) Regulations 2004',
    );
  });

  it('uses the organisation review window only where the law leaves it open', () => {
    expect(reviewWindow('FOIA', 'two months')).toBe('two months');
    expect(reviewWindow('FOIA', undefined)).toBe('40 working days');
    expect(reviewWindow('FOIA', '  ')).toBe('40 working days');
    expect(reviewWindow('EIR', 'two months')).toBe('40 working days');
    expect(reviewWindow('FOISA', '20 days')).toBe('40 working days');
  });

  it('states the cost limit', () => {
    expect(costLimit('FOIA')).toEqual({ limit: '£450', hours: '18', rate: '£25' });
    expect(costLimit('FOISA').limit).toBe('£600');
  });
});
