/**
 * `foi-desk similar <file> <reference>`: the requests most like this case's, most similar first,
 * with their score, what matched and what it may mean (aggregation, a campaign, a repeat), through
 * the very handler the case page's "Similar requests" panel calls.
 */
import { CliError, type Command } from '../cli-error';
import { withPassphrase } from '../passphrase';
import { parseCommandArgs } from './case-file-commands';
import { withCaseFile } from '../../../db/case-file';
import { caseByReference } from '../../../db/queries/case-reference';
import type { SimilarCase } from '../../../shared/contract';
import { similarHandlers } from '../../services/handlers/similar';
import { openSession } from '../../services/session';
import { alignColumns } from '../text-table';

const USAGE = 'foi-desk similar <file> <reference> [--limit N] [--json]';

function table(rows: SimilarCase[]): string {
  const head = ['Reference', 'Score', 'Received', 'Subject', 'Matched'];
  const cells = rows.map((r) => [
    r.reference,
    String(r.score),
    r.received,
    r.subject.length > 50 ? `${r.subject.slice(0, 49)}…` : r.subject,
    r.matched.join(', '),
  ]);
  const line = alignColumns(head, cells);
  const out: string[] = [line(head)];
  rows.forEach((r, i) => {
    out.push(line(cells[i]!));
    for (const flag of r.flags) out.push(`    ! ${flag.message}`);
  });
  return out.join('\n');
}

export const similarCommand: Command = {
  name: 'similar',
  usage: 'similar <file> <reference> [--limit N] [--json]',
  summary: 'list the requests most like a case’s, with their score and what matched',
  async run(args, io) {
    const { positionals, values } = parseCommandArgs(
      args,
      { limit: { type: 'string', default: '10' }, json: { type: 'boolean' } },
      { min: 2, max: 2, usage: USAGE },
    );
    const limit = /^\d+$/.test(values.limit) ? Number(values.limit) : NaN;
    if (!(limit >= 1 && limit <= 50)) throw new CliError('--limit must be a whole number from 1 to 50.', 2);
    const reference = positionals[1]!;
    const { found, similar } = await withPassphrase(io, (passphrase) =>
      withCaseFile({ path: positionals[0]!, passphrase }, (file) => {
        const { id, reference: found } = caseByReference(file.db, reference);
        const session = openSession(file, passphrase, 'foi-desk similar');
        return { found, similar: similarHandlers['cases:similar'](session, { id, limit }) };
      }),
    );
    if (values.json) {
      io.stdout(`${JSON.stringify({ reference: found, similar }, null, 2)}\n`);
      return 0;
    }
    io.stdout(
      similar.length === 0
        ? `No requests like ${found} in the register.\n`
        : `${similar.length} request${similar.length === 1 ? '' : 's'} like ${found}, most similar first (score out of 100):\n${table(similar)}\n`,
    );
    return 0;
  },
};
