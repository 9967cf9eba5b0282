/** Seeds (once) the registers the other benchmarks copy: `npm run bench seed-cache`. */
import path from 'node:path';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { seededRegister } from './register';

const sizes = process.env.FOI_DESK_BENCH_100K ? [10_000, 100_000] : [10_000];
for (const cases of sizes) {
  const dest = path.join(tmpdir(), `foi-desk-seed-probe-${process.pid}.foidesk`);
  const { seededMs } = seededRegister(cases, dest);
  rmSync(dest, { force: true });
  console.log(
    `${cases} cases: ${seededMs === null ? 'already cached' : `seeded in ${seededMs.toFixed(0)} ms`}`,
  );
}
