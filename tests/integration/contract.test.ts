/**
 * Every channel of the contract refuses malformed input with a validation error and changes
 * nothing, through the handlers and through the HTTP bridge; the bridge refuses requests without
 * its token or from another origin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { openCaseFile } from '../../db/case-file';
import { CHANNEL_NAMES, type Channel, type Envelope } from '../../shared/contract';
import type { CaseRecord } from '../../shared/case-format';
import { REGIMES } from '../../shared/case-format';
import { DeskApp } from '../../main/services/app';
import { createHandlers, type Handlers } from '../../main/services/handlers';
import { startBridge, type Bridge } from '../../main/bridge/server';
import { makeTempDir, PASSPHRASE, readFixture, dumpCaseFile } from '../helpers';

const record = JSON.parse(readFixture('foi-4951.case.json')) as CaseRecord;
const draft = {
  reference: record.reference,
  regime: record.regime,
  received: record.received,
  requester: record.requester,
  subject: record.subject,
  requestText: record.requestText,
  questions: record.questions,
};

/** Payloads no channel may accept. */
const GENERIC_BAD: unknown[] = [
  undefined,
  null,
  0,
  'text',
  [],
  true,
  { unexpected: 1 },
  JSON.parse('{"__proto__":{"x":1}}'),
];

/** A letter as the editor saves it, to make wrong ones from. */
const letter = {
  meta: {
    reference: 'FOI 4951',
    ourRef: 'FOI 4951',
    date: '2021-11-11',
    dateText: '11 November 2021',
    regime: 'FOIA',
    templateId: 'refusal',
    title: 'Refusal notice',
    fileName: 'FOI 4951 - Refusal notice - 2021-11-11.docx',
    recipientLines: ['Requester'],
    warnings: [],
  },
  body: {
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Dear Requester' }] }],
  },
};
const withBody = (content: unknown[]) => ({ ...letter, body: { type: 'doc', content } });
/** Lists nested inside lists, `levels` deep: more than any letter a person writes. */
function nestedLists(levels: number): unknown {
  let node: unknown = { type: 'paragraph' };
  for (let i = 0; i < levels; i++) {
    node = { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }, node] }] };
  }
  return node;
}
/** A question with a part of a part of a part…, `levels` deep (the app keeps three). */
function deepQuestions(levels: number): unknown[] {
  let q: Record<string, unknown> = { number: String(levels), text: 'deepest' };
  for (let level = levels - 1; level >= 1; level--) q = { number: String(level), text: 'q', parts: [q] };
  return [q];
}
const template = {
  id: 'refusal',
  name: 'Refusal notice (s17)',
  title: 'Refusal notice',
  regimes: ['FOIA'],
  blocks: [{ kind: 'answers' }],
};

