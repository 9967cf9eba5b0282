import { AppError, type ErrorInfo } from '../../shared/errors';
import { errorCode } from '../../db/file-checks';
import type { Logger, RecordedError } from '../logger';

let errorLog: Logger | null = null;
/** The same error object keeps its id, however many times it is described. */
const recorded = new WeakMap<object, RecordedError>();

/**
 * Where internal errors are recorded in this process (each entry point sets its own log; null
 * stops recording). Returns the one it replaces, so a bridge that closes can put it back.
 */
export function logInternalErrorsTo(logger: Logger | null): Logger | null {
  const previous = errorLog;
  errorLog = logger;
  return previous;
}

function recordInternalError(error: unknown): RecordedError | null {
  if (!errorLog) return null;
  const known = typeof error === 'object' && error !== null ? recorded.get(error) : undefined;
  if (known) return known;
  const result = errorLog.error('internal-error', error);
  if (typeof error === 'object' && error !== null) recorded.set(error, result);
  return result;
}

/** The officer's line for an internal error: its id, to quote, and never its message. */
function internalMessage(error: unknown, code: unknown): string {
  const entry = recordInternalError(error);
  if (entry?.recorded) return `Something went wrong (error id ${entry.id}). It has been recorded in the log.`;
  if (entry) return `Something went wrong (error id ${entry.id}). The log could not be written.`;
  return `Something went wrong${typeof code === 'string' && /^[A-Za-z0-9_]{1,64}$/.test(code) ? ` (${code})` : ''}.`;
}

/** An error no kind fits, recorded and described by its id (for transports' own catch-alls). */
export function internalErrorInfo(error: unknown): ErrorInfo {
  return { code: 'internal', message: internalMessage(error, undefined) };
}

/**
 * One line for any error, safe to show: AppErrors carry their own message; filesystem and SQLite
 * errors are named by kind; anything else is recorded in the log (name, code and file:line frames,
 * see main/logger.ts) and shown with its error id, never with its message, which could quote case
 * data.
 */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof AppError) {
    return error.field
      ? { code: error.code, message: error.message, field: error.field }
      : { code: error.code, message: error.message };
  }
  const code = errorCode(error);
  switch (code) {
    case 'ENOSPC':
      return { code: 'io', message: 'The disk is full: nothing was written.' };
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
      return { code: 'io', message: 'That location cannot be written to (read-only or no permission).' };
    case 'ENOENT':
    case 'ENOTDIR':
      return { code: 'file-missing', message: 'The file or folder does not exist.' };
    case 'ELOOP':
      return { code: 'io', message: 'The path loops through symbolic links.' };
    case 'EISDIR':
      return { code: 'io', message: 'That is a folder, not a file.' };
    case 'SQLITE_READONLY':
    case 'SQLITE_IOERR_LOCK':
      return {
        code: 'io',
        message: 'The case file is read-only (or you may not change it): FOI Desk needs to write to it.',
      };
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return { code: 'file-locked', message: 'The case file is open in another FOI Desk window or process.' };
    case 'SQLITE_FULL':
      return { code: 'io', message: 'The disk is full: the change was not saved.' };
    case 'SQLITE_CORRUPT':
    case 'SQLITE_NOTADB':
      return { code: 'damaged', message: 'The case file is damaged. Restore it from a backup.' };
    default:
      return { code: 'internal', message: internalMessage(error, code) };
  }
}

export function describeError(error: unknown): string {
  return toErrorInfo(error).message;
}
