/**
 * Files kept inside a case file: what they are, and how much one case may hold. The bytes live in
 * the encrypted case file (so every backup carries them), which is why there are limits: a case
 * file that grows by gigabytes makes every backup and restore slow. Every write path (the
 * attachment channels, the email intake, `foi-desk intake`, the bridge's upload) checks these.
 */

export const ATTACHMENT_KINDS = [
  'request-email',
  'attachment',
  'disclosure',
  'signed-letter',
  'other',
] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export const ATTACHMENT_KIND_LABELS: Record<AttachmentKind, string> = {
  'request-email': 'The request email',
  attachment: 'Sent with the request',
  disclosure: 'Disclosed document',
  'signed-letter': 'Signed letter',
  other: 'Other',
};

/** One file at most (a scanned bundle of disclosed documents fits; a video does not). */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;
/** All of one case's files together. */
export const MAX_CASE_ATTACHMENT_BYTES = 100 * 1024 * 1024;
/** Files on one case. */
export const MAX_CASE_ATTACHMENTS = 200;
/** A file's name as kept (and offered when it is exported). */
export const MAX_ATTACHMENT_NAME = 200;

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export const LIMITS_SENTENCE = `Each file can be up to ${formatBytes(MAX_ATTACHMENT_BYTES)}, and one case can hold up to ${formatBytes(MAX_CASE_ATTACHMENT_BYTES)} in ${MAX_CASE_ATTACHMENTS} files.`;

/** What is in the case already: its files' count and total size. */
export interface CaseAttachmentUse {
  count: number;
  bytes: number;
}

/** Why these files cannot be added to a case holding `used` (empty when they can), in plain words. */
export function attachmentProblems(
  files: readonly { name: string; size: number }[],
  used: CaseAttachmentUse,
): string[] {
  const problems: string[] = [];
  for (const f of files) {
    if (f.size === 0) problems.push(`${f.name} is empty.`);
    if (f.size > MAX_ATTACHMENT_BYTES)
      problems.push(
        `${f.name} is ${formatBytes(f.size)}: a file can be at most ${formatBytes(MAX_ATTACHMENT_BYTES)}.`,
      );
  }
  const count = used.count + files.length;
  if (count > MAX_CASE_ATTACHMENTS)
    problems.push(`A case can hold at most ${MAX_CASE_ATTACHMENTS} files (this would make ${count}).`);
  const bytes = used.bytes + files.reduce((n, f) => n + f.size, 0);
  if (bytes > MAX_CASE_ATTACHMENT_BYTES)
    problems.push(
      `A case can hold at most ${formatBytes(MAX_CASE_ATTACHMENT_BYTES)} of files (this would make ${formatBytes(bytes)}).`,
    );
  return problems;
}

/**
 * A file name safe to keep and to offer in a save dialog or a download: no folder, no control
 * characters, no characters Windows refuses, not empty, not too long (the extension kept).
 */
export function cleanFileName(name: string | null | undefined, fallback = 'attachment'): string {
  let base = (name ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  base = base.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '').trim();
  base = base.replace(/^\.+/, '').trim();
  if (!base) base = fallback;
  if (base.length > MAX_ATTACHMENT_NAME) {
    const dot = base.lastIndexOf('.');
    const ext = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : '';
    base = base.slice(0, MAX_ATTACHMENT_NAME - ext.length) + ext;
  }
  return base;
}