/** Payloads that are wrong for one channel; typed by channel so a new channel cannot be forgotten. */
const SPECIFIC_BAD: Record<Channel, unknown[]> = {
  'session:status': [{ active: 'yes' }],
  'session:create': [
    {},
    { path: '', passphrase: Buffer.from('long enough passphrase') },
    { path: 'x.foidesk', passphrase: Buffer.from('short') },
    { path: 'x.foidesk', passphrase: 42 },
    { path: 'a\0b', passphrase: Buffer.from('long enough passphrase') },
  ],
  'session:open': [
    {},
    { path: 42, passphrase: Buffer.from(PASSPHRASE) },
    { path: 'x.foidesk' },
    { path: 'x', passphrase: Buffer.from('') },
  ],
  'session:lock': [{ now: true }],
  'session:forget-recent': [{}, { path: '' }],
  'cases:list': [
    {},
    { view: 'open', offset: -1, limit: 10 },
    { view: 'open', offset: 0, limit: 0 },
    { view: 'open', offset: 0, limit: 100000 },
    { view: 'mine', offset: 0, limit: 10 },
    { view: 'open', offset: 0, limit: 10, regime: 'GDPR' },
    { view: 'open', offset: 0, limit: 10, search: 'x'.repeat(201) },
    { view: 'open', offset: 0.5, limit: 10 },
    { view: 'open', offset: 0, limit: 10, sort: 'subject' },
  ],
  'cases:facets': [{ all: true }],
  'cases:get': [{}, { id: 0 }, { id: -1 }, { id: 1.5 }, { id: '1' }],
  'cases:create': [
    {},
    { draft: {} },
    { draft: { ...draft, received: '2021-02-30' } },
    { draft: { ...draft, regime: 'GDPR' } },
    { draft: { ...draft, reference: '' } },
    { draft: { ...draft, subject: ' ' } },
    { draft: { ...draft, requester: { name: '' } } },
    { draft: { ...draft, questions: [{ number: '1' }] } },
    { draft: { ...draft, status: 'closed' } },
    { draft: { ...draft, reference: 'FOI\u0007 1' } },
    { draft: { ...draft, questions: deepQuestions(4) } },
    { draft: { ...draft, questions: deepQuestions(1_200) } },
  ],
  'cases:update': [
    {},
    { id: 1 },
    { id: 1, patch: { status: 'finished' } },
    { id: 1, patch: { received: '11/11/2021' } },
    { id: 1, patch: { outcome: 'refused-ish' } },
    { id: 1, patch: { dueDate: '2030-01-01' } },
    { id: 1, patch: { subject: 'x'.repeat(501) } },
  ],
  'cases:set-questions': [
    { id: 1 },
    { id: 1, questions: [{ text: 'no number' }] },
    { id: 1, questions: 'a' },
    { id: 1, questions: deepQuestions(4) },
    { id: 1, questions: deepQuestions(1_200) },
    { id: 1, questions: [{ id: 7, number: '1', text: 'a number for an id' }] },
    {
      id: 1,
      questions: [{ number: '1', text: 'x', parts: [{ id: 'not-an-id', number: '1.1', text: 'y' }] }],
    },
  ],
  'cases:set-response': [
    { id: 1, questionId: '', response: null },
    { id: 1, questionId: 'a'.repeat(32), response: { outcome: 'maybe' } },
    { id: 1, path: [0], response: null },
    {
      id: 1,
      questionId: 'a'.repeat(32),
      response: { outcome: 'exempt', exemptions: [{ provision: '', reason: '' }] },
    },
    { id: 1, questionId: 'A question', response: null },
  ],
  'cases:add-event': [
    { id: 1 },
    { id: 1, event: { type: 'holiday', date: '2021-11-12' } },
    { id: 1, event: { type: 'fee-paid', date: '2021-13-01' } },
    { id: 1, event: { type: 'sar-extension', date: '2021-11-12', months: 3 } },
  ],
  'cases:remove-event': [{ id: 1 }, { id: 1, eventId: 'x' }],
  'cases:similar': [{}, { id: 0 }, { id: 1, limit: 0 }, { id: 1, limit: 51 }, { id: 1, text: 'x' }],
  'disclosure:choice': [{}, { caseId: 0 }],
  'disclosure:choose': [{ caseId: 1 }, { caseId: 1, chosen: 'yes' }],
  'cases:set-commissioner': [
    { id: 1 },
    { id: 1, complaintReceived: '2025-02-30', decision: null, decisionRef: null },
    { id: 1, complaintReceived: '2025-02-03', decision: 'rejected', decisionRef: null },
    { id: 1, complaintReceived: null, decision: null, decisionRef: 'x'.repeat(100_000) },
  ],
  'disclosure:preview': [{ from: '2026-01-01' }, { from: '2026-02-30', to: '2026-03-01' }],
  'disclosure:decide': [{ from: '2026-01-01', to: '2026-02-01', caseId: 1, key: 'x', action: 'delete' }],
  'disclosure:export': [{ from: '2026-01-01', to: '2026-02-01', format: 'pdf' }],
  'cases:next-reference': [{ format: 'FOI {n}' }, { regime: 'GDPR' }],
  'sign-off:status': [{}, { caseId: 0 }],
  'sign-off:request': [{ versionId: 1 }, { versionId: 1, approver: 'x'.repeat(121) }, { approver: 'A' }],
  'sign-off:approve': [{}, { versionId: 'x' }],
  'sign-off:return': [{ versionId: 1 }, { versionId: 1, comment: 'x'.repeat(4001) }],
  'sign-off:set-sensitive': [{ caseId: 1 }, { caseId: 1, sensitive: 'yes' }],
  'sign-off:policy': [{ regimes: [] }],
  'sign-off:save-policy': [
    {},
    { policy: { regimes: ['GDPR'], sensitive: false } },
    { policy: { regimes: [], sensitive: 'no' } },
  ],
  'clock:preview': [
    {},
    { regime: 'FOIA' },
    { regime: 'FOIA', received: '2021-11-31' },
    { regime: 'X', received: '2021-11-11' },
  ],
  'settings:get': [{ key: 'x' }],
  'settings:save': [
    {},
    { settings: { referenceFormat: 'FOI' } },
    { settings: { referenceFormats: { EIR: 'EIR' } } },
    { settings: { referenceFormats: { GDPR: 'SAR {n}' } } },
    { settings: { idleLockMinutes: -1 } },
    { settings: { internalTargetDay: 99 } },
    { settings: { unknownSetting: 1 } },
  ],
  'settings:save-organisation': [
    {},
    { organisation: { name: 'Trust' } },
    { organisation: { format: 'foi-desk/organisation@1', name: '', addressLines: [] } },
  ],
  'settings:save-officer': [
    {},
    { name: '', title: '', active: true },
    { name: 'A', title: 'B', active: 'yes' },
    { id: 0, name: 'A', title: 'B', active: true },
    { name: 'A', title: 'B', initials: 'A1', active: true },
    { name: 'A', title: 'B', initials: 'ABCDEFGHIJ', active: true },
  ],
  'letters:redate': [
    {},
    { versionId: 1 },
    { versionId: 1, date: '2021-02-30' },
    { versionId: 0, date: '2021-02-01' },
  ],
  'settings:save-logo': [{}, { base64: 42 }, { base64: 'x'.repeat(800_000) }],
  'settings:add-holiday': [
    {},
    { date: '2026-02-30', name: 'x' },
    { date: '2026-06-01', name: '' },
    { date: '2026-06-01', name: 'x', jurisdictions: ['wales'] },
  ],
  'settings:remove-holiday': [{}, { date: 'tomorrow' }],
  'letters:templates': [{ caseId: 0 }, { caseId: '1' }, { caseId: 1, regime: 'FOIA' }],
  'letters:list': [{}, { caseId: -1 }],
  'letters:get': [{}, { versionId: 1.5 }, { id: 1 }],
  'letters:generate': [
    {},
    { caseId: 1 },
    { caseId: 1, templateId: '' },
    { caseId: 1, templateId: 'Refusal notice' },
    { caseId: 1, templateId: 'refusal', date: '2021-02-30' },
    { caseId: 1, templateId: 'refusal', replaceEdits: 'yes' },
  ],
  'letters:save': [
    { versionId: 1 },
    { versionId: 1, document: 'Dear Requester' },
    { versionId: 1, document: { meta: {}, body: {} } },
    { versionId: 1, document: { ...letter, extra: true } },
    { versionId: 1, document: withBody([]) },
    { versionId: 1, document: withBody([{ type: 'image', attrs: { src: 'file:///etc/passwd' } }]) },
    { versionId: 1, document: withBody([{ type: 'paragraph', content: [{ type: 'text', text: '' }] }]) },
    {
      versionId: 1,
      document: withBody([
        { type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'script' }] }] },
      ]),
    },
    { versionId: 1, document: withBody([{ type: 'heading', attrs: { level: 9 } }]) },
    { versionId: 1, document: withBody([{ type: 'paragraph', attrs: { role: 'footer' } }]) },
    { versionId: 1, document: withBody([{ type: 'bulletList', content: [] }]) },
    { versionId: 1, document: withBody([nestedLists(60)]) },
    {
      versionId: 1,
      document: withBody([{ type: 'paragraph', content: [{ type: 'footnote', attrs: { text: 7 } }] }]),
    },
    {
      versionId: 1,
      document: withBody(
        Array.from({ length: 3 }, () => ({
          type: 'paragraph',
          content: [{ type: 'text', text: 'x'.repeat(1_500_000) }],
        })),
      ),
    },
  ],
  'letters:mark-sent': [{}, { versionId: 0 }],
  'letters:render-docx': [{}, { versionId: 'a' }],
  'letters:export-docx': [
    { versionId: 1 },
    { versionId: 1, path: '' },
    { versionId: 1, path: 'letter.txt' },
    { versionId: 1, path: '.bashrc' },
    { versionId: 1, path: 'a\0b.docx' },
  ],
  'letters:library': [{ all: true }],
  'letters:save-template': [
    {},
    { template: {} },
    { template: { ...template, id: 'Bad Id' } },
    { template: { ...template, blocks: [] } },
    { template: { ...template, blocks: [{ kind: 'macro' }] } },
    { template: { ...template, regimes: ['GDPR'] } },
    { template: { ...template, layout: 'sideways' } },
  ],
  'letters:reset-template': [{}, { id: '' }, { id: '../refusal' }],
  'letters:save-paragraph': [
    {},
    { paragraph: { id: 'complaint', name: 'Complaint' } },
    { paragraph: { id: 'complaint', name: 'Complaint', text: 'x'.repeat(20_001) } },
    { paragraph: { id: 'complaint', name: 'Complaint', text: 'x', variants: { GDPR: 'y' } } },
    { paragraph: { id: 'complaint', name: ' ', text: 'x' } },
  ],
  'letters:reset-paragraph': [{}, { id: 'A B' }],
  'dialog:save-path': [
    {},
    { suggestedName: 'letter.docx' },
    { suggestedName: '../letter.docx', kind: 'docx' },
    { suggestedName: 'letter.exe', kind: 'exe' },
    { suggestedName: ' ', kind: 'docx' },
  ],
  'drafts:save': [
    {},
    { key: 'Letter 1', caseId: 1, label: 'the letter', content: {} },
    { key: 'letter:1', caseId: 1, label: ' ', content: {} },
    { key: 'letter:1', caseId: 0, label: 'the letter', content: {} },
    { key: 'letter:1', label: 'the letter', content: { text: 'x'.repeat(4_000_001) } },
    { key: 'letter:1', label: 'the letter', content: nestedLists(200) },
    { key: 'letter:1', label: 'the letter', content: {}, extra: true },
  ],
  'drafts:list': [{ all: true }],
  'drafts:discard': [{}, { key: '' }, { key: 'a'.repeat(201) }],
  'stats:figures': [
    {},
    { from: '2026-02-31', to: '2026-03-31' },
    { from: '2026-01-01', to: '2026-03-31', regime: 'GDPR' },
    { from: '2026-01-01', to: '2026-03-31', extra: 1 },
  ],
  'stats:cases': [
    { from: '2026-01-01', to: '2026-03-31' },
    { from: '2026-01-01', to: '2026-03-31', figure: 'everything' },
    { from: '2026-01-01', to: '2026-03-31', figure: 'received', month: '2026-1' },
  ],
  'stats:export': [
    { selection: { from: '2026-01-01', to: '2026-03-31' }, format: 'csv' },
    { selection: { from: '2026-01-01', to: '2026-03-31' }, format: 'csv', path: '' },
    { selection: { from: '2026-01-01', to: '2026-03-31' }, format: 'pdf', path: '/tmp/x.pdf' },
  ],
  'stats:render': [
    { selection: { from: '2026-01-01', to: '2026-03-31' }, format: 'pdf' },
    {
      selection: { from: '2026-01-01', to: '2026-03-31' },
      format: 'docx',
      charts: [{ title: 'x', png: '<svg>' }],
    },
  ],
  'backup:status': [{ verbose: true }],
  'backup:create': [{}, { folder: '' }, { folder: 7 }],
  'backup:progress': [{ phase: 'copying' }],
  'integrity:status': [{ full: true }],
  'integrity:check': [{ now: true }],
  'backup:inspect': [
    {},
    { path: 'x.foidesk' },
    { path: '', passphrase: Buffer.from('p') },
    { path: 'x', passphrase: Buffer.from('') },
  ],
  'backup:restore': [
    {},
    { backupPath: 'a.foidesk', passphrase: Buffer.from('p') },
    { backupPath: 'a.foidesk', targetPath: 'a\0b', passphrase: Buffer.from('p') },
    { backupPath: 'a.foidesk', targetPath: 'b.foidesk', passphrase: Buffer.from('p'), extra: true },
  ],
  'intake:read-email': [{}, { uploadId: 'x' }, { uploadId: 'a'.repeat(32), regime: 'GDPR' }],
  'intake:log-email': [
    {},
    { intakeId: 'a'.repeat(32), draft },
    { intakeId: 'a'.repeat(32), draft: {}, keep: [] },
    { intakeId: 'a'.repeat(32), draft, keep: [-1] },
    { intakeId: 'a'.repeat(32), draft, keep: [], allowDuplicate: 'yes' },
  ],
  'intake:discard': [{}, { intakeId: '../x' }],
  'attachments:list': [{}, { caseId: 0 }],
  'attachments:add': [
    {},
    { caseId: 1, uploadIds: [], kind: 'attachment' },
    { caseId: 1, uploadIds: ['a'.repeat(32)], kind: 'video' },
  ],
  'attachments:remove': [{}, { id: 1 }, { id: 1, confirm: false }],
  'attachments:download': [{}, { id: 'one' }],
  'attachments:export': [{}, { id: 1 }, { id: 1, path: 'a\0b' }],
  'dialog:open-file': [{}, { kind: 'video' }, { kind: 'email', multiple: 'yes' }],
  'dialog:open-path': [{}, { kind: 'anywhere' }],
  'import:sheet-open': [
    {},
    { name: '', data: '' },
    { name: 'log.xlsx', data: 7 },
    { name: 'log.xlsx', data: '', extra: 1 },
  ],
  'import:sheet-preview': [
    {},
    { token: 'nope', mapping: [] },
    { token: '0'.repeat(32), mapping: ['not-a-field'] },
    { token: '0'.repeat(32), mapping: [], defaultRegime: 'FOI' },
  ],
  'import:sheet-run': [
    {},
    { token: '0'.repeat(32), mapping: [] },
    { token: '0'.repeat(32), mapping: [], mode: 'some' },
  ],
  'import:sheet-close': [{}, { token: 12 }],
  'import:progress': [{ extra: true }],
  's12:get': [{}, { caseId: 0 }, { caseId: 1, extra: true }],
  's12:save': [
    { caseId: 1, rows: [], aggregatedCaseIds: [] },
    { caseId: 1, rows: [{ activity: 'locating', minutes: -1 }], aggregatedCaseIds: [], advice: '' },
    { caseId: 1, rows: [{ activity: 'locating', minutes: 1.5 }], aggregatedCaseIds: [], advice: '' },
    { caseId: 1, rows: [{ activity: 'locating', minutes: 60_001 }], aggregatedCaseIds: [], advice: '' },
    { caseId: 1, rows: [{ activity: '', minutes: 1 }], aggregatedCaseIds: [], advice: '' },
    { caseId: 1, rows: [], aggregatedCaseIds: [0], advice: '' },
    { caseId: 1, rows: [], aggregatedCaseIds: [], advice: 'x'.repeat(4001) },
  ],
  // The standard answers library.
  'answers:list': [{ search: 1 }, { regime: 'GDPR' }, { limit: 0 }, { search: 'x'.repeat(201) }],
  'answers:suggest': [
    { caseId: 1 },
    { caseId: 1, questionId: 'q1' },
    { caseId: 0, questionId: 'a'.repeat(32) },
  ],
  'answers:save': [
    {},
    { entry: { title: 'T', text: 'x' } },
    { entry: { title: 'T', text: 'x', tags: [], regime: 'GDPR', provision: null } },
    { entry: { title: 'T', text: 'x', tags: [], regime: null, provision: null, extra: 1 } },
    { entry: { title: 'T', text: 'x'.repeat(40_001), tags: [], regime: null, provision: null } },
    { id: 0, entry: { title: 'T', text: 'x', tags: [], regime: null, provision: null } },
  ],
  'answers:review': [{}, { id: 'x' }],
  'answers:remove': [{ id: 1 }, { id: 1, confirm: false }],
  'contributors:settings': [{ extra: true }],
  'contributors:save-settings': [
    {},
    { settings: { internalDueDays: 0, chaseIntervalDays: 3 } },
    { settings: { internalDueDays: 5, chaseIntervalDays: 1.5 } },
  ],
  'contributors:save-department': [
    {},
    { department: { name: 'IT', contactName: 'A', email: 'not an email', active: true } },
    { department: { name: 'IT', contactName: 'A\nBcc: x@y.z', email: 'a@b.nhs.uk', active: true } },
    { department: { name: 'IT', contactName: 'A', email: 'a@b.nhs.uk', escalationName: 'B', active: true } },
  ],
  'contributors:list': [{}, { caseId: 0 }],
  'contributors:ask': [
    {},
    { caseId: 1, departmentId: 1 },
    { caseId: 1, departmentId: 1, questionIds: ['1'] },
    { caseId: 1, departmentId: 1, questionIds: [], internalDue: '2026-02-30' },
  ],
  'contributors:draft': [{}, { taskId: 1, kind: 'later' }],
  'contributors:chase': [{}, { taskId: 1, kind: 'next' }, { taskId: 1, kind: 'next', as: 'smtp' }],
  'contributors:chase-export': [
    {},
    { taskId: 1, kind: 'next', path: 'a.docx' },
    { taskId: 1, kind: 'next', path: 'a\0b.eml' },
  ],
  'contributors:record-reply': [{}, { taskId: 1, reply: '   ' }, { taskId: 1, reply: 'ok', date: 'today' }],
  'contributors:copy-reply': [
    {},
    { taskId: 1, questionId: 'a'.repeat(32) },
    { taskId: 1, questionId: 'a'.repeat(32), mode: 'overwrite' },
  ],
  'retention:schedule': [{ extra: true }],
  'retention:save-schedule': [
    {},
    { schedule: { FOIA: { years: 3, yearsIfAppealed: 6 } } },
    { schedule: Object.fromEntries(REGIMES.map((r) => [r, { years: 6, yearsIfAppealed: 3 }])) },
    { schedule: Object.fromEntries(REGIMES.map((r) => [r, { years: 0, yearsIfAppealed: 3 }])) },
  ],
  'retention:due': [{ asOf: '2026-02-30' }, { asOf: 5 }],
  'retention:dispose': [
    { caseId: 1, method: 'delete', confirmReference: 'FOI 1' },
    { caseId: 1, method: 'delete', confirmReference: 'FOI 1', confirm: false },
    { caseId: 1, method: 'shred', confirmReference: 'FOI 1', confirm: true },
    { caseId: 0, method: 'anonymise', confirmReference: 'FOI 1', confirm: true },
  ],
};

