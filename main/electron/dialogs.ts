/**
 * Native dialogs the page may ask for. Main shows them, so the page never gets a file-system
 * handle; it gets back only the path the officer picked, which main records as granted for that
 * one use (main/services/granted-paths.ts): the export and restore channels refuse any other path.
 */
import { app, dialog, type BrowserWindow, type SaveDialogOptions } from 'electron';
import path from 'node:path';
import type { SavePathRequest } from '../../shared/contract';

const FILTERS: Record<SavePathRequest['kind'], SaveDialogOptions['filters']> = {
  docx: [{ name: 'Word document', extensions: ['docx'] }],
  'case-file': [{ name: 'FOI Desk case file', extensions: ['foidesk'] }],
};

const EXTENSIONS: Record<SavePathRequest['kind'], string> = { docx: '.docx', 'case-file': '.foidesk' };

const TITLES: Record<SavePathRequest['kind'], string> = {
  docx: 'Export the letter to Word',
  'case-file': 'The case file to restore into',
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
  const extension = EXTENSIONS[request.kind];
  return result.filePath.toLowerCase().endsWith(extension) ? result.filePath : result.filePath + extension;
}
