/**
 * The letter channels end to end through the guarded handlers, on a real encrypted file: the
 * templates a case is offered, generating, saving edits (the letter's details stay as built from
 * the case), the warning before regenerating over hand edits, the lock on a sent letter, the Word
 * file as base64 and written to a chosen path, the save dialog only where there is one, and the
 * team's templates and standard paragraphs with "Reset to default".
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, linkSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DeskApp } from '../../main/services/app';
import { createHandlers, type Handlers } from '../../main/services/handlers';
import { importInterchange } from '../../main/services/import-export';
import { createCaseFile, openCaseFile } from '../../db/case-file';
import { defaultParagraph, defaultTemplate } from '../../templates/index';
import { plainText, type DocNode } from '../../shared/letter/doc';
import type { Channel, ChannelOutput, Envelope, LetterVersionView } from '../../shared/contract';
import { makeTempDir, PASSPHRASE, readFixture } from '../helpers';

/** 21 November 2026, midday: the desk's "today". */
const NOW = new Date(2026, 10, 21, 12, 0, 0);

let temp: ReturnType<typeof makeTempDir>;
let file: string;
let desk: DeskApp;
let handlers: Handlers;
let caseId: number;
let savePathAsked: { suggestedName: string; kind: string }[];
/** What the save dialog answers next (the officer's choice); by default the suggested name in temp. */
let nextChoice: string | null;

beforeEach(async () => {
  temp = makeTempDir();
  file = path.join(temp.dir, 'register.foidesk');
  // Seeded as an officer would: the Walton letterhead and FOI 4951 imported into a new file.
  const cf = createCaseFile({ path: file, passphrase: PASSPHRASE });
  try {
    importInterchange(
      cf,
      ['walton.organisation.json', 'foi-4951.case.json'].map((n) => ({ path: n, text: readFixture(n) })),
      'test',
    );
  } finally {
    cf.close();
  }
  savePathAsked = [];
  nextChoice = null;
  desk = new DeskApp({
    configDir: path.join(temp.dir, 'config'),
    actor: 'tester (app)',
    now: () => NOW,
    chooseSavePath: (request) => {
      savePathAsked.push(request);
      return Promise.resolve(nextChoice ?? path.join(temp.dir, request.suggestedName));
    },
  });
  handlers = createHandlers(desk);
  expect((await handlers['session:open']({ path: file, passphrase: Buffer.from(PASSPHRASE) })).ok).toBe(true);
  const page = await ok('cases:list', { view: 'all', offset: 0, limit: 10 });
  caseId = page.rows[0]!.id;
});
afterEach(async () => {
  await desk.enqueue(() => desk.lockNow());
  temp.cleanup();
});

/** Calls a channel and returns its value, failing the test with the app's message otherwise. */
async function ok<C extends Channel>(channel: C, input: unknown): Promise<ChannelOutput<C>> {
  const reply = await handlers[channel](input);
  if (!reply.ok) throw new Error(`${channel}: ${reply.error.code}: ${reply.error.message}`);
  return reply.value;
}

async function refused<C extends Channel>(
  channel: C,
  input: unknown,
): Promise<{ code: string; message: string }> {
  const reply: Envelope<unknown> = await handlers[channel](input);
  if (reply.ok) throw new Error(`${channel} accepted ${JSON.stringify(input).slice(0, 200)}`);
  return reply.error;
}

function withParagraph(doc: DocNode, text: string): DocNode {
  return { ...doc, content: [...doc.content, { type: 'paragraph', content: [{ type: 'text', text }] }] };
}

function letterText(version: LetterVersionView): string {
  return plainText(version.document.body);
}

