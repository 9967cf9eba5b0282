/**
 * The legal facts a letter names: which Act, which refusal provision, which commissioner, and what
 * each exemption is called and whether it carries a public interest test. Sources: FOIA 2000 Part II
 * and s2(3); EIR 2004 regs 12–14; FOISA 2002 Part 2, s2(2) and ss20–21; the Environmental
 * Information (Scotland) Regulations 2004 (SSI 2004/520) regs 10, 11, 13 and 16–17; see shared/DOMAIN.md.
 */
import type { Jurisdiction, Regime } from '../case-format';
import type { IsoDate } from '../dates';
import { matchProvision } from '../exemptions';

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
  /**
   * The provision that excludes the duty to confirm or deny (FOIA s1(1)(a)) for this exemption, as
   * a letter writes it: "section 31(3)", "regulation 12(6)". From the catalogue (shared/exemptions.ts).
   */
  ncnd?: string;
  /** The EIR reg 12(5) adverse-effect test: "would adversely affect", never "prejudice" (the EISR keep "prejudice substantially"). */
  adverseEffect?: boolean;
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
  if (law === 'SAR') return describeDataProtection(provision);
  const info: ExemptionInfo = { section, kind: classify(entry, rest) };
  if (entry) info.title = entry.title;
  const found = matchProvision(provision);
  if (found?.entry.ncnd) info.ncnd = provisionWords(found.entry.ncnd);
  if (found?.entry.test === 'adverse-effect') info.adverseEffect = true;
  return info;
}

