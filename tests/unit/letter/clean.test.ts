import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanForWord, isCleanForWord } from '../../../shared/letter/clean';

// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000d\u000e-\u001f\u007f\ufffe\uffff]|[\ud800-\udfff]/u;
/** Direction controls, which letters leave out too (shared/letter/bidi.ts). */
const DIRECTION = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

describe('cleanForWord', () => {
  it('removes C0 controls but keeps tab and newline', () => {
    expect(cleanForWord('a\u0000b\u0001c\u0008d\u000be\u000cf\u001fg\u007fh')).toBe('abcdefgh');
    expect(cleanForWord('col1\tcol2\nnext line')).toBe('col1\tcol2\nnext line');
  });

  it('turns CR LF and lone CR into newlines', () => {
    expect(cleanForWord('one\r\ntwo\rthree')).toBe('one\ntwo\nthree');
  });

  it('removes lone surrogates and U+FFFE/U+FFFF, keeping real astral characters', () => {
    expect(cleanForWord('a\ud800b\udc00c')).toBe('abc');
    expect(cleanForWord('x\udfff\ud800y')).toBe('xy');
    expect(cleanForWord('smile \u{1F600} \ud83d\ude00')).toBe('smile \u{1F600} \u{1F600}');
    expect(cleanForWord('a\ufffeb\uffffc')).toBe('abc');
  });

  it('drops direction controls, which would print a name backwards', () => {
    expect(cleanForWord('Ada \u202eecalevoL\u202c, Flat 3\u200f, 12 Road')).toBe(
      'Ada ecalevoL, Flat 3, 12 Road',
    );
    expect(cleanForWord('\u2066x\u2069 \u2067y\u2069 \u2068z\u2069 \u202aa\u202bb\u202dc\u061c')).toBe(
      'x y z abc',
    );
  });

  it('leaves ordinary UK text alone', () => {
    const text = 'Section 31(1)(a) – “law enforcement”: £450, 18 hours; café, naïve, Ŵ.';
    expect(cleanForWord(text)).toBe(text);
    expect(isCleanForWord(text)).toBe(true);
    expect(isCleanForWord('bad\u0000')).toBe(false);
  });

  it('always gives text Word can hold, and is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const cleaned = cleanForWord(s);
        expect(FORBIDDEN.test(cleaned)).toBe(false);
        expect(cleanForWord(cleaned)).toBe(cleaned);
      }),
      { numRuns: 500 },
    );
  });

  it('only ever removes characters (apart from CR), never adds or reorders', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 100 }), (s) => {
        const withoutCr = s.replace(/\r\n?/g, '\n');
        expect(cleanForWord(s)).toBe(
          withoutCr.replace(new RegExp(FORBIDDEN.source, 'gu'), '').replace(DIRECTION, ''),
        );
      }),
      { numRuns: 300 },
    );
  });
});
