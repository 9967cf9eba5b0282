/**
 * Backup and restore of a register of 10,000 cases (and 100,000 with FOI_DESK_BENCH_100K=1) beside
 * a plain copy of the same file flushed to disk (`cp` + fsync, in this process), and the
 * `foi-desk backup` / `restore` commands as whole processes beside `cp`. Numbers to read; nothing
 * here fails a build. Run: `npm run bench backup`.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, fsyncSync, openSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { openCaseFile } from '../db/case-file';
import { backupCaseFile, restoreCaseFile } from '../main/services/backup';
import { makeTempDir } from '../tests/helpers';
import { measure, ratio, reportRow } from './harness';
import { BENCH_PASSPHRASE, seededRegister } from './register';

const SIZES = process.env.FOI_DESK_BENCH_100K ? [10_000, 100_000] : [10_000];
const CLI = path.resolve('dist/cli.mjs');

function copyAndSync(from: string, to: string): void {
  copyFileSync(from, to);
  const fd = openSync(to, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

for (const cases of SIZES) {
  const temp = makeTempDir('foi-desk-bench-');
  try {
    const source = path.join(temp.dir, 'register.foidesk');
    seededRegister(cases, source);
    const mib = statSync(source).size / 2 ** 20;
    console.log(`\n## ${cases.toLocaleString('en-GB')} cases, ${mib.toFixed(0)} MiB`);
    const iterations = cases > 50_000 ? 3 : 5;
    let n = 0;

    const file = openCaseFile({ path: source, passphrase: BENCH_PASSPHRASE });
    const backup = await measure(
      'backupCaseFile (checkpoint, copy + SHA-256, read back, open check, sidecar)',
      async () => {
        const dest = path.join(temp.dir, `backup-${n++}.foidesk`);
        await backupCaseFile(file, dest, BENCH_PASSPHRASE);
        rmSync(dest);
      },
      { iterations },
    );
    file.close();
    const copy = await measure(
      'cp + fsync (in-process)',
      () => {
        const dest = path.join(temp.dir, `copy-${n++}.foidesk`);
        copyAndSync(source, dest);
        rmSync(dest);
      },
      { iterations },
    );
    console.log(ratio(backup, copy));
    reportRow('backup with verify (in-process)', cases, backup, copy);

    // A backup as FOI Desk writes it (with its SHA-256 sidecar), and the same bytes without one.
    const backupPath = path.join(temp.dir, 'the-backup.foidesk');
    const withSidecar = openCaseFile({ path: source, passphrase: BENCH_PASSPHRASE });
    await backupCaseFile(withSidecar, backupPath, BENCH_PASSPHRASE);
    withSidecar.close();
    const bare = path.join(temp.dir, 'bare-copy.foidesk');
    copyAndSync(backupPath, bare);
    const target = path.join(temp.dir, 'restored.foidesk');
    const restore = await measure(
      'restoreCaseFile over the file (SHA-256 against the sidecar, read back, open, safety copy)',
      async () => {
        const r = await restoreCaseFile(backupPath, target, BENCH_PASSPHRASE);
        if (r.safetyCopy) rmSync(r.safetyCopy);
      },
      { iterations },
    );
    const twoCopies = await measure(
      'cp + fsync twice (the restore also keeps a safety copy)',
      () => {
        copyAndSync(source, path.join(temp.dir, 'c1'));
        copyAndSync(source, path.join(temp.dir, 'c2'));
        rmSync(path.join(temp.dir, 'c1'));
        rmSync(path.join(temp.dir, 'c2'));
      },
      { iterations },
    );
    console.log(ratio(restore, copy));
    console.log(ratio(restore, twoCopies));
    reportRow('restore (sidecar hash, safety copy)', cases, restore, twoCopies);
    const byPages = await measure(
      'restoreCaseFile of a copy without its sidecar (every page HMAC checked)',
      async () => {
        const r = await restoreCaseFile(bare, target, BENCH_PASSPHRASE);
        if (r.safetyCopy) rmSync(r.safetyCopy);
      },
      { iterations: Math.min(iterations, 3) },
    );
    console.log(ratio(byPages, twoCopies));
    reportRow('restore without a sidecar (every page HMAC)', cases, byPages, twoCopies);

    const env = { ...process.env, FOI_DESK_PASSPHRASE: BENCH_PASSPHRASE };
    const cli = await measure(
      '`foi-desk backup` (whole process)',
      () => {
        const dest = path.join(temp.dir, `cli-${n++}.foidesk`);
        const r = spawnSync(process.execPath, [CLI, 'backup', source, dest], { env, encoding: 'utf8' });
        if (r.status !== 0) throw new Error(r.stderr);
        rmSync(dest);
      },
      { iterations },
    );
    const cp = await measure(
      '`cp` (whole process)',
      () => {
        const dest = path.join(temp.dir, `cp-${n++}.foidesk`);
        spawnSync('cp', [source, dest]);
        rmSync(dest);
      },
      { iterations },
    );
    console.log(ratio(cli, cp));
    reportRow('`foi-desk backup` (whole process)', cases, cli, cp);
  } finally {
    temp.cleanup();
  }
}