/** "s31(3)" → "section 31(3)", "reg 12(6)" → "regulation 12(6)", as running text writes them. */
export function provisionWords(provision: string): string {
  return provision
    .replace(/^s(?=\d)/, 'section ')
    .replace(/^reg /, 'regulation ')
    .replace(/\band (?=\()/g, 'and ');
}

/**
 * A DPA 2018 schedule exemption or UK GDPR Article 12(5) as a subject access letter names it:
 * "Schedule 2, paragraph 16 of the Data Protection Act 2018". No public interest test applies
 * (each has its own condition, which the reason must show), so the kind is absolute.
 */
function describeDataProtection(provision: string): ExemptionInfo {
  const found = matchProvision(provision);
  const text = provision.trim().replace(/\s+/g, ' ');
  const gdpr = /^UK ?GDPR/i.test(text);
  const body = text
    .replace(/^(DPA( 2018)?|UK ?GDPR)\s*/i, '')
    .replace(/\bSch\.? ?(\d+)/i, 'Schedule $1')
    .replace(/\bparas?\.? ?(\d+)/gi, 'paragraph $1')
    .replace(/\bArt\.? ?(\d+)/i, 'Article $1')
    .replace(/^(Schedule \d+) (paragraph)/, '$1, $2');
  const info: ExemptionInfo = {
    section: `${body} of the ${gdpr ? 'UK GDPR' : 'Data Protection Act 2018'}`,
    kind: found ? 'absolute' : 'unknown',
  };
  const title = found?.entry.title;
  if (title) info.title = title;
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

// ---------------------------------------------------------------------------------------------
// The law as it stands on the letter's date

/**
 * The Data (Use and Access) Act 2025 s76 replaced the subject access time limit and extension in
 * UK GDPR Article 12(3) with Article 12A (the "applicable time period", its extension by two
 * further months by notice within the first month, and the stopped clock). Commenced on 5 February
 * 2026 by the Data (Use and Access) Act 2025 (Commencement No. 6 and Transitional and Saving
 * Provisions) Regulations 2026 (SI 2026/82), reg 2(h).
 */
export const ARTICLE_12A_IN_FORCE: IsoDate = '2026-02-05';

export interface SarTimeLimitLaw {
  /** "Article 12A" or "Article 12(3)": the provision a letter of that date cites. */
  provision: string;
  /** Where the extension and its notice are found, for the template notes and the warning text. */
  source: string;
}

/** The provision on the SAR time limit and its extension in force on `date`. */
export function sarTimeLimitLaw(date: IsoDate): SarTimeLimitLaw {
  return date >= ARTICLE_12A_IN_FORCE
    ? {
        provision: 'Article 12A',
        source:
          'UK GDPR Article 12A, inserted by the Data (Use and Access) Act 2025 s76 (in force 5 February 2026, SI 2026/82 reg 2(h))',
      }
    : { provision: 'Article 12(3)', source: 'UK GDPR Article 12(3) (before 5 February 2026)' };
}

/** What the UK regulator is called from a date, and why. */
export interface RegulatorName {
  /** The first day the name is used; null while the change that brings it has not commenced. */
  from: IsoDate | null;
  /** Used in running text: "apply to the Information Commissioner". */
  name: string;
  /** As it signs its correspondence, before the address: "Information Commissioner's Office". */
  office: string;
  source: string;
}

/**
 * The Information Commissioner (FOIA s18(1), continued by DPA 2018 s114) becomes the Information
 * Commission, a body corporate, under the Data (Use and Access) Act 2025 ss117–119. Section 117
 * (establishing the Commission) was commenced on 20 August 2025, except s117(4)(a), by SI 2025/904
 * reg 2(r); the office is abolished and its functions pass to the Commission only when ss118–119
 * are brought into force, and the consequential renaming in other Acts (SI 2026/386 reg 1(2)) waits
 * for s119. No commencement date for s119 had been made when this table was written (1 December
 * 2026; as of June 2026 the office still had a Commissioner, whose resignation left the functions
 * delegated), so the Commission's `from` is null. When the commencement regulations are made, set
 * `from` to the day s119 comes into force and cite them here: every letter dated from that day
 * names the Commission.
 */
export const REGULATOR_NAMES: readonly RegulatorName[] = [
  {
    from: '2001-01-30',
    name: 'the Information Commissioner',
    office: "Information Commissioner's Office",
    source: 'FOIA 2000 s18(1) (the Data Protection Commissioner renamed, 30 January 2001); DPA 2018 s114',
  },
  {
    from: null,
    name: 'the Information Commission',
    office: 'Information Commission',
    source:
      'Data (Use and Access) Act 2025 ss117–119; s117 in force 20 August 2025 (SI 2025/904 reg 2(r)); ss118–119 not yet commenced; consequential amendments SI 2026/386',
  },
];

/** The regulator's name on `date`: the latest entry of `table` that has commenced by then. */
export function regulatorOn(date: IsoDate, table: readonly RegulatorName[] = REGULATOR_NAMES): RegulatorName {
  let current: RegulatorName | undefined;
  for (const entry of table) {
    if (entry.from !== null && entry.from <= date && (!current || current.from! <= entry.from))
      current = entry;
  }
  const first = table[0];
  if (!current && !first) throw new Error('The regulator table is empty.');
  return current ?? first!;
}

// ---------------------------------------------------------------------------------------------
// Values the templates name (see templates/README.md)

/** For running prose: "Law enforcement" → "law enforcement", but "NHS…" stays as it is. */
function lowerInitial(value: string): string {
  // "Schedule 2" and "Article 15" keep their capital in running text, as legislation writes them.
  if (/^(Schedule|Article) /.test(value)) return value;
  return /^[A-Z][a-z]/.test(value) ? value.charAt(0).toLowerCase() + value.slice(1) : value;
}

/** "question 5", "questions 1 and 2", "questions 1, 1.1 and 2". */
export function questionList(numbers: readonly string[]): string {
  const n = numbers.map((x) => x.trim());
  if (n.length <= 1) return `question ${n[0] ?? ''}`.trim();
  return `questions ${n.slice(0, -1).join(', ')} and ${n[n.length - 1]}`;
}

function capitalise(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

/**
 * DPA 2018 s164A (complaints to the controller: a way to complain, acknowledged within 30 days),
 * inserted by the Data (Use and Access) Act 2025 s103; in force 19 June 2026 (SI 2026/82 reg 3).
 */
export const CONTROLLER_COMPLAINTS_IN_FORCE: IsoDate = '2026-06-19';

function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export interface RecordedExemption {
  /** "section 31(1)(a) (law enforcement)". */
  label: string;
  info: ExemptionInfo;
  /** The questions (parts included) it is recorded against, in the order of the request. */
  questions: string[];
  /** True when any of those answers neither confirms nor denies. */
  ncnd: boolean;
  /** The reasons recorded for it (s17(1)(c)), each once. */
  reasons: string[];
}

interface QuestionLike {
  number: string;
  parts?: QuestionLike[] | undefined;
  response?:
    | {
        outcome: string;
        exemptions?: { provision: string; title?: string | undefined; reason: string }[] | undefined;
      }
    | undefined;
}

/** Each exemption recorded on the case once, with the questions it covers (s17(1)(a)–(b)). */
export function recordedExemptions(questions: readonly QuestionLike[], regime: Regime): RecordedExemption[] {
  const byKey = new Map<string, RecordedExemption>();
  const walk = (qs: readonly QuestionLike[], depth: number) => {
    for (const q of qs) {
      for (const ex of q.response?.exemptions ?? []) {
        const info = describeExemption(ex.provision, regime);
        const title = ex.title?.trim() || info.title;
        const label = title
          ? `${lowerInitial(info.section)} (${lowerInitial(title)})`
          : lowerInitial(info.section);
        const key = label.toLowerCase();
        const found = byKey.get(key) ?? { label, info, questions: [], ncnd: false, reasons: [] };
        if (title) found.info = { ...found.info, title };
        const reason = ex.reason.trim();
        if (reason && !found.reasons.includes(reason)) found.reasons.push(reason);
        if (!found.questions.includes(q.number.trim())) found.questions.push(q.number.trim());
        if (q.response?.outcome === 'ncnd') found.ncnd = true;
        byKey.set(key, found);
      }
      if (depth < 6 && q.parts) walk(q.parts, depth + 1);
    }
  };
  walk(questions, 0);
  return [...byKey.values()];
}

/**
 * The values that depend on the law in force on the letter's date and on the exemptions recorded:
 * the regulator's name, the SAR time-limit provision, which recorded exemptions are qualified and
 * which absolute (a s17(2) notice may only extend time for a qualified one), and which parts of the
 * request each exemption covers.
 */
export function lawValues(
  c: { regime: Regime; questions: readonly QuestionLike[] },
  date: IsoDate,
): Record<string, string | undefined> {
  const regulator = regulatorOn(date);
  const recorded = recordedExemptions(c.questions, c.regime);
  const qualified = recorded.filter((r) => r.info.kind !== 'absolute');
  const absolute = recorded.filter((r) => r.info.kind === 'absolute');
  const labels = (list: RecordedExemption[]) => joinAnd(list.map((r) => r.label));
  const isAre = (list: RecordedExemption[], one: string, many: string) => (list.length === 1 ? one : many);
  return {
    'regulator.name': regulator.name,
    'regulator.office': regulator.office,
    'regulator.nameStart': capitalise(regulator.name),
    'sar.controllerComplaint':
      c.regime === 'SAR' && date >= CONTROLLER_COMPLAINTS_IN_FORCE
        ? 'Section 164A of the Data Protection Act 2018 gives you the right to complain to us first; we will acknowledge your complaint within 30 days and respond to it without undue delay.'
        : undefined,
    'sar.timeLimitProvision': c.regime === 'SAR' ? sarTimeLimitLaw(date).provision : undefined,
    qualifiedExemptions: qualified.length > 0 ? labels(qualified) : undefined,
    qualifiedExemptionsKind:
      qualified.length > 0
        ? isAre(qualified, 'This is a qualified exemption', 'These are qualified exemptions')
        : undefined,
    absoluteExemptionsNote:
      absolute.length > 0
        ? `${capitalise(labels(absolute))} ${isAre(absolute, 'is an absolute exemption, so no public interest test is needed for it', 'are absolute exemptions, so no public interest test is needed for them')}; our response will apply ${isAre(absolute, 'it', 'them')} as well.`
        : undefined,
    exemptionCoverage:
      recorded.length > 0
        ? recorded.map((r) => `${r.label}: ${questionList(r.questions)}`).join('; ')
        : undefined,
  };
}
