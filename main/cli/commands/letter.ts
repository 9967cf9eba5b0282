import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { CliError, type Command } from '../cli-error';
import { withPassphrase } from '../passphrase';
import { parseCommandArgs } from './case-file-commands';
import { withCaseFileAsync } from '../../../db/case-file';
import { isIsoDate } from '../../../shared/dates';
import { caseIdForReference, letterForExport, renderLetterFile } from '../../services/letters';
import { writeFileAtomic } from '../../services/files';
import { checkOutputPath } from '../../services/output-paths';

const USAGE =
  'foi-desk letter <file> <reference> [--template T] [--date YYYY-MM-DD] --out F.docx|folder [--force]';

export const letterCommand: Command = {
  name: 'letter',
  usage: 'letter <file> <reference> [--template T] --out F.docx [--force]',
  summary: 'write the response letter as a Word document',
  async run(args, io) {
    const { positionals, values } = parseCommandArgs(
      args,
      {
        template: { type: 'string' },
        date: { type: 'string' },
        out: { type: 'string' },
        force: { type: 'boolean', default: false },
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
    const { fileName, bytes } = await withPassphrase(io, (passphrase) =>
      withCaseFileAsync({ path: positionals[0]!, passphrase }, (file) => {
        const caseId = caseIdForReference(file, positionals[1]!);
        const document = letterForExport(file, caseId, {
          ...(values.template ? { templateId: values.template } : {}),
          ...(values.date ? { date: values.date } : {}),
        });
        return renderLetterFile(file, document);
      }),
    );
    const out = check(intoFolder ? path.join(values.out, fileName) : values.out);
    writeFileAtomic(out, bytes);
    io.stdout(`Wrote ${out}\n`);
    return 0;
  },
};
