/**
 * The desk: what the app does for the officer, behind every transport (Electron IPC, the browser
 * bridge, the tests). It holds the session, that is the one open case file and the passphrase it
 * was opened with; locking closes the file, zeroes the held key material and drops every reference,
 * so nothing of the register stays in memory. No Electron import here.
 *
 * Calls are serialised: each runs after the one before it has finished, so an asynchronous backup
 * copy never interleaves with a write.
 */
import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { todayIso } from '../../shared/dates';
import {
  CASE_FORMAT,
  type CaseRecord,
  type Organisation,
  type QuestionData,
  type QuestionResponse,
} from '../../shared/case-format';
import {
  assessProgress,
  ClockInputError,
  type ClockEvent,
  type Deadline,
  type ExtraHoliday,
  type Progress,
} from '../../shared/clock';
import type {
  BackupCheck,
  BackupResult,
  RestoreResult,
  BackupStatus,
  CaseDetail,
  CaseDraft,
  CasePatch,
  ClockEventInput,
  ClockPreview,
  QueueFacets,
  QueuePage,
  QueueQuery,
  QueueRow,
  SessionStatus,
  SettingsBundle,
  TimelineEntry,
} from '../../shared/contract';
import type { Settings } from '../../shared/settings';
import { createCaseFile, inTransaction, openCaseFile, type CaseDb, type CaseFile } from '../../db/case-file';
import {
  getCaseRecord,
  getCaseRow,
  insertCaseRecord,
  listCaseEvents,
  loadQuestions,
  type CaseRow,
} from '../../db/queries/cases';
import { listAuditForCase, recordAudit } from '../../db/queries/audit';
import { getOrganisation, saveOrganisation } from '../../db/queries/organisation';
import { getSettings, saveSettings } from '../../db/queries/settings';
import {
  countQueue,
  listEventsForCases,
  listQueue,
  listQueueOfficers,
  type QueueFilter,
} from '../../db/queries/queue';
import {
  deleteAddedHoliday,
  deleteCaseEvent,
  getAddedHoliday,
  getOfficer,
  getRequester,
  insertAddedHoliday,
  insertCaseEvent,
  insertOfficer,
  listAddedHolidays,
  listOfficers,
  nextReference,
  referenceTaken,
  replaceQuestions,
  updateCaseColumns,
  updateOfficer,
  updateRequester,
  type CaseColumns,
} from '../../db/queries/case-edits';
import {
  deadlineFor,
  loadClockContext,
  recomputeAllDueDates,
  toClockEvents,
  type ClockContext,
} from './deadlines';
import {
  autoBackup,
  backupCaseFile,
  getLastBackup,
  restoreCaseFile,
  verifyCaseFile,
  type Progress as CopyProgress,
} from './backup';
import { currentActor } from './actor';
import { forgetRecentFile, loadRecentFiles, rememberRecentFile } from './recent-files';
import type {
  ExportedFile,
  LetterDocx,
  LetterLibrary,
  LetterTemplateChoices,
  LetterVersionSummary,
  LetterVersionView,
  SavePathRequest,
} from '../../shared/contract';
import type { LetterDocument } from '../../shared/letter/template';
import {
  defaultParagraph,
  defaultTemplate,
  listParagraphs,
  suggestTemplateId,
  type LetterTemplate,
  type StandardParagraph,
} from '../../templates/index';
import { getSettingValue, setSetting } from '../../db/queries/settings';
import {
  generateLetter,
  getLetter,
  listLetters,
  markLetterSent,
  PARAGRAPH_OVERRIDES_KEY,
  renderLetterFile,
  saveLetterEdits,
  TEMPLATE_OVERRIDES_KEY,
  templatesInForce,
} from './letters';
import { writeFileAtomic } from './files';

export interface DeskOptions {
  /** Where the recent-files list is kept (the app's config folder). */
  configDir: string;
  /** Who the audit log names; defaults to the operating-system user. */
  actor?: string;
  /** The clock the desk reads "today" from (tests fix it). */
  now?: () => Date;
  /** Folder suggested for a new case file; defaults to ~/Documents (or ~). */
  suggestedFolder?: string;
  /**
   * Asks the officer where to save a file (Electron's native dialog); null when they cancel.
   * Absent in the browser bridge, where the page downloads the file instead.
   */
  chooseSavePath?: (request: SavePathRequest) => Promise<string | null>;
}

interface Session {
  file: CaseFile;
  /** The passphrase as bytes, zeroed on lock; needed to verify backups. */
  key: Buffer;
  lastActive: number;
}

/** Held in the decrypted page cache while the file is open: searches over 50,000 cases stay fast. */
const PAGE_CACHE_KIB = 64 * 1024;

const OPEN_STATUSES = new Set(['open', 'clarification', 'on-hold']);

