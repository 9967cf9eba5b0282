/**
 * The browser bridge (`npm run web`): serves the built renderer and answers the same contract as
 * Electron's IPC over HTTP, POST /api/<channel> with a JSON body, on the loopback interface only.
 *
 * A web page in any other tab can send requests to 127.0.0.1, so every API request must carry the
 * per-launch secret token (401 without it) and come from our own origin: a foreign Origin, a
 * cross-site Sec-Fetch-Site or a Host header that is not ours (DNS rebinding) gets 403. The token
 * reaches the page in the URL fragment, which browsers never send to a server or in a Referer.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AddressInfo } from 'node:net';
import { isChannel, type Envelope } from '../../shared/contract';
import { DeskApp, type DeskOptions } from '../services/app';
import { createHandlers, unknownChannel, type Handlers } from '../services/handlers';
import { internalErrorInfo, logInternalErrorsTo } from '../services/errors';
import { createLogger } from '../logger';
import { CONTENT_TYPES, PAGE_HEADERS } from './security-headers';
import { readUpload, UPLOAD_PATH } from './upload';

export interface BridgeOptions {
  /** 0 or absent: any free port. */
  port?: number;
  /** Loopback only: 127.0.0.1 (default) or ::1. */
  host?: string;
  /** The built renderer (dist/renderer). */
  renderRoot: string;
  /** Where the recent-files list lives; defaults to the user's config folder. */
  configDir?: string;
  /** Passed to the desk (tests fix the date). */
  desk?: Omit<DeskOptions, 'configDir'>;
  /** How often the idle lock is checked, in ms (default 30 s). */
  idleCheckMs?: number;
  /** How long a request body may take to arrive, in ms (default 5 s; tests shorten it). */
  bodyTimeoutMs?: number;
  /** Open connections at most (default 32): the page needs a handful. */
  maxConnections?: number;
}

/**
 * Limits that keep one slow or greedy client from holding the bridge: the headers within 10 s,
 * the whole request within 30 s (Node checks these every few seconds), and the body within
 * bodyTimeoutMs by our own timer, so a body trickled a byte at a time is cut off in seconds,
 * not held for minutes.
 */
export const BRIDGE_LIMITS = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  bodyTimeoutMs: 5_000,
  maxConnections: 32,
  connectionsCheckingIntervalMs: 2_000,
} as const;

export interface Bridge {
  /** The address to open, token included in the fragment. */
  url: string;
  origin: string;
  token: string;
  port: number;
  desk: DeskApp;
  close(): Promise<void>;
}

const MAX_BODY = 16 * 1024 * 1024;
const LOOPBACK = new Set(['127.0.0.1', '::1']);
const API_HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** The per-user folder for the app's own small files (the recent-files list). */
export function defaultConfigDir(): string {
  if (process.env.FOI_DESK_CONFIG_DIR) return process.env.FOI_DESK_CONFIG_DIR;
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? homedir(), 'FOI Desk');
  if (process.platform === 'darwin')
    return path.join(homedir(), 'Library', 'Application Support', 'FOI Desk');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(homedir(), '.config'), 'foi-desk');
}

