/**
 * Edits the numbered questions of a request: change a number or text, split a question at the
 * caret (or after its first sentence), merge it with the next, move it up or down with its parts,
 * make it a part of the question above or lift it out, add and remove. Every action is a button
 * with a full name, so it works from the keyboard and with a screen reader.
 */
import { useRef, useState } from 'react';
import type { QuestionData } from '../../../shared/case-format';
import {
  addQuestion,
  clearAnswers,
  mergeWithNext,
  moveQuestion,
  removalConsequences,
  removeQuestion,
  shiftLevel,
  splitQuestion,
  MAX_LEVEL,
  type FlatQuestion,
} from '../../../shared/questions';
import { ConfirmDialog } from './modal';

interface PendingRemoval {
  title: string;
  text: string;
  confirmLabel: string;
  cancelLabel: string;
  apply: () => void;
}

/** "question 3", "questions 3 and 4", "questions 2, 3 and 4". */
function questionList(numbers: readonly string[]): string {
  if (numbers.length === 1) return `question ${numbers[0]}`;
  return `questions ${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}`;
}

export function QuestionEditor({
  rows,
  onChange,
  stored = [],
  idPrefix = 'q',
}: {
  rows: FlatQuestion[];
  onChange: (rows: FlatQuestion[]) => void;
  /** The questions as saved: what the answers' "see question N" numbers refer to. */
  stored?: readonly QuestionData[];
  idPrefix?: string;
}) {
  const areas = useRef(new Map<number, HTMLTextAreaElement>());
  const [pending, setPending] = useState<PendingRemoval | null>(null);
  const focusRow = (index: number) => {
    // After a structural change the row is rendered again; focus its text on the next frame.
    requestAnimationFrame(() => areas.current.get(index)?.focus());
  };
  const update = (index: number, patch: Partial<FlatQuestion>) =>
    onChange(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));

  /**
   * Removing a row (or merging the next one in) that has an answer, or that other answers say to
   * see, asks first: confirmed, the answers that would point at nothing are cleared with it.
   */
  const dropRow = (kind: 'remove' | 'merge', index: number, next: FlatQuestion[], focus: number) => {
    const dropped = kind === 'remove' ? index : index + 1;
    const { lostAnswer, brokenReferences } = removalConsequences(stored, rows, next, dropped);
    const apply = () => {
      onChange(
        clearAnswers(
          next,
          brokenReferences.map((b) => b.fromId),
        ),
      );
      focusRow(focus);
    };
    if (!lostAnswer && brokenReferences.length === 0) return apply();
    const name = rows[index]?.number || String(index + 1);
    const goes = rows[dropped]?.number || String(dropped + 1);
    const sentences: string[] = [];
    if (lostAnswer)
      sentences.push(
        kind === 'remove'
          ? `Question ${goes} has an answer, which will be deleted.`
          : `Question ${goes} has an answer, which will be deleted: merging keeps only the answer to question ${name}.`,
      );
    if (brokenReferences.length) {
      const from = brokenReferences.map((b) => b.from);
      const one = from.length === 1;
      sentences.push(
        `The ${one ? 'answer' : 'answers'} to ${questionList(from)} ${one ? 'says' : 'say'} to see the answer to question ${goes}; ${one ? 'it' : 'they'} will be cleared.`,
      );
    }
    setPending(
      kind === 'remove'
        ? {
            title: `Remove question ${goes}?`,
            text: sentences.join(' '),
            confirmLabel: `Remove question ${goes}`,
            cancelLabel: `Keep question ${goes}`,
            apply,
          }
        : {
            title: `Merge question ${name} with question ${goes}?`,
            text: sentences.join(' '),
            confirmLabel: 'Merge them',
            cancelLabel: 'Keep them apart',
            apply,
          },
    );
  };

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
                  onClick={() => dropRow('merge', index, mergeWithNext(rows, index), index)}
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
                  onClick={() =>
                    dropRow('remove', index, removeQuestion(rows, index), Math.max(0, index - 1))
                  }
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
      {pending ? (
        // Escape closes the question, not the whole edit around it (the panel takes Escape as Cancel).
        <div
          onKeyDown={(e) => {
            if (e.key === 'Escape') e.stopPropagation();
          }}
        >
          <ConfirmDialog
            title={pending.title}
            confirmLabel={pending.confirmLabel}
            cancelLabel={pending.cancelLabel}
            onConfirm={() => {
              setPending(null);
              pending.apply();
            }}
            onCancel={() => setPending(null)}
          >
            {pending.text}
          </ConfirmDialog>
        </div>
      ) : null}
    </div>
  );
}
