/** The Commissioner's decisions on a complaint (a leaf module: the case format names them too). See shared/commissioner.ts. */
/**
 * How the complaint ended. "Upheld" is the Commissioner's word for finding for the complainant
 * (the authority got it wrong); "not upheld" means the authority's handling stood.
 */
export const COMMISSIONER_DECISIONS = [
  'upheld',
  'partly-upheld',
  'not-upheld',
  'withdrawn',
  'informally-resolved',
] as const;
export type CommissionerDecision = (typeof COMMISSIONER_DECISIONS)[number];
