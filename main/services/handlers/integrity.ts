/**
 * The background integrity check of the open file (main/services/integrity.ts): its latest result,
 * and a check run now. Neither touches the database connection, so both answer outside the queue.
 */
import type { AppHandlers } from './types';

export const integrityHandlers = {
  'integrity:status': (app) => {
    app.requireSession();
    return app.integrity.status();
  },
  'integrity:check': (app) => {
    app.requireSession();
    return app.integrity.checkNow();
  },
} satisfies AppHandlers<'integrity:'>;
