/**
 * What a letter takes from the case beyond its answers, as rules in one place: the date it bears,
 * who signs it, its "Our Ref", its fee, and the warnings that stop it going out unfinished. Pure:
 * the service passes in the case, the officers and the team's pattern.
 */
import type { CaseFee, CaseRecord } from '../case-format';
import type { IsoDate } from '../dates';
import { PLACEHOLDER } from './placeholders';
import type { DocNode } from './doc';
import type { LetterDocument } from './template';

/**
 * The date a letter bears is the date it is sent: a closed case's responded date, otherwise today.
 * The officer can always choose another (the editor's date field, `foi-desk letter --date`).
 */
export function letterDateFor(record: Pick<CaseRecord, 'status' | 'responded'>, today: IsoDate): IsoDate {
  return record.status === 'closed' && record.responded ? record.responded : today;
}

export interface OfficerInfo {
  name: string;
  title: string;
  initials: string;
}

export interface LetterSignatory {
  name: string;
  title: string;
  /** From the officers list, for "Our Ref"; empty when not known. */
  initials: string;
}

/** "Sue Smith" → "SS"; "Mary-Jane O'Neil" → "MJO". Used when an officer has no initials set. */
export function initialsOf(name: string): string {
  return name
    .split(/[\s-]+/)
    .map((w) => w.replace(/[^\p{L}]/gu, ''))
    .filter((w) => w !== '')
    .map((w) => w.charAt(0).toUpperCase())
    .join('');
}

function officerNamed(officers: readonly OfficerInfo[], name: string | undefined): OfficerInfo | undefined {
  const key = name?.trim().toLowerCase();
  if (!key) return undefined;
  return officers.find((o) => o.name.trim().toLowerCase() === key);
}

/**
 * Who signs: the signatory chosen on the case, otherwise the case's officer (with the job title
 * the officers list gives). Undefined when the case has neither: the letter then warns.
 */
export function resolveSignatory(
  record: Pick<CaseRecord, 'signatory' | 'officer'>,
  officers: readonly OfficerInfo[],
): LetterSignatory | undefined {
  if (record.signatory) {
    const known = officerNamed(officers, record.signatory.name);
    return {
      name: record.signatory.name,
      title: record.signatory.title || known?.title || '',
      initials: known?.initials || initialsOf(record.signatory.name),
    };
  }
  const officer = record.officer?.trim();
  if (!officer) return undefined;
  const known = officerNamed(officers, officer);
  return {
    name: known?.name ?? officer,
    title: known?.title ?? '',
    initials: known?.initials || initialsOf(officer),
  };
}

/** The team's "Our Ref" pattern when none is set: the case reference alone. */
export const DEFAULT_OUR_REF_FORMAT = '{reference}';
export const OUR_REF_TOKENS = ['reference', 'signatoryInitials', 'officerInitials', 'initials'] as const;

/**
 * "Our Ref" from the team's pattern: `{reference}`, `{signatoryInitials}`, and `{officerInitials}`
 * (or `{initials}`), the initials of the case's officer, who prepared it. The HPFT pattern
 * "{signatoryInitials}/{officerInitials} {reference}" gives "MB/SS FOI 4951" for a letter Mike Burns
 * signs and Sue Smith prepared. An "Our Ref" typed on the case wins over the pattern.
 */
export function ourRefFor(
  record: Pick<CaseRecord, 'reference' | 'ourRef' | 'officer'>,
  signatory: LetterSignatory | undefined,
  officers: readonly OfficerInfo[],
  pattern: string = DEFAULT_OUR_REF_FORMAT,
): { ourRef: string; warning?: string } {
  if (record.ourRef?.trim()) return { ourRef: record.ourRef.trim() };
  const officer = record.officer?.trim();
  const officerInitials = officer
    ? officerNamed(officers, officer)?.initials || initialsOf(officer)
    : (signatory?.initials ?? '');
  const values: Record<string, string> = {
    reference: record.reference,
    signatoryInitials: signatory?.initials ?? '',
    officerInitials,
    initials: officerInitials,
  };
  const wanted = [...pattern.matchAll(/\{([A-Za-z]+)\}/g)].map((m) => m[1]!);
  const empty = wanted.filter((name) => !values[name]);
  if (empty.length > 0) {
    return {
      ourRef: record.reference,
      warning: `"Our Ref" is the bare reference: the pattern needs ${empty.map((n) => `{${n}}`).join(', ')}, which the case does not give (set the officer or the signatory and their initials).`,
    };
  }
  const ourRef = pattern.replace(/\{([A-Za-z]+)\}/g, (whole, name: string) => values[name] ?? whole).trim();
  return { ourRef: ourRef || record.reference };
}

/** A problem with an "Our Ref" pattern, for the settings form; null when it is fine. */
export function ourRefFormatProblem(pattern: string): string | null {
  const tokens = [...pattern.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!);
  const unknown = tokens.filter((t) => !(OUR_REF_TOKENS as readonly string[]).includes(t));
  if (unknown.length > 0)
    return `unknown part ${unknown.map((t) => `{${t}}`).join(', ')} (use ${OUR_REF_TOKENS.map((t) => `{${t}}`).join(', ')})`;
  if (!tokens.includes('reference')) return 'must contain {reference}';
  return null;
}

/** "£25.00"; "£1,250.50". */
export function formatPounds(amount: number): string {
  return `£${amount.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** The fee's values for the letter's placeholders (`fee`, `feeBreakdown`, `paymentInstructions`). */
export function feeValues(fee: CaseFee | undefined): Record<string, string | undefined> {
  if (!fee) return {};
  const items = (fee.breakdown ?? []).map((i) => `${i.item.trim()}, ${formatPounds(i.amount)}`);
  return {
    fee: formatPounds(fee.amount),
    feeBreakdown: items.length > 0 ? `${items.join('; ')}.` : undefined,
    paymentInstructions: fee.paymentInstructions?.trim() || undefined,
  };
}

/** The fee's breakdown that does not add up to its amount, as a warning; null when it does. */
export function feeProblem(fee: CaseFee | undefined): string | null {
  if (!fee?.breakdown?.length) return null;
  const pence = fee.breakdown.reduce((sum, i) => sum + Math.round(i.amount * 100), 0);
  if (pence === Math.round(fee.amount * 100)) return null;
  return `The fee's breakdown adds up to ${formatPounds(pence / 100)}, not ${formatPounds(fee.amount)}.`;
}

function collectPlaceholders(
  node: DocNode | { text?: string; content?: unknown[] },
  into: Set<string>,
): void {
  const stack: unknown[] = [node];
  while (stack.length > 0) {
    const n = stack.pop() as { text?: unknown; content?: unknown; attrs?: { text?: unknown } } | undefined;
    if (!n || typeof n !== 'object') continue;
    for (const text of [n.text, n.attrs?.text]) {
      if (typeof text === 'string') for (const m of text.matchAll(PLACEHOLDER)) if (m[1]) into.add(m[1]);
    }
    if (Array.isArray(n.content)) stack.push(...(n.content as unknown[]));
  }
}

/**
 * Why a letter should not go out as it is, read from the letter itself (so a hand edit that fills
 * a placeholder clears its warning): every `{{placeholder}}` still in it, and no signatory.
 */
export function exportWarnings(letter: LetterDocument): string[] {
  const names = new Set<string>();
  collectPlaceholders(letter.body, names);
  const warnings = [...names].sort().map((n) => `The placeholder {{${n}}} has no value.`);
  if (!letter.meta.signatory?.name.trim()) warnings.push('The letter has no signatory.');
  return warnings;
}
