import { stripBidiControls } from './bidi';

/**
 * Text that goes into a .docx must be legal XML 1.0 character data, or Word refuses the whole file
 * ("unreadable content"). Case text arrives from pasted emails and PDFs, so stray controls are real.
 */

// C0 controls except tab and newline (carriage return is normalised to newline first), DEL, the two
// BMP non-characters XML forbids, and (with the u flag) only *lone* surrogates: a valid pair is one
// code point in a u-mode regex, so astral characters such as emoji survive.
// eslint-disable-next-line no-control-regex
const NOT_FOR_WORD = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]|[\ud800-\udfff]/gu;

/**
 * Removes characters Word cannot hold. CR LF and lone CR become LF so line structure survives; every
 * other forbidden character is dropped rather than replaced, because a visible U+FFFD in a signed
 * letter looks worse than a missing control character nobody could see.
 */
export function cleanForWord(text: string): string {
  // Direction controls too: one right-to-left override in a name would print the rest backwards
  // (see ./bidi.ts).
  return stripBidiControls(text.replace(/\r\n?/g, '\n').replace(NOT_FOR_WORD, ''));
}

/** True when `cleanForWord` would change nothing (for tests and for warnings). */
export function isCleanForWord(text: string): boolean {
  return cleanForWord(text) === text;
}
