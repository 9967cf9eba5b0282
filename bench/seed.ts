/**
 * Seeds a case file with many realistic cases quickly (one transaction, prepared statements), for
 * the benchmarks. Each case gets a requester, three questions and an answer.
 */
import type { CaseFile } from '../db/case-file';

const SUBJECTS = [
  'Cyber Essentials accreditation',
  'Agency nurse spend',
  'Parking charges income',
  'Waiting times for MRI',
  'Use of interpreters',
  'Estates backlog maintenance',
  'Spend on management consultants',
  'Car parking for staff',
];
const REGIMES = ['FOIA', 'FOIA', 'FOIA', 'EIR', 'SAR'];
const STATUSES = ['open', 'open', 'clarification', 'closed', 'closed', 'closed'];

export function seedCases(file: CaseFile, count: number, startNumber = 100_000): void {
  const s = file.sqlite;
  const insertRequester = s.prepare('INSERT INTO requesters (name, email) VALUES (?, ?)');
  const insertCase = s.prepare(
    `INSERT INTO cases (reference, regime, received, requester_id, subject, request_text, status, outcome, officer, due_date)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertQuestion = s.prepare(
    'INSERT INTO questions (case_id, parent_id, position, number, text) VALUES (?, NULL, ?, ?, ?)',
  );
  const insertResponse = s.prepare('INSERT INTO responses (question_id, outcome, text) VALUES (?, ?, ?)');
  const day = 86_400_000;
  const base = Date.UTC(2019, 0, 1);
  s.transaction(() => {
    for (let i = 0; i < count; i++) {
      const received = new Date(base + ((i * 7919) % 2500) * day).toISOString().slice(0, 10);
      const due = new Date(base + (((i * 7919) % 2500) + 28) * day).toISOString().slice(0, 10);
      const subject = `${SUBJECTS[i % SUBJECTS.length]} ${i}`;
      const requester = insertRequester.run(`Requester ${i}`, `requester${i}@example.org`).lastInsertRowid;
      const status = STATUSES[i % STATUSES.length]!;
      const caseId = insertCase.run(
        `FOI ${startNumber + i}`,
        REGIMES[i % REGIMES.length],
        received,
        requester,
        subject,
        `1. Please tell me about ${subject.toLowerCase()}.\n2. How much was spent in each of the last three years?\n3. Who decides?`,
        status,
        status === 'closed' ? 'granted' : null,
        `Officer ${i % 5}`,
        due,
      ).lastInsertRowid;
      for (let q = 0; q < 3; q++) {
        const qid = insertQuestion.run(
          caseId,
          q,
          String(q + 1),
          `Question ${q + 1} about ${subject}`,
        ).lastInsertRowid;
        insertResponse.run(qid, 'provided', `Answer ${q + 1} for case ${i}.`);
      }
    }
  })();
}
