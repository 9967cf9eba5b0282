/**
 * The background integrity check of an open case file: every page of the file on disk is read and
 * its SQLCipher HMAC checked with the session's key, so a damaged page is reported without the
 * officer touching it (SQLCipher refuses a damaged page when a query reads it, but a page nobody
 * reads could rot unseen until the backup that copies it).
 *
 * Why this and not `PRAGMA quick_check` after unlock: the file is held under SQLite's exclusive
 * lock, so no second connection (a worker's included) can open it, and quick_check on the app's own
 * connection is one synchronous statement that cannot be sliced — at 100,000 cases it would freeze
 * the main process for ~5 s. Reading the file's bytes needs no connection: reads are asynchronous,
 * the hashing is done in 1 MiB slices with the event loop free between them, and nothing goes
 * through the call queue, so no officer's call waits for it. What it proves is what disk damage
 * breaks (each page's authentication code, over its ciphertext, IV and page number); the structural
 * check of the b-trees stays with `foi-desk verify` (a full integrity_check). Pages still in the WAL
 * are checked by SQLite when read and land in the file at the next checkpoint, checked next time.
 *
 * The cipher parameters are those `db/case-file.ts` sets (`cipher = 'sqlcipher'`, `legacy = 4`:
 * SQLCipher 4 — PBKDF2-HMAC-SHA512 with 256,000 iterations, HMAC-SHA512, 4 KiB pages with an
 * 80-byte reserve of IV and HMAC); tests/integration/integrity.test.ts fails if they ever disagree.
 */
import { fstat, read } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { createHmac, pbkdf2 } from 'node:crypto';
import { setImmediate as yieldToEventLoop, setTimeout as wait } from 'node:timers/promises';
import { promisify } from 'node:util';
import type { IntegrityStatus } from '../../shared/contract';
import { deriveCipherKey, KEY_BYTES, SALT_BYTES } from '../../db/cipher-key';

const pbkdf2Async = promisify(pbkdf2);
const fstatAsync = promisify(fstat);
const readAsync = promisify(read);

const PAGE_SIZE = 4096;
const IV_BYTES = 16;
const HMAC_BYTES = 64;
const RESERVE = IV_BYTES + HMAC_BYTES;
const HMAC_KDF_ITERATIONS = 2;
const HMAC_SALT_MASK = 0x3a;
/** Pages read and hashed per slice: 1 MiB, about a millisecond of hashing. */
const SLICE_PAGES = 256;
/** A page that fails is read again this many times first (a checkpoint may be writing it). */
const REREADS = 3;

export interface PageCheck {
  pages: number;
  /** Page numbers (1-based, as SQLite counts them) whose authentication failed. */
  damaged: number[];
}

/**
 * What the pages are checked with: the passphrase (UTF-8 bytes, as given to SQLite), whose key is
 * derived from the file's salt, or the file's key already derived (CaseFile.cipherKey), which
 * spares the derivation. Neither is zeroed here.
 */
export type PageSecret = { passphrase: Buffer } | { key: Uint8Array };

export interface CheckOptions {
  signal?: AbortSignal;
  /**
   * Read through this descriptor (CaseFile.fd, kept open with the file's lock) and leave it open.
   * A file SQLite has open in this process must be read this way: SQLite's locks are POSIX record
   * locks, and opening and closing another descriptor on the file would silently drop them.
   */
  fd?: number;
  onProgress?: (checked: number, pages: number) => void;
}

function pageIsAuthentic(hmacKey: Buffer, page: Buffer, pageNumber: number): boolean {
  const start = pageNumber === 1 ? SALT_BYTES : 0;
  const mac = createHmac('sha512', hmacKey);
  mac.update(page.subarray(start, PAGE_SIZE - RESERVE + IV_BYTES));
  const number = Buffer.alloc(4);
  number.writeUInt32LE(pageNumber);
  mac.update(number);
  return mac.digest().equals(page.subarray(PAGE_SIZE - HMAC_BYTES, PAGE_SIZE));
}

