/** Retention: the schedule, the cases due for review, and disposal (main/services/disposal.ts). */
import { casesDueForReview, disposeCase, retentionScheduleView, saveRetentionSchedule } from '../disposal';
import type { SessionHandlers } from './types';

export const retentionHandlers = {
  'retention:schedule': (s) => retentionScheduleView(s.db),
  'retention:save-schedule': (s, { schedule }) => saveRetentionSchedule(s.db, schedule, s.actor),
  'retention:due': (s, { asOf }) => casesDueForReview(s.db, asOf ?? s.today()),
  'retention:dispose': (s, { caseId, method, confirmReference }) =>
    disposeCase(s.db, { caseId, method, confirmReference }, s.actor, s.today()),
} satisfies SessionHandlers<'retention:'>;
