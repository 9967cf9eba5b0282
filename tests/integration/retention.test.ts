/**
 * Retention and disposal (issue #14) through the handlers over a real encrypted file: the cases
 * due for review under the schedule (an internal review makes it 6 years from the review's
 * closure; an open review keeps the case), the refusals, anonymising with the statistics' figures
 * unchanged, deleting, the history kept without the data, and — decrypting every page of the file
 * and its WAL outside SQLite (tests/decrypt-pages.ts) — nothing of the requester left anywhere,
 * where the same search found all of it before the disposal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { DeskApp } from '../../main/services/app';
import { serviceOf, type Service } from '../service';
import { retentionHandlers } from '../../main/services/handlers/retention';
import { disposeCase } from '../../main/services/disposal';
import { letterHandlers } from '../../main/services/handlers/letters';
import { draftHandlers } from '../../main/services/handlers/drafts';
import { statsHandlers } from '../../main/services/handlers/stats';
import { caseHandlers } from '../../main/services/handlers/cases';
import { commissionerHandlers } from '../../main/services/handlers/commissioner';
import { insertAttachment } from '../../db/queries/attachments';
import { listAuditForCase } from '../../db/queries/audit';
import { DEFAULT_RETENTION_SCHEDULE } from '../../shared/retention';
import { decryptCaseFile, findInPages, looksLikeSqlite } from '../decrypt-pages';
import { makeTempDir, PASSPHRASE, readFixture, runCli } from '../helpers';
import { createCaseFile } from '../../db/case-file';
import { importInterchange } from '../../main/services/import-export';
import type { Organisation } from '../../shared/case-format';

const NOW = new Date(2026, 10, 30, 12, 0, 0);

/** The requester's identity, planted everywhere a case can hold it. */
const NAME = 'Zebedee Quillfeather';
const EMAIL = 'zebedee.quillfeather@example.org';
const OLD_EMAIL = 'zq.oldaddress@example.net';
const ADDRESS = '42 Marigold Crescent\nPenrith';
const PHONE = '07700 900461';
const FILE_MARKER = 'ATTACHMENT-BYTES-Quillfeather-passport-scan';
const DRAFT_MARKER = 'draft-note-about-Quillfeather-family';
const NEEDLES = [
  NAME,
  'Quillfeather',
  EMAIL,
  OLD_EMAIL,
  'Marigold Crescent',
  PHONE,
  FILE_MARKER,
  DRAFT_MARKER,
];

const REQUEST = `Dear FOI team,

Please tell me how much the trust spent on agency nursing in 2019.

Yours sincerely,
${NAME}
42 Marigold Crescent, Penrith, CA11 8QT. Tel ${PHONE}`;

let temp: ReturnType<typeof makeTempDir>;
let app: DeskApp;
let desk: Service;
let file: string;
let foiId = 0;
let sarId = 0;
let appealedId = 0;
let reviewId = 0;
let openReviewOriginalId = 0;

const s = () => app.requireSession();
const r = retentionHandlers;

/** A case of the planted requester, or (`other`) of someone else, who stays. */
function logCase(
  reference: string,
  regime: 'FOIA' | 'SAR' | 'FOI-IR',
  received: string,
  extra = {},
  other = false,
) {
  const name = other ? 'Ophelia Brackenridge' : NAME;
  return desk.createCase({
    reference,
    regime,
    received,
    requester: other ? { name } : { name: NAME, email: OLD_EMAIL, address: ADDRESS },
    subject: regime === 'SAR' ? `SAR for ${NAME}` : 'Agency nursing spend 2019',
    requestText: other ? 'Please tell me the agency nursing spend for 2019.' : REQUEST,
    questions: [
      {
        number: '1',
        text: 'How much was spent on agency nursing in 2019?',
        response: { outcome: 'provided', text: `£1.2m. ${name} may ask for a review.` },
      },
    ],
    ...extra,
  }).id;
}

function close(
  id: number,
  responded: string,
  outcome: 'granted' | 'refused' = 'granted',
  lateReason?: string,
) {
  desk.updateCase(id, { status: 'closed', outcome, responded, ...(lateReason ? { lateReason } : {}) });
}

