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
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
}