describe('letters for a case', () => {
  it('offers the templates for the case’s regime and suggests the refusal notice', async () => {
    const offered = await ok('letters:templates', { caseId });
    expect(offered.suggested).toBe('refusal');
    expect(offered.templates.every((t) => t.regimes.includes('FOIA'))).toBe(true);
    expect(offered.templates.map((t) => t.id)).not.toContain('sar-extension');
    expect(offered.templates.find((t) => t.id === 'refusal')).toMatchObject({
      name: 'Refusal notice (s17)',
      title: 'Refusal notice',
    });
    const all = await ok('letters:templates', {});
    expect(all.suggested).toBeNull();
    expect(all.templates.map((t) => t.id)).toContain('sar-extension');
    expect((await refused('letters:templates', { caseId: 999 })).code).toBe('not-found');
  });

  it('generates, saves edits as versions, warns before replacing them and locks the sent one', async () => {
    const first = await ok('letters:generate', { caseId, templateId: 'refusal' });
    expect(first).toMatchObject({ version: 1, edited: false, stale: false, sentAt: null });
    // FOI 4951 is closed: dated the day its response was sent, named for the officer's folder.
    expect(first.document.meta.date).toBe('2021-11-11');
    expect(first.document.meta.fileName).toBe('FOI 4951 - Refusal notice - 2021-11-11.docx');
    expect(letterText(first)).toContain('Section 31(1)(a) – The prevention or detection of crime');

    // The page sends the body; the details printed above it stay as built from the case.
    const tampered = {
      meta: { ...first.document.meta, fileName: '../../.bashrc', ourRef: 'Something else' },
      body: withParagraph(first.document.body, 'A sentence typed by hand.'),
    };
    const second = await ok('letters:save', { versionId: first.id, document: tampered });
    expect(second).toMatchObject({ version: 2, edited: true });
    expect(second.document.meta).toEqual(first.document.meta);
    expect(letterText(second)).toContain('A sentence typed by hand.');

    const conflict = await refused('letters:generate', { caseId, templateId: 'refusal' });
    expect(conflict.code).toBe('conflict');
    expect(conflict.message).toMatch(/hand edits/);
    const third = await ok('letters:generate', { caseId, templateId: 'refusal', replaceEdits: true });
    expect(third).toMatchObject({ version: 3, edited: false });
    expect(letterText(third)).not.toContain('A sentence typed by hand.');

    const sent = await ok('letters:mark-sent', { versionId: second.id });
    expect(sent.sentAt).not.toBeNull();
    const locked = await refused('letters:save', { versionId: second.id, document: tampered });
    expect(locked).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/sent and is locked/) as string,
    });

    const history = await ok('letters:list', { caseId });
    expect(history.map((v) => [v.version, v.edited, v.sentAt !== null])).toEqual([
      [1, false, false],
      [2, true, true],
      [3, false, false],
    ]);
    expect(history[0]).toMatchObject({ title: 'Refusal notice', date: '2021-11-11' });
    expect(history[0]).not.toHaveProperty('document');
    expect((await ok('letters:get', { versionId: second.id })).document.body).toEqual(second.document.body);
    expect((await refused('letters:get', { versionId: 999 })).code).toBe('not-found');

    // The case moves on: every saved letter is now out of date.
    await ok('cases:update', { id: caseId, patch: { subject: 'Cyber Essentials certification' } });
    expect((await ok('letters:list', { caseId })).every((v) => v.stale)).toBe(true);

    const timeline = (await ok('cases:get', { id: caseId })).timeline.map((t) => t.action);
    expect(timeline).toEqual(
      expect.arrayContaining(['letter-generated', 'letter-edited', 'letter-sent']) as string[],
    );
  });

  it('hands the Word file to the page as base64, and writes it where the officer chose', async () => {
    const letter = await ok('letters:generate', { caseId, templateId: 'refusal' });
    const docx = await ok('letters:render-docx', { versionId: letter.id });
    expect(docx.fileName).toBe('FOI 4951 - Refusal notice - 2021-11-11.docx');
    const bytes = Buffer.from(docx.base64, 'base64');
    expect(bytes.subarray(0, 2).toString()).toBe('PK');

    const chosen = await ok('dialog:save-path', { suggestedName: docx.fileName, kind: 'docx' });
    expect(savePathAsked).toEqual([{ suggestedName: docx.fileName, kind: 'docx' }]);
    const target = chosen.path!;
    const written = await ok('letters:export-docx', { versionId: letter.id, path: target });
    expect(written).toEqual({ path: target, bytes: statSync(target).size });
    expect(readFileSync(target).subarray(0, 2).toString()).toBe('PK');
    // Written whole through a temporary file that is gone afterwards.
    expect(readdirSync(temp.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);

    nextChoice = path.join(temp.dir, 'no such folder', 'letter.docx');
    await ok('dialog:save-path', { suggestedName: docx.fileName, kind: 'docx' });
    const missing = await refused('letters:export-docx', { versionId: letter.id, path: nextChoice });
    expect(missing.code).toBe('file-missing');
    const notWord = await refused('letters:export-docx', {
      versionId: letter.id,
      path: path.join(temp.dir, 'letter.txt'),
    });
    expect(notWord).toMatchObject({
      code: 'validation',
      message: expect.stringMatching(/must be a \.docx file/) as string,
    });
    expect(existsSync(path.join(temp.dir, 'letter.txt'))).toBe(false);
    const relative = await refused('letters:export-docx', { versionId: letter.id, path: 'letter.docx' });
    expect(relative.code).toBe('validation');
    expect(existsSync(path.resolve('letter.docx'))).toBe(false);

    const timeline = (await ok('cases:get', { id: caseId })).timeline.filter(
      (t) => t.action === 'letter-exported',
    );
    expect(timeline).toHaveLength(2);
  });

  it('writes only where the save dialog answered, once, and never over the case file', async () => {
    const letter = await ok('letters:generate', { caseId, templateId: 'refusal' });
    const elsewhere = path.join(temp.dir, 'made up by the page.docx');
    const free = await refused('letters:export-docx', { versionId: letter.id, path: elsewhere });
    expect(free).toMatchObject({
      code: 'validation',
      message: expect.stringMatching(/Save dialog/) as string,
    });
    expect(existsSync(elsewhere)).toBe(false);

    const chosen = (await ok('dialog:save-path', { suggestedName: 'a.docx', kind: 'docx' })).path!;
    // Granted for a letter, not for anything else, and not for another path.
    expect((await refused('letters:export-docx', { versionId: letter.id, path: elsewhere })).code).toBe(
      'validation',
    );
    await ok('letters:export-docx', { versionId: letter.id, path: chosen });
    writeFileSync(chosen, 'the officer edited the exported copy');
    // One use: the same path again needs the dialog again.
    expect((await refused('letters:export-docx', { versionId: letter.id, path: chosen })).code).toBe(
      'validation',
    );
    expect(readFileSync(chosen, 'utf8')).toBe('the officer edited the exported copy');

    // Even a dialog answer is never the case file (here a hard link to it named as a letter).
    const before = readFileSync(file);
    nextChoice = path.join(temp.dir, 'register.docx');
    linkSync(file, nextChoice);
    await ok('dialog:save-path', { suggestedName: 'register.docx', kind: 'docx' });
    const itself = await refused('letters:export-docx', { versionId: letter.id, path: nextChoice });
    expect(itself.message).toMatch(/is the case file being read/);
    expect(readFileSync(file).equals(before)).toBe(true);

    // A choice made before the lock is not carried into the next session.
    nextChoice = path.join(temp.dir, 'after lock.docx');
    await ok('dialog:save-path', { suggestedName: 'after lock.docx', kind: 'docx' });
    await ok('session:lock', {});
    await ok('session:open', { path: file, passphrase: Buffer.from(PASSPHRASE) });
    expect((await refused('letters:export-docx', { versionId: letter.id, path: nextChoice })).code).toBe(
      'validation',
    );
  });

  it('has no save dialog in the browser bridge: the page downloads instead', async () => {
    const bridgeDesk = new DeskApp({ configDir: path.join(temp.dir, 'config2'), actor: 'bridge' });
    const reply = await createHandlers(bridgeDesk)['dialog:save-path']({
      suggestedName: 'FOI 4951 - Refusal notice - 2026-11-21.docx',
      kind: 'docx',
    });
    expect(reply).toEqual({
      ok: false,
      error: { code: 'not-found', message: expect.stringMatching(/downloaded instead/) as string },
    });
  });

  it('refuses a malformed letter before the document schema sees it, and says why', async () => {
    const letter = await ok('letters:generate', { caseId, templateId: 'refusal' });
    let deep: unknown = { type: 'paragraph' };
    for (let i = 0; i < 5000; i++) {
      deep = { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }, deep] }] };
    }
    const tooDeep = await refused('letters:save', {
      versionId: letter.id,
      document: { meta: letter.document.meta, body: { type: 'doc', content: [deep] } },
    });
    expect(tooDeep).toMatchObject({
      code: 'validation',
      message: expect.stringMatching(/nested too deeply/) as string,
    });

    const huge = { type: 'paragraph', content: [{ type: 'text', text: 'x'.repeat(1_000_000) }] };
    const tooLong = await refused('letters:save', {
      versionId: letter.id,
      document: {
        meta: letter.document.meta,
        body: { type: 'doc', content: [huge, huge, huge, huge, huge] },
      },
    });
    expect(tooLong).toMatchObject({
      code: 'validation',
      message: expect.stringMatching(/too long/) as string,
    });

    const script = await refused('letters:save', {
      versionId: letter.id,
      document: {
        meta: letter.document.meta,
        body: { type: 'doc', content: [{ type: 'script', content: [] }] },
      },
    });
    expect(script.code).toBe('validation');
    expect((await ok('letters:list', { caseId })).map((v) => v.version)).toEqual([1]);
  });
});

