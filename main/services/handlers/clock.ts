/** The statutory clock for a case not yet logged: the due date and its working, as the officer types. */
import { assessProgress, ClockInputError } from '../../../shared/clock';
import { AppError } from '../../../shared/errors';
import { deadlineFor, loadClockContext, progressOptions } from '../deadlines';
import type { SessionHandlers } from './types';

export const clockHandlers = {
  'clock:preview': (s, input) => {
    const context = loadClockContext(s.db);
    try {
      const deadline = deadlineFor(context, input, input.events ?? [], true);
      const progress = assessProgress(deadline, s.today(), progressOptions(context, input.regime));
      return { deadline, progress };
    } catch (error) {
      if (error instanceof ClockInputError)
        throw new AppError('validation', `The statutory clock cannot use these dates: ${error.message}.`);
      throw error;
    }
  },
} satisfies SessionHandlers<'clock:'>;
