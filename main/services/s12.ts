/**
 * The s12 estimate worksheet: read with its totals, the letter's wording and the cases the costs may
 * be aggregated with; saved whole after the shared rules (shared/s12.ts) have passed every row.
 */
import { inTransaction, type CaseDb } from '../../db/case-file';
import { recordAudit } from '../../db/queries/audit';
import { getCaseRow } from '../../db/queries/cases';
import { getS12Rows, getS12Worksheet, s12CaseFacts, saveS12Worksheet } from '../../db/queries/s12';
import { getSettings } from '../../db/queries/settings';
import { workingDaysBetween } from '../../shared/clock';
import type { Regime } from '../../shared/case-format';
import { AppError } from '../../shared/errors';
import {
  aggregationWindowProblem,
  costRuleFor,
  estimateS12,
  s12LetterValues,
  s12WorksheetProblems,
  DEFAULT_S12_ADVICE,
  type AggregatedEstimate,
  type CostRule,
  type S12Activity,
  type S12LetterValues,
  type S12SaveInput,
  type S12Suggestion,
  type S12WorksheetView,
} from '../../shared/s12';
import { loadClockContext } from './deadlines';
import { findSimilarCases } from './similar';

function requireCase(db: CaseDb, caseId: number) {
  const row = getCaseRow(db, caseId);
  if (!row) throw new AppError('not-found', 'That case is not in the case file (it may have been removed).');
  return row;
}

export function costRuleForCase(db: CaseDb, regime: Regime): CostRule {
  return costRuleFor(regime, getSettings(db));
}

/** The estimates of the aggregated cases, earliest first. */
function aggregatedEstimates(db: CaseDb, ids: readonly number[]): (AggregatedEstimate & { id: number })[] {
  return s12CaseFacts(db, ids)
    .map((c) => ({ id: c.id, reference: c.reference, received: c.received, rows: getS12Rows(db, c.id) }))
    .sort((a, b) => a.received.localeCompare(b.received) || a.id - b.id);
}

/** Working days from the earliest to the latest of these dates, on the team's calendar. */
function workingDaysSpan(db: CaseDb, dates: string[]): number {
  const sorted = [...dates].sort();
  const from = sorted[0];
  const to = sorted[sorted.length - 1];
  if (!from || !to || from === to) return 0;
  const context = loadClockContext(db);
  try {
    return workingDaysBetween(from, to, 'FOIA', context.jurisdiction, context.extraHolidays);
  } catch {
    // A date outside the calendar's years: too far apart to aggregate.
    return Number.POSITIVE_INFINITY;
  }
}

function suggestionsFor(db: CaseDb, caseId: number): S12Suggestion[] {
  const out: S12Suggestion[] = [];
  for (const similar of findSimilarCases(db, caseId, 20)) {
    const flag = similar.flags.find((f) => f.kind === 'aggregation' || f.kind === 'concert');
    if (!flag || (flag.kind !== 'aggregation' && flag.kind !== 'concert')) continue;
    out.push({
      id: similar.id,
      reference: similar.reference,
      received: similar.received,
      kind: flag.kind,
      message: flag.message,
    });
  }
  return out;
}

export function getWorksheetView(db: CaseDb, caseId: number): S12WorksheetView {
  const row = requireCase(db, caseId);
  const rule = costRuleForCase(db, row.regime);
  const sheet = getS12Worksheet(db, caseId);
  const aggregated = aggregatedEstimates(db, sheet?.aggregatedCaseIds ?? []);
  const rows = sheet?.rows ?? [];
  const notes: string[] = [];
  for (const a of aggregated)
    if (a.rows.length === 0) notes.push(`${a.reference} has no estimate of its own yet: it adds nothing.`);
  let result = null;
  let letter: S12LetterValues | null = null;
  try {
    result = estimateS12(rule, rows, aggregated);
    letter = s12LetterValues(
      rule,
      sheet ? { rows, aggregated, advice: sheet.advice ?? undefined } : undefined,
    );
  } catch (error) {
    // Saved under another regime or rule (the case's regime changed since): say so, sum nothing.
    notes.push(`The estimate no longer fits this case: ${(error as Error).message}`);
  }
  return {
    caseId,
    reference: row.reference,
    regime: row.regime,
    rule,
    saved: sheet !== undefined,
    rows,
    aggregated: aggregated.map((a) => ({
      id: a.id,
      reference: a.reference,
      received: a.received,
      minutes: a.rows.reduce((n, r) => n + r.minutes, 0),
      hasWorksheet: a.rows.length > 0,
    })),
    advice: sheet?.advice ?? '',
    defaultAdvice: DEFAULT_S12_ADVICE,
    result,
    letter,
    suggestions: rule.kind === 'limit' ? suggestionsFor(db, caseId) : [],
    notes,
    updatedAt: sheet?.updatedAt ?? null,
    updatedBy: sheet?.updatedBy ?? null,
  };
}

