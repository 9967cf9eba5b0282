/**
 * The legal facts a letter names: which Act, which refusal provision, which commissioner, and what
 * each exemption is called and whether it carries a public interest test. Sources: FOIA 2000 Part II
 * and s2(3); EIR 2004 regs 12–14; FOISA 2002 Part 2, s2(2) and ss20–21; the Environmental
 * Information (Scotland) Regulations 2004 (SSI 2004/520) regs 10, 11, 13 and 16–17; see shared/DOMAIN.md.
 */
import type { Jurisdiction, Regime } from '../case-format';

export interface RegimeProfile {
  /** "Freedom of Information Act 2000": used as "under the {{act}}". */
  act: string;
  /** "FOIA": used as "of the {{actShort}}". */
  actShort: string;
  /** "Freedom of Information Request": the "Re:" line. */
  requestKind: string;
  /** "section 17 of the FOIA"; absent where the law has no refusal notice (subject access). */
  refusalProvision?: string;
  /** Who hears complaints: the UK Information Commissioner, or the Scottish one for FOISA/EISR. */
  commissioner: 'ico' | 'sic';
  /** Where the law fixes the window for asking for a review, the organisation cannot shorten it. */
  statutoryReviewWindow?: string;
}

const FOIA: RegimeProfile = {
  act: 'Freedom of Information Act 2000',
  actShort: 'FOIA',
  requestKind: 'Freedom of Information Request',
  refusalProvision: 'section 17 of the FOIA',
  commissioner: 'ico',
};
const EIR: RegimeProfile = {
  act: 'Environmental Information Regulations 2004',
  actShort: 'EIR',
  requestKind: 'Environmental Information Request',
  refusalProvision: 'regulation 14 of the EIR',
  commissioner: 'ico',
  // reg 11(2): representations within 40 working days of the refusal.
  statutoryReviewWindow: '40 working days',
};
const EISR: RegimeProfile = {
  act: 'Environmental Information (Scotland) Regulations 2004',
  actShort: 'EISR',
  requestKind: 'Environmental Information Request',
  refusalProvision: 'regulation 13 of the EISR',
  commissioner: 'sic',
  // reg 16(2): representations within 40 working days of the response (or of the time for it).
  statutoryReviewWindow: '40 working days',
};

const FOISA: RegimeProfile = {
  act: 'Freedom of Information (Scotland) Act 2002',
  actShort: 'FOISA',
  requestKind: 'Freedom of Information Request',
  refusalProvision: 'section 16 of FOISA',
  commissioner: 'sic',
  // s20(5): a requirement for review must be made within 40 working days.
  statutoryReviewWindow: '40 working days',
};

export function regimeProfile(regime: Regime, jurisdiction?: Jurisdiction): RegimeProfile {
  switch (regime) {
    case 'FOIA':
      return FOIA;
    case 'FOI-IR':
      return { ...FOIA, requestKind: 'Internal Review of Freedom of Information Request' };
    case 'EIR':
      return jurisdiction === 'scotland' ? EISR : EIR;
    case 'EIR-RECON':
      return {
        ...(jurisdiction === 'scotland' ? EISR : EIR),
        requestKind: 'Reconsideration of Environmental Information Request',
      };
    case 'FOISA':
      return FOISA;
    case 'FOISA-REVIEW':
      // The review outcome (s21(5)) names the rights of application to the Commissioner (s47(1))
      // and of appeal (s56), as s21(10) requires; there is no further review to ask for.
      return { ...FOISA, requestKind: 'Review of Freedom of Information Request' };
    case 'EISR':
      return EISR;
    case 'SAR':
      return {
        act: 'UK General Data Protection Regulation (Article 15) and the Data Protection Act 2018',
        actShort: 'UK GDPR',
        requestKind: 'Subject Access Request',
        commissioner: 'ico',
      };
  }
}

/**
 * The review window named in the letter. Where statute fixes it (EIR reg 11(2), FOISA s20(5)) that
 * wins; for FOIA the s45 Code lets the authority set it (no less than 40 working days is the ICO's
 * expectation), so the organisation's setting is used and "40 working days" is the default.
 */
export function reviewWindow(
  regime: Regime,
  organisationWindow: string | undefined,
  jurisdiction?: Jurisdiction,
): string {
  const statutory = regimeProfile(regime, jurisdiction).statutoryReviewWindow;
  if (statutory) return statutory;
  const own = organisationWindow?.trim();
  return own ? own : '40 working days';
}

export type ExemptionKind = 'absolute' | 'qualified' | 'unknown';

export interface ExemptionInfo {
  /** "Section 31(1)(a)", "Regulation 12(5)(e)". */
  section: string;
  /** The short name from the statute's heading, when known. */
  title?: string;
  /** Absolute: no public interest test. Unknown: a provision this table does not list. */
  kind: ExemptionKind;
}

interface Entry {
  title: string;
  absolute?: boolean | ((ref: string) => boolean);
}

