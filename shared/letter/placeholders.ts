/**
 * `{{name}}` placeholders in template text. Substitution is a lookup in a plain table of strings,
 * never evaluation: `{{constructor}}` or `{{a.__proto__}}` are just names that are not in the table.
 * A placeholder with no value is left visible so the officer sees what still needs filling in.
 *
 * `{{name?}}` marks the placeholder as optional: when it has no value the whole paragraph (or list
 * item) it sits in is left out, e.g. "You can also email us at {{organisation.email?}}.".
 */

export type PlaceholderValues = Readonly<Record<string, string | undefined>>;

/** Names are dotted identifiers; anything else between braces is ordinary text. */
export const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_-]*(?:\.[A-Za-z][A-Za-z0-9_-]*)*)(\?)?\s*\}\}/g;

export interface FillResult {
  text: string;
  /** Names that had no value (left visible in `text`). */
  missing: string[];
  /** An optional placeholder had no value: the caller drops the enclosing paragraph. */
  dropBlock: boolean;
}

function lookup(values: PlaceholderValues, name: string): string | undefined {
  if (!Object.prototype.hasOwnProperty.call(values, name)) return undefined;
  const value = values[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Fills placeholders and reports what was missing. */
export function fillPlaceholdersDetailed(template: string, values: PlaceholderValues): FillResult {
  const missing: string[] = [];
  let dropBlock = false;
  const text = template.replace(PLACEHOLDER, (whole, name: string, optional: string | undefined) => {
    const value = lookup(values, name);
    if (value !== undefined) return value;
    if (optional) dropBlock = true;
    else missing.push(name);
    return whole;
  });
  return { text, missing, dropBlock };
}

/**
 * Replaces each `{{name}}` with `values[name]`. Unknown or empty names stay as written. Values are
 * inserted literally: a value that itself contains `{{…}}` is not expanded again.
 */
export function fillPlaceholders(template: string, values: PlaceholderValues): string {
  return fillPlaceholdersDetailed(template, values).text;
}

/** Every placeholder name a template text uses, in order of first use. */
export function placeholderNames(template: string): string[] {
  const names = new Set<string>();
  for (const m of template.matchAll(PLACEHOLDER)) if (m[1]) names.add(m[1]);
  return [...names];
}
