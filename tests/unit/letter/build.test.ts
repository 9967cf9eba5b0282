import { describe, expect, it } from 'vitest';
import type { CaseRecord, QuestionData } from '../../../shared/case-format';
import {
  buildLetter,
  questionLabel,
  recipientLines,
  suggestTemplateId,
  withholdsInformation,
} from '../../../shared/letter/build';
import { docSchema, plainText } from '../../../shared/letter/doc';
import { letterDocumentSchema, type LetterTemplate } from '../../../shared/letter/template';
import { defaultTemplates, listParagraphs } from '../../../templates/defaults';
import { blocksContaining, hpft, inlineNodes, letter, positions, text, walton } from './fixtures';

const REFUSAL_SENTENCE = 'This response therefore acts as a refusal notice under section 17 of the FOIA.';

function withQuestions(c: CaseRecord, questions: QuestionData[]): CaseRecord {
  return { ...c, questions };
}

describe('buildLetter: Walton FOI 4951', () => {
  const { c, org } = walton();
  const doc = letter(c, org, 'refusal');
  const body = text(doc.body);
  const q1 = c.questions[0]!;
  const ex = q1.response!.exemptions![0]!;

  it('fills the meta from the case and the organisation', () => {
    expect(doc.meta).toMatchObject({
      reference: 'FOI 4951',
      ourRef: 'MB/SS FOI 4951',
      date: '2021-11-11',
      dateText: '11 November 2021',
      templateId: 'refusal',
      title: 'Refusal notice',
      fileName: 'FOI 4951 - Refusal notice - 2021-11-11.docx',
      recipientLines: ['Requester (name withheld)', 'By email: requester@example.org'],
      signatory: { name: 'Mike Burns', title: 'Executive Lead for Freedom of Information' },
      warnings: [],
    });
  });

  it('is valid editor JSON', () => {
    expect(letterDocumentSchema.safeParse(doc).success).toBe(true);
    expect(docSchema.safeParse(JSON.parse(JSON.stringify(doc.body))).success).toBe(true);
  });

  it('names the Act and the regime in the Re: line and the opening', () => {
    expect(body).toContain('Re: Freedom of Information Request FOI 4951');
    expect(body).toContain(
      'under the Freedom of Information Act 2000, which we received on 11 November 2021.',
    );
    const re = blocksContaining(doc.body, 'Re: Freedom')[0];
    expect(re).toMatchObject({ type: 'paragraph', attrs: { role: 'subject' } });
  });

  it('quotes each question with its number, then the answer (answer-after-each)', () => {
    const order = positions(body, [
      `1.\t${q1.text}`,
      `1.1\t${q1.parts![0]!.text}`,
      `1.2\t${q1.parts![1]!.text}`,
      q1.response!.heldStatement!,
      'Section 31(1)(a) – The prevention or detection of crime',
      ex.reason,
      'We consider that disclosure of this information would be likely to cause the prejudice described above.',
      'Public interest test',
      ex.publicInterest!.forDisclosure[0]!,
      ...ex.publicInterest!.forWithholding,
      ex.publicInterest!.conclusion,
      REFUSAL_SENTENCE,
      `2.\t${c.questions[1]!.text}`,
      'As above.',
      'Yours sincerely',
      'Mike Burns',
      'Executive Lead for Freedom of Information',
    ]);
    expect(order).not.toContain(-1);
  });

  it('puts the factors in bullet lists of factor paragraphs', () => {
    const lists = doc.body.content.filter((b) => b.type === 'bulletList');
    expect(lists).toHaveLength(2);
    expect(lists[1]!.type === 'bulletList' && lists[1]!.content).toHaveLength(3);
    const item = lists[0]!.type === 'bulletList' ? lists[0]!.content[0]! : undefined;
    expect(item?.content[0]).toMatchObject({ type: 'paragraph', attrs: { role: 'factor' } });
  });

  it('quotes the whole request first with request-then-answers', () => {
    const alt = text(letter(c, org, 'refusal', { layout: 'request-then-answers' }).body);
    const order = positions(alt, [
      'Your request was as follows:',
      q1.text,
      c.questions[1]!.parts![1]!.text,
      'Our response',
      'Question 1',
      q1.response!.heldStatement!,
      REFUSAL_SENTENCE,
      'Question 2',
      'As above.',
    ]);
    expect(order).not.toContain(-1);
    // The parts are answered under their parent, not given labels of their own.
    expect(alt).not.toContain('Question 1.1');
  });

  it('uses the organisation review window and says whom to write to', () => {
    expect(body).toContain('within two months of the date of this letter');
    expect(body).toContain('Please write to the Freedom of Information Office at the address above');
    expect(body).toContain(
      'Please remember to quote the reference number, FOI 4951, in any future communications.',
    );
  });

  it('has the current re-use law and the ICO details', () => {
    expect(body).toContain('Re-use of Public Sector Information Regulations 2015 (SI 2015/1415)');
    expect(body).not.toContain('2005');
    expect(body).toContain(
      "Information Commissioner's Office, Wycliffe House, Water Lane, Wilmslow, Cheshire SK9 5AF",
    );
    expect(body).toContain('0303 123 1113');
    const links = inlineNodes(doc.body).flatMap((n) =>
      n.type === 'text' ? (n.marks ?? []).filter((m) => m.type === 'link').map((m) => m.attrs.href) : [],
    );
    expect(links).toContain('https://ico.org.uk/make-a-complaint/');
    expect(links).toContain('https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/');
  });
});

