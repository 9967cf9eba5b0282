/**
 * Letters as they go out: dated the day they are sent, signed, every placeholder filled from the
 * case, "Our Ref" from the team's pattern, the logo in the first-page header. The example cases are
 * exported by `foi-desk letter` run as a process, with no flags, and read back through LibreOffice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DeskApp } from '../../../main/services/app';
import { letterHandlers } from '../../../main/services/handlers/letters';
import { settingsHandlers } from '../../../main/services/handlers/settings';
import { caseSchema, type CaseRecord } from '../../../shared/case-format';
import { formatLongDate } from '../../../shared/dates';
import { exportWarnings } from '../../../shared/letter/signatory';
import { makeTempDir, PASSPHRASE, runCli } from '../../helpers';
import { serviceOf } from '../../service';
import {
  CONVERSION_TIMEOUT_MS,
  convertToPdfs,
  docxPart,
  docxPartNames,
  fixturesDir,
  loadOrganisation,
  pdfPages,
  renderPng,
  resultsDir,
  sharedExamplesDir,
  squash,
} from './helpers';

/** Each example case with the letterhead it was written on (by the organisation its seed came from). */
const LETTERHEADS: Record<string, string> = {
  'FOI 4951': 'walton.organisation.json',
  'FOI 2774': 'hpft.organisation.json',
};

interface Example {
  label: string;
  caseFile: string;
  orgFile: string;
  record: CaseRecord;
}

function examples(): Example[] {
  const out: Example[] = [];
  const seen = new Set<string>();
  for (const dir of [fixturesDir, sharedExamplesDir]) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)
      .filter((n) => n.endsWith('.case.json'))
      .sort()) {
      const text = readFileSync(path.join(dir, name), 'utf8');
      if (seen.has(text)) continue;
      seen.add(text);
      const record = caseSchema.parse(JSON.parse(text));
      const org = LETTERHEADS[record.reference];
      if (!org) throw new Error(`no letterhead known for the example ${record.reference}`);
      out.push({
        label: `${path.basename(dir)}/${name}`,
        caseFile: path.join(dir, name),
        orgFile: path.join(dir, org),
        record,
      });
    }
  }
  return out;
}

const temp = makeTempDir('foi-desk-signed-');
afterAll(() => temp.cleanup());

interface Exported {
  example: Example;
  code: number;
  stderr: string;
  text: string;
}
let exported: Exported[] = [];

beforeAll(async () => {
  const list = examples();
  const docxs: string[] = [];
  const results: Omit<Exported, 'text'>[] = [];
  list.forEach((example, i) => {
    const file = path.join(temp.dir, `examples-${i}.foidesk`);
    expect(runCli(['init', file]).code).toBe(0);
    expect(runCli(['import', file, example.orgFile, example.caseFile]).code).toBe(0);
    const out = path.join(temp.dir, `example-${i}.docx`);
    const result = runCli(['letter', file, example.record.reference, '--out', out]);
    results.push({ example, code: result.code, stderr: result.stderr });
    docxs.push(out);
  });
  const pdfs = await convertToPdfs(docxs, temp.dir);
  exported = await Promise.all(
    results.map(async (r, i) => ({ ...r, text: squash((await pdfPages(pdfs[i]!)).join('\n')) })),
  );
}, CONVERSION_TIMEOUT_MS + 60_000);

describe('each example case exported with no flags', () => {
  it('finds the examples (the fixtures at least)', () => {
    expect(exported.length).toBeGreaterThanOrEqual(2);
  });

  it('is dated by its responded date, signed, with no placeholder left and no warning', () => {
    for (const { example, code, stderr, text } of exported) {
      const { record } = example;
      expect({ label: example.label, code, stderr }).toEqual({ label: example.label, code: 0, stderr: '' });
      expect(record.status).toBe('closed');
      expect(text, example.label).toContain(squash(`Date: ${formatLongDate(record.responded!)}`));
      expect(text, example.label).toContain(squash(record.signatory!.name));
      expect(text, example.label).not.toMatch(/\{\{|\}\}/);
    }
  });
});

