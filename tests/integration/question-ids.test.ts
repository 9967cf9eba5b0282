/**
 * Questions have stable ids: answers are written to a question by its id, so a second window with
 * an older copy of the case cannot write to the wrong question; the ids survive renumbering and
 * every save; a "see question N" answer follows its question to its new number, in the case and
 * in the letter, and a change that would leave one pointing at a removed question is refused.
 * A real encrypted file in a temp folder, through the handlers the channels run.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createCaseFile, openCaseFile } from '../../db/case-file';
import { DeskApp } from '../../main/services/app';
import { exportRegisterJson, importInterchange } from '../../main/services/import-export';
import { composeLetter } from '../../main/services/letters';
import { loadQuestions, listCaseIds } from '../../db/queries/cases';
import type { CaseRecord, Organisation, QuestionData } from '../../shared/case-format';
import type { CaseDetail, CaseDraft } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { plainText } from '../../shared/letter/doc';
import { serviceOf, type Service } from '../service';
import { makeTempDir, PASSPHRASE, readFixture, repoRoot } from '../helpers';

const foi2774 = JSON.parse(readFixture('foi-2774.case.json')) as CaseRecord;
const organisation = JSON.parse(readFixture('hpft.organisation.json')) as Organisation;

/** FOI 2774 logged as a new case: 1 and 2 not held, 3 and 4 "see question 2", 5 exempt. */
const draft: CaseDraft = {
  reference: foi2774.reference,
  regime: foi2774.regime,
  received: foi2774.received,
  requester: foi2774.requester,
  subject: foi2774.subject,
  requestText: foi2774.requestText,
  questions: foi2774.questions,
};

let temp: ReturnType<typeof makeTempDir>;
let app: DeskApp;
let desk: Service;

beforeEach(async () => {
  temp = makeTempDir();
  app = new DeskApp({
    configDir: path.join(temp.dir, 'config'),
    actor: 'tester (app)',
    now: () => new Date(2026, 10, 21, 12, 0, 0),
    suggestedFolder: temp.dir,
  });
  desk = serviceOf(app);
  await desk.create({ path: path.join(temp.dir, 'register.foidesk'), passphrase: Buffer.from(PASSPHRASE) });
});
afterEach(async () => {
  await app.enqueue(() => app.lockNow());
  temp.cleanup();
});

function expectAppError(work: () => unknown, code: string, message?: RegExp): void {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
    if (message) expect((error as AppError).message).toMatch(message);
    return;
  }
  throw new Error(`expected an AppError ${code}`);
}

/** The top-level questions without the one at `index`, numbered 1, 2, 3 … again (as the editor does). */
function withoutQuestion(list: readonly QuestionData[], index: number): QuestionData[] {
  return list.filter((_, i) => i !== index).map((q, i) => ({ ...q, number: String(i + 1) }));
}

function summary(detail: CaseDetail) {
  return detail.record.questions.map((q) => ({
    number: q.number,
    text: q.text,
    see: q.response?.seeQuestion,
    answer: q.response?.text,
  }));
}

