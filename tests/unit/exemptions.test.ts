import { describe, expect, it } from 'vitest';
import {
  EXEMPTIONS,
  exemptionsFor,
  findExemption,
  kindOf,
  likelihoodsFor,
  matchProvision,
  needsPublicInterestTest,
  provisionLabel,
} from '../../shared/exemptions';

describe('the exemption catalogue', () => {
  it('holds FOIA s21 to s44 (no s25, which does not exist), the EIR exceptions and FOISA s25 to s41', () => {
    const foia = exemptionsFor('FOIA').map((e) => e.provision);
    expect(foia).toEqual([
      's21',
      's22',
      's22A',
      's23',
      's24',
      's26',
      's27',
      's28',
      's29',
      's30',
      's31',
      's32',
      's33',
      's34',
      's35',
      's36',
      's37',
      's38',
      's39',
      's40',
      's41',
      's42',
      's43',
      's44',
    ]);
    expect(exemptionsFor('EIR').map((e) => e.provision)).toEqual([
      'reg 12(4)(a)',
      'reg 12(4)(b)',
      'reg 12(4)(c)',
      'reg 12(4)(d)',
      'reg 12(4)(e)',
      'reg 12(5)(a)',
      'reg 12(5)(b)',
      'reg 12(5)(c)',
      'reg 12(5)(d)',
      'reg 12(5)(e)',
      'reg 12(5)(f)',
      'reg 12(5)(g)',
      'reg 13',
    ]);
    expect(exemptionsFor('FOISA').map((e) => e.provision)).toEqual(
      Array.from({ length: 17 }, (_, i) => `s${25 + i}`),
    );
    expect(exemptionsFor('FOI-IR')).toEqual(exemptionsFor('FOIA'));
    // A subject access refusal draws on the DPA 2018 schedules and UK GDPR Art 12(5) only.
    expect(new Set(exemptionsFor('SAR').map((e) => e.law))).toEqual(new Set(['DPA 2018', 'UK GDPR']));
    expect(exemptionsFor('SAR').map((e) => e.provision)).toContain('Sch 2 para 16');
    expect(exemptionsFor('FOIA').some((e) => e.law === 'DPA 2018')).toBe(false);
    expect(new Set(EXEMPTIONS.map((e) => e.id)).size).toBe(EXEMPTIONS.length);
  });

  it('marks the absolute FOIA exemptions of s2(3) as needing no public interest test', () => {
    const absolute = exemptionsFor('FOIA')
      .filter((e) => e.kind === 'absolute')
      .map((e) => e.provision);
    expect(absolute).toEqual(['s21', 's23', 's32', 's34', 's41', 's44']);
    const s40 = findExemption('foia-s40')!;
    expect(needsPublicInterestTest(s40, '(2)')).toBe(false);
    expect(needsPublicInterestTest(s40, '(2) and (3A)(b)')).toBe(true);
    expect(needsPublicInterestTest(findExemption('foia-s37')!, '(1)(a)')).toBe(false);
    expect(needsPublicInterestTest(findExemption('foia-s37')!, '(1)(b)')).toBe(true);
  });

  it('asks for a public interest test for every EIR exception except the first condition of reg 13', () => {
    for (const e of exemptionsFor('EIR')) {
      if (e.provision === 'reg 13') continue;
      expect(needsPublicInterestTest(e)).toBe(true);
    }
    expect(kindOf(findExemption('eir-13')!, '(1)')).toBe('absolute');
  });

  it('offers the likelihoods each test allows', () => {
    const s31 = findExemption('foia-s31')!;
    expect(likelihoodsFor(s31, '(1)(a)')).toEqual(['would', 'would be likely to']);
    expect(likelihoodsFor(findExemption('foia-s42')!)).toEqual([]);
    expect(likelihoodsFor(findExemption('eir-12-5-e')!)).toEqual(['would']);
    expect(likelihoodsFor(findExemption('foia-s43')!, '(1)')).toEqual([]);
    expect(likelihoodsFor(findExemption('foia-s43')!, '(2)')).toEqual(['would', 'would be likely to']);
  });

  it('writes and reads back the provision text stored with an applied exemption', () => {
    const s31 = findExemption('foia-s31')!;
    expect(provisionLabel(s31, '(1)(a)')).toBe('FOIA s31(1)(a)');
    const found = matchProvision('FOIA s31(1)(a)');
    expect(found?.entry.id).toBe('foia-s31');
    expect(found?.subsection?.title).toBe('The prevention or detection of crime');
    expect(matchProvision('FOIA s22A(1)')?.entry.id).toBe('foia-s22a');
    expect(matchProvision('FOIA s22(1)')?.entry.id).toBe('foia-s22');
    expect(matchProvision('EIR reg 12(5)(e)')?.entry.id).toBe('eir-12-5-e');
    expect(provisionLabel(findExemption('foia-s40')!, '(2) and (3A)(b)')).toBe('FOIA s40 (2) and (3A)(b)');
    expect(matchProvision('FOIA s40 (2) and (3A)(b)')?.subsection?.kind).toBe('qualified');
    expect(matchProvision('Section 99')).toBeUndefined();
  });

  it('gives every FOIA entry except s21 a neither-confirm-nor-deny provision', () => {
    for (const e of exemptionsFor('FOIA')) {
      if (e.provision === 's21') expect(e.ncnd).toBeUndefined();
      else expect(e.ncnd).toMatch(/^s\d/);
    }
  });
});
