/**
 * The native dialogs (Electron only); the browser bridge has none: there the page uploads a file
 * (POST /upload) or downloads one, and paths are typed. A path the officer chose to save to is
 * granted for that one purpose (granted-paths.ts): the page cannot name a path of its own to the
 * export or the restore. Files chosen to open are read here, in main, into memory (held-files.ts),
 * so nothing is copied to disk on the way into the case file.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { formatBytes, MAX_ATTACHMENT_BYTES } from '../../../shared/attachment-rules';
import type { SavePathRequest, UploadedFile } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { refuseHeldFile } from '../../../db/case-file';
import type { GrantPurpose } from '../granted-paths';
import { holdUpload } from '../intake/held-files';
import { contentTypeOf } from '../intake/content-types';
import type { AppHandlers } from './types';

const NO_DIALOG = 'There is no file dialog here: in the browser, choose the file with the page’s own button.';

const GRANTS: Record<SavePathRequest['kind'], GrantPurpose | null> = {
  docx: 'letter-export',
  'case-file': 'restore-target',
  attachment: 'attachment-export',
  eml: 'eml-export',
  // A new case file is created by session:create, which takes a typed path as well.
  'new-case-file': null,
  'stats-csv': 'stats-export',
  'stats-xlsx': 'stats-export',
  'stats-docx': 'stats-export',
};

export const dialogHandlers = {
  'dialog:save-path': async (app, request) => {
    const choose = app.options.chooseSavePath;
    if (!choose)
      throw new AppError(
        'not-found',
        'There is no save dialog here: in the browser the file is downloaded instead.',
      );
    const chosen = await choose(request);
    const purpose = GRANTS[request.kind];
    if (chosen && purpose) app.grants.grant(purpose, chosen);
    return { path: chosen };
  },

  'dialog:open-file': async (app, request) => {
    const choose = app.options.chooseOpenFiles;
    if (!choose) throw new AppError('not-found', NO_DIALOG);
    app.requireSession();
    const chosen = await choose(request);
    const files: UploadedFile[] = [];
    for (const file of chosen) {
      const name = path.basename(file);
      const info = await stat(file);
      if (!info.isFile()) throw new AppError('validation', `${name} is not a file.`);
      // Refused before reading it: a 4 GB video is never read into memory.
      if (info.size > MAX_ATTACHMENT_BYTES)
        throw new AppError(
          'validation',
          `${name} is ${formatBytes(info.size)}: a file can be at most ${formatBytes(MAX_ATTACHMENT_BYTES)}.`,
        );
      refuseHeldFile(file, name);
      const data = await readFile(file);
      files.push(holdUpload(app, { name, contentType: contentTypeOf(name), data }));
    }
    return { files };
  },

  'dialog:open-path': async (app, request) => {
    const choose = app.options.chooseOpenPath;
    if (!choose) throw new AppError('not-found', 'There is no file dialog here: type the path instead.');
    return { path: await choose(request) };
  },
} satisfies AppHandlers<'dialog:'>;
