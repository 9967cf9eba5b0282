import { describe, expect, it } from 'vitest';
import { followSeeReferences, questionTreeProblems } from '../../shared/answer-rules';
import type { QuestionData } from '../../shared/case-format';
import {
  clearAnswers,
  flattenQuestions,
  mergeWithNext,
  moveQuestion,
  nestQuestions,
  removalConsequences,
  removeQuestion,
} from '../../shared/questions';

const id = (n: number) => String(n).repeat(32).slice(0, 32);
const see = (n: string, text?: string) => ({
  outcome: 'see-other' as const,
  seeQuestion: n,
  ...(text ? { text } : {}),
});

/** 1 answered; 2 answered; 3 and 4 "see 2"; 5 with a part 5.1 that says "see 1". */
const stored: QuestionData[] = [
  { id: id(1), number: '1', text: 'One', response: { outcome: 'not-held' } },
  { id: id(2), number: '2', text: 'Two', response: { outcome: 'provided', text: 'Yes.' } },
  { id: id(3), number: '3', text: 'Three', response: see('2', 'Please see the answer to question 2.') },
  { id: id(4), number: '4', text: 'Four', response: see('2', 'As question 2.1 and Question 2 say.') },
  {
    id: id(5),
    number: '5',
    text: 'Five',
    parts: [{ id: id(6), number: '5.1', text: 'Five one', response: see('1') }],
  },
];

describe('followSeeReferences', () => {
  it('changes nothing when nothing moves', () => {
    const out = followSeeReferences(stored, stored);
    expect(out.questions).toEqual(stored);
    expect(out.dangling).toEqual([]);
  });

  it('follows the question to its new number, with the same number in the text, and only that one', () => {
    const after = nestQuestions(removeQuestion(flattenQuestions(stored), 0));
    const out = followSeeReferences(stored, after);
    expect(out.questions[1]!.response).toEqual(see('1', 'Please see the answer to question 1.'));
    // "question 2.1" is another question and stays; "Question 2" follows.
    expect(out.questions[2]!.response!.text).toBe('As question 2.1 and Question 1 say.');
    // Question 1 is gone: the part that said "see 1" (now 4.1) points nowhere.
    expect(out.dangling).toEqual([{ fromId: id(6), from: '4.1', targetId: id(1), target: '1' }]);
    expect(out.problems[0]!.message).toBe(
      'Question 4.1: the answer says to see the answer to question 1, which this change removes. Change or clear that answer first',
    );
  });

  it('reports a reference to a removed question, and questionTreeProblems alone would not see it', () => {
    const after = nestQuestions(removeQuestion(flattenQuestions(stored), 1));
    const out = followSeeReferences(stored, after);
    expect(out.dangling.map((d) => [d.from, d.target])).toEqual([
      ['2', '2'],
      ['3', '2'],
    ]);
    expect(out.problems.map((p) => p.field)).toEqual([
      'questions[1].response.seeQuestion',
      'questions[2].response.seeQuestion',
    ]);
    // After the renumber, "see 2" is a number the tree has: only the ids show it is the wrong one.
    expect(questionTreeProblems(after, 'FOIA').filter((p) => p.field.includes('[2]'))).toEqual([]);
  });

  it('follows a move where the old number passes to another question', () => {
    const after = nestQuestions(moveQuestion(flattenQuestions(stored), 1, -1));
    const out = followSeeReferences(stored, after);
    expect(out.questions.map((q) => [q.number, q.response?.seeQuestion])).toEqual([
      ['1', undefined],
      ['2', undefined],
      ['3', '1'],
      ['4', '1'],
      ['5', undefined],
    ]);
    expect(out.questions[4]!.parts![0]!.response!.seeQuestion).toBe('2');
  });

  it('leaves a number the stored tree does not have for the tree rules to judge', () => {
    const out = followSeeReferences([], [{ number: '1', text: 'x', response: see('9') }]);
    expect(out.questions[0]!.response!.seeQuestion).toBe('9');
    expect(questionTreeProblems(out.questions, 'FOIA')[0]!.message).toMatch(/no question 9/);
  });
});

describe('removalConsequences', () => {
  const rows = flattenQuestions(stored);

  it('names the answer removed and the answers that said to see it', () => {
    const next = removeQuestion(rows, 1);
    expect(removalConsequences(stored, rows, next, 1)).toEqual({
      lostAnswer: '2',
      brokenReferences: [
        { fromId: id(3), from: '3', to: '2' },
        { fromId: id(4), from: '4', to: '2' },
      ],
    });
    const cleared = nestQuestions(clearAnswers(next, [id(3), id(4)]));
    expect(followSeeReferences(stored, cleared).dangling).toEqual([]);
    expect(cleared[1]).toEqual({ id: id(3), number: '2', text: 'Three' });
  });

  it('says nothing for a question without an answer that nothing refers to', () => {
    const next = removeQuestion(rows, 4);
    expect(removalConsequences(stored, rows, next, 4)).toEqual({ lostAnswer: null, brokenReferences: [] });
  });

  it('names the next question’s answer on a merge', () => {
    const next = mergeWithNext(rows, 0);
    expect(removalConsequences(stored, rows, next, 1).lostAnswer).toBe('2');
  });
});
