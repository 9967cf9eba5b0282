/**
 * looksLikeCaseFile (main/services/output-paths.ts): an export never replaces what may be a case
 * file or backup, judged by name or content, but a compressed document of any size is not one.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { looksLikeCaseFile } from '../../main/services/output-paths';
import { makeTempDir } from '../helpers';

const temp = makeTempDir();
afterAll(() => temp.cleanup());

function write(name: string, bytes: Buffer): string {
  const file = path.join(temp.dir, name);
  writeFileSync(file, bytes);
  return file;
}

describe('looksLikeCaseFile', () => {
  it('takes random-looking bytes in whole sectors for an encrypted case file', () => {
    expect(looksLikeCaseFile(write('cipher.bin', randomBytes(8192)))).toBe(true);
    expect(looksLikeCaseFile(write('odd-size.bin', randomBytes(8191)))).toBe(false);
  });

  it('never takes a .docx, .xlsx, PDF, Word 97, PNG or JPEG for one, even a whole number of sectors long', () => {
    const signatures = [
      Buffer.from('PK\x03\x04', 'latin1'),
      Buffer.from('%PDF-', 'latin1'),
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.from([0xff, 0xd8, 0xff]),
    ];
    signatures.forEach((sig, i) => {
      const bytes = Buffer.concat([sig, randomBytes(4096 - sig.length)]);
      expect([i, looksLikeCaseFile(write(`doc-${i}.bin`, bytes))]).toEqual([i, false]);
    });
  });

  it('goes by the name and the SQLite header too', () => {
    expect(looksLikeCaseFile(write('register.foidesk', Buffer.from('anything')))).toBe(true);
    const header = Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(100)]);
    expect(looksLikeCaseFile(write('plain.db', header))).toBe(true);
  });
});
