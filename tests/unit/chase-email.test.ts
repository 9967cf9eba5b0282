/**
 * The .eml writer (main/services/chase-email.ts) read back by postal-mime: folded and encoded
 * headers, quoted display names, and a quoted-printable body whose long lines, "=" signs and
 * non-ASCII text come back exactly.
 */
import { describe, expect, it } from 'vitest';
import PostalMime from 'postal-mime';
import { buildEml, encodeWords, quotedPrintable } from '../../main/services/chase-email';

const date = new Date(2026, 11, 1, 9, 5, 7);

describe('an .eml for the officer’s mail client', () => {
  it('folds a long ASCII subject and encodes a non-ASCII one, both read back whole', async () => {
    const subject = `FOI 7001: ${'a very long subject '.repeat(8).trim()}`;
    const body = `Total = £1,234\n${'x'.repeat(200)}\nSiân Öztürk, trailing space \nend`;
    const { eml, messageId } = buildEml({
      from: { name: 'IG team, Trust', address: 'foi@trust.nhs.uk' },
      to: { name: 'Siân Öztürk', address: 'finance@trust.nhs.uk' },
      cc: null,
      subject,
      body,
      date,
      domain: 'trust.nhs.uk',
    });
    const raw = eml.toString('ascii');
    expect(raw.split('\r\n').every((l) => l.length <= 78)).toBe(true);
    expect(raw).toContain('From: "IG team, Trust" <foi@trust.nhs.uk>');
    const mail = await PostalMime.parse(raw);
    expect(mail.subject).toBe(subject);
    expect(mail.to).toEqual([{ name: 'Siân Öztürk', address: 'finance@trust.nhs.uk' }]);
    expect(mail.messageId).toBe(messageId);
    expect(mail.text?.replace(/\r\n/g, '\n').trimEnd()).toBe(body);
    expect(raw).toContain('X-Unsent: 1');
    expect(raw).not.toMatch(/^Cc:/m);
  });

  it('writes encoded words of at most 75 characters, split on whole characters', () => {
    const words = encodeWords('Ŵ'.repeat(40)).split('\r\n ');
    expect(words.length).toBeGreaterThan(1);
    for (const w of words) {
      expect(w.length).toBeLessThanOrEqual(75);
      expect(w).toMatch(/^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=$/);
    }
    expect(encodeWords('plain')).toBe('plain');
  });

  it('never splits a quoted-printable escape across a soft line break', () => {
    const qp = quotedPrintable('é'.repeat(60));
    for (const line of qp.split('\r\n')) {
      expect(line.length).toBeLessThanOrEqual(76);
      expect(line.replace(/=$/, '')).toMatch(/^(=[0-9A-F]{2})*$/);
    }
  });
});
