/**
 * The log records internal errors with an id the officer is shown, and never case data or the
 * passphrase: a marker string put in both is provoked into an error message (a SQLite trigger whose
 * RAISE text quotes the case's new subject) and then looked for in every log file.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { openCaseFile } from '../../db/case-file';
import { startBridge } from '../../main/bridge/server';
import { createLogger, LOG_FILE_NAME, LOG_FOLDER, type ErrorSummary } from '../../main/logger';
import { logInternalErrorsTo, toErrorInfo } from '../../main/services/errors';
import type { CaseRecord } from '../../shared/case-format';
import type { Envelope } from '../../shared/contract';
import { makeTempDir, readFixture } from '../helpers';

const MARKER = 'Quillfeather7731';
const PASSPHRASE = `${MARKER} harbour lantern`;
const FRAME = /^(node:)?[\w.@%+-]+(\/[\w.@%+-]+)*:\d+$/;

interface LogLine {
  time: string;
  level: string;
  event: string;
  id: string;
  source: string;
  error: ErrorSummary;
}

const temps: { cleanup: () => void }[] = [];
function tempDir(): string {
  const temp = makeTempDir();
  temps.push(temp);
  return temp.dir;
}
afterEach(() => {
  logInternalErrorsTo(null);
  for (const temp of temps.splice(0)) temp.cleanup();
});

/** Every log file's text, current and rotated. */
function allLogText(configDir: string): string {
  const dir = path.join(configDir, LOG_FOLDER);
  return readdirSync(dir)
    .map((name) => readFileSync(path.join(dir, name), 'utf8'))
    .join('');
}

function logLines(configDir: string, name = LOG_FILE_NAME): LogLine[] {
  return readFileSync(path.join(configDir, LOG_FOLDER, name), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as LogLine);
}

function allFrames(summary: ErrorSummary | undefined): string[] {
  return summary ? [...summary.stack, ...allFrames(summary.cause)] : [];
}

describe('the logger', () => {
  it('records name, code and file:line frames, never a message', () => {
    const configDir = tempDir();
    const logger = createLogger({ configDir, source: 'bridge' });
    const errors: unknown[] = [
      new Error(`Failed query: update cases set subject = ? params: ${MARKER}`),
      // A message over several lines that imitates a frame must not pass for one.
      new Error(`${MARKER}\n    at ${MARKER}.ts:1:1`),
      Object.assign(new Error(MARKER), { code: 'SQLITE_CONSTRAINT_TRIGGER' }),
      Object.assign(new Error(MARKER), { code: `${MARKER} in a code` }),
      Object.assign(new Error(MARKER), { name: `${MARKER} name` }),
      new Error('outer', { cause: Object.assign(new Error(MARKER), { code: 'SQLITE_ERROR' }) }),
      MARKER,
    ];
    try {
      JSON.parse(`{"subject": "${MARKER}"`);
    } catch (error) {
      errors.push(error);
    }
    try {
      z.strictObject({ subject: z.email() }).parse({ subject: MARKER, [MARKER]: 1 });
    } catch (error) {
      errors.push(error);
    }
    expect(errors).toHaveLength(9);
    const ids = errors.map((error) => logger.error('internal-error', error));
    expect(ids.every((r) => r.recorded && /^[0-9a-f]{6}$/.test(r.id))).toBe(true);

    const text = allLogText(configDir);
    expect(text).not.toContain(MARKER);
    const lines = logLines(configDir);
    expect(lines.map((l) => l.id)).toEqual(ids.map((r) => r.id));
    expect(lines.map((l) => l.error.name)).toEqual([
      'Error',
      'Error',
      'Error',
      'Error',
      'Error',
      'Error',
      'thrown string',
      'SyntaxError',
      'ZodError',
    ]);
    expect(lines[2]!.error.code).toBe('SQLITE_CONSTRAINT_TRIGGER');
    expect(lines[3]!.error.code).toBeUndefined();
    expect(lines[5]!.error.cause).toMatchObject({ name: 'Error', code: 'SQLITE_ERROR' });
    for (const line of lines) {
      expect(line).toMatchObject({ level: 'error', event: 'internal-error', source: 'bridge' });
      for (const frame of allFrames(line.error)) expect(frame).toMatch(FRAME);
    }
    // The frames say where: this file, by name and line, and nothing of the folders above it.
    expect(lines[0]!.error.stack[0]).toMatch(/^logger\.test\.ts:\d+$/);
    expect(lines[1]!.error.stack[0]).toMatch(/^logger\.test\.ts:\d+$/);
    expect(text).not.toContain(path.dirname(configDir));
  });

  it('rotates by size and keeps the newest files', () => {
    const configDir = tempDir();
    const logger = createLogger({ configDir, source: 'app', maxBytes: 3000, keep: 2 });
    const ids = Array.from({ length: 60 }, () => logger.error('internal-error', new Error('x')).id);
    const dir = path.join(configDir, LOG_FOLDER);
    expect(readdirSync(dir).sort()).toEqual(['foi-desk.1.log', 'foi-desk.2.log', 'foi-desk.log']);
    for (const name of readdirSync(dir))
      expect(statSync(path.join(dir, name)).size).toBeLessThanOrEqual(3000);
    const kept = ['foi-desk.2.log', 'foi-desk.1.log', 'foi-desk.log'].flatMap((name) =>
      logLines(configDir, name).map((l) => l.id),
    );
    // Oldest first, none lost in between, the newest last; the earliest went with the oldest file.
    expect(kept).toEqual(ids.slice(ids.length - kept.length));
    expect(kept.length).toBeLessThan(ids.length);
  });

  it('without a log, still gives one safe line', () => {
    expect(toErrorInfo(new Error(MARKER))).toEqual({ code: 'internal', message: 'Something went wrong.' });
  });
});

