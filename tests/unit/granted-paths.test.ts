import { describe, expect, it } from 'vitest';
import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { GRANT_TTL_MS, GrantedPaths } from '../../main/services/granted-paths';
import { makeTempDir } from '../helpers';

describe('paths granted by a dialog main opened', () => {
  it('are taken once, for the purpose they were chosen for, until they expire', () => {
    let now = 1_000;
    const grants = new GrantedPaths(() => now);
    const chosen = path.resolve('/tmp/letters/FOI 1.docx');
    expect(grants.take('letter-export', chosen)).toBe(false);
    grants.grant('letter-export', chosen);
    expect(grants.take('restore-target', chosen)).toBe(false);
    expect(grants.take('letter-export', path.resolve('/tmp/letters/other.docx'))).toBe(false);
    expect(grants.take('letter-export', chosen)).toBe(true);
    expect(grants.take('letter-export', chosen)).toBe(false);

    grants.grant('letter-export', chosen);
    now += GRANT_TTL_MS + 1;
    expect(grants.take('letter-export', chosen)).toBe(false);

    grants.grant('restore-target', chosen);
    grants.clear();
    expect(grants.take('restore-target', chosen)).toBe(false);
  });

  it('know a path however it is spelt, and never a relative one', () => {
    const { dir, cleanup } = makeTempDir();
    try {
      mkdirSync(path.join(dir, 'real'));
      symlinkSync(path.join(dir, 'real'), path.join(dir, 'link'));
      const grants = new GrantedPaths();
      grants.grant('restore-target', path.join(dir, 'real', 'register.foidesk'));
      expect(grants.take('restore-target', path.join(dir, 'link', '..', 'link', 'register.foidesk'))).toBe(
        true,
      );
      grants.grant('letter-export', path.join(process.cwd(), 'a.docx'));
      expect(grants.take('letter-export', 'a.docx')).toBe(false);
    } finally {
      cleanup();
    }
  });
});
