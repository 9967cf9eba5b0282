import { CliError, type CliIo, type Command } from '../cli-error';
import { withPassphrase } from '../passphrase';
import { parseCommandArgs } from './case-file-commands';
import { withCaseFileAsync } from '../../../db/case-file';
import {
  backupCaseFile,
  restoreCaseFile,
  verifyCaseFile,
  type ProgressListener,
  type VerifyReport,
} from '../../services/backup';

/** Progress on stderr: a percentage on a terminal, nothing in a scheduled job's log. */
function progressPrinter(io: CliIo, label: string): ProgressListener {
  let last = -1;
  return (p) => {
    if (!process.stderr.isTTY || p.phase !== 'copying' || p.bytesTotal === 0) return;
    const pct = Math.floor((p.bytesDone / p.bytesTotal) * 100);
    if (pct !== last) {
      last = pct;
      io.stderr(`\r${label} ${pct}%${pct === 100 ? '\n' : ''}`);
    }
  };
}

function describeReport(r: VerifyReport): string {
  return [
    `integrity: ${r.ok ? 'ok' : 'FAILED'}`,
    `cases: ${r.cases}`,
    `schema: ${r.schemaVersion}${r.schemaVersion < r.currentSchemaVersion ? ` (older; migrated on restore to ${r.currentSchemaVersion})` : ''}`,
    `last change: ${r.lastChange ?? 'none recorded'}`,
    `size: ${r.bytes} bytes`,
  ].join('\n');
}

export const backupCommand: Command = {
  name: 'backup',
  usage: 'backup <file> <dest>',
  summary: 'write a verified encrypted backup (dest: a file or a folder)',
  async run(args, io) {
    const { positionals } = parseCommandArgs(
      args,
      {},
      { min: 2, max: 2, usage: 'foi-desk backup <file> <dest>' },
    );
    const report = await withPassphrase(io, (passphrase) =>
      withCaseFileAsync({ path: positionals[0]!, passphrase }, (file) =>
        backupCaseFile(file, positionals[1]!, passphrase, progressPrinter(io, 'Copying')),
      ),
    );
    io.stdout(`Backup written and verified: ${report.path}\n${describeReport(report)}\n`);
    return 0;
  },
};

export const verifyCommand: Command = {
  name: 'verify',
  usage: 'verify <file>',
  summary: 'check a case file or backup: passphrase, integrity, schema, cases',
  async run(args, io) {
    const { positionals } = parseCommandArgs(args, {}, { min: 1, max: 1, usage: 'foi-desk verify <file>' });
    const report = await withPassphrase(io, (passphrase) => verifyCaseFile(positionals[0]!, passphrase));
    io.stdout(`${positionals[0]}\n${describeReport(report)}\n`);
    if (!report.ok)
      throw new CliError('the integrity check failed: this file is damaged. Restore from another backup.');
    return 0;
  },
};

export const restoreCommand: Command = {
  name: 'restore',
  usage: 'restore <backup> <file>',
  summary: 'check a backup and swap it in, keeping the current file as a safety copy',
  async run(args, io) {
    const { positionals } = parseCommandArgs(
      args,
      {},
      { min: 2, max: 2, usage: 'foi-desk restore <backup> <file>' },
    );
    const report = await withPassphrase(io, (passphrase) =>
      restoreCaseFile(positionals[0]!, positionals[1]!, passphrase, progressPrinter(io, 'Copying')),
    );
    io.stdout(
      `Restored ${report.restoredFrom} to ${report.target}\n${describeReport(report.check)}\n` +
        (report.safetyCopy ? `The previous file was kept as ${report.safetyCopy}\n` : ''),
    );
    return 0;
  },
};