export class Desk {
  private session: Session | null = null;
  private tail: Promise<unknown> = Promise.resolve();
  private readonly actor: string;
  private readonly now: () => Date;

  constructor(private readonly options: DeskOptions) {
    this.actor = options.actor ?? currentActor('app');
    this.now = options.now ?? (() => new Date());
  }

  /** Runs `work` after every call queued before it has settled. */
  enqueue<T>(work: () => T | Promise<T>): Promise<T> {
    const run = this.tail.then(work, work);
    this.tail = run.catch(() => undefined);
    return run;
  }

  get isOpen(): boolean {
    return this.session !== null;
  }

  /** The officer did something: the idle lock starts counting again. */
  touch(): void {
    if (this.session) this.session.lastActive = this.now().getTime();
  }

  /** Locks the session when nothing happened for the team's idle time. Returns true if it locked. */
  async lockIfIdle(): Promise<boolean> {
    return this.enqueue(async () => {
      const session = this.session;
      if (!session) return false;
      const minutes = getSettings(session.file.db).idleLockMinutes;
      if (minutes <= 0 || this.now().getTime() - session.lastActive < minutes * 60_000) return false;
      await this.lockNow();
      return true;
    });
  }

  private get file(): CaseFile {
    if (!this.session) throw new AppError('locked', 'The case file is locked. Unlock it to continue.');
    return this.session.file;
  }

  private get db(): CaseDb {
    return this.file.db;
  }

  private today(): string {
    return todayIso(this.now());
  }

  // Session ------------------------------------------------------------------------------------

  status(): SessionStatus {
    const file = this.session?.file;
    return {
      state: file ? 'open' : 'locked',
      file: file ? { path: file.path, name: path.basename(file.path) } : null,
      recent: loadRecentFiles(this.options.configDir).map((p) => ({
        path: p,
        name: path.basename(p),
        exists: existsSync(p),
      })),
      suggestedPath: this.suggestedPath(),
      idleLockMinutes: file ? getSettings(file.db).idleLockMinutes : null,
    };
  }

  private suggestedPath(): string {
    let folder = this.options.suggestedFolder;
    if (!folder) {
      const documents = path.join(homedir(), 'Documents');
      folder = existsSync(documents) ? documents : homedir();
    }
    return path.join(folder, 'FOI register.foidesk');
  }

  async create(input: { path: string; passphrase: string }): Promise<SessionStatus> {
    await this.lockNow();
    const file = createCaseFile({ path: input.path, passphrase: input.passphrase });
    this.begin(file, input.passphrase);
    recordAudit(file.db, { actor: this.actor, action: 'create', entity: 'case-file' });
    return this.status();
  }

  async open(input: { path: string; passphrase: string }): Promise<SessionStatus> {
    await this.lockNow();
    const file = openCaseFile({ path: input.path, passphrase: input.passphrase });
    this.begin(file, input.passphrase);
    return this.status();
  }

  private begin(file: CaseFile, passphrase: string): void {
    try {
      file.sqlite.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
      rememberRecentFile(this.options.configDir, file.path);
    } catch (error) {
      file.close();
      throw error;
    }
    this.session = { file, key: Buffer.from(passphrase, 'utf8'), lastActive: this.now().getTime() };
  }

  async lock(): Promise<SessionStatus> {
    await this.lockNow();
    return this.status();
  }

  /** Closes the file (after the automatic backup, if the team set a folder) and forgets the key. */
  private async lockNow(): Promise<void> {
    const session = this.session;
    if (!session) return;
    this.session = null;
    try {
      const { autoBackupFolder, autoBackupKeep } = getSettings(session.file.db);
      if (autoBackupFolder && existsSync(autoBackupFolder)) {
        // A failed automatic backup must not keep the file open; the status screen shows its age.
        await autoBackup(session.file, autoBackupFolder, autoBackupKeep, session.key.toString('utf8')).catch(
          () => undefined,
        );
      }
    } finally {
      session.key.fill(0);
      session.file.close();
    }
  }

  forgetRecent(input: { path: string }): SessionStatus {
    forgetRecentFile(this.options.configDir, input.path);
    return this.status();
  }

  // The queue ----------------------------------------------------------------------------------

  listCases(query: QueueQuery): QueuePage {
    const db = this.db;
    const today = this.today();
    const filter: QueueFilter = {
      view: query.view,
      status: query.status,
      regime: query.regime,
      officer: query.officer,
      overdue: query.overdue,
      search: query.search,
      today,
    };
    const sort = { by: query.sort ?? 'due', direction: query.direction ?? 'asc' } as const;
    const { rows, total } = listQueue(db, filter, sort, { offset: query.offset, limit: query.limit });
    const context = loadClockContext(db);
    const events = listEventsForCases(
      db,
      rows.filter((r) => OPEN_STATUSES.has(r.status)).map((r) => r.id),
    );
    const out: QueueRow[] = rows.map((row) => {
      if (!OPEN_STATUSES.has(row.status)) return { ...row, progress: 'closed', workingDaysLeft: null };
      const progress = this.progressFor(context, row, toClockEvents(events.get(row.id) ?? []), today);
      return {
        ...row,
        due: progress?.due ?? row.due,
        progress: progress?.state ?? (row.due && row.due < today ? 'overdue' : 'on-track'),
        workingDaysLeft: progress?.workingDaysLeft ?? null,
      };
    });
    return { rows: out, total, offset: query.offset, today };
  }

