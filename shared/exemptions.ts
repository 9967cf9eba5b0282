/**
 * The built-in catalogue of exemptions and exceptions the officer picks from: FOIA Part II
 * (s21–s44), the EIR exceptions (regs 12(4), 12(5) and 13), FOISA Part 2 (s25–s41) and the
 * Environmental Information (Scotland) Regulations 2004 exceptions (regs 10(4), 10(5) and 11). Each says
 * whether it is absolute or qualified (a qualified one needs a public interest test) and what harm
 * test it uses, so the case page can ask for the right things. An applied exemption is stored as its
 * provision text ("FOIA s31(1)(a)"), as the interchange format has it; {@link matchProvision} finds
 * the catalogue entry again.
 */
import type { Regime } from './case-format';

/** DPA 2018 and UK GDPR: the restrictions on a data subject's rights a subject access refusal relies on. */
export type ExemptionLaw = 'FOIA' | 'EIR' | 'FOISA' | 'EISR' | 'DPA 2018' | 'UK GDPR';
/** Mixed: absolute for some subsections, qualified for others (see each subsection). */
export type ExemptionKind = 'absolute' | 'qualified' | 'mixed';
export type HarmTest =
  | 'class'
  | 'prejudice'
  | 'substantial-prejudice'
  | 'adverse-effect'
  | 'endanger'
  | 'safeguarding'
  | 'qualified-person'
  | 'confidence'
  | 'serious-harm';

export interface ExemptionSubsection {
  /** As written after the section: "(1)(a)", "(2)(b)(i)". */
  ref: string;
  title: string;
  /** Overrides the entry's kind or test for this subsection (s40, s43, s37 …). */
  kind?: 'absolute' | 'qualified';
  test?: HarmTest;
}

export interface ExemptionEntry {
  /** Stable key: "foia-s31", "eir-12-5-e", "foisa-s35". */
  id: string;
  law: ExemptionLaw;
  /** "s31", "reg 12(5)(e)". */
  provision: string;
  title: string;
  kind: ExemptionKind;
  test: HarmTest;
  subsections: readonly ExemptionSubsection[];
  /** The provision that lets the authority neither confirm nor deny, where there is one. */
  ncnd?: string;
  /** Something the officer must know before applying it. */
  note?: string;
}

export const HARM_TESTS: Record<HarmTest, string> = {
  class: 'Class-based: it applies to the kind of information, with no harm to show.',
  prejudice: 'Prejudice-based: disclosure would, or would be likely to, prejudice the interest.',
  'substantial-prejudice':
    'Substantial prejudice: disclosure would, or would be likely to, prejudice the interest substantially.',
  'adverse-effect':
    'Adverse effect: disclosure would (more probably than not) adversely affect the interest.',
  endanger: 'Endangerment: disclosure would, or would be likely to, endanger health or safety.',
  safeguarding: 'Exemption is required for the purpose of safeguarding national security.',
  'qualified-person':
    'Prejudice in the reasonable opinion of the qualified person (record whose opinion and when it was given).',
  confidence: 'Disclosure would be an actionable breach of confidence.',
  'serious-harm':
    'Serious harm test: supplying the data would be likely to cause serious harm to the physical or mental health of the data subject or another individual (the opinion of the appropriate health professional, DPA 2018 Sch 3 para 2 and 5).',
};

const sub = (ref: string, title: string, extra: Partial<ExemptionSubsection> = {}): ExemptionSubsection => ({
  ref,
  title,
  ...extra,
});

