/**
 * Real file pickers, whichever way the app runs. Under Electron main shows its own open and save
 * dialogs (and reads or writes the file itself); in the browser the page's <input type=file> (or a
 * drop) uploads the bytes to the bridge, and a file leaves as a download. Either way the page gets
 * back held-file ids, never a file-system handle.
 */
import type { AttachmentView, OpenFileRequest, UploadedFile } from '../../../shared/contract';
import { ApiError, call, hasSaveDialog, uploadToBridge } from '../api';
import { base64ToBytes, downloadFile } from '../letters/download';

/** True in the desktop app: main's own dialogs pick the files. */
export const hasNativePicker = hasSaveDialog;

/** Holds the files given (browser: picked in the page or dropped) or picked in main's dialog (Electron). */
export async function holdFiles(request: OpenFileRequest, given?: File[]): Promise<UploadedFile[]> {
  if (!given) return (await call('dialog:open-file', request)).files;
  const held: UploadedFile[] = [];
  for (const file of given) {
    const reply = await uploadToBridge(file);
    if (!reply.ok) throw new ApiError(reply.error.code, reply.error.message);
    held.push(reply.value);
  }
  return held;
}

/** Saves a kept file where the officer chooses: the save dialog (Electron) or a download (browser). */
export async function saveAttachment(attachment: AttachmentView): Promise<string | null> {
  if (hasSaveDialog) {
    const { path } = await call('dialog:save-path', { suggestedName: attachment.name, kind: 'attachment' });
    if (!path) return null;
    await call('attachments:export', { id: attachment.id, path });
    return path;
  }
  const file = await call('attachments:download', { id: attachment.id });
  downloadFile(file.fileName, base64ToBytes(file.base64), file.contentType);
  return file.fileName;
}

/** Electron only: a path for a field that takes a typed one (null when cancelled or in the browser). */
export async function choosePath(kind: 'case-file' | 'backup-file' | 'folder'): Promise<string | null> {
  if (!hasNativePicker) return null;
  return (await call('dialog:open-path', { kind })).path;
}

/** Electron only: where to create a new case file. */
export async function chooseNewCaseFile(suggestedName: string): Promise<string | null> {
  if (!hasNativePicker) return null;
  return (await call('dialog:save-path', { suggestedName, kind: 'new-case-file' })).path;
}
