/** The cost-limit letter filled from the s12 rule and worksheet (shared/s12.ts s12LetterValues). */
import { describe, expect, it } from 'vitest';
import { costRuleFor, s12LetterValues } from '../../../shared/s12';
import { hpft, letter, text } from './fixtures';

const NHS = { costLimitBody: 'other', foisaHourlyRatePence: 1500 } as const;

describe('the cost-limit letter from the worksheet', () => {
  it('states £600 and 24 hours for central government', () => {
    const { c, org } = hpft();
    const cost = s12LetterValues(costRuleFor('FOIA', { ...NHS, costLimitBody: 'central-government' }))!;
    const body = text(letter(c, org, 'cost-limit', { cost }).body);
    expect(body).toContain('appropriate limit of £600');
    expect(body).toContain('24 hours of work at £25 an hour');
  });

  it('prints the worksheet’s estimate and advice over the same fields typed as letter details', () => {
    const { c, org } = hpft();
    const record = {
      ...c,
      letterDetails: { costEstimate: 'Old words.', adviceAndAssistance: 'Old advice.' },
    };
    const cost = s12LetterValues(costRuleFor('FOIA', NHS), {
      rows: [{ activity: 'locating', minutes: 20 * 60 }],
      aggregated: [],
      advice: 'Ask for one ward.',
    })!;
    const body = text(letter(record, org, 'cost-limit', { cost }).body);
    expect(body).toContain('would take 20 hours of staff time, costing £500 at £25 an hour');
    expect(body).toContain('advice and assistance. Ask for one ward.');
    expect(body).not.toContain('Old words.');
    expect(body).not.toContain('Old advice.');
  });

  it('keeps letter details when there is no worksheet', () => {
    const { c, org } = hpft();
    const record = { ...c, letterDetails: { costEstimate: 'Typed estimate.' } };
    const body = text(
      letter(record, org, 'cost-limit', { cost: s12LetterValues(costRuleFor('FOIA', NHS))! }).body,
    );
    expect(body).toContain('Typed estimate.');
  });

  it('costs FOISA staff at their own rates, "no more than £15 an hour"', () => {
    const v = s12LetterValues(costRuleFor('FOISA', NHS), {
      rows: [
        { activity: 'locating', minutes: 40 * 60, ratePence: 1200 },
        { activity: 'providing', minutes: 11 * 60 },
      ],
      aggregated: [],
    });
    // 40 h at £12 = £480, 11 h at £15 = £165: £645, £45 over £600.
    expect(v).toMatchObject({ costLimit: '£600', costHours: '40', costRate: '£15' });
    expect(v?.costEstimate).toContain(
      'costing £645 at staff rates of no more than £15 an hour, which is £45 more than the limit of £600.',
    );
  });
});
