import path from 'node:path';
import { createWriteStream } from 'node:fs';
import { openCaseFile } from '../db/case-file';
import { registerChunks } from '../main/services/export/register-chunks';
import { pipeChunks } from '../main/services/export/write-export';
import { makeTempDir } from '../tests/helpers';
import { BENCH_PASSPHRASE, seededRegister } from './register';
const temp = makeTempDir('foi-desk-probe-');
const src = path.join(temp.dir, 'b.foidesk');
seededRegister(10_000, src);
const file = openCaseFile({ path: src, passphrase: BENCH_PASSPHRASE });
const gc = (globalThis as { gc?: () => void }).gc!;
const out = createWriteStream(path.join(temp.dir, 'o.json'));
const t = performance.now();
await pipeChunks(
  registerChunks(file, 'json', (done) => {
    if (done % 2000 === 0) {
      gc();
      const m = process.memoryUsage();
      console.log(
        done,
        'heapUsed',
        (m.heapUsed / 2 ** 20).toFixed(1),
        'rss',
        (m.rss / 2 ** 20).toFixed(0),
        'ext',
        (m.external / 2 ** 20).toFixed(1),
        (performance.now() - t).toFixed(0),
      );
    }
  }),
  out,
);
console.log(
  'cache_size',
  file.sqlite.pragma('cache_size', { simple: true }),
  'mmap',
  file.sqlite.pragma('mmap_size', { simple: true }),
);
file.close();
temp.cleanup();
