/**
 * The queue and the case page never disagree: a register with every regime and every clock action
 * each regime allows (stops left open, stops ended, extensions), and each queue row's due date,
 * state and working days left equal what the case page shows for that case on the same day.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { DeskApp } from '../../main/services/app';
import { REGIMES } from '../../shared/case-format';
import { clockActionsFor, ENDS } from '../../shared/case-lifecycle';
import type { ClockEventInput } from '../../shared/contract';
import { makeTempDir, PASSPHRASE } from '../helpers';
import { serviceOf, type Service } from '../service';

/** The event that ends each stop (the shared rule's map turned round). */
const ENDER_OF = new Map(Object.entries(ENDS).map(([end, start]) => [start, end as ClockEventInput['type']]));

const ENDERS = new Set<string>(Object.keys(ENDS));

let temp: ReturnType<typeof makeTempDir>;
let app: DeskApp;
let desk: Service;
let today = '2026-03-20';

beforeAll(async () => {
  temp = makeTempDir();
  app = new DeskApp({
    configDir: path.join(temp.dir, 'config'),
    actor: 'test',
    now: () => new Date(`${today}T12:00:00`),
  });
  desk = serviceOf(app);
  await desk.create({ path: path.join(temp.dir, 'register.foidesk'), passphrase: Buffer.from(PASSPHRASE) });
  let n = 0;
  for (const regime of REGIMES) {
    // One case with no event, then one per clock action, and for a stop one more that ends it.
    const plans: ClockEventInput[][] = [[]];
    for (const action of clockActionsFor(regime)) {
      const ender = ENDER_OF.get(action.type);
      // An event that ends a stop is recorded after the stop it ends, below.
      if (ENDERS.has(action.type)) continue;
      const event: ClockEventInput = { type: action.type, date: '2026-01-10' };
      if (action.needsUntil) event.until = '2026-03-10';
      if (action.needsMonths) event.months = 1;
      if (action.awaiting) event.awaiting = action.awaiting;
      plans.push([event]);
      if (ender) plans.push([event, { type: ender, date: '2026-02-20' }]);
    }
    for (const events of plans) {
      n++;
      const { id } = desk.createCase({
        reference: `${regime} ${n}`,
        regime,
        received: '2026-01-05',
        requester: { name: `Requester ${n}` },
        subject: `Subject ${n}`,
        requestText: 'Please provide the figures.',
        questions: [{ number: '1', text: 'The figures.' }],
      });
      for (const event of events) desk.addEvent(id, event);
    }
  }
});
afterAll(async () => {
  await app.enqueue(() => app.lockNow());
  temp.cleanup();
});

describe('the queue and the case page', () => {
  it.each(['2026-02-02', '2026-03-20', '2026-05-15'])('agree on every case on %s', (day) => {
    today = day;
    const page = desk.listCases({ view: 'all', offset: 0, limit: 500 });
    expect(page.total).toBeGreaterThan(20);
    const kinds = new Set<string>();
    for (const row of page.rows) {
      const detail = desk.getCase(row.id);
      expect({
        reference: row.reference,
        due: row.due,
        state: row.progress,
        left: row.workingDaysLeft,
      }).toEqual({
        reference: detail.record.reference,
        due: detail.progress?.due ?? detail.due,
        state: detail.progress?.state,
        left: detail.progress?.workingDaysLeft ?? null,
      });
      kinds.add(detail.progress?.state ?? 'none');
    }
    // The register is varied enough to mean something: stopped and running clocks both appear.
    expect(kinds.has('stopped')).toBe(true);
  });

  it('agrees on the SAR whose clock stopped awaiting identity (restarted 20 Feb, viewed 20 Mar)', () => {
    today = '2026-03-20';
    const page = desk.listCases({ view: 'all', regime: 'SAR', offset: 0, limit: 500 });
    const identity = page.rows.find((r) => {
      const d = desk.getCase(r.id);
      return (
        d.events.some((e) => e.awaiting === 'identity') &&
        d.events.some((e) => e.type === 'sar-clock-restarted')
      );
    });
    expect(identity).toBeDefined();
    const detail = desk.getCase(identity!.id);
    // Identity arrived on Fri 20 Feb 2026: the month runs again from then, due Fri 20 Mar.
    expect(detail.progress).toMatchObject({ due: '2026-03-20', state: 'due-soon', workingDaysLeft: 0 });
    expect(identity).toMatchObject({ due: '2026-03-20', progress: 'due-soon', workingDaysLeft: 0 });
  });
});
