/**
 * Similar requests (issue #14) on a register with the variety of real ones: a round-robin sent by
 * a campaigner and by a colleague, the campaigner's second copy within 60 working days, and an
 * unrelated request. Through the channel's handler over a real encrypted file, and
 * `foi-desk similar` as a process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { DeskApp } from '../../main/services/app';
import { serviceOf, type Service } from '../service';
import { similarHandlers } from '../../main/services/handlers/similar';
import type { CaseDraft } from '../../shared/contract';
import { generateRequests, seedRequests } from '../similar-register';
import { makeTempDir, PASSPHRASE, runCli } from '../helpers';

const NOW = new Date(2026, 2, 20, 12, 0, 0);

const ROUND_ROBIN = `Dear Sir or Madam,

Please provide the following information under the Freedom of Information Act 2000.

1. Does the trust still run any computers on Windows 7 or Windows Server 2008?
2. Has the trust suffered a ransomware attack since 2020, and was a ransom paid?
3. Which SIEM product does the trust use to monitor its network?
4. Does the trust hold Cyber Essentials Plus certification?

Kind regards`;

let temp: ReturnType<typeof makeTempDir>;
let app: DeskApp;
let desk: Service;
let file: string;
const ids: Record<string, number> = {};

function draft(reference: string, received: string, name: string, email: string, text: string): CaseDraft {
  return {
    reference,
    regime: 'FOIA',
    received,
    requester: { name, email },
    subject: text
      .split('\n')
      .find((l) => /^\d\./.test(l))!
      .slice(3, 60),
    requestText: text,
    questions: [
      { number: '1', text: 'Windows 7 or Server 2008?' },
      { number: '2', text: 'Ransomware attack?' },
    ],
  };
}

beforeAll(async () => {
  temp = makeTempDir();
  app = new DeskApp({
    configDir: path.join(temp.dir, 'config'),
    actor: 'tester',
    now: () => NOW,
    integrityCheck: false,
  });
  desk = serviceOf(app);
  file = path.join(temp.dir, 'register.foidesk');
  await desk.create({ path: file, passphrase: Buffer.from(PASSPHRASE) });
  seedRequests(app.requireSession().file, generateRequests(400, 7));
  ids.first = desk.createCase(
    draft('FOI 2026/1', '2026-01-05', 'Helen Mirza', 'helen@campaign.example', ROUND_ROBIN),
  ).id;
  desk.updateCase(ids.first, { status: 'closed', outcome: 'granted', responded: '2026-01-28' });
  ids.colleague = desk.createCase(
    draft(
      'FOI 2026/2',
      '2026-02-10',
      'Dan Okafor',
      'dan@other.example',
      ROUND_ROBIN.replace('Dear Sir or Madam', 'Hello'),
    ),
  ).id;
  ids.again = desk.createCase(
    draft(
      'FOI 2026/3',
      '2026-03-02',
      'H. Mirza',
      'Helen@Campaign.example',
      ROUND_ROBIN.replace('since 2020', 'since 2021').replace('Kind regards', 'Thanks'),
    ),
  ).id;
  ids.parking = desk.createCase(
    draft(
      'FOI 2026/4',
      '2026-03-03',
      'Ann Lee',
      'ann@example.org',
      '1. How much income did the trust make from staff parking permits in 2025?\n2. Which company runs parking enforcement on trust car parks?',
    ),
  ).id;
});
afterAll(async () => {
  await desk.lock();
  temp.cleanup();
});

const similar = (id: number) => similarHandlers['cases:similar'](app.requireSession(), { id });

describe('similar requests', () => {
  it('finds the round robin first, from either requester, never the case itself', () => {
    const found = similar(ids.again!);
    expect(
      found
        .map((f) => f.reference)
        .slice(0, 2)
        .sort(),
    ).toEqual(['FOI 2026/1', 'FOI 2026/2']);
    expect(found.some((f) => f.id === ids.again)).toBe(false);
    for (const f of found.slice(0, 2)) expect(f.score).toBeGreaterThanOrEqual(85);
    // Only a topic's generic cyber questions are in the background register: they score lower.
    for (const f of found.slice(2)) expect(f.score).toBeLessThan(found[1]!.score);
    expect(found[0]!.matched).toEqual(expect.arrayContaining(['siem', 'windows']));
    // Most similar first.
    expect(found.map((f) => f.score)).toEqual([...found.map((f) => f.score)].sort((a, b) => b - a));
  });

  it('flags aggregation and a repeat for the same requester (matched by email), concert for another', () => {
    const found = similar(ids.again!);
    const first = found.find((f) => f.id === ids.first)!;
    const colleague = found.find((f) => f.id === ids.colleague)!;
    expect(first.sameRequester).toBe(true);
    expect(first.flags.map((f) => f.kind).sort()).toEqual(['aggregation', 'repeated']);
    expect(first.flags.find((f) => f.kind === 'aggregation')!.message).toMatch(/40 working days apart/);
    expect(colleague.sameRequester).toBe(false);
    expect(colleague.flags.map((f) => f.kind)).toEqual(['concert']);
    // The first request was the earlier one: from its side, nothing was repeated.
    const fromFirst = similar(ids.first!).find((f) => f.id === ids.again)!;
    expect(fromFirst.flags.map((f) => f.kind)).toEqual(['aggregation']);
  });

  it('offers only requests on the same topic for an unrelated request', () => {
    const found = similar(ids.parking!);
    expect(found.some((f) => f.id === ids.first || f.id === ids.again)).toBe(false);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.matched.includes('parking'))).toBe(true);
  });

  it('follows an edit in the same transaction', () => {
    desk.updateCase(ids.parking!, { requestText: ROUND_ROBIN });
    expect(similar(ids.parking!)[0]!.score).toBeGreaterThanOrEqual(85);
  });

  it('refuses a case that is not there', () => {
    expect(() => similar(999_999)).toThrow(/not in the case file/);
  });
});

describe('foi-desk similar', () => {
  it('lists the similar cases, most similar first, with their score and what matched', async () => {
    await desk.lock();
    const env = { FOI_DESK_PASSPHRASE: PASSPHRASE };
    const json = runCli(['similar', file, 'FOI 2026/3', '--json'], env);
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    const out = JSON.parse(json.stdout) as {
      reference: string;
      similar: { reference: string; score: number; matched: string[]; flags: { kind: string }[] }[];
    };
    expect(out.reference).toBe('FOI 2026/3');
    expect(
      out.similar
        .slice(0, 2)
        .map((s) => s.reference)
        .sort(),
    ).toEqual(['FOI 2026/1', 'FOI 2026/2']);
    const text = runCli(['similar', file, 'foi 2026/3'], env);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/FOI 2026\/1\s+\d+\s/);
    expect(text.stdout).toMatch(/s14\(2\)/);
    const missing = runCli(['similar', file, 'FOI 9999'], env);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/FOI 9999/);
    await desk.open({ path: file, passphrase: Buffer.from(PASSPHRASE) });
  });
});
