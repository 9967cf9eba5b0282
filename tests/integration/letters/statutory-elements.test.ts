/**
 * Every shipped template, right to the law: a realistic case for each is imported into a real
 * encrypted case file, its letter generated and rendered through the app's channels (as the case
 * page does), converted by LibreOffice and read back, and the statutory elements the notice must
 * carry are looked for in the read-back text: s17(1), (2), (3), (5) and (7), the duty to confirm
 * or deny, reg 14 and reg 12(4)(a), the reg 12(5) adverse-effect test, reg 8, Article 12(3) or 12A
 * by the letter's date, Article 15, the DPA 2018 schedules, the s12 figures. All the letters are
 * converted in one start of LibreOffice; page 1 of each is rendered to test-results/letters/law-*.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeskApp } from '../../../main/services/app';
import { createHandlers, type Handlers } from '../../../main/services/handlers';
import { importInterchange } from '../../../main/services/import-export';
import { createCaseFile } from '../../../db/case-file';
import type { Channel, ChannelOutput, Envelope } from '../../../shared/contract';
import { defaultTemplates } from '../../../templates/index';
import { makeTempDir, PASSPHRASE, readFixture } from '../../helpers';
import {
  bodyText,
  CONVERSION_TIMEOUT_MS,
  convertToPdfs,
  firstOutOfOrder,
  pdfPages,
  renderPng,
  resultsDir,
  squash,
} from './helpers';

/** 21 November 2026, midday: the desk's "today". */
const NOW = new Date(2026, 10, 21, 12, 0, 0);

const requester = { name: 'Alex Morgan', email: 'alex.morgan@example.org' };

type Json = Record<string, unknown>;

function foiCase(reference: string, fields: Json): Json {
  return {
    format: 'foi-desk/case@1',
    reference,
    regime: 'FOIA',
    received: '2026-10-01',
    requester,
    subject: 'Agency staff spend',
    requestText: 'Please tell me what the trust spent on agency staff.',
    questions: [],
    status: 'open',
    ...fields,
  };
}

const pit = (what: string) => ({
  forDisclosure: [`Transparency about ${what}.`],
  forWithholding: [`Harm to ${what}.`],
  conclusion: `The public interest favours withholding the information about ${what}.`,
});

const s43 = {
  provision: 'FOIA s43(2)',
  likelihood: 'would be likely to',
  reason: 'Disclosing the rates would be likely to prejudice the agencies in their next tender.',
  publicInterest: pit('agency rates'),
};
const s41 = {
  provision: 'FOIA s41(1)',
  reason: 'The framework terms were provided to us in confidence by the supplier.',
};

