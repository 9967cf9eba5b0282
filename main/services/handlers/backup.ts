/**
 * Backups: their status (with the last automatic backup that failed), a backup now with progress,
 * and checking and restoring one. Restoring and checking work while the file is locked.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { openCaseFile } from '../../../db/case-file';
import { getSettingValue, getSettings, setSetting } from '../../../db/queries/settings';
import type { BackupCheck, ChannelOutput, ParsedInput } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { DeskApp } from '../app';
import {
  backupCaseFile,
  getLastBackup,
  inspectBackupFile,
  LAST_BACKUP_KEY,
  restoreCaseFile,
  type LastBackup,
  type Progress,
} from '../backup';
import { sameFile } from '../files';
import { pathKey } from '../granted-paths';
import { loadRecentFiles, rememberRecentFile } from '../recent-files';
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
  passphrase: Uint8Array,
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

/**
 * A restore replaces the file at its target, so the page may not name any file it likes (a
 * document was once replaced by a case file). The target must be one main knows to be a case file
 * the officer meant: one chosen in the dialog main opened, the file open now, one in the recent
 * list (main adds only files it opened or created), one main just refused to open as damaged (it
 * offers this very restore) — or a new .foidesk file, which replaces nothing. The browser bridge
 * has no dialog, so there it is the open, recent, damaged or new file.
 */
function allowedRestoreTarget(app: DeskApp, targetPath: string): { target: string; granted: boolean } {
  if (!path.isAbsolute(targetPath))
    throw new AppError('validation', 'Give the full path of the case file to restore into.');
  const target = path.resolve(targetPath);
  if (app.grants.take('restore-target', target)) return { target, granted: true };
  const key = pathKey(target);
  const known = [...(app.session ? [app.session.file.path] : []), ...loadRecentFiles(app.options.configDir)];
  if (known.some((p) => pathKey(p) === key) || (!existsSync(target) && /\.foidesk$/i.test(target)))
    return { target, granted: false };
  throw new AppError(
    'validation',
    'FOI Desk restores only into a case file it knows (the open one, one in the recent list or one chosen with Choose…) or into a new .foidesk file.',
  );
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
      const report = await backupCaseFile(s.file, input.folder, s.key, onProgress);
      return { path: report.path, at: report.at, cases: report.cases, bytes: report.bytes };
    });
  },

  'backup:progress': (app) => app.progress,

  /**
   * Checks a backup without changing anything: every page's authentication code with the
   * passphrase, then its schema, tables, cases and last change (backup.ts inspectBackupFile).
   */
  'backup:inspect': async (_app, input) => {
    try {
      if (!existsSync(input.path)) throw new AppError('file-missing', 'That backup file does not exist.');
      return await inspectBackupFile(input.path, input.passphrase);
    } finally {
      input.passphrase.fill(0);
    }
  },

  /**
   * Restores a backup over a case file. The file is closed first if it is the one open; the current
   * file is kept as a safety copy beside it; the officer then unlocks the restored file.
   */
  'backup:restore': async (app, input) => {
    try {
      return await restoreBackup(app, input);
    } finally {
      input.passphrase.fill(0);
    }
  },
} satisfies AppHandlers<'backup:'>;

async function restoreBackup(
  app: DeskApp,
  input: ParsedInput<'backup:restore'>,
): Promise<ChannelOutput<'backup:restore'>> {
  {
    const { target, granted } = allowedRestoreTarget(app, input.targetPath);
    // The same file through any path (a symlinked folder, another case on a case-insensitive disk).
    if (app.session && sameFile(app.session.file.path, target)) await app.lockNow();
    let result: Awaited<ReturnType<typeof restoreCaseFile>>;
    try {
      result = await withProgress(app, (onProgress) =>
        restoreCaseFile(input.backupPath, target, input.passphrase, onProgress),
      );
    } catch (error) {
      // Nothing was replaced: the officer may correct the backup or passphrase and try again.
      if (granted) app.grants.grant('restore-target', target);
      throw error;
    }
    recordRestoredFrom(result.target, input.passphrase, result.restoredFrom, result.check);
    rememberRecentFile(app.options.configDir, result.target);
    return { target: result.target, safetyCopy: result.safetyCopy, check: result.check };
  }
}
