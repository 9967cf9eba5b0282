/**
 * An email file as FOI Desk needs it: who sent it, when, its subject, its text and its attachments.
 * An .eml (RFC 5322, what most mail programs save) is read with postal-mime; an Outlook .msg (an
 * OLE compound file) with @kenjiuno/msgreader. An HTML-only body is turned into text with
 * html-to-text (paragraphs, lists and line breaks kept), so the question splitter sees lines.
 * Everything happens in memory: the file's bytes come in, nothing is written anywhere.
 */
import MsgReaderModule from '@kenjiuno/msgreader';
import { convert } from 'html-to-text';
import PostalMime, { type Address } from 'postal-mime';
import { AppError } from '../../../shared/errors';

export interface EmailAddress {
  name: string;
  address: string;
}

export interface EmailAttachment {
  name: string | null;
  contentType: string;
  data: Buffer;
  /** An image the HTML shows in its text (a logo, a signature) rather than a file sent with it. */
  inline: boolean;
}

export interface ParsedEmail {
  format: 'eml' | 'msg';
  messageId: string | null;
  from: EmailAddress | null;
  replyTo: EmailAddress | null;
  /** The Date header as an instant, or null when it has none that reads as a date. */
  date: Date | null;
  subject: string;
  /** The body as text (from the HTML when the message has no text part). */
  text: string;
  /** True when the text was made from the HTML. */
  fromHtml: boolean;
  attachments: EmailAttachment[];
}

/** The OLE compound-file signature an Outlook .msg starts with. */
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export function isMsgFile(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && Buffer.from(bytes.buffer, bytes.byteOffset, 8).equals(OLE_SIGNATURE);
}

export function htmlToText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false } },
      { selector: 'h3', options: { uppercase: false } },
      { selector: 'table', options: { uppercaseHeaderCells: false } },
    ],
  }).trim();
}

/** Line ends as the request text keeps them, and no trailing blank lines. */
function tidyText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function firstMailbox(address: Address | Address[] | undefined): EmailAddress | null {
  const list = Array.isArray(address) ? address : address ? [address] : [];
  for (const a of list) {
    const boxes = 'group' in a && a.group ? a.group : [a];
    for (const box of boxes) {
      if ('address' in box && box.address)
        return { name: (box.name ?? '').trim(), address: box.address.trim() };
    }
  }
  return null;
}

function readDate(value: string | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

async function parseEml(bytes: Buffer): Promise<ParsedEmail> {
  let email;
  try {
    email = await PostalMime.parse(bytes, { attachmentEncoding: 'arraybuffer' });
  } catch {
    throw new AppError('validation', 'That file could not be read as an email.');
  }
  if (!email.from && !email.subject && !email.text && !email.html)
    throw new AppError('validation', 'That file is not an email (it has no sender, subject or text).');
  const plain = email.text?.trim() ? email.text : '';
  const text = plain || (email.html ? htmlToText(email.html) : '');
  return {
    format: 'eml',
    messageId: email.messageId?.trim() || null,
    from: firstMailbox(email.from),
    replyTo: firstMailbox(email.replyTo),
    date: readDate(email.date),
    subject: (email.subject ?? '').trim(),
    text: tidyText(text),
    fromHtml: !plain && Boolean(email.html),
    attachments: email.attachments.map((a) => ({
      name: a.filename,
      contentType: a.mimeType || 'application/octet-stream',
      data: Buffer.from(
        typeof a.content === 'string' ? Buffer.from(a.content, 'base64') : new Uint8Array(a.content),
      ),
      inline: a.disposition === 'inline' || a.related === true,
    })),
  };
}

/** One header's value from a .msg's transport headers (the headers it arrived with). */
function headerValue(headers: string, name: string): string | null {
  const unfolded = headers.replace(/\r?\n[ \t]+/g, ' ');
  const m = new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(unfolded);
  return m?.[1]?.trim() || null;
}

/** "Jane Smith" <jane@example.org>, or a bare address, as the From header gives it. */
function addressFromHeader(value: string | null): EmailAddress | null {
  if (!value) return null;
  const m = /^\s*"?([^"<]*?)"?\s*<([^>]+)>/.exec(value);
  if (m) return { name: (m[1] ?? '').trim(), address: (m[2] ?? '').trim() };
  const bare = /[^\s<>"]+@[^\s<>"]+/.exec(value);
  return bare ? { name: '', address: bare[0] } : null;
}

type MsgReaderClass = typeof MsgReaderModule;
// The package is CommonJS: under esbuild and Node's ESM loader the class is the default export,
// or that export's own `default`.
const MsgReader: MsgReaderClass =
  (MsgReaderModule as unknown as { default?: MsgReaderClass }).default ?? MsgReaderModule;

function parseMsg(bytes: Buffer): ParsedEmail {
  let reader;
  let data;
  try {
    // A copy in an ArrayBuffer of its own: the reader takes an ArrayBuffer or a DataView.
    reader = new MsgReader(new Uint8Array(bytes).buffer);
    data = reader.getFileData();
  } catch {
    throw new AppError('validation', 'That file could not be read as an Outlook message (.msg).');
  }
  if (data.error || (data.dataType !== 'msg' && data.dataType !== undefined))
    throw new AppError('validation', 'That file could not be read as an Outlook message (.msg).');
  const headers = data.headers ?? '';
  const headerFrom = addressFromHeader(headerValue(headers, 'From'));
  const smtp = [data.senderSmtpAddress, data.senderEmail, data.creatorSMTPAddress].find(
    (a): a is string => typeof a === 'string' && a.includes('@'),
  );
  const from: EmailAddress | null = smtp
    ? { name: (data.senderName ?? headerFrom?.name ?? '').trim(), address: smtp.trim() }
    : headerFrom;
  if (from && from.name === from.address) from.name = headerFrom?.name ?? '';
  const plain = data.body?.trim() ? data.body : '';
  const html = data.bodyHtml ?? (data.html ? Buffer.from(data.html).toString('utf8') : '');
  const text = plain || (html ? htmlToText(html) : '');
  const attachments: EmailAttachment[] = [];
  for (const a of data.attachments ?? []) {
    // A message attached to the message (an earlier email) is not a file to keep as it is.
    if (a.innerMsgContent) continue;
    const file = reader.getAttachment(a);
    attachments.push({
      name: file.fileName || a.fileName || a.name || null,
      contentType: a.attachMimeTag || 'application/octet-stream',
      data: Buffer.from(file.content),
      inline: Boolean(a.attachmentHidden),
    });
  }
  return {
    format: 'msg',
    messageId: data.messageId?.trim() || headerValue(headers, 'Message-ID'),
    from,
    replyTo: addressFromHeader(headerValue(headers, 'Reply-To')),
    date:
      readDate(headerValue(headers, 'Date') ?? undefined) ??
      readDate(data.messageDeliveryTime) ??
      readDate(data.clientSubmitTime),
    subject: (data.subject ?? '').trim(),
    text: tidyText(text),
    fromHtml: !plain && Boolean(html),
    attachments,
  };
}

/** Reads an .eml or .msg (told apart by their bytes, not their names). */
export async function parseEmail(bytes: Buffer): Promise<ParsedEmail> {
  if (bytes.length === 0) throw new AppError('validation', 'That file is empty.');
  return isMsgFile(bytes) ? parseMsg(bytes) : parseEml(bytes);
}