  private progressFor(
    context: ClockContext,
    row: { regime: string; received: string },
    events: ClockEvent[],
    today: string,
  ): Progress | null {
    try {
      const deadline = this.deadline(context, row, events, false);
      return assessProgress(deadline, today, {
        internalTargetDay: context.settings.internalTargetDay,
        dueSoonDays: context.settings.dueSoonDays,
      });
    } catch (error) {
      if (error instanceof ClockInputError) return null;
      throw error;
    }
  }

  private deadline(
    context: ClockContext,
    c: { regime: string; received: string },
    events: ClockEvent[],
    explain: boolean,
  ): Deadline {
    return deadlineFor(context, c, events, explain);
  }

  /** The due date to store, or a validation error that names the problem with the dates. */
  private dueOrRefuse(context: ClockContext, c: { regime: string; received: string }, events: ClockEvent[]) {
    try {
      return this.deadline(context, c, events, false).due;
    } catch (error) {
      if (error instanceof ClockInputError)
        throw new AppError('validation', `The statutory clock cannot use these dates: ${error.message}.`);
      throw error;
    }
  }

  facets(): QueueFacets {
    const db = this.db;
    const today = this.today();
    return {
      officers: listQueueOfficers(db),
      counts: {
        open: countQueue(db, { view: 'open', today }),
        closed: countQueue(db, { view: 'closed', today }),
        overdue: countQueue(db, { view: 'open', overdue: true, today }),
      },
    };
  }

  // One case -------------------------------------------------------------------------------------

  getCase(id: number): CaseDetail {
    const db = this.db;
    const row = getCaseRow(db, id);
    const record = row ? getCaseRecord(db, id) : undefined;
    if (!row || !record)
      throw new AppError('not-found', 'That case is not in the case file (it may have been removed).');
    const eventRows = listCaseEvents(db, id);
    const context = loadClockContext(db);
    let deadline: Deadline | null = null;
    let progress: Progress | null = null;
    let clockProblem: string | null = null;
    try {
      deadline = this.deadline(context, row, toClockEvents(eventRows), true);
      const closed = row.status === 'closed';
      progress = assessProgress(deadline, this.today(), {
        internalTargetDay: context.settings.internalTargetDay,
        dueSoonDays: context.settings.dueSoonDays,
        responded: closed ? (row.responded ?? this.today()) : null,
      });
    } catch (error) {
      if (!(error instanceof ClockInputError)) throw error;
      clockProblem = `The statutory clock cannot be computed for this case: ${error.message}.`;
    }
    const timeline: TimelineEntry[] = listAuditForCase(db, id).map((a) => ({
      id: a.id,
      at: a.at,
      actor: a.actor,
      action: a.action,
      entity: a.entity,
      field: a.field,
      oldValue: a.oldValue,
      newValue: a.newValue,
    }));
    return {
      id,
      record,
      due: row.dueDate,
      deadline,
      progress,
      clockProblem,
      events: eventRows.map((e) => ({
        id: e.id,
        type: e.type,
        date: e.date,
        until: e.until,
        months: e.months,
        awaiting: e.awaiting,
        note: e.note,
      })),
      timeline,
    };
  }

  private refuseFuture(date: string | null | undefined, what: string): void {
    if (date && date > this.today()) throw new AppError('validation', `${what} cannot be in the future.`);
  }

  createCase(draft: CaseDraft): CaseDetail {
    const db = this.db;
    this.refuseFuture(draft.received, 'The date received');
    if (referenceTaken(db, draft.reference)) {
      throw new AppError(
        'duplicate-reference',
        `${draft.reference} is already in the case file. Use the next free reference.`,
      );
    }
    const record: CaseRecord = { format: CASE_FORMAT, ...draft, status: 'open' };
    const id = inTransaction(db, (tx) => {
      const due = this.dueOrRefuse(loadClockContext(tx), record, []);
      const caseId = insertCaseRecord(tx, record, due);
      recordAudit(tx, {
        actor: this.actor,
        caseId,
        action: 'create',
        entity: 'case',
        newValue: record.reference,
      });
      return caseId;
    });
    return this.getCase(id);
  }