const FOIA: ExemptionEntry[] = [
  {
    id: 'foia-s21',
    law: 'FOIA',
    provision: 's21',
    title: 'Information accessible to the applicant by other means',
    kind: 'absolute',
    test: 'class',
    subsections: [sub('(1)', 'Reasonably accessible to the applicant otherwise than under section 1')],
    note: 'Give the link or say where the information is published.',
  },
  {
    id: 'foia-s22',
    law: 'FOIA',
    provision: 's22',
    title: 'Information intended for future publication',
    kind: 'qualified',
    test: 'class',
    subsections: [sub('(1)', 'Held with a view to publication at a future date')],
    ncnd: 's22(2)',
  },
  {
    id: 'foia-s22a',
    law: 'FOIA',
    provision: 's22A',
    title: 'Research',
    kind: 'qualified',
    test: 'prejudice',
    subsections: [sub('(1)', 'Obtained in the course of an ongoing programme of research')],
    ncnd: 's22A(2)',
  },
  {
    id: 'foia-s23',
    law: 'FOIA',
    provision: 's23',
    title: 'Information supplied by, or relating to, bodies dealing with security matters',
    kind: 'absolute',
    test: 'class',
    subsections: [sub('(1)', 'Supplied by, or relating to, a body listed in section 23(3)')],
    ncnd: 's23(5)',
  },
  {
    id: 'foia-s24',
    law: 'FOIA',
    provision: 's24',
    title: 'National security',
    kind: 'qualified',
    test: 'safeguarding',
    subsections: [sub('(1)', 'Required for the purpose of safeguarding national security')],
    ncnd: 's24(2)',
  },
  {
    id: 'foia-s26',
    law: 'FOIA',
    provision: 's26',
    title: 'Defence',
    kind: 'qualified',
    test: 'prejudice',
    subsections: [
      sub('(1)(a)', 'The defence of the British Islands or of any colony'),
      sub('(1)(b)', 'The capability, effectiveness or security of any relevant forces'),
    ],
    ncnd: 's26(3)',
  },
  {
    id: 'foia-s27',
    law: 'FOIA',
    provision: 's27',
    title: 'International relations',
    kind: 'qualified',
    test: 'prejudice',
    subsections: [
      sub('(1)(a)', 'Relations between the United Kingdom and any other State'),
      sub('(1)(b)', 'Relations between the United Kingdom and any international organisation or court'),
      sub('(1)(c)', 'The interests of the United Kingdom abroad'),
      sub('(1)(d)', 'The promotion or protection by the United Kingdom of its interests abroad'),
      sub('(2)', 'Confidential information obtained from another State, organisation or court', {
        test: 'class',
      }),
    ],
    ncnd: 's27(4)',
  },
  {
    id: 'foia-s28',
    law: 'FOIA',
    provision: 's28',
    title: 'Relations within the United Kingdom',
    kind: 'qualified',
    test: 'prejudice',
    subsections: [
      sub(
        '(1)',
        'Relations between any administration in the United Kingdom and any other such administration',
      ),
    ],
    ncnd: 's28(3)',
  },
  {
    id: 'foia-s29',
    law: 'FOIA',
    provision: 's29',
    title: 'The economy',
    kind: 'qualified',
    test: 'prejudice',
    subsections: [
      sub('(1)(a)', 'The economic interests of the United Kingdom or of any part of it'),
      sub('(1)(b)', 'The financial interests of any administration in the United Kingdom'),
    ],
    ncnd: 's29(2)',
  },
  {
    id: 'foia-s30',
    law: 'FOIA',
    provision: 's30',
    title: 'Investigations and proceedings conducted by public authorities',
    kind: 'qualified',
    test: 'class',
    subsections: [
      sub('(1)(a)', 'Held for an investigation into whether a person should be charged with an offence'),
      sub(
        '(1)(b)',
        'Held for an investigation that may lead to a decision to institute criminal proceedings',
      ),
      sub('(1)(c)', 'Held for criminal proceedings the authority has power to conduct'),
      sub('(2)', 'Relates to obtaining information from confidential sources'),
    ],
    ncnd: 's30(3)',
  },
  {
    id: 'foia-s31',
    law: 'FOIA',
    provision: 's31',
    title: 'Law enforcement',
    kind: 'qualified',
    test: 'prejudice',
    subsections: [
      sub('(1)(a)', 'The prevention or detection of crime'),
      sub('(1)(b)', 'The apprehension or prosecution of offenders'),
      sub('(1)(c)', 'The administration of justice'),
      sub('(1)(d)', 'The assessment or collection of any tax or duty'),
      sub('(1)(e)', 'The operation of the immigration controls'),
      sub('(1)(f)', 'The maintenance of security and good order in prisons'),
      sub('(1)(g)', 'The exercise by any public authority of its functions for a purpose in section 31(2)'),
      sub('(1)(h)', 'Civil proceedings arising out of an investigation for a purpose in section 31(2)'),
      sub('(1)(i)', 'An inquiry under the Fatal Accidents and Sudden Deaths Inquiry (Scotland) Act 1976'),
    ],
    ncnd: 's31(3)',
    note: 'Not available for information that falls within section 30.',
  },
  {
    id: 'foia-s32',
    law: 'FOIA',
    provision: 's32',
    title: 'Court records, etc.',
    kind: 'absolute',
    test: 'class',
    subsections: [
      sub('(1)', 'Held only because it is in a document filed with, served by or created by a court'),
      sub(
        '(2)',
        'Held only because it is in a document placed in the custody of, or created by, an inquiry or arbitration',
      ),
    ],
    ncnd: 's32(3)',
  },
  {
    id: 'foia-s33',
    law: 'FOIA',
    provision: 's33',
    title: 'Audit functions',
    kind: 'qualified',
    test: 'prejudice',
    subsections: [sub('(2)', 'The exercise of the authority’s audit functions')],
    ncnd: 's33(3)',
  },
  {
    id: 'foia-s34',
    law: 'FOIA',
    provision: 's34',
    title: 'Parliamentary privilege',
    kind: 'absolute',
    test: 'class',
    subsections: [
      sub('(1)', 'Required for the purpose of avoiding an infringement of parliamentary privilege'),
    ],
    ncnd: 's34(2)',
  },
  {
    id: 'foia-s35',
    law: 'FOIA',
    provision: 's35',
    title: 'Formulation of government policy, etc.',
    kind: 'qualified',
    test: 'class',
    subsections: [
      sub('(1)(a)', 'The formulation or development of government policy'),
      sub('(1)(b)', 'Ministerial communications'),
      sub('(1)(c)', 'The provision of advice by any of the Law Officers'),
      sub('(1)(d)', 'The operation of any Ministerial private office'),
    ],
    ncnd: 's35(3)',
    note: 'Only a government department or the Welsh Government can use it; an NHS trust uses section 36.',
  },
  {
    id: 'foia-s36',
    law: 'FOIA',
    provision: 's36',
    title: 'Prejudice to effective conduct of public affairs',
    kind: 'qualified',
    test: 'qualified-person',
    subsections: [
      sub(
        '(2)(a)',
        'Collective responsibility of Ministers, or the work of the Executive Committee or Welsh Government',
      ),
      sub('(2)(b)(i)', 'The free and frank provision of advice'),
      sub('(2)(b)(ii)', 'The free and frank exchange of views for the purposes of deliberation'),
      sub('(2)(c)', 'Otherwise prejudice the effective conduct of public affairs'),
    ],
    ncnd: 's36(3)',
    note: 'Needs the reasonable opinion of the qualified person (for an NHS trust, usually the chief executive), obtained before the response.',
  },
  {
    id: 'foia-s37',
    law: 'FOIA',
    provision: 's37',
    title: 'Communications with His Majesty, etc. and honours',
    kind: 'mixed',
    test: 'class',
    subsections: [
      sub('(1)(a)', 'Communications with the Sovereign', { kind: 'absolute' }),
      sub('(1)(aa)', 'Communications with the heir to, or second in line of succession to, the Throne', {
        kind: 'absolute',
      }),
      sub('(1)(ab)', 'Communications with a person who has since become the heir or second in line', {
        kind: 'absolute',
      }),
      sub('(1)(ac)', 'Communications with other members of the Royal Family', { kind: 'qualified' }),
      sub('(1)(ad)', 'Communications with the Royal Household', { kind: 'qualified' }),
      sub('(1)(b)', 'The conferring by the Crown of any honour or dignity', { kind: 'qualified' }),
    ],
    ncnd: 's37(2)',
  },
  {
    id: 'foia-s38',
    law: 'FOIA',
    provision: 's38',
    title: 'Health and safety',
    kind: 'qualified',
    test: 'endanger',
    subsections: [
      sub('(1)(a)', 'Endanger the physical or mental health of any individual'),
      sub('(1)(b)', 'Endanger the safety of any individual'),
    ],
    ncnd: 's38(2)',
  },
  {
    id: 'foia-s39',
    law: 'FOIA',
    provision: 's39',
    title: 'Environmental information',
    kind: 'qualified',
    test: 'class',
    subsections: [
      sub('(1)', 'The authority must make it available under the Environmental Information Regulations'),
    ],
    ncnd: 's39(2)',
    note: 'Deal with the request under the EIR instead (regime EIR) and apply the EIR exceptions.',
  },
  {
    id: 'foia-s40',
    law: 'FOIA',
    provision: 's40',
    title: 'Personal information',
    kind: 'mixed',
    test: 'class',
    subsections: [
      sub('(1)', 'The requester’s own personal data (handle it as a subject access request)', {
        kind: 'absolute',
      }),
      sub(
        '(2)',
        'Third-party personal data: disclosure would contravene the data protection principles (first condition, s40(3A)(a))',
        {
          kind: 'absolute',
        },
      ),
      sub(
        '(2) and (3A)(b)',
        'Third-party personal data: disclosure would contravene an objection under UK GDPR Article 21',
        {
          kind: 'qualified',
        },
      ),
      sub('(2) and (4A)', 'Third-party personal data exempt from the data subject’s right of access', {
        kind: 'qualified',
      }),
    ],
    ncnd: 's40(5A) and (5B)',
  },
  {
    id: 'foia-s41',
    law: 'FOIA',
    provision: 's41',
    title: 'Information provided in confidence',
    kind: 'absolute',
    test: 'confidence',
    subsections: [
      sub('(1)', 'Obtained from another person, and disclosure would be an actionable breach of confidence'),
    ],
    ncnd: 's41(2)',
    note: 'No public interest test, but a public interest defence to the breach of confidence is weighed inside the test.',
  },
  {
    id: 'foia-s42',
    law: 'FOIA',
    provision: 's42',
    title: 'Legal professional privilege',
    kind: 'qualified',
    test: 'class',
    subsections: [sub('(1)', 'Subject to legal professional privilege (advice or litigation privilege)')],
    ncnd: 's42(2)',
  },
  {
    id: 'foia-s43',
    law: 'FOIA',
    provision: 's43',
    title: 'Commercial interests',
    kind: 'qualified',
    test: 'prejudice',
    subsections: [
      sub('(1)', 'A trade secret', { test: 'class' }),
      sub('(2)', 'Prejudice to the commercial interests of any person (including the authority)'),
    ],
    ncnd: 's43(3)',
  },
  {
    id: 'foia-s44',
    law: 'FOIA',
    provision: 's44',
    title: 'Prohibitions on disclosure',
    kind: 'absolute',
    test: 'class',
    subsections: [
      sub('(1)(a)', 'Prohibited by or under any enactment'),
      sub('(1)(b)', 'Incompatible with any assimilated obligation'),
      sub('(1)(c)', 'Would be punishable as a contempt of court'),
    ],
    ncnd: 's44(2)',
    note: 'Name the enactment that prohibits disclosure.',
  },
];

