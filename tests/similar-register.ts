/**
 * A register with the variety of real requests, for the similar-request tests and benchmark: a
 * dozen topics NHS trusts are asked about again and again, each request a different pick of its
 * topic's sentences with different years, services and suppliers, from different requesters. A
 * seeded generator, so every run builds the same register.
 */
import type { CaseFile } from '../db/case-file';

const TOPICS: string[][] = [
  [
    'How many ransomware attacks has the trust experienced in the last {n} years?',
    'Does the trust hold Cyber Essentials or Cyber Essentials Plus certification?',
    'Which endpoint protection product does the trust use, and when does the contract end?',
    'How many staff completed the mandatory cyber security training in {year}?',
    'Has the trust paid a ransom following a cyber incident since {year}?',
  ],
  [
    'How much did the trust spend on agency nurses in {year}?',
    'Please list the top ten staffing agencies by spend for {year}.',
    'What was the highest hourly rate paid to an agency {role} in {year}?',
    'How many agency shifts were filled above the price cap in {year}?',
  ],
  [
    'How much income did the trust receive from car parking charges in {year}?',
    'How many penalty charge notices were issued on trust car parks in {year}?',
    'Which company operates parking enforcement at the trust?',
    'Does the trust provide free parking for {role}s?',
  ],
  [
    'How many MRI scanners does the trust operate, and how old is each one?',
    'What was the average waiting time for an MRI scan in {year}?',
    'Has the trust outsourced any diagnostic imaging to {supplier}?',
  ],
  [
    'Which electronic patient record system does the trust use, and who supplies it?',
    'When does the contract for the electronic patient record end?',
    'What was the total value of the contract with {supplier}?',
    'How many IT staff does the trust employ?',
  ],
  [
    'How many interpreter bookings were made in {year}, by language?',
    'Which company provides face-to-face interpreting services to the trust?',
    'How much did the trust spend on telephone interpreting in {year}?',
  ],
  [
    'What was the sickness absence rate for {role}s in {year}?',
    'How many days were lost to stress-related absence in {year}?',
    'Does the trust offer an occupational health service to all staff?',
  ],
  [
    'How many serious incidents were reported in maternity services in {year}?',
    'How many stillbirths were recorded at the trust in {year}?',
    'How many midwife vacancies did the trust have at the end of {year}?',
  ],
  [
    'How much did the trust spend on gas and electricity in {year}?',
    'Who supplies electricity to the trust, and when does the contract end?',
    'How many solar panels are installed on trust sites?',
  ],
  [
    'How many patients waited over 52 weeks for treatment at the end of {year}?',
    'How many operations were cancelled on the day for non-clinical reasons in {year}?',
    'Please provide the referral to treatment times for orthopaedics in {year}.',
  ],
  [
    'How many complaints did the trust receive about {role}s in {year}?',
    'How many complaints were referred to the Parliamentary and Health Service Ombudsman in {year}?',
  ],
  [
    'How much did the trust spend on management consultants in {year}?',
    'Please list each consultancy contract over £25,000 awarded in {year} and its supplier.',
  ],
];

const ROLES = ['nurse', 'doctor', 'consultant', 'healthcare assistant', 'porter', 'midwife', 'paramedic'];
const SUPPLIERS = ['Epic', 'Cerner', 'System C', 'InHealth', 'Alliance Medical', 'Capita', 'Serco'];
const FIRST = ['Jane', 'Ravi', 'Zoë', 'Seán', 'Amira', 'Tom', 'Priya', 'Chen', 'Olu', 'Maria', 'Dafydd'];
const LAST = ['Smith', 'Kumar', 'Brontë', "O'Neill", 'Hassan', 'Jones', 'Patel', 'Wei', 'Adebayo', 'Silva'];

/** A small, seeded generator (mulberry32), so the register is the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

function isoDay(day: number): string {
  return new Date(Date.UTC(2016, 0, 4) + day * 86_400_000).toISOString().slice(0, 10);
}

export interface GeneratedCase {
  subject: string;
  text: string;
  received: string;
  requester: string;
  email: string;
}

export function generateRequests(count: number, seed = 1): GeneratedCase[] {
  const random = seededRandom(seed);
  const out: GeneratedCase[] = [];
  for (let i = 0; i < count; i++) {
    const topic = pick(random, TOPICS);
    const chosen = topic.filter(() => random() < 0.6);
    if (chosen.length === 0) chosen.push(pick(random, topic));
    const year = String(2016 + Math.floor(random() * 10));
    const fill = (s: string) =>
      s
        .replace('{year}', year)
        .replace('{n}', String(2 + Math.floor(random() * 4)))
        .replace('{role}', pick(random, ROLES))
        .replace('{supplier}', pick(random, SUPPLIERS));
    const lines = chosen.map((s, n) => `${n + 1}. ${fill(s)}`);
    const first = pick(random, FIRST);
    const last = pick(random, LAST);
    out.push({
      subject: fill(chosen[0]!).replace(/\?$/, '').slice(0, 80),
      text: `Dear FOI team,\n\nUnder the Freedom of Information Act please provide:\n\n${lines.join('\n')}\n\nRegards,\n${first} ${last}`,
      received: isoDay(Math.floor((i / Math.max(count, 1)) * 3_600)),
      requester: `${first} ${last}`,
      email: `${first.toLowerCase()}.${i}@example.org`,
    });
  }
  return out;
}

/** Writes the generated requests as closed, answered cases ("FOI 1", "FOI 2" …), in one transaction. */
export function seedRequests(
  file: CaseFile,
  requests: readonly GeneratedCase[],
  referencePrefix = 'FOI',
): void {
  const db = file.sqlite;
  const requester = db.prepare('INSERT INTO requesters (name, email) VALUES (?, ?)');
  const kase = db.prepare(
    `INSERT INTO cases (reference, regime, received, channel, requester_id, subject, request_text, status, outcome,
       responded, officer, due_date) VALUES (?, 'FOIA', ?, 'email', ?, ?, ?, 'closed', 'granted', ?, 'Alex Jones', ?)`,
  );
  db.transaction(() => {
    requests.forEach((r, i) => {
      const who = requester.run(r.requester, r.email);
      kase.run(
        `${referencePrefix} ${i + 1}`,
        r.received,
        who.lastInsertRowid,
        r.subject,
        r.text,
        r.received,
        r.received,
      );
    });
  })();
}
