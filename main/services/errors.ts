import { AppError, type ErrorInfo } from '../../shared/errors';

/**
 * One line for any error, safe to show and to log: AppErrors carry their own message; filesystem and
 * SQLite errors are named by kind; anything else is "unexpected" without its message, which could
 * quote case data.
 */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof AppError) return { code: error.code, message: error.message };
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOSPC':
      return { code: 'io', message: 'The disk is full: nothing was written.' };
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
      return { code: 'io', message: 'That location cannot be written to (read-only or no permission).' };
    case 'ENOENT':
      return { code: 'file-missing', message: 'The file or folder does not exist.' };
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return { code: 'file-locked', message: 'The case file is open in another FOI Desk window or process.' };
    case 'SQLITE_FULL':
      return { code: 'io', message: 'The disk is full: the change was not saved.' };
    case 'SQLITE_CORRUPT':
    case 'SQLITE_NOTADB':
      return { code: 'damaged', message: 'The case file is damaged. Restore it from a backup.' };
    default:
      return {
        code: 'internal',
        message: `Unexpected error${typeof code === 'string' ? ` (${code})` : ''}.`,
      };
  }
}

export function describeError(error: unknown): string {
  return toErrorInfo(error).message;
}