const eir = (
  provision: string,
  title: string,
  test: HarmTest,
  extra: Partial<ExemptionEntry> = {},
): ExemptionEntry => ({
  id: `eir-${provision.replace(/^reg /, '').replace(/[()]+/g, '-').replace(/-+$/, '')}`,
  law: 'EIR',
  provision,
  title,
  kind: 'qualified',
  test,
  subsections: [],
  ...extra,
});

const EMISSIONS_NOTE = 'Not available for information on emissions (reg 12(9)).';

const EIR: ExemptionEntry[] = [
  eir('reg 12(4)(a)', 'Information not held when the request was received', 'class', {
    note: 'Subject to the public interest test in form only: there is nothing to weigh when it is not held.',
  }),
  eir('reg 12(4)(b)', 'The request is manifestly unreasonable', 'class', {
    note: 'Covers vexatious requests and those whose cost would be excessive (use it instead of FOIA s12 or s14).',
  }),
  eir('reg 12(4)(c)', 'The request is formulated in too general a manner', 'class', {
    note: 'Only after advice and assistance under reg 9 has been given.',
  }),
  eir(
    'reg 12(4)(d)',
    'Material still in the course of completion, unfinished documents or incomplete data',
    'class',
    {
      note: 'Name the authority preparing it and when it is expected to be finished (reg 14(4)).',
    },
  ),
  eir('reg 12(4)(e)', 'Internal communications', 'class'),
  eir(
    'reg 12(5)(a)',
    'International relations, defence, national security or public safety',
    'adverse-effect',
    { ncnd: 'reg 12(6)' },
  ),
  eir(
    'reg 12(5)(b)',
    'The course of justice, a fair trial, or a criminal or disciplinary inquiry',
    'adverse-effect',
  ),
  eir('reg 12(5)(c)', 'Intellectual property rights', 'adverse-effect'),
  eir(
    'reg 12(5)(d)',
    'Confidentiality of the proceedings of a public authority where provided by law',
    'adverse-effect',
    { note: EMISSIONS_NOTE },
  ),
  eir(
    'reg 12(5)(e)',
    'Confidentiality of commercial or industrial information provided by law to protect a legitimate economic interest',
    'adverse-effect',
    { note: EMISSIONS_NOTE },
  ),
  eir(
    'reg 12(5)(f)',
    'The interests of the person who provided the information voluntarily',
    'adverse-effect',
    {
      note: EMISSIONS_NOTE,
    },
  ),
  eir(
    'reg 12(5)(g)',
    'The protection of the environment to which the information relates',
    'adverse-effect',
    {
      note: EMISSIONS_NOTE,
    },
  ),
  {
    id: 'eir-13',
    law: 'EIR',
    provision: 'reg 13',
    title: 'Personal data',
    kind: 'mixed',
    test: 'class',
    subsections: [
      sub(
        '(1)',
        'Third-party personal data: disclosure would contravene the data protection principles (reg 13(2A)(a))',
        {
          kind: 'absolute',
        },
      ),
      sub(
        '(1) and (2A)(b)',
        'Third-party personal data: disclosure would contravene an objection under UK GDPR Article 21',
        {
          kind: 'qualified',
        },
      ),
      sub('(1) and (3A)', 'Third-party personal data exempt from the data subject’s right of access', {
        kind: 'qualified',
      }),
    ],
    ncnd: 'reg 13(5A) and (5B)',
    note: 'The requester’s own personal data is not environmental information for them: handle it as a subject access request (reg 5(3)).',
  },
];

