/**
 * `foi-desk retention <file>`: the closed cases past their review date under the file's retention
 * schedule (Settings → Retention), longest overdue first, through the handler the Retention screen
 * calls. Lists only; disposal is done in the app, where it is confirmed twice.
 */
import { type Command } from '../cli-error';
import { withPassphrase } from '../passphrase';
import { parseCommandArgs } from './case-file-commands';
import { withCaseFile } from '../../../db/case-file';
import type { RetentionDueCase } from '../../../shared/contract';
import { retentionHandlers } from '../../services/handlers/retention';
import { openSession } from '../../services/session';
import { textTable } from '../text-table';

const USAGE = 'foi-desk retention <file> [--json]';

function table(rows: RetentionDueCase[]): string {
  const head = ['Reference', 'Regime', 'Closed', 'Review date', 'Subject'];
  const cells = rows.map((r) => [
    r.reference,
    r.appealed ? `${r.regime} (appealed)` : r.regime,
    r.closed,
    r.reviewDate,
    r.subject.length > 50 ? `${r.subject.slice(0, 49)}…` : r.subject,
  ]);
  return textTable(head, cells);
}

export const retentionCommand: Command = {
  name: 'retention',
  usage: 'retention <file> [--json]',
  summary: 'list the closed cases past their review date under the retention schedule',
  async run(args, io) {
    const { positionals, values } = parseCommandArgs(
      args,
      { json: { type: 'boolean' } },
      { min: 1, max: 1, usage: USAGE },
    );
    const due = await withPassphrase(io, (passphrase) =>
      withCaseFile({ path: positionals[0]!, passphrase }, (file) =>
        retentionHandlers['retention:due'](openSession(file, passphrase, 'foi-desk retention'), {}),
      ),
    );
    if (values.json) {
      io.stdout(`${JSON.stringify({ due }, null, 2)}\n`);
      return 0;
    }
    io.stdout(
      due.length === 0
        ? 'No case is due for review.\n'
        : `${due.length} case${due.length === 1 ? '' : 's'} due for review, longest overdue first:\n${table(due)}\n`,
    );
    return 0;
  },
};
