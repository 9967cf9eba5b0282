/** The team's settings, letterhead, officers and added bank holidays. */
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import { inTransaction, type CaseDb } from '../../../db/case-file';
import { recordAudit, recordChanges } from '../../../db/queries/audit';
import {
  deleteAddedHoliday,
  getAddedHoliday,
  getOfficer,
  insertAddedHoliday,
  insertOfficer,
  listAddedHolidays,
  listOfficers,
  updateOfficer,
} from '../../../db/queries/case-edits';
import { getOrganisation, saveOrganisation } from '../../../db/queries/organisation';
import { getSettings, saveSettings } from '../../../db/queries/settings';
import type { ExtraHoliday } from '../../../shared/clock';
import type { SettingsBundle } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { recomputeAllDueDates } from '../deadlines';
import { logoView, saveLogo } from '../letter-logo';
import type { SessionHandlers } from './types';

export function settingsBundle(db: CaseDb): SettingsBundle {
  return {
    settings: getSettings(db),
    organisation: getOrganisation(db) ?? null,
    officers: listOfficers(db).map((o) => ({
      id: o.id,
      name: o.name,
      title: o.title,
      initials: o.initials,
      active: o.active,
    })),
    logo: logoView(db),
    holidays: listAddedHolidays(db).map((h): ExtraHoliday => {
      const out: ExtraHoliday = { date: h.date, name: h.name };
      if (h.jurisdictions && h.jurisdictions.length)
        out.jurisdictions = h.jurisdictions as ExtraHoliday['jurisdictions'];
      return out;
    }),
  };
}

/**
 * An automatic-backup folder must be there and writable when it is set, or every backup on lock
 * would fail. An empty value turns automatic backups off.
 */
export function backupFolderProblem(folder: string): string | null {
  if (!folder) return null;
  if (!path.isAbsolute(folder)) return 'Give the backup folder as a full path (for example D:\\Backups).';
  try {
    if (!statSync(folder).isDirectory()) return 'The backup folder is a file, not a folder.';
    accessSync(folder, constants.W_OK);
  } catch (error) {
    const code = (error as { code?: string }).code;
    return code === 'ENOENT'
      ? 'That backup folder does not exist.'
      : 'That backup folder cannot be written to.';
  }
  return null;
}

export const settingsHandlers = {
  'settings:get': (s) => settingsBundle(s.db),

  'settings:save': (s, { settings: values }) => {
    if (values.autoBackupFolder !== undefined) {
      const problem = backupFolderProblem(values.autoBackupFolder);
      if (problem) throw new AppError('validation', problem, 'autoBackupFolder');
    }
    inTransaction(s.db, (tx) => {
      const before = getSettings(tx);
      const after = saveSettings(tx, values);
      const changed = recordChanges(tx, {
        actor: s.actor,
        entity: 'settings',
        before,
        after: Object.fromEntries(Object.keys(values).map((k) => [k, after[k as keyof typeof after]])),
      });
      if (changed.includes('receivedOnNonWorkingDayCountsNext')) recomputeAllDueDates(tx);
    });
    return settingsBundle(s.db);
  },

  'settings:save-organisation': (s, { organisation }) => {
    inTransaction(s.db, (tx) => {
      const before = getOrganisation(tx);
      saveOrganisation(tx, organisation);
      const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(organisation)]);
      // A field cleared on the form is recorded as cleared (null), not skipped.
      const after = Object.fromEntries(
        [...keys].map((k) => [k, organisation[k as keyof typeof organisation] ?? null]),
      );
      const changed = recordChanges(tx, { actor: s.actor, entity: 'organisation', before, after });
      if (changed.includes('jurisdiction')) recomputeAllDueDates(tx);
    });
    return settingsBundle(s.db);
  },

  'settings:save-officer': (s, input) => {
    inTransaction(s.db, (tx) => {
      const values = {
        name: input.name,
        title: input.title,
        // Left out on a change, the initials stay as they were.
        initials: input.initials ?? (input.id !== undefined ? getOfficer(tx, input.id)?.initials : '') ?? '',
        active: input.active,
      };
      if (input.id === undefined) {
        const id = insertOfficer(tx, values);
        recordAudit(tx, {
          actor: s.actor,
          action: 'create',
          entity: 'officer',
          field: String(id),
          newValue: values,
        });
        return;
      }
      const before = getOfficer(tx, input.id);
      if (!before) throw new AppError('not-found', 'That officer is not in the list.');
      updateOfficer(tx, input.id, values);
      recordAudit(tx, {
        actor: s.actor,
        action: 'update',
        entity: 'officer',
        field: String(input.id),
        oldValue: {
          name: before.name,
          title: before.title,
          initials: before.initials,
          active: before.active,
        },
        newValue: values,
      });
    });
    return settingsBundle(s.db);
  },

  'settings:save-logo': (s, { base64 }) => {
    saveLogo(s, base64);
    return settingsBundle(s.db);
  },

  'settings:add-holiday': (s, input) => {
    const recomputed = inTransaction(s.db, (tx) => {
      if (getAddedHoliday(tx, input.date))
        throw new AppError('validation', 'That date is already in the list of added bank holidays.');
      const jurisdictions = input.jurisdictions && input.jurisdictions.length ? input.jurisdictions : null;
      insertAddedHoliday(tx, { date: input.date, name: input.name, jurisdictions });
      recordAudit(tx, {
        actor: s.actor,
        action: 'create',
        entity: 'holiday',
        field: input.date,
        newValue: { name: input.name, jurisdictions },
      });
      return recomputeAllDueDates(tx);
    });
    return { ...settingsBundle(s.db), recomputed };
  },

  'settings:remove-holiday': (s, input) => {
    const recomputed = inTransaction(s.db, (tx) => {
      const before = getAddedHoliday(tx, input.date);
      if (!before) throw new AppError('not-found', 'That date is not in the list of added bank holidays.');
      deleteAddedHoliday(tx, input.date);
      recordAudit(tx, {
        actor: s.actor,
        action: 'remove',
        entity: 'holiday',
        field: input.date,
        oldValue: { name: before.name, jurisdictions: before.jurisdictions },
      });
      return recomputeAllDueDates(tx);
    });
    return { ...settingsBundle(s.db), recomputed };
  },
} satisfies SessionHandlers<'settings:'>;
