/**
 * Keyset paging: walking the queue page after page with each page's `next` cursor gives exactly the
 * rows offset paging gives, for every sort, direction and view, with tied due dates and stopped
 * clocks (no due date) in the mix, and with a search.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { createCaseFile, type CaseFile } from '../../db/case-file';
import { listQueue, type QueueFilter, type QueueSort } from '../../db/queries/queue';
import { makeTempDir, PASSPHRASE } from '../helpers';

const CASES = 530;
const PAGE = 37;
let temp: { dir: string; cleanup: () => void };
let file: CaseFile;

beforeAll(() => {
  temp = makeTempDir();
  file = createCaseFile({ path: path.join(temp.dir, 'keyset.foidesk'), passphrase: PASSPHRASE });
  const db = file.sqlite;
  const requester = db.prepare('INSERT INTO requesters (name) VALUES (?)');
  const kase = db.prepare(
    `INSERT INTO cases (reference, regime, received, channel, requester_id, subject, request_text, status, due_date)
     VALUES (?, 'FOIA', ?, 'email', ?, ?, 'Please send it.', ?, ?)`,
  );
  db.transaction(() => {
    for (let i = 1; i <= CASES; i++) {
      const r = requester.run(`Requester ${i % 17}`);
      // Few distinct dates, so many ties; every eleventh clock stopped.
      const day = String(1 + (i % 9)).padStart(2, '0');
      kase.run(
        `FOI ${String((i * 7919) % 1000).padStart(3, '0')}-${i}`,
        `2026-0${1 + (i % 5)}-${day}`,
        r.lastInsertRowid,
        i % 4 === 0 ? 'Parking income' : 'Agency spending',
        i % 3 === 0 ? 'closed' : i % 11 === 0 ? 'clarification' : 'open',
        i % 11 === 0 ? null : `2026-07-${day}`,
      );
    }
  })();
});
afterAll(() => {
  file.close();
  temp.cleanup();
});

function ids(filter: QueueFilter, sort: QueueSort, mode: 'offset' | 'keyset'): number[] {
  const out: number[] = [];
  let after: { key: string | null; id: number } | undefined;
  for (let offset = 0; offset < CASES + PAGE; offset += PAGE) {
    const page = listQueue(file.db, filter, sort, {
      offset,
      limit: PAGE,
      after: mode === 'keyset' ? after : undefined,
    });
    out.push(...page.rows.map((r) => r.id));
    if (mode === 'keyset') {
      if (!page.next) break;
      after = page.next;
    }
    if (page.rows.length < PAGE) break;
  }
  return out;
}

describe('keyset paging', () => {
  const filters: QueueFilter[] = [
    { view: 'all', today: '2026-06-01' },
    { view: 'open', today: '2026-06-01' },
    { view: 'all', search: 'parking', today: '2026-06-01' },
  ];
  for (const filter of filters) {
    for (const by of ['due', 'received', 'reference'] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        it(`${filter.view}${filter.search ? ` "${filter.search}"` : ''}, by ${by} ${direction}: the same rows as offset paging`, () => {
          const sort = { by, direction };
          const byOffset = ids(filter, sort, 'offset');
          const byKeyset = ids(filter, sort, 'keyset');
          expect(byOffset.length).toBe(listQueue(file.db, filter, sort, { offset: 0, limit: 1 }).total);
          expect(byOffset.length).toBeGreaterThan(PAGE * 2);
          expect(byKeyset).toEqual(byOffset);
        });
      }
    }
  }

  it('a ranked search gives no cursor (it pages by offset)', () => {
    const page = listQueue(
      file.db,
      { view: 'all', search: 'parking', today: '2026-06-01' },
      { by: 'relevance', direction: 'asc' },
      { offset: 0, limit: PAGE },
    );
    expect(page.rows).toHaveLength(PAGE);
    expect(page.next).toBeNull();
  });
});
