/** Similar requests: a read, so it answers without waiting behind writes. */
import { findSimilarCases } from '../similar';
import type { SessionHandlers } from './types';

export const similarHandlers = {
  'cases:similar': (s, { id, limit }) => findSimilarCases(s.db, id, limit),
} satisfies SessionHandlers<'cases:'>;
