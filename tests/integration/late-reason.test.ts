/**
 * Department and the reason for a delay (issue 13 part 2): a case carries its department; closing
 * after the due date needs the reason for the delay, on every write path (the channel refuses, the
 * import of closed history takes it with a warning); the statutory and the extended due dates are
 * both kept; the queue filters by department; the case format carries it all and round-trips.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { DeskApp } from '../../main/services/app';
import { createHandlers, type Handlers } from '../../main/services/handlers';
import { exportRegister, importInterchange } from '../../main/services/import-export';
import type { CaseDetail, CaseDraft, ChannelInput, Channel, Envelope } from '../../shared/contract';
import { CASE_FORMAT, type CaseRecord } from '../../shared/case-format';
import { makeTempDir, PASSPHRASE } from '../helpers';

/** 21 November 2026, midday. */
const NOW = new Date(2026, 10, 21, 12, 0, 0);

let temp: ReturnType<typeof makeTempDir>;
let app: DeskApp;
let handlers: Handlers;

async function call<C extends Channel>(channel: C, input: ChannelInput<C>) {
  return (await handlers[channel](input)) as Envelope<unknown>;
}
async function value<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<CaseDetail> {
  const reply = await call(channel, input);
  if (!reply.ok) throw new Error(`${channel} refused: ${reply.error.message}`);
  return reply.value as CaseDetail;
}

function draft(reference: string, extra: Partial<CaseDraft> = {}): CaseDraft {
  return {
    reference,
    regime: 'FOIA',
    // Due Thursday 1 October 2026 (20 working days).
    received: '2026-09-03',
    requester: { name: 'A Requester' },
    subject: 'Waiting lists',
    requestText: 'How long is the waiting list?',
    questions: [{ number: '1', text: 'How long is the waiting list?' }],
    department: 'Estates',
    ...extra,
  };
}

beforeEach(async () => {
  temp = makeTempDir();
  app = new DeskApp({ configDir: path.join(temp.dir, 'config'), actor: 'Sam Officer', now: () => NOW });
  handlers = createHandlers(app);
  const created = await handlers['session:create']({
    path: path.join(temp.dir, 'register.foidesk'),
    passphrase: Buffer.from(PASSPHRASE),
  });
  expect(created.ok).toBe(true);
});
afterEach(async () => {
  await app.enqueue(() => app.lockNow());
  temp.cleanup();
});

describe('the department and the reason for a delay', () => {
  it('refuses to close a late case without the reason, and records the reason and the department responsible', async () => {
    const c = await value('cases:create', { draft: draft('FOI 1') });
    expect(c.record.department).toBe('Estates');
    expect(c.due).toBe('2026-10-01');
    const before = await value('cases:get', { id: c.id });
    const refused = await call('cases:update', {
      id: c.id,
      patch: { status: 'closed', outcome: 'granted', responded: '2026-10-05' },
    });
    expect(!refused.ok && refused.error.message).toMatch(
      /after the date it was due \(01\/10\/2026\): give the reason for the delay/,
    );
    expect(await value('cases:get', { id: c.id })).toEqual(before);
    // A blank reason is no reason.
    const blank = await call('cases:update', {
      id: c.id,
      patch: { status: 'closed', outcome: 'granted', responded: '2026-10-05', lateReason: '  ' },
    });
    expect(blank.ok).toBe(false);
    // In time needs none.
    const other = await value('cases:create', { draft: draft('FOI 2') });
    const inTime = await value('cases:update', {
      id: other.id,
      patch: { status: 'closed', outcome: 'granted', responded: '2026-10-01' },
    });
    expect(inTime.record.status).toBe('closed');
    const closed = await value('cases:update', {
      id: c.id,
      patch: {
        status: 'closed',
        outcome: 'granted',
        responded: '2026-10-05',
        lateReason: 'Estates answered after two reminders.',
        lateDepartment: 'Estates',
      },
    });
    expect(closed.record).toMatchObject({
      lateReason: 'Estates answered after two reminders.',
      lateDepartment: 'Estates',
    });
    // Reopening clears the reason with the outcome.
    const reopened = await value('cases:update', { id: c.id, patch: { status: 'open' } });
    expect(reopened.record.lateReason).toBeUndefined();
    expect(reopened.record.responded).toBeUndefined();
  });

  it('judges late against the extended date of a lawful extension, and keeps both dates', async () => {
    const c = await value('cases:create', { draft: draft('FOI 3') });
    await value('cases:add-event', {
      id: c.id,
      event: { type: 'pi-extension', date: '2026-09-28', until: '2026-10-29' },
    });
    const extended = await value('cases:get', { id: c.id });
    expect(extended.due).toBe('2026-10-29');
    expect(extended.deadline?.statutoryDue).toBe('2026-10-01');
    const closed = await value('cases:update', {
      id: c.id,
      patch: { status: 'closed', outcome: 'refused', responded: '2026-10-20' },
    });
    expect(closed.record.status).toBe('closed');
    const stored = app
      .requireSession()
      .db.$client.prepare('SELECT due_date, statutory_due FROM cases WHERE id = ?')
      .get(c.id);
    expect(stored).toEqual({ due_date: '2026-10-29', statutory_due: '2026-10-01' });
  });

  it('filters the queue by department and lists the departments', async () => {
    await value('cases:create', { draft: draft('FOI 4') });
    await value('cases:create', { draft: draft('FOI 5', { department: 'Pharmacy' }) });
    await value('cases:create', { draft: draft('FOI 6', { department: undefined }) });
    const list = await handlers['cases:list']({ view: 'all', department: 'Pharmacy', offset: 0, limit: 10 });
    expect(list.ok && list.value.rows.map((r) => r.reference)).toEqual(['FOI 5']);
    const facets = await handlers['cases:facets']({});
    expect(facets.ok && facets.value.departments).toEqual(['Estates', 'Pharmacy']);
  });

  it('imports closed history late without a reason with a warning, and round-trips the new fields', () => {
    const file = app.requireSession().file;
    const base: CaseRecord = {
      format: CASE_FORMAT,
      reference: 'FOI 10',
      regime: 'FOIA',
      received: '2026-09-03',
      requester: { name: 'A Requester' },
      subject: 'Parking',
      requestText: 'Parking income?',
      questions: [],
      status: 'closed',
      outcome: 'granted',
      responded: '2026-10-08',
      officer: 'Sam Officer',
      department: 'Estates',
    };
    const withReason: CaseRecord = {
      ...base,
      reference: 'FOI 11',
      responded: '2026-10-08',
      lateReason: 'Waited for the contractor.',
      lateDepartment: 'Estates',
    };
    const report = importInterchange(
      file,
      [{ path: 'history.json', text: JSON.stringify([base, withReason]) }],
      'Sam Officer',
    );
    expect(report.cases).toEqual(['FOI 10', 'FOI 11']);
    expect(report.warnings).toHaveLength(1);
    expect(report.warnings[0]).toMatch(/"FOI 10" was answered after its due date \(2026-10-01\)/);
    const out = exportRegister(file) as CaseRecord[];
    expect(out.find((r) => r.reference === 'FOI 11')).toEqual(withReason);
    expect(out.find((r) => r.reference === 'FOI 10')).toEqual(base);
  });
});
