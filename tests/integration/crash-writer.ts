/**
 * Child process for the crash test: writes cases one transaction at a time and prints
 * `ACK <reference>` only after the commit has returned. The parent kills it with SIGKILL, or, with
 * a third argument, it kills itself after that many cases (leaving them only in the WAL).
 */
import { openCaseFile } from '../../db/case-file';
import { importInterchange } from '../../main/services/import-export';

const [filePath, startArg, stopArg] = process.argv.slice(2) as [string, string, string?];
const passphrase = process.env.FOI_DESK_PASSPHRASE ?? '';
const template = JSON.parse(process.env.CASE_TEMPLATE ?? '{}') as Record<string, unknown>;
const file = openCaseFile({ path: filePath, passphrase });
process.stdout.write('READY\n');
for (let n = Number(startArg); ; n++) {
  const reference = `CRASH ${n}`;
  importInterchange(
    file,
    [{ path: 'crash', text: JSON.stringify({ ...template, reference }) }],
    'crash-test',
  );
  process.stdout.write(`ACK ${reference}\n`);
  if (stopArg !== undefined && n + 1 - Number(startArg) >= Number(stopArg))
    process.kill(process.pid, 'SIGKILL');
}