const foisa = (
  provision: string,
  title: string,
  kind: ExemptionKind,
  test: HarmTest,
  subsections: ExemptionSubsection[] = [],
  extra: Partial<ExemptionEntry> = {},
): ExemptionEntry => ({
  id: `foisa-${provision}`,
  law: 'FOISA',
  provision,
  title,
  kind,
  test,
  subsections,
  ncnd: 's18',
  ...extra,
});

const FOISA: ExemptionEntry[] = [
  foisa(
    's25',
    'Information otherwise accessible',
    'absolute',
    'class',
    [sub('(1)', 'Reasonably obtainable by the applicant other than by requesting it')],
    { ncnd: undefined },
  ),
  foisa('s26', 'Prohibitions on disclosure', 'absolute', 'class', [
    sub('(a)', 'Prohibited by or under an enactment'),
    sub('(b)', 'Incompatible with an assimilated obligation'),
    sub('(c)', 'Would be punishable as a contempt of court'),
  ]),
  foisa('s27', 'Information intended for future publication', 'qualified', 'class', [
    sub('(1)', 'Intended for publication within twelve weeks of the request'),
    sub('(2)', 'Obtained in the course of a programme of research', { test: 'substantial-prejudice' }),
  ]),
  foisa('s28', 'Relations within the United Kingdom', 'qualified', 'substantial-prejudice', [
    sub(
      '(1)',
      'Relations between any administration in the United Kingdom and any other such administration',
    ),
  ]),
  foisa('s29', 'Formulation of Scottish Administration policy, etc.', 'qualified', 'class', [
    sub('(1)(a)', 'The formulation or development of government policy'),
    sub('(1)(b)', 'Ministerial communications'),
    sub('(1)(c)', 'The provision of advice by any of the Law Officers'),
    sub('(1)(d)', 'The operation of any Ministerial private office'),
  ]),
  foisa('s30', 'Prejudice to effective conduct of public affairs', 'qualified', 'substantial-prejudice', [
    sub(
      '(a)',
      'The maintenance of the convention of the collective responsibility of the Scottish Ministers',
    ),
    sub('(b)(i)', 'The free and frank provision of advice'),
    sub('(b)(ii)', 'The free and frank exchange of views for the purposes of deliberation'),
    sub('(c)', 'Otherwise the effective conduct of public affairs'),
  ]),
  foisa('s31', 'National security and defence', 'qualified', 'safeguarding', [
    sub('(1)', 'Required for the purpose of safeguarding national security'),
    sub('(4)', 'Defence of the British Islands or the capability of the armed forces', {
      test: 'substantial-prejudice',
    }),
  ]),
  foisa('s32', 'International relations', 'qualified', 'substantial-prejudice', [
    sub('(1)(a)', 'Relations between the United Kingdom and another State or international body'),
    sub('(1)(b)', 'Confidential information obtained from another State or international body', {
      test: 'class',
    }),
  ]),
  foisa('s33', 'Commercial interests and the economy', 'qualified', 'substantial-prejudice', [
    sub('(1)(a)', 'A trade secret', { test: 'class' }),
    sub('(1)(b)', 'The commercial interests of any person (including the authority)'),
    sub('(2)', 'The economic or financial interests of the United Kingdom or of the Scottish Administration'),
  ]),
  foisa(
    's34',
    'Investigations by Scottish public authorities and proceedings arising out of such investigations',
    'qualified',
    'class',
    [
      sub('(1)', 'Held for an investigation into whether a person should be prosecuted'),
      sub('(2)', 'Held for an inquiry or investigation of a death'),
      sub('(3)', 'Obtained for civil or criminal investigations from confidential sources'),
      sub('(4)', 'Relates to obtaining information from confidential sources'),
    ],
  ),
  foisa('s35', 'Law enforcement', 'qualified', 'substantial-prejudice', [
    sub('(1)(a)', 'The prevention or detection of crime'),
    sub('(1)(b)', 'The apprehension or prosecution of offenders'),
    sub('(1)(c)', 'The administration of justice'),
    sub('(1)(d)', 'The assessment or collection of any tax or duty'),
    sub('(1)(e)', 'The operation of the immigration controls'),
    sub('(1)(f)', 'The maintenance of security and good order in prisons'),
    sub('(1)(g)', 'The exercise by any public authority of its functions for a purpose in section 35(2)'),
    sub('(1)(h)', 'Civil proceedings arising out of an investigation for a purpose in section 35(2)'),
  ]),
  foisa('s36', 'Confidentiality', 'mixed', 'class', [
    sub(
      '(1)',
      'Information in respect of which a claim to confidentiality of communications could be maintained in legal proceedings',
      {
        kind: 'qualified',
      },
    ),
    sub('(2)', 'Obtained from another person, and disclosure would be an actionable breach of confidence', {
      kind: 'absolute',
      test: 'confidence',
    }),
  ]),
  foisa('s37', 'Court records, etc.', 'absolute', 'class', [
    sub('(1)(a)', 'Contained in a document lodged with, created by or served by a court'),
    sub('(1)(b)', 'Contained in a document lodged with or created by an inquiry or arbitration'),
  ]),
  foisa(
    's38',
    'Personal information',
    'mixed',
    'class',
    [
      sub('(1)(a)', 'The requester’s own personal data (handle it as a subject access request)', {
        kind: 'absolute',
      }),
      sub('(1)(b)', 'Third-party personal data where a condition in section 38(2A) to (3A) applies', {
        kind: 'absolute',
      }),
      sub('(1)(c)', 'Personal census information', { kind: 'absolute' }),
      sub('(1)(d)', 'A deceased person’s health record', { kind: 'absolute' }),
    ],
    {
      note: 'Absolute for the first condition; where the second or third condition is relied on, a public interest test applies.',
    },
  ),
  foisa('s39', 'Health, safety and the environment', 'qualified', 'endanger', [
    sub('(1)', 'Endanger the physical or mental health or the safety of an individual'),
    sub('(2)', 'Environmental information the authority must make available under the EIRs (Scotland)', {
      test: 'class',
    }),
  ]),
  foisa('s40', 'Audit functions', 'qualified', 'substantial-prejudice', [
    sub('(a)', 'The exercise of audit functions by the authority'),
    sub('(b)', 'The examination of the economy, efficiency and effectiveness with which resources are used'),
  ]),
  foisa('s41', 'Communications with His Majesty, etc. and honours', 'mixed', 'class', [
    sub('(a)', 'Communications with the Sovereign, the heir or second in line, or their Households', {
      kind: 'absolute',
    }),
    sub('(a) (other)', 'Communications with other members of the Royal Family or the Royal Household', {
      kind: 'qualified',
    }),
    sub('(b)', 'The exercise by His Majesty of the prerogative of honour', { kind: 'qualified' }),
  ]),
];

