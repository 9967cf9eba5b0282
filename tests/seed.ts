/**
 * Seeds a case file with many realistic cases quickly (one transaction, prepared statements), for
 * the benchmarks: the newest `open` cases are open, the rest closed, each with two questions.
 */
import type { CaseFile } from '../db/case-file';

const SUBJECTS = [
  'Agency nurse spending',
  'Car parking income',
  'Number of MRI scanners',
  'Waiting list validation',
  'Cyber Essentials accreditation',
  'Consultant vacancies',
  'Use of interpreters',
  'Energy contracts',
  'Sickness absence rates',
  'Maternity incidents',
];

function isoDay(day: number): string {
  return new Date(Date.UTC(2015, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
}

export function seedCases(file: CaseFile, options: { cases: number; open: number }): void {
  const db = file.sqlite;
  const requester = db.prepare('INSERT INTO requesters (name, email) VALUES (?, ?)');
  const kase = db.prepare(
    `INSERT INTO cases (reference, regime, received, channel, requester_id, subject, request_text, status, outcome,
       responded, officer, due_date)
     VALUES (?, ?, ?, 'email', ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const question = db.prepare(
    'INSERT INTO questions (case_id, parent_id, position, number, text, key) VALUES (?, NULL, ?, ?, ?, lower(hex(randomblob(16))))',
  );
  const { cases, open: openCases } = options;
  db.transaction(() => {
    for (let i = 1; i <= cases; i++) {
      const subject = `${SUBJECTS[i % SUBJECTS.length]} ${2015 + (i % 11)}`;
      const day = Math.floor((i / cases) * 4_340);
      const received = isoDay(day);
      const due = isoDay(day + 28);
      const open = i > cases - openCases;
      const status = open ? (i % 20 === 0 ? 'clarification' : 'open') : 'closed';
      const text =
        `1. Please provide the number of ${subject.toLowerCase()} for each of the last three financial years.\n` +
        `2. Please break the figures down by directorate and by month, and say which supplier was used.\n` +
        `3. Please provide any policy or procedure that governs this, and the name of the responsible director.`;
      const r = requester.run(`Requester ${i}`, `requester${i}@example.org`);
      const c = kase.run(
        `FOI ${i}`,
        i % 9 === 0 ? 'EIR' : 'FOIA',
        received,
        r.lastInsertRowid,
        subject,
        text,
        status,
        open ? null : 'granted',
        open ? null : due,
        i % 3 === 0 ? 'Sam Patel' : 'Alex Jones',
        status === 'clarification' ? null : due,
      );
      question.run(c.lastInsertRowid, 0, '1', `Please provide the number of ${subject.toLowerCase()}.`);
      question.run(c.lastInsertRowid, 1, '2', 'Please break the figures down by directorate and by month.');
    }
  })();
}
