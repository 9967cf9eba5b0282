/**
 * The queue, search and open path of issue 16 at 10,000 cases (and 100,000 with
 * FOI_DESK_BENCH_100K=1; seeding that takes a few minutes), each through the app (the handlers,
 * the statutory clock for every visible row) beside the same SQL (queueSql and the facet
 * statements) run on better-sqlite3 directly: open + first page, the first page once open, search,
 * all cases sorted by received and by reference, a deep page, the facets. Numbers to read; nothing
 * here fails a build. Run: `npm run bench queue`.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { statSync } from 'node:fs';
import {
  CASE_OFFICERS_SQL,
  FACET_COUNTS_SQL,
  listQueue,
  queueSql,
  type QueueFilter,
  type QueueSort,
} from '../db/queries/queue';
import { DeskApp } from '../main/services/app';
import { serviceOf } from '../tests/service';
import type { QueueQuery } from '../shared/contract';
import { makeTempDir, PASSPHRASE } from '../tests/helpers';
import { measure, ratio, reportRow } from './harness';
import { openShare, seededRegister } from './register';

const SIZES = process.env.FOI_DESK_BENCH_100K ? [10_000, 100_000] : [10_000];
const PAGE = 100;
const TODAY = '2026-11-21';

function openDirect(file: string): Database.Database {
  const db = new Database(file, { fileMustExist: true });
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  db.key(Buffer.from(PASSPHRASE, 'utf8'));
  db.pragma('cache_size = -65536');
  return db;
}

/** The statements listQueue runs for one page, run directly. */
function directPage(db: Database.Database, filter: QueueFilter, sort: QueueSort, offset: number): unknown[] {
  const q = queueSql(filter, sort);
  const total = Number(
    db
      .prepare(q.count)
      .pluck()
      .get(...q.params),
  );
  if (!q.segmented) return db.prepare(q.page).all(...q.pageParams, PAGE, offset);
  const dated = Number(
    db
      .prepare(q.countDated)
      .pluck()
      .get(...q.params),
  );
  const rows =
    offset < dated ? db.prepare(q.datedPage).all(...q.params, Math.min(PAGE, dated - offset), offset) : [];
  const remaining = PAGE - rows.length;
  if (remaining > 0 && total > dated) {
    rows.push(...db.prepare(q.undatedPage).all(...q.params, remaining, Math.max(0, offset - dated)));
  }
  return rows;
}

async function pair(
  title: string,
  app: () => unknown,
  raw: () => unknown,
  iterations: number,
  row?: { name: string; cases: number },
): Promise<void> {
  console.log(`\n${title}`);
  const a = await measure('app (handler)', app, { iterations });
  const b = await measure('better-sqlite3: the same SQL', raw, { iterations });
  console.log(ratio(a, b));
  if (row) reportRow(row.name, row.cases, a, b);
}

