/**
 * The slow suite's crash loop: the same as backup.test.ts's, fifty kills instead of ten.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, it } from 'vitest';
import path from 'node:path';
import { createCaseFile } from '../../db/case-file';
import { importFixtures, makeTempDir, PASSPHRASE } from '../helpers';
import { buildCrashWriter, killAndCheck, type CrashWriter } from './crash-loop';

let cleanup: () => void;
let file: string;
beforeEach(() => {
  const temp = makeTempDir();
  cleanup = temp.cleanup;
  file = path.join(temp.dir, 'register.foidesk');
  const cf = createCaseFile({ path: file, passphrase: PASSPHRASE });
  importFixtures(cf);
  cf.close();
});
afterEach(() => cleanup());

describe('crash safety', () => {
  let writer: CrashWriter;
  beforeAll(async () => {
    writer = await buildCrashWriter();
  });
  afterAll(() => writer?.remove());

  it('keeps every acknowledged case through 50 SIGKILLs at random moments', async () => {
    await killAndCheck(writer, file, 50);
  }, 1_200_000);
});
