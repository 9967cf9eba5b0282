/**
 * The case file's tables. Generated into SQL by drizzle-kit (`npm run db:generate`) under
 * db/migrations/; a shipped migration is never edited, a change is a new one.
 */
import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
  CASE_OUTCOMES,
  CASE_STATUSES,
  CHANNELS,
  LIKELIHOODS,
  QUESTION_OUTCOMES,
  REGIMES,
  type CaseFee,
  type CaseLetterDetails,
} from '../shared/case-format';
import { CLOCK_EVENT_TYPES } from '../shared/clock/types';
import { ATTACHMENT_KINDS } from '../shared/attachment-rules';
import { SIGN_OFF_STEP_KINDS } from '../shared/sign-off';
import { S12_ACTIVITIES } from '../shared/s12';
import { CHASE_KINDS, CONTRIBUTOR_STATUSES } from '../shared/chasers';
import { COMMISSIONER_DECISIONS } from '../shared/commissioner-decisions';

const timestamp = (name: string) =>
  text(name)
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);
const createdAt = () => timestamp('created_at');

/** The letterhead and the details the standard paragraphs need. One row (id 1). */
export const organisation = sqliteTable('organisation', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  team: text('team'),
  addressLines: text('address_lines', { mode: 'json' }).$type<string[]>().notNull(),
  telephone: text('telephone'),
  fax: text('fax'),
  directLine: text('direct_line'),
  email: text('email'),
  website: text('website'),
  internalReviewWindow: text('internal_review_window'),
  jurisdiction: text('jurisdiction'),
  font: text('font'),
  /** The letterhead logo (PNG or JPEG, checked by its bytes, see shared/letter/logo.ts); null for none. */
  logo: blob('logo', { mode: 'buffer' }),
  logoType: text('logo_type'),
  updatedAt: text('updated_at'),
});

/** Key–value settings (reference format, internal targets, idle lock …), values as JSON. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
});

export const officers = sqliteTable('officers', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  title: text('title').notNull().default(''),
  /** For "Our Ref" (the team's pattern, e.g. "{signatoryInitials}/{officerInitials} {reference}"). */
  initials: text('initials').notNull().default(''),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
});

/** One-off bank holidays the officer adds (a state funeral announced next month). */
export const addedHolidays = sqliteTable('added_holidays', {
  date: text('date').primaryKey(),
  name: text('name').notNull(),
  jurisdictions: text('jurisdictions', { mode: 'json' }).$type<string[] | null>(),
});

export const requesters = sqliteTable('requesters', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  email: text('email'),
  address: text('address'),
  organisation: text('organisation'),
  category: text('category'),
});

