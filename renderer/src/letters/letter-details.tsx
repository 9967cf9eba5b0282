/**
 * What the case's letters take from it besides the answers: who signs (the case officer unless
 * another is chosen), the enclosures, the fee and its breakdown, and the wording only the officer
 * can give (the reasons for an extension, the clarification needed…), each filling the template
 * placeholder of the same name.
 */
import { useId, useState, type FormEvent } from 'react';
import {
  LETTER_DETAIL_FIELDS,
  type CaseFee,
  type CaseLetterDetails,
  type LetterDetailField,
} from '../../../shared/case-format';
import type { CaseDetail, CasePatch, Officer } from '../../../shared/contract';
import { feeProblem, formatPounds, resolveSignatory } from '../../../shared/letter/signatory';
import { call } from '../api';
import { Alert, SelectField, TextArea, TextField } from '../components/fields';
import { useRestoredDraft, useUnsavedChanges } from '../unsaved/unsaved-changes';

type Change = (work: () => Promise<CaseDetail>, success: string) => Promise<boolean>;

const DETAIL_LABELS: Record<LetterDetailField, { label: string; hint: string }> = {
  clarificationNeeded: {
    label: 'Clarification needed',
    hint: 'What the requester must tell us ({{clarificationNeeded}}).',
  },
  extensionReason: {
    label: 'Reason for the extension',
    hint: 'Why more time is needed ({{extensionReason}}).',
  },
  adviceAndAssistance: {
    label: 'Advice and assistance',
    hint: 'How the request could be narrowed or met (s16; {{adviceAndAssistance}}). A saved cost limit estimate (s12) gives its own.',
  },
  costEstimate: {
    label: 'Cost estimate',
    hint: 'How the cost limit would be passed ({{costEstimate}}). A saved cost limit estimate (s12) states it instead.',
  },
  aggregation: {
    label: 'Aggregated requests',
    hint: 'Which requests were taken together ({{aggregation}}). A saved cost limit estimate (s12) names them instead.',
  },
  vexatiousReasons: { label: 'Why the request is vexatious', hint: '({{vexatiousReasons}})' },
  reviewer: { label: 'Reviewer', hint: 'Who carried out the internal review ({{reviewer}}).' },
  reviewOutcome: { label: 'Review outcome', hint: 'What the review decided ({{reviewOutcome}}).' },
};

const CASE_OFFICER = '';

interface Form {
  signatory: string;
  enclosures: string;
  feeAmount: string;
  feeBreakdown: string;
  paymentInstructions: string;
  details: Record<LetterDetailField, string>;
}

function formOf(detail: CaseDetail): Form {
  const r = detail.record;
  return {
    signatory: r.signatory?.name ?? CASE_OFFICER,
    enclosures: (r.enclosures ?? []).join('\n'),
    feeAmount: r.fee ? r.fee.amount.toFixed(2) : '',
    feeBreakdown: (r.fee?.breakdown ?? []).map((i) => `${i.item}, ${formatPounds(i.amount)}`).join('\n'),
    paymentInstructions: r.fee?.paymentInstructions ?? '',
    details: Object.fromEntries(LETTER_DETAIL_FIELDS.map((f) => [f, r.letterDetails?.[f] ?? ''])) as Record<
      LetterDetailField,
      string
    >,
  };
}

const POUNDS = /^£?\s*(\d{1,7}(?:,\d{3})*(?:\.\d{1,2})?)$/;

function pounds(text: string): number | null {
  const m = POUNDS.exec(text.trim());
  return m ? Number(m[1]!.replace(/,/g, '')) : null;
}

/** "Photocopying, £11.50" per line → the breakdown; the first line that cannot be read is the problem. */
function readBreakdown(text: string): { items: { item: string; amount: number }[]; problem: string | null } {
  const items: { item: string; amount: number }[] = [];
  for (const [i, line] of text.split('\n').entries()) {
    if (!line.trim()) continue;
    const m = /^(.*?)[,:–-]?\s*(£?\s*[\d,]+(?:\.\d{1,2})?)\s*$/.exec(line.trim());
    const amount = m ? pounds(m[2]!) : null;
    if (!m || !m[1]!.trim() || amount === null)
      return {
        items,
        problem: `Line ${i + 1} of the breakdown needs a description and an amount, for example “Postage, £3.00”.`,
      };
    items.push({ item: m[1]!.trim(), amount });
  }
  return { items, problem: null };
}

