/**
 * Internal targets through the service, as the Settings screen and the case page meet them: the
 * settings:save channel refuses a target past the statutory limit with the rule's message and
 * changes nothing in the case file; a file written when the target was one number reads back as
 * per-regime targets; and a subject access case's internal date is counted in calendar days, a
 * FOISA review's in Scottish working days.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { openCaseFile } from '../../db/case-file';
import { setSetting } from '../../db/queries/settings';
import { DeskApp } from '../../main/services/app';
import { createHandlers, type Handlers } from '../../main/services/handlers';
import { DEFAULT_INTERNAL_TARGETS, internalTargetProblem } from '../../shared/settings';
import { makeTempDir, PASSPHRASE, dumpCaseFile } from '../helpers';

const requester = { name: 'A Requester' };

describe('internal targets through the service', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let desk: DeskApp;
  let handlers: Handlers;
  let file: string;

  beforeAll(async () => {
    temp = makeTempDir();
    file = path.join(temp.dir, 'cases.foidesk');
    desk = new DeskApp({
      configDir: path.join(temp.dir, 'config'),
      actor: 'test',
      now: () => new Date('2025-12-20T12:00:00Z'),
    });
    handlers = createHandlers(desk);
    expect((await handlers['session:create']({ path: file, passphrase: Buffer.from(PASSPHRASE) })).ok).toBe(
      true,
    );
    await handlers['session:lock']({});
  });
  afterAll(async () => {
    await desk.enqueue(() => desk.lockNow());
    temp.cleanup();
  });

  it('settings:save refuses day 25 of a 20-day limit with the rule’s message, and nothing changes', async () => {
    const before = dumpCaseFile(file);
    expect((await handlers['session:open']({ path: file, passphrase: Buffer.from(PASSPHRASE) })).ok).toBe(
      true,
    );
    for (const [regime, day] of [
      ['FOIA', 25],
      ['FOISA-REVIEW', 21],
      ['SAR', 30],
      ['EIR-RECON', 41],
    ] as const) {
      const reply = await handlers['settings:save']({
        settings: { internalTargetDay: { ...DEFAULT_INTERNAL_TARGETS, [regime]: day }, dueSoonDays: 2 },
      });
      expect(reply.ok, `${regime} ${day}`).toBe(false);
      if (!reply.ok) {
        expect(reply.error.code).toBe('validation');
        expect(reply.error.message).toContain(internalTargetProblem(regime, day));
      }
    }
    // The old single number is not accepted as input any more.
    expect((await handlers['settings:save']({ settings: { internalTargetDay: 15 } })).ok).toBe(false);
    const got = await handlers['settings:get']({});
    expect(got.ok && got.value.settings.internalTargetDay).toEqual(DEFAULT_INTERNAL_TARGETS);
    expect(got.ok && got.value.settings.dueSoonDays).toBe(5);
    await handlers['session:lock']({});
    expect(dumpCaseFile(file)).toBe(before);
  });

  it('saves a target at the limit and counts each case’s internal date in its regime’s unit', async () => {
    expect((await handlers['session:open']({ path: file, passphrase: Buffer.from(PASSPHRASE) })).ok).toBe(
      true,
    );
    const saved = await handlers['settings:save']({
      settings: { internalTargetDay: { ...DEFAULT_INTERNAL_TARGETS, SAR: 15, 'FOISA-REVIEW': 20 } },
    });
    expect(saved.ok && saved.value.settings.internalTargetDay.SAR).toBe(15);
    const sar = await handlers['cases:create']({
      draft: {
        reference: 'SAR 1',
        regime: 'SAR',
        received: '2025-09-03',
        requester,
        subject: 'My records',
        requestText: 'A copy of my records.',
        questions: [],
      },
    });
    // Calendar day 15 with Wed 3 Sep 2025 as day 1: Wed 17 Sep (working day 15 would be 24 Sep).
    expect(sar.ok && sar.value.progress?.internalDue).toBe('2025-09-17');
    const review = await handlers['cases:create']({
      draft: {
        reference: 'REV 1',
        regime: 'FOISA-REVIEW',
        received: '2025-11-14',
        requester,
        subject: 'Review',
        requestText: 'Please review your response.',
        questions: [],
      },
    });
    expect(review.ok ? null : review.error).toBeNull();
    // Working day 20 is the due date itself: Mon 15 Dec 2025, St Andrew's Day substitute skipped.
    expect(review.ok && review.value.progress?.internalDue).toBe('2025-12-15');
    expect(review.ok && review.value.deadline?.due).toBe('2025-12-15');
    await handlers['session:lock']({});
  });

  it('reads a file written when the target was one number as per-regime targets', async () => {
    const cf = openCaseFile({ path: file, passphrase: PASSPHRASE });
    try {
      setSetting(cf.db, 'internalTargetDay', 25);
    } finally {
      cf.close();
    }
    expect((await handlers['session:open']({ path: file, passphrase: Buffer.from(PASSPHRASE) })).ok).toBe(
      true,
    );
    const got = await handlers['settings:get']({});
    expect(got.ok && got.value.settings.internalTargetDay).toEqual({
      FOIA: 20,
      EIR: 20,
      FOISA: 20,
      SAR: 25,
      'FOI-IR': 20,
      'EIR-RECON': 25,
      'FOISA-REVIEW': 20,
      EISR: 20,
    });
    await handlers['session:lock']({});
  });
});