export const cases = sqliteTable(
  'cases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reference: text('reference').notNull(),
    ourRef: text('our_ref'),
    regime: text('regime', { enum: REGIMES }).notNull(),
    /** A review case's original request, by its reference (not a foreign key: it may be elsewhere). */
    reviewOf: text('review_of'),
    received: text('received').notNull(),
    channel: text('channel', { enum: CHANNELS }),
    requesterId: integer('requester_id')
      .notNull()
      .references(() => requesters.id),
    subject: text('subject').notNull(),
    requestText: text('request_text').notNull(),
    status: text('status', { enum: CASE_STATUSES }).notNull(),
    outcome: text('outcome', { enum: CASE_OUTCOMES }),
    responded: text('responded'),
    officer: text('officer'),
    signatoryName: text('signatory_name'),
    signatoryTitle: text('signatory_title'),
    enclosures: text('enclosures', { mode: 'json' }).$type<string[]>(),
    /** The fee a letter names (amount and breakdown, shared/case-format.ts feeSchema). */
    fee: text('fee', { mode: 'json' }).$type<CaseFee>(),
    /** The letter wording only the officer can give (reasons, advice), by placeholder name. */
    letterDetails: text('letter_details', { mode: 'json' }).$type<CaseLetterDetails>(),
    /** Statutory due date as last computed by the clock, kept for the queue's index and sort. */
    dueDate: text('due_date'),
    // Statistics (issue 13): the department the request concerns; the date due without any
    // extension (due_date is the extended one when a lawful extension applies), and, for a case
    // answered after its due date, why and which department the delay lay with.
    department: text('department'),
    statutoryDue: text('statutory_due'),
    /** Flagged as sensitive: the team's sign-off policy may require approval before it is sent. */
    sensitive: integer('sensitive', { mode: 'boolean' }).notNull().default(false),
    lateReason: text('late_reason'),
    lateDepartment: text('late_department'),
    // A complaint to the Commissioner (shared/commissioner.ts): the date it was made (a case with
    // one was appealed), the decision notice's outcome and reference.
    commissionerComplaintReceived: text('commissioner_complaint_received'),
    commissionerDecision: text('commissioner_decision', { enum: COMMISSIONER_DECISIONS }),
    commissionerDecisionRef: text('commissioner_decision_ref'),
    createdAt: createdAt(),
    updatedAt: text('updated_at'),
  },
  (t) => [
    uniqueIndex('cases_reference_unique').on(t.reference),
    index('cases_status_due').on(t.status, t.dueDate),
    index('cases_due').on(t.dueDate),
    index('cases_received').on(t.received),
    // One index for each filter and sort the queue offers, so every page walks an index to its end.
    index('cases_status_received').on(t.status, t.received),
    index('cases_status_reference').on(t.status, t.reference),
    index('cases_regime_due').on(t.regime, t.dueDate),
    index('cases_officer_due').on(t.officer, t.dueDate),
    // The statistics count by date received, per regime, officer and department.
    index('cases_department_due').on(t.department, t.dueDate),
    index('cases_regime_received').on(t.regime, t.received),
    index('cases_officer_received').on(t.officer, t.received),
    index('cases_department_received').on(t.department, t.received),
    // The statistics' figures read only these indexes, never a case's row (a row holds the request
    // text, so a pass over the rows reads the whole file): by date received (the counts, outcomes,
    // months), by date responded (answered by month, the backlog, the burn-down's answers) and by
    // due date (the burn-down's past due). See db/queries/stats.ts.
    index('cases_stats_received').on(
      t.regime,
      t.received,
      t.dueDate,
      t.statutoryDue,
      t.responded,
      t.status,
      t.outcome,
      t.officer,
      t.department,
      t.lateReason,
    ),
    index('cases_stats_responded').on(
      t.regime,
      t.responded,
      t.dueDate,
      t.received,
      t.status,
      t.outcome,
      t.officer,
      t.department,
    ),
    index('cases_stats_due').on(t.regime, t.dueDate, t.responded, t.status, t.officer, t.department),
    // The cases still without a statutory due date, which every unlock looks for (normally none):
    // found in this empty index, not by scanning a covering index of every case.
    index('cases_statutory_due_missing')
      .on(t.id)
      .where(sql`statutory_due IS NULL AND due_date IS NOT NULL`),
    // The complaints to the Commissioner, counted by date received without reading a row.
    index('cases_stats_commissioner')
      .on(t.regime, t.received, t.commissionerDecision, t.officer, t.department)
      .where(sql`commissioner_complaint_received IS NOT NULL`),
  ],
);

/** Questions nest (1 → 1.1 → 1.2); `position` keeps the order the officer set among siblings. */
export const questions = sqliteTable(
  'questions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    parentId: integer('parent_id'),
    position: integer('position').notNull(),
    number: text('number').notNull(),
    text: text('text').notNull(),
    /**
     * The question's stable id in the contract (CaseDetail, `cases:set-response`): made once, kept
     * when the questions are renumbered or saved again (the row id is not: saving the questions
     * writes their rows anew). Never part of the interchange files.
     */
    key: text('key').notNull().default(''),
  },
  (t) => [
    index('questions_case').on(t.caseId, t.parentId, t.position),
    uniqueIndex('questions_case_key').on(t.caseId, t.key),
  ],
);

