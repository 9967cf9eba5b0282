import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fixtures } from '../helpers';
import { MAX_QUESTION_DEPTH, questionSchema, questionTreeDepth } from '../../shared/case-format';
import {
  addQuestion,
  MAX_LEVEL,
  countQuestions,
  describeCount,
  flattenQuestions,
  mergeWithNext,
  moveQuestion,
  nestQuestions,
  proposeQuestions,
  removeQuestion,
  renumberQuestions,
  shiftLevel,
  splitQuestion,
  type FlatQuestion,
} from '../../shared/questions';
import type { CaseRecord, QuestionData } from '../../shared/case-format';

const foi4951 = JSON.parse(readFileSync(path.join(fixtures, 'foi-4951.case.json'), 'utf8')) as CaseRecord;

/** Number and text only, the shape a proposal has. */
function outline(questions: QuestionData[]): unknown[] {
  return questions.map((q) => (q.parts ? { n: q.number, parts: outline(q.parts) } : { n: q.number }));
}

function stripAnswers(questions: QuestionData[]): QuestionData[] {
  return questions.map((q) => {
    const out: QuestionData = { number: q.number, text: q.text };
    if (q.parts) out.parts = stripAnswers(q.parts);
    return out;
  });
}

describe('proposeQuestions', () => {
  it('reads FOI 4951 as questions 1 and 2 with parts 1.1, 1.2, 2.1, 2.2 (four questions to answer)', () => {
    const { questions, notes } = proposeQuestions(foi4951.requestText);
    expect(questions).toEqual(stripAnswers(foi4951.questions));
    expect(countQuestions(questions)).toEqual({ questions: 2, parts: 4 });
    expect(describeCount(questions)).toBe('2 questions with 4 parts');
    expect(notes).toEqual([]);
  });

  it('reads the request as quoted in the Walton letter: bullets, a bare "2", and 2.1 quoted twice', () => {
    const letter = readFileSync(path.join(fixtures, 'seeds', '000_00b0939004e0e6ff.txt'), 'utf8');
    const start = letter.indexOf('1.  Does your organisation');
    const q1End = letter.indexOf('I confirm that');
    const q2Start = letter.indexOf('2 Does your organisation');
    const q2End = letter.indexOf('As above.');
    const request = `${letter.slice(start, q1End)}\n${letter.slice(q2Start, q2End)}`;
    const { questions, notes } = proposeQuestions(request);
    expect(outline(questions)).toEqual([
      { n: '1', parts: [{ n: '1.1' }, { n: '1.2' }] },
      { n: '2', parts: [{ n: '2.1' }, { n: '2.2' }] },
    ]);
    expect(questions[0]!.parts![1]!.text).toContain('(a) are you planning');
    expect(questions[0]!.parts![1]!.text).toContain('(b) by which date?');
    expect(questions[1]!.parts![1]!.text).toMatch(/^Where the answer to the above is 'No'/);
    expect(notes).toEqual(['Question 2.1 appears twice in the request; the second is numbered 2.2.']);
  });

  it('keeps lettered parts on their own lines as parts of the question above', () => {
    const { questions } = proposeQuestions(
      'Please tell me:\n1. How many beds are there?\n(a) in adult wards\n(b) in children’s wards\n2) Who owns them?\n',
    );
    expect(outline(questions)).toEqual([{ n: '1', parts: [{ n: '1(a)' }, { n: '1(b)' }] }, { n: '2' }]);
    expect(questions[0]!.parts![0]!.text).toBe('in adult wards');
  });

  it('reads "Q1:" and "Question 2 -" labels, and roman numerals under letters', () => {
    const { questions } = proposeQuestions(
      'Q1: What is the budget?\nQuestion 2 - Who approved it?\na) the board\n(i) when\n(ii) why\nb) the committee',
    );
    expect(outline(questions)).toEqual([
      { n: '1' },
      { n: '2', parts: [{ n: '2(a)', parts: [{ n: '2(a)(i)' }, { n: '2(a)(ii)' }] }, { n: '2(b)' }] },
    ]);
  });

  it('joins hard-wrapped lines, keeps paragraphs, and leaves out a sign-off', () => {
    const { questions, notes } = proposeQuestions(
      'Dear FOI team,\n\n1. How many laptops were\nbought in 2024?\n\n2. What did they cost?\n\nMany thanks,\nA. Requester',
    );
    expect(questions.map((q) => q.text)).toEqual([
      'How many laptops were bought in 2024?',
      'What did they cost?',
    ]);
    expect(notes).toEqual(["Left out the sign-off from 'Many thanks,' on."]);
  });

  it('does not read a number inside the text as a new question', () => {
    const { questions } = proposeQuestions('1. How many of the\n100 beds are in use?\n2. And in 2023?');
    expect(outline(questions)).toEqual([{ n: '1' }, { n: '2' }]);
    expect(questions[0]!.text).toBe('How many of the 100 beds are in use?');
  });

  it('falls back to one question per question sentence, or the whole text', () => {
    expect(proposeQuestions('How many staff do you have? What do they earn? Thanks.').questions).toEqual([
      { number: '1', text: 'How many staff do you have?' },
      { number: '2', text: 'What do they earn?' },
    ]);
    expect(proposeQuestions('Please send me your policy on parking.').questions).toEqual([
      { number: '1', text: 'Please send me your policy on parking.' },
    ]);
    expect(proposeQuestions('  \n ').questions).toEqual([]);
  });

  it('handles Windows line ends and non-breaking spaces', () => {
    const { questions } = proposeQuestions('1.\u00a0First?\r\n1.1\u00a0Part?\r\n2. Second?');
    expect(outline(questions)).toEqual([{ n: '1', parts: [{ n: '1.1' }] }, { n: '2' }]);
  });
});