  updateCase(id: number, patch: CasePatch): CaseDetail {
    const db = this.db;
    const row = this.requireRow(id);
    this.refuseFuture(patch.received, 'The date received');
    this.refuseFuture(patch.responded, 'The date of the response');
    if (
      patch.reference !== undefined &&
      patch.reference !== row.reference &&
      referenceTaken(db, patch.reference, id)
    ) {
      throw new AppError('duplicate-reference', `${patch.reference} is already used by another case.`);
    }
    const columns: CaseColumns = {};
    const set = <K extends keyof CaseColumns>(key: K, value: CaseColumns[K] | undefined) => {
      if (value === undefined) return;
      const old = row[key as keyof CaseRow] as unknown;
      if ((old ?? null) !== (value ?? null)) columns[key] = value;
    };
    set('reference', patch.reference);
    set('ourRef', patch.ourRef);
    set('regime', patch.regime);
    set('received', patch.received);
    set('channel', patch.channel);
    set('subject', patch.subject);
    set('requestText', patch.requestText);
    set('officer', patch.officer === '' ? null : patch.officer);
    set('status', patch.status);
    set('outcome', patch.outcome);
    set('responded', patch.responded);
    if (patch.signatory !== undefined) {
      set('signatoryName', patch.signatory?.name ?? null);
      set('signatoryTitle', patch.signatory?.title ?? null);
    }
    const nextStatus = columns.status ?? row.status;
    if (nextStatus === 'closed') {
      const outcome = columns.outcome !== undefined ? columns.outcome : row.outcome;
      if (!outcome) throw new AppError('validation', 'Choose the outcome before closing the case.');
      if (row.status !== 'closed' && !(columns.responded ?? row.responded)) columns.responded = this.today();
    } else if (row.status === 'closed' && columns.status) {
      // Reopened: the case has no outcome until it is closed again.
      if (row.outcome !== null && patch.outcome === undefined) columns.outcome = null;
      if (row.responded !== null && patch.responded === undefined) columns.responded = null;
    }
    inTransaction(db, (tx) => {
      if (columns.regime !== undefined || columns.received !== undefined) {
        const events = toClockEvents(listCaseEvents(tx, id));
        const due = this.dueOrRefuse(
          loadClockContext(tx),
          { regime: columns.regime ?? row.regime, received: columns.received ?? row.received },
          events,
        );
        if (due !== row.dueDate) columns.dueDate = due;
      }
      updateCaseColumns(tx, id, columns);
      for (const [field, value] of Object.entries(columns)) {
        recordAudit(tx, {
          actor: this.actor,
          caseId: id,
          action: field === 'status' && value === 'closed' ? 'close' : 'update',
          entity: 'case',
          field,
          oldValue: row[field as keyof CaseRow],
          newValue: value,
        });
      }
      if (patch.requester) this.updateRequesterOf(tx, id, row.requesterId, patch.requester);
    });
    return this.getCase(id);
  }

  private updateRequesterOf(
    tx: CaseDb,
    caseId: number,
    requesterId: number,
    next: NonNullable<CasePatch['requester']>,
  ): void {
    const current = getRequester(tx, requesterId);
    if (!current) return;
    const changes: Record<string, string | null> = {};
    for (const key of ['name', 'email', 'address', 'organisation', 'category'] as const) {
      const value = next[key] === undefined || next[key] === '' ? null : next[key];
      if ((current[key] ?? null) !== value) changes[key] = value;
    }
    if (Object.keys(changes).length === 0) return;
    updateRequester(tx, requesterId, changes);
    for (const [field, value] of Object.entries(changes)) {
      recordAudit(tx, {
        actor: this.actor,
        caseId,
        action: 'update',
        entity: 'requester',
        field,
        oldValue: current[field as keyof typeof current],
        newValue: value,
      });
    }
  }

  private requireRow(id: number): CaseRow {
    const row = getCaseRow(this.db, id);
    if (!row)
      throw new AppError('not-found', 'That case is not in the case file (it may have been removed).');
    return row;
  }

  setQuestions(id: number, questions: QuestionData[]): CaseDetail {
    this.requireRow(id);
    inTransaction(this.db, (tx) => {
      const old = loadQuestions(tx, id);
      replaceQuestions(tx, id, questions);
      recordAudit(tx, {
        actor: this.actor,
        caseId: id,
        action: 'set-questions',
        entity: 'questions',
        oldValue: old,
        newValue: questions,
      });
    });
    return this.getCase(id);
  }

  setResponse(id: number, where: number[], response: QuestionResponse | null): CaseDetail {
    this.requireRow(id);
    inTransaction(this.db, (tx) => {
      const tree = loadQuestions(tx, id);
      let list: QuestionData[] | undefined = tree;
      let node: QuestionData | undefined;
      for (const index of where) {
        node = list?.[index];
        list = node?.parts;
      }
      if (!node)
        throw new AppError('not-found', 'That question is not in the case (the questions may have changed).');
      const old = node.response;
      if (response) node.response = response;
      else delete node.response;
      replaceQuestions(tx, id, tree);
      recordAudit(tx, {
        actor: this.actor,
        caseId: id,
        action: 'set-response',
        entity: 'question',
        field: node.number,
        oldValue: old,
        newValue: response,
      });
    });
    return this.getCase(id);
  }