function isValidationError(reply: Envelope<unknown>): boolean {
  return !reply.ok && reply.error.code === 'validation';
}

/** Everything in the case file, table by table, read directly (the desk is locked first). */

describe('the contract refuses malformed input on every channel', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let handlers: Handlers;
  let desk: DeskApp;
  let file: string;

  beforeAll(async () => {
    temp = makeTempDir();
    file = path.join(temp.dir, 'cases.foidesk');
    desk = new DeskApp({ configDir: path.join(temp.dir, 'config'), actor: 'test' });
    handlers = createHandlers(desk);
    const created = await handlers['session:create']({ path: file, passphrase: Buffer.from(PASSPHRASE) });
    expect(created.ok).toBe(true);
    const made = await handlers['cases:create']({ draft });
    expect(made.ok).toBe(true);
    await handlers['settings:add-holiday']({ date: '2026-06-01', name: 'Added day' });
    await handlers['session:lock']({});
  });
  afterAll(async () => {
    await desk.enqueue(() => desk.lockNow());
    temp.cleanup();
  });

  it('has bad payloads listed for every channel', () => {
    expect(Object.keys(SPECIFIC_BAD).sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it('answers each with a validation error, writes nothing and keeps the session open', async () => {
    const before = dumpCaseFile(file);
    const filesBefore = readdirSync(temp.dir).sort();
    const opened = await handlers['session:open']({ path: file, passphrase: Buffer.from(PASSPHRASE) });
    expect(opened.ok).toBe(true);
    let checked = 0;
    for (const channel of CHANNEL_NAMES) {
      for (const payload of [...GENERIC_BAD, ...SPECIFIC_BAD[channel]]) {
        const reply = await handlers[channel](payload);
        expect(isValidationError(reply), `${channel} accepted ${JSON.stringify(payload)}`).toBe(true);
        if (!reply.ok) {
          expect(reply.error.message).not.toContain(PASSPHRASE);
          expect(reply.error.message).not.toMatch(/\n\s+at /);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(CHANNEL_NAMES.length * GENERIC_BAD.length);
    const status = await handlers['session:status']({});
    expect(status.ok && status.value.state).toBe('open');
    await handlers['session:lock']({});
    expect(readdirSync(temp.dir).sort()).toEqual(filesBefore);
    expect(dumpCaseFile(file)).toBe(before);
  });

  it('never echoes a passphrase in a validation message', async () => {
    const secret = 'x'.repeat(1025);
    const reply = await handlers['session:open']({ path: file, passphrase: Buffer.from(secret) });
    expect(isValidationError(reply)).toBe(true);
    expect(JSON.stringify(reply)).not.toContain(secret);
    const wrong = await handlers['session:open']({
      path: file,
      passphrase: Buffer.from('not the passphrase at all'),
    });
    expect(!wrong.ok && wrong.error.code).toBe('wrong-passphrase');
    expect(JSON.stringify(wrong)).not.toContain('not the passphrase at all');
  });
});

interface RawReply {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

function rawRequest(
  bridge: Bridge,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: bridge.port,
        method: options.method ?? 'POST',
        path: options.path,
        headers: options.headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            headers: res.headers,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('the HTTP bridge', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let bridge: Bridge;
  let file: string;

  const call = async (channel: string, payload: unknown, headers: Record<string, string> = {}) => {
    const res = await rawRequest(bridge, {
      path: `/api/${channel}`,
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${bridge.token}`,
        Origin: bridge.origin,
        'Sec-Fetch-Site': 'same-origin',
        ...headers,
      },
      body: payload === undefined ? '' : JSON.stringify(payload),
    });
    return { status: res.status, reply: JSON.parse(res.body) as Envelope<unknown>, headers: res.headers };
  };

  beforeAll(async () => {
    temp = makeTempDir();
    const renderRoot = path.join(temp.dir, 'renderer');
    mkdirSync(path.join(renderRoot, 'assets'), { recursive: true });
    writeFileSync(path.join(renderRoot, 'index.html'), '<!doctype html><title>FOI Desk</title>');
    writeFileSync(path.join(renderRoot, 'assets', 'app.js'), 'export {};');
    writeFileSync(path.join(temp.dir, 'secret.txt'), 'outside the renderer');
    bridge = await startBridge({
      port: 0,
      renderRoot,
      configDir: path.join(temp.dir, 'config'),
      desk: { actor: 'test' },
    });
    file = path.join(temp.dir, 'bridge.foidesk');
    const created = await call('session:create', {
      path: file,
      passphrase: Array.from(Buffer.from(PASSPHRASE)),
    });
    expect(created.reply.ok).toBe(true);
    expect((await call('cases:create', { draft })).reply.ok).toBe(true);
  });
  afterAll(async () => {
    await bridge.close();
    temp.cleanup();
  });

  it('gives the address with its token, on the loopback interface', () => {
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{40,}$/);
    expect(bridge.url).toContain(bridge.token);
  });

  it('answers the contract over POST /api/<channel>', async () => {
    const { status, reply, headers } = await call('cases:list', { view: 'open', offset: 0, limit: 10 });
    expect(status).toBe(200);
    expect(headers['cache-control']).toBe('no-store');
    expect(reply.ok).toBe(true);
    if (reply.ok) expect((reply.value as { total: number }).total).toBe(1);
  });

  it('refuses malformed input on every channel with a validation error, changing nothing', async () => {
    const before = await call('cases:get', { id: 1 });
    for (const channel of CHANNEL_NAMES) {
      for (const payload of [...GENERIC_BAD, ...SPECIFIC_BAD[channel]]) {
        const { status, reply } = await call(channel, payload);
        expect(status).toBe(200);
        expect(isValidationError(reply), `${channel} accepted ${JSON.stringify(payload)}`).toBe(true);
      }
    }
    const after = await call('cases:get', { id: 1 });
    expect(after.reply).toEqual(before.reply);
    const status = await call('session:status', {});
    expect(status.reply.ok && (status.reply.value as { state: string }).state).toBe('open');
  });

  it('refuses a request without the token, or with a wrong one (401)', async () => {
    const none = await rawRequest(bridge, {
      path: '/api/cases:list',
      headers: { 'Content-Type': 'application/json', Origin: bridge.origin },
      body: JSON.stringify({ view: 'open', offset: 0, limit: 10 }),
    });
    expect(none.status).toBe(401);
    expect(none.body).not.toContain('Cyber');
    const wrong = await call(
      'cases:list',
      { view: 'open', offset: 0, limit: 10 },
      { Authorization: 'Bearer not-the-token' },
    );
    expect(wrong.status).toBe(401);
    const bare = await call(
      'cases:list',
      { view: 'open', offset: 0, limit: 10 },
      { Authorization: bridge.token },
    );
    expect(bare.status).toBe(401);
  });

  it('refuses a request from another origin, even with the token (403)', async () => {
    const query = { view: 'open', offset: 0, limit: 10 };
    expect((await call('cases:list', query, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await call('cases:list', query, { Origin: 'null' })).status).toBe(403);
    expect((await call('cases:list', query, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await call('cases:list', query, { 'Sec-Fetch-Site': 'same-site' })).status).toBe(403);
    expect((await call('cases:list', query, { Host: `evil.example:${bridge.port}` })).status).toBe(403);
    const preflight = await rawRequest(bridge, {
      method: 'OPTIONS',
      path: '/api/cases:list',
      headers: { Origin: 'http://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses other methods, other content types, bad JSON and unknown channels', async () => {
    const headers = { Authorization: `Bearer ${bridge.token}`, Origin: bridge.origin };
    expect((await rawRequest(bridge, { method: 'GET', path: '/api/session:status', headers })).status).toBe(
      405,
    );
    expect(
      (
        await rawRequest(bridge, {
          path: '/api/session:status',
          headers: { ...headers, 'Content-Type': 'text/plain' },
          body: '{}',
        })
      ).status,
    ).toBe(415);
    expect(
      (
        await rawRequest(bridge, {
          path: '/api/session:status',
          headers: { ...headers, 'Content-Type': 'application/json' },
          body: '{',
        })
      ).status,
    ).toBe(400);
    const unknown = await call('cases:delete-everything', {});
    expect(unknown.status).toBe(404);
    expect(unknown.reply.ok).toBe(false);
  });

  it('serves the renderer with a strict CSP and nothing outside it', async () => {
    const page = await rawRequest(bridge, { method: 'GET', path: '/' });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect((await rawRequest(bridge, { method: 'GET', path: '/assets/app.js' })).status).toBe(200);
    expect((await rawRequest(bridge, { method: 'GET', path: '/../secret.txt' })).status).toBe(404);
    expect((await rawRequest(bridge, { method: 'GET', path: '/%2e%2e/secret.txt' })).status).toBe(404);
    expect(
      (await rawRequest(bridge, { method: 'GET', path: '/', headers: { Host: 'evil.example' } })).status,
    ).toBe(403);
  });

  it('locks the case file when it closes', async () => {
    const other = await startBridge({
      port: 0,
      renderRoot: path.join(temp.dir, 'renderer'),
      configDir: path.join(temp.dir, 'config2'),
    });
    const res = await rawRequest(other, {
      path: '/api/session:create',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${other.token}` },
      body: JSON.stringify({
        path: path.join(temp.dir, 'second.foidesk'),
        passphrase: Array.from(Buffer.from(PASSPHRASE)),
      }),
    });
    expect((JSON.parse(res.body) as Envelope<unknown>).ok).toBe(true);
    expect(other.desk.isOpen).toBe(true);
    await other.close();
    expect(other.desk.isOpen).toBe(false);
    // The file is free again: another process could open it.
    openCaseFile({ path: path.join(temp.dir, 'second.foidesk'), passphrase: PASSPHRASE }).close();
  });
});
