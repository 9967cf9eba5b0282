/**
 * The app behind every transport (Electron IPC, the browser bridge, the tests): at most one open
 * session, the queue that runs calls one after another, the idle lock and a long job's progress.
 * What each channel does lives in handlers/<domain>.ts. No Electron import here.
 *
 * Writes are serialised: each runs after the one before it has finished, so an asynchronous backup
 * copy never interleaves with a write. Reads skip the queue (see read()).
 */
import { existsSync } from 'node:fs';
import type { CaseFile } from '../../db/case-file';
import { getSettings, setSetting } from '../../db/queries/settings';
import { AppError } from '../../shared/errors';
import type {
  BackupProgress,
  OpenFileRequest,
  OpenPathRequest,
  SavePathRequest,
} from '../../shared/contract';
import { autoBackup } from './backup';
import { toErrorInfo } from './errors';
import { AUTO_BACKUP_FAILURE_KEY, type AutoBackupFailure } from './handlers/backup';
import { currentActor } from './actor';
import { rememberOfficer, rememberRecentFile } from './recent-files';
import { openSession, type OpenSession } from './session';
import { fillStatutoryDueDates } from './deadlines';
import { GrantedPaths } from './granted-paths';
import { IntegrityMonitor, type MonitorTiming } from './integrity';

export interface DeskOptions {
  /** Where the recent-files list is kept (the app's config folder). */
  configDir: string;
  /** Who the audit log names when the officer gives no name at unlock; defaults to the OS user. */
  actor?: string;
  /** The clock the app reads "today" from (tests fix it). */
  now?: () => Date;
  /** Folder suggested for a new case file; defaults to ~/Documents (or ~). */
  suggestedFolder?: string;
  /**
   * Asks the officer where to save a file (Electron's native dialog); null when they cancel.
   * Absent in the browser bridge, where the page downloads the file instead.
   */
  chooseSavePath?: (request: SavePathRequest) => Promise<string | null>;
  /** Electron's open dialog: the files chosen (none when cancelled). Absent in the bridge (it uploads). */
  chooseOpenFiles?: (request: OpenFileRequest) => Promise<string[]>;
  /** Electron's open dialog for a path a field takes (a case file, a backup, a folder); null when cancelled. */
  chooseOpenPath?: (request: OpenPathRequest) => Promise<string | null>;
  /** When the background integrity check runs (false: only when asked, as the tests do). */
  integrityCheck?: MonitorTiming | false;
}

/**
 * How long after the idle lock is due main waits for the page to save its drafts and lock itself
 * before locking on its own. Two minutes: a hidden browser tab may run its timers only once a
 * minute, and a page that is gone (closed, crashed) leaves the file open no longer than this.
 */
export const IDLE_LOCK_GRACE_MS = 2 * 60_000;

/** Held in the decrypted page cache while the file is open: searches over 50,000 cases stay fast. */
const PAGE_CACHE_KIB = 64 * 1024;

export class DeskApp {
  private current: OpenSession | null = null;
  private lastActive = 0;
  private tail: Promise<unknown> = Promise.resolve();
  /** The end of the latest queued call that may change case data. */
  private lastChange: Promise<unknown> = Promise.resolve();
  /** A backup or restore under way, for `backup:progress`. */
  progress: BackupProgress = null;
  readonly now: () => Date;
  /** Paths the officer chose in a dialog main opened, each for one use (see granted-paths.ts). */
  readonly grants: GrantedPaths;
  /** The open file's background integrity check, after unlock and on a schedule. */
  readonly integrity: IntegrityMonitor;

  constructor(readonly options: DeskOptions) {
    this.now = options.now ?? (() => new Date());
    this.grants = new GrantedPaths(() => this.now().getTime());
    this.integrity = new IntegrityMonitor(this.now, options.integrityCheck);
  }

  /**
   * Runs `work` after every call queued before it has settled. `changes: false` is for a long call
   * that must not interleave with writes but changes no case data (a backup's copy): reads do not
   * wait for it.
   */
  enqueue<T>(work: () => T | Promise<T>, options: { changes?: boolean } = {}): Promise<T> {
    const run = this.tail.then(work, work);
    this.tail = run.catch(() => undefined);
    if (options.changes !== false) this.lastChange = this.tail;
    return run;
  }

