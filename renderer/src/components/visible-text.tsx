/**
 * Case text with its invisible direction controls shown, never obeyed: a right-to-left override
 * in a requester's name would otherwise reverse it on screen with nothing to say why. Each
 * control is drawn as a marker (⟨U+202E⟩) with its name for screen readers and on hover; letters
 * leave the controls out altogether (shared/letter/bidi.ts).
 */
import { bidiSegments } from '../../../shared/letter/bidi';

export function VisibleText({ text }: { text: string }) {
  const segments = bidiSegments(text);
  if (segments.length === 1 && segments[0]!.kind === 'text') return <>{text}</>;
  return (
    <>
      {segments.map((s, i) =>
        s.kind === 'text' ? (
          s.text
        ) : (
          <span
            key={i}
            className="bidi-marker"
            data-testid="bidi-marker"
            title={`Hidden character: ${s.name} (${s.code}). It is left out of letters.`}
          >
            <span aria-hidden="true">{s.marker}</span>
            <span className="visually-hidden">{` hidden character ${s.name}, ${s.code} `}</span>
          </span>
        ),
      )}
    </>
  );
}