/** The refusals of a save, in the officer's words; empty when it may be saved. */
export function worksheetSaveProblems(db: CaseDb, input: S12SaveInput): string[] {
  const row = requireCase(db, input.caseId);
  const rule = costRuleForCase(db, row.regime);
  if (rule.kind === 'none') return [rule.reason];
  const problems = s12WorksheetProblems(rule, input.rows, input.advice);
  const ids = input.aggregatedCaseIds;
  if (ids.includes(input.caseId)) problems.push('A case cannot be aggregated with itself.');
  if (new Set(ids).size !== ids.length) problems.push('A case is listed twice for aggregation.');
  const others = s12CaseFacts(db, ids);
  if (others.length !== new Set(ids).size) problems.push('A case to aggregate with is not in this file.');
  for (const other of others) {
    const otherRule = costRuleForCase(db, other.regime as Regime);
    if (otherRule.kind !== 'limit' || otherRule.law !== rule.law)
      problems.push(
        `${other.reference} is not under the same cost limit, so its costs cannot be aggregated.`,
      );
  }
  if (rule.law === 'fees-regulations-2004' && others.length > 0) {
    const all = [{ reference: row.reference, received: row.received }, ...others].sort((a, b) =>
      a.received.localeCompare(b.received),
    );
    const first = all[0];
    const last = all[all.length - 1];
    if (first && last) {
      const problem = aggregationWindowProblem(
        first,
        last,
        workingDaysSpan(
          db,
          all.map((c) => c.received),
        ),
      );
      if (problem) problems.push(problem);
    }
  }
  return problems;
}

export function saveWorksheet(db: CaseDb, input: S12SaveInput, actor: string, now: Date): S12WorksheetView {
  const problems = worksheetSaveProblems(db, input);
  if (problems.length > 0) throw new AppError('validation', problems.join(' '));
  inTransaction(db, (tx) => {
    const before = getS12Worksheet(tx, input.caseId);
    const summary = (sheet: {
      rows: readonly { minutes: number }[];
      aggregatedCaseIds: readonly number[];
    }) => ({
      rows: sheet.rows.length,
      minutes: sheet.rows.reduce((n, r) => n + r.minutes, 0),
      aggregated: s12CaseFacts(tx, sheet.aggregatedCaseIds).map((c) => c.reference),
    });
    const advice = input.advice.trim() === '' ? null : input.advice.trim();
    const rows = input.rows.map((r) => ({
      // The rule passed: the activity is one of S12_ACTIVITIES.
      activity: r.activity as S12Activity,
      minutes: r.minutes,
      ...(r.ratePence !== undefined ? { ratePence: r.ratePence } : {}),
      ...(r.question ? { question: r.question } : {}),
      ...(r.description ? { description: r.description } : {}),
    }));
    saveS12Worksheet(
      tx,
      input.caseId,
      { advice, rows, aggregatedCaseIds: input.aggregatedCaseIds },
      actor,
      now.toISOString(),
    );
    recordAudit(tx, {
      actor,
      caseId: input.caseId,
      action: before ? 'update' : 'create',
      entity: 's12-estimate',
      field: 'worksheet',
      oldValue: before ? summary(before) : null,
      newValue: summary({ rows, aggregatedCaseIds: input.aggregatedCaseIds }),
    });
  });
  return getWorksheetView(db, input.caseId);
}

/**
 * The cost-limit letter's values for a case: the limit, the hours and the rate from Settings, and
 * the estimate, aggregation and advice when the case has a worksheet. Null where there is no cost
 * limit (EIR, SAR) or the saved worksheet no longer fits the case.
 */
export function s12LetterValuesForCase(db: CaseDb, caseId: number, regime: Regime): S12LetterValues | null {
  const rule = costRuleForCase(db, regime);
  const sheet = getS12Worksheet(db, caseId);
  try {
    return s12LetterValues(
      rule,
      sheet
        ? {
            rows: sheet.rows,
            aggregated: aggregatedEstimates(db, sheet.aggregatedCaseIds),
            advice: sheet.advice ?? undefined,
          }
        : undefined,
    );
  } catch {
    return s12LetterValues(rule);
  }
}

/** Whether the case's saved estimate is over its cost limit (false with none, or none that fits). */
export function s12LimitExceeded(db: CaseDb, caseId: number): boolean {
  const sheet = getS12Worksheet(db, caseId);
  if (!sheet) return false;
  const row = getCaseRow(db, caseId);
  if (!row) return false;
  try {
    const rule = costRuleForCase(db, row.regime);
    return estimateS12(rule, sheet.rows, aggregatedEstimates(db, sheet.aggregatedCaseIds))?.exceeds === true;
  } catch {
    return false;
  }
}
