/**
 * Requests from email files and the files kept with a case, through the channels the page calls,
 * against a real encrypted case file: .eml (plain, HTML only, with attachments, WhatDoTheyKnow) and
 * a real Outlook .msg; the review form's proposal, logging, duplicates, the limits, removal, and
 * the attachments inside the encrypted file (never in the clear on disk) and in its backups.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { DeskApp } from '../../main/services/app';
import { createHandlers, type Handlers } from '../../main/services/handlers';
import { holdUpload } from '../../main/services/intake/held-files';
import type { Channel, ChannelInput, ChannelOutput, EmailIntakeProposal } from '../../shared/contract';
import { MAX_ATTACHMENT_BYTES, MAX_CASE_ATTACHMENT_BYTES } from '../../shared/attachment-rules';
import { openCaseFile } from '../../db/case-file';
import { fixture, makeTempDir, PASSPHRASE } from '../helpers';

let temp: ReturnType<typeof makeTempDir>;
let file: string;
let app: DeskApp;
let handlers: Handlers;

async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const reply = await handlers[channel](input);
  if (!reply.ok) throw new Error(`${channel}: ${reply.error.code}: ${reply.error.message}`);
  return reply.value;
}

async function refusal(channel: Channel, input: unknown): Promise<{ code: string; message: string }> {
  const reply = await handlers[channel](input);
  if (reply.ok) throw new Error(`${channel} accepted ${JSON.stringify(input).slice(0, 80)}`);
  return reply.error;
}

function emailBytes(name: string): Buffer {
  return readFileSync(fixture(`email/${name}`));
}

/** What the bridge's upload and Electron's open dialog both do: the bytes held in main's memory. */
function upload(name: string, data = emailBytes(name), contentType = 'message/rfc822'): string {
  return holdUpload(app, { name, contentType, data }).uploadId;
}

async function read(name: string): Promise<EmailIntakeProposal> {
  return call('intake:read-email', { uploadId: upload(name) });
}

async function logAsProposed(p: EmailIntakeProposal, allowDuplicate = false) {
  return call('intake:log-email', {
    intakeId: p.intakeId,
    draft: p.draft,
    keep: p.attachments.filter((a) => a.keep).map((a) => a.index),
    ...(allowDuplicate ? { allowDuplicate } : {}),
  });
}

function diskBytes(): Buffer[] {
  return readdirSync(temp.dir)
    .filter((n) => n.startsWith(path.basename(file)))
    .map((n) => readFileSync(path.join(temp.dir, n)));
}

function expectNotOnDisk(needles: (string | Buffer)[]): void {
  const buffers = diskBytes();
  expect(buffers.length).toBeGreaterThan(0);
  for (const buf of buffers) {
    for (const needle of needles) {
      const bytes = typeof needle === 'string' ? Buffer.from(needle, 'utf8') : needle;
      expect(buf.includes(bytes)).toBe(false);
    }
  }
}

beforeEach(async () => {
  temp = makeTempDir();
  file = path.join(temp.dir, 'register.foidesk');
  app = new DeskApp({
    configDir: path.join(temp.dir, 'config'),
    actor: 'tester (app)',
    now: () => new Date('2026-12-01T10:00:00Z'),
  });
  handlers = createHandlers(app);
  await call('session:create', { path: file, passphrase: Buffer.from(PASSPHRASE) });
});
afterEach(async () => {
  await app.enqueue(() => app.lockNow());
  temp.cleanup();
});