export function LetterDetailsPanel({
  detail,
  officers,
  change,
}: {
  detail: CaseDetail;
  officers: Officer[];
  change: Change;
}) {
  const uid = useId();
  const [saved, setSaved] = useState(() => formOf(detail));
  const restored = useRestoredDraft<Form>(`letter-details:${detail.id}`);
  const [form, setForm] = useState<Form>(() =>
    restored && typeof restored === 'object' && 'details' in restored ? { ...saved, ...restored } : saved,
  );
  const [problem, setProblem] = useState<string | null>(null);
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  const r = detail.record;

  const officerSigns = resolveSignatory({ officer: r.officer }, officers);
  const signatoryOptions = [
    {
      value: CASE_OFFICER,
      label: officerSigns ? `The case officer (${officerSigns.name})` : 'The case officer (none assigned)',
    },
    ...officers
      .filter((o) => o.active || o.name === r.signatory?.name)
      .map((o) => ({ value: o.name, label: o.title ? `${o.name}, ${o.title}` : o.name })),
  ];
  if (r.signatory && !officers.some((o) => o.name === r.signatory?.name))
    signatoryOptions.push({ value: r.signatory.name, label: r.signatory.name });

  const patchOf = (): CasePatch | string => {
    const patch: CasePatch = {};
    if (form.signatory === CASE_OFFICER) patch.signatory = null;
    else {
      const officer = officers.find((o) => o.name === form.signatory);
      patch.signatory = {
        name: form.signatory,
        title: officer?.title ?? (r.signatory?.name === form.signatory ? r.signatory.title : ''),
      };
    }
    patch.enclosures = form.enclosures
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    if (!form.feeAmount.trim() && !form.feeBreakdown.trim()) patch.fee = null;
    else {
      const breakdown = readBreakdown(form.feeBreakdown);
      if (breakdown.problem) return breakdown.problem;
      const amount = form.feeAmount.trim()
        ? pounds(form.feeAmount)
        : breakdown.items.reduce((sum, i) => sum + Math.round(i.amount * 100), 0) / 100;
      if (amount === null) return 'Enter the fee in pounds, for example 31.50.';
      const fee: CaseFee = { amount };
      if (breakdown.items.length) fee.breakdown = breakdown.items;
      if (form.paymentInstructions.trim()) fee.paymentInstructions = form.paymentInstructions.trim();
      const mismatch = feeProblem(fee);
      if (mismatch) return mismatch;
      patch.fee = fee;
    }
    const details: CaseLetterDetails = {};
    for (const f of LETTER_DETAIL_FIELDS) if (form.details[f].trim()) details[f] = form.details[f].trim();
    patch.letterDetails = details;
    return patch;
  };

  const saveForm = async (): Promise<boolean> => {
    const patch = patchOf();
    if (typeof patch === 'string') {
      setProblem(patch);
      return false;
    }
    setProblem(null);
    let next: CaseDetail | null = null;
    const ok = await change(async () => {
      next = await call('cases:update', { id: detail.id, patch });
      return next;
    }, 'The letter details were saved.');
    if (ok && next) {
      const fresh = formOf(next);
      setSaved(fresh);
      setForm(fresh);
    }
    return ok;
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void saveForm();
  };
  useUnsavedChanges(
    JSON.stringify(form) !== JSON.stringify(saved)
      ? {
          key: `letter-details:${detail.id}`,
          caseId: detail.id,
          label: `the letter details of ${r.reference}`,
          content: () => form,
          save: saveForm,
        }
      : null,
  );

  return (
    <section className="panel" aria-labelledby={`${uid}-heading`} data-panel="letter-details">
      <h2 className="panel__title" id={`${uid}-heading`}>
        Letter details
      </h2>
      <form onSubmit={submit} noValidate>
        <SelectField
          label="Signed by"
          value={form.signatory}
          onChange={(v) => set({ signatory: v })}
          options={signatoryOptions}
        />
        <TextArea
          label="Enclosures"
          hint="One per line; listed after the signature."
          value={form.enclosures}
          onChange={(v) => set({ enclosures: v })}
          rows={2}
        />
        <TextField
          label="Fee (£)"
          hint="For a fees notice; left empty, the sum of the breakdown."
          value={form.feeAmount}
          onChange={(v) => set({ feeAmount: v })}
          inputMode="decimal"
          autoComplete="off"
        />
        <TextArea
          label="Fee breakdown"
          hint="One item per line, for example “Photocopying 115 pages at 10p, £11.50”."
          value={form.feeBreakdown}
          onChange={(v) => set({ feeBreakdown: v })}
          rows={2}
        />
        <TextArea
          label="How to pay"
          hint="Printed after the fee when given."
          value={form.paymentInstructions}
          onChange={(v) => set({ paymentInstructions: v })}
          rows={2}
        />
        <details>
          <summary>Wording for particular letters</summary>
          {LETTER_DETAIL_FIELDS.map((f) => (
            <TextArea
              key={f}
              label={DETAIL_LABELS[f].label}
              hint={DETAIL_LABELS[f].hint}
              value={form.details[f]}
              onChange={(v) => set({ details: { ...form.details, [f]: v } })}
              rows={2}
            />
          ))}
        </details>
        {problem ? <Alert>{problem}</Alert> : null}
        <button type="submit" className="button button--secondary">
          Save the letter details
        </button>
      </form>
    </section>
  );
}
