/**
 * Unicode's invisible direction controls in case text. A right-to-left override (U+202E) pasted
 * into a requester's name ("Ada \u202Eecalevol") makes everything after it print backwards, in the
 * letter's address block too, and nobody reading the screen can see why. So:
 *
 * - in letters they are removed (`stripBidiControls`): a UK letter is left-to-right English, and
 *   Word lays out Arabic or Hebrew text correctly from its letters alone;
 * - in the app they are shown, never hidden or obeyed (`bidiSegments`): each one is replaced by a
 *   visible marker such as ⟨U+202E⟩, so the officer sees that the name holds one.
 *
 * Which ones: the embeddings, overrides and their terminator (U+202A–U+202E) and the isolates
 * (U+2066–U+2069), which reorder whole runs of text; and the three marks (LRM U+200E, RLM U+200F,
 * ALM U+061C). A mark has no scope, but it still moves neighbouring punctuation and digits (an RLM
 * after "Flat 3" can carry the comma and the house number around it), and in an English letter
 * there is nothing it is needed for.
 */

export interface BidiControl {
  /** "U+202E". */
  code: string;
  /** "RLO". */
  abbreviation: string;
  /** "right-to-left override". */
  name: string;
}

export const BIDI_CONTROLS: Readonly<Record<string, BidiControl>> = Object.freeze(
  Object.fromEntries(
    (
      [
        [0x061c, 'ALM', 'Arabic letter mark'],
        [0x200e, 'LRM', 'left-to-right mark'],
        [0x200f, 'RLM', 'right-to-left mark'],
        [0x202a, 'LRE', 'left-to-right embedding'],
        [0x202b, 'RLE', 'right-to-left embedding'],
        [0x202c, 'PDF', 'pop directional formatting'],
        [0x202d, 'LRO', 'left-to-right override'],
        [0x202e, 'RLO', 'right-to-left override'],
        [0x2066, 'LRI', 'left-to-right isolate'],
        [0x2067, 'RLI', 'right-to-left isolate'],
        [0x2068, 'FSI', 'first strong isolate'],
        [0x2069, 'PDI', 'pop directional isolate'],
      ] as const
    ).map(([cp, abbreviation, name]) => [
      String.fromCodePoint(cp),
      { code: `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`, abbreviation, name },
    ]),
  ),
);

const ANY_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** True when the text holds a direction control. */
export function hasBidiControls(text: string): boolean {
  return text.search(ANY_CONTROL) >= 0;
}

/** The text without its direction controls, for letters. */
export function stripBidiControls(text: string): string {
  return text.replace(ANY_CONTROL, '');
}

/** Every string in a JSON-like value without direction controls (objects and arrays copied). */
export function stripBidiControlsDeep<T>(value: T): T {
  if (typeof value === 'string') return stripBidiControls(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => stripBidiControlsDeep(v)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, stripBidiControlsDeep(v)])) as T;
  }
  return value;
}

export type BidiSegment =
  { kind: 'text'; text: string } | ({ kind: 'control'; marker: string } & BidiControl);

/**
 * The text cut into plain runs and controls, for the app to draw each control as a visible marker
 * ("⟨U+202E⟩") instead of obeying it. Joining the plain runs gives `stripBidiControls(text)`.
 */
export function bidiSegments(text: string): BidiSegment[] {
  const out: BidiSegment[] = [];
  let from = 0;
  for (const m of text.matchAll(ANY_CONTROL)) {
    if (m.index > from) out.push({ kind: 'text', text: text.slice(from, m.index) });
    const control = BIDI_CONTROLS[m[0]]!;
    out.push({ kind: 'control', marker: `⟨${control.code}⟩`, ...control });
    from = m.index + m[0].length;
  }
  if (from < text.length || out.length === 0) out.push({ kind: 'text', text: text.slice(from) });
  return out;
}

/** The text with each control written out as its marker, for plain-text places (titles, lists). */
export function showBidiControls(text: string): string {
  return bidiSegments(text)
    .map((s) => (s.kind === 'text' ? s.text : s.marker))
    .join('');
}
