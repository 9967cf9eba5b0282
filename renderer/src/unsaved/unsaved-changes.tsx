/**
 * Unsaved edits are never lost without a word. A form with changes not saved yet registers itself
 * here (what it is, how to save it, its state as JSON); then
 * - leaving it (the top bar, "Back to the queue", closing or reloading the page) asks: save, discard
 *   or stay, in one dialog;
 * - before a lock (Ctrl+L, the Lock button, the idle lock) its state is saved as a draft in the
 *   encrypted case file, and after unlocking the draft is offered back.
 * Drafts go only to the case file: the page keeps no case text in its own storage.
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { DraftView } from '../../../shared/contract';
import { call, errorMessage } from '../api';
import { Alert } from '../components/fields';
import { Modal } from '../components/modal';
import { formatTimestamp } from '../format';

/** A form with changes not saved yet. */
export interface UnsavedForm {
  /** Names the form for its draft: "letter:12", "answer:12:0.1", "case-details:12", "settings:casework". */
  key: string;
  /** What the officer is changing, as a sentence names it: "the letter for FOI 4951". */
  label: string;
  caseId?: number;
  /** The form's state as plain JSON, for a draft the form can be filled from again. */
  content: () => unknown;
  /** Saves the changes as the form's own button would; false when they could not be (the form says why). */
  save: () => Promise<boolean>;
}

interface Registry {
  register(read: () => UnsavedForm | null): () => void;
  /** Runs `action` at once, or after asking when a form has unsaved changes. */
  guard(action: () => void): void;
  /** Saves every unsaved form as a draft in the case file (before a lock). */
  saveDrafts(): Promise<void>;
  /** A draft the officer chose to restore, for the form with this key (it stays until consumed). */
  peekDraft(key: string): unknown;
  /** The keys of restored drafts starting with `prefix`. */
  restoredKeys(prefix: string): string[];
  /** The form has taken the draft: it is removed from the case file. */
  consumeDraft(key: string): void;
  /** Drafts the officer chose to restore, before their forms take them. */
  stage(draft: DraftView): void;
  /** Forgets what is staged (on lock). */
  reset(): void;
}

const RegistryContext = createContext<Registry | null>(null);

function useRegistry(): Registry {
  const registry = useContext(RegistryContext);
  if (!registry) throw new Error('useUnsavedChanges outside UnsavedChangesProvider');
  return registry;
}

export function useUnsavedChangesRegistry(): Pick<Registry, 'guard' | 'saveDrafts' | 'reset' | 'stage'> {
  return useRegistry();
}

/**
 * Registers the form while `form` is not null (it has unsaved changes). The latest callbacks are
 * used, so the form can pass new closures on every render.
 */
export function useUnsavedChanges(form: UnsavedForm | null): void {
  const registry = useRegistry();
  const latest = useRef(form);
  latest.current = form;
  const dirty = form !== null;
  useEffect(() => (dirty ? registry.register(() => latest.current) : undefined), [dirty, registry]);
}

/**
 * The draft restored for this form, read once when it mounts, then removed from the case file.
 * (Read in the state initialiser, removed in an effect: React may run the initialiser twice.)
 */
export function useRestoredDraft<T>(key: string): T | undefined {
  const registry = useRegistry();
  const [draft] = useState(() => registry.peekDraft(key) as T | undefined);
  useEffect(() => {
    if (draft !== undefined) registry.consumeDraft(key);
  }, [draft, key, registry]);
  return draft;
}

/** The same, for a form that learns its key after loading (the letter, the answer being edited). */
export function useDraftPeek(): Pick<Registry, 'peekDraft' | 'consumeDraft' | 'restoredKeys'> {
  return useRegistry();
}

type Prompt = { action: () => void; labels: string[]; saving: boolean; error: string | null } | null;

