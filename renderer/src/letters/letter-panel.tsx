/**
 * The response letter on the case page: choose a template (the one the case suggests comes
 * first), generate the letter from the case, edit it, see it as it will print, save versions,
 * export it to Word and mark it as sent, which locks it. Regenerating over hand edits asks first;
 * the edits stay in the version history either way.
 *
 * Nothing here is stored by the page: versions live in the case file, and the only copy that
 * leaves it is the Word file the officer exports.
 */
import { useCallback, useDeferredValue, useEffect, useId, useRef, useState } from 'react';
import type { Organisation } from '../../../shared/case-format';
import type {
  CaseDetail,
  LetterTemplateChoices,
  LetterVersionSummary,
  LetterVersionView,
} from '../../../shared/contract';
import type { DocNode } from '../../../shared/letter/doc';
import { ApiError, call, errorMessage, hasSaveDialog } from '../api';
import { Alert, SelectField } from '../components/fields';
import { ConfirmDialog } from '../components/modal';
import { formatTimestamp, formatUkDate } from '../format';
import { base64ToBytes, downloadFile, DOCX_TYPE } from './download';
import { LetterEditor } from './letter-editor';
import { ExportWarningsDialog, LetterDateField } from './letter-dialogs';
import { exportWarnings } from '../../../shared/letter/signatory';
import { LetterPreview } from './letter-preview';
import { useDraftPeek, useUnsavedChanges } from '../unsaved/unsaved-changes';

/** What a letter's draft holds: the version being edited and the edited text. */
interface LetterDraft {
  versionId: number;
  body: DocNode;
}

function isLetterDraft(value: unknown): value is LetterDraft {
  const v = value as Partial<LetterDraft> | null;
  return typeof v?.versionId === 'number' && typeof v.body === 'object' && v.body !== null;
}

type Message = { tone: 'success' | 'error' | 'info'; text: string } | null;

type Confirm =
  | { kind: 'replace'; templateId: string; version: number | null }
  | { kind: 'discard'; then: () => void }
  | { kind: 'send' }
  | { kind: 'export-warnings'; warnings: string[] }
  | null;

function newest(versions: LetterVersionSummary[]): LetterVersionSummary | undefined {
  return versions.reduce<LetterVersionSummary | undefined>((a, v) => (!a || v.id > a.id ? v : a), undefined);
}

