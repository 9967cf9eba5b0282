/**
 * The streamed export writes the very bytes the whole-register export did (JSON and CSV, an empty
 * register too), and a file export appears whole under its name or not at all.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { createCaseFile, openCaseFile, type CaseFile } from '../../db/case-file';
import { exportRegisterCsv, exportRegisterJson } from '../../main/services/import-export';
import { registerChunks } from '../../main/services/export/register-chunks';
import { pipeChunks, writeChunksAtomic } from '../../main/services/export/write-export';
import { importFixtures, makeTempDir, PASSPHRASE, runCli } from '../helpers';

let dir: string;
let cleanup: () => void;
let file: string;
let cf: CaseFile;
beforeEach(() => {
  ({ dir, cleanup } = makeTempDir());
  file = path.join(dir, 'register.foidesk');
  cf = createCaseFile({ path: file, passphrase: PASSPHRASE });
});
afterEach(() => {
  cf.close();
  cleanup();
});

describe('the streamed export', () => {
  it('writes the same bytes as the whole-register export, JSON and CSV, empty or not', () => {
    for (const fill of [false, true]) {
      if (fill) importFixtures(cf);
      expect([...registerChunks(cf, 'json')].join('')).toBe(exportRegisterJson(cf));
      expect([...registerChunks(cf, 'csv')].join('')).toBe(exportRegisterCsv(cf));
    }
    const progress: [number, number][] = [];
    for (const chunk of registerChunks(cf, 'json', (done, total) => progress.push([done, total]))) void chunk;
    expect(progress).toEqual([
      [1, 2],
      [2, 2],
    ]);
  });

  it('waits for a full stream to drain (backpressure) and loses nothing', async () => {
    importFixtures(cf);
    const out = new PassThrough({ highWaterMark: 16 });
    const received: Buffer[] = [];
    let drained = 0;
    out.on('drain', () => drained++);
    // Read slowly: the writer must wait for each drain.
    const reading = (async () => {
      for await (const chunk of out) {
        received.push(chunk as Buffer);
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    })();
    await pipeChunks(registerChunks(cf, 'json'), out);
    out.end();
    await reading;
    expect(drained).toBeGreaterThan(0);
    expect(Buffer.concat(received).toString('utf8')).toBe(exportRegisterJson(cf));
  });

  it('a file export refused at the last moment leaves neither the file nor a temp file', async () => {
    importFixtures(cf);
    const target = path.join(dir, 'export.json');
    await expect(
      writeChunksAtomic(target, registerChunks(cf, 'json'), () => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir).filter((n) => n.includes('.tmp'))).toEqual([]);
    const bytes = await writeChunksAtomic(target, registerChunks(cf, 'json'));
    expect(readFileSync(target, 'utf8')).toBe(exportRegisterJson(cf));
    expect(bytes).toBe(readFileSync(target).length);
  });

  it('CLI: export --out and to stdout give the same JSON and CSV, which import back', () => {
    importFixtures(cf);
    const expected = { json: exportRegisterJson(cf), csv: exportRegisterCsv(cf) };
    cf.close();
    for (const format of ['json', 'csv'] as const) {
      const out = path.join(dir, `export.${format}`);
      const written = runCli(['export', file, '--format', format, '--out', out]);
      expect(written.code, written.stderr).toBe(0);
      expect(readFileSync(out, 'utf8')).toBe(expected[format]);
      const printed = runCli(['export', file, '--format', format]);
      expect(printed.stdout).toBe(expected[format]);
    }
    const copy = path.join(dir, 'copy.foidesk');
    expect(runCli(['init', copy]).code).toBe(0);
    expect(runCli(['import', copy, path.join(dir, 'export.json')]).code).toBe(0);
    expect(runCli(['export', copy]).stdout).toBe(expected.json);
    expect(readdirSync(dir).filter((n) => n.includes('.tmp'))).toEqual([]);
    cf = openCaseFile({ path: file, passphrase: PASSPHRASE });
  });
});
