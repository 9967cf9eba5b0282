/**
 * FOI Desk's own log: JSON lines in `<configDir>/logs/foi-desk.log`, rotated by size, so a failure
 * has a cause on record and the officer an error id to quote.
 *
 * It records that something failed and where, never what it was about. An error's message is
 * never written: SQLite quotes SQL and RAISE() text, drizzle's "Failed query" quotes the bound
 * parameters (a requester's name, a subject), zod's issues can quote the input, JSON.parse quotes
 * the text it could not read, and filesystem errors quote paths named after cases. So a record
 * holds the error's name and code, checked against a strict shape, and its stack cut down to
 * `file:line` frames (no function names, no folders outside node_modules): the same for its causes.
 * A passphrase cannot reach it either: nothing here takes free text.
 *
 * Node only, with no Electron import, so the Electron main process, the browser bridge and the
 * command line can all use it. Writes are synchronous: errors are rare, and a start-up failure
 * must be on disk before the process exits.
 */
import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

export const LOG_FOLDER = 'logs';
export const LOG_FILE_NAME = 'foi-desk.log';
const DEFAULT_MAX_BYTES = 1024 * 1024;
const DEFAULT_KEEP = 3;
const MAX_FRAMES = 20;
const MAX_CAUSES = 3;

/** What happened; each entry point chooses from these, never free text. */
export type LogEvent = 'internal-error' | 'start-up-failed' | 'uncaught-exception';

/** Which program wrote the line. */
export type LogSource = 'app' | 'bridge' | 'cli';

export interface LoggerOptions {
  /** The app's config folder; the log goes in its `logs` folder. */
  configDir: string;
  source: LogSource;
  /** Rotate before a line would take the file past this size (default 1 MiB). */
  maxBytes?: number;
  /** How many rotated files to keep besides the current one (default 3). */
  keep?: number;
}

export interface RecordedError {
  /** Six hex digits, shown to the officer and written on the line. */
  id: string;
  /** False when the log could not be written (the id is still shown). */
  recorded: boolean;
}

export interface Logger {
  /** The current log file. */
  readonly file: string;
  /** Records an error with a new id. Never throws. */
  error(event: LogEvent, error: unknown): RecordedError;
}

/** What a log line says about one error: nothing that came from data. */
export interface ErrorSummary {
  name: string;
  code?: string | number;
  stack: string[];
  cause?: ErrorSummary;
}

const NAME = /^[A-Za-z_$][\w$]{0,63}$/;
const CODE = /^[A-Za-z0-9_.-]{1,64}$/;
const PATH_PART = /^[\w.@%+-]{1,100}$/;

/** A frame's location as `file:line`, or null when the frame names no file we can print safely. */
function frameLocation(line: string): string | null {
  if (!line.startsWith('    at ')) return null;
  const trimmed = line.trim();
  // "at fn (location)" or "at location"; eval frames nest parentheses, so take the last group.
  const inner = /\(([^()]*)\)\s*$/.exec(trimmed)?.[1] ?? trimmed.slice(3);
  const m = /^(.*):(\d+):\d+$/.exec(inner.trim());
  if (!m) return null;
  let file = m[1]!.replace(/^file:\/\//, '').replaceAll('\\', '/');
  // Node's own modules by name; ours and packages' without the folders above them (a user name).
  if (!file.startsWith('node:')) {
    const modules = file.lastIndexOf('/node_modules/');
    file =
      modules >= 0 ? file.slice(modules + '/node_modules/'.length) : file.slice(file.lastIndexOf('/') + 1);
  }
  if (
    !file
      .replace(/^node:/, '')
      .split('/')
      .every((part) => PATH_PART.test(part))
  )
    return null;
  return `${file}:${m[2]}`;
}

/**
 * The stack as `file:line` frames only. V8 starts a stack with "Name: message", and a message can
 * run over several lines, so that header is cut off first when it is there.
 */
export function redactStack(stack: unknown, header?: string): string[] {
  if (typeof stack !== 'string') return [];
  const frames: string[] = [];
  const body = header && stack.startsWith(header) ? stack.slice(header.length) : stack;
  for (const line of body.split('\n')) {
    const location = frameLocation(line);
    if (location) frames.push(location);
    if (frames.length === MAX_FRAMES) break;
  }
  return frames;
}

export function summariseError(error: unknown, depth = 0): ErrorSummary {
  if (typeof error !== 'object' || error === null) {
    // A thrown string or number is data: say only what kind of thing it was.
    return { name: `thrown ${error === null ? 'null' : typeof error}`, stack: [] };
  }
  const e = error as { name?: unknown; code?: unknown; stack?: unknown; cause?: unknown };
  let name = 'Error';
  try {
    if (typeof e.name === 'string' && NAME.test(e.name)) name = e.name;
  } catch {
    // A getter that throws tells us nothing.
  }
  const summary: ErrorSummary = { name, stack: [] };
  try {
    if (
      (typeof e.code === 'string' && CODE.test(e.code)) ||
      (typeof e.code === 'number' && Number.isInteger(e.code))
    )
      summary.code = e.code;
    summary.stack = redactStack(e.stack, error instanceof Error ? String(error) : undefined);
    if (e.cause !== undefined && depth < MAX_CAUSES) summary.cause = summariseError(e.cause, depth + 1);
  } catch {
    // Keep what we have.
  }
  return summary;
}

export function newErrorId(): string {
  return randomBytes(3).toString('hex');
}

/** Moves foi-desk.log to foi-desk.1.log, .1 to .2 …, dropping the oldest past `keep`. */
function rotate(file: string, keep: number): void {
  const numbered = (n: number) => file.replace(/\.log$/, `.${n}.log`);
  rmSync(numbered(keep), { force: true });
  for (let n = keep - 1; n >= 1; n--) {
    try {
      renameSync(numbered(n), numbered(n + 1));
    } catch {
      // Not there yet.
    }
  }
  if (keep > 0) renameSync(file, numbered(1));
  else rmSync(file, { force: true });
}

export function createLogger(options: LoggerOptions): Logger {
  const dir = path.join(options.configDir, LOG_FOLDER);
  const file = path.join(dir, LOG_FILE_NAME);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const keep = options.keep ?? DEFAULT_KEEP;

  function write(line: string): boolean {
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const bytes = Buffer.byteLength(line);
      let size = 0;
      try {
        size = statSync(file).size;
      } catch {
        // No log yet.
      }
      if (size > 0 && size + bytes > maxBytes) rotate(file, keep);
      appendFileSync(file, line, { mode: 0o600 });
      return true;
    } catch {
      // A log that cannot be written must not turn one failure into two.
      return false;
    }
  }

  return {
    file,
    error(event, error) {
      const id = newErrorId();
      const line = {
        time: new Date().toISOString(),
        level: 'error',
        event,
        id,
        source: options.source,
        pid: process.pid,
        error: summariseError(error),
      };
      return { id, recorded: write(`${JSON.stringify(line)}\n`) };
    },
  };
}
