/**
 * File names officers save letters under: "FOI 4951 - Refusal notice - 2021-11-11.docx". They end
 * up on Windows shares and in e-mail attachments, so only what Windows accepts goes in.
 */

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9¹²³]|lpt[1-9¹²³])$/i;
/** Room for a long folder path under Windows' 260-character limit. */
const MAX_STEM = 120;

/** One part of a file name: slashes become hyphens (references like "FOI 2021/123"), forbidden characters go. */
export function safeFileNamePart(part: string): string {
  return (
    part
      .replace(/[/\\]/g, '-')
      // eslint-disable-next-line no-control-regex
      .replace(/[<>:"|?*\u0000-\u001f\u007f]/g, '')
      .replace(/[\ud800-\udfff]/gu, '')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

export interface LetterFileNameParts {
  reference: string;
  title: string;
  /** ISO date, YYYY-MM-DD, so names sort by date. */
  date: string;
  extension?: string;
}

export function letterFileName({ reference, title, date, extension = 'docx' }: LetterFileNameParts): string {
  const parts = [reference, title, date].map(safeFileNamePart).filter((p) => p !== '');
  let stem = parts.join(' - ');
  // Cut by code point so an emoji in a reference is not split into a lone surrogate.
  if (stem.length > MAX_STEM) stem = Array.from(stem).slice(0, MAX_STEM).join('').trim();
  // Windows refuses names ending in a dot or space, and device names before the first dot.
  stem = stem.replace(/[. ]+$/, '');
  if (stem === '') stem = 'Letter';
  if (WINDOWS_RESERVED.test(stem.split('.')[0]!.trim())) stem = `_${stem}`;
  const ext = safeFileNamePart(extension).replace(/^\.+/, '');
  return ext ? `${stem}.${ext}` : stem;
}
