/**
 * The statistics (issue 13) at 10,000 cases (and 100,000 with FOI_DESK_BENCH_100K=1): the
 * stats:figures handler (every figure, months, backlog, burn-down) for a quarter, a financial year
 * and the whole register, beside the very same SQL (statsSql) run on better-sqlite3 directly over
 * the same connection; and the queue's "these cases" page for a figure. The seeded register is
 * given departments, late answers with reasons, public interest extensions and exemptions, so
 * every predicate has work to do. Numbers to read; nothing here fails a build. Run:
 * `npm run bench stats`.
 */
import type Database from 'better-sqlite3';
import path from 'node:path';
import { statSync } from 'node:fs';
import { openCaseFile } from '../db/case-file';
import { statsCasesWhere, statsSql, type Sql } from '../db/queries/stats';
import { DeskApp } from '../main/services/app';
import { backlogCutoffs, computeStats } from '../main/services/handlers/stats';
import { serviceOf } from '../tests/service';
import { lastDayOfMonth, monthsBetween, type StatsSelection } from '../shared/stats';
import { makeTempDir, PASSPHRASE } from '../tests/helpers';
import { measure, ratio } from './harness';
import { seededRegister } from './register';

const SIZES = process.env.FOI_DESK_BENCH_100K ? [10_000, 100_000] : [10_000];
const TODAY = '2026-11-21';

/** What the seed leaves out: departments, late answers, extensions, exemptions. */
function enrich(db: Database.Database): void {
  db.transaction(() => {
    db.exec(`UPDATE cases SET statutory_due = due_date,
      department = CASE id % 5 WHEN 0 THEN 'Estates' WHEN 1 THEN 'Pharmacy' WHEN 2 THEN 'Finance'
        WHEN 3 THEN 'Workforce' ELSE NULL END`);
    db.exec(`UPDATE cases SET responded = date(due_date, '+6 day'), late_reason = 'Waited for the department.',
      late_department = department WHERE status = 'closed' AND id % 7 = 0`);
    db.exec(`INSERT INTO case_events (case_id, type, date, until)
      SELECT id, 'pi-extension', date(received, '+14 day'), date(due_date, '+28 day') FROM cases WHERE id % 11 = 0`);
    db.exec(`UPDATE cases SET due_date = date(statutory_due, '+28 day'),
      responded = CASE WHEN status = 'closed' THEN date(statutory_due, '+10 day') END WHERE id % 11 = 0`);
    db.exec(`INSERT INTO case_events (case_id, type, date)
      SELECT id, 'clarification-requested', date(received, '+3 day') FROM cases WHERE id % 17 = 0`);
    db.exec(`INSERT INTO applied_exemptions (question_id, position, provision, reason)
      SELECT q.id, 0, CASE c.id % 3 WHEN 0 THEN 'FOIA s43(2)' WHEN 1 THEN 'FOIA s40(2)' ELSE 'FOIA s12' END, 'Bench.'
      FROM cases c JOIN questions q ON q.case_id = c.id AND q.position = 0 WHERE c.id % 13 = 0`);
  })();
}

function runDirect(
  db: Database.Database,
  selection: StatsSelection,
  file: Parameters<typeof backlogCutoffs>[0],
) {
  const cut = backlogCutoffs(file, selection.to, TODAY);
  const ends = monthsBetween(selection.from, selection.to, 60)
    .map(lastDayOfMonth)
    .map((d) => (d > cut.asOf ? cut.asOf : d));
  const s = statsSql(selection, TODAY, cut, [...new Set(ends)]);
  const all = (x: Sql) => db.prepare(x.sql).all(...x.params);
  const get = (x: Sql) => db.prepare(x.sql).get(...x.params);
  get(s.counts.information);
  get(s.counts.sar);
  get(s.counts.review);
  all(s.outcomes);
  all(s.exemptions);
  get(s.reviewOutcomes);
  all(s.monthsReceived);
  all(s.monthsAnswered);
  get(s.backlog);
  all(s.burnDown);
}

