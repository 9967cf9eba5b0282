/**
 * The locked-down window: context isolation, sandbox, no Node in the page, a strict CSP, the app
 * served from app://foi-desk (never file://), navigation and new windows blocked, every permission
 * request denied, DevTools only in development.
 */
import { BrowserWindow, protocol, shell, type Session, type WebContents, type WebFrameMain } from 'electron';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_TYPES, PAGE_HEADERS } from '../bridge/security-headers';

export const APP_SCHEME = 'app';
export const APP_HOST = 'foi-desk';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer from app://foi-desk/, with the same headers as the browser bridge. */
export function serveRenderer(root: string): void {
  const base = path.resolve(root);
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    let relative = decodeURIComponent(url.pathname);
    if (relative === '/' || relative === '') relative = '/index.html';
    const file = path.resolve(base, `.${relative}`);
    if (url.host !== APP_HOST || !file.startsWith(base + path.sep))
      return new Response('Not found', { status: 404 });
    try {
      const bytes = await readFile(file);
      const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      return new Response(bytes, { headers: { ...PAGE_HEADERS, 'Content-Type': type } });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

/** True only for the top frame of our own page: IPC from anything else is refused. */
export function isOwnFrame(frame: WebFrameMain | null | undefined): boolean {
  if (!frame || frame.parent !== null) return false;
  try {
    const url = new URL(frame.url);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

function isOwnUrl(target: string): boolean {
  try {
    const url = new URL(target);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

export function lockDownSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
  // Should anything turn Chromium's spellchecker on, its dictionary download goes to the discard
  // port on this machine, never to the network.
  session.setSpellCheckerDictionaryDownloadURL('http://127.0.0.1:9/');
}

/** Applied to every web contents the app creates. */
export function lockDownContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (isOwnUrl(url)) return;
    event.preventDefault();
    // A chaser's mailto: link (contributor tasks) opens the officer's own mail client; no other
    // scheme is handed to the system.
    if (/^mailto:/i.test(url) && url.length <= 100_000) void shell.openExternal(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isOwnUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export interface WindowOptions {
  preload: string;
  devTools: boolean;
}

export function createMainWindow(options: WindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    title: 'FOI Desk',
    show: false,
    backgroundColor: '#f0f4f5',
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // Chromium's own spellchecker (Windows, Linux) downloads Hunspell dictionaries from Google;
      // an offline case manager must not. macOS checks spelling with the OS, which fetches nothing.
      spellcheck: process.platform === 'darwin',
      devTools: options.devTools,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_URL);
  return win;
}