  /**
   * Runs a read-only call once the writes queued before it have landed (so the officer reads what
   * they just saved), but without joining the queue: it never waits behind another read or a
   * backup's copy, and no write waits behind it. A read is one synchronous better-sqlite3 call,
   * so it cannot interleave with a write's statements; only asynchronous work could, and writes
   * keep the queue for that.
   */
  read<T>(work: () => T | Promise<T>): Promise<T> {
    return this.lastChange.then(work, work);
  }

  get isOpen(): boolean {
    return this.current !== null;
  }

  /** The open session, or null while locked. */
  get session(): OpenSession | null {
    return this.current;
  }

  /** The open session; a call that needs one while locked is refused. */
  requireSession(): OpenSession {
    if (!this.current) throw new AppError('locked', 'The case file is locked. Unlock it to continue.');
    return this.current;
  }

  /** The officer did something: the idle lock starts counting again. */
  touch(): void {
    if (this.current) this.lastActive = this.now().getTime();
  }

  /**
   * Starts a session on a file just opened or created. The officer named at unlock is the actor;
   * without one, the operating-system user. The session takes `key` (the passphrase's bytes) as
   * its own, without a copy, and zeroes it on lock; if the session cannot start it is zeroed here.
   */
  begin(file: CaseFile, key: Uint8Array, officer?: string): OpenSession {
    const bytes = Buffer.from(key.buffer, key.byteOffset, key.byteLength);
    try {
      file.sqlite.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
      // Extended cases stored before their statutory date was kept get it now (a no-op afterwards).
      fillStatutoryDueDates(file.db);
      rememberRecentFile(this.options.configDir, file.path);
      // The name typed at unlock (or none), to offer at the next one. It is the officer's own
      // name, not case data, so it is kept in the config folder beside the recent files.
      if (officer !== undefined) rememberOfficer(this.options.configDir, officer.trim() || null);
    } catch (error) {
      bytes.fill(0);
      file.close();
      throw error;
    }
    const actor = officer?.trim() || this.options.actor || currentActor();
    this.current = openSession(file, bytes, actor, this.now);
    this.lastActive = this.now().getTime();
    this.integrity.start(file, this.current.key);
    return this.current;
  }

  /**
   * Milliseconds until the idle lock is due (0 or less: due), or null when none is (locked, or the
   * team turned the idle lock off). The page reads it through `session:status`.
   */
  idleLockDueInMs(): number | null {
    const session = this.current;
    if (!session) return null;
    const minutes = getSettings(session.db).idleLockMinutes;
    if (minutes <= 0) return null;
    return this.lastActive + minutes * 60_000 - this.now().getTime();
  }

  /**
   * The backstop: locks the session when nothing happened for the team's idle time and the page has
   * not locked it within the grace period (it saves the officer's unsaved edits first). Returns true
   * if it locked.
   */
  async lockIfIdle(): Promise<boolean> {
    return this.enqueue(async () => {
      const dueIn = this.idleLockDueInMs();
      if (dueIn === null || dueIn > -IDLE_LOCK_GRACE_MS) return false;
      await this.lockNow();
      return true;
    });
  }

  /** Closes the file (after the automatic backup, if the team set a folder) and forgets the key. */
  async lockNow(): Promise<void> {
    const session = this.current;
    if (!session) return;
    this.current = null;
    // A place chosen to save this session's letter is not carried into the next session.
    this.grants.clear();
    this.integrity.stop();
    try {
      const { autoBackupFolder, autoBackupKeep } = getSettings(session.db);
      if (autoBackupFolder) {
        // A failed automatic backup must not keep the file open: it is recorded in the file, and
        // the officer is told at the next unlock (the backup banner) until one succeeds.
        let failure: AutoBackupFailure | null = null;
        try {
          if (!existsSync(autoBackupFolder))
            throw new AppError('file-missing', 'The backup folder is not there.');
          await autoBackup(session.file, autoBackupFolder, autoBackupKeep, session.key);
        } catch (error) {
          failure = { at: this.now().toISOString(), message: toErrorInfo(error).message };
        }
        setSetting(session.db, AUTO_BACKUP_FAILURE_KEY, failure);
      }
    } finally {
      session.key.fill(0);
      session.file.close();
    }
  }
}
