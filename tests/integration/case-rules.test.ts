/**
 * The rules of a case, refused where data is written: each channel, called as the app calls it,
 * refuses a case that breaks a rule with one clear validation message, and the case file is left
 * exactly as it was (the case and its history unchanged).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { DeskApp } from '../../main/services/app';
import { createHandlers, type Handlers } from '../../main/services/handlers';
import type { CaseDetail, CaseDraft, ChannelInput, Channel, Envelope } from '../../shared/contract';
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
    received: '2026-11-02',
    requester: { name: 'A Requester' },
    subject: 'Agency staff spend',
    requestText: '1. How much did you spend on agency staff?\n2. Which agencies?',
    questions: [
      { number: '1', text: 'How much did you spend on agency staff?' },
      { number: '2', text: 'Which agencies?' },
    ],
    ...extra,
  };
}

/** Expects a refusal with a message matching `message`, and the case (with its history) unchanged. */
async function expectRefused<C extends Channel>(
  id: number,
  channel: C,
  input: ChannelInput<C>,
  message: RegExp,
): Promise<void> {
  const before = await value('cases:get', { id });
  const reply = await call(channel, input);
  expect(reply.ok).toBe(false);
  if (reply.ok) return;
  expect(reply.error.code).toMatch(/^(validation|duplicate-reference)$/);
  expect(reply.error.message).toMatch(message);
  expect(await value('cases:get', { id })).toEqual(before);
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

describe('logging a request', () => {
  it('refuses an impossible or future date received, and a reference that differs only in case or spaces', async () => {
    const { id } = await value('cases:create', { draft: draft('FOI 4951') });
    for (const received of ['2021-02-31', '2026-11-22']) {
      const reply = await call('cases:create', { draft: draft('FOI 1', { received }) });
      expect(!reply.ok && reply.error.code).toBe('validation');
    }
    for (const reference of ['foi 4951', 'FOI4951', ' Foi  4951 ']) {
      const reply = await call('cases:create', { draft: draft(reference) });
      expect(!reply.ok && reply.error.code).toBe('duplicate-reference');
    }
    const other = await value('cases:create', { draft: draft('FOI 4952') });
    await expectRefused(
      other.id,
      'cases:update',
      { id: other.id, patch: { reference: 'foi 4951 ' } },
      /already/,
    );
    // A case may change the case of its own reference.
    expect((await value('cases:update', { id, patch: { reference: 'foi 4951' } })).record.reference).toBe(
      'foi 4951',
    );
    const list = await handlers['cases:list']({ view: 'all', offset: 0, limit: 10 });
    expect(list.ok && list.value.total).toBe(2);
  });

  it('refuses a request logged with an answer its outcome does not allow', async () => {
    const reply = await call('cases:create', {
      draft: draft('FOI 2', {
        questions: [{ number: '1', text: 'Q', response: { outcome: 'exempt' } }],
      }),
    });
    expect(!reply.ok && reply.error.message).toMatch(/Question 1: Add the exemption that applies/);
  });
});

describe('answers', () => {
  it('refuses, at the service, each answer the form would refuse', async () => {
    const foi = await value('cases:create', { draft: draft('FOI 3') });
    const { id } = foi;
    const eir = await value('cases:create', { draft: draft('EIR 1', { regime: 'EIR' }) });
    // Question 2 of the case, by its id.
    const set = (response: NonNullable<ChannelInput<'cases:set-response'>['response']>, caseId = id) =>
      ({
        id: caseId,
        questionId: (caseId === id ? foi : eir).record.questions[1]!.id!,
        response,
      }) as ChannelInput<'cases:set-response'>;
    await expectRefused(id, 'cases:set-response', set({ outcome: 'exempt' }), /Add the exemption/);
    await expectRefused(
      id,
      'cases:set-response',
      set({ outcome: 'see-other', seeQuestion: '2' }),
      /its own question/,
    );
    await expectRefused(
      id,
      'cases:set-response',
      set({ outcome: 'see-other', seeQuestion: '7' }),
      /no question 7/,
    );
    await expectRefused(id, 'cases:set-response', set({ outcome: 'published' }), /link/);
    await expectRefused(
      id,
      'cases:set-response',
      set({
        outcome: 'exempt',
        exemptions: [{ provision: 'FOIA s31(1)(a)', reason: 'Harm', likelihood: 'would' }],
      }),
      /public interest factors in favour of disclosure/,
    );
    await expectRefused(
      id,
      'cases:set-response',
      set({ outcome: 'exempt', exemptions: [{ provision: 'FOIA s31(1)(a)', reason: 'Harm' }] }),
      /how likely the harm is/,
    );
    await expectRefused(
      eir.id,
      'cases:set-response',
      set({ outcome: 'exempt', exemptions: [{ provision: 'FOIA s41', reason: 'Confidence' }] }, eir.id),
      /not a provision a EIR case can use/,
    );
    await expectRefused(
      id,
      'cases:set-response',
      set({ outcome: 'provided', text: 'x', exemptions: [{ provision: 'FOIA s41', reason: 'c' }] }),
      /Only a withheld answer/,
    );
    // An absolute exemption needs no public interest test; a see-other to another question is fine.
    const ok = await value(
      'cases:set-response',
      set({ outcome: 'exempt', exemptions: [{ provision: 'FOIA s41', reason: 'Confidence' }] }),
    );
    expect(ok.record.questions[1]?.response?.outcome).toBe('exempt');
    await value('cases:set-response', {
      id,
      questionId: foi.record.questions[0]!.id!,
      response: { outcome: 'see-other', seeQuestion: '2' },
    });
  });

  it('refuses a set of questions whose numbers repeat or whose answers break a rule', async () => {
    const { id } = await value('cases:create', { draft: draft('FOI 4') });
    await expectRefused(
      id,
      'cases:set-questions',
      {
        id,
        questions: [
          { number: '1', text: 'a' },
          { number: '1', text: 'b' },
        ],
      },
      /used twice/,
    );
    await expectRefused(
      id,
      'cases:set-questions',
      { id, questions: [{ number: '1', text: 'a', response: { outcome: 'see-other', seeQuestion: '2' } }] },
      /no question 2/,
    );
  });
});

describe('dates and closing', () => {
  it('refuses a response before receipt or in the future, and closing without a typed date or an outcome', async () => {
    const { id } = await value('cases:create', { draft: draft('FOI 5', { received: '2021-11-11' }) });
    const close = (patch: ChannelInput<'cases:update'>['patch']) =>
      ({ id, patch: { status: 'closed', ...patch } }) as ChannelInput<'cases:update'>;
    await expectRefused(
      id,
      'cases:update',
      close({ outcome: 'refused', responded: '2021-11-01' }),
      /cannot be before the date the request was received \(11\/11\/2021\)/,
    );
    await expectRefused(
      id,
      'cases:update',
      close({ outcome: 'refused', responded: '2026-11-22' }),
      /cannot be in the future/,
    );
    await expectRefused(
      id,
      'cases:update',
      close({ outcome: 'refused' }),
      /The date of the response is required/,
    );
    await expectRefused(id, 'cases:update', close({ responded: '2021-12-01' }), /Choose the outcome/);
    const closed = await value('cases:update', close({ outcome: 'refused', responded: '2021-12-01' }));
    expect(closed.record).toMatchObject({ status: 'closed', responded: '2021-12-01' });
    expect(closed.progress?.respondedOnTime).toBe(true);
    await expectRefused(id, 'cases:update', { id, patch: { status: 'clarification' } }, /only be reopened/);
    await expectRefused(id, 'cases:update', { id, patch: { received: '2021-12-02' } }, /cannot be before/);
    await expectRefused(
      id,
      'cases:add-event',
      { id, event: { type: 'clarification-requested', date: '2021-11-20' } },
      /closed/,
    );
  });

  it('refuses clock events before receipt, in the future, out of order, unmatched, or not in the regime', async () => {
    const { id } = await value('cases:create', { draft: draft('FOI 6', { received: '2026-10-01' }) });
    const sar = await value('cases:create', {
      draft: draft('SAR 1', { regime: 'SAR', received: '2026-10-01' }),
    });
    const add = (event: ChannelInput<'cases:add-event'>['event'], caseId = id) => ({ id: caseId, event });
    await expectRefused(
      id,
      'cases:add-event',
      add({ type: 'fees-notice-issued', date: '2026-09-30' }),
      /before the date the request was received/,
    );
    await expectRefused(
      id,
      'cases:add-event',
      add({ type: 'fees-notice-issued', date: '2026-11-22' }),
      /future/,
    );
    await expectRefused(
      id,
      'cases:add-event',
      add({ type: 'fee-paid', date: '2026-10-10' }),
      /no open clock stop/,
    );
    await expectRefused(
      id,
      'cases:add-event',
      add({ type: 'eir-extension', date: '2026-10-10' }),
      /A FOIA case has no "eir-extension"/,
    );
    await expectRefused(
      sar.id,
      'cases:add-event',
      add({ type: 'pi-extension', date: '2026-10-10', until: '2026-12-01' }, sar.id),
      /SAR case has no/,
    );
    await expectRefused(
      id,
      'cases:add-event',
      add({ type: 'pi-extension', date: '2026-10-10', until: '2026-10-09' }),
      /must be after the notice/,
    );
    await value('cases:add-event', add({ type: 'fees-notice-issued', date: '2026-10-10' }));
    await expectRefused(
      id,
      'cases:add-event',
      add({ type: 'clarification-requested', date: '2026-10-12' }),
      /already stopped/,
    );
    await expectRefused(
      id,
      'cases:add-event',
      add({ type: 'fee-paid', date: '2026-10-09' }),
      /before the last one recorded \(10\/10\/2026\)/,
    );
    const paid = await value('cases:add-event', add({ type: 'fee-paid', date: '2026-10-20' }));
    expect(paid.record.status).toBe('open');
    await expectRefused(id, 'cases:update', { id, patch: { regime: 'SAR' } }, /new regime does not allow/);
  });
});

describe('the history names the officer', () => {
  it('records the officer chosen at unlock as the actor', async () => {
    await app.enqueue(() => app.lockNow());
    const opened = await handlers['session:open']({
      path: path.join(temp.dir, 'register.foidesk'),
      passphrase: Buffer.from(PASSPHRASE),
      officer: 'Mike Burns',
    });
    expect(opened.ok && opened.value.officer).toBe('Mike Burns');
    const { timeline } = await value('cases:create', { draft: draft('FOI 7') });
    expect(timeline.map((t) => t.actor)).toEqual(['Mike Burns']);
  });
});
