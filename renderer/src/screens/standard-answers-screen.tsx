/**
 * The team's library of standard answers (issue #14, part 3): search it, add, change, mark as
 * reviewed and remove entries. Each write is the service's, audited there; an entry not reviewed
 * for a year is marked as due for review.
 */
import { useEffect, useState } from 'react';
import type { StandardAnswerInput, StandardAnswerView } from '../../../shared/standard-answers';
import { call, errorMessage } from '../api';
import { Alert, TextField } from '../components/fields';
import { ConfirmDialog, Modal } from '../components/modal';
import { StandardAnswerForm } from '../case/standard-answer-picker';
import { formatUkDate } from '../format';

const BLANK: StandardAnswerInput = { title: '', text: '', tags: [], regime: null, provision: null };

export function StandardAnswersScreen() {
  const [search, setSearch] = useState('');
  const [entries, setEntries] = useState<StandardAnswerView[] | null>(null);
  const [total, setTotal] = useState(0);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [editing, setEditing] = useState<StandardAnswerView | 'new' | null>(null);
  const [removing, setRemoving] = useState<StandardAnswerView | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    call('answers:list', search.trim() ? { search } : {}).then(
      (list) => live && (setEntries(list.entries), setTotal(list.total)),
      (e: unknown) => live && setMessage({ tone: 'error', text: errorMessage(e) }),
    );
    return () => {
      live = false;
    };
  }, [search, version]);

  const done = (text: string) => {
    setMessage({ tone: 'success', text });
    setVersion((v) => v + 1);
  };
  const act = async (work: () => Promise<unknown>, text: string) => {
    try {
      await work();
      done(text);
    } catch (e) {
      setMessage({ tone: 'error', text: errorMessage(e) });
    }
  };

  return (
    <div className="standard-answers" data-screen="standard-answers" data-ready={entries ? 'true' : 'false'}>
      <div className="panel__head">
        <h1 className="page-title">Standard answers</h1>
        <button type="button" className="button" onClick={() => setEditing('new')}>
          Add a standard answer
        </button>
      </div>
      <p className="hint">
        Wording the team reuses across requests. Insert one into an answer from the case page; the answer is
        checked like any other when it is saved. Review each entry at least once a year.
      </p>
      <TextField
        label="Search"
        hint="Words in the title, tags, exemption or text."
        type="search"
        value={search}
        onChange={setSearch}
      />
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {entries && total === 0 ? <p className="muted">The library is empty.</p> : null}
      {entries && total > 0 && entries.length === 0 ? (
        <p className="muted">No standard answer matches.</p>
      ) : null}
      <ul className="standard-answers__list">
        {(entries ?? []).map((e) => (
          <li key={e.id} className="panel standard-answers__item" data-standard-answer={e.title}>
            <div className="panel__head">
              <h2 className="panel__title">{e.title}</h2>
              {e.stale ? <span className="tag tag--warning">Due for review</span> : null}
            </div>
            <p className="standard-answers__meta">
              {e.regime ?? 'Any regime'}
              {e.provision ? ` · ${e.provision}` : ''}
              {e.tags.length ? ` · ${e.tags.join(', ')}` : ''} · reviewed {formatUkDate(e.reviewedOn)} · added
              by {e.addedBy}
            </p>
            <p className="standard-answers__text">{e.text}</p>
            <div className="button-row">
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => setEditing(e)}
              >
                Change
              </button>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() =>
                  void act(
                    () => call('answers:review', { id: e.id }),
                    `Marked “${e.title}” as reviewed today.`,
                  )
                }
              >
                Mark as reviewed
              </button>
              <button
                type="button"
                className="button button--link button--danger"
                onClick={() => setRemoving(e)}
              >
                Remove
              </button>
            </div>
          </li>
        ))}
      </ul>
      {editing ? (
        <Modal
          title={editing === 'new' ? 'Add a standard answer' : `Change “${editing.title}”`}
          onClose={() => setEditing(null)}
        >
          <StandardAnswerForm
            initial={editing === 'new' ? BLANK : editing}
            {...(editing === 'new' ? {} : { id: editing.id })}
            onSaved={(saved) => {
              setEditing(null);
              done(editing === 'new' ? `Added “${saved.title}” to the library.` : `Saved “${saved.title}”.`);
            }}
            onCancel={() => setEditing(null)}
          />
        </Modal>
      ) : null}
      {removing ? (
        <ConfirmDialog
          title={`Remove “${removing.title}”?`}
          confirmLabel="Remove it"
          cancelLabel="Keep it"
          onConfirm={() => {
            const e = removing;
            setRemoving(null);
            void act(
              () => call('answers:remove', { id: e.id, confirm: true }),
              `Removed “${e.title}” from the library.`,
            );
          }}
          onCancel={() => setRemoving(null)}
        >
          Answers already recorded from it stay as they are.
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
