import type { CaseRecord } from '../shared/case-format';
export declare function registerCase(i: number): CaseRecord;
/** Writes `count` cases as one JSON array to `path`. */
export declare function writeRegister(path: string, count: number): Promise<void>;
