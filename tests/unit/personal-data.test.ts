import { describe, expect, it } from 'vitest';
import { findPersonalData, isNhsNumber, redact, requesterNeedles } from '../../shared/personal-data';

const kinds = (text: string, requester = {}) =>
  findPersonalData(text, requester).map((f) => [f.kind, f.value]);

describe('the personal-data check', () => {
  it('validates NHS numbers by their modulus 11 check digit', () => {
    expect(isNhsNumber('9434765919')).toBe(true);
    expect(isNhsNumber('4010232137')).toBe(true);
    expect(isNhsNumber('1234567890')).toBe(false);
    expect(isNhsNumber('943476591')).toBe(false);
    expect(kinds('Patient 943 476 5919 and order 1234567890.')).toEqual([['nhs-number', '943 476 5919']]);
    expect(kinds('NHS no. 401-023-2137')).toEqual([['nhs-number', '401-023-2137']]);
  });

  it('finds email addresses, UK telephone numbers and postcodes', () => {
    expect(kinds('Write to jo.bloggs+foi@example.co.uk today')).toEqual([
      ['email', 'jo.bloggs+foi@example.co.uk'],
    ]);
    expect(kinds('Call 01632 960123, 020 7946 0000, (0161) 496 0000 or +44 7700 900123.')).toEqual([
      ['phone', '01632 960123'],
      ['phone', '020 7946 0000'],
      ['phone', '(0161) 496 0000'],
      ['phone', '+44 7700 900123'],
    ]);
    expect(kinds('Lower Lane, Liverpool L9 7LJ; SW1A 1AA; ec1a1bb')).toEqual([
      ['postcode', 'L9 7LJ'],
      ['postcode', 'SW1A 1AA'],
      ['postcode', 'ec1a1bb'],
    ]);
    // Years, money and counts are not telephone numbers.
    expect(kinds('In 2019–2020 the trust spent £1,234,567 on 4,500 shifts.')).toEqual([]);
  });

  it("finds the requester's name, its parts and their address", () => {
    const requester = {
      name: 'Siobhán McCarthy',
      email: 'siobhan@example.org',
      address: '12 Acacia Avenue, Leeds',
    };
    expect(requesterNeedles(requester)).toEqual(
      expect.arrayContaining(['Siobhán McCarthy', 'Siobhán', 'McCarthy', '12 Acacia Avenue']),
    );
    expect(kinds('Ms McCarthy of 12 Acacia Avenue asked (siobhan@example.org).', requester)).toEqual([
      ['requester', 'McCarthy'],
      ['requester', '12 Acacia Avenue'],
      ['requester', 'siobhan@example.org'],
    ]);
  });

  it('redacts what the officer removes and keeps what they keep', () => {
    const requester = { name: 'Ann Lee' };
    const text = 'Ann Lee (07700 900123) asked about L9 7LJ.';
    expect(redact(text, requester, () => true)).toBe('[the requester] ([redacted]) asked about [redacted].');
    expect(redact(text, requester, (f) => f.kind !== 'postcode')).toBe(
      '[the requester] ([redacted]) asked about L9 7LJ.',
    );
  });
});
