/**
 * Files the officer picked (the bridge's upload, Electron's open dialog) and emails read for
 * review, held in main's memory until the next call uses them: never written to disk, so no
 * plaintext copy of a request or its attachments exists outside the encrypted case file. Each is
 * bound to the session it was made in (a lock makes it unusable), used at most once, and dropped
 * after a while; the total held is capped.
 */
import { randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { formatBytes, MAX_ATTACHMENT_BYTES } from '../../../shared/attachment-rules';
import type { DeskApp } from '../app';
import type { OpenSession } from '../session';

/** Long enough to read the review form and press Log, not for the day. */
export const HELD_TTL_MS = 60 * 60_000;
/** All held files together (a few emails with their attachments). */
export const MAX_HELD_BYTES = 8 * MAX_ATTACHMENT_BYTES;

interface Held<T> {
  session: OpenSession;
  expires: number;
  bytes: number;
  value: T;
}

export interface HeldUpload {
  name: string;
  contentType: string;
  data: Buffer;
}

class HeldStore {
  private items = new Map<string, Held<unknown>>();

  constructor(private readonly app: DeskApp) {}

  private prune(): void {
    const now = this.app.now().getTime();
    for (const [id, item] of this.items) {
      if (item.expires <= now || item.session !== this.app.session) this.items.delete(id);
    }
  }

  put<T>(value: T, bytes: number): string {
    const session = this.app.requireSession();
    this.prune();
    let held = 0;
    for (const item of this.items.values()) held += item.bytes;
    if (held + bytes > MAX_HELD_BYTES)
      throw new AppError(
        'validation',
        `FOI Desk is already holding ${formatBytes(held)} of files picked but not yet used. Log or cancel those first.`,
      );
    const id = randomBytes(16).toString('hex');
    this.items.set(id, { session, expires: this.app.now().getTime() + HELD_TTL_MS, bytes, value });
    return id;
  }

  /** The value, without removing it (the review form may be shown again). */
  peek<T>(id: string, what: string): T {
    this.prune();
    const item = this.items.get(id);
    if (!item)
      throw new AppError(
        'not-found',
        `The ${what} is no longer held (it was used, or the file was locked). Pick it again.`,
      );
    return item.value as T;
  }

  take<T>(id: string, what: string): T {
    const value = this.peek<T>(id, what);
    this.items.delete(id);
    return value;
  }

  drop(id: string): boolean {
    return this.items.delete(id);
  }
}

const stores = new WeakMap<DeskApp, HeldStore>();

export function heldFiles(app: DeskApp): HeldStore {
  let store = stores.get(app);
  if (!store) {
    store = new HeldStore(app);
    stores.set(app, store);
  }
  return store;
}

/** Holds a picked or uploaded file for the next call; refused over the per-file limit. */
export function holdUpload(
  app: DeskApp,
  upload: HeldUpload,
): { uploadId: string; name: string; size: number; contentType: string } {
  if (upload.data.length > MAX_ATTACHMENT_BYTES)
    throw new AppError(
      'validation',
      `${upload.name} is ${formatBytes(upload.data.length)}: a file can be at most ${formatBytes(MAX_ATTACHMENT_BYTES)}.`,
    );
  if (upload.data.length === 0) throw new AppError('validation', `${upload.name} is empty.`);
  const uploadId = heldFiles(app).put(upload, upload.data.length);
  return { uploadId, name: upload.name, size: upload.data.length, contentType: upload.contentType };
}
