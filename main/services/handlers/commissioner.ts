/**
 * A case's complaint to the Commissioner (shared/commissioner.ts): the date, the decision and the
 * decision notice's reference, set together, checked by commissionerProblems (the rules the case
 * page and the import use), each change in the case's history.
 */
import { inTransaction } from '../../../db/case-file';
import { recordChanges } from '../../../db/queries/audit';
import { updateCaseColumns, type CaseColumns } from '../../../db/queries/case-edits';
import { commissionerProblems } from '../../../shared/commissioner';
import type { CaseRow } from '../../../db/queries/cases';
import { getCase, refuseIf, requireRow } from './cases';
import type { SessionHandlers } from './types';

export const commissionerHandlers = {
  'cases:set-commissioner': (s, input) => {
    const row = requireRow(s.db, input.id);
    const ref = input.decisionRef?.trim() ? input.decisionRef.trim() : null;
    const next = {
      commissionerComplaintReceived: input.complaintReceived,
      commissionerDecision: input.decision,
      commissionerDecisionRef: ref,
    };
    refuseIf(
      commissionerProblems(
        { received: row.received, responded: row.responded, due: row.dueDate },
        next,
        s.today(),
      ),
    );
    const columns: CaseColumns = {};
    for (const key of Object.keys(next) as (keyof typeof next)[])
      if ((row[key] ?? null) !== next[key]) Object.assign(columns, { [key]: next[key] });
    if (Object.keys(columns).length > 0)
      inTransaction(s.db, (tx) => {
        updateCaseColumns(tx, input.id, columns);
        recordChanges<CaseRow>(tx, {
          actor: s.actor,
          entity: 'case',
          caseId: input.id,
          before: row,
          after: columns,
        });
      });
    return getCase(s, input.id);
  },
} satisfies SessionHandlers<'cases:'>;
