/**
 * A request email turned into a new case, in two steps so nothing is written before the officer
 * has seen it: `proposeFromEmail` reads the message and prefills the new-case form (requester,
 * date received in UK time, subject, request text, proposed questions, attachments, duplicates);
 * `logEmail` then logs the case the officer reviewed, with the email itself and the attachments
 * they kept stored in the case file, in one transaction. The app's channels, `foi-desk intake` and
 * the tests all go through these two functions.
 */
import { createHash } from 'node:crypto';
import { inTransaction } from '../../../db/case-file';
import {
  caseAttachmentUse,
  casesWithMessageId,
  insertAttachment,
  insertCaseEmail,
  requestsFromAddress,
} from '../../../db/queries/attachments';
import { recordAudit } from '../../../db/queries/audit';
import { nextReference } from '../../../db/queries/case-edits';
import { getSettings } from '../../../db/queries/settings';
import { attachmentProblems, cleanFileName, type AttachmentKind } from '../../../shared/attachment-rules';
import type { Regime } from '../../../shared/case-format';
import type {
  CaseDetail,
  CaseDraft,
  EmailDuplicate,
  EmailIntakeAttachment,
  EmailIntakeProposal,
} from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { proposeQuestions } from '../../../shared/questions';
import { referenceFormatFor } from '../../../shared/settings';
import { caseHandlers, getCase } from '../handlers/cases';
import type { OpenSession } from '../session';
import { parseEmail, type ParsedEmail } from './parse-email';
import {
  stripWhatDoTheyKnowFooter,
  subjectWithoutPrefix,
  WHATDOTHEYKNOW_CATEGORY,
  WHATDOTHEYKNOW_NOTE,
  whatDoTheyKnowRequest,
} from './whatdotheyknow';

/** An email read and waiting for the officer's review. */
export interface ReadEmail {
  fileName: string;
  /** The file as it arrived: kept in the case as the request email. */
  raw: Buffer;
  email: ParsedEmail;
  whatDoTheyKnow: boolean;
  requestText: string;
}

const UK_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The date an email was received, in UK time (a message sent at 23:30 BST on 31 March is received on
 * 31 March, though it is 22:30 UTC). A message that arrives after the working day still counts as
 * received that day (ICO guidance; DOMAIN.md): only a team's "next working day" setting, applied by
 * the clock, moves a non-working day on.
 */
export function ukDateOf(instant: Date): string {
  return UK_DATE.format(instant);
}

