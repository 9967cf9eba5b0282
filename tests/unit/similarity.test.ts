import { describe, expect, it } from 'vitest';
import {
  AGGREGATION_WORKING_DAYS,
  distinctWords,
  likeness,
  requestWords,
  similarFlags,
  type SimilarPair,
} from '../../shared/similarity';

const pair = (p: Partial<SimilarPair>): SimilarPair => ({
  score: 90,
  sameRequester: true,
  workingDaysApart: 10,
  otherEarlier: true,
  otherAnswered: true,
  regime: 'FOIA',
  otherRegime: 'FOIA',
  ...p,
});

describe('the words of a request', () => {
  it('folds case and accents as the word index does, and leaves out courtesy and the law’s words', () => {
    expect(
      requestWords('Please provide the CAFÉ contracts under the Freedom of Information Act, 2019–20'),
    ).toEqual(['cafe', 'contracts', '2019', '20']);
    expect(distinctWords('parking parking permits parking permits fines')).toEqual([
      'parking',
      'permits',
      'fines',
    ]);
  });
});

describe('likeness', () => {
  const even = () => 1;
  it('is 100 for the same words and 0 for none shared', () => {
    expect(likeness(['siem', 'windows'], ['windows', 'siem'], even)).toEqual({
      score: 100,
      matched: ['windows', 'siem'],
    });
    expect(likeness(['siem'], ['parking'], even).score).toBe(0);
    expect(likeness([], ['parking'], even).score).toBe(0);
  });
  it('weighs rare words above common ones', () => {
    const weight = (w: string) => (w === 'trust' ? 0.1 : 3);
    const rare = likeness(['trust', 'siem'], ['siem', 'other'], weight).score;
    const common = likeness(['trust', 'siem'], ['trust', 'other'], weight).score;
    expect(rare).toBeGreaterThan(common);
  });
  it('scores a short request inside a long one below an equal pair', () => {
    const long = ['siem', 'windows', 'a1', 'b1', 'c1', 'd1', 'e1', 'f1'];
    expect(likeness(['siem', 'windows'], long, even).score).toBeLessThan(100);
  });
});

describe('what similarity may mean', () => {
  it('aggregation: same requester within 60 working days, FOI and EIR only', () => {
    expect(similarFlags(pair({ otherAnswered: false })).map((f) => f.kind)).toEqual(['aggregation']);
    expect(
      similarFlags(pair({ otherAnswered: false, workingDaysApart: AGGREGATION_WORKING_DAYS })).length,
    ).toBe(1);
    expect(
      similarFlags(pair({ otherAnswered: false, workingDaysApart: AGGREGATION_WORKING_DAYS + 1 })),
    ).toEqual([]);
    expect(similarFlags(pair({ otherAnswered: false, regime: 'SAR', otherRegime: 'SAR' }))).toEqual([]);
    expect(similarFlags(pair({ otherAnswered: false, score: 34 }))).toEqual([]);
  });
  it('acting in concert: another requester, nearly the same request, within 60 working days', () => {
    expect(similarFlags(pair({ sameRequester: false })).map((f) => f.kind)).toEqual(['concert']);
    expect(similarFlags(pair({ sameRequester: false, score: 74 }))).toEqual([]);
  });
  it('a repeated request: same requester, substantially similar, the earlier one answered', () => {
    expect(similarFlags(pair({ workingDaysApart: 200 })).map((f) => f.kind)).toEqual(['repeated']);
    expect(similarFlags(pair({ workingDaysApart: 200, otherEarlier: false }))).toEqual([]);
    expect(similarFlags(pair({ workingDaysApart: 200, otherAnswered: false }))).toEqual([]);
    expect(similarFlags(pair({ workingDaysApart: 200, score: 79 }))).toEqual([]);
    expect(similarFlags(pair({ workingDaysApart: 200 }))[0]!.message).toMatch(/s14\(2\)/);
  });
});
