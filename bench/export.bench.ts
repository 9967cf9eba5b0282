/**
 * `foi-desk export`'s streaming writer at 10,000 cases (and 100,000 with FOI_DESK_BENCH_100K=1),
 * JSON and CSV to a file, beside a raw pass (the CSV's rows read and joined on better-sqlite3, no
 * formula guard; JSON has no raw equivalent of a whole case), with the peak RSS of this process.
 * Numbers to read; nothing here fails a build. Run: `npm run bench export`.
 */
import path from 'node:path';
import { rmSync, statSync, writeFileSync } from 'node:fs';
import { openCaseFile } from '../db/case-file';
import { registerChunks } from '../main/services/export/register-chunks';
import { writeChunksAtomic } from '../main/services/export/write-export';
import { makeTempDir } from '../tests/helpers';
import { measure, ratio } from './harness';
import { BENCH_PASSPHRASE, seededRegister } from './register';

const SIZES = process.env.FOI_DESK_BENCH_100K ? [10_000, 100_000] : [10_000];
const peak = () => `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB peak RSS so far`;

for (const cases of SIZES) {
  const temp = makeTempDir('foi-desk-bench-');
  try {
    const source = path.join(temp.dir, 'register.foidesk');
    seededRegister(cases, source);
    console.log(
      `\n## ${cases.toLocaleString('en-GB')} cases, ${(statSync(source).size / 2 ** 20).toFixed(0)} MiB`,
    );
    const file = openCaseFile({ path: source, passphrase: BENCH_PASSPHRASE });
    const out = path.join(temp.dir, 'export.out');
    const iterations = cases > 50_000 ? 1 : 3;
    for (const format of ['json', 'csv'] as const) {
      const m = await measure(
        `export --format ${format} (streamed to a temp file, renamed)`,
        async () => {
          await writeChunksAtomic(out, registerChunks(file, format));
        },
        { iterations, warmup: 0 },
      );
      console.log(`  ${(statSync(out).size / 2 ** 20).toFixed(0)} MiB written; ${peak()}`);
      rmSync(out);
      if (format === 'csv') {
        const raw = await measure(
          'raw: the same rows read and joined on better-sqlite3, one write',
          () => {
            const lines: string[] = [];
            for (const row of file.sqlite
              .prepare(
                'SELECT reference, regime, received, due_date, status, outcome, responded, subject FROM cases ORDER BY id',
              )
              .raw()
              .iterate())
              lines.push((row as unknown[]).join(','));
            writeFileSync(out, lines.join('\r\n'));
          },
          { iterations, warmup: 0 },
        );
        console.log(ratio(m, raw));
      }
    }
    file.close();
  } finally {
    temp.cleanup();
  }
}
