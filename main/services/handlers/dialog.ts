/**
 * The native save dialog (Electron only); the browser bridge has none and downloads instead. The
 * path the officer chose is granted for that one purpose (granted-paths.ts): the page cannot name
 * a path of its own to the export or the restore.
 */
import { AppError } from '../../../shared/errors';
import type { AppHandlers } from './types';

export const dialogHandlers = {
  'dialog:save-path': async (app, request) => {
    const choose = app.options.chooseSavePath;
    if (!choose)
      throw new AppError(
        'not-found',
        'There is no save dialog here: in the browser the file is downloaded instead.',
      );
    const chosen = await choose(request);
    if (chosen) app.grants.grant(request.kind === 'docx' ? 'letter-export' : 'restore-target', chosen);
    return { path: chosen };
  },
} satisfies AppHandlers<'dialog:'>;