/** The cases, one (or two) per template, as an officer's register would hold them. */
const CASES: Json[] = [
  foiCase('FOI 100', { questions: [] }),
  foiCase('FOI 101', { status: 'clarification' }),
  foiCase('EIR 102', {
    regime: 'EIR',
    subject: 'Contaminated land survey',
    questions: [{ number: '1', text: 'A copy of the 2024 survey.' }],
  }),
  foiCase('FOI 103', {
    questions: [
      {
        number: '1',
        text: 'The hourly rates paid to each agency.',
        response: { outcome: 'exempt', exemptions: [s43] },
      },
      { number: '2', text: 'The framework terms.', response: { outcome: 'exempt', exemptions: [s41] } },
    ],
    events: [{ type: 'pi-extension', date: '2026-10-20', until: '2026-11-27' }],
  }),
  foiCase('EIR 104', {
    regime: 'EIR',
    subject: 'Air quality monitoring',
    events: [{ type: 'eir-extension', date: '2026-10-20' }],
  }),
  foiCase('FOI 105', {
    status: 'closed',
    outcome: 'granted',
    responded: '2026-10-20',
    questions: [
      {
        number: '1',
        text: 'Total agency spend in 2025.',
        response: { outcome: 'provided', text: 'We spent £2.1 million.' },
      },
    ],
  }),
  foiCase('FOI 106', {
    status: 'closed',
    outcome: 'part-granted',
    responded: '2026-10-22',
    questions: [
      {
        number: '1',
        text: 'Total agency spend in 2025.',
        response: { outcome: 'provided', text: 'We spent £2.1 million.' },
      },
      {
        number: '2',
        text: 'Whether any agency worker was investigated by the police.',
        response: {
          outcome: 'ncnd',
          exemptions: [
            {
              provision: 'FOIA s31(1)(a)',
              likelihood: 'would be likely to',
              reason: 'Saying whether such an investigation exists would alert those involved.',
              publicInterest: pit('police investigations'),
            },
          ],
        },
      },
      {
        number: '3',
        text: 'The names of the agency workers.',
        response: {
          outcome: 'exempt',
          exemptions: [{ provision: 'FOIA s40(2)', reason: 'Their names are their personal data.' }],
        },
      },
    ],
  }),
  foiCase('FOI 107', {
    questions: [
      {
        number: '1',
        text: 'The hourly rates paid to each agency.',
        response: { outcome: 'exempt', exemptions: [s43] },
      },
      {
        number: '2',
        text: 'The rates planned for 2027.',
        response: { outcome: 'exempt', exemptions: [s43] },
      },
    ],
  }),
  foiCase('EIR 108', {
    regime: 'EIR',
    subject: 'Noise surveys',
    questions: [{ number: '1', text: 'The 2019 noise survey.', response: { outcome: 'not-held' } }],
  }),
  foiCase('FOI 109', {}),
  foiCase('FOI 110', {}),
  foiCase('FOI 111', {}),
  foiCase('FOI-IR 112', {
    regime: 'FOI-IR',
    reviewOf: 'FOI 106',
    received: '2026-11-02',
    questions: [
      {
        number: '3',
        text: 'The names of the agency workers.',
        response: {
          outcome: 'exempt',
          exemptions: [{ provision: 'FOIA s40(2)', reason: 'Their names are their personal data.' }],
        },
      },
    ],
  }),
  foiCase('EIR 113', {
    regime: 'EIR',
    subject: 'Waste contract',
    questions: [
      {
        number: '1',
        text: 'The price per tonne in the waste contract.',
        response: {
          outcome: 'exempt',
          exemptions: [
            {
              provision: 'EIR reg 12(5)(e)',
              likelihood: 'would',
              reason: 'The price is commercially confidential under the contract.',
              publicInterest: pit('the waste price'),
            },
          ],
        },
      },
    ],
  }),
  foiCase('SAR 114', {
    regime: 'SAR',
    received: '2026-01-10',
    events: [{ type: 'sar-extension', date: '2026-01-20', months: 2 }],
  }),
  foiCase('SAR 115', {
    regime: 'SAR',
    received: '2026-03-01',
    events: [{ type: 'sar-extension', date: '2026-03-10', months: 2 }],
  }),
  foiCase('SAR 116', {
    regime: 'SAR',
    received: '2026-10-05',
    subject: 'My records',
    questions: [
      {
        number: '1',
        text: 'A copy of my health records.',
        response: { outcome: 'provided', text: 'Your records are enclosed.' },
      },
      {
        number: '2',
        text: 'The notes of the complaint meeting.',
        response: {
          outcome: 'part-exempt',
          text: 'The notes are enclosed, with the names of other patients removed.',
          exemptions: [
            {
              provision: 'DPA 2018 Sch 2 para 16',
              reason: 'The notes name two other patients who have not consented.',
            },
          ],
        },
      },
    ],
  }),
  foiCase('FOISA 117', { regime: 'FOISA-REVIEW', received: '2026-11-02' }),
  foiCase('EISR 118', {
    regime: 'EISR',
    questions: [
      {
        number: '1',
        text: 'The price per tonne in the waste contract.',
        response: {
          outcome: 'exempt',
          exemptions: [
            {
              provision: 'EISR reg 10(5)(e)',
              likelihood: 'would',
              reason: 'The price is commercially confidential under the contract.',
              publicInterest: pit('the waste price'),
            },
          ],
        },
      },
    ],
  }),
];

interface Letter {
  name: string;
  reference: string;
  templateId: string;
  date: string;
  /** Statements that must be in the read-back text, in this order. */
  expect: string[];
  /** Statements that must not be there. */
  never?: string[];
}

const REVIEW_AND_S50 = [
  'Your right to ask for a review',
  'section 50 of the Freedom of Information Act 2000',
  "Information Commissioner's Office, Wycliffe House",
];