describe('buildLetter: HPFT FOI 2774', () => {
  const { c, org } = hpft();
  const doc = letter(c, org, 'partial-disclosure');
  const body = text(doc.body);

  it('attaches the footnote to the answer it belongs to', () => {
    const para = blocksContaining(doc.body, 'We are unable to provide you with this information')[0];
    expect(para?.type).toBe('paragraph');
    const last = para?.type === 'paragraph' ? para.content?.[para.content.length - 1] : undefined;
    expect(last).toEqual({ type: 'footnote', attrs: { text: c.questions[1]!.response!.footnotes![0]! } });
    // Footnote text is not part of the running text.
    expect(body).not.toContain('Any person making a request');
  });

  it('places a footnote where the answer text marks it with [^1]', () => {
    const q2 = c.questions[1]!;
    const marked = withQuestions(c, [
      {
        ...q2,
        response: {
          ...q2.response!,
          text: 'We are unable to provide you with this information[^1] because of the contract.',
        },
      },
    ]);
    const para = blocksContaining(letter(marked, org, 'partial-disclosure').body, 'this information')[0];
    expect(para?.type === 'paragraph' && para.content?.map((n) => n.type)).toEqual([
      'text',
      'footnote',
      'text',
    ]);
  });

  it('prints see-other, the exemption and the refusal notice once, and the enclosure', () => {
    expect(body.split('Please see the answer to question 2.').length - 1).toBe(2);
    expect(body).toContain('Section 31(1)(a) – Law enforcement');
    expect(body.split(REFUSAL_SENTENCE).length - 1).toBe(1);
    expect(body).toContain('Enc: Copyright Protection and Complaints Procedure Information Leaflet');
    expect(body.indexOf(REFUSAL_SENTENCE)).toBeGreaterThan(body.indexOf(c.questions[4]!.text));
    expect(doc.meta.warnings).toEqual([]);
  });
});

describe('buildLetter: section 17 statement', () => {
  const { c, org } = hpft();
  const provided = withQuestions(
    c,
    c.questions
      .slice(0, 2)
      .map((q) => ({ ...q, response: { outcome: 'provided' as const, text: 'Here it is.' } })),
  );

  it('is absent when nothing is withheld', () => {
    const body = text(letter(provided, org, 'full-disclosure').body);
    expect(body).not.toContain('refusal notice');
    expect(withholdsInformation(provided)).toBe(false);
  });

  it('appears when a sub-part is withheld, after that question', () => {
    const part: QuestionData = {
      number: '2.1',
      text: 'And the detail?',
      response: {
        outcome: 'exempt',
        exemptions: [{ provision: 'FOIA s43(2)', reason: 'Commercially sensitive.' }],
      },
    };
    const mixed = withQuestions(provided, [
      { ...provided.questions[0]!, parts: [part] },
      provided.questions[1]!,
    ]);
    const body = text(letter(mixed, org, 'partial-disclosure').body);
    expect(withholdsInformation(mixed)).toBe(true);
    expect(body.split(REFUSAL_SENTENCE).length - 1).toBe(1);
    expect(body.indexOf(REFUSAL_SENTENCE)).toBeLessThan(body.indexOf(provided.questions[1]!.text));
  });

  it('names the regulation under the EIR and is left out of a subject access reply', () => {
    const eir = { ...c, regime: 'EIR' as const };
    const eirBody = text(letter(eir, org, 'eir-refusal').body);
    expect(eirBody).toContain(
      'This response therefore acts as a refusal notice under regulation 14 of the EIR.',
    );
    expect(eirBody).toContain('Re: Environmental Information Request FOI 2774');
    expect(eirBody).toContain('Environmental Information Regulations 2004');
    expect(eirBody).toContain('within 40 working days of the date of this letter');
    const sar = text(letter({ ...c, regime: 'SAR' }, org, 'full-disclosure').body);
    expect(sar).not.toContain('refusal notice');
    expect(sar).toContain('Re: Subject Access Request FOI 2774');
    expect(sar).not.toContain('Re-use');
  });

  it('names FOISA and the Scottish Information Commissioner for Scottish requests', () => {
    const body = text(letter({ ...c, regime: 'FOISA' }, org, 'partial-disclosure').body);
    expect(body).toContain('Freedom of Information (Scotland) Act 2002');
    expect(body).toContain('refusal notice under section 16 of FOISA');
    expect(body).toContain('Scottish Information Commissioner');
    expect(body).not.toContain('Wycliffe House');
  });
});

