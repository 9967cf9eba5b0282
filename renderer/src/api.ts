/**
 * The renderer's one way to the app: `window.api` under Electron (built by the preload from the
 * contract), or an HTTP client with the same typed shape under the browser bridge. Both are derived
 * from shared/contract.ts, so a channel's input and output types are never written twice.
 */
import {
  CHANNEL_NAMES,
  type Api,
  type Channel,
  type ChannelInput,
  type ChannelOutput,
  type Envelope,
  type UploadedFile,
} from '../../shared/contract';
import type { ErrorCode } from '../../shared/errors';

declare global {
  interface Window {
    api?: Api;
  }
}

const TOKEN_KEY = 'foi-desk.token';

/** Reads the bridge's token from the URL fragment once, keeps it for this tab only, and strips it from the address bar. */
function bridgeToken(): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    try {
      sessionStorage.setItem(TOKEN_KEY, match[1]);
    } catch {
      // Storage may be off; the token still works for this page load.
    }
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    return match[1];
  }
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

/** A JSON.stringify replacer: a Uint8Array (or Buffer, before its toJSON) becomes an array of byte values. */
function bytesAsArrays(this: unknown, key: string, value: unknown): unknown {
  const raw = (this as Record<string, unknown>)[key];
  return raw instanceof Uint8Array ? Array.from(raw) : value;
}

function httpApi(token: string | null): Api {
  type Sender = (input: unknown) => Promise<Envelope<unknown>>;
  const entries = CHANNEL_NAMES.map((channel): [Channel, Sender] => [
    channel,
    async (input: unknown): Promise<Envelope<unknown>> => {
      let response: Response;
      try {
        response = await fetch(`/api/${channel}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token ?? ''}` },
          // Bytes (a passphrase) go as an array of byte values: JSON has no bytes, and main must
          // not get the passphrase as a string (see the contract).
          body: JSON.stringify(input ?? {}, bytesAsArrays),
          cache: 'no-store',
          credentials: 'omit',
        });
      } catch {
        return {
          ok: false,
          error: {
            code: 'io',
            message: 'FOI Desk is not running any more. Start it again and open the address it prints.',
          },
        };
      }
      if (response.status === 401) {
        return {
          ok: false,
          error: {
            code: 'locked',
            message:
              'This page does not have FOI Desk’s current token. Open the address FOI Desk printed when it started.',
          },
        };
      }
      try {
        return (await response.json()) as Envelope<unknown>;
      } catch {
        return {
          ok: false,
          error: { code: 'internal', message: 'FOI Desk sent an answer this page could not read.' },
        };
      }
    },
  ]);
  const client: Record<string, Sender> = Object.fromEntries(entries);
  // Each sender forwards its channel's input and returns that channel's envelope, as Api says.
  return client as unknown as Api;
}

const token = window.api ? null : bridgeToken();
export const api: Api = window.api ?? httpApi(token);

/**
 * The browser bridge only: sends a file the officer picked or dropped to main (POST /upload, with
 * this launch's token), which holds its bytes in memory for the next call. Under Electron main
 * reads the file itself from its open dialog (`dialog:open-file`).
 */
export async function uploadToBridge(file: File): Promise<Envelope<UploadedFile>> {
  try {
    const response = await fetch('/upload', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/octet-stream',
        Authorization: `Bearer ${token ?? ''}`,
        'X-File-Name': encodeURIComponent(file.name),
        'X-File-Type': encodeURIComponent(file.type),
      },
      body: file,
      cache: 'no-store',
      credentials: 'omit',
    });
    return (await response.json()) as Envelope<UploadedFile>;
  } catch {
    return {
      ok: false,
      error: { code: 'io', message: 'The file could not be sent to FOI Desk. Try again.' },
    };
  }
}

/**
 * True in the desktop app, where main shows a native save dialog and writes the file; in the
 * browser the page downloads files instead (and Electron's session refuses downloads).
 */
export const hasSaveDialog = window.api !== undefined;

/**
 * A passphrase typed in the page, as the bytes the channels take. The page itself still holds the
 * typed text as a string (the input field, React state): the browser gives no other form.
 */
export function passphraseBytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The input field the problem is about, when main names one. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let lockedListener: (() => void) | null = null;

/** Who to tell when main answers "locked" (the file was locked behind the page's back, e.g. idle). */
export function onLocked(listener: (() => void) | null): void {
  lockedListener = listener;
}

/** Calls a channel and returns its value, or throws an ApiError with the app's plain message. */
export async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const fn = api[channel] as (input: ChannelInput<C>) => Promise<Envelope<ChannelOutput<C>>>;
  const reply = await fn(input);
  if (!reply.ok) {
    if (reply.error.code === 'locked' && !channel.startsWith('session:')) lockedListener?.();
    throw new ApiError(reply.error.code, reply.error.message, reply.error.field);
  }
  return reply.value;
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Something went wrong. Nothing was changed.';
}