const LETTERS: Letter[] = [
  {
    name: 'acknowledgement',
    reference: 'FOI 100',
    templateId: 'acknowledgement',
    date: '2026-10-02',
    expect: [
      'Freedom of Information Act 2000',
      'and in any event by 29 October 2026, which is 20 working days',
    ],
  },
  {
    name: 'clarification',
    reference: 'FOI 101',
    templateId: 'clarification',
    date: '2026-10-05',
    expect: [
      'We have a duty under section 16 of the Freedom of Information Act 2000 to provide advice and assistance',
      'Under section 1(3) of the Freedom of Information Act 2000 we do not have to deal with your request until we receive this clarification.',
    ],
  },
  {
    name: 'fees-notice-eir',
    reference: 'EIR 102',
    templateId: 'fees-notice',
    date: '2026-10-12',
    expect: [
      'Regulation 8 of the EIR allows us to charge',
      'must not exceed an amount we are satisfied is reasonable (regulation 8(3))',
      'schedule of charges',
      'Under regulation 8(4) we require payment in advance',
      'notice of that requirement under regulation 8(5)',
      'within 60 working days of the date of this notice (regulation 8(6)(a))',
      '(regulation 8(6)(b))',
    ],
  },
  {
    name: 'pi-extension',
    reference: 'FOI 103',
    templateId: 'pi-extension',
    date: '2026-10-20',
    expect: [
      'may be exempt under section 43(2) (commercial interests). This is a qualified exemption',
      'section 2(2)(b)',
      'Section 41(1) (information provided in confidence) is an absolute exemption, so no public interest test is needed for it',
      'Section 10(3) of the Act allows us a reasonable extension of time',
      'This letter is a notice under section 17(1) of the Act, and as section 17(2) requires',
      'we estimate that we will do so by 27 November 2026.',
      // s17(1)(a)–(c): each exemption, the parts it covers, why it applies.
      'Section 43(2) – Commercial interests',
      'This applies to the information you asked for in question 1 of your request.',
      s43.reason,
      'Section 41(1) – Information provided in confidence',
      'question 2 of your request.',
      s41.reason,
      'As section 17(7) of the Act requires',
      ...REVIEW_AND_S50,
    ],
    never: ['section 41(1) (information provided in confidence). This is a qualified exemption'],
  },
  {
    name: 'eir-extension',
    reference: 'EIR 104',
    templateId: 'eir-extension',
    date: '2026-10-20',
    expect: ['Regulation 7(1) of the EIR allows us to extend the time for responding to 40 working days'],
  },
  {
    name: 'full-disclosure',
    reference: 'FOI 105',
    templateId: 'full-disclosure',
    date: '2026-10-20',
    expect: ['We spent £2.1 million.', ...REVIEW_AND_S50],
  },
  {
    name: 'partial-ncnd',
    reference: 'FOI 106',
    templateId: 'partial-disclosure',
    date: '2026-10-22',
    expect: [
      'We can neither confirm nor deny whether we hold this information',
      'Section 31(1)(a) – Law enforcement',
      'We consider that confirming or denying whether we hold this information would be likely to cause the prejudice described above.',
      'Section 1(1)(a) of the Freedom of Information Act 2000 gives you the right to be told whether we hold the information',
      'Under section 31(3) of the Act that duty to confirm or deny does not arise here',
      'the public interest in maintaining the exclusion of the duty to confirm or deny outweighs the public interest in disclosing whether we hold the information (section 2(1)(b) of the Act)',
      'Factors in favour of confirming or denying whether we hold the information:',
      'Factors in favour of neither confirming nor denying:',
      'Section 40(2) – Personal information',
      'Section 40(2) is an absolute exemption',
      'This response therefore acts as a refusal notice under section 17 of the FOIA.',
      'It relies on section 31(1)(a) (law enforcement): question 2; section 40(2) (personal information): question 3',
      '(section 17(1), (3) and (7))',
      ...REVIEW_AND_S50,
    ],
    never: [
      'disclosure of this information would be likely to cause the prejudice',
      'the public interest in maintaining the exemption outweighs the public interest in disclosing the information',
    ],
  },
  {
    name: 'refusal',
    reference: 'FOI 107',
    templateId: 'refusal',
    date: '2026-10-28',
    expect: [
      'We consider that disclosure of this information would be likely to cause the prejudice described above.',
      'Section 43(2) is a qualified exemption.',
      'refusal notice under section 17 of the FOIA. It relies on section 43(2) (commercial interests): questions 1 and 2',
      '(section 17(1), (3) and (7))',
      ...REVIEW_AND_S50,
    ],
  },
  {
    name: 'not-held-eir',
    reference: 'EIR 108',
    templateId: 'not-held',
    date: '2026-10-28',
    expect: [
      'We do not hold this information, so the exception in regulation 12(4)(a) of the EIR applies.',
      'This letter is a refusal of your request under regulation 14 of the EIR. We are relying on the exception in regulation 12(4)(a)',
      'As regulation 14(5) requires',
      'reconsider it under regulation 11 of the EIR',
      'as applied by regulation 18 of the EIR',
    ],
  },
  {
    name: 'cost-limit',
    reference: 'FOI 109',
    templateId: 'cost-limit',
    date: '2026-10-28',
    expect: [
      'would exceed the appropriate limit of £450',
      'the limit equates to 18 hours of work at £25 an hour',
      'determine whether we hold the information, and to locate, retrieve and extract it',
      'Section 12 of the Freedom of Information Act 2000 therefore means that we are not obliged to comply',
      'this letter is a refusal notice under section 17(5) of the Act.',
      'As section 17(7) of the Act requires',
      'Under section 16 of the Act we have a duty to provide advice and assistance.',
      ...REVIEW_AND_S50,
    ],
  },
  {
    name: 'vexatious',
    reference: 'FOI 110',
    templateId: 'vexatious',
    date: '2026-10-28',
    expect: [
      'vexatious under section 14(1) of the Freedom of Information Act 2000',
      'refusal notice under section 17(5)',
      'As section 17(7) of the Act requires',
      ...REVIEW_AND_S50,
    ],
  },
  {
    name: 'repeated',
    reference: 'FOI 111',
    templateId: 'repeated',
    date: '2026-10-28',
    expect: [
      'Under section 14(2) of the Freedom of Information Act 2000',
      'refusal notice under section 17(5)',
      'As section 17(7) of the Act requires',
      ...REVIEW_AND_S50,
    ],
  },
  {
    name: 'internal-review-outcome',
    reference: 'FOI-IR 112',
    templateId: 'internal-review-outcome',
    date: '2026-11-20',
    expect: [
      'Re: Internal Review of Freedom of Information Request FOI-IR 112',
      'We have now completed the internal review of our response of 22 October 2026 to your request FOI 106.',
      'refusal notice under section 17 of the FOIA',
      'If you are not content with the outcome of this internal review, you have the right to apply to the Information Commissioner for a decision under section 50',
    ],
  },
  {
    name: 'eir-refusal',
    reference: 'EIR 113',
    templateId: 'eir-refusal',
    date: '2026-10-28',
    expect: [
      'Regulation 12(5)(e)',
      'We consider that disclosure of this information would adversely affect the interest described above, which is the test in regulation 12(5) of the EIR.',
      'presumption in favour of disclosure in regulation 12(2) of the EIR',
      'This response therefore acts as a refusal notice under regulation 14 of the EIR. As regulation 14(3) requires',
      'regulation 14(5)',
      'reconsider it under regulation 11 of the EIR',
    ],
    never: ['would be likely to', 'cause the prejudice'],
  },
  {
    name: 'sar-extension-before-12a',
    reference: 'SAR 114',
    templateId: 'sar-extension',
    date: '2026-01-20',
    expect: [
      'Article 12(3) of the UK General Data Protection Regulation allows us, by giving you notice within one month',
      'We will respond by 10 April 2026.',
      'please contact our Data Protection Officer',
      "You also have the right to complain to the Information Commissioner, the supervisory authority for data protection: Information Commissioner's Office",
    ],
    never: ['Article 12A', 'Freedom of Information Office', 'Section 164A'],
  },
  {
    name: 'sar-extension-12a',
    reference: 'SAR 115',
    templateId: 'sar-extension',
    date: '2026-03-10',
    expect: [
      'Article 12A of the UK General Data Protection Regulation allows us, by giving you notice within one month',
      'please contact our Data Protection Officer',
    ],
    never: ['Article 12(3)', 'Freedom of Information Office'],
  },
  {
    name: 'sar-response',
    reference: 'SAR 116',
    templateId: 'sar-response',
    date: '2026-10-30',
    expect: [
      'Re: Subject Access Request SAR 116',
      'Your records are enclosed.',
      'Schedule 2, paragraph 16 of the Data Protection Act 2018 – Protection of the rights of others',
      'We have withheld some of your personal data, relying on Schedule 2, paragraph 16 of the Data Protection Act 2018 (protection of the rights of others (information about another individual)): question 2',
      'As Article 12(4) of the UK GDPR requires',
      'Purposes (Article 15(1)(a))',
      'Categories of personal data (Article 15(1)(b))',
      'Recipients (Article 15(1)(c))',
      'Article 15(2)',
      'Retention (Article 15(1)(d))',
      'Your rights (Article 15(1)(e))',
      'Complaints (Article 15(1)(f))',
      'Source (Article 15(1)(g))',
      'Automated decisions (Article 15(1)(h))',
      'please contact our Data Protection Officer',
      'Section 164A of the Data Protection Act 2018 gives you the right to complain to us first',
      'You also have the right to complain to the Information Commissioner',
    ],
    never: ['Freedom of Information Office', 'public interest', 'refusal notice under section 17'],
  },
  {
    name: 'foisa-review-outcome',
    reference: 'FOISA 117',
    templateId: 'foisa-review-outcome',
    date: '2026-11-20',
    expect: ['section 47(1) of FOISA', 'section 56 of FOISA'],
    never: ['Wycliffe House'],
  },
  {
    name: 'eisr-response',
    reference: 'EISR 118',
    templateId: 'eisr-response',
    date: '2026-10-28',
    expect: [
      'regulation 10(1)(b) of the EISR',
      'refusal notice under regulation 13 of the EISR',
      'regulation 16 of the EISR',
      'regulation 17 of the EISR',
    ],
    never: ['Wycliffe House'],
  },
];