describe('buildLetter: exemptions', () => {
  const { c, org } = hpft();
  const pi = {
    forDisclosure: ['Openness.'],
    forWithholding: ['Privacy.'],
    conclusion: 'Withheld on balance.',
  };
  const one = (provision: string, publicInterest?: typeof pi) =>
    withQuestions(c, [
      {
        number: '1',
        text: 'Who attended?',
        response: {
          outcome: 'exempt',
          exemptions: [
            {
              provision,
              reason: 'The names are personal data.',
              ...(publicInterest ? { publicInterest } : {}),
            },
          ],
        },
      },
    ]);

  it('gives an absolute exemption no public interest test, even if one was recorded', () => {
    const doc = letter(one('FOIA s40(2)', pi), org, 'refusal');
    const body = text(doc.body);
    expect(body).toContain('Section 40(2) – Personal information');
    expect(body).toContain(
      'Section 40(2) is an absolute exemption, so we are not required to consider the public interest',
    );
    expect(body).not.toContain('Public interest test');
    expect(body).not.toContain('Openness.');
    expect(doc.meta.warnings.join(' ')).toMatch(/absolute exemption/);
    for (const p of ['FOIA s21', 'FOIA s41(1)', 'FOIA s44(1)(a)', 'FOIA s32', 'FOIA s23(1)']) {
      expect(text(letter(one(p), org, 'refusal').body)).not.toContain('Public interest test');
    }
  });

  it('gives a qualified exemption its test, and flags one that has none', () => {
    expect(text(letter(one('FOIA s43(2)', pi), org, 'refusal').body)).toContain('Public interest test');
    const missing = letter(one('FOIA s43(2)'), org, 'refusal');
    expect(text(missing.body)).toContain('[Public interest test for Section 43(2) to be added');
    expect(missing.meta.warnings.join(' ')).toMatch(/qualified but has no public interest test/);
  });

  it('warns about a withheld answer with no exemption, and an unanswered question', () => {
    const bare = withQuestions(c, [
      { number: '1', text: 'A?', response: { outcome: 'exempt' } },
      { number: '2', text: 'B?' },
    ]);
    const doc = letter(bare, org, 'refusal');
    expect(doc.meta.warnings).toEqual(
      expect.arrayContaining([
        'Question 1 withholds information but names no exemption.',
        'Question 2 has no answer.',
      ]),
    );
    expect(text(doc.body)).toContain('[Answer to question 2 to be added]');
  });
});