function sendJson(res: ServerResponse, status: number, body: Envelope<unknown>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...API_HEADERS, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function refuse(
  res: ServerResponse,
  status: number,
  code: 'locked' | 'validation' | 'not-found' | 'internal',
  message: string,
): void {
  sendJson(res, status, { ok: false, error: { code, message } });
}

function tokenMatches(header: string | undefined, token: Buffer): boolean {
  const m = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(header ?? '');
  if (!m) return false;
  const given = Buffer.from(m[1]!, 'utf8');
  return given.length === token.length && timingSafeEqual(given, token);
}

/**
 * The body as bytes, or why it was refused: too large, or not all there within the time allowed.
 * The caller zeroes the bytes once parsed (a passphrase arrives as an array of byte values, see the
 * contract, so the JSON text made from them holds digits, never the passphrase itself).
 */
type BodyResult = { bytes: Buffer } | { refused: 'too-large' | 'too-slow' };

function readBody(req: IncomingMessage, timeoutMs: number, max = MAX_BODY): Promise<BodyResult> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > max) {
      resolve({ refused: 'too-large' });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: BodyResult) => {
      clearTimeout(timer);
      // Node's own chunks are zeroed; `bytes` is a copy the caller zeroes.
      for (const chunk of chunks) chunk.fill(0);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      chunks.push(chunk);
      if (size > max) finish({ refused: 'too-large' });
    };
    const onEnd = () => finish({ bytes: Buffer.concat(chunks) });
    const onError = (error: Error) => {
      clearTimeout(timer);
      reject(error);
    };
    const timer = setTimeout(() => finish({ refused: 'too-slow' }), timeoutMs);
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