function figures() {
  return statsHandlers['stats:figures'](s(), { from: '2019-01-01', to: '2019-12-31' });
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

  desk.saveOrganisation(JSON.parse(readFixture('hpft.organisation.json')) as Organisation);
  foiId = logCase('FOI 100', 'FOIA', '2019-03-04');
  // An earlier value in the history and in the file's free space: the requester's old email.
  desk.updateCase(foiId, { requester: { name: NAME, email: EMAIL, address: ADDRESS } });
  close(foiId, '2019-03-29', 'refused');
  insertAttachment(s().db, {
    caseId: foiId,
    kind: 'request-email',
    name: `${NAME} request.eml`,
    contentType: 'message/rfc822',
    sha256: createHash('sha256').update(FILE_MARKER).digest('hex'),
    data: Buffer.from(`From: ${EMAIL}\r\n\r\n${FILE_MARKER}`),
  });
  draftHandlers['drafts:save'](s(), {
    key: `answer:${foiId}:x`,
    caseId: foiId,
    label: 'Answer to question 1',
    content: { text: DRAFT_MARKER },
  });
  letterHandlers['letters:generate'](s(), { caseId: foiId, templateId: 'refusal' });

  sarId = logCase('SAR 200', 'SAR', '2019-05-01');
  close(sarId, '2019-05-28');

  // Appealed: its internal review closed in 2021, so it is kept 6 years from then.
  appealedId = logCase('FOI 300', 'FOIA', '2019-06-03', {}, true);
  close(appealedId, '2019-06-28', 'refused');
  reviewId = logCase('FOI-IR 300', 'FOI-IR', '2019-07-01', { reviewOf: 'foi 300' }, true);
  close(reviewId, '2021-02-01', 'refused', 'Backlog in the review team');

  // A review still open: the original is not due, however old.
  openReviewOriginalId = logCase('FOI 400', 'FOIA', '2019-01-07', {}, true);
  close(openReviewOriginalId, '2019-02-01', 'refused');
  logCase('FOI-IR 400', 'FOI-IR', '2019-02-10', { reviewOf: 'FOI 400' }, true);
});
afterAll(async () => {
  await desk.lock();
  temp.cleanup();
});

describe('the due-for-review list', () => {
  it('uses the Code’s figures by default and lists the closed cases past their review date', () => {
    expect(r['retention:schedule'](s()).schedule).toEqual(DEFAULT_RETENTION_SCHEDULE);
    const due = r['retention:due'](s(), {});
    const byRef = Object.fromEntries(due.map((c) => [c.reference, c]));
    expect(byRef['FOI 100']?.reviewDate).toBe('2022-03-29');
    expect(byRef['SAR 200']?.reviewDate).toBe('2022-05-28');
    // A review case is the appeal itself: 6 years from its own closure.
    expect(byRef['FOI-IR 300']).toBeUndefined();
    expect(byRef['FOI-IR 400']).toBeUndefined();
    // The appealed request: 6 years from the review's closure (1 February 2021) — not yet.
    expect(byRef['FOI 300']).toBeUndefined();
    expect(r['retention:due'](s(), { asOf: '2027-02-01' }).map((c) => c.reference)).toContain('FOI 300');
    expect(byRef['FOI 400']).toBeUndefined();
    expect(due[0]?.reference).toBe('FOI 100');
  });

  it('follows the schedule saved in Settings', () => {
    const schedule = { ...DEFAULT_RETENTION_SCHEDULE, SAR: { years: 10, yearsIfAppealed: 12 } };
    r['retention:save-schedule'](s(), { schedule });
    expect(r['retention:due'](s(), {}).map((c) => c.reference)).not.toContain('SAR 200');
    r['retention:save-schedule'](s(), { schedule: DEFAULT_RETENTION_SCHEDULE });
    expect(r['retention:due'](s(), {}).map((c) => c.reference)).toContain('SAR 200');
  });

  it('counts a complaint to the Commissioner as an appeal: kept while undecided, 6 years from it once decided', () => {
    const undecided = logCase('FOI 500', 'FOIA', '2019-08-01', {}, true);
    close(undecided, '2019-08-28', 'refused');
    const decided = logCase('FOI 600', 'FOIA', '2019-09-02', {}, true);
    close(decided, '2019-09-27', 'refused');
    const complain = commissionerHandlers['cases:set-commissioner'];
    complain(s(), { id: undecided, complaintReceived: '2019-10-01', decision: null, decisionRef: null });
    complain(s(), {
      id: decided,
      complaintReceived: '2019-10-07',
      decision: 'not-upheld',
      decisionRef: 'IC-1-A',
    });
    const dueOn = (asOf: string) => r['retention:due'](s(), { asOf });
    // Three years from closure would have made both due in 2022.
    expect(dueOn('2024-01-01').map((c) => c.reference)).not.toEqual(expect.arrayContaining(['FOI 500']));
    expect(dueOn('2024-01-01').map((c) => c.reference)).not.toContain('FOI 600');
    expect(dueOn('2025-10-06').map((c) => c.reference)).not.toContain('FOI 600');
    expect(dueOn('2025-10-07').find((c) => c.reference === 'FOI 600')?.reviewDate).toBe('2025-10-07');
    // Undecided, the appeal is still open: never due.
    expect(dueOn('2035-01-01').map((c) => c.reference)).not.toContain('FOI 500');
  });
});

