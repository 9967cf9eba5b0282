import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { CliError, type Command } from '../cli-error';
import { withPassphrase } from '../passphrase';
import { parseCommandArgs } from './case-file-commands';
import { withCaseFileAsync } from '../../../db/case-file';
import { isIsoDate } from '../../../shared/dates';
import { exportWarnings } from '../../../shared/letter/signatory';
import { letterForExport, renderLetterFile } from '../../services/letters';
import { caseByReference } from '../../../db/queries/case-reference';
import { writeFileAtomic } from '../../services/files';
import { checkOutputPath } from '../../services/output-paths';

const SHORT_USAGE =
  'letter <file> <reference> [--template T] [--date YYYY-MM-DD] [--allow-warnings] --out F.docx|folder [--force]';
const USAGE = `foi-desk ${SHORT_USAGE}`;

const HELP = `Usage: ${USAGE}

Writes a case's response letter as a Word document: the newest letter saved in the app for that
template (hand edits kept), or one built from the case when none has been saved.

  --template T       the letter template (default: the one the case suggests)
  --date YYYY-MM-DD  the date the letter bears. Without it: a saved letter keeps its date; a new one
                     is dated the day the response was sent (closed cases) or today (open ones).
                     A saved letter is re-dated with its hand edits kept; a letter marked as sent
                     is locked and is refused.
  --allow-warnings   write the letter even when it still has an unfilled {{placeholder}} or no
                     signatory. Without it each warning is printed on stderr and nothing is
                     written (exit 1).
  --out F.docx       the file to write, or a folder to name it in (by reference, title and date)
  --force            replace an existing file
`;

export const letterCommand: Command = {
  name: 'letter',
  usage: SHORT_USAGE,
  summary: 'write the response letter as a Word document (letter --help for the options)',
  async run(args, io) {
    if (args.includes('--help') || args.includes('-h')) {
      io.stdout(HELP);
      return 0;
    }
    const { positionals, values } = parseCommandArgs(
      args,
      {
        template: { type: 'string' },
        date: { type: 'string' },
        out: { type: 'string' },
        force: { type: 'boolean', default: false },
        'allow-warnings': { type: 'boolean', default: false },
      },
      { min: 2, max: 2, usage: USAGE },
    );
    if (!values.out) throw new CliError(`--out is required. Usage: ${USAGE}`, 2);
    if (values.date !== undefined && !isIsoDate(values.date)) {
      throw new CliError(`--date "${values.date}" is not a real date in the form YYYY-MM-DD.`, 2);
    }
    const input = positionals[0]!;
    const intoFolder = existsSync(values.out) && statSync(values.out).isDirectory();
    const check = (target: string) =>
      checkOutputPath(target, { inputs: [input], force: values.force, label: `--out ${target}` });
    // A named file is checked before the passphrase is asked for; a folder once the name is known.
    if (!intoFolder) check(values.out);
    const { fileName, bytes, warnings } = await withPassphrase(io, (passphrase) =>
      withCaseFileAsync({ path: positionals[0]!, passphrase }, async (file) => {
        const caseId = caseByReference(file.db, positionals[1]!).id;
        const document = letterForExport(file, caseId, {
          ...(values.template ? { templateId: values.template } : {}),
          ...(values.date ? { date: values.date } : {}),
        });
        return { ...(await renderLetterFile(file, document)), warnings: exportWarnings(document) };
      }),
    );
    for (const warning of warnings) io.stderr(`foi-desk letter: warning: ${warning}\n`);
    if (warnings.length > 0 && !values['allow-warnings']) {
      throw new CliError(
        `the letter was not written: it is not ready to send (${warnings.length} warning${warnings.length === 1 ? '' : 's'} above). Fill them in on the case, or pass --allow-warnings to write it anyway.`,
        1,
      );
    }
    const out = check(intoFolder ? path.join(values.out, fileName) : values.out);
    writeFileAtomic(out, bytes);
    io.stdout(`Wrote ${out}\n`);
    return 0;
  },
};
