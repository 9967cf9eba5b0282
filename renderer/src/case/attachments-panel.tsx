/**
 * The files kept with a case, inside its encrypted case file: the request email, what came with
 * it, disclosed documents, the signed letter. Listed with size and type; added with the picker (or
 * dropped on the panel in the browser); exported where the officer chooses; removed after asking.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import {
  ATTACHMENT_KIND_LABELS,
  ATTACHMENT_KINDS,
  formatBytes,
  type AttachmentKind,
} from '../../../shared/attachment-rules';
import type { AttachmentView, CaseAttachments } from '../../../shared/contract';
import { call, errorMessage } from '../api';
import { Alert, SelectField } from '../components/fields';
import { ConfirmDialog } from '../components/modal';
import { FileButton, useFileDrop } from '../files/file-button';
import { hasNativePicker, holdFiles, saveAttachment } from '../files/file-pickers';
import { formatTimestamp } from '../format';

export function AttachmentsPanel({ caseId, onChanged }: { caseId: number; onChanged?: () => void }) {
  const uid = useId();
  const [data, setData] = useState<CaseAttachments | null>(null);
  const [kind, setKind] = useState<AttachmentKind>('disclosure');
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [removing, setRemoving] = useState<AttachmentView | null>(null);

  const load = useCallback(() => {
    call('attachments:list', { caseId }).then(setData, (e: unknown) =>
      setMessage({ tone: 'error', text: errorMessage(e) }),
    );
  }, [caseId]);
  useEffect(load, [load]);

  const add = async (files: File[] | undefined) => {
    setMessage(null);
    if (files && hasNativePicker) {
      setMessage({ tone: 'error', text: 'In the desktop app, choose the files with the Add files button.' });
      return;
    }
    setBusy(true);
    try {
      const held = await holdFiles({ kind: 'attachment', multiple: true }, files);
      if (!held.length) return;
      setData(await call('attachments:add', { caseId, uploadIds: held.map((h) => h.uploadId), kind }));
      setMessage({
        tone: 'success',
        text:
          held.length === 1
            ? `${held[0]!.name} is kept with the case.`
            : `${held.length} files are kept with the case.`,
      });
      onChanged?.();
    } catch (e) {
      setMessage({ tone: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };
  const drop = useFileDrop((files) => void add(files));

  const save = async (a: AttachmentView) => {
    setMessage(null);
    try {
      const where = await saveAttachment(a);
      if (where)
        setMessage({
          tone: 'success',
          text: hasNativePicker ? `Saved to ${where}.` : `${a.name} downloaded.`,
        });
      onChanged?.();
    } catch (e) {
      setMessage({ tone: 'error', text: errorMessage(e) });
    }
  };

  const remove = async (a: AttachmentView) => {
    setRemoving(null);
    try {
      setData(await call('attachments:remove', { id: a.id, confirm: true }));
      setMessage({ tone: 'success', text: `${a.name} was removed from the case.` });
      onChanged?.();
    } catch (e) {
      setMessage({ tone: 'error', text: errorMessage(e) });
    }
  };

  return (
    <section
      className={`panel attachments${drop.over ? ' attachments--over' : ''}`}
      aria-labelledby={`${uid}-heading`}
      data-testid="attachments-panel"
      data-ready={data ? 'true' : undefined}
      {...drop.handlers}
    >
      <h2 className="panel__title" id={`${uid}-heading`}>
        Files
      </h2>
      {data?.source?.note ? <Alert tone="info">{data.source.note}</Alert> : null}
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {data && data.attachments.length ? (
        <table className="table attachments__table">
          <caption className="visually-hidden">Files kept with the case</caption>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">What it is</th>
              <th scope="col">Type</th>
              <th scope="col">Size</th>
              <th scope="col">Added</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.attachments.map((a) => (
              <tr key={a.id} data-testid="attachment-row">
                <td>{a.name}</td>
                <td>{ATTACHMENT_KIND_LABELS[a.kind]}</td>
                <td>{a.contentType}</td>
                <td>{formatBytes(a.size)}</td>
                <td>{formatTimestamp(a.createdAt)}</td>
                <td className="attachments__actions">
                  <button
                    type="button"
                    className="button button--small button--secondary"
                    onClick={() => void save(a)}
                  >
                    {hasNativePicker ? 'Export' : 'Download'}
                    <span className="visually-hidden"> {a.name}</span>
                  </button>
                  <button
                    type="button"
                    className="button button--small button--secondary button--danger"
                    onClick={() => setRemoving(a)}
                  >
                    Remove<span className="visually-hidden"> {a.name}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">{data ? 'No files are kept with this case yet.' : 'Loading the files…'}</p>
      )}
      <div className="attachments__add">
        <SelectField
          label="Add as"
          value={kind}
          onChange={(v) => setKind(v as AttachmentKind)}
          options={ATTACHMENT_KINDS.filter((k) => k !== 'request-email').map((k) => ({
            value: k,
            label: ATTACHMENT_KIND_LABELS[k],
          }))}
        />
        <FileButton
          label={busy ? 'Adding…' : 'Add files…'}
          multiple
          onFiles={(f) => void add(f)}
          disabled={busy}
          testId="attachment-file-input"
        />
      </div>
      {data ? (
        <p className="hint">
          Files are kept inside the encrypted case file and its backups, never beside it.{' '}
          {hasNativePicker ? '' : 'You can also drop files here. '}
          {data.limits.sentence} This case holds {formatBytes(data.used.bytes)} in {data.used.count}{' '}
          {data.used.count === 1 ? 'file' : 'files'}.
        </p>
      ) : null}
      {removing ? (
        <ConfirmDialog
          title="Remove this file?"
          confirmLabel="Remove the file"
          onConfirm={() => void remove(removing)}
          onCancel={() => setRemoving(null)}
        >
          {removing.name} will be deleted from the case file. Backups made before now still hold it.
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