async function run(cases: number): Promise<void> {
  const open = openShare(cases);
  const temp = makeTempDir('foi-desk-bench-');
  const file = path.join(temp.dir, 'bench.foidesk');
  try {
    const { seededMs } = seededRegister(cases, file);
    const mib = statSync(file).size / 2 ** 20;
    console.log(
      `\n## ${cases.toLocaleString('en-GB')} cases (${open.toLocaleString('en-GB')} open), ${mib.toFixed(0)} MiB${seededMs === null ? ' (seeded earlier, copied)' : `, seeded in ${seededMs.toFixed(0)} ms`}`,
    );

    const app = new DeskApp({
      configDir: path.join(temp.dir, 'config'),
      actor: 'bench',
      now: () => new Date(`${TODAY}T12:00:00`),
      integrityCheck: false,
    });
    const desk = serviceOf(app);
    const firstPage: QueueQuery = { view: 'open', offset: 0, limit: PAGE };
    const openFilter: QueueFilter = { view: 'open', today: TODAY };
    const allFilter: QueueFilter = { view: 'all', today: TODAY };
    const due: QueueSort = { by: 'due', direction: 'asc' };
    const iterations = cases > 50_000 ? 5 : 10;

    console.log('\nOpen the file and show the first page of open cases (cold: a new connection each time)');
    const deskOpen = await measure(
      'app: session:open (key, schema check) + first page',
      async () => {
        await desk.open({ path: file, passphrase: Buffer.from(PASSPHRASE) });
        desk.listCases(firstPage);
        await desk.lock();
      },
      { iterations: 5 },
    );
    const directOpen = await measure(
      'better-sqlite3: open + key + the same first-page SQL',
      () => {
        const db = openDirect(file);
        directPage(db, openFilter, due, 0);
        db.close();
      },
      { iterations: 5 },
    );
    console.log(ratio(deskOpen, directOpen));
    reportRow('open + first queue page (cold)', cases, deskOpen, directOpen);

    // From here the app holds the file open (and its exclusive lock); the direct runs use the
    // app's own connection, so both read the same warm page cache.
    await desk.open({ path: file, passphrase: Buffer.from(PASSPHRASE) });
    const connection: Database.Database = app.requireSession().file.sqlite;

    await pair(
      'First page of open cases, file open (the app adds the clock for 100 rows)',
      () => desk.listCases(firstPage),
      () => directPage(connection, openFilter, due, 0),
      30,
      { name: 'first page of open cases, file open', cases },
    );

    const search = 'Cyber Essentials';
    const searchFilter: QueueFilter = { view: 'all', search, today: TODAY };
    const relevance: QueueSort = { by: 'relevance', direction: 'asc' };
    await pair(
      `Search "${search}", all cases, ranked (FTS5 trigram match, bm25 rank)`,
      () => desk.listCases({ view: 'all', search, offset: 0, limit: PAGE }),
      () => directPage(connection, searchFilter, relevance, 0),
      iterations,
      { name: `search "${search}", ranked`, cases },
    );
    console.log(`(${desk.listCases({ view: 'all', search, offset: 0, limit: 1 }).total} cases match)`);
    // The limit: the two FTS5 passes alone (trigram matches, bm25 ranks), the top 100 ids, no rows.
    const trigramQuery = '"Cyber" AND "Essentials"';
    const rankQuery = '"Cyber"* OR "Essentials"*';
    await measure(
      'raw FTS5: trigram match + bm25 rank, top 100 ids (no rows, no count)',
      () =>
        connection
          .prepare(
            `WITH w AS MATERIALIZED (SELECT rowid AS id, bm25(cases_words, 4.0, 3.0, 2.0, 1.0, 1.0) AS score
               FROM cases_words WHERE cases_words MATCH ?)
             SELECT m.rowid, w.score FROM cases_trigram m LEFT JOIN w ON w.id = m.rowid
             WHERE cases_trigram MATCH ? ORDER BY w.score IS NULL, w.score, m.rowid DESC LIMIT 100`,
          )
          .all(rankQuery, trigramQuery),
      { iterations },
    );
    await measure(
      'raw FTS5: the word index alone, ORDER BY rank LIMIT 100',
      () =>
        connection
          .prepare('SELECT rowid FROM cases_words WHERE cases_words MATCH ? ORDER BY rank LIMIT 100')
          .all('"Cyber" AND "Essentials"'),
      { iterations },
    );
    const like = `%${search.split(' ')[0]}%`;
    await measure(
      'for comparison, the LIKE of before, one word, directly',
      () =>
        connection
          .prepare(
            `SELECT count(*) FROM cases c JOIN requesters r ON r.id = c.requester_id
             WHERE c.reference LIKE ? OR c.subject LIKE ? OR r.name LIKE ? OR c.request_text LIKE ?`,
          )
          .get(like, like, like, like),
      { iterations },
    );

    for (const by of ['received', 'reference'] as const) {
      await pair(
        `All cases sorted by ${by}, first page`,
        () => desk.listCases({ view: 'all', sort: by, offset: 0, limit: PAGE }),
        () => directPage(connection, allFilter, { by, direction: 'asc' }, 0),
        iterations,
        { name: `all cases by ${by}, first page`, cases },
      );
    }

    const deep = Math.floor(cases * 0.8);
    await pair(
      `A page deep in the list (offset ${deep.toLocaleString('en-GB')}, all cases, due order)`,
      () => desk.listCases({ view: 'all', offset: deep, limit: PAGE }),
      () => directPage(connection, allFilter, due, deep),
      iterations,
    );

    // Keyset: the same page, asked for after the row before it (as the screen pages).
    const before = listQueue(app.requireSession().db, allFilter, due, { offset: deep - 1, limit: 1 });
    const cursor = before.next ?? undefined;
    await pair(
      `The same deep page by keyset (after the row at ${(deep - 1).toLocaleString('en-GB')})`,
      () => desk.listCases({ view: 'all', offset: deep, limit: PAGE, ...(cursor ? { after: cursor } : {}) }),
      () => {
        const q = queueSql(allFilter, due);
        connection
          .prepare(q.count)
          .pluck()
          .get(...q.params);
        if (cursor?.key != null)
          connection.prepare(q.datedAfter).all(...q.params, cursor.key, cursor.id, PAGE, 0);
      },
      iterations,
    );

    await pair(
      'Facets: counts per state (one grouped pass) + officers (team list + index skip-scan)',
      () => desk.facets(),
      () => {
        connection.prepare(FACET_COUNTS_SQL).all(TODAY);
        connection.prepare('SELECT name FROM officers ORDER BY name').all();
        connection.prepare(CASE_OFFICERS_SQL).all();
      },
      iterations * 3,
      { name: 'facets (counts per state, officers)', cases },
    );

    await desk.lock();
  } finally {
    temp.cleanup();
  }
}

for (const size of SIZES) await run(size);
