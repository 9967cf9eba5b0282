/** The letterhead logo: checked by its bytes, kept in the case file, shown on the settings page. */
import { inTransaction, type CaseDb } from '../../db/case-file';
import { recordAudit } from '../../db/queries/audit';
import { getOrganisationLogo, saveOrganisationLogo } from '../../db/queries/organisation';
import type { LogoView } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { inspectLogo, type LogoInfo } from '../../shared/letter/logo';
import type { OpenSession } from './session';

/** The stored logo with its type and size, checked again (a file from elsewhere is not trusted). */
export function loadLogo(db: CaseDb): { bytes: Buffer; info: LogoInfo } | undefined {
  const stored = getOrganisationLogo(db);
  if (!stored) return undefined;
  const info = inspectLogo(stored.bytes);
  return typeof info === 'string' ? undefined : { bytes: stored.bytes, info };
}

export function logoView(db: CaseDb): LogoView | null {
  const logo = loadLogo(db);
  if (!logo) return null;
  return {
    type: logo.info.type,
    base64: logo.bytes.toString('base64'),
    width: logo.info.width,
    height: logo.info.height,
  };
}

/** Stores the logo sent as base64 (or removes it with null), with an audit entry. */
export function saveLogo(s: OpenSession, base64: string | null): void {
  let logo: { bytes: Buffer; type: string } | null = null;
  if (base64 !== null) {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64))
      throw new AppError('validation', 'The logo could not be read.', 'logo');
    const bytes = Buffer.from(base64, 'base64');
    const info = inspectLogo(bytes);
    if (typeof info === 'string') throw new AppError('validation', info, 'logo');
    logo = { bytes, type: info.type };
  }
  inTransaction(s.db, (tx) => {
    const before = getOrganisationLogo(tx);
    if (!saveOrganisationLogo(tx, logo))
      throw new AppError('validation', 'Save the letterhead before adding a logo.', 'logo');
    recordAudit(tx, {
      actor: s.actor,
      action: logo ? 'update' : 'remove',
      entity: 'organisation',
      field: 'logo',
      oldValue: before ? `${before.type}, ${before.bytes.length} bytes` : null,
      newValue: logo ? `${logo.type}, ${logo.bytes.length} bytes` : null,
    });
  });
}
