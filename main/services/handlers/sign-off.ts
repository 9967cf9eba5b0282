/** Sign-off: the team's policy, a case's sensitive flag, and asking for, giving or returning approval. */
import { inTransaction } from '../../../db/case-file';
import { recordAudit } from '../../../db/queries/audit';
import { getSignOffPolicy, setSignOffPolicy } from '../../../db/queries/sign-off';
import { REGIMES } from '../../../shared/case-format';
import { decideApproval, flagSensitive, requestApproval, signOffStatus } from '../sign-off';
import { requireRow } from './cases';
import type { SessionHandlers } from './types';

export const signOffHandlers = {
  'sign-off:status': (s, { caseId }) => {
    requireRow(s.db, caseId);
    return signOffStatus(s.db, caseId, s.actor);
  },

  'sign-off:request': (s, input) => {
    const caseId = requestApproval(s.db, s.actor, input);
    return signOffStatus(s.db, caseId, s.actor);
  },

  'sign-off:approve': (s, { versionId }) => {
    const caseId = decideApproval(s.db, s.actor, { versionId, decision: 'approved' });
    return signOffStatus(s.db, caseId, s.actor);
  },

  'sign-off:return': (s, { versionId, comment }) => {
    const caseId = decideApproval(s.db, s.actor, { versionId, decision: 'returned', comment });
    return signOffStatus(s.db, caseId, s.actor);
  },

  'sign-off:set-sensitive': (s, { caseId, sensitive }) => {
    requireRow(s.db, caseId);
    flagSensitive(s.db, s.actor, caseId, sensitive);
    return signOffStatus(s.db, caseId, s.actor);
  },

  'sign-off:policy': (s) => getSignOffPolicy(s.db),

  'sign-off:save-policy': (s, { policy }) => {
    // Stored in the regimes' own order, each once.
    const next = { regimes: REGIMES.filter((r) => policy.regimes.includes(r)), sensitive: policy.sensitive };
    inTransaction(s.db, (tx) => {
      const before = getSignOffPolicy(tx);
      if (JSON.stringify(before) === JSON.stringify(next)) return;
      setSignOffPolicy(tx, next);
      recordAudit(tx, {
        actor: s.actor,
        action: 'update',
        entity: 'settings',
        field: 'sign-off',
        oldValue: before,
        newValue: next,
      });
    });
    return getSignOffPolicy(s.db);
  },
} satisfies SessionHandlers<'sign-off:'>;
