/**
 * Backups: their status (with the last automatic backup that failed), a backup now with progress,
 * and checking and restoring one. Restoring and checking work while the file is locked.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { openCaseFile } from '../../../db/case-file';
import { getSettingValue, getSettings, setSetting } from '../../../db/queries/settings';
import type { BackupCheck } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { DeskApp } from '../app';
import {
  backupCaseFile,
  getLastBackup,
  LAST_BACKUP_KEY,
  restoreCaseFile,
  verifyCaseFile,
  type LastBackup,
  type Progress,
} from '../backup';
import { rememberRecentFile } from '../recent-files';
import { sameFile } from '../files';
import type { AppHandlers, SessionHandlers } from './types';

/** Where the failure of the last automatic backup is kept, inside the case file, until one succeeds. */
export const AUTO_BACKUP_FAILURE_KEY = 'backup.lastAutoFailure';

export interface AutoBackupFailure {
  at: string;
  message: string;
}

/** Runs a job that reports progress, keeping the latest report on the app for `backup:progress`. */
async function withProgress<T>(
  app: DeskApp,
  job: (onProgress: (p: Progress) => void) => Promise<T>,
): Promise<T> {
  app.progress = { phase: 'copying', bytesDone: 0, bytesTotal: 1 };
  try {
    return await job((p) => {
      app.progress = p;
    });
  } finally {
    app.progress = null;
  }
}

/**
 * A restored file is the backup it came from: its last good backup is that one, not whatever the
 * file recorded before the backup was taken (which would say "never backed up").
 */
function recordRestoredFrom(
  target: string,
  passphrase: string,
  backupPath: string,
  check: BackupCheck,
): void {
  const file = openCaseFile({ path: target, passphrase, skipQuickCheck: true });
  try {
    const at = check.lastChange ?? statSync(backupPath).mtime.toISOString();
    setSetting(file.db, LAST_BACKUP_KEY, { at, path: backupPath, cases: check.cases } satisfies LastBackup);
  } finally {
    file.close();
  }
}

export const backupSessionHandlers = {
  'backup:status': (s) => {
    const settings = getSettings(s.db);
    const last = getLastBackup(s.file);
    const age = last ? s.now().getTime() - Date.parse(last.at) : Infinity;
    return {
      last,
      due: age > settings.backupReminderDays * 86_400_000,
      reminderDays: settings.backupReminderDays,
      autoBackupFolder: settings.autoBackupFolder,
      autoBackupFailure: getSettingValue<AutoBackupFailure>(s.db, AUTO_BACKUP_FAILURE_KEY) ?? null,
    };
  },
} satisfies SessionHandlers<'backup:'>;

export const backupHandlers = {
  'backup:create': (app, input) => {
    const s = app.requireSession();
    if (!existsSync(input.folder) || !statSync(input.folder).isDirectory())
      throw new AppError('file-missing', 'That backup folder does not exist.');
    return withProgress(app, async (onProgress) => {
      const report = await backupCaseFile(s.file, input.folder, s.key.toString('utf8'), onProgress);
      return { path: report.path, at: report.at, cases: report.cases, bytes: report.bytes };
    });
  },

  'backup:progress': (app) => app.progress,

  /** Checks a backup (passphrase, integrity, schema, cases, last change) without changing anything. */
  'backup:inspect': (_app, input) => {
    if (!existsSync(input.path)) throw new AppError('file-missing', 'That backup file does not exist.');
    return verifyCaseFile(input.path, input.passphrase);
  },

  /**
   * Restores a backup over a case file. The file is closed first if it is the one open; the current
   * file is kept as a safety copy beside it; the officer then unlocks the restored file.
   */
  'backup:restore': async (app, input) => {
    const target = path.resolve(input.targetPath);
    // The same file through any path (a symlinked folder, another case on a case-insensitive disk).
    if (app.session && sameFile(app.session.file.path, target)) await app.lockNow();
    const result = await withProgress(app, (onProgress) =>
      restoreCaseFile(input.backupPath, target, input.passphrase, onProgress),
    );
    recordRestoredFrom(result.target, input.passphrase, result.restoredFrom, result.check);
    rememberRecentFile(app.options.configDir, result.target);
    return { target: result.target, safetyCopy: result.safetyCopy, check: result.check };
  },
} satisfies AppHandlers<'backup:'>;