  addEvent(id: number, event: ClockEventInput): CaseDetail {
    const row = this.requireRow(id);
    this.refuseFuture(event.date, 'The date of a clock event');
    if (event.date < row.received)
      throw new AppError('validation', 'A clock event cannot be dated before the request was received.');
    if (event.type === 'pi-extension' && !event.until) {
      throw new AppError('validation', 'Give the estimated date for the public interest extension.');
    }
    inTransaction(this.db, (tx) => {
      const eventId = insertCaseEvent(tx, id, event);
      recordAudit(tx, {
        actor: this.actor,
        caseId: id,
        action: 'add-event',
        entity: 'event',
        field: event.type,
        newValue: { id: eventId, ...event },
      });
      this.afterEventChange(tx, row, statusAfterEvent(row.status, event.type));
    });
    return this.getCase(id);
  }

  removeEvent(id: number, eventId: number): CaseDetail {
    const row = this.requireRow(id);
    inTransaction(this.db, (tx) => {
      const removed = deleteCaseEvent(tx, id, eventId);
      if (!removed) throw new AppError('not-found', 'That clock event is not on this case.');
      recordAudit(tx, {
        actor: this.actor,
        caseId: id,
        action: 'remove-event',
        entity: 'event',
        field: removed.type,
        oldValue: {
          id: removed.id,
          date: removed.date,
          until: removed.until,
          months: removed.months,
          awaiting: removed.awaiting,
          note: removed.note,
        },
      });
      this.afterEventChange(tx, row, null);
    });
    return this.getCase(id);
  }

  /** Recomputes the stored due date (and the status a clock stop implies), with audit entries. */
  private afterEventChange(tx: CaseDb, row: CaseRow, status: string | null): void {
    const due = this.dueOrRefuse(loadClockContext(tx), row, toClockEvents(listCaseEvents(tx, row.id)));
    const columns: CaseColumns = {};
    if (due !== row.dueDate) columns.dueDate = due;
    if (status && status !== row.status) columns.status = status;
    updateCaseColumns(tx, row.id, columns);
    for (const [field, value] of Object.entries(columns)) {
      recordAudit(tx, {
        actor: this.actor,
        caseId: row.id,
        action: 'update',
        entity: 'case',
        field,
        oldValue: row[field as keyof CaseRow],
        newValue: value,
      });
    }
  }

  nextReference(): { reference: string } {
    const db = this.db;
    return { reference: nextReference(db, getSettings(db).referenceFormat) };
  }

  previewClock(input: {
    regime: CaseRecord['regime'];
    received: string;
    events?: ClockEventInput[] | undefined;
  }): ClockPreview {
    const context = loadClockContext(this.db);
    try {
      const deadline = this.deadline(context, input, input.events ?? [], true);
      const progress = assessProgress(deadline, this.today(), {
        internalTargetDay: context.settings.internalTargetDay,
        dueSoonDays: context.settings.dueSoonDays,
      });
      return { deadline, progress };
    } catch (error) {
      if (error instanceof ClockInputError)
        throw new AppError('validation', `The statutory clock cannot use these dates: ${error.message}.`);
      throw error;
    }
  }

  // Settings -------------------------------------------------------------------------------------

  getSettings(): SettingsBundle {
    const db = this.db;
    return {
      settings: getSettings(db),
      organisation: getOrganisation(db) ?? null,
      officers: listOfficers(db).map((o) => ({ id: o.id, name: o.name, title: o.title, active: o.active })),
      holidays: listAddedHolidays(db).map((h): ExtraHoliday => {
        const out: ExtraHoliday = { date: h.date, name: h.name };
        if (h.jurisdictions && h.jurisdictions.length)
          out.jurisdictions = h.jurisdictions as ExtraHoliday['jurisdictions'];
        return out;
      }),
    };
  }

  saveSettings(values: Partial<Settings>): SettingsBundle {
    inTransaction(this.db, (tx) => {
      const before = getSettings(tx);
      const after = saveSettings(tx, values);
      for (const key of Object.keys(values) as (keyof Settings)[]) {
        if (before[key] === after[key]) continue;
        recordAudit(tx, {
          actor: this.actor,
          action: 'update',
          entity: 'settings',
          field: key,
          oldValue: before[key],
          newValue: after[key],
        });
      }
      if (before.receivedOnNonWorkingDayCountsNext !== after.receivedOnNonWorkingDayCountsNext)
        recomputeAllDueDates(tx);
    });
    return this.getSettings();
  }

