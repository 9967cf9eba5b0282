/**
 * `foi-desk stats <file> --from --to [--regime R] [--json|--csv|--xlsx] [--out F]`: the compliance
 * figures for requests received in a period, computed by the same code as the Statistics screen.
 */
import { CliError, type Command } from '../cli-error';
import { withPassphrase } from '../passphrase';
import { parseCommandArgs, requireIsoDateFlags } from './case-file-commands';
import { withCaseFile } from '../../../db/case-file';
import { statsSelectionSchema } from '../../../shared/stats';
import { isIsoDate, todayIso } from '../../../shared/dates';
import { computeStats } from '../../services/handlers/stats';
import { figureRows, statsCsv, statsJson, statsXlsx } from '../../services/stats-export';
import { writeFileAtomic } from '../../services/files';
import { checkOutputPath } from '../../services/output-paths';

const USAGE =
  'foi-desk stats <file> --from YYYY-MM-DD --to YYYY-MM-DD [--regime R] [--officer NAME] [--department NAME] [--today YYYY-MM-DD] [--json|--csv|--xlsx] [--out F [--force]]';

export const statsCommand: Command = {
  name: 'stats',
  usage:
    'stats <file> --from YYYY-MM-DD --to YYYY-MM-DD [--regime R] [--json|--csv|--xlsx] [--out F [--force]]',
  summary: 'the compliance statistics for requests received in a period',
  async run(args, io) {
    const { positionals, values } = parseCommandArgs(
      args,
      {
        from: { type: 'string' },
        to: { type: 'string' },
        regime: { type: 'string' },
        officer: { type: 'string' },
        department: { type: 'string' },
        today: { type: 'string' },
        json: { type: 'boolean' },
        csv: { type: 'boolean' },
        xlsx: { type: 'boolean' },
        out: { type: 'string' },
        force: { type: 'boolean', default: false },
      },
      { min: 1, max: 1, usage: USAGE },
    );
    const { from, to } = requireIsoDateFlags(values, ['from', 'to'], USAGE);
    const formats = [values.json, values.csv, values.xlsx].filter(Boolean).length;
    if (formats > 1) throw new CliError('choose one of --json, --csv and --xlsx.', 2);
    if (values.xlsx && !values.out) throw new CliError('--xlsx needs --out F.xlsx.', 2);
    if (values.force && !values.out) throw new CliError(`--force goes with --out. Usage: ${USAGE}`, 2);
    const today = values.today ?? todayIso();
    if (!isIsoDate(today)) throw new CliError('--today must be a real date, YYYY-MM-DD.', 2);
    const parsed = statsSelectionSchema.safeParse({
      from,
      to,
      ...(values.regime ? { regime: values.regime } : {}),
      ...(values.officer ? { officer: values.officer } : {}),
      ...(values.department ? { department: values.department } : {}),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new CliError(`--${String(issue?.path[0] ?? 'input')} ${issue?.message ?? 'is not valid'}.`, 2);
    }
    if (parsed.data.from > parsed.data.to) throw new CliError('--from must not be after --to.', 2);
    const input = positionals[0]!;
    const out = values.out;
    if (out) checkOutputPath(out, { inputs: [input], force: values.force, label: `--out ${out}` });
    const report = await withPassphrase(io, (passphrase) =>
      withCaseFile({ path: input, passphrase }, (file) => computeStats(file.db, parsed.data, today)),
    );
    let content: string | Buffer;
    if (values.xlsx) content = await statsXlsx(report);
    else if (values.csv) content = statsCsv(report);
    else if (values.json) content = `${JSON.stringify(statsJson(report), null, 2)}\n`;
    else
      content =
        figureRows(report)
          .map(([section, figure, , value]) => `${section}: ${figure}: ${value ?? '—'}`)
          .join('\n') + `\n\n${report.definition}\n`;
    if (out) {
      checkOutputPath(out, { inputs: [input], force: values.force, label: `--out ${out}` });
      writeFileAtomic(out, content);
      io.stderr(`Wrote ${out}.\n`);
    } else io.stdout(typeof content === 'string' ? content : content.toString('utf8'));
    return 0;
  },
};
