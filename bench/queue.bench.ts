/**
 * The case queue with 50,000 cases in an encrypted file: the time to open the file and show the
 * first page, to show a page once open, to jump deep into the list, and to search. Each is measured
 * through the desk (query functions, plus the statutory clock for every visible row) and against
 * the very same SQL (queueSql) run directly on better-sqlite3. Run: `npm run bench queue`.
 * Numbers to read; nothing here fails a build.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { createCaseFile } from '../db/case-file';
import { queueSql, type QueueFilter, type QueueSort } from '../db/queries/queue';
import { DeskApp } from '../main/services/app';
import { serviceOf } from '../tests/service';
import type { QueueQuery } from '../shared/contract';
import { makeTempDir, PASSPHRASE } from '../tests/helpers';
import { measure, ratio } from './harness';
import { seedCases } from './seed';

const CASES = 50_000;
const OPEN_CASES = 1_500;
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

/** The statements listQueue runs for one page sorted by due date, run directly. */
function directPage(db: Database.Database, filter: QueueFilter, offset: number): unknown[] {
  const sort: QueueSort = { by: 'due', direction: 'asc' };
  const q = queueSql(filter, sort);
  const { total, dated } = db.prepare(q.count).get(...q.params) as { total: number; dated: number };
  const rows =
    offset < dated ? db.prepare(q.datedPage).all(...q.params, Math.min(PAGE, dated - offset), offset) : [];
  const remaining = PAGE - rows.length;
  if (remaining > 0 && total > dated) {
    rows.push(...db.prepare(q.undatedPage).all(...q.params, remaining, Math.max(0, offset - dated)));
  }
  return rows;
}

const temp = makeTempDir('foi-desk-bench-');
const file = path.join(temp.dir, 'bench.foidesk');
try {
  const seedStart = performance.now();
  const seeded = createCaseFile({ path: file, passphrase: PASSPHRASE });
  seedCases(seeded, { cases: CASES, open: OPEN_CASES });
  seeded.close();
  console.log(
    `seeded ${CASES.toLocaleString('en-GB')} cases (${OPEN_CASES.toLocaleString('en-GB')} open) in ${(performance.now() - seedStart).toFixed(0)} ms: one transaction, prepared statements`,
  );

  const app = new DeskApp({
    configDir: path.join(temp.dir, 'config'),
    actor: 'bench',
    now: () => new Date(`${TODAY}T12:00:00`),
  });
  const desk = serviceOf(app);
  const firstPage: QueueQuery = { view: 'open', offset: 0, limit: PAGE };
  const search: QueueQuery = { view: 'all', search: 'Cyber Essentials', offset: 0, limit: PAGE };
  const deep: QueueQuery = { view: 'all', offset: 40_000, limit: PAGE };
  const openFilter: QueueFilter = { view: 'open', today: TODAY };
  const searchFilter: QueueFilter = { view: 'all', search: 'Cyber Essentials', today: TODAY };
  const allFilter: QueueFilter = { view: 'all', today: TODAY };

  console.log('\nOpen the file and show the first page of open cases (cold: a new connection each time)');
  const deskOpen = await measure(
    'desk: open (key, integrity check, schema check) + first page',
    async () => {
      await desk.open({ path: file, passphrase: PASSPHRASE });
      desk.listCases(firstPage);
      await desk.lock();
    },
    { iterations: 5 },
  );
  const directOpen = await measure(
    'better-sqlite3: open + key + the same first-page SQL',
    () => {
      const db = openDirect(file);
      directPage(db, openFilter, 0);
      db.close();
    },
    { iterations: 5 },
  );
  console.log(ratio(deskOpen, directOpen));

  // From here the desk holds the file open (and its exclusive lock); the direct runs use the
  // desk's own better-sqlite3 connection, so both read the same warm page cache.
  await desk.open({ path: file, passphrase: PASSPHRASE });
  const connection: Database.Database = app.requireSession().file.sqlite;

  console.log('\nFirst page of open cases, file already open');
  const deskFirst = await measure(
    'desk.listCases (SQL + the clock for 100 rows)',
    () => desk.listCases(firstPage),
    {
      iterations: 30,
    },
  );
  const directFirst = await measure(
    'better-sqlite3: the same SQL',
    () => directPage(connection, openFilter, 0),
    {
      iterations: 30,
    },
  );
  console.log(ratio(deskFirst, directFirst));

  console.log(
    '\nSearch "Cyber Essentials" over all 50,000 cases (LIKE over reference, subject, requester, request text)',
  );
  const deskSearch = await measure('desk.listCases with search', () => desk.listCases(search), {
    iterations: 10,
  });
  const directSearch = await measure(
    'better-sqlite3: the same SQL',
    () => directPage(connection, searchFilter, 0),
    {
      iterations: 10,
    },
  );
  console.log(ratio(deskSearch, directSearch));
  const found = desk.listCases(search);
  console.log(`(${found.total.toLocaleString('en-GB')} cases match)`);

  console.log('\nA page deep in the list (offset 40,000, all cases)');
  const deskDeep = await measure('desk.listCases at offset 40,000', () => desk.listCases(deep), {
    iterations: 10,
  });
  const directDeep = await measure(
    'better-sqlite3: the same SQL',
    () => directPage(connection, allFilter, 40_000),
    {
      iterations: 10,
    },
  );
  console.log(ratio(deskDeep, directDeep));

  await desk.lock();
} finally {
  temp.cleanup();
}