// FOIA Part II; s2(3) lists the absolute ones.
const FOIA_EXEMPTIONS: Record<string, Entry> = {
  '21': { title: 'Information accessible to the applicant by other means', absolute: true },
  '22': { title: 'Information intended for future publication' },
  '22A': { title: 'Research' },
  '23': { title: 'Information supplied by, or concerning, certain security bodies', absolute: true },
  '24': { title: 'National security' },
  '26': { title: 'Defence' },
  '27': { title: 'International relations' },
  '28': { title: 'Relations within the United Kingdom' },
  '29': { title: 'The economy' },
  '30': { title: 'Investigations and proceedings conducted by public authorities' },
  '31': { title: 'Law enforcement' },
  '32': { title: 'Court records', absolute: true },
  '33': { title: 'Audit functions' },
  '34': { title: 'Parliamentary privilege', absolute: true },
  '35': { title: 'Formulation of government policy' },
  '36': { title: 'Prejudice to effective conduct of public affairs' },
  // s37(1)(a)–(ab) (the Sovereign, heir and second in line) are absolute; the rest is qualified.
  '37': {
    title: 'Communications with Her Majesty, etc. and honours',
    absolute: (ref) => /^\(1\)\(a[ab]?\)/.test(ref),
  },
  '38': { title: 'Health and safety' },
  '39': { title: 'Environmental information' },
  // s40(1) and s40(2) under the first condition (s40(3A)) are absolute; s40(3B) and s40(4A) are not.
  '40': {
    title: 'Personal information',
    absolute: (ref) => /^\((1|2)\)/.test(ref) && !/3B|4A/i.test(ref),
  },
  '41': { title: 'Information provided in confidence', absolute: true },
  '42': { title: 'Legal professional privilege' },
  '43': { title: 'Commercial interests' },
  '44': { title: 'Prohibitions on disclosure', absolute: true },
};

// EIR regs 12–13: every exception carries the public interest test with its presumption in favour
// of disclosure, except personal data under reg 13 (first condition), which is treated as absolute.
const EIR_EXCEPTIONS: Record<string, Entry> = {
  '12(4)(a)': { title: 'Information not held' },
  '12(4)(b)': { title: 'Manifestly unreasonable request' },
  '12(4)(c)': { title: 'Request formulated in too general a manner' },
  '12(4)(d)': { title: 'Material in the course of completion, unfinished documents or incomplete data' },
  '12(4)(e)': { title: 'Internal communications' },
  '12(5)(a)': { title: 'International relations, defence, national security or public safety' },
  '12(5)(b)': { title: 'The course of justice' },
  '12(5)(c)': { title: 'Intellectual property rights' },
  '12(5)(d)': { title: 'Confidentiality of proceedings' },
  '12(5)(e)': { title: 'Confidentiality of commercial or industrial information' },
  '12(5)(f)': { title: 'Interests of the person who provided the information' },
  '12(5)(g)': { title: 'Protection of the environment' },
  '13': { title: 'Personal data', absolute: true },
};

// EISR regs 10–11: as the EIR, every exception carries the public interest test (reg 10(1)(b)) with
// the presumption in favour of disclosure (reg 10(2)); personal data under reg 11(2)(a) (the first
// condition) and the requester's own data under reg 11(1) are treated as absolute.
const EISR_EXCEPTIONS: Record<string, Entry> = {
  '10(4)(a)': { title: 'Information not held' },
  '10(4)(b)': { title: 'Manifestly unreasonable request' },
  '10(4)(c)': { title: 'Request formulated in too general a manner' },
  '10(4)(d)': { title: 'Material in the course of completion, unfinished documents or incomplete data' },
  '10(4)(e)': { title: 'Internal communications' },
  '10(5)(a)': { title: 'International relations, defence, national security or public safety' },
  '10(5)(b)': { title: 'The course of justice' },
  '10(5)(c)': { title: 'Intellectual property rights' },
  '10(5)(d)': { title: 'Confidentiality of proceedings' },
  '10(5)(e)': { title: 'Confidentiality of commercial or industrial information' },
  '10(5)(f)': { title: 'Interests of the person who provided the information' },
  '10(5)(g)': { title: 'Protection of the environment' },
  '11': { title: 'Personal data', absolute: (ref) => !/\(2\)\(b\)|3B|4A/i.test(ref) },
};

// FOISA Part 2; s2(2) lists the absolute ones.
const FOISA_EXEMPTIONS: Record<string, Entry> = {
  '25': { title: 'Information otherwise accessible', absolute: true },
  '26': { title: 'Prohibitions on disclosure', absolute: true },
  '27': { title: 'Information intended for future publication' },
  '28': { title: 'Relations within the United Kingdom' },
  '29': { title: 'Formulation of Scottish Administration policy' },
  '30': { title: 'Prejudice to effective conduct of public affairs' },
  '31': { title: 'National security and defence' },
  '32': { title: 'International relations' },
  '33': { title: 'Commercial interests and the economy' },
  '34': { title: 'Investigations by Scottish public authorities and proceedings' },
  '35': { title: 'Law enforcement' },
  '36': { title: 'Confidentiality', absolute: (ref) => ref.startsWith('(2)') },
  '37': { title: 'Court records', absolute: true },
  '38': { title: 'Personal information', absolute: (ref) => ref.startsWith('(1)') },
  '39': { title: 'Health, safety and the environment' },
  '40': { title: 'Audit functions' },
  '41': { title: 'Communications with His Majesty and honours' },
};