const eisr = (
  provision: string,
  title: string,
  test: HarmTest,
  extra: Partial<ExemptionEntry> = {},
): ExemptionEntry => ({
  id: `eisr-${provision.replace(/^reg /, '').replace(/[()]+/g, '-').replace(/-+$/, '')}`,
  law: 'EISR',
  provision,
  title,
  kind: 'qualified',
  test,
  subsections: [],
  ...extra,
});

const EISR_EMISSIONS_NOTE = 'Not available for information on emissions (EISR reg 10(6)).';

/**
 * The Environmental Information (Scotland) Regulations 2004 (SSI 2004/520). Every reg 10 exception
 * is subject to the public interest test in reg 10(1)(b) with the presumption in favour of
 * disclosure in reg 10(2); the reg 10(5) harm is "would, or would be likely to, prejudice
 * substantially". Personal data goes through reg 11 only (reg 10(3)).
 */
const EISR: ExemptionEntry[] = [
  eisr('reg 10(4)(a)', 'Information not held when the request was received', 'class', {
    note: 'Subject to the public interest test in form only: there is nothing to weigh when it is not held.',
  }),
  eisr('reg 10(4)(b)', 'The request is manifestly unreasonable', 'class', {
    note: 'Covers vexatious requests and those whose cost would be excessive (FOISA s12 and s14 do not apply to environmental information).',
  }),
  eisr('reg 10(4)(c)', 'The request is formulated in too general a manner', 'class', {
    note: 'Only after more particulars have been asked for and advice and assistance given under reg 9.',
  }),
  eisr(
    'reg 10(4)(d)',
    'Material still in the course of completion, unfinished documents or incomplete data',
    'class',
    {
      note: 'Name any other authority preparing the material and when it is expected to be finished (reg 13(c)).',
    },
  ),
  eisr('reg 10(4)(e)', 'Internal communications', 'class'),
  eisr(
    'reg 10(5)(a)',
    'International relations, defence, national security or public safety',
    'substantial-prejudice',
    { ncnd: 'reg 10(8)' },
  ),
  eisr(
    'reg 10(5)(b)',
    'The course of justice, a fair trial, or a criminal or disciplinary inquiry',
    'substantial-prejudice',
  ),
  eisr('reg 10(5)(c)', 'Intellectual property rights', 'substantial-prejudice'),
  eisr(
    'reg 10(5)(d)',
    'Confidentiality of the proceedings of a public authority where provided for by law',
    'substantial-prejudice',
    { note: EISR_EMISSIONS_NOTE },
  ),
  eisr(
    'reg 10(5)(e)',
    'Confidentiality of commercial or industrial information provided for by law to protect a legitimate economic interest',
    'substantial-prejudice',
    { note: EISR_EMISSIONS_NOTE },
  ),
  eisr(
    'reg 10(5)(f)',
    'The interests of the person who provided the information voluntarily',
    'substantial-prejudice',
    { note: EISR_EMISSIONS_NOTE },
  ),
  eisr(
    'reg 10(5)(g)',
    'The protection of the environment to which the information relates',
    'substantial-prejudice',
    { note: EISR_EMISSIONS_NOTE },
  ),
  {
    id: 'eisr-11',
    law: 'EISR',
    provision: 'reg 11',
    title: 'Personal data',
    kind: 'mixed',
    test: 'class',
    subsections: [
      sub('(1)', 'The requester’s own personal data (handle it as a subject access request)', {
        kind: 'absolute',
      }),
      sub(
        '(2)(a) and (3A)',
        'Third-party personal data: disclosure would contravene the data protection principles',
        { kind: 'absolute' },
      ),
      sub(
        '(2)(b) and (3B)',
        'Third-party personal data: disclosure would contravene an objection under UK GDPR Article 21',
        { kind: 'qualified' },
      ),
      sub('(2)(b) and (4A)', 'Third-party personal data exempt from the data subject’s right of access', {
        kind: 'qualified',
      }),
    ],
    note: 'Absolute for the first condition (reg 11(3A)); where the second or third condition is relied on, a public interest test applies (reg 11(2)(b)).',
  },
];