let temp: ReturnType<typeof makeTempDir>;
let desk: DeskApp;
let handlers: Handlers;
const caseIds = new Map<string, number>();
const texts = new Map<string, string>();
const warnings = new Map<string, string[]>();

async function ok<C extends Channel>(channel: C, input: unknown): Promise<ChannelOutput<C>> {
  const reply = await handlers[channel](input);
  if (!reply.ok) throw new Error(`${channel}: ${reply.error.code}: ${reply.error.message}`);
  return reply.value;
}

async function refused(channel: Channel, input: unknown): Promise<string> {
  const reply: Envelope<unknown> = await handlers[channel](input);
  if (reply.ok) throw new Error(`${channel} accepted ${JSON.stringify(input).slice(0, 200)}`);
  return reply.error.message;
}

beforeAll(async () => {
  temp = makeTempDir('foi-desk-law-');
  const file = path.join(temp.dir, 'register.foidesk');
  const cf = createCaseFile({ path: file, passphrase: PASSPHRASE });
  try {
    importInterchange(
      cf,
      [
        { path: 'hpft.organisation.json', text: readFixture('hpft.organisation.json') },
        { path: 'cases.json', text: JSON.stringify(CASES) },
      ],
      'test',
    );
  } finally {
    cf.close();
  }
  desk = new DeskApp({
    configDir: path.join(temp.dir, 'config'),
    actor: 'tester (app)',
    now: () => NOW,
    chooseSavePath: () => Promise.resolve(null),
  });
  handlers = createHandlers(desk);
  expect((await handlers['session:open']({ path: file, passphrase: Buffer.from(PASSPHRASE) })).ok).toBe(true);
  const page = await ok('cases:list', { view: 'all', offset: 0, limit: 100 });
  for (const row of page.rows) caseIds.set(row.reference, row.id);

  const docxs: string[] = [];
  for (const l of LETTERS) {
    const caseId = caseIds.get(l.reference);
    if (caseId === undefined) throw new Error(`no case ${l.reference}`);
    const letter = await ok('letters:generate', { caseId, templateId: l.templateId, date: l.date });
    warnings.set(l.name, letter.document.meta.warnings);
    const { base64 } = await ok('letters:render-docx', { versionId: letter.id });
    const docx = path.join(temp.dir, `law-${l.name}.docx`);
    writeFileSync(docx, Buffer.from(base64, 'base64'));
    docxs.push(docx);
  }
  const pdfs = await convertToPdfs(docxs, temp.dir);
  mkdirSync(resultsDir, { recursive: true });
  await Promise.all(
    LETTERS.map(async (l, i) => {
      const pdf = pdfs[i]!;
      copyFileSync(pdf, path.join(resultsDir, `law-${l.name}.pdf`));
      await renderPng(pdf, path.join(resultsDir, `law-${l.name}-page1`));
      texts.set(l.name, bodyText(await pdfPages(pdf), []));
    }),
  );
}, CONVERSION_TIMEOUT_MS + 120_000);