describe('the team’s templates and standard paragraphs', () => {
  it('adapts a template, uses it in new letters, and resets it to the shipped one', async () => {
    const library = await ok('letters:library', {});
    expect(library.templates.every((t) => !t.customised)).toBe(true);
    expect(library.paragraphs.every((p) => !p.customised)).toBe(true);

    const shipped = defaultTemplate('refusal')!;
    const adapted = {
      ...shipped,
      name: 'Refusal notice (Walton wording)',
      blocks: [
        ...shipped.blocks.slice(0, 3),
        { kind: 'text', text: 'Our own words for **{{reference}}**.' },
        ...shipped.blocks.slice(3),
      ],
    };
    const saved = await ok('letters:save-template', { template: adapted });
    expect(saved.templates.find((t) => t.id === 'refusal')).toMatchObject({
      name: 'Refusal notice (Walton wording)',
      customised: true,
    });
    const letter = await ok('letters:generate', { caseId, templateId: 'refusal' });
    expect(letterText(letter)).toContain('Our own words for FOI 4951.');
    // The shipped template is untouched, ready for the reset.
    expect(defaultTemplate('refusal')!.name).toBe('Refusal notice (s17)');

    const reset = await ok('letters:reset-template', { id: 'refusal' });
    expect(reset.templates.find((t) => t.id === 'refusal')).toMatchObject({
      name: 'Refusal notice (s17)',
      customised: false,
    });
    const fresh = await ok('letters:generate', { caseId, templateId: 'refusal' });
    expect(letterText(fresh)).not.toContain('Our own words');

    // A copy that says what the shipped one says is not an adaptation.
    const same = await ok('letters:save-template', { template: shipped });
    expect(same.templates.find((t) => t.id === 'refusal')!.customised).toBe(false);

    const unknownParagraph = await refused('letters:save-template', {
      template: { ...shipped, blocks: [{ kind: 'standard', id: 'no-such-paragraph' }] },
    });
    expect(unknownParagraph).toMatchObject({
      code: 'validation',
      message: expect.stringMatching(/no-such-paragraph/) as string,
    });
    expect((await refused('letters:save-template', { template: { ...shipped, id: 'sonnet' } })).code).toBe(
      'not-found',
    );
    expect((await refused('letters:reset-template', { id: 'sonnet' })).code).toBe('not-found');
  });

  it('adapts a standard paragraph, uses it, and resets it', async () => {
    const shipped = defaultParagraph('complaint')!;
    const text =
      'You may complain to the Information Commissioner at <https://ico.org.uk/make-a-complaint/>.';
    const saved = await ok('letters:save-paragraph', { paragraph: { ...shipped, text } });
    expect(saved.paragraphs.find((p) => p.id === 'complaint')).toMatchObject({ text, customised: true });
    // FOIA letters use the main text; the variants for other regimes are kept.
    expect(saved.paragraphs.find((p) => p.id === 'complaint')!.variants).toEqual(shipped.variants);
    const letter = await ok('letters:generate', { caseId, templateId: 'refusal' });
    expect(letterText(letter)).toContain('You may complain to the Information Commissioner at');

    const reset = await ok('letters:reset-paragraph', { id: 'complaint' });
    expect(reset.paragraphs.find((p) => p.id === 'complaint')).toMatchObject({
      text: shipped.text,
      customised: false,
    });
    expect(
      (await refused('letters:save-paragraph', { paragraph: { ...shipped, id: 'limerick' } })).code,
    ).toBe('not-found');

    // Both changes are in the audit log, with the wording before and after.
    await desk.enqueue(() => desk.lockNow());
    const cf = openCaseFile({ path: file, passphrase: PASSPHRASE });
    try {
      const rows = cf.sqlite
        .prepare(
          "SELECT action, field, old_value, new_value FROM audit_log WHERE entity = 'letter-paragraph'",
        )
        .all() as { action: string; field: string; old_value: string | null; new_value: string | null }[];
      expect(rows.map((r) => [r.action, r.field])).toEqual([
        ['update', 'complaint'],
        ['reset', 'complaint'],
      ]);
      expect(rows[0]!.new_value).toContain('You may complain');
      expect(rows[1]!.old_value).toContain('You may complain');
    } finally {
      cf.close();
    }
  });
});
