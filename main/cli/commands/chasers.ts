/**
 * `foi-desk chasers <file>`: the chasers due today (or overdue) across the register, with the
 * department, the kind of chaser and whom it goes to, from the very schedule the case page shows.
 * It drafts and records nothing: the officer drafts each chaser from the case page.
 */
import { type Command } from '../cli-error';
import { withPassphrase } from '../passphrase';
import { parseCommandArgs } from './case-file-commands';
import { withCaseFile } from '../../../db/case-file';
import { listOpenTasks } from '../../../db/queries/contributors';
import { CHASE_KIND_LABELS, type ChaseKind } from '../../../shared/chasers';
import { caseContributors } from '../../services/handlers/contributors';
import { openSession } from '../../services/session';
import { textTable } from '../text-table';

const USAGE = 'foi-desk chasers <file> [--json]';

interface DueChase {
  reference: string;
  department: string;
  status: string;
  chase: ChaseKind;
  number: number;
  due: string;
  to: string;
}

export const chasersCommand: Command = {
  name: 'chasers',
  usage: 'chasers <file> [--json]',
  summary: 'list the chasers to departments due today',
  async run(args, io) {
    const { positionals, values } = parseCommandArgs(
      args,
      { json: { type: 'boolean' } },
      { min: 1, max: 1, usage: USAGE },
    );
    const { today, due } = await withPassphrase(io, (passphrase) =>
      withCaseFile({ path: positionals[0]!, passphrase }, (file) => {
        const session = openSession(file, passphrase, 'foi-desk chasers');
        const out: DueChase[] = [];
        const references = new Map(listOpenTasks(file.db).map((t) => [t.caseId, t.reference]));
        for (const [caseId, reference] of references) {
          const { tasks } = caseContributors(session, caseId);
          for (const t of tasks) {
            if (!t.next?.isDue) continue;
            const escalating = t.next.recipient === 'escalation' && t.department.escalationEmail;
            out.push({
              reference,
              department: t.department.name,
              status: t.status,
              chase: t.next.kind,
              number: t.next.number,
              due: t.next.due,
              to: escalating ? t.department.escalationEmail! : t.department.email,
            });
          }
        }
        return { today: session.today(), due: out };
      }),
    );
    if (values.json) {
      io.stdout(`${JSON.stringify({ today, chasers: due }, null, 2)}\n`);
      return 0;
    }
    if (due.length === 0) {
      io.stdout(`No chasers are due today (${today}).\n`);
      return 0;
    }
    const head = ['Reference', 'Department', 'Chaser', 'Due', 'To'];
    const cells = due.map((d) => [
      d.reference,
      d.department,
      `${CHASE_KIND_LABELS[d.chase]} ${d.number}`,
      d.due,
      d.to,
    ]);
    io.stdout(
      `${due.length} chaser${due.length === 1 ? '' : 's'} due (${today}):\n${textTable(head, cells)}\n`,
    );
    return 0;
  },
};
