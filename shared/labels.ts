/** The words officers use for the register's codes: regimes, statuses, outcomes, clock events. */
import type { ProgressState } from './clock';

export const REGIME_LABELS: Record<string, string> = {
  FOIA: 'FOI',
  EIR: 'EIR',
  FOISA: 'FOI (Scotland)',
  SAR: 'Subject access',
  'FOI-IR': 'FOI internal review',
  'EIR-RECON': 'EIR reconsideration',
  'FOISA-REVIEW': 'FOISA review',
  EISR: 'EIR (Scotland)',
};

export const REGIME_LONG: Record<string, string> = {
  FOIA: 'Freedom of Information Act 2000',
  EIR: 'Environmental Information Regulations 2004',
  FOISA: 'Freedom of Information (Scotland) Act 2002',
  SAR: 'Subject access request (UK GDPR Article 15)',
  'FOI-IR': 'FOI internal review',
  'EIR-RECON': 'EIR reconsideration (regulation 11)',
  'FOISA-REVIEW': 'FOISA review (section 21)',
  EISR: 'Environmental Information (Scotland) Regulations 2004',
};

export const STATUS_LABELS: Record<string, string> = {
  open: 'Open',
  clarification: 'Awaiting clarification',
  'on-hold': 'On hold',
  closed: 'Closed',
};

export const OUTCOME_LABELS: Record<string, string> = {
  granted: 'Granted in full',
  'part-granted': 'Granted in part',
  refused: 'Refused',
  'not-held': 'Not held',
  withdrawn: 'Withdrawn',
  transferred: 'Transferred',
  'clarification-lapsed': 'Clarification not received',
};

export const QUESTION_OUTCOME_LABELS: Record<string, string> = {
  provided: 'Information provided',
  'not-held': 'Not held',
  exempt: 'Exempt (withheld)',
  'part-exempt': 'Part exempt (some withheld)',
  ncnd: 'Neither confirm nor deny',
  published: 'Already published',
  'see-other': 'See another answer',
};

export const CHANNEL_LABELS: Record<string, string> = {
  email: 'Email',
  post: 'Post',
  web: 'Web form',
  other: 'Other',
};

export const PROGRESS_LABELS: Record<ProgressState, string> = {
  overdue: 'Overdue',
  'due-soon': 'Due soon',
  'on-track': 'On track',
  stopped: 'Clock stopped',
  closed: 'Closed',
};

export const EVENT_LABELS: Record<string, string> = {
  'clarification-requested': 'Clarification asked for',
  'clarification-received': 'Clarification received',
  'fees-notice-issued': 'Fees notice issued',
  'fee-paid': 'Fee paid',
  'pi-extension': 'Extended for the public interest test',
  'eir-extension': 'Extended under EIR regulation 7',
  'ir-extension': 'Internal review extended',
  'sar-extension': 'Subject access extended',
  'sar-clock-stopped': 'Clock stopped (subject access)',
  'sar-clock-restarted': 'Clock restarted (subject access)',
};
