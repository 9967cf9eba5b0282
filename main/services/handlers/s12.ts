/** The s12 estimate worksheet (main/services/s12.ts; the rules in shared/s12.ts). */
import { getWorksheetView, saveWorksheet } from '../s12';
import type { SessionHandlers } from './types';

export const s12Handlers = {
  's12:get': (s, { caseId }) => getWorksheetView(s.db, caseId),
  's12:save': (s, input) => saveWorksheet(s.db, input, s.actor, s.now()),
} satisfies SessionHandlers<'s12:'>;
