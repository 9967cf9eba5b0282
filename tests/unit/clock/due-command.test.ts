import { describe, expect, it } from 'vitest';
import { dueCommand } from '../../../main/cli/commands/due';
import type { CliIo } from '../../../main/cli/cli-error';
import type { Deadline } from '../../../shared/clock';

async function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env: {},
  };
  const code = await dueCommand.run(args, io);
  return { code, stdout, stderr };
}

describe('foi-desk due', () => {
  it('prints the due date on one line', async () => {
    expect(await run('--regime', 'FOIA', '--received', '2025-01-03')).toEqual({
      code: 0,
      stdout: '2025-01-31\n',
      stderr: '',
    });
  });

  it('uses England and Wales unless told otherwise', async () => {
    expect((await run('--regime', 'SAR', '--received', '2025-10-31')).stdout).toBe('2025-12-01\n');
    expect(
      (await run('--regime', 'SAR', '--received', '2025-10-31', '--jurisdiction', 'scotland')).stdout,
    ).toBe('2025-12-02\n');
    expect(
      (await run('--regime=SAR', '--received=2025-10-31', '--jurisdiction=northern-ireland')).stdout,
    ).toBe('2025-12-01\n');
  });

  it.each([
    ['FOIA', 'england-and-wales', '2025-01-06', '2025-03-03'],
    ['EIR', 'england-and-wales', '2025-01-06', '2025-03-03'],
    ['FOI-IR', 'england-and-wales', '2025-01-06', '2025-03-03'],
    ['SAR', 'england-and-wales', '2025-09-03', '2025-12-03'],
    ['SAR', 'england-and-wales', '2025-01-31', '2025-04-30'],
  ])('--extended %s (%s) received %s: %s', async (regime, jurisdiction, received, expected) => {
    const result = await run(
      '--regime',
      regime,
      '--received',
      received,
      '--jurisdiction',
      jurisdiction,
      '--extended',
    );
    expect(result).toEqual({ code: 0, stdout: `${expected}\n`, stderr: '' });
  });

  it('--extended for a regime without an extension prints the plain date and says so', async () => {
    const foisa = await run(
      '--regime',
      'FOISA',
      '--received',
      '2025-01-06',
      '--jurisdiction',
      'scotland',
      '--extended',
    );
    expect(foisa).toEqual({
      code: 0,
      stdout: '2025-02-03\n',
      stderr: 'foi-desk due: FOISA has no extension; this is the statutory date.\n',
    });
    const recon = await run('--regime', 'EIR-RECON', '--received', '2025-01-06', '--extended');
    expect(recon.stdout).toBe('2025-03-03\n');
    expect(recon.stderr).toContain('no extension');
    const review = await run(
      '--regime',
      'FOISA-REVIEW',
      '--received',
      '2025-11-14',
      '--jurisdiction',
      'scotland',
      '--extended',
    );
    expect(review).toEqual({
      code: 0,
      stdout: '2025-12-15\n',
      stderr: 'foi-desk due: a FOISA review has no extension (s21(1)); this is the statutory date.\n',
    });
    // EISR reg 7: 40 Scottish working days from Tue 28 Jul 2026 is Wed 23 Sep.
    const eisr = await run(
      '--regime',
      'EISR',
      '--received',
      '2026-07-28',
      '--jurisdiction',
      'scotland',
      '--extended',
    );
    expect(eisr).toEqual({ code: 0, stdout: '2026-09-23\n', stderr: '' });
  });

  it('--json prints the whole result with its working', async () => {
    const { code, stdout } = await run('--regime', 'FOIA', '--received', '2022-11-25', '--json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as Deadline;
    expect(result.due).toBe('2022-12-28');
    expect(result.counted).toHaveLength(20);
    expect(result.skipped).toContainEqual({
      date: '2022-11-30',
      reason: "Bank holiday in Scotland: St Andrew's Day",
    });
    expect(result.summary).toContain('Due Wednesday 28 December 2022');
  });

  it('--json --extended shows the working to the latest lawful date', async () => {
    const { stdout } = await run('--regime', 'FOIA', '--received', '2025-01-06', '--json', '--extended');
    const result = JSON.parse(stdout) as Deadline;
    expect(result.due).toBe('2025-03-03');
    expect(result.extension).toBe('public-interest');
    expect(result.counted).toHaveLength(40);
    expect(result.warnings).toEqual([]);
  });

  it('--help prints usage', async () => {
    const { code, stdout } = await run('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: foi-desk due --regime R --received YYYY-MM-DD');
  });

  it.each([
    [['--regime', 'FOI', '--received', '2025-01-03'], 'unknown regime "FOI"'],
    [['--regime', 'FOIA', '--received', '2023-02-29'], '"2023-02-29" is not a real date'],
    [['--regime', 'FOIA', '--received', '03/01/2025'], 'is not a real date in the form YYYY-MM-DD'],
    [['--regime', 'FOIA'], '--received is required'],
    [['--received', '2025-01-03'], '--regime is required'],
    [['--regime', 'FOIA', '--received', '2025-01-03', '--foo'], "Unknown option '--foo'"],
    [['--regime', 'FOIA', '--received', '2025-01-03', 'extra'], 'extra'],
    [['--regime', 'FOIA', '--received'], "Option '--received <value>' argument missing"],
    [
      ['--regime', 'FOIA', '--received', '2025-01-03', '--jurisdiction', 'wales'],
      'unknown jurisdiction "wales"',
    ],
    [['--regime', 'FOIA', '--received', '2004-12-31'], 'outside the years the clock covers'],
  ])('refuses %j with one line on stderr and exit code 2', async (args, message) => {
    const { code, stdout, stderr } = await run(...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(stderr.startsWith('foi-desk due: ')).toBe(true);
    expect(stderr.endsWith('\n')).toBe(true);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('describes itself for foi-desk help', () => {
    expect(dueCommand.name).toBe('due');
    expect(dueCommand.usage).toBe(
      'foi-desk due --regime R --received YYYY-MM-DD [--jurisdiction J] [--extended] [--json]',
    );
  });
});
