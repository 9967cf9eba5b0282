/**
 * Electron main: app lifecycle, the window and the IPC handlers. Thin on purpose: every channel is
 * registered from the contract, checks that the call comes from our own page, and hands the input
 * to the same guarded handlers the browser bridge and the tests use.
 */
import { app, BrowserWindow, ipcMain, Menu, session, type MenuItemConstructorOptions } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHANNEL_NAMES } from '../../shared/contract';
import { DeskApp } from '../services/app';
import { createHandlers } from '../services/handlers';
import { logInternalErrorsTo } from '../services/errors';
import { createLogger } from '../logger';
import { chooseSavePath } from './dialogs';
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

  // Locking drops the key and the data in main; reloading the page drops everything it held.
  const lockNow = () => {
    void handlers['session:lock']({}).then(() => win?.webContents.reload());
  };
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        { label: 'Lock now', accelerator: 'CmdOrCtrl+L', click: lockNow },
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
        if (locked) win?.webContents.reload();
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
