import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { readFileSync } from 'node:fs';
import { CliError, type Command } from '../cli-error';
import { withPassphrase } from '../passphrase';
import {
  changePassphrase,
  createCaseFile,
  openCaseFile,
  withCaseFile,
  withCaseFileAsync,
} from '../../../db/case-file';
import { importInterchange } from '../../services/import-export';
import { streamExport } from '../../services/export/cli-export';
import { currentActor } from '../../services/actor';
import { checkOutputPath } from '../../services/output-paths';

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
  usage: 'import <file> <json>...',
  summary: 'import case and organisation files, all or nothing',
  async run(args, io) {
    const { positionals } = parseCommandArgs(
      args,
      {},
      { min: 2, max: 10_000, usage: 'foi-desk import <file> <json>...' },
    );
    const [file, ...inputs] = positionals as [string, ...string[]];
    const sources = inputs.map((p) => {
      try {
        return { path: p, text: readFileSync(p, 'utf8') };
      } catch {
        throw new CliError(`${p}: (file): cannot be read (missing or no permission). Nothing was imported.`);
      }
    });
    const report = await withPassphrase(io, (passphrase) =>
      withCaseFile({ path: file, passphrase }, (caseFile) =>
        importInterchange(caseFile, sources, currentActor()),
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
