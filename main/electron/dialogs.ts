/**
 * Native dialogs the page may ask for. Main shows them, so the page never gets a file-system
 * handle: a save dialog gives back only the path the officer picked, which main records as granted
 * for that one use (main/services/granted-paths.ts), and files chosen to open are read by main
 * itself into memory (main/services/handlers/dialog.ts), never copied anywhere on the way.
 */
import { app, dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import path from 'node:path';
import type { OpenFileRequest, OpenPathRequest, SavePathRequest } from '../../shared/contract';

type Filters = SaveDialogOptions['filters'];

const CASE_FILES: Filters = [{ name: 'FOI Desk case file', extensions: ['foidesk'] }];

const FILTERS: Record<SavePathRequest['kind'], Filters> = {
  docx: [{ name: 'Word document', extensions: ['docx'] }],
  'case-file': CASE_FILES,
  'new-case-file': CASE_FILES,
  // A kept file is saved as what it is: the suggested name carries its own extension.
  attachment: [{ name: 'All files', extensions: ['*'] }],
  eml: [{ name: 'Email draft', extensions: ['eml'] }],
  'stats-csv': [{ name: 'CSV', extensions: ['csv'] }],
  'stats-xlsx': [{ name: 'Excel workbook', extensions: ['xlsx'] }],
  'stats-docx': [{ name: 'Word document', extensions: ['docx'] }],
};

const EXTENSIONS: Record<SavePathRequest['kind'], string | null> = {
  docx: '.docx',
  'case-file': '.foidesk',
  'new-case-file': '.foidesk',
  attachment: null,
  eml: '.eml',
  'stats-csv': '.csv',
  'stats-xlsx': '.xlsx',
  'stats-docx': '.docx',
};

const TITLES: Record<SavePathRequest['kind'], string> = {
  docx: 'Export the letter to Word',
  'case-file': 'The case file to restore into',
  'new-case-file': 'Create a case file',
  attachment: 'Export the file',
  eml: 'Save the email for your mail client',
  'stats-csv': 'Export the statistics',
  'stats-xlsx': 'Export the statistics',
  'stats-docx': 'Export the committee report',
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
  if (!extension) return result.filePath;
  return result.filePath.toLowerCase().endsWith(extension) ? result.filePath : result.filePath + extension;
}

async function showOpen(win: BrowserWindow | null, options: OpenDialogOptions): Promise<string[]> {
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return result.canceled ? [] : result.filePaths;
}

/** Files to bring into a case (an email to log, attachments); none if cancelled. */
export async function chooseOpenFiles(
  win: BrowserWindow | null,
  request: OpenFileRequest,
): Promise<string[]> {
  const email = request.kind === 'email';
  return showOpen(win, {
    title: email ? 'Log a request from an email' : 'Add files to the case',
    defaultPath: app.getPath('documents'),
    filters: email
      ? [{ name: 'Email (.eml, .msg)', extensions: ['eml', 'msg'] }]
      : [{ name: 'All files', extensions: ['*'] }],
    properties: ['openFile', ...(request.multiple ? (['multiSelections'] as const) : [])],
  });
}

/** A path for a field that also takes a typed one: a case file, a backup, or a backup folder. */
export async function chooseOpenPath(
  win: BrowserWindow | null,
  request: OpenPathRequest,
): Promise<string | null> {
  const options: OpenDialogOptions =
    request.kind === 'folder'
      ? {
          title: 'Choose the backup folder',
          defaultPath: app.getPath('documents'),
          properties: ['openDirectory', 'createDirectory'],
        }
      : {
          title: request.kind === 'case-file' ? 'Open a case file' : 'Choose the backup to restore',
          defaultPath: app.getPath('documents'),
          filters: [
            { name: 'FOI Desk case file or backup', extensions: ['foidesk', 'foidesk-backup'] },
            { name: 'All files', extensions: ['*'] },
          ],
          properties: ['openFile'],
        };
  return (await showOpen(win, options))[0] ?? null;
}
