/**
 * `foi-desk disclosure-log <file> --from --to --out F.csv|F.html`: the disclosure log of the closed
 * cases chosen for it and answered in the period, the requester left out and each personal-data
 * finding as the officer decided it. Refused while a finding is undecided, unless
 * `--accept-flags` (each accepted finding is then named on stderr, by kind and place, never by text).
 */
import { CliError, type Command } from '../cli-error';
import { withPassphrase } from '../passphrase';
import { parseCommandArgs, requireIsoDateFlags } from './case-file-commands';
import { withCaseFile } from '../../../db/case-file';
import { renderDisclosureLog } from '../../services/disclosure-log';
import { writeFileAtomic } from '../../services/files';
import { checkOutputPath } from '../../services/output-paths';

const USAGE =
  'foi-desk disclosure-log <file> --from YYYY-MM-DD --to YYYY-MM-DD --out F.csv|F.html [--accept-flags] [--force]';

export const disclosureLogCommand: Command = {
  name: 'disclosure-log',
  usage:
    'disclosure-log <file> --from YYYY-MM-DD --to YYYY-MM-DD --out F.csv|F.html [--accept-flags] [--force]',
  summary: 'write the disclosure log (CSV or a static HTML page) of the cases chosen for it',
  async run(args, io) {
    const { positionals, values } = parseCommandArgs(
      args,
      {
        from: { type: 'string' },
        to: { type: 'string' },
        out: { type: 'string' },
        'accept-flags': { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
      },
      { min: 1, max: 1, usage: USAGE },
    );
    const { from, to } = requireIsoDateFlags(values, ['from', 'to'], USAGE);
    if (!values.out) throw new CliError(`--out is required. Usage: ${USAGE}`, 2);
    const format = /\.csv$/i.test(values.out) ? 'csv' : /\.html?$/i.test(values.out) ? 'html' : null;
    if (!format) throw new CliError('--out must name a .csv or .html file.', 2);
    const out = checkOutputPath(values.out, {
      inputs: [positionals[0]!],
      force: values.force,
      label: `--out ${values.out}`,
    });
    const file = await withPassphrase(io, (passphrase) =>
      withCaseFile({ path: positionals[0]!, passphrase }, (cf) =>
        renderDisclosureLog(cf.db, {
          from,
          to,
          format,
          acceptFlags: values['accept-flags'],
        }),
      ),
    );
    for (const a of file.accepted) {
      io.stderr(
        `warning: ${a.reference}: ${a.label.toLowerCase()} in ${a.where.join(', ')} published as it is\n`,
      );
    }
    writeFileAtomic(out, file.text);
    io.stdout(`Wrote ${out} (${file.cases} case${file.cases === 1 ? '' : 's'}).\n`);
    return 0;
  },
};
