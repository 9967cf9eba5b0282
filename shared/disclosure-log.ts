/**
 * The disclosure log (issue #14): closed cases the officer chose for publication, with the
 * requester left out everywhere and each possible piece of personal data decided by the officer
 * (shared/personal-data.ts). Pure: the entries come from the case file, the file is written by the
 * caller. The same rules serve the app's screen, the export channel and `foi-desk disclosure-log`.
 */
import {
  findPersonalData,
  findingKey,
  PERSONAL_DATA_LABELS,
  redact,
  type PersonalDataKind,
} from './personal-data';
import { formatUkDate } from './dates';

/** Only a closed case, answered, goes in the log: an open one has no response to publish. */
export function disclosureChoiceProblems(c: { status: string; responded: string | null }): string[] {
  if (c.status !== 'closed' || !c.responded) {
    return ['Only a closed case with its response date can go in the disclosure log.'];
  }
  return [];
}

export interface DisclosureAnswer {
  number: string;
  question: string;
  outcome: string;
  /** What the response said (its text or held statement). */
  answer: string;
  exemptions: string[];
}

export interface DisclosureSource {
  caseId: number;
  reference: string;
  regime: string;
  received: string;
  responded: string;
  subject: string;
  requestText: string;
  answers: DisclosureAnswer[];
  requester: { name?: string; email?: string; address?: string };
}

export type DisclosureDecision = 'remove' | 'keep';

export interface DisclosureFinding {
  /** What a decision is kept under (findingKey). */
  key: string;
  kind: PersonalDataKind;
  label: string;
  value: string;
  /** Where it was found: "the subject", "the request", "the answer to question 2" … */
  where: string[];
  decision: DisclosureDecision | null;
  /** The requester's own name or address: always removed, nothing to decide. */
  fixed: boolean;
}

/** Every text of an entry that the log publishes, with where it is. */
function publishedTexts(s: DisclosureSource): { where: string; text: string }[] {
  return [
    { where: 'the subject', text: s.subject },
    { where: 'the request', text: s.requestText },
    ...s.answers.flatMap((a) => [
      { where: `question ${a.number}`, text: a.question },
      { where: `the answer to question ${a.number}`, text: a.answer },
    ]),
  ];
}

/** The possible personal data in an entry, one finding per distinct text, with the decisions taken. */
export function disclosureFindings(
  s: DisclosureSource,
  decisions: ReadonlyMap<string, DisclosureDecision>,
): DisclosureFinding[] {
  const byKey = new Map<string, DisclosureFinding>();
  for (const { where, text } of publishedTexts(s)) {
    for (const f of findPersonalData(text, s.requester)) {
      const key = findingKey(f.kind, f.value);
      const known = byKey.get(key);
      if (known) {
        if (!known.where.includes(where)) known.where.push(where);
        continue;
      }
      const fixed = f.kind === 'requester';
      byKey.set(key, {
        key,
        kind: f.kind,
        label: PERSONAL_DATA_LABELS[f.kind],
        value: f.value,
        where: [where],
        decision: fixed ? 'remove' : (decisions.get(key) ?? null),
        fixed,
      });
    }
  }
  return [...byKey.values()];
}

export interface DisclosureEntry {
  reference: string;
  regime: string;
  received: string;
  responded: string;
  subject: string;
  requestText: string;
  answers: DisclosureAnswer[];
  exemptions: string[];
}

/**
 * The entry as published: each finding the officer removed (and the requester, always) replaced
 * by its redaction; kept findings, and with `acceptUndecided` undecided ones, left as they are.
 */
export function publishedEntry(
  s: DisclosureSource,
  decisions: ReadonlyMap<string, DisclosureDecision>,
  acceptUndecided = false,
): DisclosureEntry {
  const clean = (text: string) =>
    redact(text, s.requester, (f) => {
      if (f.kind === 'requester') return true;
      const d = decisions.get(findingKey(f.kind, f.value));
      return d === 'remove' || (d === undefined && !acceptUndecided);
    });
  const answers = s.answers.map((a) => ({
    ...a,
    question: clean(a.question),
    answer: clean(a.answer),
  }));
  return {
    reference: s.reference,
    regime: s.regime,
    received: s.received,
    responded: s.responded,
    subject: clean(s.subject),
    requestText: clean(s.requestText),
    answers,
    exemptions: [...new Set(s.answers.flatMap((a) => a.exemptions))],
  };
}

function csvCell(value: string): string {
  // A cell a spreadsheet would run as a formula is quoted as text (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function answerLines(e: DisclosureEntry, outcomeLabel: (o: string) => string): string {
  return e.answers
    .map((a) => `${a.number}. ${a.question}\n${outcomeLabel(a.outcome)}${a.answer ? `: ${a.answer}` : ''}`)
    .join('\n\n');
}

export const DISCLOSURE_CSV_HEADER = [
  'Reference',
  'Regime',
  'Date received',
  'Date of response',
  'Subject',
  'Request',
  'Answers',
  'Exemptions',
];

export function disclosureCsv(
  entries: readonly DisclosureEntry[],
  outcomeLabel: (o: string) => string,
): string {
  const rows = entries.map((e) => [
    e.reference,
    e.regime,
    formatUkDate(e.received),
    formatUkDate(e.responded),
    e.subject,
    e.requestText,
    answerLines(e, outcomeLabel),
    e.exemptions.join('; '),
  ]);
  return `${[DISCLOSURE_CSV_HEADER, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

function html(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

function paragraphs(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((p) => `<p>${html(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

/** A static page: no script, no outside resource, every text escaped. */
export function disclosureHtml(
  entries: readonly DisclosureEntry[],
  options: { organisation: string; from: string; to: string; outcomeLabel: (o: string) => string },
): string {
  const title = `Disclosure log: ${formatUkDate(options.from)} to ${formatUkDate(options.to)}`;
  const items = entries.map(
    (e) => `<article>
<h2>${html(e.reference)}: ${html(e.subject)}</h2>
<p class="meta">${html(e.regime)} · received ${formatUkDate(e.received)} · responded ${formatUkDate(e.responded)}${
      e.exemptions.length ? ` · exemptions: ${html(e.exemptions.join(', '))}` : ''
    }</p>
<h3>Request</h3>
${paragraphs(e.requestText)}
<h3>Response</h3>
<ol class="answers">
${e.answers
  .map(
    (a) =>
      `<li><p class="question"><strong>${html(a.number)}.</strong> ${html(a.question)}</p><p><em>${html(
        options.outcomeLabel(a.outcome),
      )}</em>${a.answer ? `: ${html(a.answer).replace(/\n/g, '<br>')}` : ''}</p></li>`,
  )
  .join('\n')}
</ol>
</article>`,
  );
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(options.organisation)}: ${html(title)}</title>
<style>
body { font-family: Arial, 'Liberation Sans', sans-serif; max-width: 50rem; margin: 2rem auto; padding: 0 1rem; color: #212b32; line-height: 1.5; }
article { border-top: 1px solid #d8dde0; padding: 1rem 0; }
.meta { color: #4c6272; }
ol.answers { list-style: none; padding: 0; }
</style>
</head>
<body>
<h1>${html(options.organisation)}</h1>
<p>${html(title)}. ${entries.length} request${entries.length === 1 ? '' : 's'}. Requesters' names and other personal data are not published.</p>
${items.join('\n')}
</body>
</html>
`;
}
