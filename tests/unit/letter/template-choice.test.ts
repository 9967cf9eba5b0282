import { describe, expect, it } from 'vitest';
import { REGIMES, type CaseRecord } from '../../../shared/case-format';
import {
  suggestedTemplate,
  templateRegimeProblem,
  templatesForRegime,
} from '../../../shared/letter/template-choice';
import { suggestTemplateId } from '../../../shared/letter/build';
import { listTemplates } from '../../../templates/defaults';
import { walton } from './fixtures';

const templates = listTemplates();

describe('templates for a regime', () => {
  it('says why a template does not suit the regime, and nothing when it does', () => {
    const sar = templates.find((t) => t.id === 'sar-extension')!;
    expect(templateRegimeProblem(sar, 'SAR')).toBeUndefined();
    expect(templateRegimeProblem(sar, 'FOIA')).toBe(
      `The "${sar.name}" template (sar-extension) is for Subject access cases; this is a FOI case. Choose a template written for it.`,
    );
    const refusal = templates.find((t) => t.id === 'refusal')!;
    expect(templateRegimeProblem(refusal, 'EIR')).toMatch(
      /is for FOI, FOI \(Scotland\) or FOI internal review cases/,
    );
  });

  it('offers every regime at least one template, each written for it', () => {
    for (const regime of REGIMES) {
      const offered = templatesForRegime(templates, regime);
      expect([regime, offered.length > 0]).toEqual([regime, true]);
      for (const t of offered) expect(templateRegimeProblem(t, regime)).toBeUndefined();
    }
  });

  it('never suggests a template the case may not use, whatever its regime, status and answers', () => {
    const { c } = walton();
    const outcomes = [undefined, 'refused', 'not-held', 'part-granted', 'granted'] as const;
    const statuses = ['open', 'clarification', 'closed'] as const;
    for (const regime of REGIMES)
      for (const outcome of outcomes)
        for (const status of statuses)
          for (const questions of [c.questions, []]) {
            const record = { ...c, regime, status, questions, outcome } as CaseRecord;
            const suggested = suggestedTemplate(record, templates);
            expect([regime, outcome, status, suggested?.regimes.includes(regime)]).toEqual([
              regime,
              outcome,
              status,
              true,
            ]);
          }
  });

  it('suggests the cost-limit refusal for an estimate over the limit, but not for a review or clarification', () => {
    const { c } = walton();
    const foi = { ...c, regime: 'FOIA', status: 'open' } as CaseRecord;
    expect(suggestedTemplate(foi, templates)?.id).not.toBe('cost-limit');
    expect(suggestedTemplate(foi, templates, { costLimitExceeded: true })?.id).toBe('cost-limit');
    expect(suggestedTemplate(foi, templates, { costLimitExceeded: false })?.id).toBe(
      suggestedTemplate(foi, templates)?.id,
    );
    const review = { ...c, regime: 'FOI-IR' } as CaseRecord;
    expect(suggestedTemplate(review, templates, { costLimitExceeded: true })?.id).toBe(
      'internal-review-outcome',
    );
    const clarifying = { ...foi, status: 'clarification' } as CaseRecord;
    expect(suggestedTemplate(clarifying, templates, { costLimitExceeded: true })?.id).toBe('clarification');
  });

  it('an EIR case refused as a whole gets the EIR refusal, not the FOIA one', () => {
    const { c } = walton();
    const record = { ...c, regime: 'EIR', outcome: 'refused' } as CaseRecord;
    expect(suggestTemplateId(record)).toBe('eir-refusal');
  });
});