describe('question ids', () => {
  it('gives every question and part an id that stays through answers, renumbering and saves', () => {
    const walton = JSON.parse(readFixture('foi-4951.case.json')) as CaseRecord;
    const created = desk.createCase({ ...draft, reference: 'FOI 4951', questions: walton.questions });
    const ids = (d: CaseDetail) => {
      const out: string[] = [];
      const walk = (qs: QuestionData[]) =>
        qs.forEach((q) => {
          out.push(q.id ?? 'none');
          if (q.parts) walk(q.parts);
        });
      walk(d.record.questions);
      return out;
    };
    const first = ids(created);
    expect(first).toHaveLength(6);
    for (const id of first) expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(first).size).toBe(6);

    const part = created.record.questions[0]!.parts![1]!;
    const answered = desk.setResponse(created.id, part.id!, { outcome: 'not-held', text: 'No date is set.' });
    expect(ids(answered)).toEqual(first);

    // Move question 2 above question 1 and add a new question at the end.
    const [q1, q2] = answered.record.questions;
    const moved = desk.setQuestions(created.id, [
      { ...q2!, number: '1', parts: q2!.parts!.map((p, i) => ({ ...p, number: `1.${i + 1}` })) },
      { ...q1!, number: '2', parts: q1!.parts!.map((p, i) => ({ ...p, number: `2.${i + 1}` })) },
      { number: '3', text: 'A question added later' },
    ]);
    const after = ids(moved);
    expect(after.slice(0, 3)).toEqual(first.slice(3));
    expect(after.slice(3, 6)).toEqual(first.slice(0, 3));
    expect(after[6]).toMatch(/^[0-9a-f]{32}$/);
    expect(first).not.toContain(after[6]);
    expect(moved.record.questions[1]!.parts![1]).toMatchObject({
      id: part.id,
      number: '2.2',
      response: { outcome: 'not-held', text: 'No date is set.' },
    });
  });

  it('keeps ids out of exports, so the interchange file reads back byte for byte', () => {
    const created = desk.createCase(draft);
    expect(created.record.questions[0]!.id).toBeDefined();
    const session = app.requireSession();
    const exported = exportRegisterJson(session.file);
    expect(exported).not.toContain(created.record.questions[0]!.id!);
    const record = (JSON.parse(exported) as CaseRecord[])[0]!;
    expect(record.questions.every((q) => q.id === undefined)).toBe(true);
    // The interchange format itself refuses an id: it belongs to one case file, not to the case.
    const withId = {
      ...foi2774,
      reference: 'FOI 9999',
      questions: [{ ...foi2774.questions[0]!, id: 'a'.repeat(32) }],
    };
    expect(() =>
      importInterchange(session.file, [{ path: 'x.json', text: JSON.stringify(withId) }], 'test'),
    ).toThrow(/questions\[0\]: has unknown field\(s\) id/);
  });

  it('refuses a tree with an id twice, or an id the case does not have, nothing changed', () => {
    const created = desk.createCase(draft);
    const [q1, q2] = created.record.questions;
    expectAppError(() => desk.setQuestions(created.id, [q1!, { ...q2!, id: q1!.id }]), 'validation', /twice/);
    expectAppError(
      () => desk.setQuestions(created.id, [{ ...q1!, id: 'b'.repeat(32) }]),
      'conflict',
      /another window/,
    );
    expect(desk.getCase(created.id).record).toEqual(created.record);
  });
});

describe('"see question N" answers follow their question', () => {
  it('rewrites the number, and the same number in the answer text, when an earlier question is removed', () => {
    const created = desk.createCase(draft);
    const removed = desk.setQuestions(created.id, withoutQuestion(created.record.questions, 0));
    expect(summary(removed).slice(0, 3)).toEqual([
      {
        number: '1',
        text: foi2774.questions[1]!.text,
        see: undefined,
        answer: foi2774.questions[1]!.response!.text,
      },
      {
        number: '2',
        text: foi2774.questions[2]!.text,
        see: '1',
        answer: 'Please see the answer to question 1.',
      },
      {
        number: '3',
        text: foi2774.questions[3]!.text,
        see: '1',
        answer: 'Please see the answer to question 1.',
      },
    ]);
    // The ids are the ones the questions had.
    expect(removed.record.questions.map((q) => q.id)).toEqual(
      created.record.questions.slice(1).map((q) => q.id),
    );
  });

  it('follows a question moved to another number, where its old number now belongs to another', () => {
    const created = desk.createCase(draft);
    const [q1, q2, ...rest] = created.record.questions;
    const swapped = desk.setQuestions(created.id, [
      { ...q2!, number: '1' },
      { ...q1!, number: '2' },
      ...rest,
    ]);
    expect(summary(swapped).map((q) => [q.number, q.see])).toEqual([
      ['1', undefined],
      ['2', undefined],
      ['3', '1'],
      ['4', '1'],
      ['5', undefined],
    ]);
    // A number changed by hand is followed too.
    const q = swapped.record.questions;
    const renamed = desk.setQuestions(created.id, [{ ...q[0]!, number: '1A' }, ...q.slice(1)]);
    expect(renamed.record.questions[2]!.response).toMatchObject({
      seeQuestion: '1A',
      text: 'Please see the answer to question 1A.',
    });
  });

  it('refuses to remove a question other answers say to see, nothing changed', () => {
    const created = desk.createCase(draft);
    expectAppError(
      () => desk.setQuestions(created.id, withoutQuestion(created.record.questions, 1)),
      'validation',
      /Question 2: the answer says to see the answer to question 2, which this change removes.*Question 3: the answer says to see the answer to question 2/,
    );
    expect(desk.getCase(created.id).record).toEqual(created.record);
  });

  it('puts the new number in the letter', () => {
    const created = desk.createCase(draft);
    desk.saveOrganisation(organisation);
    desk.setQuestions(created.id, withoutQuestion(created.record.questions, 0));
    const { document } = composeLetter(app.requireSession().file, created.id, { templateId: 'refusal' });
    const body = plainText(document.body);
    expect(body).toContain('Please see the answer to question 1.');
    expect(body).not.toContain('see the answer to question 2');
  });
});

