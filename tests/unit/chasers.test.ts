/**
 * The chaser schedule (shared/chasers.ts), with hand-worked dates. The calendar is the statutory
 * one of shared/clock: in December 2026 Christmas Day is a Friday and Boxing Day a Saturday (its
 * bank holiday is Monday 28 December); St Andrew's Day, Monday 30 November 2026, is a bank holiday
 * in Scotland and so, for FOIA (s10(6): any part of the UK), not a working day in England either.
 */
import { describe, expect, it } from 'vitest';
import {
  chaserText,
  internalDueDate,
  mailtoLink,
  nextChase,
  statusAfterChase,
  withoutRequester,
  type ChaserContext,
  type ScheduleInput,
  type TaskCalendar,
} from '../../shared/chasers';

const FOIA: TaskCalendar = { regime: 'FOIA', jurisdiction: 'england-and-wales' };

const base = (over: Partial<ScheduleInput>): ScheduleInput => ({
  status: 'asked',
  internalDue: '2026-12-24',
  chases: [],
  caseDue: '2027-01-29',
  intervalDays: 3,
  today: '2026-12-24',
  calendar: FOIA,
  ...over,
});

describe('the internal due date', () => {
  it('counts working days from the day the department was asked, skipping bank holidays', () => {
    // Tue 22 Dec → Wed 23 (1), Thu 24 (2), [Fri 25, Sat, Sun, Mon 28 closed] Tue 29 (3), Wed 30 (4), Thu 31 (5).
    expect(internalDueDate('2026-12-22', 5, FOIA)).toBe('2026-12-31');
  });
  it('skips a bank holiday in another part of the UK for FOIA, not for an English SAR', () => {
    // Friday 27 November 2026; Monday 30 November is St Andrew's Day.
    expect(internalDueDate('2026-11-27', 1, FOIA)).toBe('2026-12-01');
    expect(internalDueDate('2026-11-27', 1, { regime: 'SAR', jurisdiction: 'england-and-wales' })).toBe(
      '2026-11-30',
    );
  });
  it('takes the added one-off holidays into account', () => {
    const calendar = { ...FOIA, extraHolidays: [{ date: '2026-12-01', name: 'State funeral' }] };
    expect(internalDueDate('2026-11-27', 1, calendar)).toBe('2026-12-02');
  });
});

describe('the chaser schedule', () => {
  it('has no chase due while the internal due date has not passed; the first falls on the next working day', () => {
    const next = nextChase(base({}));
    expect(next).toEqual({ number: 1, due: '2026-12-29', kind: 'chase', recipient: 'contact', isDue: false });
    expect(nextChase(base({ today: '2026-12-28' }))!.isDue).toBe(false);
    expect(nextChase(base({ today: '2026-12-29' }))!.isDue).toBe(true);
  });

  it('chases every N working days after the last chase, across the Christmas bank holidays', () => {
    // Wed 23 Dec + 3 working days: Thu 24 (1), Tue 29 (2), Wed 30 (3).
    const next = nextChase(
      base({
        internalDue: '2026-12-22',
        chases: [{ date: '2026-12-23', kind: 'chase' }],
        today: '2026-12-29',
      }),
    );
    expect(next).toMatchObject({
      number: 2,
      due: '2026-12-30',
      kind: 'chase',
      recipient: 'contact',
      isDue: false,
    });
  });

  it('does not count the first request email as a chase', () => {
    const next = nextChase(base({ chases: [{ date: '2026-12-22', kind: 'request' }] }));
    expect(next).toMatchObject({ number: 1, due: '2026-12-29' });
  });

  it('sends the third chase to the escalation contact, and the task is then escalated', () => {
    const chases = [
      { date: '2027-01-04', kind: 'chase' as const },
      { date: '2027-01-07', kind: 'chase' as const },
    ];
    const next = nextChase(base({ internalDue: '2026-12-31', chases, today: '2027-01-12' }));
    // Thu 7 Jan + 3: Fri 8, Mon 11, Tue 12.
    expect(next).toEqual({
      number: 3,
      due: '2027-01-12',
      kind: 'escalation',
      recipient: 'escalation',
      isDue: true,
    });
    expect(statusAfterChase('chased', next!.recipient)).toBe('escalated');
    expect(statusAfterChase('asked', 'contact')).toBe('chased');
    // Once escalated it stays so, and the fourth chase goes to the escalation contact too.
    expect(statusAfterChase('escalated', 'contact')).toBe('escalated');
    const fourth = nextChase(
      base({ internalDue: '2026-12-31', chases: [...chases, { date: '2027-01-12', kind: 'escalation' }] }),
    );
    expect(fourth).toMatchObject({
      number: 4,
      kind: 'escalation',
      recipient: 'escalation',
      due: '2027-01-15',
    });
  });

  it('sends an overdue chase on the first working day after the case’s own due date, before the interval runs out', () => {
    // Case due Thu 10 Dec; last chase Mon 7 Dec with a 5-day interval would be Mon 14 Dec.
    const input = base({
      internalDue: '2026-12-04',
      caseDue: '2026-12-10',
      chases: [{ date: '2026-12-07', kind: 'chase' }],
      intervalDays: 5,
      today: '2026-12-11',
    });
    expect(nextChase(input)).toEqual({
      number: 2,
      due: '2026-12-11',
      kind: 'overdue',
      recipient: 'contact',
      isDue: true,
    });
    // After the overdue chase, the next ones come at the interval again, still worded as overdue.
    const after = nextChase({ ...input, chases: [...input.chases, { date: '2026-12-11', kind: 'overdue' }] });
    // Fri 11 + 5: Mon 14 … Fri 18; the third chase goes to the escalation contact.
    expect(after).toEqual({
      number: 3,
      due: '2026-12-18',
      kind: 'overdue',
      recipient: 'escalation',
      isDue: false,
    });
  });

  it('never drafts two chases on one day when the case falls overdue right after a chase', () => {
    const next = nextChase(
      base({
        internalDue: '2026-12-04',
        caseDue: '2026-12-10',
        chases: [{ date: '2026-12-11', kind: 'chase' }],
      }),
    );
    // Overdue from Fri 11, but a chase went that day: Mon 14.
    expect(next).toMatchObject({ due: '2026-12-14', kind: 'overdue' });
  });

  it('has no overdue chase while the case’s clock is stopped, and none once the department has answered', () => {
    expect(nextChase(base({ caseDue: null, today: '2027-06-01' }))!.kind).toBe('chase');
    expect(nextChase(base({ status: 'answered' }))).toBeNull();
  });
});