type Reader = Pick<FileHandle, 'stat' | 'read' | 'close'>;

/**
 * A file's held descriptor (CaseFile.fd) read as a FileHandle is, asynchronously; close() leaves
 * it open for its owner (see CheckOptions.fd for why).
 */
export function heldReader(fd: number): Reader {
  return {
    stat: () => fstatAsync(fd),
    read: (buffer: Buffer, offset: number, length: number, position: number) =>
      readAsync(fd, buffer, offset, length, position),
    close: () => Promise.resolve(),
  } as Reader;
}

/**
 * Checks every page of the encrypted file at `filePath` with its passphrase or key. Reads the file
 * only. A file SQLite has open in this process is read through its held
 * descriptor (`options.fd`), never opened again.
 */
export async function checkPages(
  filePath: string,
  secret: PageSecret,
  options: CheckOptions = {},
): Promise<PageCheck> {
  const handle = options.fd === undefined ? await open(filePath, 'r') : heldReader(options.fd);
  let key: Buffer | null = null;
  let hmacKey: Buffer | null = null;
  try {
    const { size } = await handle.stat();
    const pages = Math.floor(size / PAGE_SIZE);
    const salt = Buffer.alloc(SALT_BYTES);
    await handle.read(salt, 0, SALT_BYTES, 0);
    key = 'key' in secret ? Buffer.from(secret.key) : await deriveCipherKey(secret.passphrase, salt);
    const hmacSalt = Buffer.from(salt.map((b) => b ^ HMAC_SALT_MASK));
    hmacKey = await pbkdf2Async(key, hmacSalt, HMAC_KDF_ITERATIONS, KEY_BYTES, 'sha512');
    const buffer = Buffer.alloc(SLICE_PAGES * PAGE_SIZE);
    const suspects: number[] = [];
    let checked = 0;
    for (let first = 1; first <= pages; first += SLICE_PAGES) {
      options.signal?.throwIfAborted();
      const count = Math.min(SLICE_PAGES, pages - first + 1);
      const { bytesRead } = await handle.read(buffer, 0, count * PAGE_SIZE, (first - 1) * PAGE_SIZE);
      const whole = Math.floor(bytesRead / PAGE_SIZE);
      for (let i = 0; i < whole; i++) {
        const page = buffer.subarray(i * PAGE_SIZE, (i + 1) * PAGE_SIZE);
        if (!pageIsAuthentic(hmacKey, page, first + i)) suspects.push(first + i);
      }
      checked += whole;
      options.onProgress?.(checked, pages);
      if (whole < count) break; // the file was truncated while we read (a checkpoint after a vacuum)
      await yieldToEventLoop();
    }
    // A page that fails may have been read while a checkpoint was writing it: read the failures
    // again, a moment later, a few times over.
    let damaged = suspects;
    const one = Buffer.alloc(PAGE_SIZE);
    for (let attempt = 1; attempt <= REREADS && damaged.length > 0; attempt++) {
      await wait(20 * attempt);
      const still: number[] = [];
      for (const pageNumber of damaged) {
        options.signal?.throwIfAborted();
        const { bytesRead } = await handle.read(one, 0, PAGE_SIZE, (pageNumber - 1) * PAGE_SIZE);
        if (bytesRead === PAGE_SIZE && !pageIsAuthentic(hmacKey, one, pageNumber)) still.push(pageNumber);
      }
      damaged = still;
    }
    return { pages: checked, damaged };
  } finally {
    key?.fill(0);
    hmacKey?.fill(0);
    await handle.close();
  }
}

export interface MonitorTiming {
  /** How long after unlock the first check starts (the first queue page is painted first). */
  firstAfterMs: number;
  /** How often it runs again while the file stays open. */
  everyMs: number;
}

export const DEFAULT_MONITOR_TIMING: MonitorTiming = { firstAfterMs: 5_000, everyMs: 24 * 60 * 60_000 };