export const responses = sqliteTable('responses', {
  questionId: integer('question_id')
    .primaryKey()
    .references(() => questions.id, { onDelete: 'cascade' }),
  outcome: text('outcome', { enum: QUESTION_OUTCOMES }).notNull(),
  heldStatement: text('held_statement'),
  seeQuestion: text('see_question'),
  link: text('link'),
  text: text('text'),
  footnotes: text('footnotes', { mode: 'json' }).$type<string[]>(),
});

export const appliedExemptions = sqliteTable(
  'applied_exemptions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    questionId: integer('question_id')
      .notNull()
      .references(() => questions.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    provision: text('provision').notNull(),
    title: text('title'),
    likelihood: text('likelihood', { enum: LIKELIHOODS }),
    reason: text('reason').notNull(),
    /** Null when no public interest test is recorded (absolute exemptions need none). */
    piConclusion: text('pi_conclusion'),
  },
  (t) => [index('exemptions_question').on(t.questionId, t.position)],
);

export const publicInterestFactors = sqliteTable(
  'public_interest_factors',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    exemptionId: integer('exemption_id')
      .notNull()
      .references(() => appliedExemptions.id, { onDelete: 'cascade' }),
    side: text('side', { enum: ['for-disclosure', 'for-withholding'] }).notNull(),
    position: integer('position').notNull(),
    text: text('text').notNull(),
  },
  (t) => [index('factors_exemption').on(t.exemptionId, t.side, t.position)],
);

/** Clock stops, extensions and status changes, in the order they happened. */
export const caseEvents = sqliteTable(
  'case_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    type: text('type', { enum: CLOCK_EVENT_TYPES }).notNull(),
    date: text('date').notNull(),
    until: text('until'),
    months: integer('months'),
    /** SAR clock stops: what is awaited (clarification, identity or fee); it decides how the clock restarts. */
    awaiting: text('awaiting', { enum: ['clarification', 'identity', 'fee'] }),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    index('events_case').on(t.caseId, t.date),
    // The statistics find the cases with an event of a type (db/queries/stats.ts), index only.
    index('events_type_case').on(t.type, t.caseId),
  ],
);

/** Who changed what, when, with the old and new value. Never updated, only appended. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: timestamp('at'),
    actor: text('actor').notNull(),
    caseId: integer('case_id'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    field: text('field'),
    oldValue: text('old_value'),
    newValue: text('new_value'),
  },
  (t) => [index('audit_case').on(t.caseId, t.id)],
);

/** Saved versions of a case's letters; the sent version is locked. */
export const letterVersions = sqliteTable(
  'letter_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    templateId: text('template_id').notNull(),
    version: integer('version').notNull(),
    document: text('document', { mode: 'json' }).notNull(),
    /** A hash of the case data the letter was generated from, to warn before regenerating over edits. */
    sourceHash: text('source_hash'),
    edited: integer('edited', { mode: 'boolean' }).notNull().default(false),
    sentAt: text('sent_at'),
    createdAt: createdAt(),
  },
  (t) => [index('letters_case').on(t.caseId, t.templateId, t.version)],
);

/**
 * Unsaved edits kept when the file was locked (idle or Ctrl+L), offered back after unlocking. Here,
 * in the encrypted file, because it is case text: the page keeps nothing of it anywhere else.
 * `key` names the form ("letter:12", "answer:12:0.1"); a newer draft of the same form replaces it.
 */
export const drafts = sqliteTable('drafts', {
  key: text('key').primaryKey(),
  caseId: integer('case_id').references(() => cases.id, { onDelete: 'cascade' }),
  label: text('label').notNull(),
  content: text('content', { mode: 'json' }).notNull(),
  savedAt: timestamp('saved_at'),
});

/** Closed cases the officer chose for the disclosure log (issue #14): a row while it is chosen. */
export const disclosureChoices = sqliteTable('disclosure_choices', {
  caseId: integer('case_id')
    .primaryKey()
    .references(() => cases.id, { onDelete: 'cascade' }),
  chosenAt: timestamp('chosen_at'),
  chosenBy: text('chosen_by').notNull(),
});

