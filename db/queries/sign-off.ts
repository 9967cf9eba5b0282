/** Sign-off: the team's policy, a case's sensitive flag and the steps of each letter version's approval. */
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { CaseDb } from '../case-file';
import { cases, letterVersions, signOffSteps } from '../schema';
import {
  readSignOffPolicy,
  type SignOffPolicy,
  type SignOffStep,
  type SignOffStepKind,
} from '../../shared/sign-off';
import { getSettingValue, setSetting } from './settings';

export const SIGN_OFF_POLICY_KEY = 'signOff.policy';

export function getSignOffPolicy(db: CaseDb): SignOffPolicy {
  return readSignOffPolicy(getSettingValue<unknown>(db, SIGN_OFF_POLICY_KEY));
}

export function setSignOffPolicy(db: CaseDb, policy: SignOffPolicy): void {
  setSetting(db, SIGN_OFF_POLICY_KEY, policy);
}

export function getCaseSensitive(db: CaseDb, caseId: number): boolean | undefined {
  return db.select({ sensitive: cases.sensitive }).from(cases).where(eq(cases.id, caseId)).get()?.sensitive;
}

export function setCaseSensitive(db: CaseDb, caseId: number, sensitive: boolean): void {
  db.update(cases).set({ sensitive }).where(eq(cases.id, caseId)).run();
}

/** Every step on the case's letters, oldest first. */
export function listSignOffSteps(db: CaseDb, caseId: number): SignOffStep[] {
  return db
    .select({
      id: signOffSteps.id,
      versionId: signOffSteps.versionId,
      kind: signOffSteps.kind,
      actor: signOffSteps.actor,
      approver: signOffSteps.approver,
      comment: signOffSteps.comment,
      fingerprint: signOffSteps.fingerprint,
      at: signOffSteps.at,
    })
    .from(signOffSteps)
    .where(eq(signOffSteps.caseId, caseId))
    .orderBy(asc(signOffSteps.id))
    .all();
}

export function insertSignOffStep(
  db: CaseDb,
  values: {
    caseId: number;
    versionId: number;
    kind: SignOffStepKind;
    actor: string;
    approver?: string | null;
    comment?: string | null;
    fingerprint: string;
  },
): void {
  db.insert(signOffSteps)
    .values({ ...values, approver: values.approver ?? null, comment: values.comment ?? null })
    .run();
}

/** Whether any letter of the case was marked as sent. */
export function caseHasSentLetter(db: CaseDb, caseId: number): boolean {
  return (
    db
      .select({ id: letterVersions.id })
      .from(letterVersions)
      .where(and(eq(letterVersions.caseId, caseId), isNotNull(letterVersions.sentAt)))
      .get() !== undefined
  );
}
