/**
 * Email intake and the files kept with a case. Files reach main as bytes (the bridge's upload,
 * Electron's open dialog read in main) and are held in memory until a call uses them; they are
 * stored in the encrypted case file as BLOBs, never beside it. Every write checks the shared
 * limits (shared/attachment-rules.ts) and refuses with one message, nothing changed.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { inTransaction } from '../../../db/case-file';
import {
  caseAttachmentUse,
  deleteAttachment,
  getAttachment,
  getAttachmentData,
  getCaseEmail,
  insertAttachment,
  listAttachments,
} from '../../../db/queries/attachments';
import { recordAudit } from '../../../db/queries/audit';
import {
  attachmentProblems,
  cleanFileName,
  LIMITS_SENTENCE,
  MAX_ATTACHMENT_BYTES,
  MAX_CASE_ATTACHMENT_BYTES,
  MAX_CASE_ATTACHMENTS,
} from '../../../shared/attachment-rules';
import type { CaseAttachments } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { writeFileAtomic } from '../files';
import { heldFiles, type HeldUpload } from '../intake/held-files';
import { logEmail, proposeFromEmail, readEmail, type ReadEmail } from '../intake/email-intake';
import { checkOutputPath } from '../output-paths';
import type { OpenSession } from '../session';
import { requireRow } from './cases';
import type { AppHandlers } from './types';
import { createHash } from 'node:crypto';

export function caseAttachments(s: OpenSession, caseId: number): CaseAttachments {
  requireRow(s.db, caseId);
  const source = getCaseEmail(s.db, caseId);
  return {
    caseId,
    attachments: listAttachments(s.db, caseId).map((a) => ({
      id: a.id,
      caseId: a.caseId,
      kind: a.kind,
      name: a.name,
      contentType: a.contentType,
      size: a.size,
      createdAt: a.createdAt,
    })),
    used: caseAttachmentUse(s.db, caseId),
    limits: {
      fileBytes: MAX_ATTACHMENT_BYTES,
      caseBytes: MAX_CASE_ATTACHMENT_BYTES,
      files: MAX_CASE_ATTACHMENTS,
      sentence: LIMITS_SENTENCE,
    },
    source: source
      ? {
          messageId: source.messageId,
          whatDoTheyKnow: source.whatDoTheyKnow,
          note: source.note,
          sentAt: source.sentAt,
        }
      : null,
  };
}

function requireAttachment(s: OpenSession, id: number) {
  const row = getAttachment(s.db, id);
  if (!row) throw new AppError('not-found', 'That file is not in the case file (it may have been removed).');
  return row;
}

function attachmentBytes(s: OpenSession, id: number): Buffer {
  const data = getAttachmentData(s.db, id);
  if (!data) throw new AppError('not-found', 'That file is not in the case file (it may have been removed).');
  return data;
}

/** An exported or downloaded file can leave the machine: the case's timeline says which did. */
function auditExport(s: OpenSession, row: { id: number; caseId: number; name: string }): void {
  recordAudit(s.db, {
    actor: s.actor,
    caseId: row.caseId,
    action: 'attachment-exported',
    entity: 'attachment',
    field: row.name,
    newValue: { id: row.id },
  });
}

export const attachmentHandlers = {
  'intake:read-email': async (app, { uploadId, regime }) => {
    const s = app.requireSession();
    const held = heldFiles(app);
    const upload = held.take<HeldUpload>(uploadId, 'email file');
    const read = await readEmail(upload.name, upload.data);
    const intakeId = held.put(read, read.raw.length);
    return proposeFromEmail(s, read, intakeId, regime);
  },

  'intake:log-email': (app, { intakeId, draft, keep, allowDuplicate }) => {
    const s = app.requireSession();
    const held = heldFiles(app);
    // Kept until the case is logged: a refusal (a duplicate, a taken reference) can be put right.
    const read = held.peek<ReadEmail>(intakeId, 'email');
    const detail = logEmail(s, read, draft, { keep, allowDuplicate: allowDuplicate === true });
    held.drop(intakeId);
    return detail;
  },

  'intake:discard': (app, { intakeId }) => {
    app.requireSession();
    return { discarded: heldFiles(app).drop(intakeId) };
  },

  'attachments:list': (app, { caseId }) => caseAttachments(app.requireSession(), caseId),

  'attachments:add': (app, { caseId, uploadIds, kind }) => {
    const s = app.requireSession();
    requireRow(s.db, caseId);
    const held = heldFiles(app);
    const uploads = uploadIds.map((id) => held.peek<HeldUpload>(id, 'file'));
    const files = uploads.map((u) => ({ ...u, name: cleanFileName(u.name) }));
    inTransaction(s.db, (tx) => {
      const problems = attachmentProblems(
        files.map((f) => ({ name: f.name, size: f.data.length })),
        caseAttachmentUse(tx, caseId),
      );
      if (problems.length) throw new AppError('validation', problems.join(' '));
      for (const f of files) {
        const id = insertAttachment(tx, {
          caseId,
          kind,
          name: f.name,
          contentType: f.contentType,
          sha256: createHash('sha256').update(f.data).digest('hex'),
          data: f.data,
        });
        recordAudit(tx, {
          actor: s.actor,
          caseId,
          action: 'attachment-added',
          entity: 'attachment',
          field: f.name,
          newValue: { id, kind, size: f.data.length },
        });
      }
    });
    for (const id of uploadIds) held.drop(id);
    return caseAttachments(s, caseId);
  },

  'attachments:remove': (app, { id }) => {
    const s = app.requireSession();
    const row = requireAttachment(s, id);
    inTransaction(s.db, (tx) => {
      deleteAttachment(tx, id);
      recordAudit(tx, {
        actor: s.actor,
        caseId: row.caseId,
        action: 'attachment-removed',
        entity: 'attachment',
        field: row.name,
        oldValue: { id, kind: row.kind, size: row.size },
      });
    });
    return caseAttachments(s, row.caseId);
  },

  'attachments:download': (app, { id }) => {
    const s = app.requireSession();
    const row = requireAttachment(s, id);
    const data = attachmentBytes(s, id);
    auditExport(s, row);
    return { fileName: row.name, contentType: row.contentType, base64: data.toString('base64') };
  },

  /**
   * Writing a file to a path: only one the officer chose in the save dialog main opened (used once,
   * within minutes), never one the page made up, and never the case file or a backup.
   */
  'attachments:export': (app, input) => {
    const s = app.requireSession();
    const row = requireAttachment(s, input.id);
    if (!app.grants.take('attachment-export', input.path))
      throw new AppError(
        'validation',
        'Choose where to save the file with the Save dialog: FOI Desk writes only where you chose.',
      );
    const folder = path.dirname(input.path);
    if (!existsSync(folder) || !statSync(folder).isDirectory())
      throw new AppError('file-missing', 'That folder does not exist.');
    checkOutputPath(input.path, { inputs: [s.file.path], force: true });
    const data = attachmentBytes(s, input.id);
    writeFileAtomic(input.path, data);
    auditExport(s, row);
    return { path: input.path, bytes: data.length };
  },
} satisfies AppHandlers<'intake:' | 'attachments:'>;
