/** The standard answers library's rules (shared/standard-answers.ts), worked by hand. */
import { describe, expect, it } from 'vitest';
import {
  insertionNotes,
  insertStandardText,
  isStale,
  libraryPersonalData,
  normaliseStandardAnswer,
  parseTags,
  searchTerms,
  standardAnswerProblems,
  suggestionScore,
  type StandardAnswerInput,
} from '../../shared/standard-answers';

const entry = (patch: Partial<StandardAnswerInput> = {}): StandardAnswerInput => ({
  title: 'Cyber security: NCSC guidance',
  text: 'The Trust follows the National Cyber Security Centre guidance.',
  tags: ['cyber'],
  regime: null,
  provision: null,
  ...patch,
});

describe('what an entry needs', () => {
  it('accepts a titled entry with text', () => {
    expect(standardAnswerProblems(entry())).toEqual([]);
  });
  it('needs a title and text, whitespace not counting', () => {
    expect(standardAnswerProblems(entry({ title: '  ', text: '\n\t ' })).map((p) => p.field)).toEqual([
      'title',
      'text',
    ]);
  });
  it('limits the lengths and the tags', () => {
    const problems = standardAnswerProblems(
      entry({
        title: 'x'.repeat(121),
        text: 'y'.repeat(20_001),
        tags: Array.from({ length: 13 }, (_, i) => `tag ${i}`),
      }),
    );
    expect(problems.map((p) => p.field)).toEqual(['title', 'text', 'tags']);
    expect(standardAnswerProblems(entry({ tags: ['z'.repeat(41)] }))[0]?.message).toMatch(/too long/);
    expect(standardAnswerProblems(entry({ title: 'x'.repeat(120) }))).toEqual([]);
  });
  it('refuses a catalogue provision the regime cannot use, as the answer rules do', () => {
    expect(standardAnswerProblems(entry({ regime: 'SAR', provision: 'FOIA s40(2)' }))).toEqual([
      { field: 'provision', message: 'FOIA s40(2) is not a provision a SAR case can use' },
    ]);
    expect(standardAnswerProblems(entry({ regime: 'FOIA', provision: 'FOIA s40(2)' }))).toEqual([]);
    // A provision outside the catalogue is taken as written (shared/answer-rules.ts does the same).
    expect(standardAnswerProblems(entry({ regime: 'FOIA', provision: 'Local Act s9' }))).toEqual([]);
  });
  it('keeps tags trimmed, lower case and once each; an empty provision is none', () => {
    expect(parseTags(' Cyber, agency  staff; ICT ,cyber,')).toEqual(['cyber', 'agency staff', 'ict']);
    expect(
      normaliseStandardAnswer(entry({ title: '  Two   spaces ', provision: '  ', text: 'a\r\nb ' })),
    ).toEqual({
      ...entry({ title: 'Two spaces', text: 'a\nb' }),
    });
  });
});

describe('personal data before an answer goes into the library', () => {
  it('flags an email, a phone number and a valid NHS number, and the requester', () => {
    const found = libraryPersonalData(
      {
        title: 'Agency spend',
        text: 'Ask jo.bloggs@example.net or 07700 900123 about 943 476 5919 for Ann Smith.',
      },
      { name: 'Ann Smith' },
    );
    expect(new Set(found.map((f) => f.kind))).toEqual(new Set(['email', 'phone', 'nhs-number', 'requester']));
  });
  it('finds nothing in plain standard wording', () => {
    expect(libraryPersonalData(entry())).toEqual([]);
  });
});

describe('inserting into an answer being drafted', () => {
  it('fills an empty answer', () => {
    expect(insertStandardText('  ', ' Standard. ')).toEqual({ text: 'Standard.', caret: 9 });
  });
  it('appends as a paragraph of its own when there is no caret', () => {
    expect(insertStandardText('Typed.', 'Standard.')).toEqual({ text: 'Typed.\n\nStandard.', caret: 17 });
  });
  it('goes in at the caret, keeping the text either side', () => {
    const r = insertStandardText('First.\n\nLast.', 'Middle.', { start: 8, end: 8 });
    expect(r.text).toBe('First.\n\nMiddle.\n\nLast.');
    expect(r.text.slice(0, r.caret)).toBe('First.\n\nMiddle.');
  });
  it('never replaces a selection: the text goes after it', () => {
    const r = insertStandardText('Keep this sentence.', 'Added.', { start: 0, end: 9 });
    expect(r.text).toBe('Keep this\n\nAdded.\n\nsentence.');
    expect(r.text.replace('\n\nAdded.\n\n', ' ')).toBe('Keep this sentence.');
  });
  it('at the start of the answer', () => {
    expect(insertStandardText('Typed.', 'First.', { start: 0, end: 0 }).text).toBe('First.\n\nTyped.');
  });
  it('says when an entry does not suit the case', () => {
    expect(
      insertionNotes(
        { regime: 'EIR', provision: 'FOIA s43(2)', reviewedOn: '2025-01-01' },
        'SAR',
        '2026-06-01',
      ),
    ).toEqual([
      'This standard answer is written for EIR requests; this case is SAR.',
      'FOIA s43(2) is not a provision a SAR case can use: the exemption is not added.',
      'Last reviewed 2025-01-01: check it is still right before sending.',
    ]);
    expect(
      insertionNotes(
        { regime: null, provision: 'FOIA s43(2)', reviewedOn: '2026-01-01' },
        'FOIA',
        '2026-06-01',
      ),
    ).toEqual([]);
  });
});

describe('review dates, suggestions and search', () => {
  it('is due for review a year after it was last reviewed', () => {
    expect(isStale('2025-06-01', '2026-05-31')).toBe(false);
    expect(isStale('2025-06-01', '2026-06-01')).toBe(true);
  });
  it('scores the words a question shares with an entry, title and tags twice', () => {
    const e = { title: 'Agency staff spend', tags: ['locum'], text: 'Spend on nursing agencies per year.' };
    expect(suggestionScore('How much did you spend on agency staff?', e)).toBe(6);
    expect(suggestionScore('What is your cyber security policy?', e)).toBe(0);
    expect(suggestionScore('Nursing figures?', e)).toBe(1);
  });
  it('splits a search into distinct lower-case words', () => {
    expect(searchTerms('  Cyber  cyber NCSC ')).toEqual(['cyber', 'ncsc']);
  });
});
