/**
 * The audit log's entries, typed: every action and entity the app records, and the one function
 * that says an entry in the officer's words. The case timeline uses it; nothing else describes them.
 */
import { formatUkDate } from './dates';
import {
  CHANNEL_LABELS,
  EVENT_LABELS,
  OUTCOME_LABELS,
  QUESTION_OUTCOME_LABELS,
  REGIME_LABELS,
  STATUS_LABELS,
} from './labels';
import { COMMISSIONER_DECISION_LABELS, type CommissionerDecision } from './commissioner';

export const AUDIT_ACTIONS = [
  'create',
  'import',
  'update',
  'close',
  'reopen',
  'remove',
  'reset',
  'set-questions',
  'set-response',
  'add-event',
  'remove-event',
  'letter-generated',
  'letter-edited',
  'letter-sent',
  'letter-exported',
  'disclosure-choice',
  'disclosure-decision',
  // Files kept in the case file, and notes about where a request came from (email intake).
  'attachment-added',
  'attachment-removed',
  'attachment-exported',
  'note',
  'letter-redated',
  // Contributor tasks and chasers (issue 14).
  'contributor-asked',
  'contributor-chased',
  'contributor-replied',
  'contributor-reply-copied',
  // Sign-off (shared/sign-off.ts): each step on a letter version.
  'approval-requested',
  'approval-given',
  'approval-returned',
  // Retention (issue #14): a case deleted or anonymised; the entry names the method, never the data.
  'disposed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ENTITIES = [
  'case-file',
  'case',
  'requester',
  'questions',
  'question',
  'event',
  'letter',
  'settings',
  'organisation',
  'officer',
  'holiday',
  'letter-template',
  'letter-paragraph',
  'disclosure-log',
  'attachment',
  's12-estimate',
  // The team's library of standard answers (shared/standard-answers.ts).
  'standard-answer',
  'department',
  'contributor-task',
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

/** One entry as written: values are kept as JSON text (or plain text for strings). */
export interface AuditEntry {
  action: AuditAction;
  entity: AuditEntity;
  field: string | null;
  oldValue: string | null;
  newValue: string | null;
}

const FIELD_LABELS: Record<string, string> = {
  reference: 'the reference',
  ourRef: 'our reference',
  regime: 'the regime',
  reviewOf: 'the original request reviewed',
  received: 'the date received',
  channel: 'how it arrived',
  subject: 'the subject',
  requestText: 'the request text',
  officer: 'the officer',
  status: 'the status',
  outcome: 'the outcome',
  responded: 'the date of the response',
  dueDate: 'the due date',
  statutoryDue: 'the statutory due date',
  department: 'the department',
  lateReason: 'the reason for the delay',
  lateDepartment: 'the department responsible for the delay',
  commissionerComplaintReceived: 'the date of the complaint to the Commissioner',
  commissionerDecision: 'the Commissioner’s decision',
  commissionerDecisionRef: 'the decision notice reference',
  sensitive: 'the sensitive flag',
  signatoryName: 'the signatory',
  signatoryTitle: 'the signatory’s title',
  name: 'the requester’s name',
  email: 'the requester’s email',
  address: 'the requester’s address',
  organisation: 'the requester’s organisation',
  category: 'the requester’s category',
};

/** Fields whose values are too long or too personal to quote in a one-line history. */
const UNQUOTED = new Set(['requestText', 'address']);

function showValue(field: string | null, value: string | null): string {
  if (value === null || value === '') return 'nothing';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatUkDate(value);
  if (field === 'status') return STATUS_LABELS[value] ?? value;
  if (field === 'outcome') return OUTCOME_LABELS[value] ?? value;
  if (field === 'regime') return REGIME_LABELS[value] ?? value;
  if (field === 'channel') return CHANNEL_LABELS[value] ?? value;
  if (field === 'commissionerDecision')
    return COMMISSIONER_DECISION_LABELS[value as CommissionerDecision] ?? value;
  return value.length > 80 ? `${value.slice(0, 77)}…` : value;
}

function parseJson(text: string | null): Record<string, unknown> | null {
  if (!text) return null;
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const ENTITY_NAMES: Record<AuditEntity, string> = {
  'case-file': 'the case file',
  case: 'the case',
  requester: 'the requester',
  questions: 'the questions',
  question: 'a question',
  event: 'a clock event',
  letter: 'a letter',
  settings: 'the settings',
  organisation: 'the letterhead',
  officer: 'an officer',
  holiday: 'an added bank holiday',
  'letter-template': 'a letter template',
  'letter-paragraph': 'a standard paragraph',
  'disclosure-log': 'the disclosure log',
  attachment: 'a file',
  's12-estimate': 'the s12 cost estimate',
  'standard-answer': 'a standard answer',
  department: 'a department',
  'contributor-task': 'a contributor task',
};

/** One line for an audit entry, in the officer's words. */
export function describeAuditEntry(e: AuditEntry): string {
  switch (e.action) {
    case 'create':
      return e.entity === 'case'
        ? `Request logged as ${e.newValue ?? ''}`
        : `Created ${ENTITY_NAMES[e.entity]}`;
    case 'import':
      return 'Imported into the case file';
    case 'close':
      return `Case closed (was ${showValue('status', e.oldValue)})`;
    case 'reopen':
      return 'Case reopened';
    case 'remove':
      return `Removed ${ENTITY_NAMES[e.entity]}`;
    case 'reset':
      return `Reset ${ENTITY_NAMES[e.entity]} to the default`;
    case 'set-questions':
      return 'Questions edited';
    case 'set-response': {
      const r = parseJson(e.newValue);
      if (!r) return `Answer to question ${e.field ?? ''} cleared`;
      const outcome = typeof r.outcome === 'string' ? (QUESTION_OUTCOME_LABELS[r.outcome] ?? r.outcome) : '';
      const exemptions = Array.isArray(r.exemptions)
        ? (r.exemptions as { provision?: string }[])
            .map((x) => x.provision)
            .filter(Boolean)
            .join(', ')
        : '';
      return `Answer to question ${e.field ?? ''} recorded: ${outcome}${exemptions ? ` (${exemptions})` : ''}`;
    }
    case 'add-event': {
      const v = parseJson(e.newValue);
      const date = typeof v?.date === 'string' ? ` on ${formatUkDate(v.date)}` : '';
      const until = typeof v?.until === 'string' ? `, until ${formatUkDate(v.until)}` : '';
      return `${EVENT_LABELS[e.field ?? ''] ?? e.field}${date}${until}`;
    }
    case 'remove-event':
      return `Clock event removed: ${EVENT_LABELS[e.field ?? ''] ?? e.field}`;
    case 'letter-generated':
      return `Letter generated (${e.field ?? 'letter'}, ${e.newValue ?? ''})`;
    case 'letter-edited':
      return `Letter edited by hand (${e.field ?? 'letter'}, ${e.newValue ?? ''})`;
    case 'letter-sent':
      return `Letter marked as sent (${e.field ?? 'letter'}, ${e.newValue ?? ''})`;
    case 'letter-exported':
      return `Letter exported to Word (${e.field ?? 'letter'}, ${e.newValue ?? ''})`;
    case 'disclosure-choice':
      return e.newValue === 'chosen' ? 'Chosen for the disclosure log' : 'Taken out of the disclosure log';
    case 'disclosure-decision':
      // The finding itself is personal data: the history names its kind, never its text.
      return `Disclosure log: ${e.field ?? 'a possible piece of personal data'} ${e.newValue === 'remove' ? 'to be removed' : 'kept (not personal data)'}`;
    case 'attachment-added':
      return `File added: ${e.field ?? 'a file'}`;
    case 'attachment-removed':
      return `File removed: ${e.field ?? 'a file'}`;
    case 'attachment-exported':
      return `File exported: ${e.field ?? 'a file'}`;
    case 'note':
      return `Note: ${e.newValue ?? ''}`;
    case 'letter-redated':
      return `Letter re-dated (${e.field ?? 'letter'}, ${e.oldValue ?? ''} to ${e.newValue ?? ''})`;
    case 'contributor-asked':
      return `Asked ${e.field ?? 'a department'} for information`;
    case 'contributor-chased': {
      const v = parseJson(e.newValue);
      const kind = typeof v?.kind === 'string' ? v.kind : 'chase';
      const words: Record<string, string> = {
        request: 'Request email drafted for',
        chase: 'Chaser drafted for',
        escalation: 'Escalation drafted for',
        overdue: 'Overdue chaser drafted for',
      };
      return `${words[kind] ?? 'Chaser drafted for'} ${e.field ?? 'a department'}`;
    }
    case 'contributor-replied':
      return `Reply recorded from ${e.field ?? 'a department'}`;
    case 'contributor-reply-copied':
      return `Reply from a department copied into the answer to question ${e.field ?? ''}`;
    case 'approval-requested':
    case 'approval-given':
    case 'approval-returned':
      return describeSignOffStep(e);
    case 'disposed': {
      const v = parseJson(e.newValue);
      const how = v?.method === 'delete' ? 'deleted' : 'anonymised';
      return `Case ${typeof v?.reference === 'string' ? `${v.reference} ` : ''}${how} under the retention schedule`;
    }
    case 'update': {
      const what = FIELD_LABELS[e.field ?? ''] ?? e.field ?? 'a detail';
      if (e.entity !== 'case' && e.entity !== 'requester') return `Changed ${ENTITY_NAMES[e.entity]}`;
      if (UNQUOTED.has(e.field ?? '')) return `Changed ${what}`;
      return `Changed ${what} from ${showValue(e.field, e.oldValue)} to ${showValue(e.field, e.newValue)}`;
    }
  }
}

/** A sign-off step: `newValue` holds `{ version, approver?, comment? }` as JSON. */
function describeSignOffStep(e: AuditEntry): string {
  const v = parseJson(e.newValue);
  const version = typeof v?.version === 'number' ? `version ${v.version}` : 'a version';
  const letter = `${e.field ?? 'letter'}, ${version}`;
  const comment = typeof v?.comment === 'string' && v.comment.trim() ? v.comment.trim() : null;
  const quoted = comment && (comment.length > 200 ? `${comment.slice(0, 197)}…` : comment);
  switch (e.action) {
    case 'approval-requested': {
      const approver = typeof v?.approver === 'string' ? v.approver : 'an approver';
      return `Approval asked of ${approver} (${letter})${quoted ? `: ${quoted}` : ''}`;
    }
    case 'approval-given':
      return `Letter approved (${letter})`;
    default:
      return `Letter returned for changes (${letter}): ${quoted ?? ''}`;
  }
}