async function run(cases: number): Promise<void> {
  const temp = makeTempDir('foi-desk-bench-');
  const file = path.join(temp.dir, 'bench.foidesk');
  try {
    // The cached seeded register (bench/register.ts), copied, opened as the app opens it (which
    // brings its schema up to date, so the statistics' indexes are there), then enriched.
    const { seededMs } = seededRegister(cases, file);
    const enrichStart = performance.now();
    const seeded = openCaseFile({ path: file, passphrase: PASSPHRASE });
    enrich(seeded.sqlite);
    seeded.sqlite.exec('ANALYZE');
    seeded.close();
    const mib = statSync(file).size / 2 ** 20;
    console.log(
      `\n## ${cases.toLocaleString('en-GB')} cases, ${mib.toFixed(0)} MiB encrypted${seededMs === null ? ' (seeded earlier, copied)' : `, seeded in ${seededMs.toFixed(0)} ms`}, enriched in ${(performance.now() - enrichStart).toFixed(0)} ms`,
    );
    const app = new DeskApp({
      configDir: path.join(temp.dir, 'config'),
      actor: 'bench',
      now: () => new Date(`${TODAY}T12:00:00`),
      integrityCheck: false,
    });
    const desk = serviceOf(app);
    await desk.open({ path: file, passphrase: Buffer.from(PASSPHRASE) });
    const session = app.requireSession();
    const connection: Database.Database = session.file.sqlite;
    const iterations = cases > 50_000 ? 5 : 10;
    const periods: [string, StatsSelection][] = [
      ['a quarter (Jan–Mar 2025)', { from: '2025-01-01', to: '2025-03-31' }],
      ['a financial year (2024/25)', { from: '2024-04-01', to: '2025-03-31' }],
      ['a financial year, one department', { from: '2024-04-01', to: '2025-03-31', department: 'Estates' }],
      ['the whole register (2015–2026), 60 months shown', { from: '2015-01-01', to: '2026-12-31' }],
    ];
    for (const [title, selection] of periods) {
      console.log(`\nEvery figure for ${title}`);
      const a = await measure(
        'app: stats:figures handler',
        () => computeStats(session.db, selection, TODAY),
        {
          iterations,
        },
      );
      const b = await measure(
        'better-sqlite3: the same SQL',
        () => runDirect(connection, selection, session.db),
        {
          iterations,
        },
      );
      console.log(ratio(a, b));
    }
    const year: StatsSelection = { from: '2024-04-01', to: '2025-03-31' };
    const report = computeStats(session.db, year, TODAY);
    console.log(
      `\n(2024/25: received ${report.main.received}, in time ${report.main.answeredInTime}, late ${report.main.answeredLate}, ${report.main.percentInTime}% in time)`,
    );
    console.log('\nThe queue on the cases behind "answered late" in 2024/25 (first page)');
    const cases1 = { ...year, figure: 'answeredLate' as const };
    const qa = await measure(
      'app: cases:list with the stats filter',
      () => desk.listCases({ view: 'all', stats: cases1, sort: 'received', offset: 0, limit: 100 }),
      { iterations },
    );
    const where = statsCasesWhere(cases1, TODAY, backlogCutoffs(session.db, year.to, TODAY));
    const qb = await measure(
      'better-sqlite3: the same WHERE, count + page',
      () => {
        connection.prepare(`SELECT count(*) FROM cases c WHERE ${where.sql}`).get(...where.params);
        connection
          .prepare(`SELECT c.id FROM cases c WHERE ${where.sql} ORDER BY c.received, c.id LIMIT 100`)
          .all(...where.params);
      },
      { iterations },
    );
    console.log(ratio(qa, qb));
    await desk.lock();
  } finally {
    temp.cleanup();
  }
}

for (const size of SIZES) await run(size);
