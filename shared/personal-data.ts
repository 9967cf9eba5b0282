/**
 * The personal-data check before a disclosure log is published (issue #14): what in a request or
 * its answers looks like personal data, so the officer decides about each before anything goes on
 * the web. Pure. It finds email addresses, UK telephone numbers, UK postcodes, NHS numbers (ten
 * digits whose modulus 11 check digit is right, so a ten-digit order number is not flagged) and the
 * requester's own name and address. A check that flags too much is safer than one that misses; the
 * officer keeps what is not personal data.
 */

export const PERSONAL_DATA_KINDS = ['email', 'phone', 'postcode', 'nhs-number', 'requester'] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

export const PERSONAL_DATA_LABELS: Record<PersonalDataKind, string> = {
  email: 'Email address',
  phone: 'Telephone number',
  postcode: 'Postcode',
  'nhs-number': 'NHS number',
  requester: "The requester's name or address",
};

export interface PersonalDataFinding {
  kind: PersonalDataKind;
  /** The text as found. */
  value: string;
  /** Where in the text it starts (UTF-16 index). */
  index: number;
}

/** True for an NHS number: ten digits, the tenth the modulus 11 check digit of the first nine. */
export function isNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

const EMAIL = /[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
// 01632 960 123, 020 7946 0000, 07700 900123, +44 7700 900123, (0161) 496 0000: 10–11 digits.
const PHONE =
  /(?<![\d+])(?:(?:\+44\s?(?:\(0\)\s?)?|0)\d(?:[\s-]?\d){8,9}|\(0\d{2,4}\)\s?\d{3,4}[\s-]?\d{3,4})(?!\d)/g;
// The Royal Mail formats (A9 9AA, A99 9AA, AA9 9AA, AA99 9AA, A9A 9AA, AA9A 9AA), space optional.
const POSTCODE = /\b(?:[A-PR-UWYZ][A-HK-Y]?\d[A-HJKPSTUW\d]?)\s?\d[ABD-HJLNP-UW-Z]{2}\b/gi;
// Ten digits as 3-3-4 (with spaces or hyphens) or run together.
const NHS = /(?<!\d)\d{3}[\s-]?\d{3}[\s-]?\d{4}(?!\d)/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The pieces of the requester's identity to look for: the name (whole and each long part), email, address lines. */
export function requesterNeedles(requester: { name?: string; email?: string; address?: string }): string[] {
  const needles = new Set<string>();
  const name = requester.name?.trim() ?? '';
  if (name.length >= 3) needles.add(name);
  for (const part of name.split(/\s+/)) if (part.length >= 4) needles.add(part.replace(/[.,]$/, ''));
  if (requester.email?.trim()) needles.add(requester.email.trim());
  for (const line of requester.address?.split(/\n|,/) ?? [])
    if (line.trim().length >= 6) needles.add(line.trim());
  // Words that are names only by coincidence are still flagged: the officer keeps them.
  return [...needles].sort((a, b) => b.length - a.length);
}

/** Everything in `text` that looks like personal data, in order, the longest match where two overlap. */
export function findPersonalData(
  text: string,
  requester: { name?: string; email?: string; address?: string } = {},
): PersonalDataFinding[] {
  const found: PersonalDataFinding[] = [];
  for (const m of text.matchAll(EMAIL)) found.push({ kind: 'email', value: m[0], index: m.index });
  for (const m of text.matchAll(NHS)) {
    if (isNhsNumber(m[0].replace(/\D/g, ''))) found.push({ kind: 'nhs-number', value: m[0], index: m.index });
  }
  for (const m of text.matchAll(PHONE)) found.push({ kind: 'phone', value: m[0].trim(), index: m.index });
  for (const m of text.matchAll(POSTCODE)) found.push({ kind: 'postcode', value: m[0], index: m.index });
  for (const needle of requesterNeedles(requester)) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(needle)}(?![\\p{L}\\p{N}])`, 'giu');
    for (const m of text.matchAll(re)) found.push({ kind: 'requester', value: m[0], index: m.index });
  }
  // Requester first, then NHS numbers (a phone-shaped NHS number is an NHS number), longest first.
  const rank: Record<PersonalDataKind, number> = {
    requester: 0,
    'nhs-number': 1,
    email: 2,
    phone: 3,
    postcode: 4,
  };
  found.sort((a, b) => a.index - b.index || rank[a.kind] - rank[b.kind] || b.value.length - a.value.length);
  const out: PersonalDataFinding[] = [];
  let end = -1;
  for (const f of found) {
    if (f.index < end) continue;
    out.push(f);
    end = f.index + f.value.length;
  }
  return out;
}

/** What replaces a removed finding in the published text. */
export function redactionFor(kind: PersonalDataKind): string {
  return kind === 'requester' ? '[the requester]' : '[redacted]';
}

/**
 * The text with each finding `remove` says to remove replaced by its redaction, the others left.
 * Findings are found again here (never trusted from an older scan), so an edit since is covered.
 */
export function redact(
  text: string,
  requester: { name?: string; email?: string; address?: string },
  remove: (f: PersonalDataFinding) => boolean,
): string {
  let out = '';
  let at = 0;
  for (const f of findPersonalData(text, requester)) {
    if (!remove(f)) continue;
    out += text.slice(at, f.index) + redactionFor(f.kind);
    at = f.index + f.value.length;
  }
  return out + text.slice(at);
}

/** The key a decision about a finding is kept under: its kind and its text, case and spacing ignored. */
export function findingKey(kind: PersonalDataKind, value: string): string {
  return `${kind}:${value.toLowerCase().replace(/\s+/g, ' ').trim()}`;
}
