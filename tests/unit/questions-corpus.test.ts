/**
 * The splitter on every request of the corpus (tests/fixtures/requests: the real examples and our
 * own): each must give the split an officer would log. The score is printed, so a change that
 * helps one format and breaks another shows in the numbers as well as in the failing request.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { compareSplit, loadCorpus, outlineOf } from '../fixtures/requests/corpus';
import { proposeQuestions } from '../../shared/questions';

const corpus = loadCorpus();
const wrong: string[] = [];

describe('the splitter on the request corpus', () => {
  it('has the real examples and many of our own', () => {
    expect(corpus.filter((r) => r.file === 'examples.json').length).toBeGreaterThanOrEqual(8);
    expect(corpus.filter((r) => r.file !== 'examples.json').length).toBeGreaterThanOrEqual(40);
  });

  it.each(corpus.map((r) => [r.id, r] as const))('%s', (_id, request) => {
    const { questions } = proposeQuestions(request.text);
    const difference = compareSplit(questions, request.expected);
    if (difference) wrong.push(request.id);
    expect(difference, outlineOf(questions).join('\n')).toBeNull();
  });

  afterAll(() => {
    const right = corpus.length - wrong.length;
    console.log(
      `question splitter: ${right} of ${corpus.length} requests split as an officer would` +
        (wrong.length ? ` (wrong: ${wrong.join(', ')})` : ''),
    );
  });
});

describe('the corpus comparison itself', () => {
  it('sets label punctuation and a leading bullet aside, and nothing else', () => {
    const expected = [
      { number: '3', text: 'Q', parts: [{ number: '3.a', text: '-disabled people', parts: [] }] },
    ];
    expect(
      compareSplit(
        [{ number: '3', text: 'Q', parts: [{ number: '3(a)', text: 'disabled people' }] }],
        expected,
      ),
    ).toBeNull();
    expect(
      compareSplit(
        [{ number: '3', text: 'Q', parts: [{ number: '3(b)', text: 'disabled people' }] }],
        expected,
      ),
    ).toMatch(/row 2/);
    expect(compareSplit([{ number: '3', text: 'Q' }], expected)).toMatch(/row 2: expected/);
    expect(
      compareSplit([{ number: '3', text: 'Q', parts: [{ number: '3(a)', text: 'disabled' }] }], expected),
    ).not.toBeNull();
  });
});
