/**
 * Native dialogs the page may ask for. Main shows them, so the page never gets a file-system
 * handle; it gets back only the path the officer picked, and the export channel then refuses any
 * path that is not a .docx.
 */
import { app, dialog, type BrowserWindow, type SaveDialogOptions } from 'electron';
import path from 'node:path';
import type { SavePathRequest } from '../../shared/contract';

const FILTERS: Record<SavePathRequest['kind'], SaveDialogOptions['filters']> = {
  docx: [{ name: 'Word document', extensions: ['docx'] }],
};

const TITLES: Record<SavePathRequest['kind'], string> = {
  docx: 'Export the letter to Word',
};

/** The path the officer chose, with the right extension, or null if they cancelled. */
export async function chooseSavePath(
  win: BrowserWindow | null,
  request: SavePathRequest,
): Promise<string | null> {
  const options: SaveDialogOptions = {
    title: TITLES[request.kind],
    // The suggested name is a bare file name (the contract refuses folders in it).
    defaultPath: path.join(app.getPath('documents'), request.suggestedName),
    filters: FILTERS[request.kind],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  if (result.canceled || !result.filePath) return null;
  const extension = `.${request.kind}`;
  return result.filePath.toLowerCase().endsWith(extension) ? result.filePath : result.filePath + extension;
}
