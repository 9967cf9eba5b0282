/** Unlocking, locking and the recent-files list: the channels that work while no file is open. */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { createCaseFile, openCaseFileAsync, type CaseFile } from '../../../db/case-file';
import { AppError } from '../../../shared/errors';
import { recordAudit } from '../../../db/queries/audit';
import { getSettings } from '../../../db/queries/settings';
import type { SessionStatus } from '../../../shared/contract';
import type { DeskApp } from '../app';
import { forgetRecentFile, loadOfficer, loadRecentFiles } from '../recent-files';
import type { AppHandlers } from './types';

export function sessionStatus(app: DeskApp): SessionStatus {
  const session = app.session;
  const configDir = app.options.configDir;
  const dueIn = app.idleLockDueInMs();
  return {
    state: session ? 'open' : 'locked',
    file: session ? { path: session.file.path, name: path.basename(session.file.path) } : null,
    // Locked: the name given at the last unlock, to prefill the field.
    officer: session ? session.actor : loadOfficer(configDir),
    recent: loadRecentFiles(configDir).map((p) => ({
      path: p,
      name: path.basename(p),
      exists: existsSync(p),
    })),
    suggestedPath: suggestedPath(app.options.suggestedFolder),
    idleLockMinutes: session ? getSettings(session.db).idleLockMinutes : null,
    idleLockDueInSeconds: dueIn === null ? null : Math.max(0, Math.ceil(dueIn / 1000)),
  };
}

function suggestedPath(folder: string | undefined): string {
  if (!folder) {
    const documents = path.join(homedir(), 'Documents');
    folder = existsSync(documents) ? documents : homedir();
  }
  return path.join(folder, 'FOI register.foidesk');
}

export const sessionHandlers = {
  'session:status': (app) => sessionStatus(app),
  'session:create': async (app, input) => {
    await app.lockNow();
    let file: CaseFile;
    try {
      file = createCaseFile({ path: input.path, passphrase: input.passphrase });
    } catch (error) {
      input.passphrase.fill(0);
      throw error;
    }
    // The session keeps these bytes as its key (zeroed on lock, or by begin() if it fails).
    const s = app.begin(file, input.passphrase, input.officer);
    recordAudit(s.db, { actor: s.actor, action: 'create', entity: 'case-file' });
    return sessionStatus(app);
  },
  'session:open': async (app, input) => {
    await app.lockNow();
    let file: CaseFile;
    try {
      file = await openCaseFileAsync({ path: input.path, passphrase: input.passphrase });
    } catch (error) {
      input.passphrase.fill(0);
      // The unlock screen then offers a restore over this file: main itself vouches for the path.
      if (error instanceof AppError && error.code === 'damaged')
        app.grants.grant('restore-target', input.path);
      throw error;
    }
    app.begin(file, input.passphrase, input.officer);
    return sessionStatus(app);
  },
  'session:lock': async (app) => {
    await app.lockNow();
    return sessionStatus(app);
  },
  'session:forget-recent': (app, input) => {
    forgetRecentFile(app.options.configDir, input.path);
    return sessionStatus(app);
  },
} satisfies AppHandlers<'session:'>;
