/**
 * Edits the numbered questions of a request: change a number or text, split a question at the
 * caret (or after its first sentence), merge it with the next, move it up or down with its parts,
 * make it a part of the question above or lift it out, add and remove. Every action is a button
 * with a full name, so it works from the keyboard and with a screen reader.
 */
import { useRef } from 'react';
import {
  addQuestion,
  mergeWithNext,
  moveQuestion,
  removeQuestion,
  shiftLevel,
  splitQuestion,
  MAX_LEVEL,
  type FlatQuestion,
} from '../../../shared/questions';

export function QuestionEditor({
  rows,
  onChange,
  idPrefix = 'q',
}: {
  rows: FlatQuestion[];
  onChange: (rows: FlatQuestion[]) => void;
  idPrefix?: string;
}) {
  const areas = useRef(new Map<number, HTMLTextAreaElement>());
  const focusRow = (index: number) => {
    // After a structural change the row is rendered again; focus its text on the next frame.
    requestAnimationFrame(() => areas.current.get(index)?.focus());
  };
  const update = (index: number, patch: Partial<FlatQuestion>) =>
    onChange(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));

  return (
    <div className="qedit">
      {rows.length === 0 ? (
        <p className="qedit__empty">No questions yet. Paste the request above, or add a question.</p>
      ) : null}
      <ol className="qedit__list">
        {rows.map((row, index) => {
          const name = row.number || String(index + 1);
          return (
            <li
              key={index}
              className={`qedit__row qedit__row--level-${row.level}`}
              data-question={row.number}
            >
              <div className="qedit__fields">
                <div className="qedit__number">
                  <label className="visually-hidden" htmlFor={`${idPrefix}-num-${index}`}>
                    Number of question {name}
                  </label>
                  <input
                    id={`${idPrefix}-num-${index}`}
                    className="input input--number"
                    value={row.number}
                    onChange={(e) => update(index, { number: e.target.value })}
                  />
                </div>
                <div className="qedit__text">
                  <label className="visually-hidden" htmlFor={`${idPrefix}-text-${index}`}>
                    Text of question {name}
                  </label>
                  <textarea
                    id={`${idPrefix}-text-${index}`}
                    ref={(el) => {
                      if (el) areas.current.set(index, el);
                      else areas.current.delete(index);
                    }}
                    className="textarea textarea--question"
                    rows={Math.min(6, Math.max(2, Math.ceil(row.text.length / 90)))}
                    value={row.text}
                    onChange={(e) => update(index, { text: e.target.value })}
                  />
                </div>
              </div>
              <div className="qedit__tools" role="group" aria-label={`Actions for question ${name}`}>
                <button
                  type="button"
                  className="tool"
                  aria-label={`Split question ${name} at the cursor`}
                  title="Split at the cursor (or after the first sentence)"
                  onClick={() => {
                    const area = areas.current.get(index);
                    onChange(splitQuestion(rows, index, area ? area.selectionStart : -1));
                    focusRow(index + 1);
                  }}
                >
                  Split
                </button>
                <button
                  type="button"
                  className="tool"
                  disabled={index === rows.length - 1}
                  aria-label={`Merge question ${name} with the next`}
                  title="Merge with the next question"
                  onClick={() => {
                    onChange(mergeWithNext(rows, index));
                    focusRow(index);
                  }}
                >
                  Merge
                </button>
                <button
                  type="button"
                  className="tool"
                  aria-label={`Move question ${name} up`}
                  title="Move up"
                  onClick={() => onChange(moveQuestion(rows, index, -1))}
                >
                  <span aria-hidden="true">↑</span>
                </button>
                <button
                  type="button"
                  className="tool"
                  aria-label={`Move question ${name} down`}
                  title="Move down"
                  onClick={() => onChange(moveQuestion(rows, index, 1))}
                >
                  <span aria-hidden="true">↓</span>
                </button>
                <button
                  type="button"
                  className="tool"
                  disabled={index === 0 || row.level >= MAX_LEVEL}
                  aria-label={`Make question ${name} a part of the question above`}
                  title="Make it a part of the question above"
                  onClick={() => onChange(shiftLevel(rows, index, 1))}
                >
                  <span aria-hidden="true">→</span>
                </button>
                <button
                  type="button"
                  className="tool"
                  disabled={row.level === 0}
                  aria-label={`Lift question ${name} out one level`}
                  title="Lift it out one level"
                  onClick={() => onChange(shiftLevel(rows, index, -1))}
                >
                  <span aria-hidden="true">←</span>
                </button>
                <button
                  type="button"
                  className="tool tool--danger"
                  aria-label={`Remove question ${name}`}
                  title="Remove"
                  onClick={() => {
                    onChange(removeQuestion(rows, index));
                    focusRow(Math.max(0, index - 1));
                  }}
                >
                  Remove
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => {
          onChange(addQuestion(rows, null, 0));
          focusRow(rows.length);
        }}
      >
        Add a question
      </button>
    </div>
  );
}