export function UnsavedChangesProvider({ children }: { children: ReactNode }) {
  const forms = useRef(new Set<() => UnsavedForm | null>());
  const staged = useRef(new Map<string, DraftView>());
  const [prompt, setPrompt] = useState<Prompt>(null);

  const dirtyForms = useCallback(
    (): UnsavedForm[] => [...forms.current].map((read) => read()).filter((f): f is UnsavedForm => f !== null),
    [],
  );

  const registry = useMemo<Registry>(
    () => ({
      register(read) {
        forms.current.add(read);
        return () => {
          forms.current.delete(read);
        };
      },
      guard(action) {
        const dirty = dirtyForms();
        if (dirty.length === 0) action();
        else setPrompt({ action, labels: dirty.map((f) => f.label), saving: false, error: null });
      },
      async saveDrafts() {
        for (const form of dirtyForms()) {
          try {
            await call('drafts:save', {
              key: form.key,
              label: form.label,
              content: form.content(),
              ...(form.caseId !== undefined ? { caseId: form.caseId } : {}),
            });
          } catch {
            // The lock goes ahead: keeping the file open for a draft would defeat the idle lock.
          }
        }
      },
      peekDraft: (key) => staged.current.get(key)?.content,
      restoredKeys: (prefix) => [...staged.current.keys()].filter((k) => k.startsWith(prefix)),
      consumeDraft(key) {
        if (!staged.current.delete(key)) return;
        call('drafts:discard', { key }).catch(() => undefined);
      },
      stage(draft) {
        staged.current.set(draft.key, draft);
      },
      reset() {
        staged.current.clear();
        setPrompt(null);
      },
    }),
    [dirtyForms],
  );

  // Closing or reloading the page with unsaved changes: the browser (or Electron) asks first.
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (dirtyForms().length === 0) return;
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirtyForms]);

  const saveAndGo = async () => {
    if (!prompt) return;
    setPrompt({ ...prompt, saving: true, error: null });
    for (const form of dirtyForms()) {
      let saved: boolean;
      try {
        saved = await form.save();
      } catch (e) {
        setPrompt({ ...prompt, saving: false, error: errorMessage(e) });
        return;
      }
      if (!saved) {
        // The form shows what is wrong; the officer stays with it.
        setPrompt(null);
        return;
      }
    }
    setPrompt(null);
    prompt.action();
  };

  return (
    <RegistryContext.Provider value={registry}>
      {children}
      {prompt ? (
        <Modal title="Save your changes?" onClose={() => setPrompt(null)}>
          <div data-testid="unsaved-prompt">
            <p className="modal__text">
              You have changed {listLabels(prompt.labels)} and not saved{' '}
              {prompt.labels.length > 1 ? 'them' : 'it'} yet.
            </p>
            {prompt.error ? <Alert>{prompt.error}</Alert> : null}
            <div className="button-row">
              <button
                type="button"
                className="button"
                disabled={prompt.saving}
                onClick={() => void saveAndGo()}
              >
                {prompt.saving ? 'Saving…' : 'Save the changes'}
              </button>
              <button
                type="button"
                className="button button--secondary button--danger"
                disabled={prompt.saving}
                onClick={() => {
                  const { action } = prompt;
                  setPrompt(null);
                  action();
                }}
              >
                Discard the changes
              </button>
              <button
                type="button"
                className="button button--secondary"
                disabled={prompt.saving}
                onClick={() => setPrompt(null)}
              >
                Stay on this page
              </button>
            </div>
          </div>
        </Modal>
      ) : null}
    </RegistryContext.Provider>
  );
}

function listLabels(labels: string[]): string {
  if (labels.length <= 1) return labels[0] ?? 'this page';
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

/**
 * After unlocking: the drafts kept at the last lock, each offered back ("You had unsaved changes to
 * the letter for FOI 4951") to restore, which opens its page with the draft filled in, or discard.
 */
export function DraftOffer({ onOpen }: { onOpen: (draft: DraftView) => void }) {
  const registry = useRegistry();
  const [drafts, setDrafts] = useState<DraftView[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    call('drafts:list', {}).then(
      (list) => live && setDrafts(list),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  if (drafts.length === 0) return null;

  const discard = async (draft: DraftView) => {
    try {
      await call('drafts:discard', { key: draft.key });
      setDrafts((list) => list.filter((d) => d.key !== draft.key));
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const restore = (draft: DraftView) => {
    registry.stage(draft);
    // The others stay in the case file and are offered again at the next unlock.
    setDrafts([]);
    onOpen(draft);
  };

  return (
    <Modal title="You had unsaved changes" onClose={() => setDrafts([])}>
      <div data-testid="draft-offer">
        <p className="modal__text">
          When the case file was locked, your unsaved changes were kept in it. Restore them to carry on, or
          discard them.
        </p>
        {error ? <Alert>{error}</Alert> : null}
        <ul className="plain-list draft-offer">
          {drafts.map((d) => (
            <li key={d.key} className="plain-list__item draft-offer__item">
              <span>
                You had unsaved changes to <strong>{d.label}</strong>
                <span className="muted"> (kept {formatTimestamp(d.savedAt)})</span>
              </span>
              <span className="button-row">
                <button type="button" className="button button--small" onClick={() => restore(d)}>
                  Restore<span className="visually-hidden"> {d.label}</span>
                </button>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => void discard(d)}
                >
                  Discard<span className="visually-hidden"> {d.label}</span>
                </button>
              </span>
            </li>
          ))}
        </ul>
      </div>
    </Modal>
  );
}
