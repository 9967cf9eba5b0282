/** The sign-off rules (shared/sign-off.ts), each decision with a case that would break it. */
import { describe, expect, it } from 'vitest';
import {
  closeSignOffProblems,
  decisionProblems,
  readSignOffPolicy,
  requestProblems,
  sendProblems,
  signOffReason,
  versionSignOff,
  type SignOffStep,
} from '../../shared/sign-off';

const step = (kind: SignOffStep['kind'], over: Partial<SignOffStep> = {}): SignOffStep => ({
  id: 1,
  versionId: 7,
  kind,
  actor: kind === 'requested' ? 'Alex' : 'Bea',
  approver: kind === 'requested' ? 'Bea' : null,
  comment: null,
  fingerprint: 'f1',
  at: '2026-11-30T12:00:00.000Z',
  ...over,
});

describe('when a case needs sign-off', () => {
  it('follows the regimes chosen and the sensitive flag, and says why', () => {
    const policy = { regimes: ['SAR' as const], sensitive: true };
    expect(signOffReason(policy, { regime: 'FOIA' })).toBeNull();
    expect(signOffReason(policy, { regime: 'SAR' })).toMatch(/every Subject access response/);
    expect(signOffReason(policy, { regime: 'FOIA', sensitive: true })).toMatch(/flagged as sensitive/);
    expect(signOffReason({ regimes: [], sensitive: false }, { regime: 'FOIA', sensitive: true })).toBeNull();
  });

  it('reads a stored policy defensively', () => {
    expect(readSignOffPolicy(undefined)).toEqual({ regimes: [], sensitive: false });
    expect(readSignOffPolicy({ regimes: ['EIR', 'GDPR', 'FOIA'], sensitive: 'yes' })).toEqual({
      regimes: ['FOIA', 'EIR'],
      sensitive: false,
    });
  });
});

describe('where a version stands', () => {
  it('is decided by its newest step, and lapses when the letter or answers changed', () => {
    expect(versionSignOff([], 'f1')).toEqual({ state: 'none' });
    expect(versionSignOff([step('requested')], 'f1')).toMatchObject({ state: 'requested', approver: 'Bea' });
    expect(versionSignOff([step('requested')], 'f2')).toMatchObject({ state: 'lapsed', was: 'requested' });
    const approved = [step('requested'), step('approved', { id: 2 })];
    expect(versionSignOff(approved, 'f1')).toMatchObject({ state: 'approved', approver: 'Bea' });
    expect(versionSignOff(approved, 'f2')).toMatchObject({ state: 'lapsed', was: 'approved' });
    const returned = [step('requested'), step('returned', { id: 2, comment: 'Fix q2' })];
    expect(versionSignOff(returned, 'f1')).toMatchObject({ state: 'returned', comment: 'Fix q2' });
    // Asked again after the change: a fresh request of the response as it is now.
    expect(
      versionSignOff([...approved, step('requested', { id: 3, fingerprint: 'f2' })], 'f2'),
    ).toMatchObject({
      state: 'requested',
    });
  });

  it('lets a version be sent only when approved, when sign-off is required', () => {
    const reason = 'Needs approval before it is sent: x.';
    expect(sendProblems(null, { state: 'none' })).toEqual([]);
    expect(sendProblems(reason, { state: 'none' })).toHaveLength(1);
    expect(sendProblems(reason, versionSignOff([step('requested')], 'f1'))[0]).toMatch(/Waiting for Bea/);
    expect(sendProblems(reason, versionSignOff([step('requested'), step('approved')], 'f2'))[0]).toMatch(
      /lapsed/,
    );
    expect(sendProblems(reason, versionSignOff([step('requested'), step('approved')], 'f1'))).toEqual([]);
  });
});

describe('asking and deciding', () => {
  const officers = ['Alex', 'Bea'];
  it('needs an active officer other than the one asking', () => {
    const base = { requestedBy: 'Alex', officers, sent: false, state: { state: 'none' } as const };
    expect(requestProblems({ ...base, approver: 'Bea' })).toEqual([]);
    expect(requestProblems({ ...base, approver: ' ALEX ' })[0]).toMatch(/your own/);
    expect(requestProblems({ ...base, approver: 'Cal' })[0]).toMatch(/not an active officer/);
    expect(requestProblems({ ...base, approver: '' })[0]).toMatch(/Choose the officer/);
    expect(requestProblems({ ...base, approver: 'Bea', sent: true })[0]).toMatch(/sent and is locked/);
  });

  it('lets only the named approver decide, and a return needs a comment', () => {
    const state = versionSignOff([step('requested')], 'f1');
    const base = { sent: false, state };
    expect(decisionProblems({ ...base, actor: 'Bea', decision: 'approved' })).toEqual([]);
    expect(decisionProblems({ ...base, actor: 'Alex', decision: 'approved' })[0]).toMatch(/Only Bea/);
    expect(decisionProblems({ ...base, actor: 'Bea', decision: 'returned', comment: ' ' })[0]).toMatch(
      /needs a comment/,
    );
    expect(decisionProblems({ ...base, actor: 'Bea', decision: 'returned', comment: 'Fix' })).toEqual([]);
    expect(
      decisionProblems({ sent: false, state: { state: 'none' }, actor: 'Bea', decision: 'approved' })[0],
    ).toMatch(/No one has asked/);
    expect(
      decisionProblems({
        sent: false,
        state: versionSignOff([step('requested')], 'f2'),
        actor: 'Bea',
        decision: 'approved',
      })[0],
    ).toMatch(/lapsed/);
  });
});

describe('closing a case that needs sign-off', () => {
  it('waits for a sent letter when the outcome answers the request', () => {
    const reason = 'Needs approval before it is sent: x.';
    expect(closeSignOffProblems(reason, { outcome: 'granted', letterSent: false })).toHaveLength(1);
    expect(closeSignOffProblems(reason, { outcome: 'refused', letterSent: true })).toEqual([]);
    expect(closeSignOffProblems(reason, { outcome: 'withdrawn', letterSent: false })).toEqual([]);
    expect(closeSignOffProblems(null, { outcome: 'granted', letterSent: false })).toEqual([]);
  });
});