const context = (over: Partial<ChaserContext> = {}): ChaserContext => ({
  kind: 'chase',
  number: 1,
  reference: 'FOI 7001',
  subject: 'Agency spend',
  regimeLabel: 'Freedom of Information Act 2000',
  department: { name: 'Finance', contactName: 'Siân Evans', escalationName: 'Director of Finance' },
  recipient: 'contact',
  questions: [{ number: '1', text: 'How much did the trust spend on agency staff? Asked by Jo Bloggs.' }],
  note: null,
  asked: '2026-12-01',
  internalDue: '2026-12-08',
  caseDue: '2026-12-29',
  officer: 'Sam Smith',
  team: 'FOI team',
  requester: { name: 'Jo Bloggs', email: 'jo@example.org', address: '1 High Street\nLeeds' },
  includeRequester: false,
  ...over,
});

describe('what the chaser says', () => {
  it('names the case reference in the subject and the dates in the body, and nothing of the requester', () => {
    const text = chaserText(context());
    expect(text.subject).toMatch(/^FOI 7001: reminder 1/);
    expect(text.body).toContain('8 December 2026');
    expect(text.body).toContain('29 December 2026');
    expect(text.body).toContain('applicant-blind');
    expect(`${text.subject}\n${text.body}`).not.toMatch(/Jo Bloggs|jo@example\.org|High Street/);
    expect(text.body).toContain('Asked by [the requester].');
  });

  it('includes the requester only when the officer chose to', () => {
    const text = chaserText(context({ includeRequester: true }));
    expect(text.body).toContain('Jo Bloggs');
    expect(text.body).toContain('jo@example.org');
    expect(text.body).toContain('1 High Street');
  });

  it('words the overdue chase as overdue and the escalation to the escalation contact', () => {
    const overdue = chaserText(context({ kind: 'overdue', number: 2 }));
    expect(overdue.subject).toContain('OVERDUE');
    expect(overdue.body).toMatch(/now overdue: the law required an answer by 29 December 2026/);
    const escalation = chaserText(context({ kind: 'escalation', number: 3, recipient: 'escalation' }));
    expect(escalation.body).toMatch(/^Dear Director of Finance,/);
    expect(escalation.body).toContain('chased 2 times');
  });

  it('takes the requester out of text however it is cased, longest part first', () => {
    expect(
      withoutRequester('JO BLOGGS (jo@example.org) of 1 High Street', {
        name: 'Jo Bloggs',
        email: 'jo@example.org',
        address: '1 High Street',
      }),
    ).toBe('[the requester] ([the requester]) of [the requester]');
  });

  it('makes a mailto: link with the subject and body encoded', () => {
    const link = mailtoLink('finance@trust.nhs.uk', 'boss@trust.nhs.uk', {
      subject: 'FOI 7001: a & b',
      body: 'Line 1\nSiân',
    });
    expect(link).toBe(
      'mailto:finance@trust.nhs.uk?cc=boss%40trust.nhs.uk&subject=FOI%207001%3A%20a%20%26%20b&body=Line%201%0D%0ASi%C3%A2n',
    );
  });
});
