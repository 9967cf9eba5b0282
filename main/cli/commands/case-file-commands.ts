import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { accessSync, constants } from 'node:fs';
import { CliError, type Command } from '../cli-error';
import { withPassphrase } from '../passphrase';
import { changePassphrase, createCaseFile, openCaseFile, withCaseFileAsync } from '../../../db/case-file';
import { streamExport } from '../../services/export/cli-export';
import { importInterchangeFiles } from '../../services/import/interchange-files';
import { sheetKindOf } from '../../services/import/sheet-reader';
import { importSheetCommand } from './import-sheet';
import { currentActor } from '../../services/actor';
import { checkOutputPath } from '../../services/output-paths';
import { isIsoDate } from '../../../shared/dates';

/** parseArgs with the CLI's own errors: a bad flag is one line and exit code 2. */
export function parseCommandArgs<T extends ParseArgsOptionsConfig>(
  args: string[],
  options: T,
  positionals: { min: number; max: number; usage: string },
) {
  let parsed: ReturnType<
    typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>
  >;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(`${(error as Error).message.split('\n')[0]}. Usage: ${positionals.usage}`, 2);
  }
  if (parsed.positionals.length < positionals.min || parsed.positionals.length > positionals.max) {
    throw new CliError(`wrong number of arguments. Usage: ${positionals.usage}`, 2);
  }
  return parsed;
}

/**
 * Required date flags (`--from`, `--to`), each a real date as YYYY-MM-DD: the commands that take a
 * period (`stats`, `disclosure-log`) check them here, with the same words and exit code 2. The
 * missing ones are named together ("--from and --to are required"); a date that is not real is
 * quoted back.
 */
export function requireIsoDateFlags<F extends string>(
  values: { [K in F]?: string | undefined },
  flags: readonly F[],
  usage: string,
): { [K in F]: string } {
  const missing = flags.filter((f) => !values[f]);
  if (missing.length > 0) {
    const named = missing.map((f) => `--${f}`).join(' and ');
    throw new CliError(`${named} ${missing.length === 1 ? 'is' : 'are'} required. Usage: ${usage}`, 2);
  }
  const out = {} as { [K in F]: string };
  for (const f of flags) {
    const value = values[f]!;
    if (!isIsoDate(value))
      throw new CliError(`--${f} "${value}" is not a real date in the form YYYY-MM-DD.`, 2);
    out[f] = value;
  }
  return out;
}

export const initCommand: Command = {
  name: 'init',
  usage: 'init <file>',
  summary: 'create a new encrypted case file (never overwrites)',
  async run(args, io) {
    const { positionals } = parseCommandArgs(args, {}, { min: 1, max: 1, usage: 'foi-desk init <file>' });
    await withPassphrase(io, (passphrase) => createCaseFile({ path: positionals[0]!, passphrase }).close(), {
      prompt: 'New passphrase: ',
      confirm: true,
    });
    io.stdout(`Created ${positionals[0]}. Keep the passphrase safe: it cannot be recovered.\n`);
    return 0;
  },
};