function caseText(record: CaseRecord, changes: Partial<CaseRecord>, drop: (keyof CaseRecord)[] = []): string {
  const next: Record<string, unknown> = { ...record, ...changes };
  for (const key of drop) delete next[key];
  return JSON.stringify(next);
}

describe('foi-desk letter warnings', () => {
  const base = caseSchema.parse(
    JSON.parse(readFileSync(path.join(fixturesDir, 'foi-4951.case.json'), 'utf8')),
  );

  it('prints each warning on stderr and writes nothing, unless --allow-warnings', () => {
    const file = path.join(temp.dir, 'warnings.foidesk');
    const json = path.join(temp.dir, 'fees.case.json');
    // An open case with no signatory or officer, and a fees notice with no fee recorded.
    writeFileSync(
      json,
      caseText(base, { reference: 'FOI 9001', status: 'open' }, ['signatory', 'responded', 'outcome']),
    );
    expect(runCli(['init', file]).code).toBe(0);
    expect(runCli(['import', file, path.join(fixturesDir, 'walton.organisation.json'), json]).code).toBe(0);
    const out = path.join(temp.dir, 'fees.docx');
    const refused = runCli(['letter', file, 'FOI 9001', '--template', 'fees-notice', '--out', out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/warning: The placeholder \{\{fee\}\} has no value\./);
    expect(refused.stderr).toMatch(/warning: The placeholder \{\{feeBreakdown\}\} has no value\./);
    expect(refused.stderr).toMatch(/warning: The letter has no signatory\./);
    expect(refused.stderr).toMatch(/--allow-warnings/);
    expect(existsSync(out)).toBe(false);

    const allowed = runCli([
      'letter',
      file,
      'FOI 9001',
      '--template',
      'fees-notice',
      '--allow-warnings',
      '--out',
      out,
    ]);
    expect(allowed.code).toBe(0);
    expect(allowed.stderr).toMatch(/warning: The placeholder \{\{fee\}\} has no value\./);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('fills the fee and its breakdown from the case', async () => {
    const file = path.join(temp.dir, 'fee.foidesk');
    const json = path.join(temp.dir, 'fee.case.json');
    writeFileSync(
      json,
      caseText(base, {
        reference: 'FOI 9002',
        fee: {
          amount: 31.5,
          breakdown: [
            { item: 'Photocopying 115 pages at 10p a page', amount: 11.5 },
            { item: 'Postage', amount: 20 },
          ],
        },
      }),
    );
    expect(runCli(['init', file]).code).toBe(0);
    expect(runCli(['import', file, path.join(fixturesDir, 'walton.organisation.json'), json]).code).toBe(0);
    const out = path.join(temp.dir, 'fee.docx');
    const result = runCli(['letter', file, 'FOI 9002', '--template', 'fees-notice', '--out', out]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const xml = (await docxPart(out, 'word/document.xml')).replace(/<[^>]+>/g, '');
    expect(xml).toContain(
      'The fee is £31.50, made up as follows: Photocopying 115 pages at 10p a page, £11.50; Postage, £20.00.',
    );
    // The export reads back as it was imported, fee and all.
    const back = runCli(['export', file]);
    expect((JSON.parse(back.stdout) as CaseRecord[]).find((c) => c.reference === 'FOI 9002')?.fee).toEqual({
      amount: 31.5,
      breakdown: [
        { item: 'Photocopying 115 pages at 10p a page', amount: 11.5 },
        { item: 'Postage', amount: 20 },
      ],
    });
  });

  it('documents --date and --allow-warnings in --help', () => {
    const help = runCli(['letter', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--date YYYY-MM-DD/);
    expect(help.stdout).toMatch(/--allow-warnings/);
    expect(runCli(['help']).stdout).toMatch(/--allow-warnings/);
  });
});

describe('a case logged in the app', () => {
  it(
    'is signed by its officer, with "Our Ref" from the team pattern and the logo in the header',
    async () => {
      const dir = path.join(temp.dir, 'app');
      const file = path.join(temp.dir, 'app.foidesk');
      const app = new DeskApp({
        configDir: dir,
        actor: 'tester',
        now: () => new Date('2026-11-21T12:00:00Z'),
        suggestedFolder: temp.dir,
      });
      const desk = serviceOf(app);
      try {
        await desk.create({ path: file, passphrase: Buffer.from(PASSPHRASE) });
        desk.saveOrganisation(loadOrganisation('hpft.organisation.json'));
        const s = app.requireSession();
        settingsHandlers['settings:save-logo'](s, {
          base64: readFileSync(path.join(fixturesDir, 'logo.png')).toString('base64'),
        });
        desk.saveOfficer({
          name: 'Sue Smith',
          title: 'Information Rights Officer',
          initials: 'SS',
          active: true,
        });
        desk.saveOfficer({
          name: 'Mike Burns',
          title: 'Executive Lead for Freedom of Information',
          initials: 'MB',
          active: true,
        });
        desk.saveSettings({ ourRefFormat: '{signatoryInitials}/{officerInitials} {reference}' });
        const created = desk.createCase({
          reference: 'FOI 5001',
          regime: 'FOIA',
          received: '2026-11-16',
          requester: { name: 'A Requester', email: 'a@example.org' },
          subject: 'Cyber security spend',
          requestText: '1. What did you spend on cyber security?',
          questions: [{ number: '1', text: 'What did you spend on cyber security?' }],
          officer: 'Sue Smith',
        });
        const id = created.id;
        const first = letterHandlers['letters:generate'](s, { caseId: id, templateId: 'acknowledgement' });
        expect(first.document.meta.signatory).toEqual({
          name: 'Sue Smith',
          title: 'Information Rights Officer',
        });
        expect(first.document.meta.ourRef).toBe('SS/SS FOI 5001');
        expect(first.document.meta.date).toBe('2026-11-21');

        // Another signatory chosen on the case signs instead; the case officer stays in Our Ref.
        desk.updateCase(id, {
          signatory: { name: 'Mike Burns', title: 'Executive Lead for Freedom of Information' },
          enclosures: ['Complaints leaflet'],
        });
        const second = letterHandlers['letters:generate'](s, { caseId: id, templateId: 'acknowledgement' });
        expect(second.document.meta.ourRef).toBe('MB/SS FOI 5001');
        expect(exportWarnings(second.document)).toEqual([]);

        // The letter editor's date field: a new date keeps the officer's edits.
        const body = structuredClone(second.document.body);
        body.content.push({ type: 'paragraph', content: [{ type: 'text', text: 'A line typed by hand.' }] });
        const edited = letterHandlers['letters:save'](s, {
          versionId: second.id,
          document: { meta: second.document.meta, body },
        });
        const redated = letterHandlers['letters:redate'](s, { versionId: edited.id, date: '2026-11-24' });
        expect(redated).toMatchObject({ edited: true, version: edited.version + 1 });
        expect(redated.document.meta).toMatchObject({
          date: '2026-11-24',
          dateText: '24 November 2026',
          fileName: 'FOI 5001 - Acknowledgement - 2026-11-24.docx',
        });
        expect(JSON.stringify(redated.document.body)).toContain('A line typed by hand.');

        const rendered = await letterHandlers['letters:render-docx'](s, { versionId: redated.id });
        mkdirSync(resultsDir, { recursive: true });
        const docx = path.join(resultsDir, 'foi-5001-logo.docx');
        writeFileSync(docx, Buffer.from(rendered.base64, 'base64'));
        expect((await docxPartNames(docx)).some((n) => /^word\/media\/.+\.png$/.test(n))).toBe(true);
        const headers = await Promise.all(
          (await docxPartNames(docx))
            .filter((n) => /^word\/header\d+\.xml$/.test(n))
            .map((n) => docxPart(docx, n)),
        );
        expect(headers.filter((x) => x.includes('<a:blip')).length).toBe(1);
        const [pdf] = await convertToPdfs([docx], resultsDir);
        const text = squash((await pdfPages(pdf)).join('\n'));
        expect(text).toContain(squash('Date: 24 November 2026'));
        expect(text).toContain(squash('MB/SS FOI 5001'));
        expect(text).toContain(squash('Mike Burns'));
        expect(text).toContain(squash('A line typed by hand.'));
        await renderPng(pdf, path.join(resultsDir, 'foi-5001-logo'), 1, 60);

        // A sent letter is locked: no new date.
        letterHandlers['letters:mark-sent'](s, { versionId: redated.id });
        expect(() =>
          letterHandlers['letters:redate'](s, { versionId: redated.id, date: '2026-11-25' }),
        ).toThrow(/sent and is locked/);
      } finally {
        await app.enqueue(() => app.lockNow());
      }
    },
    CONVERSION_TIMEOUT_MS + 60_000,
  );
});

describe('foi-desk letter --date on a saved letter', () => {
  it(
    're-dates the saved version with its hand edits, and refuses a sent one',
    async () => {
      const dir = path.join(temp.dir, 'cli-date');
      const file = path.join(temp.dir, 'cli-date.foidesk');
      expect(runCli(['init', file]).code).toBe(0);
      expect(
        runCli([
          'import',
          file,
          path.join(fixturesDir, 'walton.organisation.json'),
          path.join(fixturesDir, 'foi-4951.case.json'),
        ]).code,
      ).toBe(0);
      const app = new DeskApp({ configDir: dir, actor: 'tester', suggestedFolder: temp.dir });
      let versionId: number;
      try {
        await serviceOf(app).open({ path: file, passphrase: Buffer.from(PASSPHRASE) });
        const s = app.requireSession();
        const first = letterHandlers['letters:generate'](s, { caseId: 1, templateId: 'refusal' });
        expect(first.document.meta.date).toBe('2021-11-11');
        const body = structuredClone(first.document.body);
        body.content.push({ type: 'paragraph', content: [{ type: 'text', text: 'Edited in the app.' }] });
        versionId = letterHandlers['letters:save'](s, {
          versionId: first.id,
          document: { ...first.document, body },
        }).id;
      } finally {
        await app.enqueue(() => app.lockNow());
      }
      const out = path.join(temp.dir, 'redated.docx');
      const result = runCli(['letter', file, 'FOI 4951', '--date', '2021-11-12', '--out', out]);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      const plain = path.join(temp.dir, 'as-saved.docx');
      expect(runCli(['letter', file, 'FOI 4951', '--out', plain]).code).toBe(0);
      const [a, b] = await convertToPdfs([out, plain], temp.dir);
      const redated = squash((await pdfPages(a)).join('\n'));
      expect(redated).toContain(squash('Date: 12 November 2021'));
      expect(redated).toContain(squash('Edited in the app.'));
      const saved = squash((await pdfPages(b)).join('\n'));
      expect(saved).toContain(squash('Date: 11 November 2021'));
      expect(saved).toContain(squash('Edited in the app.'));

      const again = new DeskApp({ configDir: dir, actor: 'tester', suggestedFolder: temp.dir });
      try {
        await serviceOf(again).open({ path: file, passphrase: Buffer.from(PASSPHRASE) });
        letterHandlers['letters:mark-sent'](again.requireSession(), { versionId });
      } finally {
        await again.enqueue(() => again.lockNow());
      }
      const locked = runCli(['letter', file, 'FOI 4951', '--date', '2021-11-12', '--out', out, '--force']);
      expect(locked.code).toBe(1);
      expect(locked.stderr).toMatch(/was sent dated 2021-11-11 and is locked: it cannot be re-dated/);
    },
    CONVERSION_TIMEOUT_MS + 60_000,
  );
});
