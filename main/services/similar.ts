/**
 * Similar requests for one case: candidates from the word index, scored and flagged by the shared
 * rules (shared/similarity.ts), with the working days between them counted on the case's calendar.
 */
import type { CaseDb } from '../../db/case-file';
import { getSimilarSource, similarCandidates, type SimilarSource } from '../../db/queries/similar';
import type { SimilarCase } from '../../shared/contract';
import { workingDaysBetween } from '../../shared/clock';
import { likeness, rarity, distinctWords, similarFlags, SIMILAR_MIN_SCORE } from '../../shared/similarity';
import { isOpen } from '../../shared/case-lifecycle';
import { AppError } from '../../shared/errors';
import { loadClockContext } from './deadlines';

/** How many words of what matched each similar case shows. */
const MATCHED_SHOWN = 12;

function normalisedName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The same person: the same requester record, the same email address, or (without one) the same name. */
export function sameRequester(a: SimilarSource, b: SimilarSource): boolean {
  if (a.requesterId === b.requesterId) return true;
  const ea = a.email?.trim().toLowerCase();
  const eb = b.email?.trim().toLowerCase();
  if (ea && eb) return ea === eb;
  const na = normalisedName(a.requester);
  return na.length > 0 && na === normalisedName(b.requester);
}

export function requestTextOf(s: Pick<SimilarSource, 'subject' | 'requestText'>): string {
  return `${s.subject}\n${s.requestText}`;
}

export function findSimilarCases(db: CaseDb, id: number, limit = 10): SimilarCase[] {
  const me = getSimilarSource(db, id);
  if (!me) throw new AppError('not-found', 'That case is not in the case file (it may have been removed).');
  const { words, docs, total, candidates } = similarCandidates(db, requestTextOf(me), me.id);
  const weight = (w: string) => rarity(docs.get(w) ?? 1, total);
  const context = loadClockContext(db);
  const out: SimilarCase[] = [];
  for (const other of candidates) {
    const { score, matched } = likeness(words, distinctWords(requestTextOf(other)), weight);
    if (score < SIMILAR_MIN_SCORE) continue;
    let apart = Number.POSITIVE_INFINITY;
    try {
      const [from, to] =
        me.received <= other.received ? [me.received, other.received] : [other.received, me.received];
      apart = workingDaysBetween(from, to, 'FOIA', context.jurisdiction, context.extraHolidays);
    } catch {
      // A date outside the calendar's years: too far apart to aggregate.
    }
    const same = sameRequester(me, other);
    out.push({
      id: other.id,
      reference: other.reference,
      subject: other.subject,
      regime: other.regime,
      received: other.received,
      status: other.status,
      outcome: other.outcome,
      responded: other.responded,
      requester: other.requester,
      sameRequester: same,
      score,
      matched: matched.slice(0, MATCHED_SHOWN),
      flags: similarFlags({
        score,
        sameRequester: same,
        workingDaysApart: apart,
        otherEarlier: other.received < me.received || (other.received === me.received && other.id < me.id),
        otherAnswered: !isOpen(other.status) && other.responded !== null,
        regime: me.regime,
        otherRegime: other.regime,
      }),
    });
  }
  out.sort((a, b) => b.score - a.score || b.received.localeCompare(a.received));
  return out.slice(0, limit);
}
