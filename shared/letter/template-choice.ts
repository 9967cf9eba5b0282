/**
 * Which letter templates a case may use. A template names the regimes it is written for (its
 * `regimes`): a refusal notice under FOIA s17 is not a UK GDPR letter, and a subject access
 * extension (UK GDPR Article 12) says nothing true to an FOI requester. The picker offers only
 * those templates, and every path that writes a letter (generate, the Word export in the app, the
 * `foi-desk letter` command) refuses one that is not, with this message.
 */
import type { CaseRecord, Regime } from '../case-format';
import { REGIME_LABELS } from '../labels';
import { suggestTemplateId } from './build';
import type { LetterTemplate } from './template';

type TemplateRegimes = Pick<LetterTemplate, 'id' | 'name' | 'regimes'>;

function regimeList(regimes: readonly Regime[]): string {
  const names = regimes.map((r) => REGIME_LABELS[r] ?? r);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

/** Why the template cannot be used for a case of this regime, or undefined when it can. */
export function templateRegimeProblem(template: TemplateRegimes, regime: Regime): string | undefined {
  if (template.regimes.includes(regime)) return undefined;
  return (
    `The "${template.name}" template (${template.id}) is for ${regimeList(template.regimes)} cases; ` +
    `this is a ${REGIME_LABELS[regime] ?? regime} case. Choose a template written for it.`
  );
}

/** The templates a case of this regime may use, in the order given. */
export function templatesForRegime<T extends TemplateRegimes>(templates: readonly T[], regime: Regime): T[] {
  return templates.filter((t) => t.regimes.includes(regime));
}

/** What the case's other records say that its answers cannot (the s12 worksheet, issue 14). */
export interface SuggestionFacts {
  /** The saved s12 estimate is over the cost limit: the request is refused under s12(1). */
  costLimitExceeded?: boolean;
}

/**
 * The template to suggest for the case as it is now (its answers, exemptions, status, and an s12
 * estimate over the limit): the builder's suggestion when the case's regime may use it, otherwise
 * the first that it may use. A review or a clarification keeps its own letter whatever the estimate.
 */
export function suggestedTemplate<T extends TemplateRegimes>(
  record: CaseRecord,
  templates: readonly T[],
  facts: SuggestionFacts = {},
): T | undefined {
  const allowed = templatesForRegime(templates, record.regime);
  const own = suggestTemplateId(record);
  const overLimit =
    facts.costLimitExceeded === true &&
    !['internal-review-outcome', 'foisa-review-outcome', 'clarification'].includes(own);
  const id = overLimit ? 'cost-limit' : own;
  return allowed.find((t) => t.id === id) ?? allowed.find((t) => t.id === own) ?? allowed[0];
}
