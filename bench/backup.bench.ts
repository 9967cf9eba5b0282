/** Backup time for a case file of 50,000 cases against a plain copy of the same file. */
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCaseFile } from '../db/case-file';
import { backupCaseFile } from '../main/services/backup';
import { measure, ratio } from './harness';
import { seedCases } from './seed';

const PASSPHRASE = 'benchmark passphrase';
const dir = mkdtempSync(path.join(tmpdir(), 'foi-desk-bench-'));
try {
  const source = path.join(dir, 'register.foidesk');
  const file = createCaseFile({ path: source, passphrase: PASSPHRASE });
  const start = performance.now();
  seedCases(file, { cases: 50_000, open: 1_500 });
  file.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  console.log(
    `seeded 50,000 cases in ${((performance.now() - start) / 1000).toFixed(1)} s: ${(statSync(source).size / 1024 / 1024).toFixed(1)} MiB`,
  );
  let n = 0;
  const backup = await measure(
    'backupCaseFile (checkpoint, copy, verify: integrity check)',
    async () => {
      const dest = path.join(dir, `backup-${n++}.foidesk`);
      await backupCaseFile(file, dest, PASSPHRASE);
      rmSync(dest);
    },
    { iterations: 5 },
  );
  const copy = await measure(
    'plain file copy',
    () => {
      const dest = path.join(dir, `copy-${n++}.foidesk`);
      copyFileSync(source, dest);
      rmSync(dest);
    },
    { iterations: 5 },
  );
  console.log(ratio(backup, copy));
  file.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
