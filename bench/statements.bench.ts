/**
 * Memory over a long session: the queue's first page (with its count, clock context and events)
 * and the facets asked for again and again, as an officer paging and filtering all day does, at
 * 10,000 cases. Each way runs in its own process and prints its resident memory before and after:
 * the app's handlers (prepared statements kept per connection, db/statement-cache.ts) beside the
 * same SQL prepared anew on every call, as the queries did before (each native statement ~4 KiB,
 * freed only when V8 gets round to collecting its small wrapper). Numbers to read; nothing here
 * fails a build. Run: `npm run bench statements`.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { CASE_OFFICERS_SQL, FACET_COUNTS_SQL, queueSql } from '../db/queries/queue';
import { DeskApp } from '../main/services/app';
import { serviceOf } from '../tests/service';
import { makeTempDir, PASSPHRASE } from '../tests/helpers';
import { seededRegister } from './register';

const CALLS = 5_000;
const TODAY = '2026-11-21';
const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

async function child(mode: 'app' | 'prepare-per-call'): Promise<void> {
  const temp = makeTempDir('foi-desk-bench-');
  try {
    const file = path.join(temp.dir, 'bench.foidesk');
    seededRegister(10_000, file);
    const app = new DeskApp({
      configDir: path.join(temp.dir, 'config'),
      actor: 'bench',
      now: () => new Date(`${TODAY}T12:00:00`),
      integrityCheck: false,
    });
    const desk = serviceOf(app);
    await desk.open({ path: file, passphrase: Buffer.from(PASSPHRASE) });
    const sqlite: Database.Database = app.requireSession().file.sqlite;
    const q = queueSql({ view: 'open', today: TODAY }, { by: 'due', direction: 'asc' });
    const call = () => {
      if (mode === 'app') {
        desk.listCases({ view: 'open', offset: 0, limit: 100 });
        desk.facets();
        return;
      }
      // The statements the same two calls ran, each prepared anew.
      sqlite
        .prepare(q.count)
        .pluck()
        .get(...q.params);
      sqlite
        .prepare(q.countDated)
        .pluck()
        .get(...q.params);
      sqlite.prepare(q.datedPage).all(...q.params, 100, 0);
      sqlite.prepare('SELECT * FROM organisation WHERE id = 1').get();
      sqlite.prepare('SELECT * FROM added_holidays ORDER BY date').all();
      sqlite.prepare('SELECT * FROM settings').all();
      sqlite.prepare('SELECT * FROM case_events WHERE case_id IN (1, 2, 3) ORDER BY date, id').all();
      sqlite.prepare(FACET_COUNTS_SQL).all(TODAY);
      sqlite.prepare('SELECT name FROM officers ORDER BY name').pluck().all();
      sqlite.prepare(CASE_OFFICERS_SQL).pluck().all();
    };
    for (let i = 0; i < 50; i++) call();
    const before = process.memoryUsage();
    const start = performance.now();
    for (let i = 0; i < CALLS; i++) call();
    const ms = performance.now() - start;
    const after = process.memoryUsage();
    console.log(
      `${(mode === 'app' ? 'app handlers (statements kept)' : 'same SQL, prepared per call').padEnd(34)} RSS ${mib(before.rss)} → ${mib(after.rss)} MiB (+${mib(after.rss - before.rss)}), JS heap ${mib(after.heapUsed)} MiB, ${(ms / CALLS).toFixed(2)} ms per page + facets`,
    );
    await desk.lock();
  } finally {
    temp.cleanup();
  }
}

const mode = process.argv[2];
if (mode === 'app' || mode === 'prepare-per-call') {
  await child(mode);
} else {
  console.log(`\n## 10,000 cases: the first queue page + facets, ${CALLS.toLocaleString('en-GB')} times`);
  for (const m of ['prepare-per-call', 'app']) {
    spawnSync(process.execPath, [fileURLToPath(import.meta.url), m], { stdio: 'inherit' });
  }
}
