/**
 * The templates and standard paragraphs FOI Desk ships with. They are JSON (templates/defaults/)
 * so an officer can read them and a team can adapt a copy; the app keeps the team's copies apart,
 * and these stay as shipped so Settings can always reset to them.
 *
 * The JSON is imported (not read from disk) so it is bundled into the CLI, main process and
 * renderer alike, and it is validated here when first loaded: a broken default fails every test.
 */
import { z } from 'zod';
import {
  letterTemplateSchema,
  standardParagraphSchema,
  type LetterTemplate,
  type StandardParagraph,
} from '../shared/letter/template';
import type { Regime } from '../shared/case-format';
import paragraphsJson from './defaults/paragraphs.json';
import acknowledgement from './defaults/letters/acknowledgement.json';
import clarification from './defaults/letters/clarification.json';
import feesNotice from './defaults/letters/fees-notice.json';
import piExtension from './defaults/letters/pi-extension.json';
import eirExtension from './defaults/letters/eir-extension.json';
import fullDisclosure from './defaults/letters/full-disclosure.json';
import partialDisclosure from './defaults/letters/partial-disclosure.json';
import refusal from './defaults/letters/refusal.json';
import notHeld from './defaults/letters/not-held.json';
import costLimit from './defaults/letters/cost-limit.json';
import vexatious from './defaults/letters/vexatious.json';
import repeated from './defaults/letters/repeated.json';
import internalReviewOutcome from './defaults/letters/internal-review-outcome.json';
import eirRefusal from './defaults/letters/eir-refusal.json';
import sarExtension from './defaults/letters/sar-extension.json';
import sarResponse from './defaults/letters/sar-response.json';
import foisaReviewOutcome from './defaults/letters/foisa-review-outcome.json';
import eisrResponse from './defaults/letters/eisr-response.json';

/** Deep-freezes shipped data so no caller can edit the defaults in place by accident. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function uniqueIds<T extends { id: string }>(items: T[], what: string): T[] {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) throw new Error(`Shipped ${what} "${item.id}" is defined twice.`);
    seen.add(item.id);
  }
  return items;
}

/** In the order the template picker lists them. */
const TEMPLATE_SOURCES: unknown[] = [
  acknowledgement,
  clarification,
  feesNotice,
  piExtension,
  eirExtension,
  fullDisclosure,
  partialDisclosure,
  refusal,
  notHeld,
  costLimit,
  vexatious,
  repeated,
  internalReviewOutcome,
  eirRefusal,
  sarExtension,
  sarResponse,
  foisaReviewOutcome,
  eisrResponse,
];

export const defaultTemplates: readonly LetterTemplate[] = deepFreeze(
  uniqueIds(
    TEMPLATE_SOURCES.map((t) => letterTemplateSchema.parse(t)),
    'template',
  ),
);

export const defaultParagraphs: readonly StandardParagraph[] = deepFreeze(
  uniqueIds(z.array(standardParagraphSchema).parse(paragraphsJson), 'standard paragraph'),
);

/**
 * The templates in force: the shipped ones with a team's adapted copies in their place (matched by
 * id), and any extra templates the team added at the end. Returns fresh copies that may be edited.
 */
export function listTemplates(overrides: readonly LetterTemplate[] = [], regime?: Regime): LetterTemplate[] {
  const byId = new Map(overrides.map((t) => [t.id, t]));
  const merged = defaultTemplates.map((t) => byId.get(t.id) ?? t);
  const extra = overrides.filter((t) => !defaultTemplates.some((d) => d.id === t.id));
  return structuredClone([...merged, ...extra]).filter((t) => !regime || t.regimes.includes(regime));
}

/** The template with this id, the team's copy first; undefined when there is none. */
export function getTemplate(
  id: string,
  overrides: readonly LetterTemplate[] = [],
): LetterTemplate | undefined {
  return listTemplates(overrides).find((t) => t.id === id);
}

/** The standard paragraphs in force: shipped ones, with a team's edited copies in their place. */
export function listParagraphs(overrides: readonly StandardParagraph[] = []): StandardParagraph[] {
  const byId = new Map(overrides.map((p) => [p.id, p]));
  const merged = defaultParagraphs.map((p) => byId.get(p.id) ?? p);
  const extra = overrides.filter((p) => !defaultParagraphs.some((d) => d.id === p.id));
  return structuredClone([...merged, ...extra]);
}

/** A fresh, editable copy of a shipped template, for "Reset to default". */
export function defaultTemplate(id: string): LetterTemplate | undefined {
  const t = defaultTemplates.find((d) => d.id === id);
  return t ? structuredClone(t) : undefined;
}

/** A fresh, editable copy of a shipped standard paragraph, for "Reset to default". */
export function defaultParagraph(id: string): StandardParagraph | undefined {
  const p = defaultParagraphs.find((d) => d.id === id);
  return p ? structuredClone(p) : undefined;
}