describe('the question editor operations', () => {
  const start = (): FlatQuestion[] => flattenQuestions(stripAnswers(foi4951.questions));

  it('flattens and nests back to the same tree', () => {
    expect(nestQuestions(flattenQuestions(foi4951.questions))).toEqual(foi4951.questions);
  });

  it('splits a question at the caret, or after the first sentence', () => {
    const flat = splitQuestion([{ level: 0, number: '1', text: 'How many? And where?' }], 0, -1);
    expect(flat).toEqual([
      { level: 0, number: '1', text: 'How many?' },
      { level: 0, number: '2', text: 'And where?' },
    ]);
    const atCaret = splitQuestion([{ level: 0, number: '1', text: 'abc def' }], 0, 3);
    expect(atCaret.map((r) => r.text)).toEqual(['abc', 'def']);
  });

  it('merges a row with the next, keeping the first answer', () => {
    const flat = mergeWithNext(start(), 1);
    expect(flat.map((r) => r.number)).toEqual(['1', '1.1', '2', '2.1', '2.2']);
    expect(flat[1]!.text).toContain('expire?\nWhere the answer');
  });

  it('moves a question with its parts and renumbers', () => {
    const flat = moveQuestion(start(), 3, -1);
    expect(flat.map((r) => `${r.level}:${r.number}`)).toEqual([
      '0:1',
      '1:1.1',
      '1:1.2',
      '0:2',
      '1:2.1',
      '1:2.2',
    ]);
    expect(flat[0]!.text).toMatch(/Cyber Essentials Plus/);
    expect(moveQuestion(start(), 0, -1)).toEqual(start());
    expect(moveQuestion(start(), 1, 1).map((r) => r.text)[1]).toMatch(/'No'/);
  });

  it('indents and outdents', () => {
    const flat = shiftLevel(start(), 3, 1);
    expect(countQuestions(nestQuestions(flat))).toEqual({ questions: 1, parts: 5 });
    expect(flat.map((r) => r.number)).toEqual(['1', '1.1', '1.2', '1.3', '1.3(a)', '1.3(b)']);
    expect(shiftLevel(flat, 3, -1).map((r) => r.number)).toEqual(['1', '1.1', '1.2', '2', '2.1', '2.2']);
    expect(shiftLevel(start(), 0, 1)).toEqual(start());
  });

  it('removes a row, lifting its parts; adds a row after a subtree', () => {
    expect(removeQuestion(start(), 0).map((r) => r.number)).toEqual(['1', '2', '3', '3.1', '3.2']);
    expect(addQuestion(start(), 0).map((r) => r.number)).toEqual(['1', '1.1', '1.2', '2', '3', '3.1', '3.2']);
  });

  it('renumbers deep rows with letters and clamps impossible levels', () => {
    const flat = renumberQuestions([
      { level: 2, number: '', text: 'a' },
      { level: 1, number: '', text: 'b' },
      { level: 2, number: '', text: 'c' },
      { level: 2, number: '', text: 'd' },
    ]);
    expect(flat.map((r) => `${r.level}:${r.number}`)).toEqual(['0:1', '1:1.1', '2:1.1(a)', '2:1.1(b)']);
  });
});

describe('the question depth limit', () => {
  it('lists a proposal deeper than the limit at the deepest level, keeping numbers and order', () => {
    const proposal = proposeQuestions(
      '1. First\n1.1 Part\n1.1.1 Part of a part\n1.1.1.1 Deeper\n(a) Deeper still\n2. Second?',
    );
    expect(questionTreeDepth(proposal.questions)).toBe(MAX_QUESTION_DEPTH);
    expect(flattenQuestions(proposal.questions).map((r) => `${r.level}:${r.number}`)).toEqual([
      '0:1',
      '1:1.1',
      '2:1.1.1',
      '2:1.1.1.1',
      '2:1.1.1.1(a)',
      '0:2',
    ]);
    expect(proposal.notes).toContain(
      '1.1.1.1 and 1 more part went deeper than 3 levels; they are listed at the deepest level, keeping the numbers.',
    );
    expect(questionSchema.array().safeParse(proposal.questions).success).toBe(true);
  });

  it('never nests a flat list deeper than the schema takes', () => {
    const rows = [0, 1, 2, 3, 4].map((level) => ({ level, number: String(level), text: 't' }));
    expect(questionTreeDepth(nestQuestions(rows))).toBe(MAX_QUESTION_DEPTH);
    expect(MAX_LEVEL).toBe(MAX_QUESTION_DEPTH - 1);
  });
});
