/**
 * `foi-desk import <file> <log.xlsx|log.csv>`: a spreadsheet log through the same check and
 * write as the app's mapping step. The headers suggest the mapping; `--map "Column=field,..."`
 * overrides it; `--check` prints the preview and writes nothing; `--skip-invalid` imports the
 * valid rows and lists the rest (without it, any row with a problem refuses the whole file).
 */
import { CliError, type CliIo } from '../cli-error';
import { withPassphrase } from '../passphrase';
import { withCaseFileAsync } from '../../../db/case-file';
import { REGIMES, type Regime } from '../../../shared/case-format';
import {
  applyMapOption,
  parseMapOption,
  SHEET_FIELD_LABELS,
  type ColumnMapping,
  type SheetCheck,
} from '../../../shared/spreadsheet-columns';
import { currentActor } from '../../services/actor';
import type { ImportProgressListener } from '../../services/import/bulk';
import { checkSheet, importSheet, problemLines, readLayout } from '../../services/import/sheet-import';
import { sheetKindOf, type SheetSource } from '../../services/import/sheet-reader';

export interface SheetImportFlags {
  map?: string | undefined;
  check: boolean;
  skipInvalid: boolean;
  regime?: string | undefined;
}

function printer(io: CliIo): ImportProgressListener {
  let last = '';
  return (p) => {
    if (!process.stderr.isTTY || p.total <= 0) return;
    const pct = Math.floor((p.done / p.total) * 100);
    const line = `${p.phase === 'checking' ? 'Checking' : 'Writing'} ${pct}%`;
    if (line !== last) {
      last = line;
      io.stderr(`\r${line}${pct === 100 ? '\n' : ''}`);
    }
  };
}

function describeMapping(headers: string[], mapping: ColumnMapping): string {
  return headers
    .map(
      (h, i) => `  ${h || `(column ${i + 1})`} → ${mapping[i] ? SHEET_FIELD_LABELS[mapping[i]] : 'ignored'}`,
    )
    .join('\n');
}

function summary(check: SheetCheck): string {
  return `${check.total} row${check.total === 1 ? '' : 's'} in "${check.sheet}" (headers on row ${check.headerRow}): ${check.valid} valid, ${check.skipped} with problems.`;
}

export async function importSheetCommand(
  io: CliIo,
  file: string,
  input: string,
  flags: SheetImportFlags,
): Promise<number> {
  const kind = sheetKindOf(input)!;
  const source: SheetSource = { kind, name: input, path: input };
  let defaultRegime: Regime | undefined;
  if (flags.regime) {
    if (!(REGIMES as readonly string[]).includes(flags.regime))
      throw new CliError(`unknown regime "${flags.regime}": use one of ${REGIMES.join(', ')}.`, 2);
    defaultRegime = flags.regime as Regime;
  }
  const layout = await readLayout(source);
  let mapping = layout.suggested;
  if (flags.map !== undefined) {
    const chosen = parseMapOption(flags.map);
    if (!chosen.ok) throw new CliError(`--map: ${chosen.problem}.`, 2);
    const applied = applyMapOption(layout.headers, layout.suggested, chosen.value);
    if (applied.unknown.length)
      throw new CliError(
        `--map: no column is headed ${applied.unknown.map((u) => `"${u}"`).join(', ')} (the headers are: ${layout.headers.filter(Boolean).join(', ')}).`,
        2,
      );
    mapping = applied.mapping;
  }
  io.stderr(`Columns:\n${describeMapping(layout.headers, mapping)}\n`);
  const onProgress = printer(io);
  const options = { onProgress, ...(defaultRegime ? { defaultRegime } : {}) };
  return withPassphrase(io, (passphrase) =>
    withCaseFileAsync({ path: file, passphrase }, async (caseFile) => {
      if (flags.check) {
        const check = await checkSheet(caseFile, source, layout, mapping, options);
        io.stdout(`${summary(check)} Nothing was imported (--check).\n`);
        for (const line of problemLines(check, input)) io.stdout(`${line}\n`);
        return check.skipped ? 1 : 0;
      }
      const report = await importSheet(caseFile, source, layout, mapping, {
        ...options,
        actor: currentActor(),
        mode: flags.skipInvalid ? 'valid-rows' : 'all-or-nothing',
      });
      io.stdout(
        `Imported ${report.imported} case${report.imported === 1 ? '' : 's'} from ${input}${report.skipped ? `; skipped ${report.skipped} row${report.skipped === 1 ? '' : 's'}:` : '.'}\n`,
      );
      for (const line of problemLines(report, input)) io.stdout(`${line}\n`);
      if (report.warned)
        io.stderr(
          `${report.warned} imported row${report.warned === 1 ? '' : 's'} with a note (e.g. ${report.warningRows[0]?.problems[0] ?? ''}).\n`,
        );
      return 0;
    }),
  );
}
