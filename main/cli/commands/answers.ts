/**
 * `foi-desk answers <file>`: the team's standard answers library (issue #14, part 3), listed or
 * searched, and filled from a CSV (`--import F.csv`, columns title, text, tags, regime, exemption;
 * all or nothing), through the very handlers the Standard answers screen calls: the same rules,
 * the same personal-data check (refused unless `--accept-personal-data`), the same audit entries.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { CliError, type Command } from '../cli-error';
import { withPassphrase } from '../passphrase';
import { parseCommandArgs } from './case-file-commands';
import { inTransaction, withCaseFile } from '../../../db/case-file';
import { REGIMES, type Regime } from '../../../shared/case-format';
import { AppError } from '../../../shared/errors';
import {
  parseTags,
  type StandardAnswerInput,
  type StandardAnswerView,
} from '../../../shared/standard-answers';
import { listLibrary, saveStandardAnswer } from '../../services/handlers/standard-answers';
import { openSession } from '../../services/session';
import { textTable } from '../text-table';

const USAGE =
  'foi-desk answers <file> [--search WORDS] [--json] | answers <file> --import F.csv [--accept-personal-data]';

/** The CSV's rows as entries; a problem names its line. Columns by header, case and spaces ignored. */
export function readAnswersCsv(text: string): StandardAnswerInput[] {
  let rows: string[][];
  try {
    rows = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true });
  } catch (error) {
    throw new CliError(`The CSV cannot be read: ${(error as Error).message.split('\n')[0]}`, 1);
  }
  const head = (rows[0] ?? []).map((h) => h.trim().toLowerCase().replace(/\s+/g, ' '));
  const col = (...names: string[]) => head.findIndex((h) => names.includes(h));
  const at = { title: col('title'), text: col('text', 'answer'), tags: col('tags', 'topic', 'topics') };
  const regimeAt = col('regime');
  const provisionAt = col('exemption', 'provision');
  if (at.title < 0 || at.text < 0) throw new CliError('The CSV needs a "title" and a "text" column.', 1);
  return rows.slice(1).map((row, i) => {
    const regime = regimeAt >= 0 ? (row[regimeAt] ?? '').trim().toUpperCase() : '';
    if (regime && !(REGIMES as readonly string[]).includes(regime))
      throw new CliError(`Line ${i + 2}: "${regime}" is not a regime (${REGIMES.join(', ')}).`, 1);
    const provision = provisionAt >= 0 ? (row[provisionAt] ?? '').trim() : '';
    return {
      title: row[at.title] ?? '',
      text: row[at.text] ?? '',
      tags: at.tags >= 0 ? parseTags(row[at.tags] ?? '') : [],
      regime: regime ? (regime as Regime) : null,
      provision: provision || null,
    };
  });
}

function table(rows: StandardAnswerView[]): string {
  const head = ['Title', 'Regime', 'Exemption', 'Tags', 'Reviewed'];
  const cells = rows.map((r) => [
    r.title.length > 50 ? `${r.title.slice(0, 49)}…` : r.title,
    r.regime ?? 'any',
    r.provision ?? '',
    r.tags.join(', '),
    `${r.reviewedOn}${r.stale ? ' (due for review)' : ''}`,
  ]);
  return textTable(head, cells);
}

export const answersCommand: Command = {
  name: 'answers',
  usage: 'answers <file> [--search WORDS] [--json] | --import F.csv [--accept-personal-data]',
  summary: 'list or search the standard answers library, or add entries to it from a CSV',
  async run(args, io) {
    const { positionals, values } = parseCommandArgs(
      args,
      {
        search: { type: 'string' },
        json: { type: 'boolean', default: false },
        import: { type: 'string' },
        'accept-personal-data': { type: 'boolean', default: false },
      },
      { min: 1, max: 1, usage: USAGE },
    );
    const csv = values.import;
    if (csv !== undefined && values.search !== undefined)
      throw new CliError(`--import and --search do not go together. Usage: ${USAGE}`, 2);
    let entries: StandardAnswerInput[] = [];
    if (csv !== undefined) {
      let text: string;
      try {
        text = readFileSync(csv, 'utf8');
      } catch {
        throw new CliError(`Cannot read ${csv}.`, 1);
      }
      entries = readAnswersCsv(text);
      if (entries.length === 0) throw new CliError(`${csv} has no rows to import.`, 1);
    }
    const result = await withPassphrase(io, (passphrase) =>
      withCaseFile({ path: positionals[0]!, passphrase }, (file) => {
        const session = openSession(file, passphrase, 'foi-desk answers');
        if (csv === undefined)
          return { listed: listLibrary(session, { search: values.search }), added: null };
        // All or nothing: a refused row (a rule, a title used twice, personal data) leaves the library as it was.
        const added = inTransaction(file.db, () =>
          entries.map((entry, i) => {
            try {
              return saveStandardAnswer(session, {
                entry,
                acceptPersonalData: values['accept-personal-data'],
              });
            } catch (error) {
              if (error instanceof AppError)
                throw new AppError(error.code, `Line ${i + 2}: ${error.message} Nothing was imported.`);
              throw error;
            }
          }),
        );
        return { listed: null, added };
      }),
    );
    if (result.added) {
      const n = result.added.length;
      if (values.json) io.stdout(`${JSON.stringify({ added: result.added }, null, 2)}\n`);
      else io.stdout(`Added ${n} standard answer${n === 1 ? '' : 's'} to the library.\n`);
      return 0;
    }
    const { entries: listed, total } = result.listed;
    if (values.json) {
      io.stdout(`${JSON.stringify({ total, entries: listed }, null, 2)}\n`);
      return 0;
    }
    io.stdout(
      total === 0
        ? 'The library has no standard answers.\n'
        : listed.length === 0
          ? `No standard answer matches (the library holds ${total}).\n`
          : `${listed.length} of ${total} standard answer${total === 1 ? '' : 's'}:\n${table(listed)}\n`,
    );
    return 0;
  },
};