/**
 * The officer's decision about each possible piece of personal data the check found in a case
 * for the log (shared/personal-data.ts findingKey): remove it, or keep it as not personal data.
 */
export const disclosureDecisions = sqliteTable(
  'disclosure_decisions',
  {
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    finding: text('finding').notNull(),
    action: text('action', { enum: ['remove', 'keep'] }).notNull(),
    decidedAt: timestamp('decided_at'),
    decidedBy: text('decided_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.finding] })],
);

/**
 * Files kept with a case (the request email, disclosed documents, the signed letter), their bytes
 * in the encrypted file itself: never a copy beside it. Limits in shared/attachment-rules.ts.
 */
export const attachments = sqliteTable(
  'attachments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ATTACHMENT_KINDS }).notNull(),
    name: text('name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    data: blob('data', { mode: 'buffer' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('attachments_case').on(t.caseId, t.id)],
);

/** Where a case logged from an email came from: duplicates are found by its Message-ID. */
export const caseEmails = sqliteTable(
  'case_emails',
  {
    caseId: integer('case_id')
      .primaryKey()
      .references(() => cases.id, { onDelete: 'cascade' }),
    messageId: text('message_id'),
    fromAddress: text('from_address'),
    /** Sent through WhatDoTheyKnow: the reply will be published there. */
    whatDoTheyKnow: integer('what_do_they_know', { mode: 'boolean' }).notNull().default(false),
    /** What the officer should know about the source ("the reply will be published …"). */
    note: text('note'),
    /** The Date header as an instant (ISO), beside the UK date the case was received on. */
    sentAt: text('sent_at'),
  },
  (t) => [index('case_emails_message_id').on(t.messageId)],
);

/**
 * The s12 estimate worksheet of a case (shared/s12.ts): the officer's advice and assistance, its
 * rows of permitted activities in whole minutes, and the other cases whose estimates it aggregates
 * (Fees Regulations 2004 reg 5). A row per activity or per question.
 */
export const s12Worksheets = sqliteTable('s12_worksheets', {
  caseId: integer('case_id')
    .primaryKey()
    .references(() => cases.id, { onDelete: 'cascade' }),
  advice: text('advice'),
  updatedAt: timestamp('updated_at'),
  updatedBy: text('updated_by').notNull(),
});

export const s12Rows = sqliteTable(
  's12_rows',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => s12Worksheets.caseId, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    activity: text('activity', { enum: S12_ACTIVITIES }).notNull(),
    minutes: integer('minutes').notNull(),
    /** FOISA only: this member of staff's hourly cost in pence (at most £15); null is the team's rate. */
    ratePence: integer('rate_pence'),
    question: text('question'),
    description: text('description'),
  },
  (t) => [index('s12_rows_case').on(t.caseId, t.position)],
);

export const s12Aggregations = sqliteTable(
  's12_aggregations',
  {
    caseId: integer('case_id')
      .notNull()
      .references(() => s12Worksheets.caseId, { onDelete: 'cascade' }),
    otherCaseId: integer('other_case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.otherCaseId] }),
    index('s12_aggregations_other').on(t.otherCaseId),
  ],
);

/**
 * The team's standard answers (issue #14, part 3): wording reused across requests, kept in the
 * encrypted file with the cases. Rules in shared/standard-answers.ts.
 */
export const standardAnswers = sqliteTable(
  'standard_answers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    title: text('title').notNull(),
    text: text('text').notNull(),
    tags: text('tags', { mode: 'json' }).$type<string[]>().notNull(),
    regime: text('regime', { enum: REGIMES }),
    /** The exemption it goes with ("FOIA s40(2)"), or null. */
    provision: text('provision'),
    reviewedOn: text('reviewed_on').notNull(),
    addedBy: text('added_by').notNull(),
    createdAt: createdAt(),
    updatedAt: text('updated_at'),
  },
  (t) => [index('standard_answers_title').on(t.title)],
);

/**
 * Contributor tasks (issue 14): the team's departments, whom a case's questions are asked of, and
 * each task's state. A task names its questions by their stable keys (questions.key), not their
 * row ids, which a save of the questions writes anew; no keys means the whole case.
 */
export const departments = sqliteTable(
  'departments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    contactName: text('contact_name').notNull(),
    email: text('email').notNull(),
    escalationName: text('escalation_name'),
    escalationEmail: text('escalation_email'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [uniqueIndex('departments_name_unique').on(t.name)],
);

export const contributorTasks = sqliteTable(
  'contributor_tasks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    questionKeys: text('question_keys', { mode: 'json' }).$type<string[]>().notNull(),
    asked: text('asked').notNull(),
    internalDue: text('internal_due').notNull(),
    status: text('status', { enum: CONTRIBUTOR_STATUSES }).notNull(),
    /** What the officer asked, in their words (goes into the email to the department). */
    note: text('note'),
    includeRequester: integer('include_requester', { mode: 'boolean' }).notNull().default(false),
    reply: text('reply'),
    answered: text('answered'),
    createdAt: createdAt(),
  },
  (t) => [
    index('contributor_tasks_case').on(t.caseId, t.status),
    // The queue's "waiting on departments": the open tasks' cases, from the index alone.
    index('contributor_tasks_status_case').on(t.status, t.caseId),
  ],
);

/** Each chaser the officer drafted for a task, in order: the schedule counts them. */
export const contributorChases = sqliteTable(
  'contributor_chases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    taskId: integer('task_id')
      .notNull()
      .references(() => contributorTasks.id, { onDelete: 'cascade' }),
    date: text('date').notNull(),
    kind: text('kind', { enum: CHASE_KINDS }).notNull(),
    toAddress: text('to_address').notNull(),
    messageId: text('message_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('contributor_chases_task').on(t.taskId, t.id)],
);

/**
 * Sign-off (issue #14): each step of a letter version's approval, never updated, only appended
 * (shared/sign-off.ts reads where a version stands from them). `fingerprint` is what the letter
 * and the case's answers were at that step, so an approval lapses when either changes.
 */
export const signOffSteps = sqliteTable(
  'sign_off_steps',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    versionId: integer('version_id')
      .notNull()
      .references(() => letterVersions.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: SIGN_OFF_STEP_KINDS }).notNull(),
    actor: text('actor').notNull(),
    approver: text('approver'),
    comment: text('comment'),
    fingerprint: text('fingerprint').notNull(),
    at: timestamp('at'),
  },
  (t) => [
    index('sign_off_steps_case').on(t.caseId, t.id),
    index('sign_off_steps_version').on(t.versionId, t.id),
  ],
);

/**
 * Retention (issue #14): the cases anonymised under the retention schedule, so they leave the
 * "due for review" list and keep counting in the statistics. A deleted case leaves no row anywhere
 * (its one trace is the `disposed` audit entry, which holds no personal data).
 */
export const caseAnonymised = sqliteTable('case_anonymised', {
  caseId: integer('case_id')
    .primaryKey()
    .references(() => cases.id, { onDelete: 'cascade' }),
  anonymisedAt: timestamp('anonymised_at'),
  anonymisedBy: text('anonymised_by').notNull(),
});

export const schemaTables = {
  organisation,
  settings,
  officers,
  addedHolidays,
  requesters,
  cases,
  questions,
  responses,
  appliedExemptions,
  publicInterestFactors,
  caseEvents,
  auditLog,
  letterVersions,
  drafts,
  disclosureChoices,
  disclosureDecisions,
  attachments,
  caseEmails,
  s12Worksheets,
  s12Rows,
  s12Aggregations,
  standardAnswers,
  signOffSteps,
  departments,
  contributorTasks,
  contributorChases,
  caseAnonymised,
};
