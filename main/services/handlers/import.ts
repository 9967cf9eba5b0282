/**
 * The spreadsheet import's channels. The page sends the file's bytes once (`import:sheet-open`);
 * they stay in main's memory for this session only (never on disk), under a random token, while
 * the officer maps the columns and previews; `import:sheet-run` writes the rows, with progress on
 * `import:progress` (answered outside the queue). A lock, or another spreadsheet, drops them.
 */
import { randomBytes } from 'node:crypto';
import type { Regime } from '../../../shared/case-format';
import { AppError } from '../../../shared/errors';
import type { ColumnMapping, ImportProgress } from '../../../shared/spreadsheet-columns';
import type { DeskApp } from '../app';
import type { OpenSession } from '../session';
import { checkSheet, importSheet, readLayout, type SheetLayout } from '../import/sheet-import';
import { sheetKindOf, type SheetSource } from '../import/sheet-reader';
import type { AppHandlers } from './types';

interface Staged {
  token: string;
  session: OpenSession;
  source: SheetSource;
  layout: SheetLayout;
}

const staged = new WeakMap<DeskApp, Staged>();
const progress = new WeakMap<DeskApp, ImportProgress | null>();

function stagedFor(app: DeskApp, token: string): { session: OpenSession; sheet: Staged } {
  const session = app.requireSession();
  const sheet = staged.get(app);
  if (!sheet || sheet.token !== token || sheet.session !== session) {
    if (sheet && sheet.session !== session) staged.delete(app);
    throw new AppError('not-found', 'That spreadsheet is no longer open here: choose the file again.');
  }
  return { session, sheet };
}

function checkMapping(mapping: ColumnMapping, layout: SheetLayout): void {
  if (mapping.length !== layout.headers.length)
    throw new AppError(
      'validation',
      `The mapping names ${mapping.length} columns; the sheet has ${layout.headers.length}.`,
    );
  const seen = new Set<string>();
  for (const field of mapping) {
    if (!field) continue;
    if (seen.has(field))
      throw new AppError('validation', `Two columns are mapped to the same field (${field}).`);
    seen.add(field);
  }
}

const regimeOption = (r: Regime | undefined) => (r ? { defaultRegime: r } : {});

export const importHandlers = {
  'import:sheet-open': async (app, { name, data }) => {
    const session = app.requireSession();
    const kind = sheetKindOf(name);
    if (!kind) throw new AppError('validation', 'Choose an Excel workbook (.xlsx) or a CSV file (.csv).');
    const bytes = Buffer.from(data, 'base64');
    if (bytes.length === 0) throw new AppError('validation', `${name} is empty.`);
    staged.delete(app);
    const source: SheetSource = { kind, name, bytes };
    const layout = await readLayout(source);
    const token = randomBytes(16).toString('hex');
    staged.set(app, { token, session, source, layout });
    return {
      token,
      name,
      sheet: layout.sheet,
      headerRow: layout.headerRow,
      headers: layout.headers,
      suggested: layout.suggested,
    };
  },
  'import:sheet-preview': async (app, { token, mapping, defaultRegime }) => {
    const { session, sheet } = stagedFor(app, token);
    checkMapping(mapping, sheet.layout);
    progress.set(app, { phase: 'checking', done: 0, total: 1 });
    try {
      return await checkSheet(session.file, sheet.source, sheet.layout, mapping, {
        today: session.today(),
        ...regimeOption(defaultRegime),
        onProgress: (p) => progress.set(app, p),
      });
    } finally {
      progress.set(app, null);
    }
  },
  'import:sheet-run': async (app, { token, mapping, defaultRegime, mode }) => {
    const { session, sheet } = stagedFor(app, token);
    checkMapping(mapping, sheet.layout);
    progress.set(app, { phase: 'checking', done: 0, total: 1 });
    try {
      const report = await importSheet(session.file, sheet.source, sheet.layout, mapping, {
        today: session.today(),
        actor: session.actor,
        mode,
        ...regimeOption(defaultRegime),
        onProgress: (p) => progress.set(app, p),
      });
      staged.delete(app);
      return report;
    } finally {
      progress.set(app, null);
    }
  },
  'import:sheet-close': (app, { token }) => {
    const sheet = staged.get(app);
    if (!sheet || sheet.token !== token) return { closed: false };
    staged.delete(app);
    return { closed: true };
  },
  'import:progress': (app) => progress.get(app) ?? null,
} satisfies AppHandlers<'import:'>;