describe('buildLetter: placeholders and safety', () => {
  const { c, org } = hpft();

  it('takes the estimated date from the clock and names the exemptions on the case', () => {
    const body = text(letter(c, org, 'pi-extension', { estimatedDate: '2018-01-22' }).body);
    expect(body).toContain('we estimate that we will do so by 22 January 2018.');
    expect(body).toContain(
      'may be exempt under section 31(1)(a) (law enforcement). This is a qualified exemption',
    );
  });

  it('leaves a placeholder with no value visible and lists it as a warning', () => {
    const doc = letter(c, org, 'pi-extension');
    expect(text(doc.body)).toContain('by {{estimatedDate}}.');
    expect(doc.meta.warnings).toContain('The placeholder {{estimatedDate}} has no value yet.');
  });

  it('states the cost limit for an NHS trust with advice and assistance', () => {
    const body = text(
      letter(c, org, 'cost-limit', { values: { adviceAndAssistance: 'You could narrow it.' } }).body,
    );
    expect(body).toContain('appropriate limit of £450');
    expect(body).toContain('18 hours of work at £25 an hour');
    expect(body).toContain(
      'Under section 16 of the Act we have a duty to provide advice and assistance. You could narrow it.',
    );
  });

  it('never lets officer values replace case values, and never expands values again', () => {
    const body = text(
      letter(c, org, 'cost-limit', { values: { reference: 'HACKED', adviceAndAssistance: '{{reference}}' } })
        .body,
    );
    expect(body).toContain('Re: Freedom of Information Request FOI 2774');
    expect(body).not.toContain('HACKED');
    expect(body).toContain('duty to provide advice and assistance. {{reference}}');
  });

  it('prints requester text literally: no markup, no links', () => {
    const hostile = { ...c, requester: { name: '**Bob** [x](javascript:alert(1)) <https://evil.example>' } };
    const doc = letter(hostile, org, 'acknowledgement', { dueDate: '2017-12-21' });
    const dear = blocksContaining(doc.body, 'Dear ')[0];
    expect(dear && plainText(dear)).toBe('Dear **Bob** [x](javascript:alert(1)) <https://evil.example>');
    const marks =
      dear?.type === 'paragraph'
        ? dear.content?.flatMap((n) => (n.type === 'text' ? (n.marks ?? []) : []))
        : [];
    expect(marks).toEqual([]);
  });

  it('drops a paragraph whose optional placeholder has no value', () => {
    const noEmail = letter(c, { ...org, email: undefined }, 'partial-disclosure');
    expect(text(noEmail.body)).not.toContain('You can also send your request for a review by email');
    expect(text(letter(c, org, 'partial-disclosure').body)).toContain(
      'You can also send your request for a review by email to foi@hpft.nhs.uk.',
    );
  });

  it('prints a visible marker for a standard paragraph missing from the set', () => {
    const template: LetterTemplate = {
      ...defaultTemplates[0]!,
      blocks: [{ kind: 'standard', id: 'no-such' }],
    };
    const doc = buildLetter({
      case: c,
      organisation: org,
      template,
      paragraphs: listParagraphs(),
      date: '2020-01-01',
    });
    expect(text(doc.body)).toBe('[Standard paragraph "no-such" is missing]');
    expect(doc.meta.warnings[0]).toMatch(/no-such/);
  });
});

describe('every shipped template', () => {
  const cases = [walton(), hpft()];
  it.each(defaultTemplates.map((t) => [t.id, t] as const))(
    '%s builds valid editor JSON for both seeds',
    (_id, t) => {
      for (const { c, org } of cases) {
        const doc = buildLetter({
          case: { ...c, regime: t.regimes[0]! },
          organisation: org,
          template: t,
          paragraphs: listParagraphs(),
          date: '2024-02-29',
          estimatedDate: '2024-03-28',
          dueDate: '2024-03-28',
        });
        const parsed = letterDocumentSchema.safeParse(doc);
        expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true);
        expect(doc.meta.warnings.filter((w) => w.includes('standard paragraph'))).toEqual([]);
        expect(doc.meta.fileName).toMatch(/^FOI \d+ - .+ - 2024-02-29\.docx$/);
        expect(text(doc.body)).toContain('Yours sincerely');
      }
    },
  );
});

describe('helpers', () => {
  it('labels plain question numbers with a full stop only', () => {
    expect(questionLabel('1')).toBe('1.');
    expect(questionLabel(' 12 ')).toBe('12.');
    expect(questionLabel('1.1')).toBe('1.1');
    expect(questionLabel('2(a)')).toBe('2(a)');
  });

  it('prints a postal address when there is one, else the e-mail', () => {
    const { c } = hpft();
    expect(recipientLines(c)).toEqual(['Requester (name withheld)', 'By email: requester2@example.org']);
    expect(
      recipientLines({
        ...c,
        requester: {
          name: 'Ada Lovelace',
          organisation: 'Engines Ltd',
          address: '1 High Street\r\n\r\nLondon\nN1 1AA',
        },
      }),
    ).toEqual(['Ada Lovelace', 'Engines Ltd', '1 High Street', 'London', 'N1 1AA']);
  });

  it('suggests the template from the outcome', () => {
    expect(suggestTemplateId(walton().c)).toBe('refusal');
    expect(suggestTemplateId(hpft().c)).toBe('partial-disclosure');
    expect(suggestTemplateId({ ...hpft().c, regime: 'FOI-IR' })).toBe('internal-review-outcome');
  });
});
