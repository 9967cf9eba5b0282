/**
 * Electron main: app lifecycle, the window and the IPC handlers. Thin on purpose: every channel is
 * registered from the contract, checks that the call comes from our own page, and hands the input
 * to the same guarded handlers the browser bridge and the tests use.
 */
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  session,
  type MenuItemConstructorOptions,
} from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHANNEL_NAMES } from '../../shared/contract';
import { DeskApp } from '../services/app';
import { createHandlers } from '../services/handlers';
import { logInternalErrorsTo } from '../services/errors';
import { createLogger } from '../logger';
import { chooseOpenFiles, chooseOpenPath, chooseSavePath } from './dialogs';
import {
  createMainWindow,
  isOwnFrame,
  lockDownContents,
  lockDownSession,
  registerAppScheme,
  serveRenderer,
} from './window';

const here = path.dirname(fileURLToPath(import.meta.url));
const development = !app.isPackaged && process.env.FOI_DESK_DEV === '1';

// Start-up failures and internal errors go to <userData>/logs/foi-desk.log (main/logger.ts).
const logger = createLogger({ configDir: app.getPath('userData'), source: 'app' });
logInternalErrorsTo(logger);
process.on('uncaughtExceptionMonitor', (error) => logger.error('uncaught-exception', error));

registerAppScheme();
app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();

app.on('web-contents-created', (_event, contents) => lockDownContents(contents));

async function start(): Promise<void> {
  await app.whenReady();
  lockDownSession(session.defaultSession);
  serveRenderer(path.join(here, 'renderer'));

  const desk = new DeskApp({
    configDir: app.getPath('userData'),
    // The dialog is modal to the window, so the page cannot act while it is open.
    chooseSavePath: (request) => chooseSavePath(win, request),
    chooseOpenFiles: (request) => chooseOpenFiles(win, request),
    chooseOpenPath: (request) => chooseOpenPath(win, request),
  });
  const handlers = createHandlers(desk);
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, (event, input: unknown) => {
      if (!isOwnFrame(event.senderFrame)) {
        return {
          ok: false,
          error: { code: 'internal', message: 'Refused: the call did not come from FOI Desk’s own page.' },
        };
      }
      return handlers[channel](input);
    });
  }

  let win: BrowserWindow | null = createMainWindow({
    preload: path.join(here, 'preload.cjs'),
    devTools: development,
  });
  win.on('closed', () => {
    win = null;
  });

  // The page locks itself (Ctrl+L): it saves the officer's unsaved edits as drafts first. The menu
  // item presses the same keys in the page rather than locking behind its back.
  const lockNow = () => {
    if (!win) return;
    win.webContents.sendInputEvent({ type: 'keyDown', keyCode: 'L', modifiers: ['control'] });
    win.webContents.sendInputEvent({ type: 'keyUp', keyCode: 'L', modifiers: ['control'] });
  };
  // After main locked on its own (the idle backstop), the page must go whatever it holds; otherwise
  // leaving with unsaved edits (closing the window) asks first, as the page's beforeunload wants.
  let lockedByMain = false;
  win.webContents.on('will-prevent-unload', (event) => {
    if (lockedByMain) {
      lockedByMain = false;
      event.preventDefault();
      return;
    }
    const choice = dialog.showMessageBoxSync(win!, {
      type: 'question',
      buttons: ['Leave without saving', 'Stay'],
      defaultId: 1,
      cancelId: 1,
      title: 'Unsaved changes',
      message: 'You have changes that are not saved yet.',
      detail: 'Leave now and they are lost. Stay to save them first.',
    });
    if (choice === 0) event.preventDefault();
  });
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        // Shown, not registered: Ctrl+L reaches the page, which saves drafts before it locks.
        { label: 'Lock now', accelerator: 'CmdOrCtrl+L', registerAccelerator: false, click: lockNow },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        ...(development ? [{ role: 'toggleDevTools' } as const] : []),
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));

  const idleTimer = setInterval(() => {
    desk.lockIfIdle().then(
      (locked) => {
        if (locked && win) {
          lockedByMain = true;
          win.webContents.reload();
        }
      },
      () => undefined,
    );
  }, 30_000);

  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting) return;
    event.preventDefault();
    quitting = true;
    clearInterval(idleTimer);
    void desk.enqueue(() => desk.lockNow()).finally(() => app.quit());
  });
  app.on('window-all-closed', () => app.quit());
  app.on('second-instance', () => {
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });
}

start().catch((error: unknown) => {
  logger.error('start-up-failed', error);
  app.quit();
});
