/**
 * The queue's search through the FTS5 indexes in the encrypted file, on a seeded register: it
 * finds what the old LIKE search found (the same sets of cases, compared for many searches), ranks
 * the best matches first, finds substrings of references, and follows every change (a new case, an
 * edited subject, a renamed requester, an answer written, changed and removed) in the same
 * transaction. The facets and the officer list come from one query each.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { DeskApp } from '../../main/services/app';
import { serviceOf, type Service } from '../service';
import { likePattern, searchTerms } from '../../db/queries/queue';
import type { CaseFile } from '../../db/case-file';
import { makeTempDir, PASSPHRASE } from '../helpers';

const NOW = new Date(2026, 10, 21, 12, 0, 0);
const CASES = 1_200;

const SUBJECTS = [
  'Agency nurse spending',
  'Car parking income',
  'Number of MRI scanners',
  'Cyber Essentials accreditation',
  'Café and catering contracts',
  'Use of interpreters',
  'Sickness absence rates',
  'Maternity incidents',
];
const NAMES = ['Jane Smith', 'Ravi Kumar', 'Zoë Brontë', "Seán O'Neill", 'WhatDoTheyKnow user'];

/** A register with variety: references with slashes, accents, apostrophes, % and _ in the text. */
function seed(file: CaseFile): void {
  const db = file.sqlite;
  const requester = db.prepare('INSERT INTO requesters (name, email) VALUES (?, ?)');
  const kase = db.prepare(
    `INSERT INTO cases (reference, regime, received, channel, requester_id, subject, request_text, status,
       officer, due_date) VALUES (?, ?, ?, 'email', ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (let i = 1; i <= CASES; i++) {
      const subject = `${SUBJECTS[i % SUBJECTS.length]} ${2015 + (i % 11)}`;
      const text =
        i % 7 === 0
          ? `Please say what share (in %) of spending_total went on ${subject.toLowerCase()}, by directorate.`
          : `Please provide the number of ${subject.toLowerCase()} for the last three years.`;
      const r = requester.run(`${NAMES[i % NAMES.length]} ${i % 13}`, null);
      const month = String(1 + (i % 12)).padStart(2, '0');
      kase.run(
        `FOI/${2015 + (i % 11)}/${String(i).padStart(4, '0')}`,
        i % 9 === 0 ? 'EIR' : 'FOIA',
        `${2015 + (i % 11)}-${month}-10`,
        r.lastInsertRowid,
        subject,
        text,
        i > CASES - 100 ? 'open' : 'closed',
        i % 3 === 0 ? 'Sam Patel' : i % 5 === 0 ? null : 'Alex Jones',
        `${2015 + (i % 11)}-${month}-28`,
      );
    }
  })();
}

let temp: ReturnType<typeof makeTempDir>;
let app: DeskApp;
let desk: Service;

beforeAll(async () => {
  temp = makeTempDir();
  app = new DeskApp({
    configDir: path.join(temp.dir, 'config'),
    actor: 'tester',
    now: () => NOW,
    integrityCheck: false,
  });
  desk = serviceOf(app);
  await desk.create({ path: path.join(temp.dir, 'register.foidesk'), passphrase: Buffer.from(PASSPHRASE) });
  seed(app.requireSession().file);
});
afterAll(async () => {
  await desk.lock();
  temp.cleanup();
});

/** Every case the search finds, all pages read. */
function found(search: string, view: 'open' | 'closed' | 'all' = 'all'): number[] {
  const ids: number[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = desk.listCases({ view, search, offset, limit: 500 });
    ids.push(...page.rows.map((r) => r.id));
    if (offset + 500 >= page.total) {
      expect(ids).toHaveLength(page.total);
      return ids;
    }
  }
}

/** What the LIKE search before FTS5 found: every word somewhere in the four columns. */
function likeFound(search: string): number[] {
  const terms = searchTerms(search);
  const clauses = terms.map(
    () =>
      "(c.reference LIKE ? ESCAPE '\\' OR c.subject LIKE ? ESCAPE '\\' OR r.name LIKE ? ESCAPE '\\' OR c.request_text LIKE ? ESCAPE '\\')",
  );
  const params = terms.flatMap((t) => Array<string>(4).fill(likePattern(t)));
  return app
    .requireSession()
    .file.sqlite.prepare(
      `SELECT c.id FROM cases c JOIN requesters r ON r.id = c.requester_id WHERE ${clauses.join(' AND ') || '1'}`,
    )
    .pluck()
    .all(...params) as number[];
}

const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);

describe('search through the FTS5 indexes', () => {
  it('finds the same cases as the LIKE search did', () => {
    const searches = [
      'Cyber Essentials',
      'cyber',
      'ssentials',
      'MRI scanners 2019',
      'directorate',
      'Jane',
      'smith 7',
      "O'Neill",
      'FOI/2020',
      '/0123',
      'spending_total',
      '(in %)',
      'nurse 20',
      'Agency interpreters',
      'no such words here',
    ];
    for (const search of searches) {
      const like = sorted(likeFound(search));
      expect({ search, ids: sorted(found(search)) }).toEqual({ search, ids: like });
    }
    // The comparison means something: most of these find cases, some of them many.
    expect(likeFound('Cyber Essentials').length).toBe(CASES / SUBJECTS.length);
    expect(likeFound('/0123')).toHaveLength(1);
  });

  it('finds substrings of references, names and words, accents or not', () => {
    const reference = (id: number) => desk.getCase(id).record.reference;
    expect(found('0123').map(reference)).toEqual(['FOI/2017/0123']);
    const partOfReference = found('2017/012').map(reference);
    expect(partOfReference.length).toBeGreaterThan(0);
    expect(partOfReference.every((r) => r.startsWith('FOI/2017/012'))).toBe(true);
    // Accents fold both ways (LIKE found only the exact letters).
    expect(sorted(found('Bronte'))).toEqual(sorted(likeFound('Brontë')));
    expect(sorted(found('cafe'))).toEqual(sorted(likeFound('Café')));
    expect(found('cafe').length).toBeGreaterThan(0);
  });

  it('ranks the best matches first when searching', () => {
    const s = app.requireSession().file.sqlite;
    // One case names "interpreters" in its subject, reference and text; others only in the text.
    const r = s.prepare("INSERT INTO requesters (name) VALUES ('Pat Lee')").run().lastInsertRowid;
    const best = Number(
      s
        .prepare(
          `INSERT INTO cases (reference, regime, received, requester_id, subject, request_text, status, due_date)
           VALUES ('INTERPRETERS-1', 'FOIA', '2026-11-01', ?, 'Interpreters interpreters', 'Interpreters: spending on interpreters.', 'open', '2026-11-30')`,
        )
        .run(r).lastInsertRowid,
    );
    const page = desk.listCases({ view: 'all', search: 'interpreters', offset: 0, limit: 20 });
    expect(page.rows[0]!.id).toBe(best);
    expect(page.total).toBe(likeFound('interpreters').length);
    // Asked for, the due-date order still applies to the matches.
    const byDue = desk.listCases({ view: 'all', search: 'interpreters', sort: 'due', offset: 0, limit: 500 });
    const dues = byDue.rows.map((row) => row.due ?? '');
    expect(dues).toEqual([...dues].sort());
  });

  it('ranks cases with every word before those where a word is only inside another word', () => {
    const s = app.requireSession().file.sqlite;
    const r = s.prepare("INSERT INTO requesters (name) VALUES ('Sam Ode')").run().lastInsertRowid;
    const insert = s.prepare(
      `INSERT INTO cases (reference, regime, received, requester_id, subject, request_text, status, due_date)
       VALUES (?, 'FOIA', '2026-11-01', ?, ?, ?, 'open', '2026-11-30')`,
    );
    const both = Number(
      insert.run(
        'QZX-1',
        r,
        'Agency bookings',
        'Please send the bookings of agency staff by ward, quorvex and locum alike, for each month of 2025.',
      ).lastInsertRowid,
    );
    // "locum" is common (it scores little), and in this one only inside "nonlocum"; "quorvex" is in
    // its reference and subject: scored on any word, it ranked first.
    for (let i = 0; i < 40; i++) insert.run(`LOC-${i}`, r, 'Locum spend', 'Locum spend by month.');
    const inside = Number(
      insert.run('QUORVEX-2', r, 'Quorvex quorvex quorvex', 'Quorvex quorvex nonlocum quorvex.')
        .lastInsertRowid,
    );
    const page = desk.listCases({ view: 'all', search: 'quorvex locum', offset: 0, limit: 20 });
    expect(page.rows.map((row) => row.id)).toEqual([both, inside]);
    expect(page.total).toBe(2);
  });

  it('follows new cases, edits, renamed requesters and answers in the same transaction', () => {
    const created = desk.createCase({
      reference: 'SAR-QX-77',
      regime: 'FOIA',
      received: '2026-11-02',
      channel: 'email',
      requester: { name: 'Quillon Xerxes' },
      subject: 'Helicopter landing pad',
      requestText: 'Please provide the maintenance log of the landing pad.',
      questions: [{ number: '1', text: 'The maintenance log.' }],
    });
    const id = created.id;
    expect(found('QX-7')).toEqual([id]);
    expect(found('Quillon')).toEqual([id]);
    expect(found('helicopter')).toEqual([id]);

    desk.updateCase(id, { subject: 'Rooftop helipad', requester: { name: 'Quentin Xavier' } });
    expect(found('helicopter')).toEqual([]);
    expect(found('Quillon')).toEqual([]);
    expect(found('helipad')).toEqual([id]);
    expect(found('Quentin')).toEqual([id]);

    const q1 = created.record.questions[0]!.id!;
    desk.setResponse(id, q1, { outcome: 'provided', text: 'The log is enclosed as Annex Zephyrine.' });
    expect(found('zephyrine')).toEqual([id]);
    desk.setResponse(id, q1, { outcome: 'provided', text: 'The log is enclosed as Annex B.' });
    expect(found('zephyrine')).toEqual([]);
    desk.setResponse(id, q1, { outcome: 'provided', text: 'Annex Marigold.' });
    desk.setQuestions(id, [{ number: '1', text: 'Something else entirely.' }]);
    expect(found('marigold')).toEqual([]);
    expect(found('helipad')).toEqual([id]);
  });
});

describe('the facets', () => {
  it('counts per state in one grouped pass and lists officers from the team and the cases', () => {
    const facets = desk.facets();
    const s = app.requireSession().file.sqlite;
    const count = (where: string) =>
      Number(s.prepare(`SELECT count(*) FROM cases WHERE ${where}`).pluck().get());
    expect(facets.counts).toEqual({
      open: count("status IN ('open', 'clarification', 'on-hold')"),
      closed: count("status = 'closed'"),
      overdue: count("status IN ('open', 'clarification', 'on-hold') AND due_date < '2026-11-21'"),
    });
    expect(facets.counts.open).toBeGreaterThan(0);
    expect(facets.counts.overdue).toBeGreaterThan(0);
    expect(facets.officers).toEqual(['Alex Jones', 'Sam Patel']);
  });

  it('walks an index for every filter and sort the queue offers', () => {
    const s = app.requireSession().file.sqlite;
    const plan = (sql: string, ...params: unknown[]) =>
      (s.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
        .map((r) => r.detail)
        .join('; ');
    expect(plan("SELECT id FROM cases WHERE regime = 'EIR' ORDER BY due_date LIMIT 10")).toMatch(
      /INDEX cases_regime_due/,
    );
    expect(plan("SELECT id FROM cases WHERE officer = 'Sam Patel' ORDER BY due_date LIMIT 10")).toMatch(
      /INDEX cases_officer_due/,
    );
    expect(plan("SELECT id FROM cases WHERE status = 'closed' ORDER BY received LIMIT 10")).toMatch(
      /INDEX cases_status_received/,
    );
    expect(plan("SELECT id FROM cases WHERE status = 'closed' ORDER BY reference LIMIT 10")).toMatch(
      /INDEX cases_status_reference/,
    );
    expect(plan('SELECT count(*) FROM cases WHERE due_date IS NOT NULL')).toMatch(/COVERING INDEX/);
  });
});
