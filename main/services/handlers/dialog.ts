/** The native save dialog (Electron only); the browser bridge has none and downloads instead. */
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
    return { path: await choose(request) };
  },
} satisfies AppHandlers<'dialog:'>;