const PROVISION =
  /^\s*(FOIA|FOISA|EIR|EISR|DPA(?:\s*2018)?|UK\s*GDPR)?\s*(s|sec|section|reg|regulation|art|article|sch|schedule)?\.?\s*(\d+[A-Z]?)\s*(.*)$/i;

const KIND_WORD: Record<string, string> = {
  s: 'Section',
  sec: 'Section',
  section: 'Section',
  reg: 'Regulation',
  regulation: 'Regulation',
  art: 'Article',
  article: 'Article',
  sch: 'Schedule',
  schedule: 'Schedule',
};

function lawOf(regime: Regime): 'FOIA' | 'EIR' | 'FOISA' | 'EISR' | 'SAR' {
  if (regime === 'FOISA' || regime === 'FOISA-REVIEW') return 'FOISA';
  if (regime === 'EISR') return 'EISR';
  if (regime === 'EIR' || regime === 'EIR-RECON') return 'EIR';
  if (regime === 'SAR') return 'SAR';
  return 'FOIA';
}

function classify(entry: Entry | undefined, ref: string): ExemptionKind {
  if (!entry) return 'unknown';
  const abs = typeof entry.absolute === 'function' ? entry.absolute(ref) : entry.absolute === true;
  return abs ? 'absolute' : 'qualified';
}

/**
 * Reads a provision as the case format writes it ("FOIA s31(1)(a)", "EIR reg 12(5)(e)",
 * "FOISA s38(1)(b)") into the words a letter uses and the kind of test it needs. A provision it
 * cannot read comes back as written, with kind `unknown`.
 */
export function describeExemption(provision: string, regime: Regime): ExemptionInfo {
  const m = PROVISION.exec(provision);
  if (!m) return { section: provision.trim(), kind: 'unknown' };
  const prefix = (m[1] ?? '').toUpperCase().replace(/\s+/g, ' ');
  const law = prefix.startsWith('FOISA')
    ? 'FOISA'
    : prefix.startsWith('EISR')
      ? 'EISR'
      : prefix.startsWith('EI')
        ? 'EIR'
        : prefix.startsWith('FOIA')
          ? 'FOIA'
          : prefix
            ? 'SAR'
            : lawOf(regime);
  const number = (m[3] ?? '').toUpperCase();
  const rest = (m[4] ?? '').replace(/\s+/g, '');
  const word = m[2]
    ? (KIND_WORD[m[2].toLowerCase()] ?? 'Section')
    : law === 'EIR' || law === 'EISR'
      ? 'Regulation'
      : 'Section';
  const tail = (m[4] ?? '').trim().replace(/\)\s+\(/g, ')(');
  const section = `${word} ${number}${tail === '' || tail.startsWith('(') ? tail : ` ${tail}`}`;

  let entry: Entry | undefined;
  if (law === 'FOIA') entry = FOIA_EXEMPTIONS[number];
  else if (law === 'FOISA') entry = FOISA_EXEMPTIONS[number];
  else if (law === 'EIR') {
    const key = `${number}${rest}`;
    entry =
      number === '13'
        ? EIR_EXCEPTIONS['13']
        : Object.entries(EIR_EXCEPTIONS).find(([k]) => key.startsWith(k))?.[1];
  } else if (law === 'EISR') {
    const key = `${number}${rest}`;
    entry =
      number === '11'
        ? EISR_EXCEPTIONS['11']
        : Object.entries(EISR_EXCEPTIONS).find(([k]) => key.startsWith(k))?.[1];
  }
  const info: ExemptionInfo = { section, kind: law === 'SAR' ? 'unknown' : classify(entry, rest) };
  if (entry) info.title = entry.title;
  return info;
}

/** The data protection regime has no public interest test in the FOI sense. */
export function hasPublicInterestTest(regime: Regime): boolean {
  return regime !== 'SAR';
}

/** s12 appropriate limit (FOI Fees Regulations 2004 / FOI (Scotland) Fees Regulations 2004). */
export function costLimit(regime: Regime): { limit: string; hours: string; rate: string } {
  // Scottish authorities: £600, with staff time charged at no more than £15 an hour.
  if (regime === 'FOISA' || regime === 'FOISA-REVIEW') return { limit: '£600', hours: '40', rate: '£15' };
  // Bodies outside central government, NHS trusts included: £450, i.e. 18 hours at £25 an hour.
  return { limit: '£450', hours: '18', rate: '£25' };
}