/** Answers, then closes the connection: the rest of a refused body is never read. */
function refuseAndClose(req: IncomingMessage, res: ServerResponse, status: number, message: string): void {
  res.setHeader('Connection', 'close');
  res.once('finish', () => req.socket.destroy());
  refuse(res, status, 'validation', message);
}

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host))
    throw new Error('The bridge listens on the loopback interface only (127.0.0.1 or ::1).');
  const renderRoot = path.resolve(options.renderRoot);
  const configDir = options.configDir ?? defaultConfigDir();
  // Internal errors go to <configDir>/logs/foi-desk.log; the officer sees their id.
  const logger = createLogger({ configDir, source: 'bridge' });
  const desk = new DeskApp({ ...options.desk, configDir });
  const handlers: Handlers = createHandlers(desk);
  const tokenText = randomBytes(32).toString('base64url');
  const token = Buffer.from(tokenText, 'utf8');
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();

  const bodyTimeoutMs = options.bodyTimeoutMs ?? BRIDGE_LIMITS.bodyTimeoutMs;
  const server = createServer(
    {
      headersTimeout: BRIDGE_LIMITS.headersTimeoutMs,
      requestTimeout: BRIDGE_LIMITS.requestTimeoutMs,
      connectionsCheckingInterval: BRIDGE_LIMITS.connectionsCheckingIntervalMs,
    },
    (req, res) => {
      handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) refuse(res, 500, 'internal', internalErrorInfo(error).message);
        else res.destroy();
      });
    },
  );
  server.maxConnections = options.maxConnections ?? BRIDGE_LIMITS.maxConnections;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // DNS rebinding: a page on evil.example resolving to 127.0.0.1 still sends its own Host.
    if (!allowedHosts.has((req.headers.host ?? '').toLowerCase())) {
      refuse(res, 403, 'internal', 'Refused: this address is not FOI Desk’s own.');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://bridge.invalid');
    if (url.pathname === UPLOAD_PATH) {
      if (!apiAllowed(req, res)) return;
      const answer = await desk.enqueue(() =>
        readUpload(req, desk, (max) => readBody(req, bodyTimeoutMs, max)),
      );
      if (answer.close) {
        res.setHeader('Connection', 'close');
        res.once('finish', () => req.socket.destroy());
      }
      sendJson(res, answer.status, answer.body);
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      await handleApi(req, res, url.pathname.slice('/api/'.length));
      return;
    }
    await serveStatic(req, res, url.pathname);
  }

  /** Our own origin, this launch's token and POST, for the API and the upload alike. */
  function apiAllowed(req: IncomingMessage, res: ServerResponse): boolean {
    const origin = req.headers.origin;
    const site = req.headers['sec-fetch-site'];
    if (
      (origin !== undefined && !allowedOrigins.has(origin)) ||
      (site !== undefined && site !== 'same-origin' && site !== 'none')
    ) {
      refuse(res, 403, 'internal', 'Refused: requests must come from FOI Desk’s own page.');
      return false;
    }
    if (!tokenMatches(req.headers.authorization, token)) {
      refuse(
        res,
        401,
        'locked',
        'Refused: the request did not carry this session’s token. Open the address FOI Desk printed.',
      );
      return false;
    }
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      refuse(res, 405, 'validation', 'Use POST.');
      return false;
    }
    return true;
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    if (!apiAllowed(req, res)) return;
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      refuse(res, 415, 'validation', 'Send JSON (Content-Type: application/json).');
      return;
    }
    const read = await readBody(req, bodyTimeoutMs);
    if ('refused' in read && read.refused === 'too-large') {
      refuseAndClose(req, res, 413, 'The request is too large.');
      return;
    }
    if ('refused' in read) {
      refuseAndClose(req, res, 408, 'The request took too long to arrive.');
      return;
    }
    let input: unknown;
    try {
      input = read.bytes.length === 0 ? undefined : JSON.parse(read.bytes.toString('utf8'));
    } catch {
      refuse(res, 400, 'validation', 'The request was not valid JSON.');
      return;
    } finally {
      read.bytes.fill(0);
    }
    let channel: string;
    try {
      channel = decodeURIComponent(name);
    } catch {
      channel = name;
    }
    if (!isChannel(channel)) {
      sendJson(res, 404, unknownChannel(channel));
      return;
    }
    sendJson(res, 200, await handlers[channel](input));
  }

  async function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' });
      res.end();
      return;
    }
    let relative: string;
    try {
      relative = decodeURIComponent(pathname);
    } catch {
      relative = '';
    }
    if (relative === '/' || relative === '') relative = '/index.html';
    const file = path.resolve(renderRoot, `.${relative}`);
    const inside = file.startsWith(renderRoot + path.sep) && !relative.includes('\0');
    const info = inside ? await stat(file).catch(() => null) : null;
    if (!info?.isFile()) {
      res.writeHead(404, { ...PAGE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found');
      return;
    }
    const bytes = await readFile(file);
    const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    res.writeHead(200, {
      ...PAGE_HEADERS,
      'Content-Type': type,
      'Content-Length': bytes.length,
      'Cache-Control': type.startsWith('text/html') ? 'no-store' : 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : bytes);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const hostPart = host.includes(':') ? `[${host}]` : host;
  const origin = `http://${hostPart}:${port}`;
  allowedHosts = new Set([`${hostPart}:${port}`, `localhost:${port}`]);
  allowedOrigins = new Set([origin, `http://localhost:${port}`]);

  const previousLog = logInternalErrorsTo(logger);
  const idleTimer = setInterval(() => {
    desk.lockIfIdle().catch(() => undefined);
  }, options.idleCheckMs ?? 30_000);
  idleTimer.unref();

  let closed = false;
  return {
    url: `${origin}/#token=${tokenText}`,
    origin,
    token: tokenText,
    port,
    desk,
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(idleTimer);
      logInternalErrorsTo(previousLog);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      // Closing the bridge locks the case file: the key and the data leave memory.
      await desk.enqueue(() => desk.lockNow());
    },
  };
}

async function main(): Promise<void> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const port = Number(process.env.PORT ?? '0');
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write('PORT must be a port number (0 for any free port).\n');
    process.exitCode = 2;
    return;
  }
  const bridge = await startBridge({ port, renderRoot: path.join(here, 'renderer') });
  // The first line is the address to open (scripts and tests read it).
  process.stdout.write(`FOI Desk is ready at ${bridge.url}\n`);
  process.stdout.write('Open that address in your browser. Press Ctrl+C to lock the case file and stop.\n');
  const stop = () => {
    bridge.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(path.resolve(entry)).href) {
  const logger = createLogger({ configDir: defaultConfigDir(), source: 'bridge' });
  process.on('uncaughtExceptionMonitor', (error) => logger.error('uncaught-exception', error));
  main().catch((error: unknown) => {
    logger.error('start-up-failed', error);
    process.stderr.write(`FOI Desk could not start: ${(error as Error).message}\n`);
    process.exitCode = 1;
  });
}
