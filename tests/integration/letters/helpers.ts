/**
 * Helpers for the letter export tests: fixtures, LibreOffice conversion, pdftotext, and reading
 * parts of a .docx.
 *
 * LibreOffice: every conversion in a test worker uses that worker's one profile (in the run's own
 * temp folder, so parallel workers and parallel runs never share and lock one), and a test converts
 * all its letters in one start of soffice (`convertToPdfs`), which is most of what a conversion costs.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { inject } from 'vitest';
import {
  caseSchema,
  organisationSchema,
  type CaseRecord,
  type Organisation,
} from '../../../shared/case-format';

const run = promisify(execFile);

export const repoRoot = path.resolve(import.meta.dirname, '../../..');
export const fixturesDir = path.join(repoRoot, 'tests/fixtures');
/** The shared examples the fixtures are copies of (used only to check the copies are current). */
export const sharedExamplesDir = path.resolve(repoRoot, '../shared/examples');
export const resultsDir = path.join(repoRoot, 'test-results/letters');

export function loadCase(name: string): CaseRecord {
  return caseSchema.parse(JSON.parse(readFileSync(path.join(fixturesDir, name), 'utf8')));
}

export function loadOrganisation(name: string): Organisation {
  return organisationSchema.parse(JSON.parse(readFileSync(path.join(fixturesDir, name), 'utf8')));
}

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `foi-desk-${prefix}-`));
}

/**
 * A generous limit for one start of LibreOffice: what it converts in the suite takes seconds, so
 * only a hung soffice meets it, never a slow or busy machine.
 */
export const CONVERSION_TIMEOUT_MS = 240_000;

let profile: string | undefined;
let queue: Promise<unknown> = Promise.resolve();

/** This worker's LibreOffice profile: one per worker of this run, made on first use. */
function sofficeProfile(): string {
  if (profile === undefined) {
    let runDir: string | undefined;
    try {
      runDir = inject('runDir');
    } catch {
      runDir = undefined; // Outside the suite's global set-up.
    }
    const base = runDir ?? mkdtempSync(path.join(tmpdir(), 'foi-desk-soffice-'));
    profile = path.join(base, `soffice-${process.env.VITEST_POOL_ID ?? process.pid}`);
    mkdirSync(profile, { recursive: true });
  }
  return profile;
}

/**
 * Converts files with LibreOffice in one start (`--convert-to` the filter `to`, read with
 * `--infilter` when given) and returns the outputs' paths, in order. Conversions in one worker use
 * its one profile, made once, and run one after another (a profile serves one soffice at a time).
 */
export function sofficeConvert<const T extends readonly string[]>(
  files: T,
  outDir: string,
  { to, infilter, timeoutMs = CONVERSION_TIMEOUT_MS }: { to: string; infilter?: string; timeoutMs?: number },
): Promise<{ -readonly [K in keyof T]: string }> {
  const extension = to.split(':')[0]!;
  const outputs = files.map((f) => path.join(outDir, `${path.basename(f, path.extname(f))}.${extension}`));
  if (new Set(outputs).size !== outputs.length)
    throw new Error('two of the files would make the same output');
  const job = queue.then(async () => {
    const { stdout, stderr } = await run(
      'soffice',
      [
        `-env:UserInstallation=file://${sofficeProfile()}`,
        '--headless',
        '--norestore',
        ...(infilter ? [`--infilter=${infilter}`] : []),
        '--convert-to',
        to,
        '--outdir',
        outDir,
        ...files,
      ],
      { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 },
    );
    // soffice exits 0 even when it could not load a file: say so here, not in the reader.
    const missing = outputs.filter((p) => !existsSync(p));
    if (missing.length > 0) {
      throw new Error(`LibreOffice made no ${missing.join(', ')}:\n${stdout}${stderr}`);
    }
    return outputs as { -readonly [K in keyof T]: string };
  });
  queue = job.catch(() => undefined);
  return job;
}

/** Converts .docx files to PDF in one start of LibreOffice (sofficeConvert). */
export function convertToPdfs<const T extends readonly string[]>(
  docxs: T,
  outDir: string,
  timeoutMs = CONVERSION_TIMEOUT_MS,
): Promise<{ -readonly [K in keyof T]: string }> {
  return sofficeConvert(docxs, outDir, { to: 'pdf', timeoutMs });
}