describe('disposal', () => {
  it('finds every planted piece of the requester in the decrypted pages first (the check can fail)', () => {
    const pages = decryptCaseFile(file, PASSPHRASE);
    expect(looksLikeSqlite(pages)).toBe(true);
    expect(findInPages(pages, NEEDLES)).toEqual(NEEDLES);
  });

  it('refuses without the reference typed back, or a case not yet due', () => {
    expect(() =>
      r['retention:dispose'](s(), {
        caseId: foiId,
        method: 'anonymise',
        confirmReference: 'FOI 10',
        confirm: true,
      }),
    ).toThrow(/Type the reference FOI 100/);
    expect(() =>
      r['retention:dispose'](s(), {
        caseId: appealedId,
        method: 'delete',
        confirmReference: 'FOI 300',
        confirm: true,
      }),
    ).toThrow(/not due for review/);
    expect(() =>
      r['retention:dispose'](s(), {
        caseId: openReviewOriginalId,
        method: 'delete',
        confirmReference: 'FOI 400',
        confirm: true,
      }),
    ).toThrow(/not due for review/);
    expect(caseHandlers['cases:get'](s(), { id: foiId }).record.requester.name).toBe(NAME);
  });

  it('anonymises a case: the statistics are the same, the requester is gone', () => {
    const before = figures();
    const result = r['retention:dispose'](s(), {
      caseId: foiId,
      method: 'anonymise',
      confirmReference: 'FOI 100',
      confirm: true,
    });
    expect(result).toEqual({ method: 'anonymise', reference: 'FOI 100' });
    const after = figures();
    expect({ ...after, elapsedMs: 0 }).toEqual({ ...before, elapsedMs: 0 });
    expect(after.main.received).toBe(before.main.received);

    const c = caseHandlers['cases:get'](s(), { id: foiId }).record;
    expect(c.requester.name).toBe('Anonymised requester');
    expect(c.requester.email ?? null).toBeNull();
    expect(c.requestText).toContain('agency nursing in 2019');
    expect(c.requestText).not.toContain('Quillfeather');
    expect(c.requestText).not.toContain(PHONE);
    expect(c.received).toBe('2019-03-04');
    expect(c.responded).toBe('2019-03-29');
    expect(c.outcome).toBe('refused');
    expect(r['retention:due'](s(), {}).map((x) => x.reference)).not.toContain('FOI 100');

    const history = listAuditForCase(s().db, foiId);
    expect(history.at(-1)).toMatchObject({ action: 'disposed', entity: 'case' });
    expect(JSON.stringify(history)).not.toMatch(/Quillfeather|zebedee|zq\.old|Marigold|07700/i);
  });

  it('deletes a case entirely, keeping only the disposal in the history', () => {
    r['retention:dispose'](s(), {
      caseId: sarId,
      method: 'delete',
      confirmReference: 'SAR 200',
      confirm: true,
    });
    expect(() => caseHandlers['cases:get'](s(), { id: sarId })).toThrow();
    const history = listAuditForCase(s().db, sarId);
    expect(history).toHaveLength(1);
    expect(JSON.parse(history[0]!.newValue!)).toMatchObject({ method: 'delete', reference: 'SAR 200' });
  });

  it('refuses to delete a review while its original is whole (it would lose its appeal)', () => {
    const later = (method: 'delete' | 'anonymise') =>
      disposeCase(
        s().db,
        { caseId: reviewId, method, confirmReference: 'FOI-IR 300' },
        'tester',
        '2027-03-01',
      );
    expect(() => later('delete')).toThrow(/review of foi 300, which is still in the file/);
    later('anonymise');
    expect(r['retention:due'](s(), { asOf: '2027-03-01' }).map((c) => c.reference)).toContain('FOI 300');
  });

  it('leaves nothing of the disposed cases’ requester in any page of the file or its WAL', () => {
    const pages = decryptCaseFile(file, PASSPHRASE);
    expect(looksLikeSqlite(pages)).toBe(true);
    expect(findInPages(pages, NEEDLES)).toEqual([]);
    // The decryption still reads the case file's own data (what was kept).
    expect(findInPages(pages, ['agency nursing', 'FOI 100', 'Ophelia Brackenridge'])).toEqual([
      'agency nursing',
      'FOI 100',
      'Ophelia Brackenridge',
    ]);
  });
});

describe('foi-desk retention', () => {
  it('lists the cases due for review as a process, as text and as JSON', () => {
    const cliFile = path.join(temp.dir, 'cli.foidesk');
    const cf = createCaseFile({ path: cliFile, passphrase: PASSPHRASE });
    try {
      importInterchange(
        cf,
        [{ path: 'foi-4951.case.json', text: readFixture('foi-4951.case.json') }],
        'test',
      );
    } finally {
      cf.close();
    }
    const json = runCli(['retention', cliFile, '--json']);
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    const { due } = JSON.parse(json.stdout) as { due: { reference: string; reviewDate: string }[] };
    expect(due).toEqual([expect.objectContaining({ reference: 'FOI 4951', reviewDate: '2024-11-11' })]);
    const text = runCli(['retention', cliFile]);
    expect(text.stdout).toMatch(/1 case due for review/);
    expect(text.stdout).toMatch(/FOI 4951\s+FOIA\s+2021-11-11\s+2024-11-11/);
    expect(runCli(['retention']).code).toBe(2);
  });
});
