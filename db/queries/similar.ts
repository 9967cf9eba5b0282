/**
 * Similar requests from the FTS5 word index inside the encrypted file (migration 0006): the rarest
 * words of a request find the candidates (bm25 over subject and request text), the document
 * frequencies of its words (an `fts5vocab` view of the same index, on this connection only) weigh
 * them, and shared/similarity.ts scores each candidate. Nothing is written.
 */
import type { CaseDb } from '../case-file';
import { distinctWords, rarity } from '../../shared/similarity';

export interface SimilarSource {
  id: number;
  reference: string;
  subject: string;
  requestText: string;
  regime: string;
  received: string;
  status: string;
  outcome: string | null;
  responded: string | null;
  requesterId: number;
  requester: string;
  email: string | null;
}

/** How many candidates the index proposes for scoring. */
const CANDIDATES = 40;
/** How many of a request's rarest words look the candidates up. */
const LOOKUP_WORDS = 8;

const SOURCE_COLUMNS = `c.id AS id, c.reference AS reference, c.subject AS subject, c.request_text AS requestText,
  c.regime AS regime, c.received AS received, c.status AS status, c.outcome AS outcome,
  c.responded AS responded, c.requester_id AS requesterId, r.name AS requester, r.email AS email`;

export function getSimilarSource(db: CaseDb, id: number): SimilarSource | undefined {
  return db.$client
    .prepare(
      `SELECT ${SOURCE_COLUMNS} FROM cases c JOIN requesters r ON r.id = c.requester_id WHERE c.id = ?`,
    )
    .get(id) as SimilarSource | undefined;
}

/** The fts5vocab view of the word index: a temp table of this connection, holding no data of its own. */
function ensureVocab(db: CaseDb): void {
  db.$client.exec(
    'CREATE VIRTUAL TABLE IF NOT EXISTS temp.cases_words_vocab USING fts5vocab(main, cases_words, row)',
  );
}

/** How many cases contain each word (in any column), and how many cases the register has. */
export function wordFrequencies(
  db: CaseDb,
  words: readonly string[],
): { docs: Map<string, number>; total: number } {
  ensureVocab(db);
  const stmt = db.$client.prepare('SELECT doc FROM temp.cases_words_vocab WHERE term = ?').pluck();
  const docs = new Map<string, number>();
  for (const w of words) docs.set(w, (stmt.get(w) as number | undefined) ?? 0);
  const total = db.$client.prepare('SELECT count(*) FROM cases').pluck().get() as number;
  return { docs, total };
}

function ftsWord(word: string): string {
  return `"${word.replace(/"/g, '""')}"`;
}

export interface SimilarCandidates {
  /** This request's words, most frequent first. */
  words: string[];
  docs: Map<string, number>;
  total: number;
  candidates: SimilarSource[];
}

/** The candidate query: bm25 over subject and request text, leaving out one case (parameters: match, id). */
export const CANDIDATE_SQL = `WITH hits AS (SELECT rowid AS id, bm25(cases_words, 0, 2.0, 0, 1.0, 0) AS rank FROM cases_words
    WHERE cases_words MATCH ? AND rowid <> ? ORDER BY rank LIMIT ${CANDIDATES})
  SELECT ${SOURCE_COLUMNS} FROM hits JOIN cases c ON c.id = hits.id
  JOIN requesters r ON r.id = c.requester_id ORDER BY hits.rank`;

/** The FTS5 query for the candidates: any of the request's rarest words, in subject or request text. */
export function candidateMatch(
  words: readonly string[],
  docs: ReadonlyMap<string, number>,
  total: number,
): string | null {
  const lookup = words
    .filter((w) => (docs.get(w) ?? 0) > 0)
    .sort((a, b) => rarity(docs.get(b)!, total) - rarity(docs.get(a)!, total))
    .slice(0, LOOKUP_WORDS);
  return lookup.length === 0 ? null : `{subject request_text} : (${lookup.map(ftsWord).join(' OR ')})`;
}

/** The cases the index finds for `text`, best first, leaving out `excludeId`. */
export function similarCandidates(db: CaseDb, text: string, excludeId: number | null): SimilarCandidates {
  const words = distinctWords(text);
  const { docs, total } = wordFrequencies(db, words);
  const match = candidateMatch(words, docs, total);
  if (match === null) return { words, docs, total, candidates: [] };
  const candidates = db.$client.prepare(CANDIDATE_SQL).all(match, excludeId ?? -1) as SimilarSource[];
  return { words, docs, total, candidates };
}
