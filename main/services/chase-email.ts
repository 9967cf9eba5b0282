/**
 * A chaser as an .eml file (RFC 5322, with MIME per RFC 2045–2047) for the officer's own mail
 * client to open, edit and send: FOI Desk sends nothing and needs no mail server. Headers holding
 * anything beyond ASCII are RFC 2047 encoded words; the body is UTF-8 in quoted-printable, so every
 * line stays short and the file is plain 7-bit text. `X-Unsent: 1` makes Outlook open it as a
 * draft rather than as a received message.
 */
import { randomBytes } from 'node:crypto';

export interface Mailbox {
  name?: string | null | undefined;
  address: string;
}

export interface EmailDraft {
  from: Mailbox | null;
  to: Mailbox;
  cc: Mailbox | null;
  subject: string;
  body: string;
  date: Date;
  /** The domain of the Message-ID (the team's own, when known). */
  domain?: string | undefined;
}

const ASCII_PRINTABLE = /^[\x20-\x7e]*$/;

/** RFC 2047 B-encoded words of at most 75 characters each, split on whole characters. */
export function encodeWords(text: string): string {
  if (ASCII_PRINTABLE.test(text)) return text;
  const words: string[] = [];
  let chunk = '';
  for (const ch of text) {
    // 36 bytes of UTF-8 are 48 of base64: with "=?UTF-8?B?" and "?=", 60 characters, so even the
    // first word after "Subject: " keeps its line within 78 (RFC 5322 §2.1.1).
    if (Buffer.byteLength(chunk + ch, 'utf8') > 36) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join('\r\n ');
}

/** An ASCII header folded at spaces so that its lines stay within 78 characters where they can. */
function folded(name: string, value: string): string {
  const lines: string[] = [];
  let line = `${name}:`;
  for (const word of value.split(' ')) {
    if (line.length + 1 + word.length > 78 && line.length > name.length + 1) {
      lines.push(line);
      line = '';
    }
    line += ` ${word}`;
  }
  lines.push(line);
  return lines.join('\r\n');
}

function mailbox(m: Mailbox): string {
  const address = m.address.trim();
  if (!m.name) return address;
  const name = ASCII_PRINTABLE.test(m.name)
    ? /^[A-Za-z0-9 !#$%&'*+\-/=?^_`{|}~]*$/.test(m.name)
      ? m.name
      : `"${m.name.replace(/["\\]/g, '\\$&')}"`
    : encodeWords(m.name);
  return `${name} <${address}>`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 5322 §3.3 date-time in the machine's local time: "Tue, 01 Dec 2026 15:40:21 +0000". */
export function rfc5322Date(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${DAYS[d.getDay()]}, ${pad(d.getDate())} ${MONTHS[d.getMonth()]} ${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())} ${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

/** Quoted-printable (RFC 2045 §6.7) of UTF-8 text, CRLF line ends, soft breaks within 76 characters. */
export function quotedPrintable(text: string): string {
  const out: string[] = [];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const bytes = Buffer.from(line, 'utf8');
    let encoded = '';
    bytes.forEach((b, i) => {
      const last = i === bytes.length - 1;
      const plain = (b >= 33 && b <= 126 && b !== 61) || ((b === 32 || b === 9) && !last);
      encoded += plain ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
    });
    let rest = encoded;
    while (rest.length > 76) {
      let cut = 75;
      // Never split an =XX escape.
      const eq = rest.lastIndexOf('=', cut);
      if (eq > cut - 3) cut = eq;
      out.push(`${rest.slice(0, cut)}=`);
      rest = rest.slice(cut);
    }
    out.push(rest);
  }
  return out.join('\r\n');
}

export function newMessageId(domain: string | undefined): string {
  const host = domain && /^[A-Za-z0-9.-]+$/.test(domain) ? domain : 'foi-desk.invalid';
  return `<${randomBytes(16).toString('hex')}@${host}>`;
}

/** The .eml's bytes and its Message-ID. */
export function buildEml(
  draft: EmailDraft,
  messageId = newMessageId(draft.domain),
): { eml: Buffer; messageId: string } {
  const headers = [
    ...(draft.from ? [`From: ${mailbox(draft.from)}`] : []),
    `To: ${mailbox(draft.to)}`,
    ...(draft.cc ? [`Cc: ${mailbox(draft.cc)}`] : []),
    ASCII_PRINTABLE.test(draft.subject)
      ? folded('Subject', draft.subject)
      : `Subject: ${encodeWords(draft.subject)}`,
    `Date: ${rfc5322Date(draft.date)}`,
    `Message-ID: ${messageId}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    'X-Unsent: 1',
  ];
  const text = `${headers.join('\r\n')}\r\n\r\n${quotedPrintable(draft.body)}\r\n`;
  return { eml: Buffer.from(text, 'ascii'), messageId };
}