export const importCommand: Command = {
  name: 'import',
  usage:
    'import <file> <json>... | import <file> <log.xlsx|log.csv> [--map "Column=field,..."] [--regime R] [--check] [--skip-invalid]',
  summary: 'import case and organisation files, or a spreadsheet log (all or nothing unless --skip-invalid)',
  async run(args, io) {
    const usage =
      'foi-desk import <file> <json>... | foi-desk import <file> <log.xlsx|log.csv> [--map "Column=field,..."] [--regime R] [--check] [--skip-invalid]';
    const { positionals, values } = parseCommandArgs(
      args,
      {
        map: { type: 'string' },
        regime: { type: 'string' },
        check: { type: 'boolean', default: false },
        'skip-invalid': { type: 'boolean', default: false },
      },
      { min: 2, max: 10_000, usage },
    );
    const [file, ...inputs] = positionals as [string, ...string[]];
    for (const p of inputs) {
      try {
        accessSync(p, constants.R_OK);
      } catch {
        throw new CliError(`${p}: (file): cannot be read (missing or no permission). Nothing was imported.`);
      }
    }
    const sheets = inputs.filter((p) => sheetKindOf(p));
    if (sheets.length > 0) {
      if (inputs.length > 1)
        throw new CliError(
          `import one spreadsheet at a time, without JSON files beside it. Usage: ${usage}`,
          2,
        );
      return importSheetCommand(io, file, sheets[0]!, {
        map: values.map,
        regime: values.regime,
        check: values.check,
        skipInvalid: values['skip-invalid'],
      });
    }
    if (values.map !== undefined || values.regime !== undefined || values.check || values['skip-invalid'])
      throw new CliError(
        `--map, --regime, --check and --skip-invalid go with a spreadsheet (.xlsx or .csv). Usage: ${usage}`,
        2,
      );
    const report = await withPassphrase(io, (passphrase) =>
      withCaseFileAsync({ path: file, passphrase }, (caseFile) =>
        importInterchangeFiles(caseFile, inputs, { actor: currentActor() }),
      ),
    );
    for (const warning of report.warnings) io.stderr(`warning: ${warning}\n`);
    io.stdout(
      `Imported ${report.cases.length} case${report.cases.length === 1 ? '' : 's'}${report.organisation ? ' and the organisation profile' : ''}.\n`,
    );
    return 0;
  },
};

export const exportCommand: Command = {
  name: 'export',
  usage: 'export <file> [--format json|csv] [--out F [--force]]',
  summary: 'write the register as interchange JSON or a CSV for a spreadsheet',
  async run(args, io) {
    const usage = 'foi-desk export <file> [--format json|csv] [--out F [--force]]';
    const { positionals, values } = parseCommandArgs(
      args,
      {
        format: { type: 'string', default: 'json' },
        out: { type: 'string' },
        force: { type: 'boolean', default: false },
      },
      { min: 1, max: 1, usage },
    );
    const format = values.format;
    if (format !== 'json' && format !== 'csv')
      throw new CliError(`unknown format "${format}": use json or csv.`, 2);
    if (values.force && !values.out) throw new CliError(`--force goes with --out. Usage: ${usage}`, 2);
    const out = values.out;
    const input = positionals[0]!;
    if (out) checkOutputPath(out, { inputs: [input], force: values.force, label: `--out ${out}` });
    // Streamed a case at a time (main/services/export): flat memory however large the register.
    await withPassphrase(io, (passphrase) =>
      withCaseFileAsync({ path: input, passphrase }, (caseFile) =>
        streamExport(caseFile, format, out, () =>
          checkOutputPath(out!, { inputs: [input], force: values.force, label: `--out ${out}` }),
        ),
      ),
    );
    if (out) io.stderr(`Wrote ${out}.\n`);
    return 0;
  },
};

export const passwdCommand: Command = {
  name: 'passwd',
  usage: 'passwd <file>',
  summary: 'change the passphrase (new one from FOI_DESK_NEW_PASSPHRASE or asked)',
  async run(args, io) {
    const { positionals } = parseCommandArgs(args, {}, { min: 1, max: 1, usage: 'foi-desk passwd <file>' });
    const file = await withPassphrase(
      io,
      (passphrase) => openCaseFile({ path: positionals[0]!, passphrase }),
      {
        prompt: 'Current passphrase: ',
      },
    );
    try {
      await withPassphrase(io, (next) => changePassphrase(file, next), {
        envVar: 'FOI_DESK_NEW_PASSPHRASE',
        prompt: 'New passphrase: ',
        confirm: true,
      });
    } finally {
      file.close();
    }
    io.stdout('Passphrase changed. The old passphrase no longer opens the file.\n');
    return 0;
  },
};
