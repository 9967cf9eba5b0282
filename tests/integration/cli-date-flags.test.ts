/**
 * The period flags of `foi-desk stats` and `foi-desk disclosure-log`, checked by one helper
 * (main/cli/commands/case-file-commands.ts requireIsoDateFlags), as a process: the same words and
 * exit code 2 from both, before any passphrase is asked for or any file opened.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers';

const FILE = '/nonexistent/register.foidesk';
const COMMANDS = {
  stats: (dates: string[]) => ['stats', FILE, ...dates, '--json'],
  'disclosure-log': (dates: string[]) => ['disclosure-log', FILE, ...dates, '--out', '/nonexistent/log.csv'],
};

describe.each(Object.entries(COMMANDS))('foi-desk %s', (name, argsFor) => {
  it('names the missing date flags, with the usage', () => {
    const none = runCli(argsFor([]));
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(
      new RegExp(
        `^foi-desk ${name}: --from and --to are required\\. Usage: foi-desk ${name} <file> --from YYYY-MM-DD --to YYYY-MM-DD `,
      ),
    );
    const noTo = runCli(argsFor(['--from', '2026-01-01']));
    expect(noTo.code).toBe(2);
    expect(noTo.stderr).toMatch(new RegExp(`^foi-desk ${name}: --to is required\\. Usage: `));
  });

  it('quotes back a date that is not real', () => {
    const bad = runCli(argsFor(['--from', '2026-01-01', '--to', '2026-02-30']));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      `foi-desk ${name}: --to "2026-02-30" is not a real date in the form YYYY-MM-DD.\n`,
    );
    const uk = runCli(argsFor(['--from', '01/01/2026', '--to', '2026-02-01']));
    expect(uk.stderr).toBe(
      `foi-desk ${name}: --from "01/01/2026" is not a real date in the form YYYY-MM-DD.\n`,
    );
  });
});
