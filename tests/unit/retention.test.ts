/** The retention rule (shared/retention.ts): review dates from closure, regime and appeal. */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RETENTION_SCHEDULE as CODE,
  addYears,
  disposalConfirmationProblem,
  isDueForReview,
  readRetentionSchedule,
  retentionScheduleSchema,
  reviewDate,
  scrubAuditEntry,
} from '../../shared/retention';

describe('reviewDate', () => {
  it('is 3 years after closure for FOI, EIR and SAR, 6 when appealed', () => {
    for (const regime of ['FOIA', 'EIR', 'SAR'] as const) {
      expect(reviewDate({ regime, closed: '2022-04-14', appealed: false }, CODE)).toBe('2025-04-14');
      expect(reviewDate({ regime, closed: '2022-04-14', appealed: true }, CODE)).toBe('2028-04-14');
    }
  });
  it('counts an appealed request from the end of its appeal when that is later', () => {
    expect(
      reviewDate({ regime: 'FOIA', closed: '2022-04-14', appealed: true, appealClosed: '2022-09-01' }, CODE),
    ).toBe('2028-09-01');
    expect(
      reviewDate({ regime: 'FOIA', closed: '2022-04-14', appealed: true, appealClosed: '2022-01-01' }, CODE),
    ).toBe('2028-04-14');
  });
  it('keeps a review case for the appealed period, and never dates an open case or an open appeal', () => {
    expect(reviewDate({ regime: 'FOI-IR', closed: '2020-02-03', appealed: false }, CODE)).toBe('2026-02-03');
    expect(reviewDate({ regime: 'FOIA', closed: null, appealed: false }, CODE)).toBeNull();
    expect(
      reviewDate({ regime: 'FOIA', closed: '2010-01-01', appealed: true, appealOpen: true }, CODE),
    ).toBeNull();
  });
  it('takes 29 February to 28 February in a year without one', () => {
    expect(addYears('2024-02-29', 3)).toBe('2027-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });
  it('is due on the review date itself and after, not the day before', () => {
    const facts = { regime: 'EIR' as const, closed: '2021-06-30', appealed: false };
    expect(isDueForReview(facts, CODE, '2024-06-29')).toBe(false);
    expect(isDueForReview(facts, CODE, '2024-06-30')).toBe(true);
  });
  it('follows the team’s own schedule', () => {
    const mine = { ...CODE, SAR: { years: 1, yearsIfAppealed: 2 } };
    expect(reviewDate({ regime: 'SAR', closed: '2025-01-10', appealed: false }, mine)).toBe('2026-01-10');
  });
});

describe('the schedule setting', () => {
  it('refuses an appealed period shorter than the plain one, and fills gaps from the Code', () => {
    expect(
      retentionScheduleSchema.safeParse({ ...CODE, FOIA: { years: 6, yearsIfAppealed: 3 } }).success,
    ).toBe(false);
    expect(readRetentionSchedule({ SAR: { years: 2, yearsIfAppealed: 4 }, EIR: { years: -1 } })).toEqual({
      ...CODE,
      SAR: { years: 2, yearsIfAppealed: 4 },
    });
    expect(readRetentionSchedule(null)).toEqual(CODE);
  });
  it('needs the reference typed exactly', () => {
    expect(disposalConfirmationProblem('FOI 4951', ' FOI 4951 ')).toBeNull();
    expect(disposalConfirmationProblem('FOI 4951', 'foi 4951')).toMatch(/Type the reference FOI 4951/);
  });
});

describe('scrubAuditEntry', () => {
  const e = (
    action: string,
    field: string | null,
    oldValue: string | null,
    newValue: string | null,
    entity = 'case',
  ) => ({
    action,
    entity,
    field,
    oldValue,
    newValue,
  });
  it('keeps dates, status and outcome, and drops the requester and free text', () => {
    expect(scrubAuditEntry(e('update', 'responded', null, '2024-01-02'))).toMatchObject({
      newValue: '2024-01-02',
    });
    expect(scrubAuditEntry(e('update', 'email', 'a@b.org', 'c@d.org', 'requester'))).toMatchObject({
      oldValue: null,
      newValue: null,
    });
    expect(scrubAuditEntry(e('update', 'subject', 'SAR for Ann Lee', 'x'))).toMatchObject({ newValue: null });
    expect(scrubAuditEntry(e('attachment-added', 'Ann Lee passport.pdf', null, null))).toMatchObject({
      field: null,
    });
    expect(scrubAuditEntry(e('import', null, null, '{"source":"/home/ann/log.xlsx"}'))).toMatchObject({
      newValue: null,
    });
  });
  it('keeps an answer’s outcome and provisions only, and an event’s dates', () => {
    const answer = JSON.stringify({
      outcome: 'exempt',
      text: 'Ann Lee’s records',
      exemptions: [{ provision: 's40(2)', reason: 'Ann Lee' }],
    });
    expect(JSON.parse(scrubAuditEntry(e('set-response', '1', null, answer)).newValue!)).toEqual({
      outcome: 'exempt',
      exemptions: [{ provision: 's40(2)' }],
    });
    const event = JSON.stringify({ type: 'clarification-sought', date: '2024-01-02', note: 'rang Ann' });
    expect(
      JSON.parse(scrubAuditEntry(e('add-event', 'clarification-sought', null, event)).newValue!),
    ).toEqual({
      type: 'clarification-sought',
      date: '2024-01-02',
    });
  });
});