describe('a request from an .eml', () => {
  it('plain text: requester, UK date (after the working day still that day), subject, questions, nothing written yet', async () => {
    const p = await read('plain.eml');
    expect(p.draft).toMatchObject({
      regime: 'FOIA',
      received: '2026-01-16',
      channel: 'email',
      requester: { name: 'Sam Patel', email: 'sam.patel@example.org' },
      // "FOI request:" is left out: the queue shows what it is about.
      subject: 'agency nurse spend',
    });
    expect(p.draft.requestText).toContain('agency nursing staff');
    expect(p.draft.questions.map((q) => q.number)).toEqual(['1', '2', '3']);
    expect(p.draft.questions[0]!.text).toBe('The total amount spent on agency nursing staff.');
    expect(p.sentAt).toBe('2026-01-16T18:45:00.000Z');
    expect(p.messageId).toBe('<20260116184500.GA1234@mail.example.org>');
    expect(p.duplicates).toEqual([]);
    expect(p.whatDoTheyKnow).toBe(false);
    // The review form comes first: nothing is in the case file until the officer logs it.
    expect((await call('cases:list', { view: 'all', offset: 0, limit: 10 })).total).toBe(0);

    const detail = await logAsProposed(p);
    expect(detail.record.reference).toBe(p.draft.reference);
    expect(detail.record.requester.email).toBe('sam.patel@example.org');
    const files = await call('attachments:list', { caseId: detail.id });
    expect(files.attachments).toMatchObject([
      {
        kind: 'request-email',
        name: 'plain.eml',
        contentType: 'message/rfc822',
        size: emailBytes('plain.eml').length,
      },
    ]);
    expect(files.source).toMatchObject({ messageId: p.messageId, whatDoTheyKnow: false, note: null });
    // The intake is used once.
    expect((await refusal('intake:log-email', { intakeId: p.intakeId, draft: p.draft, keep: [] })).code).toBe(
      'not-found',
    );
  });

  it('HTML only: the text made from the HTML, Reply-To as the requester, the UK date across midnight', async () => {
    const p = await read('html-only.eml');
    // 23:40 UTC on 30 March 2026 is 00:40 BST on 31 March.
    expect(p.draft.received).toBe('2026-03-31');
    expect(p.draft.requester).toMatchObject({
      name: "Dr Ruth O'Neill",
      email: 'r.oneill@research.example.ac.uk',
    });
    expect(p.draft.subject).toBe('Request for information - waiting times for MRI scans');
    expect(p.draft.requestText).not.toMatch(/<[a-z]/i);
    expect(p.draft.requestText).toContain('The median waiting time for a routine outpatient MRI scan');
    expect(p.draft.questions.length).toBe(2);
    expect(p.notes.join(' ')).toMatch(/made from the HTML/);
    expect(p.notes.join(' ')).toMatch(/Reply-To/);
  });

  it('with attachments: kept in the case file, encrypted, listed with size and type, and in the backup', async () => {
    const p = await read('with-attachments.eml');
    expect(p.draft.received).toBe('2026-07-14');
    expect(p.attachments).toMatchObject([
      { index: 0, name: 'Earlier letter.pdf', contentType: 'application/pdf', keep: true, problem: null },
      { index: 1, name: 'tariffs.csv', contentType: 'text/csv', keep: true, problem: null },
    ]);
    const detail = await logAsProposed(p);
    const files = await call('attachments:list', { caseId: detail.id });
    expect(files.attachments.map((a) => [a.kind, a.name])).toEqual([
      ['request-email', 'with-attachments.eml'],
      ['attachment', 'Earlier letter.pdf'],
      ['attachment', 'tariffs.csv'],
    ]);
    const pdf = files.attachments[1]!;
    expect(pdf.size).toBeGreaterThan(100);
    const download = await call('attachments:download', { id: pdf.id });
    expect(Buffer.from(download.base64, 'base64').toString('latin1')).toContain(
      'PDFMARKER-car-park-letter-5e1b',
    );
    expect(download).toMatchObject({ fileName: 'Earlier letter.pdf', contentType: 'application/pdf' });

    // On disk (the file and its -wal) neither the attachments, nor the email, nor its text in the clear.
    const rawEmail = emailBytes('with-attachments.eml').toString('latin1');
    const base64Line = rawEmail.split('\n').find((l) => /^[A-Za-z0-9+/]{60,}$/.test(l.trim()))!;
    expect(base64Line).toBeTruthy();
    const needles = [
      'PDFMARKER-car-park-letter-5e1b',
      'CSVMARKER-tariff-table-9d3c',
      base64Line.trim(),
      'penalty charge notices',
    ];
    expectNotOnDisk(needles);

    // A backup carries them (they are in the file), and it is encrypted too.
    const folder = path.join(temp.dir, 'backups');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(folder);
    const backup = await call('backup:create', { folder });
    const backupBytes = readFileSync(backup.path);
    for (const n of needles) expect(backupBytes.includes(Buffer.from(n))).toBe(false);
    const copy = openCaseFile({ path: backup.path, passphrase: PASSPHRASE });
    try {
      const rows = copy.sqlite.prepare('SELECT name, data FROM attachments ORDER BY id').all() as {
        name: string;
        data: Buffer;
      }[];
      expect(rows.map((r) => r.name)).toEqual(['with-attachments.eml', 'Earlier letter.pdf', 'tariffs.csv']);
      expect(rows[2]!.data.toString('utf8')).toContain('CSVMARKER-tariff-table-9d3c');
    } finally {
      copy.close();
    }
    await call('session:lock', {});
    expectNotOnDisk(needles);
  });

  it('WhatDoTheyKnow: footer left out, category set, the case notes that the reply will be published', async () => {
    const p = await read('whatdotheyknow.eml');
    expect(p.whatDoTheyKnow).toBe(true);
    expect(p.draft.requester).toEqual({
      name: 'Alex Morgan',
      email: 'request-1234567-8f3c2a1b@whatdotheyknow.com',
      category: 'WhatDoTheyKnow',
    });
    expect(p.draft.subject).toBe('Cyber security incidents');
    // 00:30 BST on 25 October 2026 (the day the clocks go back) is 23:30 UTC on the 24th.
    expect(p.draft.received).toBe('2026-10-25');
    expect(p.draft.requestText.endsWith('Alex Morgan')).toBe(true);
    expect(p.draft.requestText).not.toMatch(/Please use this email address|Disclaimer|-{10}|wrong address/);
    expect(p.draft.questions.map((q) => q.number)).toEqual(['1', '2']);
    expect(p.sourceNote).toMatch(/will be published on whatdotheyknow\.com/);
    const detail = await logAsProposed(p);
    const files = await call('attachments:list', { caseId: detail.id });
    expect(files.source).toMatchObject({ whatDoTheyKnow: true });
    expect(files.source!.note).toMatch(/published/);
    expect(detail.timeline.some((t) => t.action === 'note' && /published/.test(t.newValue ?? ''))).toBe(true);
  });
});