describe('two windows', () => {
  it('refuses an answer to a question another window removed, and lands one on the right question', () => {
    const created = desk.createCase(draft);
    // Window A loaded the case; window B clears the answers that see question 2, then removes it.
    const windowA = created.record.questions;
    const [, , q3, q4] = windowA;
    desk.setResponse(created.id, q3!.id!, null);
    desk.setResponse(created.id, q4!.id!, null);
    const windowB = desk.setQuestions(
      created.id,
      withoutQuestion(desk.getCase(created.id).record.questions, 1),
    );
    expect(windowB.record.questions[1]!.id).toBe(q3!.id);

    // Window A still shows question 2 and writes its answer: refused, nothing changed.
    expectAppError(
      () => desk.setResponse(created.id, windowA[1]!.id!, { outcome: 'provided', text: 'For question 2.' }),
      'conflict',
      /changed since this page loaded them/,
    );
    expect(desk.getCase(created.id).record).toEqual(windowB.record);

    // Window A answers what it shows as question 3: it lands on that question, now numbered 2.
    const answered = desk.setResponse(created.id, q3!.id!, { outcome: 'provided', text: 'Types of attack.' });
    expect(answered.record.questions[1]).toMatchObject({
      id: q3!.id,
      number: '2',
      text: q3!.text,
      response: { outcome: 'provided', text: 'Types of attack.' },
    });
    expect(answered.record.questions[2]!.response).toBeUndefined();

    // Window A saves its old question list: refused, question 2 is not brought back.
    expectAppError(() => desk.setQuestions(created.id, windowA), 'conflict');
    expect(desk.getCase(created.id).record.questions).toHaveLength(4);
  });
});

describe('the migration to question ids', () => {
  it('gives each question of a file from before ids one of its own, answers intact', () => {
    // The migrations folder as it was before question ids: 0000 and 0001.
    const folder = path.join(temp.dir, 'migrations-before-ids');
    const source = path.join(repoRoot, 'db', 'migrations');
    mkdirSync(path.join(folder, 'meta'), { recursive: true });
    const journal = JSON.parse(readFileSync(path.join(source, 'meta', '_journal.json'), 'utf8')) as {
      entries: { tag: string }[];
    };
    const entries = journal.entries.slice(0, 2);
    expect(entries.map((e) => e.tag)).toEqual(['0000_initial', '0001_sar-clock-awaiting']);
    for (const e of entries) cpSync(path.join(source, `${e.tag}.sql`), path.join(folder, `${e.tag}.sql`));
    writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
    const file = path.join(temp.dir, 'before-ids.foidesk');
    process.env.FOI_DESK_MIGRATIONS = folder;
    try {
      // Two cases as the version before ids wrote them (in its own SQL: today's code writes ids).
      const old = createCaseFile({ path: file, passphrase: PASSPHRASE });
      const columns = (old.sqlite.pragma('table_info(questions)') as { name: string }[]).map((c) => c.name);
      expect(columns).not.toContain('key');
      old.sqlite.exec(`
        INSERT INTO requesters (id, name) VALUES (1, 'A requester');
        INSERT INTO cases (id, reference, regime, received, requester_id, subject, request_text, status)
          VALUES (1, 'FOI 1', 'FOIA', '2026-11-02', 1, 'One', '1. a 2. b', 'open'),
                 (2, 'FOI 2', 'FOIA', '2026-11-03', 1, 'Two', '1. c', 'open');
        INSERT INTO questions (id, case_id, parent_id, position, number, text) VALUES
          (1, 1, NULL, 0, '1', 'First'), (2, 1, 1, 0, '1.1', 'A part'),
          (3, 1, NULL, 1, '2', 'Second'), (4, 2, NULL, 0, '1', 'Other case');
        INSERT INTO responses (question_id, outcome, see_question, text) VALUES
          (1, 'not-held', NULL, 'Not held.'), (3, 'see-other', '1', 'Please see the answer to question 1.');
      `);
      old.close();
      delete process.env.FOI_DESK_MIGRATIONS;

      const reopened = openCaseFile({ path: file, passphrase: PASSPHRASE });
      try {
        const trees = listCaseIds(reopened.db).map((caseId) =>
          loadQuestions(reopened.db, caseId, { ids: true }),
        );
        const ids = [trees[0]![0]!.id, trees[0]![0]!.parts![0]!.id, trees[0]![1]!.id, trees[1]![0]!.id];
        for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
        expect(new Set(ids).size).toBe(4);
        expect(trees[0]).toMatchObject([
          { number: '1', text: 'First', parts: [{ number: '1.1' }], response: { outcome: 'not-held' } },
          { number: '2', response: { outcome: 'see-other', seeQuestion: '1' } },
        ]);
      } finally {
        reopened.close();
      }
    } finally {
      delete process.env.FOI_DESK_MIGRATIONS;
    }
  });
});
