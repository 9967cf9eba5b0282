/**
 * Similar requests (issue #14) among 50,000 cases of varied text (tests/similar-register.ts) with
 * a round robin planted three times: the app's `cases:similar` handler (the word frequencies, the
 * candidates from FTS5, the scoring and the flags) beside the candidate query alone run on
 * better-sqlite3 directly. Numbers to read; nothing here fails a build. Run: `npm run bench similar`.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { statSync } from 'node:fs';
import { createCaseFile } from '../db/case-file';
import { DeskApp } from '../main/services/app';
import { serviceOf } from '../tests/service';
import { similarHandlers } from '../main/services/handlers/similar';
import { distinctWords } from '../shared/similarity';
import { CANDIDATE_SQL, candidateMatch, wordFrequencies } from '../db/queries/similar';
import { makeTempDir, PASSPHRASE } from '../tests/helpers';
import { generateRequests, seedRequests } from '../tests/similar-register';
import { measure, ratio } from './harness';

const CASES = Number(process.env.FOI_DESK_BENCH_SIMILAR ?? 50_000);
const ROUND_ROBIN = `1. Does the trust still run any computers on Windows 7 or Windows Server 2008?
2. Has the trust suffered a ransomware attack since 2020, and was a ransom paid?
3. Which SIEM product does the trust use to monitor its network?
4. Does the trust hold Cyber Essentials Plus certification?`;

async function main(): Promise<void> {
  const temp = makeTempDir('foi-desk-bench-');
  const file = path.join(temp.dir, 'bench.foidesk');
  try {
    const start = performance.now();
    const seeded = createCaseFile({ path: file, passphrase: PASSPHRASE });
    const requests = generateRequests(CASES, 3);
    for (const at of [Math.floor(CASES * 0.2), Math.floor(CASES * 0.6), CASES - 1]) {
      requests[at] = { ...requests[at]!, subject: 'Cyber security', text: ROUND_ROBIN };
    }
    seedRequests(seeded, requests);
    seeded.close();
    console.log(
      `## ${CASES.toLocaleString('en-GB')} cases, ${(statSync(file).size / 2 ** 20).toFixed(0)} MiB, seeded in ${(performance.now() - start).toFixed(0)} ms`,
    );

    const app = new DeskApp({
      configDir: path.join(temp.dir, 'config'),
      actor: 'bench',
      integrityCheck: false,
    });
    await serviceOf(app).open({ path: file, passphrase: Buffer.from(PASSPHRASE) });
    const session = app.requireSession();
    const target = CASES; // the last planted copy ("FOI <CASES>")
    const found = similarHandlers['cases:similar'](session, { id: target });
    console.log(
      `Most similar to FOI ${target}: ${found
        .slice(0, 3)
        .map((f) => `${f.reference} (${f.score})`)
        .join(', ')}`,
    );
    const handler = await measure('app: cases:similar (frequencies, candidates, scores, flags)', () =>
      similarHandlers['cases:similar'](session, { id: target }),
    );
    const words = distinctWords(`Cyber security\n${ROUND_ROBIN}`);
    const { docs, total } = wordFrequencies(session.db, words);
    const match = candidateMatch(words, docs, total)!;
    // The app holds the file exclusively while it is open: the raw connection comes after.
    await app.lockNow();

    const raw = new Database(file, { fileMustExist: true, readonly: true });
    raw.pragma(`cipher = 'sqlcipher'`);
    raw.pragma('legacy = 4');
    raw.key(Buffer.from(PASSPHRASE, 'utf8'));
    raw.pragma('cache_size = -65536');
    const stmt = raw.prepare(CANDIDATE_SQL);
    const direct = await measure('better-sqlite3: the same candidate query alone', () =>
      stmt.all(match, target),
    );
    console.log(ratio(handler, direct));
    raw.close();
  } finally {
    temp.cleanup();
  }
}

await main();
