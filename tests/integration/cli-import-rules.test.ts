/**
 * `foi-desk import`, run as a process, refuses a case that breaks the rules every other write path
 * applies: a response dated before the request was received, an impossible date, and a reference
 * that differs from one in the file only in case or spaces. Nothing is imported.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fixture, makeTempDir, readFixture, runCli } from '../helpers';

let temp: ReturnType<typeof makeTempDir>;
let file: string;

beforeEach(() => {
  temp = makeTempDir();
  file = path.join(temp.dir, 'register.foidesk');
  expect(runCli(['init', file]).code).toBe(0);
});
afterEach(() => temp.cleanup());

/** The closed FOI 2774 with some fields changed, written to a file. */
function variant(name: string, change: Record<string, unknown>): string {
  const record = { ...(JSON.parse(readFixture('foi-2774.case.json')) as Record<string, unknown>), ...change };
  const out = path.join(temp.dir, name);
  writeFileSync(out, JSON.stringify(record));
  return out;
}

function registerReferences(): string[] {
  return (JSON.parse(runCli(['export', file]).stdout) as { reference?: string }[]).flatMap((o) =>
    o.reference ? [o.reference] : [],
  );
}

describe('foi-desk import refuses what the app refuses', () => {
  it('a response dated before the request was received', () => {
    const bad = variant('early.json', { reference: 'FOI 1', responded: '2001-01-02' });
    const result = runCli(['import', file, bad]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /early\.json: The date of the response cannot be before the date the request was received/,
    );
    expect(registerReferences()).toEqual([]);
  });

  it('an impossible date', () => {
    const bad = variant('impossible.json', { reference: 'FOI 2', responded: '2021-02-31' });
    const result = runCli(['import', file, bad]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/impossible\.json: responded: is not a real date/);
    expect(registerReferences()).toEqual([]);
  });

  it('a reference that differs only in case or spaces, in the file or in the same import', () => {
    expect(runCli(['import', file, fixture('foi-2774.case.json')]).code).toBe(0);
    const lower = variant('lower.json', { reference: 'foi  2774' });
    const inFile = runCli(['import', file, lower]);
    expect(inFile.code).toBe(1);
    expect(inFile.stderr).toMatch(/lower\.json: reference: "foi {2}2774" is already in the case file/);
    const a = variant('a.json', { reference: 'FOI 9' });
    const b = variant('b.json', { reference: 'foi9' });
    const twice = runCli(['import', file, a, b]);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toMatch(/b\.json: reference: "foi9" appears twice in this import/);
    expect(registerReferences()).toEqual(['FOI 2774']);
  });
});
