import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BIDI_CONTROLS,
  bidiSegments,
  hasBidiControls,
  showBidiControls,
  stripBidiControls,
  stripBidiControlsDeep,
} from '../../../shared/letter/bidi';

const ALL = Object.keys(BIDI_CONTROLS);

describe('direction controls', () => {
  it('knows the embeddings, overrides, isolates and the three marks', () => {
    expect(Object.values(BIDI_CONTROLS).map((c) => c.code)).toEqual([
      'U+061C',
      'U+200E',
      'U+200F',
      'U+202A',
      'U+202B',
      'U+202C',
      'U+202D',
      'U+202E',
      'U+2066',
      'U+2067',
      'U+2068',
      'U+2069',
    ]);
  });

  it('strips every one from letter text and leaves other text alone', () => {
    expect(stripBidiControls('Ada \u202eecalevoL\u202c')).toBe('Ada ecalevoL');
    expect(stripBidiControls(ALL.join('x'))).toBe('x'.repeat(ALL.length - 1));
    const arabic = 'مرحبا Smith، 12 شارع';
    expect(stripBidiControls(arabic)).toBe(arabic);
    expect(hasBidiControls('Ada')).toBe(false);
    expect(hasBidiControls('Ada\u2067')).toBe(true);
  });

  it('strips them from every string of a case, copying it', () => {
    const c = { name: 'A\u202eB', lines: ['x\u200f', 1, null], nested: { t: '\u2066y\u2069' } };
    const out = stripBidiControlsDeep(c);
    expect(out).toEqual({ name: 'AB', lines: ['x', 1, null], nested: { t: 'y' } });
    expect(c.name).toBe('A\u202eB');
  });

  it('shows each one as a visible marker in the app, never obeyed', () => {
    expect(showBidiControls('Ada \u202eecalevoL')).toBe('Ada ⟨U+202E⟩ecalevoL');
    expect(bidiSegments('Ada \u202eX')).toEqual([
      { kind: 'text', text: 'Ada ' },
      {
        kind: 'control',
        marker: '⟨U+202E⟩',
        code: 'U+202E',
        abbreviation: 'RLO',
        name: 'right-to-left override',
      },
      { kind: 'text', text: 'X' },
    ]);
    expect(bidiSegments('')).toEqual([{ kind: 'text', text: '' }]);
  });

  it('segments join back to the stripped text, and the markers hold no control', () => {
    const withControls = fc.string({ unit: fc.oneof(fc.constantFrom(...ALL), fc.string({ maxLength: 1 })) });
    fc.assert(
      fc.property(withControls, (s) => {
        const segments = bidiSegments(s);
        const plain = segments.map((x) => (x.kind === 'text' ? x.text : '')).join('');
        expect(plain).toBe(stripBidiControls(s));
        expect(hasBidiControls(showBidiControls(s))).toBe(false);
        expect(segments.filter((x) => x.kind === 'control')).toHaveLength(
          s.length - stripBidiControls(s).length,
        );
      }),
      { numRuns: 300 },
    );
  });
});