describe('a request from an Outlook .msg', () => {
  it('reads the sender, date, subject, text and attachments of a real .msg and keeps them', async () => {
    const data = emailBytes('outlook-attachment-files.msg');
    const p = await call('intake:read-email', {
      uploadId: upload('outlook-attachment-files.msg', data, 'application/vnd.ms-outlook'),
    });
    expect(p.draft.requester.email).toBe('hmailuser@hmailserver.test');
    expect(p.draft.subject).toBe('attachmentFiles');
    expect(p.draft.requestText).toBe('attachmentFiles');
    // Wed, 1 Nov 2023 09:48:31 +0900 is 00:48:31 UTC, 1 November in the UK.
    expect(p.draft.received).toBe('2023-11-01');
    expect(p.messageId).toBe('<000001da0c5d$22ab1460$68013d20$@hmailserver.test>');
    expect(p.attachments.map((a) => [a.name, a.contentType, a.size])).toEqual([
      ['jpg.jpg', 'image/jpeg', 726],
      ['png.png', 'image/png', 134],
      ['tif.tif', 'image/tiff', 664],
    ]);
    const detail = await logAsProposed(p);
    const files = await call('attachments:list', { caseId: detail.id });
    expect(files.attachments.map((a) => a.name)).toEqual([
      'outlook-attachment-files.msg',
      'jpg.jpg',
      'png.png',
      'tif.tif',
    ]);
    const jpg = Buffer.from(
      (await call('attachments:download', { id: files.attachments[1]!.id })).base64,
      'base64',
    );
    expect(jpg.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    // A run of the image's own bytes is not on disk in the clear.
    expectNotOnDisk([jpg.subarray(100, 140), data.subarray(2048, 2100)]);
  });
});

describe('duplicates', () => {
  it('the same Message-ID, or the same text from the same address, is flagged and refused unless chosen', async () => {
    const first = await logAsProposed(await read('plain.eml'));
    const again = await read('plain.eml');
    expect(again.duplicates).toEqual([
      { caseId: first.id, reference: first.record.reference, why: 'message-id' },
    ]);
    const refused = await refusal('intake:log-email', {
      intakeId: again.intakeId,
      draft: again.draft,
      keep: [],
    });
    expect(refused.code).toBe('conflict');
    expect(refused.message).toMatch(new RegExp(`already logged as ${first.record.reference}`));
    // The officer can still choose to log it (the intake is kept after a refusal).
    const second = await logAsProposed(again, true);
    expect(second.id).not.toBe(first.id);

    // Same text from the same address, another Message-ID (sent twice).
    const resent = emailBytes('plain.eml')
      .toString('utf8')
      .replace('<20260116184500.GA1234@mail.example.org>', '<resent-1@mail.example.org>');
    const p = await call('intake:read-email', { uploadId: upload('resent.eml', Buffer.from(resent)) });
    expect(p.duplicates.map((d) => d.why)).toEqual(['same-text', 'same-text']);
  });
});

describe('attachments on a case', () => {
  it('added, listed, removed with confirmation, and the limits enforced with a clear message', async () => {
    const detail = await logAsProposed(await read('plain.eml'));
    const caseId = detail.id;
    const doc = Buffer.from('Disclosed: DISCLOSURE-MARKER-41aa the agency spend table');
    const after = await call('attachments:add', {
      caseId,
      uploadIds: [upload('Spend 2024.txt', doc, 'text/plain')],
      kind: 'disclosure',
    });
    const added = after.attachments.at(-1)!;
    expect(added).toMatchObject({
      kind: 'disclosure',
      name: 'Spend 2024.txt',
      contentType: 'text/plain',
      size: doc.length,
    });
    expect(after.used.count).toBe(2);
    expect(after.limits.sentence).toMatch(/25\.0 MB/);
    expectNotOnDisk(['DISCLOSURE-MARKER-41aa']);

    // Over the per-file limit: refused before it is even held.
    expect(() => upload('huge.pdf', Buffer.alloc(MAX_ATTACHMENT_BYTES + 1))).toThrow(/at most 25\.0 MB/);
    // Over the per-case limit: five files of 24 MB would make more than 100 MB.
    const big = Buffer.alloc(MAX_ATTACHMENT_BYTES - 1024 * 1024, 1);
    const ids = [0, 1, 2, 3, 4].map((i) => upload(`scan-${i}.pdf`, big, 'application/pdf'));
    const refused = await refusal('attachments:add', { caseId, uploadIds: ids, kind: 'disclosure' });
    expect(refused.message).toMatch(/A case can hold at most 100\.0 MB of files/);
    expect((await call('attachments:list', { caseId })).used.count).toBe(2);
    expect(MAX_CASE_ATTACHMENT_BYTES).toBe(100 * 1024 * 1024);

    // Removing needs the confirmation the page asks for.
    expect((await refusal('attachments:remove', { id: added.id })).code).toBe('validation');
    const removed = await call('attachments:remove', { id: added.id, confirm: true });
    expect(removed.attachments.map((a) => a.id)).not.toContain(added.id);
    expect((await refusal('attachments:download', { id: added.id })).code).toBe('not-found');
    const timeline = (await call('cases:get', { id: caseId })).timeline.map((t) => t.action);
    expect(timeline).toEqual(expect.arrayContaining(['attachment-added', 'attachment-removed']));
  });

  it('exports only to a path granted by the save dialog', async () => {
    const detail = await logAsProposed(await read('plain.eml'));
    const [email] = (await call('attachments:list', { caseId: detail.id })).attachments;
    const out = path.join(temp.dir, 'exported.eml');
    const refused = await refusal('attachments:export', { id: email!.id, path: out });
    expect(refused.message).toMatch(/Save dialog/);
    app.grants.grant('attachment-export', out);
    const done = await call('attachments:export', { id: email!.id, path: out });
    expect(done.bytes).toBe(emailBytes('plain.eml').length);
    expect(readFileSync(out)).toEqual(emailBytes('plain.eml'));
  });

  it('a held file is unusable once the file is locked', async () => {
    const uploadId = upload('plain.eml');
    await call('session:lock', {});
    await call('session:open', { path: file, passphrase: Buffer.from(PASSPHRASE) });
    expect((await refusal('intake:read-email', { uploadId })).code).toBe('not-found');
  });

  it('a file that is not an email is refused with a plain message', async () => {
    const uploadId = upload('notes.eml', Buffer.from([0, 1, 2, 3, 4, 5]));
    expect((await refusal('intake:read-email', { uploadId })).message).toMatch(
      /not an email|could not be read/,
    );
  });
});
