import { describe, expect, it } from 'vitest';
import { letterFileName, safeFileNamePart } from '../../../shared/letter/file-name';

describe('letterFileName', () => {
  it('builds "reference - title - date.docx"', () => {
    expect(letterFileName({ reference: 'FOI 4951', title: 'Refusal notice', date: '2021-11-11' })).toBe(
      'FOI 4951 - Refusal notice - 2021-11-11.docx',
    );
  });

  it('turns slashes into hyphens and drops what Windows forbids', () => {
    expect(letterFileName({ reference: 'MB/SS FOI 4951', title: 'Re: "urgent"?', date: '2021-11-11' })).toBe(
      'MB-SS FOI 4951 - Re urgent - 2021-11-11.docx',
    );
    expect(safeFileNamePart('a<b>c:d"e|f?g*h\\i\u0001j')).toBe('abcde' + 'fgh-ij');
  });

  it('never ends in a dot or space, and avoids device names', () => {
    expect(letterFileName({ reference: 'CON', title: '', date: '', extension: 'docx' })).toBe('_CON.docx');
    expect(letterFileName({ reference: 'nul', title: '', date: '', extension: '' })).toBe('_nul');
    expect(letterFileName({ reference: 'FOI 1...', title: '', date: '' })).toBe('FOI 1.docx');
    expect(letterFileName({ reference: '???', title: '', date: '' })).toBe('Letter.docx');
  });

  it('keeps long names within bounds without splitting a character', () => {
    const name = letterFileName({ reference: 'FOI 1', title: '\u{1F600}'.repeat(300), date: '2024-01-01' });
    expect(Array.from(name).length).toBeLessThanOrEqual(125);
    expect(/[\ud800-\udfff]/u.test(name)).toBe(false);
    expect(name.endsWith('.docx')).toBe(true);
  });

  it('can name other formats', () => {
    expect(
      letterFileName({ reference: 'EIR 12', title: 'Response', date: '2024-01-01', extension: '.pdf' }),
    ).toBe('EIR 12 - Response - 2024-01-01.pdf');
  });
});