afterAll(async () => {
  await desk.enqueue(() => desk.lockNow());
  temp.cleanup();
});

describe('every shipped template, read back from Word', () => {
  it('has a case here for each shipped template', () => {
    const covered = new Set(LETTERS.map((l) => l.templateId));
    expect(defaultTemplates.map((t) => t.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it.each(LETTERS.map((l) => [l.name, l] as const))('%s states what the law requires', (_name, l) => {
    const text = texts.get(l.name)!;
    expect(firstOutOfOrder(text, l.expect)).toBeUndefined();
    for (const phrase of l.never ?? []) expect(squash(text)).not.toContain(squash(phrase));
  });

  it('cites a statute in the notes of every template, for the reviewer', () => {
    for (const t of defaultTemplates) {
      expect(t.notes, t.id).toMatch(/\b(s\d|section|reg |regulation|Article|DPA 2018|UK GDPR|FOISA)/);
    }
  });

  it('warns of no "would be likely to" in an EIR refusal, and of no missing NCND provision', () => {
    expect(warnings.get('eir-refusal')!.join(' ')).not.toMatch(/regulation 12\(5\) exception/);
    expect(warnings.get('partial-ncnd')!.join(' ')).not.toMatch(/confirm or deny/);
  });
});

describe('the write paths refuse what the letters could not state lawfully', () => {
  it('refuses "would be likely to" for a reg 12(5) exception, naming the adverse-effect test', async () => {
    const id = caseIds.get('EIR 113')!;
    const detail = await ok('cases:get', { id });
    const q = detail.record.questions[0]!;
    const message = await refused('cases:set-response', {
      id,
      questionId: q.id,
      response: {
        ...q.response,
        exemptions: [{ ...q.response!.exemptions![0]!, likelihood: 'would be likely to' }],
      },
    });
    expect(message).toContain('would adversely affect');
    expect(message).toContain('"would be likely to"');
  });

  it('accepts a DPA 2018 schedule exemption only on a subject access case', async () => {
    const id = caseIds.get('FOI 107')!;
    const q = (await ok('cases:get', { id })).record.questions[0]!;
    const message = await refused('cases:set-response', {
      id,
      questionId: q.id,
      response: {
        outcome: 'exempt',
        exemptions: [{ provision: 'DPA 2018 Sch 2 para 16', reason: 'Third-party data.' }],
      },
    });
    expect(message).toContain('is not a provision a FOIA case can use');
  });

  it('refuses a SAR extension recorded after the first month', async () => {
    const id = caseIds.get('SAR 116')!;
    const message = await refused('cases:add-event', {
      id,
      event: { type: 'sar-extension', date: '2026-11-06', months: 2 },
    });
    expect(message).toContain('within the first month, by 05/11/2026');
    expect(message).toContain('Article 12A');
    await ok('cases:add-event', { id, event: { type: 'sar-extension', date: '2026-11-05', months: 2 } });
  });

  it('keeps the original request on the review case through the case page and the export', async () => {
    const id = caseIds.get('FOI-IR 112')!;
    expect((await ok('cases:get', { id })).record.reviewOf).toBe('FOI 106');
    await ok('cases:update', { id, patch: { reviewOf: 'FOI 105' } });
    expect((await ok('cases:get', { id })).record.reviewOf).toBe('FOI 105');
    await ok('cases:update', { id, patch: { reviewOf: null } });
    expect((await ok('cases:get', { id })).record.reviewOf).toBeUndefined();
  });
});