describe('internal errors through the bridge', () => {
  it('show the officer an error id, and the log holds neither case data nor the passphrase', async () => {
    const dir = tempDir();
    const configDir = path.join(dir, 'config');
    const file = path.join(dir, 'register.foidesk');
    const record = JSON.parse(readFixture('foi-4951.case.json')) as CaseRecord;
    const bridge = await startBridge({ port: 0, renderRoot: path.join(dir, 'renderer'), configDir });
    const call = async (channel: string, input: unknown): Promise<Envelope<unknown>> => {
      const res = await fetch(`${bridge.origin}/api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${bridge.token}` },
        body: JSON.stringify(input),
      });
      return (await res.json()) as Envelope<unknown>;
    };
    try {
      expect(
        (await call('session:create', { path: file, passphrase: Array.from(Buffer.from(PASSPHRASE)) })).ok,
      ).toBe(true);
      const draft = {
        reference: record.reference,
        regime: record.regime,
        received: record.received,
        requester: { ...record.requester, name: `Ms ${MARKER}` },
        subject: `Car parking ${MARKER}`,
        requestText: `Please send ${MARKER}`,
        questions: record.questions,
      };
      const created = await call('cases:create', { draft });
      expect(created.ok).toBe(true);
      const id = created.ok ? (created.value as { id: number }).id : 0;
      expect((await call('session:lock', {})).ok).toBe(true);

      // A fault no rule foresees, whose SQLite message quotes case text.
      const side = openCaseFile({ path: file, passphrase: PASSPHRASE });
      side.sqlite.exec(
        "CREATE TRIGGER refuse_updates BEFORE UPDATE ON cases BEGIN SELECT RAISE(ABORT, 'refused ' || NEW.subject); END;",
      );
      side.close();

      expect(
        (await call('session:open', { path: file, passphrase: Array.from(Buffer.from(PASSPHRASE)) })).ok,
      ).toBe(true);
      const failed = await call('cases:update', { id, patch: { subject: `Parking ${MARKER} permits` } });
      expect(failed.ok).toBe(false);
      expect(JSON.stringify(failed)).not.toContain(MARKER);
      const message = failed.ok ? '' : failed.error.message;
      expect(failed.ok ? '' : failed.error.code).toBe('internal');
      const shown =
        /^Something went wrong \(error id ([0-9a-f]{6})\)\. It has been recorded in the log\.$/.exec(message);
      expect(shown, message).not.toBeNull();

      const lines = logLines(configDir);
      const line = lines.find((l) => l.id === shown![1]);
      expect(line).toMatchObject({ event: 'internal-error', source: 'bridge', level: 'error' });
      // drizzle's wrapper, and under it SQLite's own error with the trigger's code.
      const codes: unknown[] = [];
      for (let e: ErrorSummary | undefined = line!.error; e; e = e.cause) codes.push(e.code);
      expect(codes).toContain('SQLITE_CONSTRAINT_TRIGGER');
      for (const frame of allFrames(line!.error)) expect(frame).toMatch(FRAME);

      const text = allLogText(configDir);
      expect(text).not.toContain(MARKER);
      expect(text).not.toContain('harbour lantern');
      expect(text).not.toContain('Parking');
    } finally {
      await bridge.close();
    }
  });
});

describe('a bridge that cannot start', () => {
  it('does not leave its log in place for the rest of the process', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    const dir = tempDir();
    try {
      await expect(startBridge({ port, renderRoot: dir, configDir: path.join(dir, 'a') })).rejects.toThrow();
    } finally {
      blocker.close();
    }
    expect(toErrorInfo(new Error(MARKER)).message).toBe('Something went wrong.');
  });
});
