/**
 * `foi-desk queue <file>`: one page of the case queue as the app shows it, through the very
 * handler the app's `cases:list` channel runs (over an open session), for scripted checks and for
 * timing the path the app takes.
 */
import { CliError, type Command } from '../cli-error';
import { withPassphrase } from '../passphrase';
import { parseCommandArgs } from './case-file-commands';
import { withCaseFile } from '../../../db/case-file';
import { queueQuerySchema, type QueuePage } from '../../../shared/contract';
import { queueHandlers } from '../../services/handlers/queue';
import { openSession } from '../../services/session';
import { textTable } from '../text-table';

const USAGE = 'foi-desk queue <file> [--state open|closed|all] [--search TEXT] [--limit N] [--json]';
const STATES = ['open', 'closed', 'all'] as const;

const PROGRESS_WORDS: Record<string, string> = {
  'on-track': 'on track',
  'due-soon': 'due soon',
  overdue: 'overdue',
  stopped: 'clock stopped',
  closed: 'closed',
};

function table(page: QueuePage): string {
  const head = ['Reference', 'Regime', 'Received', 'Due', 'State', 'Working days left'];
  const rows = page.rows.map((r) => [
    r.reference,
    r.regime,
    r.received,
    r.due ?? '—',
    PROGRESS_WORDS[r.progress] ?? r.progress,
    r.workingDaysLeft === null ? '—' : String(r.workingDaysLeft),
  ]);
  return textTable(head, rows);
}

export const queueCommand: Command = {
  name: 'queue',
  usage: 'queue <file> [--state open|closed|all] [--search TEXT] [--limit N] [--json]',
  summary: 'print a page of the case queue as the app shows it',
  async run(args, io) {
    const { positionals, values } = parseCommandArgs(
      args,
      {
        state: { type: 'string', default: 'open' },
        search: { type: 'string' },
        limit: { type: 'string', default: '25' },
        json: { type: 'boolean' },
      },
      { min: 1, max: 1, usage: USAGE },
    );
    const view = STATES.find((s) => s === values.state);
    if (!view) throw new CliError(`unknown state "${values.state}": use open, closed or all.`, 2);
    const limit = /^\d+$/.test(values.limit) ? Number(values.limit) : NaN;
    if (!(limit >= 1 && limit <= 500)) throw new CliError('--limit must be a whole number from 1 to 500.', 2);
    const parsed = queueQuerySchema.safeParse({
      view,
      offset: 0,
      limit,
      ...(values.search ? { search: values.search } : {}),
    });
    if (!parsed.success)
      throw new CliError(`--search ${parsed.error.issues[0]?.message ?? 'is not valid'}.`, 2);
    const page = await withPassphrase(io, (passphrase) =>
      withCaseFile({ path: positionals[0]!, passphrase }, (file) =>
        queueHandlers['cases:list'](openSession(file, passphrase, 'foi-desk queue'), parsed.data),
      ),
    );
    if (values.json) {
      io.stdout(`${JSON.stringify(page, null, 2)}\n`);
      return 0;
    }
    const shown = page.rows.length;
    const what = `${view === 'all' ? '' : `${view} `}case${page.total === 1 ? '' : 's'}${values.search ? ` matching "${values.search}"` : ''}`;
    io.stdout(
      `${shown === 0 ? 'No' : `${shown.toLocaleString('en-GB')} of ${page.total.toLocaleString('en-GB')}`} ${what}, as of ${page.today}.\n`,
    );
    if (shown > 0) io.stdout(`${table(page)}\n`);
    return 0;
  },
};
