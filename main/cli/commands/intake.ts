/**
 * `foi-desk intake <file> <email>...`: logs a case from each .eml or Outlook .msg, as the app's
 * email intake does (the same two functions): requester, UK date received, subject, request text,
 * proposed questions, the email and its attachments kept inside the encrypted case file. A message
 * already logged (same Message-ID, or the same text from the same address) is skipped and named,
 * unless --allow-duplicates; --dry-run prints what would be logged and writes nothing.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { withCaseFileAsync } from '../../../db/case-file';
import { formatBytes, MAX_ATTACHMENT_BYTES } from '../../../shared/attachment-rules';
import { REGIMES, type Regime } from '../../../shared/case-format';
import type { EmailIntakeProposal } from '../../../shared/contract';
import { formatUkDate } from '../../../shared/dates';
import { describeCount } from '../../../shared/questions';
import { logEmail, proposeFromEmail, readEmail } from '../../services/intake/email-intake';
import { describeError } from '../../services/errors';
import { openSession } from '../../services/session';
import { CliError, type Command } from '../cli-error';
import { withPassphrase } from '../passphrase';
import { parseCommandArgs } from './case-file-commands';

const USAGE =
  'foi-desk intake <file> <email.eml|email.msg>... [--regime R] [--allow-duplicates] [--dry-run] [--json]';

interface Outcome {
  email: string;
  result: 'logged' | 'would-log' | 'duplicate' | 'refused';
  reference?: string;
  caseId?: number;
  message?: string;
  proposal?: EmailIntakeProposal;
}

function describe(p: EmailIntakeProposal): string {
  const d = p.draft;
  const kept = p.attachments.filter((a) => a.keep).length;
  return [
    `"${d.subject}" from ${d.requester.name}${d.requester.email ? ` <${d.requester.email}>` : ''}`,
    `received ${formatUkDate(d.received)}`,
    describeCount(d.questions),
    `the email and ${kept} attachment${kept === 1 ? '' : 's'} kept`,
    ...(p.whatDoTheyKnow ? ['WhatDoTheyKnow: the reply will be published'] : []),
  ].join(', ');
}

export const intakeCommand: Command = {
  name: 'intake',
  usage: 'intake <file> <email>... [--regime R] [--allow-duplicates] [--dry-run] [--json]',
  summary: 'log a case from each request email (.eml or Outlook .msg), attachments kept',
  async run(args, io) {
    const { positionals, values } = parseCommandArgs(
      args,
      {
        regime: { type: 'string', default: 'FOIA' },
        'allow-duplicates': { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        json: { type: 'boolean' },
      },
      { min: 2, max: 1000, usage: USAGE },
    );
    const regime: Regime | undefined = REGIMES.find((r) => r === values.regime);
    if (!regime)
      throw new CliError(`unknown regime "${values.regime}": use one of ${REGIMES.join(', ')}.`, 2);
    const [caseFile, ...emails] = positionals as [string, ...string[]];
    // Every email is read before the case file is opened: a missing or oversized one stops here.
    const files: { name: string; data: Buffer }[] = [];
    for (const email of emails) {
      const info = await stat(email).catch(() => null);
      if (!info?.isFile()) throw new CliError(`${email} is not a file.`, 1);
      if (info.size > MAX_ATTACHMENT_BYTES)
        throw new CliError(
          `${email} is ${formatBytes(info.size)}: an email can be at most ${formatBytes(MAX_ATTACHMENT_BYTES)}.`,
          1,
        );
      files.push({ name: email, data: await readFile(email) });
    }
    const outcomes = await withPassphrase(io, (passphrase) =>
      withCaseFileAsync({ path: caseFile, passphrase }, async (file) => {
        const s = openSession(file, passphrase, 'foi-desk intake');
        const out: Outcome[] = [];
        for (const f of files) {
          try {
            const read = await readEmail(path.basename(f.name), f.data);
            const proposal = proposeFromEmail(s, read, '-', regime);
            const first = proposal.duplicates[0];
            if (first && !values['allow-duplicates']) {
              out.push({
                email: f.name,
                result: 'duplicate',
                reference: first.reference,
                caseId: first.caseId,
                message: `already logged as ${proposal.duplicates.map((d) => d.reference).join(', ')} (${first.why === 'message-id' ? 'the same message' : 'the same text from the same address'}); not logged again (--allow-duplicates to log it)`,
                proposal,
              });
              continue;
            }
            if (values['dry-run']) {
              out.push({ email: f.name, result: 'would-log', reference: proposal.draft.reference, proposal });
              continue;
            }
            const detail = logEmail(s, read, proposal.draft, {
              keep: proposal.attachments.filter((a) => a.keep).map((a) => a.index),
              allowDuplicate: values['allow-duplicates'] === true,
            });
            out.push({
              email: f.name,
              result: 'logged',
              reference: detail.record.reference,
              caseId: detail.id,
              proposal,
            });
          } catch (error) {
            out.push({ email: f.name, result: 'refused', message: describeError(error) });
          }
        }
        return out;
      }),
    );
    if (values.json) {
      io.stdout(`${JSON.stringify(outcomes, null, 2)}\n`);
    } else {
      for (const o of outcomes) {
        if (o.result === 'logged')
          io.stdout(`Logged ${o.reference} from ${o.email}: ${describe(o.proposal!)}.\n`);
        else if (o.result === 'would-log')
          io.stdout(`Would log ${o.reference} from ${o.email}: ${describe(o.proposal!)}.\n`);
        else io.stderr(`${o.email}: ${o.message}\n`);
      }
    }
    return outcomes.every((o) => o.result === 'logged' || o.result === 'would-log') ? 0 : 1;
  },
};