  saveOrganisation(organisation: Organisation): SettingsBundle {
    inTransaction(this.db, (tx) => {
      const before = getOrganisation(tx);
      saveOrganisation(tx, organisation);
      for (const key of new Set([...Object.keys(before ?? {}), ...Object.keys(organisation)])) {
        const oldValue = before?.[key as keyof Organisation];
        const newValue = organisation[key as keyof Organisation];
        if (JSON.stringify(oldValue) === JSON.stringify(newValue)) continue;
        recordAudit(tx, {
          actor: this.actor,
          action: 'update',
          entity: 'organisation',
          field: key,
          oldValue,
          newValue,
        });
      }
      if (
        (before?.jurisdiction ?? 'england-and-wales') !== (organisation.jurisdiction ?? 'england-and-wales')
      ) {
        recomputeAllDueDates(tx);
      }
    });
    return this.getSettings();
  }

  saveOfficer(input: {
    id?: number | undefined;
    name: string;
    title: string;
    active: boolean;
  }): SettingsBundle {
    inTransaction(this.db, (tx) => {
      const values = { name: input.name, title: input.title, active: input.active };
      if (input.id === undefined) {
        const id = insertOfficer(tx, values);
        recordAudit(tx, {
          actor: this.actor,
          action: 'create',
          entity: 'officer',
          field: String(id),
          newValue: values,
        });
        return;
      }
      const before = getOfficer(tx, input.id);
      if (!before) throw new AppError('not-found', 'That officer is not in the list.');
      updateOfficer(tx, input.id, values);
      recordAudit(tx, {
        actor: this.actor,
        action: 'update',
        entity: 'officer',
        field: String(input.id),
        oldValue: { name: before.name, title: before.title, active: before.active },
        newValue: values,
      });
    });
    return this.getSettings();
  }

  addHoliday(input: {
    date: string;
    name: string;
    jurisdictions?: string[] | undefined;
  }): SettingsBundle & { recomputed: number } {
    const recomputed = inTransaction(this.db, (tx) => {
      if (getAddedHoliday(tx, input.date))
        throw new AppError('validation', 'That date is already in the list of added bank holidays.');
      const jurisdictions = input.jurisdictions && input.jurisdictions.length ? input.jurisdictions : null;
      insertAddedHoliday(tx, { date: input.date, name: input.name, jurisdictions });
      recordAudit(tx, {
        actor: this.actor,
        action: 'create',
        entity: 'holiday',
        field: input.date,
        newValue: { name: input.name, jurisdictions },
      });
      return recomputeAllDueDates(tx);
    });
    return { ...this.getSettings(), recomputed };
  }

  removeHoliday(input: { date: string }): SettingsBundle & { recomputed: number } {
    const recomputed = inTransaction(this.db, (tx) => {
      const before = getAddedHoliday(tx, input.date);
      if (!before) throw new AppError('not-found', 'That date is not in the list of added bank holidays.');
      deleteAddedHoliday(tx, input.date);
      recordAudit(tx, {
        actor: this.actor,
        action: 'remove',
        entity: 'holiday',
        field: input.date,
        oldValue: { name: before.name, jurisdictions: before.jurisdictions },
      });
      return recomputeAllDueDates(tx);
    });
    return { ...this.getSettings(), recomputed };
  }

  // Letters --------------------------------------------------------------------------------------

  letterTemplates(input: { caseId?: number | undefined }): LetterTemplateChoices {
    const file = this.file;
    let regime: CaseRecord['regime'] | undefined;
    let suggested: string | null = null;
    if (input.caseId !== undefined) {
      const record = getCaseRecord(file.db, input.caseId);
      if (!record) throw new AppError('not-found', 'That case is not in the case file.');
      regime = record.regime;
      suggested = suggestTemplateId(record);
    }
    const templates = templatesInForce(file)
      .filter((t) => !regime || t.regimes.includes(regime))
      .map((t) => ({
        id: t.id,
        name: t.name,
        title: t.title,
        description: t.description ?? null,
        regimes: t.regimes,
      }));
    if (suggested !== null && !templates.some((t) => t.id === suggested))
      suggested = templates[0]?.id ?? null;
    return { templates, suggested };
  }

  listLetters(caseId: number): LetterVersionSummary[] {
    this.requireRow(caseId);
    return listLetters(this.file, caseId).map(({ document, ...rest }) => ({
      ...rest,
      title: document.meta.title,
      date: document.meta.date,
    }));
  }

  getLetter(versionId: number): LetterVersionView {
    return getLetter(this.file, versionId);
  }

  generateLetter(input: {
    caseId: number;
    templateId: string;
    replaceEdits?: boolean | undefined;
    date?: string | undefined;
  }): LetterVersionView {
    this.requireRow(input.caseId);
    return generateLetter(this.file, input.caseId, {
      templateId: input.templateId,
      date: input.date ?? this.today(),
      replaceEdits: input.replaceEdits === true,
      actor: this.actor,
    });
  }

