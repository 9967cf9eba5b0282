/**
 * How many copies of the passphrase string the heap holds while open, right after lock, and after
 * more calls (a heap snapshot collects garbage first). Prints numbers; asserts nothing. One copy
 * is this script's own constant.
 */
import { writeHeapSnapshot } from 'node:v8';
import { readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DeskApp } from '../main/services/app';
import { createHandlers } from '../main/services/handlers';
const PASS = 'Zq7-unique-heap-marker-passphrase-42';
const dir = mkdtempSync(path.join(tmpdir(), 'heap-'));
const app = new DeskApp({ configDir: path.join(dir, 'c'), actor: 't' });
const h = createHandlers(app);
const count = (label: string) => {
  const file = writeHeapSnapshot(path.join(dir, `${label}.heapsnapshot`));
  const text = readFileSync(file, 'latin1');
  const n = text.split(PASS).length - 1;
  console.log(`${label}: ${n} copies of the passphrase string in the heap snapshot`);
  rmSync(file);
};

await h['session:create']({ path: path.join(dir, 'r.foidesk'), passphrase: PASS.slice(0) });
await h['session:lock']({});
await h['session:open']({
  path: path.join(dir, 'r.foidesk'),
  passphrase: JSON.parse(JSON.stringify(PASS)) as string,
});
count('open');
await h['session:lock']({});
count('after-lock');
for (let i = 0; i < 300; i++) await h['session:status']({});
count('after-300-calls');
rmSync(dir, { recursive: true, force: true });
