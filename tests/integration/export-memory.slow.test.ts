/**
 * `foi-desk export` streams: the child's peak memory exporting 100,000 cases is about what it is at
 * 10,000 (flat, not growing with the register) and under 300 MB, for JSON and CSV. The child
 * reports its own peak RSS (process.resourceUsage().maxRSS) as it exits. No timing is asserted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { createCaseFile } from '../../db/case-file';
import { cliPath, makeTempDir, PASSPHRASE } from '../helpers';
import { seedCases } from '../seed';

const REPORT_PEAK =
  "data:text/javascript,process.on('exit',()=>process.stderr.write('PEAK_RSS_KB='+process.resourceUsage().maxRSS+'\\n'))";

let dir: string;
let cleanup: () => void;
const files = new Map<number, string>();

beforeAll(() => {
  ({ dir, cleanup } = makeTempDir('foi-desk-export-memory-'));
  for (const cases of [10_000, 100_000]) {
    const file = path.join(dir, `register-${cases}.foidesk`);
    const cf = createCaseFile({ path: file, passphrase: PASSPHRASE });
    seedCases(cf, { cases, open: Math.round(cases * 0.03) });
    cf.close();
    files.set(cases, file);
  }
}, 900_000);
afterAll(() => cleanup());

function exportPeak(cases: number, format: 'json' | 'csv'): { peakMiB: number; out: string } {
  const out = path.join(dir, `export-${cases}.${format}`);
  rmSync(out, { force: true });
  const result = spawnSync(
    process.execPath,
    ['--import', REPORT_PEAK, cliPath, 'export', files.get(cases)!, '--format', format, '--out', out],
    { encoding: 'utf8', env: { PATH: process.env.PATH, FOI_DESK_PASSPHRASE: PASSPHRASE } },
  );
  expect(result.status, result.stderr).toBe(0);
  const kb = Number(/PEAK_RSS_KB=(\d+)/.exec(result.stderr)?.[1]);
  expect(kb).toBeGreaterThan(0);
  return { peakMiB: kb / 1024, out };
}

describe('export memory stays flat as the register grows', () => {
  for (const format of ['json', 'csv'] as const) {
    it(`${format}: 100,000 cases peak about as 10,000 do, under 300 MB`, () => {
      const small = exportPeak(10_000, format);
      const large = exportPeak(100_000, format);
      console.log(
        `export ${format}: peak RSS ${small.peakMiB.toFixed(0)} MiB at 10k, ${large.peakMiB.toFixed(0)} MiB at 100k (${(statSync(large.out).size / 2 ** 20).toFixed(0)} MiB written)`,
      );
      expect(large.peakMiB).toBeLessThan(300);
      // Flat: ten times the cases, well under twice the memory (seen: JSON 113 → 172 MiB, CSV
      // 91 → 118 MiB; a statement prepared per case once took JSON to 332 MiB, and the whole-register
      // JSON.stringify of before to 5.96 GB). The rest is SQLite's page cache filling and allocator growth.
      expect(large.peakMiB).toBeLessThan(small.peakMiB * 2);
      const text = readFileSync(large.out, 'utf8');
      if (format === 'json') {
        expect(text.startsWith('[\n')).toBe(true);
        expect(text.endsWith('\n]\n')).toBe(true);
        expect(text.split('\n    "format": "foi-desk/case@1",').length - 1).toBe(100_000);
      } else {
        expect(text.split('\r\n').length - 2).toBe(100_000);
      }
    }, 1_800_000);
  }
});