  /**
   * Saves the officer's edits as a new version. Only the body is taken from the page: the letter's
   * details (reference, recipient, file name) were built from the case and stay as generated.
   */
  saveLetter(input: { versionId: number; document: LetterDocument }): LetterVersionView {
    const file = this.file;
    const base = getLetter(file, input.versionId);
    return saveLetterEdits(
      file,
      input.versionId,
      { meta: base.document.meta, body: input.document.body },
      this.actor,
    );
  }

  markLetterSent(versionId: number): LetterVersionView {
    return markLetterSent(this.file, versionId, this.actor);
  }

  async renderLetterDocx(versionId: number): Promise<LetterDocx> {
    const file = this.file;
    const letter = getLetter(file, versionId);
    const { fileName, bytes } = await renderLetterFile(file, letter.document);
    this.auditLetterExport(letter);
    return { fileName, base64: bytes.toString('base64') };
  }

  async exportLetterDocx(input: { versionId: number; path: string }): Promise<ExportedFile> {
    const file = this.file;
    const letter = getLetter(file, input.versionId);
    // Only a path the save dialog gave: a relative one would land wherever the app was started.
    if (!path.isAbsolute(input.path))
      throw new AppError('validation', 'Choose where to save the file with the Save dialog.');
    const folder = path.dirname(input.path);
    if (!existsSync(folder) || !statSync(folder).isDirectory())
      throw new AppError('file-missing', 'That folder does not exist.');
    const { bytes } = await renderLetterFile(file, letter.document);
    writeFileAtomic(input.path, bytes);
    this.auditLetterExport(letter);
    return { path: input.path, bytes: bytes.length };
  }

  /** An exported letter can leave the machine: the case's timeline says which version did. */
  private auditLetterExport(letter: LetterVersionView): void {
    recordAudit(this.db, {
      actor: this.actor,
      caseId: letter.caseId,
      action: 'letter-exported',
      entity: 'letter',
      field: letter.templateId,
      newValue: `version ${letter.version}`,
    });
  }

  letterLibrary(): LetterLibrary {
    const db = this.db;
    const templateOverrides = getSettingValue<LetterTemplate[]>(db, TEMPLATE_OVERRIDES_KEY) ?? [];
    const paragraphOverrides = getSettingValue<StandardParagraph[]>(db, PARAGRAPH_OVERRIDES_KEY) ?? [];
    const adaptedTemplates = new Set(templateOverrides.map((t) => t.id));
    const adaptedParagraphs = new Set(paragraphOverrides.map((p) => p.id));
    return {
      templates: templatesInForce(this.file).map((t) => ({ ...t, customised: adaptedTemplates.has(t.id) })),
      paragraphs: listParagraphs(paragraphOverrides).map((p) => ({
        ...p,
        customised: adaptedParagraphs.has(p.id),
      })),
    };
  }

  saveLetterTemplate(template: LetterTemplate): LetterLibrary {
    const shipped = defaultTemplate(template.id);
    if (!shipped) throw new AppError('not-found', `There is no letter template "${template.id}" to adapt.`);
    const known = new Set(this.letterLibrary().paragraphs.map((p) => p.id));
    const missing = template.blocks.find((b) => b.kind === 'standard' && !known.has(b.id));
    if (missing?.kind === 'standard')
      throw new AppError(
        'validation',
        `The template uses a standard paragraph that does not exist: "${missing.id}".`,
      );
    // A copy that says exactly what the shipped one says is no adaptation: it is stored as a reset.
    const adapted = Desk.canonicalJson(template) === Desk.canonicalJson(shipped) ? null : template;
    this.storeOverride('letter-template', TEMPLATE_OVERRIDES_KEY, template.id, adapted);
    return this.letterLibrary();
  }

  resetLetterTemplate(id: string): LetterLibrary {
    if (!defaultTemplate(id)) throw new AppError('not-found', `There is no letter template "${id}".`);
    this.storeOverride('letter-template', TEMPLATE_OVERRIDES_KEY, id, null);
    return this.letterLibrary();
  }

  saveLetterParagraph(paragraph: StandardParagraph): LetterLibrary {
    const shipped = defaultParagraph(paragraph.id);
    if (!shipped)
      throw new AppError('not-found', `There is no standard paragraph "${paragraph.id}" to adapt.`);
    const adapted = Desk.canonicalJson(paragraph) === Desk.canonicalJson(shipped) ? null : paragraph;
    this.storeOverride('letter-paragraph', PARAGRAPH_OVERRIDES_KEY, paragraph.id, adapted);
    return this.letterLibrary();
  }

  resetLetterParagraph(id: string): LetterLibrary {
    if (!defaultParagraph(id)) throw new AppError('not-found', `There is no standard paragraph "${id}".`);
    this.storeOverride('letter-paragraph', PARAGRAPH_OVERRIDES_KEY, id, null);
    return this.letterLibrary();
  }