/** Converts one .docx to PDF with LibreOffice and returns the PDF's path. */
export async function convertToPdf(
  docx: string,
  outDir: string,
  timeoutMs = CONVERSION_TIMEOUT_MS,
): Promise<string> {
  const [pdf] = await convertToPdfs([docx], outDir, timeoutMs);
  return pdf;
}

/** The PDF's text, one string per page (pdftotext separates pages with form feeds). */
export async function pdfPages(pdf: string): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { maxBuffer: 256 * 1024 * 1024 });
  const pages = stdout.split('\f');
  if (pages[pages.length - 1]?.trim() === '') pages.pop();
  return pages;
}

export async function renderPng(pdf: string, outPrefix: string, page = 1, dpi = 60): Promise<string> {
  await run('pdftoppm', [
    '-png',
    '-r',
    String(dpi),
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    pdf,
    outPrefix,
  ]);
  return `${outPrefix}.png`;
}

/** One part of the .docx (a zip), as text. */
export async function docxPart(docx: string, part: string): Promise<string> {
  return (await docxPartBytes(docx, part)).toString('utf8');
}

export async function docxPartBytes(docx: string, part: string): Promise<Buffer> {
  // unzip reads its name arguments as wildcards, and "[Content_Types].xml" has brackets.
  const pattern = part.replace(/[[\]*?\\]/g, '\\$&');
  const { stdout } = await run('unzip', ['-p', docx, pattern], {
    maxBuffer: 512 * 1024 * 1024,
    encoding: 'buffer',
  });
  return stdout;
}

export async function docxPartNames(docx: string): Promise<string[]> {
  const { stdout } = await run('unzip', ['-Z1', docx], { maxBuffer: 16 * 1024 * 1024 });
  return stdout.split('\n').filter((l) => l !== '');
}

/** Whitespace-free form: line wrapping and page layout can then never split a match. */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Splits prose into sentences, keeping each sentence's punctuation. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.?!:])\s+(?=[A-Z(])/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * Running text of the letter: the running header at the top of pages after the first and the
 * "Page X of Y" footer are removed, so a sentence that crosses a page break still matches.
 */
export function bodyText(pages: string[], runningHeader: string[]): string {
  const header = new Set(runningHeader.map((l) => l.trim()));
  return pages
    .map((page, index) => {
      const lines = page.split('\n');
      if (index > 0) {
        while (lines.length > 0 && (lines[0]!.trim() === '' || header.has(lines[0]!.trim()))) lines.shift();
      }
      return lines.filter((l) => !/^\s*Page \d+ of \d+\s*$/.test(l)).join('\n');
    })
    .join('\n');
}

/**
 * The first expected text that is missing or out of order, or undefined when all are present in
 * the order given. Comparison is whitespace-free (see `squash`).
 */
export function firstOutOfOrder(haystack: string, needles: string[]): string | undefined {
  const hay = squash(haystack);
  let from = 0;
  for (const needle of needles) {
    const at = hay.indexOf(squash(needle), from);
    if (at < 0) return hay.includes(squash(needle)) ? `out of order: ${needle}` : `missing: ${needle}`;
    from = at + squash(needle).length;
  }
  return undefined;
}

/**
 * A small XML 1.0 well-formedness check: legal characters, balanced and properly nested tags,
 * quoted attributes, known entity forms. Enough to catch what a broken writer produces, without a
 * parser dependency.
 */
export function xmlProblem(xml: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const illegal = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udfff]/u.exec(xml);
  if (illegal) return `illegal character U+${illegal[0].charCodeAt(0).toString(16)} at ${illegal.index}`;
  const stack: string[] = [];
  const token =
    /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|<\?[^?]*\?>|<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<|&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/g;
  let roots = 0;
  for (const m of xml.matchAll(token)) {
    const whole = m[0];
    if (whole === '<') return `stray "<" at ${m.index}`;
    if (whole.startsWith('&')) return `bad entity at ${m.index}`;
    if (!m[2]) continue; // declaration, comment or CDATA
    const [, closing, name, , selfClosing] = m;
    if (closing) {
      if (stack.pop() !== name) return `mismatched </${name}> at ${m.index}`;
    } else if (!selfClosing) {
      if (stack.length === 0) roots += 1;
      stack.push(name);
    } else if (stack.length === 0) roots += 1;
  }
  if (stack.length > 0) return `unclosed <${stack[stack.length - 1]}>`;
  if (roots !== 1) return `${roots} root elements`;
  return undefined;
}
