import { describe, expect, it } from 'vitest';
import {
  exportWarnings,
  feeProblem,
  feeValues,
  initialsOf,
  letterDateFor,
  ourRefFor,
  ourRefFormatProblem,
  resolveSignatory,
} from '../../../shared/letter/signatory';
import { inspectLogo, logoPrintSize, MAX_LOGO_BYTES } from '../../../shared/letter/logo';
import { buildLetter } from '../../../shared/letter/build';
import { defaultTemplate, listParagraphs } from '../../../templates/index';
import type { CaseRecord, Organisation } from '../../../shared/case-format';

const officers = [
  { name: 'Sue Smith', title: 'Information Rights Officer', initials: 'SS' },
  { name: 'Mike Burns', title: 'Executive Lead for Freedom of Information', initials: 'MB' },
  { name: 'Ann Other', title: 'FOI Officer', initials: '' },
];

describe('the letter date', () => {
  it('is the responded date of a closed case and today for an open one', () => {
    expect(letterDateFor({ status: 'closed', responded: '2017-12-21' }, '2026-12-01')).toBe('2017-12-21');
    expect(letterDateFor({ status: 'open', responded: '2017-12-21' }, '2026-12-01')).toBe('2026-12-01');
    expect(letterDateFor({ status: 'closed' }, '2026-12-01')).toBe('2026-12-01');
  });
});

describe('the signatory', () => {
  it('is the one chosen on the case, else the case officer with the title the officers list gives', () => {
    expect(resolveSignatory({ officer: 'Sue Smith' }, officers)).toEqual({
      name: 'Sue Smith',
      title: 'Information Rights Officer',
      initials: 'SS',
    });
    expect(
      resolveSignatory({ officer: 'Sue Smith', signatory: { name: 'Mike Burns', title: '' } }, officers),
    ).toEqual({ name: 'Mike Burns', title: 'Executive Lead for Freedom of Information', initials: 'MB' });
    expect(resolveSignatory({ officer: 'ann other' }, officers)?.initials).toBe('AO');
    expect(resolveSignatory({}, officers)).toBeUndefined();
    expect(initialsOf("Mary-Jane O'Neil")).toBe('MJO');
  });
});

describe('Our Ref', () => {
  const pattern = '{signatoryInitials}/{officerInitials} {reference}';
  it('follows the team pattern: MB/SS FOI 4951', () => {
    const record = { reference: 'FOI 4951', officer: 'Sue Smith' };
    const signatory = resolveSignatory({ ...record, signatory: { name: 'Mike Burns', title: '' } }, officers);
    expect(ourRefFor(record, signatory, officers, pattern)).toEqual({ ourRef: 'MB/SS FOI 4951' });
    expect(ourRefFor(record, signatory, officers)).toEqual({ ourRef: 'FOI 4951' });
  });
  it('keeps an Our Ref typed on the case, and warns when the pattern cannot be filled', () => {
    expect(ourRefFor({ reference: 'FOI 1', ourRef: 'XY/1' }, undefined, officers, pattern).ourRef).toBe(
      'XY/1',
    );
    const bare = ourRefFor({ reference: 'FOI 1' }, undefined, officers, pattern);
    expect(bare.ourRef).toBe('FOI 1');
    expect(bare.warning).toMatch(/\{signatoryInitials\}/);
  });
  it('checks a pattern', () => {
    expect(ourRefFormatProblem(pattern)).toBeNull();
    expect(ourRefFormatProblem('{initials}')).toMatch(/must contain \{reference\}/);
    expect(ourRefFormatProblem('{ref} {reference}')).toMatch(/unknown part \{ref\}/);
  });
});

describe('the fee', () => {
  it('is printed in pounds with its breakdown, and a breakdown that does not add up is a warning', () => {
    const fee = { amount: 1250.5, breakdown: [{ item: 'Copying', amount: 1250.5 }] };
    expect(feeValues(fee)).toEqual({
      fee: '£1,250.50',
      feeBreakdown: 'Copying, £1,250.50.',
      paymentInstructions: undefined,
    });
    expect(feeProblem(fee)).toBeNull();
    expect(feeProblem({ amount: 10, breakdown: [{ item: 'Postage', amount: 2 }] })).toMatch(
      /adds up to £2.00, not £10.00/,
    );
  });
});

describe('the logo', () => {
  const png = Buffer.from(
    '89504e470d0a1a0a0000000d49484452000001f4000000640806000000' + '00'.repeat(8),
    'hex',
  );
  it('is recognised by its bytes, not its name', () => {
    expect(inspectLogo(png)).toEqual({ type: 'image/png', width: 500, height: 100 });
    const jpeg = Buffer.from(
      'ffd8ffe000104a46494600010100000100010000ffc0001108003200c803012200021101031101',
      'hex',
    );
    expect(inspectLogo(jpeg)).toEqual({ type: 'image/jpeg', width: 200, height: 50 });
    expect(inspectLogo(Buffer.from('GIF89a......'))).toMatch(/PNG or JPEG/);
    expect(inspectLogo(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toMatch(/PNG or JPEG/);
    expect(inspectLogo(png.subarray(0, 20))).toMatch(/damaged/);
    expect(inspectLogo(Buffer.alloc(0))).toMatch(/empty/);
    expect(inspectLogo(Buffer.concat([png, Buffer.alloc(MAX_LOGO_BYTES)]))).toMatch(/too large/);
  });
  it('is printed at most 8 cm wide and 4 cm high, never enlarged', () => {
    expect(logoPrintSize({ width: 500, height: 100 })).toEqual({ width: 302, height: 60 });
    expect(logoPrintSize({ width: 100, height: 400 })).toEqual({ width: 38, height: 151 });
    expect(logoPrintSize({ width: 50, height: 20 })).toEqual({ width: 50, height: 20 });
  });
});

describe('the built letter', () => {
  const record: CaseRecord = {
    format: 'foi-desk/case@1',
    reference: 'FOI 2774',
    regime: 'FOIA',
    received: '2017-11-23',
    requester: { name: 'A Requester' },
    subject: 'Annual spend on cyber security',
    requestText: '1. How much?',
    questions: [{ number: '1', text: 'How much?', response: { outcome: 'provided', text: '£10.' } }],
    status: 'closed',
    responded: '2017-12-21',
  };
  const organisation: Organisation = { format: 'foi-desk/organisation@1', name: 'Trust', addressLines: [] };
  const build = (subjectInReLine: boolean, signed: boolean) =>
    buildLetter({
      case: record,
      organisation,
      template: { ...defaultTemplate('full-disclosure')!, subjectInReLine },
      paragraphs: listParagraphs([]),
      date: '2017-12-21',
      ...(signed ? { signatory: { name: 'Sue Smith', title: 'Officer', initials: 'SS' } } : {}),
    });
  const text = (doc: ReturnType<typeof build>) => JSON.stringify(doc.body);

  it('puts the subject in the Re: line when the template says so', () => {
    expect(text(build(true, true))).toContain('FOI 2774 – Annual spend on cyber security');
    expect(text(build(false, true))).not.toContain('Annual spend on cyber security');
  });

  it('warns before export when unsigned, and not when signed', () => {
    expect(exportWarnings(build(false, true))).toEqual([]);
    expect(exportWarnings(build(false, false))).toEqual([
      'The placeholder {{signatory.name}} has no value.',
      'The letter has no signatory.',
    ]);
  });
});