// The Data Protection Act 2018 Schedules 2–4: exemptions from (restrictions of) the right of access
// in UK GDPR Article 15, each applying only "to the extent that" complying would have the effect it
// describes. There is no public interest test in the FOI sense (kind "absolute": nothing to weigh in
// a letter), but most carry their own condition, given in `note`. Sch 2 Part 1 paras 2 and 5,
// Part 2 para 7, Part 3 paras 16–17, Part 4 paras 19–25; Sch 3 Part 2 paras 2–5 (health), Part 3
// paras 7–10 (social work), Part 4 (education); Sch 4 (disclosure prohibited or restricted by
// other enactments). UK GDPR Article 12(5)(b): a manifestly unfounded or excessive request.
const dpa = (
  id: string,
  provision: string,
  title: string,
  test: HarmTest,
  extra: Partial<ExemptionEntry> = {},
): ExemptionEntry => ({
  id: `dpa-${id}`,
  law: 'DPA 2018',
  provision,
  title,
  kind: 'absolute',
  test,
  subsections: [],
  ...extra,
});

const DPA: ExemptionEntry[] = [
  dpa('sch2-2', 'Sch 2 para 2', 'Crime and taxation: general', 'prejudice', {
    subsections: [
      sub('(1)(a)', 'The prevention or detection of crime'),
      sub('(1)(b)', 'The apprehension or prosecution of offenders'),
      sub('(1)(c)', 'The assessment or collection of a tax or duty'),
    ],
    note: 'Only to the extent that giving access would be likely to prejudice one of these purposes.',
  }),
  dpa(
    'sch2-5',
    'Sch 2 para 5',
    'Information required to be disclosed by law or in connection with legal proceedings',
    'class',
    {
      subsections: [
        sub('(2)', 'Disclosure required by an enactment, a rule of law or a court order'),
        sub('(3)', 'Disclosure necessary for legal proceedings, legal advice or legal rights'),
      ],
    },
  ),
  dpa('sch2-7', 'Sch 2 para 7', 'Functions designed to protect the public', 'prejudice', {
    note: 'Only to the extent that giving access would be likely to prejudice the proper discharge of the function (the table in para 7).',
  }),
  dpa(
    'sch2-16',
    'Sch 2 para 16',
    'Protection of the rights of others (information about another individual)',
    'class',
    {
      note: 'Only where the other individual can be identified and has not consented and it is not reasonable to disclose without consent, weighing the factors in para 16(3); para 17 keeps health, social work and education workers’ names disclosable.',
    },
  ),
  dpa('sch2-19', 'Sch 2 para 19', 'Legal professional privilege', 'class'),
  dpa('sch2-20', 'Sch 2 para 20', 'Self-incrimination', 'class'),
  dpa('sch2-22', 'Sch 2 para 22', 'Management forecasts', 'prejudice', {
    note: 'Only to the extent that giving access would be likely to prejudice the conduct of the business or activity.',
  }),
  dpa('sch2-23', 'Sch 2 para 23', 'Negotiations', 'prejudice', {
    note: 'Records of the controller’s intentions in negotiations with the data subject, to the extent that access would be likely to prejudice them.',
  }),
  dpa('sch2-24', 'Sch 2 para 24', 'Confidential references', 'class'),
  dpa('sch2-25', 'Sch 2 para 25', 'Exam scripts and exam marks', 'class'),
  dpa('sch3-2', 'Sch 3 para 2', 'Health data: processed by a court', 'class'),
  dpa('sch3-3', 'Sch 3 para 3', 'Health data: the expectations and wishes of the data subject', 'class', {
    note: 'A request made on behalf of the data subject by a person with parental responsibility or appointed by a court, where the data subject expected or asked that it would not be disclosed to that person.',
  }),
  dpa('sch3-5', 'Sch 3 para 5', 'Health data: serious harm', 'serious-harm', {
    note: 'A controller that is not a health professional must first consult the appropriate health professional and obtain their opinion that the serious harm test is met (para 5(2)–(3)); record whose opinion and when.',
  }),
  dpa('sch3-7', 'Sch 3 para 7', 'Social work data: serious harm', 'serious-harm'),
  dpa('sch3-19', 'Sch 3 para 19', 'Education data: serious harm', 'serious-harm'),
  dpa('sch4', 'Sch 4', 'Disclosure prohibited or restricted by another enactment', 'class', {
    subsections: [
      sub('para 2', 'Human fertilisation and embryology information'),
      sub('para 3', 'Adoption records and reports'),
      sub('para 4', 'Statements and records of special educational needs'),
      sub('para 5', 'Parental order records and reports'),
    ],
  }),
  {
    id: 'ukgdpr-12-5',
    law: 'UK GDPR',
    provision: 'Art 12(5)(b)',
    title: 'Manifestly unfounded or excessive request',
    kind: 'absolute',
    test: 'class',
    subsections: [],
    note: 'The controller must be able to show that the request is manifestly unfounded or excessive; it may instead charge a reasonable fee (Art 12(5)(a)).',
  },
];

