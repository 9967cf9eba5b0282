/** The case queue: a page of cases with where each stands today, and the counts beside it. */
import {
  listEventsForCases,
  listQueue,
  listQueueDepartments,
  listQueueOfficers,
  queueCounts,
  type QueueFilter,
} from '../../../db/queries/queue';
import { isOpen, OPEN_STATUSES } from '../../../shared/case-lifecycle';
import { countWaitingCases } from '../../../db/queries/contributors';
import { statsCasesWhere } from '../../../db/queries/stats';
import { backlogCutoffs } from './stats';
import type { QueueRow } from '../../../shared/contract';
import { assessCase, loadClockContext, toClockEvents, type CaseClock } from '../deadlines';
import type { SessionHandlers } from './types';

export const queueHandlers = {
  'cases:list': (s, query) => {
    const db = s.db;
    const today = s.today();
    const filter: QueueFilter = {
      view: query.view,
      status: query.status,
      regime: query.regime,
      officer: query.officer,
      department: query.department,
      statsWhere: query.stats
        ? statsCasesWhere(query.stats, today, backlogCutoffs(db, query.stats.to, today))
        : undefined,
      overdue: query.overdue,
      waiting: query.waiting,
      search: query.search,
      today,
    };
    // A search with no sort asked for shows the best matches first.
    const by = query.sort ?? (query.search?.trim() ? 'relevance' : 'due');
    const sort = { by, direction: query.direction ?? 'asc' } as const;
    const { rows, total, next } = listQueue(db, filter, sort, {
      offset: query.offset,
      limit: query.limit,
      after: query.after,
    });
    const context = loadClockContext(db);
    const events = listEventsForCases(
      db,
      rows.filter((r) => isOpen(r.status)).map((r) => r.id),
    );
    // Open cases received the same day under the same law, with no clock events, stand alike: each
    // such day is worked out once (a page of 100 of the oldest open cases holds about a dozen).
    const alike = new Map<string, CaseClock>();
    const clockOf = (row: (typeof rows)[number]): CaseClock => {
      const own = events.get(row.id);
      if (own?.length) return assessCase(context, row, toClockEvents(own), today);
      const key = `${row.regime}\u0000${row.received}`;
      let clock = alike.get(key);
      if (!clock) alike.set(key, (clock = assessCase(context, row, [], today)));
      return clock;
    };
    const out: QueueRow[] = rows.map((row) => {
      if (!isOpen(row.status)) return { ...row, progress: 'closed', workingDaysLeft: null };
      // The same assessment as the case page, from the same events: the two never disagree.
      const { progress } = clockOf(row);
      return {
        ...row,
        due: progress?.due ?? row.due,
        progress: progress?.state ?? (row.due && row.due < today ? 'overdue' : 'on-track'),
        workingDaysLeft: progress?.workingDaysLeft ?? null,
      };
    });
    return { rows: out, total, offset: query.offset, today, next };
  },

  'cases:facets': (s) => {
    const db = s.db;
    const today = s.today();
    return {
      officers: listQueueOfficers(db),
      departments: listQueueDepartments(db),
      counts: queueCounts(db, today),
      waitingOnDepartments: countWaitingCases(db, OPEN_STATUSES),
    };
  },
} satisfies SessionHandlers<'cases:'>;