export function LetterPanel({
  detail,
  onLettersChanged,
}: {
  detail: CaseDetail;
  /** Told after anything that adds to the case's timeline (generate, save, export, send). */
  onLettersChanged?: () => void;
}) {
  const uid = useId();
  const caseId = detail.id;
  const [ready, setReady] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [choices, setChoices] = useState<LetterTemplateChoices | null>(null);
  const [templateId, setTemplateId] = useState('');
  const [versions, setVersions] = useState<LetterVersionSummary[]>([]);
  const [current, setCurrent] = useState<LetterVersionView | null>(null);
  const [body, setBody] = useState<DocNode | null>(null);
  /** What the editor starts from: the version's text, or a restored draft of it. */
  const [start, setStart] = useState<DocNode | null>(null);
  const [dirty, setDirty] = useState(false);
  const [organisation, setOrganisation] = useState<Organisation | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  const [confirm, setConfirm] = useState<Confirm>(null);
  const previewBody = useDeferredValue(body);
  /**
   * Whether the template list still follows the case's suggestion: until the officer picks a
   * template, and while no letter has been written, the selection moves with the suggestion.
   */
  const followSuggestion = useRef(true);

  const show = useCallback((version: LetterVersionView) => {
    setCurrent(version);
    setBody(version.document.body);
    setStart(version.document.body);
    setDirty(false);
  }, []);

  const refreshVersions = useCallback(async () => {
    setVersions(await call('letters:list', { caseId }));
  }, [caseId]);

  const drafts = useDraftPeek();
  const draftKey = `letter:${caseId}`;
  useEffect(() => {
    let live = true;
    (async () => {
      const [offered, saved, settings] = await Promise.all([
        call('letters:templates', { caseId }),
        call('letters:list', { caseId }),
        call('settings:get', {}),
      ]);
      if (!live) return;
      setChoices(offered);
      setVersions(saved);
      setOrganisation(settings.organisation);
      const last = newest(saved);
      if (last) followSuggestion.current = false;
      setTemplateId(last?.templateId ?? offered.suggested ?? offered.templates[0]?.id ?? '');
      // A draft kept at the last lock, which the officer chose to restore: its version, its text.
      const draft = drafts.peekDraft(draftKey);
      const restoring = isLetterDraft(draft) && saved.some((v) => v.id === draft.versionId && !v.sentAt);
      if (restoring || last) {
        const full = await call('letters:get', { versionId: restoring ? draft.versionId : last!.id });
        if (!live) return;
        show(full);
        if (restoring) {
          setTemplateId(full.templateId);
          setStart(draft.body);
          setBody(draft.body);
          setDirty(true);
          setMessage({
            tone: 'info',
            text: 'Your unsaved changes to the letter were restored. Save them as a version to keep them.',
          });
        }
      }
      if (draft !== undefined) drafts.consumeDraft(draftKey);
    })().then(
      () => {
        if (live) setReady(true);
      },
      (e: unknown) => {
        if (!live) return;
        setLoadError(errorMessage(e));
        setReady(true);
      },
    );
    return () => {
      live = false;
    };
  }, [caseId, show, drafts, draftKey]);

  // The case was edited on this page: the saved letters may now be out of date, and the answers
  // recorded may call for another template (an exemption turns a full disclosure into a partial
  // one). The choices were read once when the panel opened; read them again with every change.
  const firstDetail = useRef(detail);
  useEffect(() => {
    if (detail === firstDetail.current) return;
    refreshVersions().catch(() => undefined);
    let live = true;
    call('letters:templates', { caseId }).then(
      (offered) => {
        if (!live) return;
        setChoices(offered);
        if (followSuggestion.current && offered.suggested) setTemplateId(offered.suggested);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [detail, refreshVersions, caseId]);

  /** Runs an action that replaces what the editor shows, asking first if that would lose edits. */
  const guard = (action: () => void) => {
    if (dirty) setConfirm({ kind: 'discard', then: action });
    else action();
  };

  const run = async (work: () => Promise<void>, changesTimeline = true) => {
    setBusy(true);
    setMessage(null);
    try {
      await work();
      if (changesTimeline) onLettersChanged?.();
    } catch (e) {
      setMessage({ tone: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  const generate = (forTemplate: string, replaceEdits: boolean) =>
    run(async () => {
      try {
        const version = await call('letters:generate', {
          caseId,
          templateId: forTemplate,
          ...(replaceEdits ? { replaceEdits: true } : {}),
        });
        show(version);
        followSuggestion.current = false;
        setTemplateId(version.templateId);
        await refreshVersions();
        setMessage({
          tone: 'success',
          text: `Version ${version.version} of the letter was generated from the case.`,
        });
      } catch (e) {
        if (e instanceof ApiError && e.code === 'conflict') {
          const latest = versions
            .filter((v) => v.templateId === forTemplate)
            .reduce<number | null>((a, v) => Math.max(a ?? 0, v.version), null);
          setConfirm({ kind: 'replace', templateId: forTemplate, version: latest });
          return;
        }
        throw e;
      }
    });

  /** Saves the editor's text as a new version and shows it. */
  const saveNow = async (): Promise<LetterVersionView> => {
    if (!current || !body) throw new Error('no letter');
    const saved = await call('letters:save', {
      versionId: current.id,
      document: { meta: current.document.meta, body },
    });
    show(saved);
    await refreshVersions();
    return saved;
  };

  const save = () =>
    run(async () => {
      const saved = await saveNow();
      setMessage({ tone: 'success', text: `Your changes were saved as version ${saved.version}.` });
    });

  /** Export, but first ask when the letter still has a placeholder or no signatory. */
  const exportChecked = () => {
    if (!current || !body) return;
    const warnings = exportWarnings({ meta: current.document.meta, body });
    if (warnings.length > 0) setConfirm({ kind: 'export-warnings', warnings });
    else void exportToWord();
  };

  /** A new date for the letter, saved as a new version with the edits (saved first when not yet). */
  const redate = (date: string) =>
    run(async () => {
      if (!current) return;
      const version = dirty ? await saveNow() : current;
      const redated = await call('letters:redate', { versionId: version.id, date });
      show(redated);
      await refreshVersions();
      setMessage({
        tone: 'success',
        text: `The letter is now dated ${redated.document.meta.dateText} (version ${redated.version}, your edits kept).`,
      });
    });

  const exportToWord = () =>
    run(async () => {
      if (!current) return;
      const version = dirty ? await saveNow() : current;
      const savedFirst = dirty ? `Your changes were saved as version ${version.version}. ` : '';
      if (hasSaveDialog) {
        const chosen = await call('dialog:save-path', {
          suggestedName: version.document.meta.fileName,
          kind: 'docx',
        });
        if (!chosen.path) {
          if (savedFirst) setMessage({ tone: 'success', text: savedFirst.trim() });
          return;
        }
        const written = await call('letters:export-docx', { versionId: version.id, path: chosen.path });
        setMessage({ tone: 'success', text: `${savedFirst}The letter was exported to ${written.path}.` });
      } else {
        const file = await call('letters:render-docx', { versionId: version.id });
        downloadFile(file.fileName, base64ToBytes(file.base64), DOCX_TYPE);
        setMessage({
          tone: 'success',
          text: `${savedFirst}The letter was downloaded as “${file.fileName}”.`,
        });
      }
    });

  const markSent = () =>
    run(async () => {
      if (!current) return;
      const version = dirty ? await saveNow() : current;
      const sent = await call('letters:mark-sent', { versionId: version.id });
      show(sent);
      await refreshVersions();
      setMessage({
        tone: 'success',
        text: `Version ${sent.version} was marked as sent. It is locked now: to write again, generate a new version.`,
      });
    });

  const open = (versionId: number) =>
    guard(() => {
      void run(async () => {
        show(await call('letters:get', { versionId }));
      }, false);
    });

  useUnsavedChanges(
    dirty && current && body && !current.sentAt
      ? {
          key: draftKey,
          caseId,
          label: `the letter for ${detail.record.reference}`,
          content: (): LetterDraft => ({ versionId: current.id, body }),
          save: async () => {
            setBusy(true);
            try {
              const saved = await saveNow();
              setMessage({ tone: 'success', text: `Your changes were saved as version ${saved.version}.` });
              return true;
            } catch (e) {
              setMessage({ tone: 'error', text: errorMessage(e) });
              return false;
            } finally {
              setBusy(false);
            }
          },
        }
      : null,
  );

  const summary = current ? versions.find((v) => v.id === current.id) : undefined;
  const stale = summary?.stale ?? current?.stale ?? false;
  const sent = current?.sentAt ?? null;
  const newestOfItsLetter =
    current !== null &&
    versions.filter((v) => v.templateId === current.templateId).every((v) => v.version <= current.version);
  const selected = choices?.templates.find((t) => t.id === templateId);
  const hasVersions = (id: string) => versions.some((v) => v.templateId === id);

  return (
    <section
      className="panel letters"
      aria-labelledby={`${uid}-heading`}
      data-testid="letters"
      data-ready={ready ? 'true' : undefined}
    >
      <div className="panel__head">
        <h2 className="panel__title" id={`${uid}-heading`}>
          Response letter
        </h2>
      </div>
      {loadError ? <Alert>{loadError}</Alert> : null}
      {ready && !loadError && !organisation ? (
        <Alert tone="warning">
          Set up the organisation profile (the letterhead) in Settings before writing letters.
        </Alert>
      ) : null}
      {choices ? (
        <div className="letters__generate">
          <SelectField
            label="Letter template"
            hint={selected?.description ?? undefined}
            value={templateId}
            onChange={(id) => {
              followSuggestion.current = false;
              setTemplateId(id);
            }}
            options={choices.templates.map((t) => ({
              value: t.id,
              label: t.id === choices.suggested ? `${t.name} (suggested)` : t.name,
            }))}
          />
          <button
            type="button"
            className="button"
            disabled={busy || !templateId}
            onClick={() => guard(() => void generate(templateId, false))}
          >
            {hasVersions(templateId) ? 'Generate a new version' : 'Generate the letter'}
          </button>
        </div>
      ) : null}
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {current && body ? (
        <div className="letters__grid">
          <div className="letters__work" data-testid="letter-work">
            <p className="letters__status" id={`${uid}-status`}>
              <strong>
                {current.document.meta.title}, version {current.version}
              </strong>
              <span>Dated {current.document.meta.dateText}</span>
              <span>saved {formatTimestamp(current.createdAt)}</span>
              <span>{current.edited ? 'edited by hand' : 'as generated from the case'}</span>
              {sent ? <span className="tag tag--sent">Sent {formatUkDate(sent.slice(0, 10))}</span> : null}
            </p>
            {sent ? (
              <div className="callout callout--locked">
                <p>
                  This version was marked as sent on {formatTimestamp(sent)} and is locked. To write again,
                  generate a new version.
                </p>
              </div>
            ) : null}
            {sent ? null : (
              <LetterDateField
                date={current.document.meta.date}
                disabled={busy}
                onChange={(d) => void redate(d)}
              />
            )}
            {stale && !sent && newestOfItsLetter ? (
              <div className="warning-callout" data-testid="letter-stale">
                <p className="warning-callout__title">
                  The case has changed since this letter was generated.
                </p>
                <p>Regenerate it to bring in the changes. Hand edits stay in the version history.</p>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  disabled={busy}
                  onClick={() => guard(() => void generate(current.templateId, false))}
                >
                  Regenerate from the case
                </button>
              </div>
            ) : null}
            {current.document.meta.warnings.length && !sent ? (
              <div className="warning-callout">
                <p className="warning-callout__title">Check before sending</p>
                <ul className="letters__warnings">
                  {current.document.meta.warnings.map((w, i) => (
                    <li key={i}>{w}</li>
                  ))}
                </ul>
              </div>
            ) : null}
            <LetterEditor
              key={`${current.id}:${sent ? 'sent' : 'draft'}`}
              initial={start ?? current.document.body}
              readOnly={sent !== null}
              describedBy={`${uid}-status`}
              onChange={(doc) => {
                setBody(doc);
                setDirty(true);
              }}
            />
            <div className="button-row letters__actions">
              {sent ? null : (
                <button
                  type="button"
                  className="button"
                  disabled={busy || !dirty}
                  onClick={() => void save()}
                >
                  Save version
                </button>
              )}
              <button
                type="button"
                className="button button--secondary"
                disabled={busy}
                onClick={exportChecked}
              >
                Export to Word
              </button>
              {sent ? null : (
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={busy}
                  onClick={() => setConfirm({ kind: 'send' })}
                >
                  Mark as sent
                </button>
              )}
              {dirty ? <span className="letters__unsaved">Changes not saved yet</span> : null}
            </div>
          </div>
          <div className="letters__preview">
            <h3 className="letters__subtitle" id={`${uid}-preview`}>
              Preview
            </h3>
            <p className="hint">As the Word file will print, on A4.</p>
            <LetterPreview
              meta={current.document.meta}
              body={previewBody ?? current.document.body}
              organisation={organisation}
            />
          </div>
        </div>
      ) : ready ? (
        <p className="muted">
          No letter yet. Choose the template and generate the letter: it is built from the case, and you can
          then edit it.
        </p>
      ) : (
        <p className="loading" role="status">
          Loading the letters…
        </p>
      )}
      {versions.length ? (
        <VersionHistory versions={versions} currentId={current?.id ?? null} busy={busy} onOpen={open} />
      ) : null}
      {confirm?.kind === 'replace' ? (
        <ConfirmDialog
          title="Replace your hand edits?"
          confirmLabel="Regenerate without my edits"
          cancelLabel="Keep my edits"
          onConfirm={() => {
            setConfirm(null);
            void generate(confirm.templateId, true);
          }}
          onCancel={() => setConfirm(null)}
        >
          {confirm.version ? `Version ${confirm.version}` : 'The newest version'} of this letter has changes
          made by hand. Regenerating writes a fresh letter from the case as a new version: your edits stay in
          the version history, but the new version will not have them.
        </ConfirmDialog>
      ) : confirm?.kind === 'discard' ? (
        <ConfirmDialog
          title="Discard your unsaved changes?"
          confirmLabel="Discard the changes"
          cancelLabel="Keep editing"
          onConfirm={() => {
            const then = confirm.then;
            setConfirm(null);
            setDirty(false);
            then();
          }}
          onCancel={() => setConfirm(null)}
        >
          You have changed this letter since it was last saved. Save the version first to keep the changes.
        </ConfirmDialog>
      ) : confirm?.kind === 'export-warnings' ? (
        <ExportWarningsDialog
          warnings={confirm.warnings}
          onExport={() => {
            setConfirm(null);
            void exportToWord();
          }}
          onCancel={() => setConfirm(null)}
        />
      ) : confirm?.kind === 'send' && current ? (
        <ConfirmDialog
          title="Mark the letter as sent?"
          confirmLabel="Mark as sent"
          onConfirm={() => {
            setConfirm(null);
            void markSent();
          }}
          onCancel={() => setConfirm(null)}
        >
          {dirty
            ? 'Your changes will be saved as a new version first. '
            : `Version ${current.version} will be marked as sent. `}
          A sent letter is locked: it cannot be edited again. To change it afterwards, generate a new version.
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

function VersionHistory({
  versions,
  currentId,
  busy,
  onOpen,
}: {
  versions: LetterVersionSummary[];
  currentId: number | null;
  busy: boolean;
  onOpen: (id: number) => void;
}) {
  const newestFirst = [...versions].sort((a, b) => b.id - a.id);
  return (
    <div className="letters__history">
      <table className="letters__versions" data-testid="letter-versions">
        <caption className="letters__caption">Versions</caption>
        <thead>
          <tr>
            <th scope="col">Letter</th>
            <th scope="col">Version</th>
            <th scope="col">Saved</th>
            <th scope="col">Edited by hand</th>
            <th scope="col">Sent</th>
            <th scope="col">
              <span className="visually-hidden">Open</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {newestFirst.map((v) => (
            <tr key={v.id} aria-current={v.id === currentId ? 'true' : undefined} data-version={v.version}>
              <td>{v.title}</td>
              <td>{v.version}</td>
              <td>{formatTimestamp(v.createdAt)}</td>
              <td>{v.edited ? 'Yes' : 'No'}</td>
              <td>{v.sentAt ? formatTimestamp(v.sentAt) : 'No'}</td>
              <td>
                {v.id === currentId ? (
                  <span className="letters__open-now">Open now</span>
                ) : (
                  <button
                    type="button"
                    className="button button--link"
                    disabled={busy}
                    onClick={() => onOpen(v.id)}
                  >
                    Open
                    <span className="visually-hidden">
                      {' '}
                      version {v.version} of the {v.title.toLowerCase()}
                    </span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