export const EXEMPTIONS: readonly ExemptionEntry[] = [...FOIA, ...EIR, ...FOISA, ...EISR, ...DPA];

const LAWS_OF_REGIME: Record<Regime, readonly ExemptionLaw[]> = {
  FOIA: ['FOIA'],
  'FOI-IR': ['FOIA'],
  EIR: ['EIR'],
  'EIR-RECON': ['EIR'],
  FOISA: ['FOISA'],
  'FOISA-REVIEW': ['FOISA'],
  EISR: ['EISR'],
  // A subject access refusal relies on the DPA 2018 schedules (or UK GDPR Art 12(5)), never on FOIA.
  SAR: ['DPA 2018', 'UK GDPR'],
};

/** The catalogue a case's regime draws on: a SAR draws only on the DPA 2018 schedules and Art 12(5). */
export function exemptionsFor(regime: Regime): readonly ExemptionEntry[] {
  const laws = LAWS_OF_REGIME[regime];
  return EXEMPTIONS.filter((e) => laws.includes(e.law));
}

export function findExemption(id: string): ExemptionEntry | undefined {
  return EXEMPTIONS.find((e) => e.id === id);
}

/** "FOIA s31(1)(a)", "EIR reg 12(5)(e)": the provision text stored with the applied exemption. */
export function provisionLabel(entry: ExemptionEntry, subsectionRef?: string): string {
  const ref = subsectionRef && !/\s/.test(subsectionRef) ? subsectionRef : '';
  const tail = subsectionRef && /\s/.test(subsectionRef) ? ` ${subsectionRef}` : ref;
  return `${entry.law} ${entry.provision}${tail}`;
}

