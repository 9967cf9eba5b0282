/** Error codes the UI and the CLI show plainly. Messages never contain a passphrase or case data. */
export const ERROR_CODES = [
  'wrong-passphrase',
  'not-a-case-file',
  'damaged',
  'file-missing',
  'file-exists',
  'file-locked',
  'newer-schema',
  'validation',
  'duplicate-reference',
  'not-found',
  'conflict',
  'locked',
  'io',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The input field the problem is about, so a form can show it there ("autoBackupFolder"). */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  /** The input field the problem is about, when it is about one. */
  field?: string;
}