const NOT_CHECKED: IntegrityStatus = {
  state: 'not-checked',
  startedAt: null,
  checkedAt: null,
  pagesChecked: 0,
  pages: 0,
  damagedPages: [],
  message: null,
};

/**
 * Runs checkPages on the open file after unlock and then on a schedule, and keeps the latest
 * result for `integrity:status`. One check at a time; stop() (on lock) abandons one under way.
 */
export class IntegrityMonitor {
  private current: IntegrityStatus = NOT_CHECKED;
  private timer: NodeJS.Timeout | null = null;
  private abort: AbortController | null = null;
  private running: Promise<IntegrityStatus> | null = null;
  private target: { file: { path: string; fd: number; cipherKey: Buffer | null }; key: Buffer } | null = null;
  private waiting: ((status: IntegrityStatus) => void)[] = [];

  constructor(
    private readonly now: () => Date,
    private readonly timing: MonitorTiming | false = DEFAULT_MONITOR_TIMING,
  ) {}

  status(): IntegrityStatus {
    return { ...this.current, damagedPages: [...this.current.damagedPages] };
  }

  /**
   * Watches the file just unlocked, read through its held descriptor (`file.fd`, see CheckOptions);
   * `key` is the session's own buffer (zeroed on lock).
   */
  start(file: { path: string; fd: number; cipherKey: Buffer | null }, key: Buffer): void {
    this.stop();
    this.target = { file, key };
    this.current = NOT_CHECKED;
    if (this.timing) this.schedule(this.timing.firstAfterMs);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.abort?.abort();
    this.abort = null;
    this.running = null;
    this.target = null;
    this.current = NOT_CHECKED;
  }

  /** Resolves with the result of the next check to finish (the scheduled one, say). */
  nextResult(): Promise<IntegrityStatus> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Runs a check now (or joins the one under way) and resolves with its result. */
  checkNow(): Promise<IntegrityStatus> {
    if (this.running) return this.running;
    const target = this.target;
    if (!target) return Promise.resolve(this.status());
    const abort = new AbortController();
    this.abort = abort;
    const startedAt = this.now().toISOString();
    this.current = { ...this.current, state: 'checking', startedAt, pagesChecked: 0, message: null };
    // The key the file was opened with, as it is now (forgotten if the passphrase changed).
    const cipherKey = target.file.cipherKey;
    const run = checkPages(target.file.path, cipherKey ? { key: cipherKey } : { passphrase: target.key }, {
      fd: target.file.fd,
      signal: abort.signal,
      onProgress: (pagesChecked, pages) => {
        if (!abort.signal.aborted) this.current = { ...this.current, pagesChecked, pages };
      },
    }).then(
      ({ pages, damaged }): IntegrityStatus => ({
        state: damaged.length > 0 ? 'damaged' : 'ok',
        startedAt,
        checkedAt: this.now().toISOString(),
        pagesChecked: pages,
        pages,
        damagedPages: damaged.slice(0, 20),
        message:
          damaged.length > 0
            ? `${damaged.length.toLocaleString('en-GB')} page${damaged.length === 1 ? '' : 's'} of the case file ${damaged.length === 1 ? 'is' : 'are'} damaged. Restore it from a backup made before ${startedAt.slice(0, 10)}.`
            : null,
      }),
      (): IntegrityStatus => ({
        ...this.current,
        state: 'failed',
        checkedAt: this.now().toISOString(),
        message: 'The integrity check could not read the case file.',
      }),
    );
    const settled = run.then((status) => {
      if (this.abort === abort) {
        this.current = status;
        this.abort = null;
        this.running = null;
        if (this.timing) this.schedule(this.timing.everyMs);
        for (const resolve of this.waiting.splice(0)) resolve(status);
      }
      return status;
    });
    this.running = settled;
    return settled;
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.checkNow();
    }, delayMs);
    // A scheduled check never keeps the process (a CLI command, a test) alive.
    this.timer.unref();
  }
}