/** The subsection's own kind, or the entry's (mixed counts as qualified until a subsection says otherwise). */
export function kindOf(entry: ExemptionEntry, subsectionRef?: string): 'absolute' | 'qualified' {
  const subsection = entry.subsections.find((s) => s.ref === subsectionRef);
  if (subsection?.kind) return subsection.kind;
  return entry.kind === 'absolute' ? 'absolute' : 'qualified';
}

export function testOf(entry: ExemptionEntry, subsectionRef?: string): HarmTest {
  return entry.subsections.find((s) => s.ref === subsectionRef)?.test ?? entry.test;
}

/** A qualified exemption needs a public interest test; an absolute one needs none. */
export function needsPublicInterestTest(entry: ExemptionEntry, subsectionRef?: string): boolean {
  return kindOf(entry, subsectionRef) === 'qualified';
}

/**
 * The likelihoods the officer may choose: both for the prejudice tests; only "would" for the EIR
 * adverse-effect test; none for class-based exemptions (nothing to show).
 */
export function likelihoodsFor(
  entry: ExemptionEntry,
  subsectionRef?: string,
): readonly ('would' | 'would be likely to')[] {
  switch (testOf(entry, subsectionRef)) {
    case 'prejudice':
    case 'substantial-prejudice':
    case 'endanger':
    case 'qualified-person':
      return ['would', 'would be likely to'];
    case 'adverse-effect':
      return ['would'];
    case 'class':
    case 'safeguarding':
    case 'confidence':
    case 'serious-harm':
      return [];
  }
}

/** The catalogue entry (and subsection) a stored provision text names, if it is one of ours. */
export function matchProvision(
  provision: string,
): { entry: ExemptionEntry; subsection: ExemptionSubsection | undefined } | undefined {
  const text = provision.trim().replace(/\s+/g, ' ');
  let best: ExemptionEntry | undefined;
  for (const entry of EXEMPTIONS) {
    const head = `${entry.law} ${entry.provision}`;
    if (text === head || text.startsWith(`${head}(`) || text.startsWith(`${head} `)) {
      if (!best || head.length > `${best.law} ${best.provision}`.length) best = entry;
    }
  }
  if (!best) return undefined;
  const rest = text.slice(`${best.law} ${best.provision}`.length).trim();
  return { entry: best, subsection: best.subsections.find((s) => s.ref === rest) };
}

export const KIND_LABELS: Record<'absolute' | 'qualified', string> = {
  absolute: 'Absolute: no public interest test',
  qualified: 'Qualified: needs a public interest test',
};