  /**
   * Puts the team's copy of a template or paragraph in place of the shipped one (or removes it when
   * `value` is null), with an audit entry holding both wordings. The shipped defaults are never
   * touched, so "Reset to default" always has something to go back to.
   */
  private storeOverride<T extends { id: string }>(
    entity: 'letter-template' | 'letter-paragraph',
    key: string,
    id: string,
    value: T | null,
  ): void {
    inTransaction(this.db, (tx) => {
      const stored = getSettingValue<T[]>(tx, key) ?? [];
      const before = stored.find((item) => item.id === id) ?? null;
      if (before === null && value === null) return;
      const next = stored.filter((item) => item.id !== id);
      if (value) next.push(value);
      setSetting(tx, key, next);
      recordAudit(tx, {
        actor: this.actor,
        action: value ? 'update' : 'reset',
        entity,
        field: id,
        oldValue: before,
        newValue: value,
      });
    });
  }

  /** JSON with its keys sorted, so two copies compare equal whatever order their keys came in. */
  private static canonicalJson(value: unknown): string {
    return JSON.stringify(value, (_key, v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : v,
    );
  }

  async chooseSavePath(request: SavePathRequest): Promise<{ path: string | null }> {
    if (!this.options.chooseSavePath) {
      throw new AppError(
        'not-found',
        'There is no save dialog here: in the browser the file is downloaded instead.',
      );
    }
    return { path: await this.options.chooseSavePath(request) };
  }

  // Backups --------------------------------------------------------------------------------------

  backupStatus(): BackupStatus {
    const file = this.file;
    const settings = getSettings(file.db);
    const last = getLastBackup(file);
    const age = last ? this.now().getTime() - Date.parse(last.at) : Infinity;
    return {
      last,
      due: age > settings.backupReminderDays * 86_400_000,
      reminderDays: settings.backupReminderDays,
      autoBackupFolder: settings.autoBackupFolder,
    };
  }

  async createBackup(input: { folder: string }): Promise<BackupResult> {
    const session = this.session;
    if (!session) throw new AppError('locked', 'The case file is locked. Unlock it to continue.');
    if (!existsSync(input.folder) || !statSync(input.folder).isDirectory()) {
      throw new AppError('file-missing', 'That backup folder does not exist.');
    }
    this.progress = { phase: 'copying', bytesDone: 0, bytesTotal: 1 };
    try {
      const report = await backupCaseFile(session.file, input.folder, session.key.toString('utf8'), (p) => {
        this.progress = p;
      });
      return { path: report.path, at: report.at, cases: report.cases, bytes: report.bytes };
    } finally {
      this.progress = null;
    }
  }

  private progress: CopyProgress | null = null;

  backupProgress(): CopyProgress | null {
    return this.progress;
  }

  /** Checks a backup (passphrase, integrity, schema, cases, last change) without changing anything. */
  inspectBackup(input: { path: string; passphrase: string }): BackupCheck {
    if (!existsSync(input.path)) throw new AppError('file-missing', 'That backup file does not exist.');
    return verifyCaseFile(input.path, input.passphrase);
  }

  /**
   * Restores a backup over a case file. The file is closed first if it is the one open; the current
   * file is kept as a safety copy beside it; the officer then unlocks the restored file.
   */
  async restoreBackup(input: {
    backupPath: string;
    targetPath: string;
    passphrase: string;
  }): Promise<RestoreResult> {
    const target = path.resolve(input.targetPath);
    if (this.session && this.session.file.path === target) await this.lockNow();
    this.progress = { phase: 'copying', bytesDone: 0, bytesTotal: 1 };
    try {
      const result = await restoreCaseFile(input.backupPath, target, input.passphrase, (p) => {
        this.progress = p;
      });
      rememberRecentFile(this.options.configDir, result.target);
      return { target: result.target, safetyCopy: result.safetyCopy, check: result.check };
    } finally {
      this.progress = null;
    }
  }
}

/** The status a clock event implies: a clarification or fee stops the clock, its answer restarts it. */
function statusAfterEvent(status: string, type: ClockEventInput['type']): string | null {
  if (status === 'closed') return null;
  switch (type) {
    case 'clarification-requested':
      return 'clarification';
    case 'fees-notice-issued':
      return 'on-hold';
    case 'clarification-received':
      return status === 'clarification' ? 'open' : null;
    case 'fee-paid':
      return status === 'on-hold' ? 'open' : null;
    case 'sar-clock-stopped':
      return 'on-hold';
    case 'sar-clock-restarted':
      return status === 'on-hold' ? 'open' : null;
    case 'pi-extension':
    case 'eir-extension':
    case 'ir-extension':
    case 'sar-extension':
      return null;
  }
}