/** Text compared for "the same text": case, spacing and line ends do not matter. */
export function normaliseRequestText(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

export async function readEmail(fileName: string, raw: Buffer): Promise<ReadEmail> {
  const email = await parseEmail(raw);
  const requester = email.replyTo ?? email.from;
  const whatDoTheyKnow =
    whatDoTheyKnowRequest(email.from?.address) !== null || whatDoTheyKnowRequest(requester?.address) !== null;
  const stripped = stripWhatDoTheyKnowFooter(email.text);
  // The footer is recognised by its own wording; a message from another address that quotes a
  // WhatDoTheyKnow request (forwarded by a colleague) loses the footer too.
  return { fileName, raw, email, whatDoTheyKnow, requestText: stripped.text };
}

export function findDuplicates(s: OpenSession, read: ReadEmail): EmailDuplicate[] {
  const out: EmailDuplicate[] = [];
  const seen = new Set<number>();
  if (read.email.messageId) {
    for (const m of casesWithMessageId(s.db, read.email.messageId)) {
      seen.add(m.caseId);
      out.push({ caseId: m.caseId, reference: m.reference, why: 'message-id' });
    }
  }
  const address = (read.email.replyTo ?? read.email.from)?.address;
  const text = normaliseRequestText(read.requestText);
  if (address && text) {
    for (const m of requestsFromAddress(s.db, address)) {
      if (seen.has(m.caseId) || normaliseRequestText(m.requestText) !== text) continue;
      seen.add(m.caseId);
      out.push({ caseId: m.caseId, reference: m.reference, why: 'same-text' });
    }
  }
  return out;
}

function attachmentName(a: ParsedEmail['attachments'][number], index: number): string {
  return cleanFileName(a.name, `attachment-${index + 1}`);
}

export function emailFileName(read: ReadEmail): string {
  const fallback = `request-email.${read.email.format}`;
  const name = cleanFileName(read.fileName, fallback);
  return /\.(eml|msg)$/i.test(name) ? name : `${name}.${read.email.format}`;
}

/** The new-case form, prefilled from the email, with everything the officer should check. */
export function proposeFromEmail(
  s: OpenSession,
  read: ReadEmail,
  intakeId: string,
  regime: Regime = 'FOIA',
): EmailIntakeProposal {
  const { email } = read;
  const notes: string[] = [];
  const person = email.replyTo ?? email.from;
  if (!person) notes.push('The email names no sender: enter the requester’s name and address.');
  if (email.replyTo && email.from && email.replyTo.address !== email.from.address)
    notes.push(
      `Replies go to ${email.replyTo.address} (its Reply-To), not to the sender ${email.from.address}.`,
    );
  const name = person?.name || email.from?.name || '';
  if (person && !name) notes.push('The email gives no name for the requester: enter it.');

  let received = s.today();
  let sentAt: string | null = null;
  if (email.date) {
    sentAt = email.date.toISOString();
    const day = ukDateOf(email.date);
    if (day > s.today()) notes.push('The email is dated in the future: the date received is today instead.');
    else received = day;
  } else {
    notes.push('The email has no date: the date received is today. Change it if it arrived earlier.');
  }
  if (email.fromHtml)
    notes.push('The email had no plain-text version: its text was made from the HTML. Check it.');
  if (read.whatDoTheyKnow)
    notes.push('Sent through WhatDoTheyKnow: its footer is left out of the request text.');

  const subject = subjectWithoutPrefix(email.subject) || '(no subject)';
  const proposal = proposeQuestions(read.requestText);
  const use = { count: 0, bytes: read.raw.length };
  const attachments: EmailIntakeAttachment[] = email.attachments.map((a, index) => {
    const problem =
      attachmentProblems([{ name: attachmentName(a, index), size: a.data.length }], {
        count: 0,
        bytes: 0,
      })[0] ?? null;
    const keep = problem === null && !a.inline;
    if (keep) {
      use.count++;
      use.bytes += a.data.length;
    }
    return {
      index,
      name: attachmentName(a, index),
      contentType: a.contentType,
      size: a.data.length,
      inline: a.inline,
      keep,
      problem,
    };
  });
  const draft: CaseDraft = {
    reference: nextReference(s.db, referenceFormatFor(getSettings(s.db), regime)),
    regime,
    received,
    channel: 'email',
    requester: {
      name: name || (person?.address ?? ''),
      ...(person?.address ? { email: person.address } : {}),
      ...(read.whatDoTheyKnow ? { category: WHATDOTHEYKNOW_CATEGORY } : {}),
    },
    subject,
    requestText: read.requestText,
    questions: proposal.questions,
  };
  return {
    intakeId,
    fileName: emailFileName(read),
    emailSize: read.raw.length,
    draft,
    notes,
    questionNotes: proposal.notes,
    whatDoTheyKnow: read.whatDoTheyKnow,
    sourceNote: read.whatDoTheyKnow ? WHATDOTHEYKNOW_NOTE : null,
    sentAt,
    messageId: email.messageId,
    duplicates: findDuplicates(s, read),
    attachments,
  };
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Logs the case the officer reviewed (their edits to the prefilled form win), with the email and
 * the attachments they kept (by index). A message already logged is refused unless the officer
 * chose to log it again. All of it lands in one transaction, or nothing does.
 */
export function logEmail(
  s: OpenSession,
  read: ReadEmail,
  draft: CaseDraft,
  options: { keep: readonly number[]; allowDuplicate?: boolean },
): CaseDetail {
  const duplicates = findDuplicates(s, read);
  const first = duplicates[0];
  if (first && !options.allowDuplicate)
    throw new AppError(
      'conflict',
      `This email is already logged as ${duplicates.map((d) => d.reference).join(', ')} (${first.why === 'message-id' ? 'the same message' : 'the same text from the same address'}). Open that case, or choose to log it again.`,
    );
  const keep = [...new Set(options.keep)].sort((a, b) => a - b);
  const files: { name: string; contentType: string; data: Buffer; kind: AttachmentKind }[] = [
    {
      name: emailFileName(read),
      contentType: read.email.format === 'msg' ? 'application/vnd.ms-outlook' : 'message/rfc822',
      data: read.raw,
      kind: 'request-email',
    },
  ];
  for (const index of keep) {
    const a = read.email.attachments[index];
    if (!a) throw new AppError('validation', `The email has no attachment number ${index + 1}.`);
    files.push({
      name: attachmentName(a, index),
      contentType: a.contentType,
      data: a.data,
      kind: 'attachment',
    });
  }
  const caseId = inTransaction(s.db, (tx) => {
    const created = caseHandlers['cases:create'](s, { draft });
    const caseId = created.id;
    const problems = attachmentProblems(
      files.map((f) => ({ name: f.name, size: f.data.length })),
      caseAttachmentUse(tx, caseId),
    );
    if (problems.length) throw new AppError('validation', problems.join(' '));
    insertCaseEmail(tx, {
      caseId,
      messageId: read.email.messageId,
      fromAddress: (read.email.replyTo ?? read.email.from)?.address ?? null,
      whatDoTheyKnow: read.whatDoTheyKnow,
      note: read.whatDoTheyKnow ? WHATDOTHEYKNOW_NOTE : null,
      sentAt: read.email.date?.toISOString() ?? null,
    });
    for (const f of files) {
      const id = insertAttachment(tx, {
        caseId,
        kind: f.kind,
        name: f.name,
        contentType: f.contentType,
        sha256: sha256(f.data),
        data: f.data,
      });
      recordAudit(tx, {
        actor: s.actor,
        caseId,
        action: 'attachment-added',
        entity: 'attachment',
        field: f.name,
        newValue: { id, kind: f.kind, size: f.data.length },
      });
    }
    if (read.whatDoTheyKnow)
      recordAudit(tx, {
        actor: s.actor,
        caseId,
        action: 'note',
        entity: 'case',
        newValue: WHATDOTHEYKNOW_NOTE,
      });
    return caseId;
  });
  return getCase(s, caseId);
}
