/**
 * Writes an export as it is produced: chunks go to a write stream that is waited on when its buffer
 * is full (backpressure), so memory stays flat however large the register. A file is written under
 * a temporary name in the same folder, flushed and renamed over the target only when whole: a
 * failed or killed export never leaves half a file under the name asked for.
 */
import { createWriteStream, renameSync, rmSync, type WriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import type { Writable } from 'node:stream';

/** Resolves on the stream's next 'drain', rejects on an error; leaves no listener behind either way. */
function drained(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const onDrain = () => {
      out.off('error', onError);
      resolve();
    };
    const onError = (error: Error) => {
      out.off('drain', onDrain);
      reject(error);
    };
    out.once('drain', onDrain);
    out.once('error', onError);
  });
}

/** Writes every chunk to `out`, waiting for 'drain' whenever the stream asks to. Resolves with the bytes. */
export async function pipeChunks(chunks: Iterable<string>, out: Writable): Promise<number> {
  let bytes = 0;
  for (const chunk of chunks) {
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await drained(out);
  }
  return bytes;
}

function tempBeside(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.export-${process.pid}-${Date.now()}.tmp`);
}

function closeStream(stream: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.end((error?: Error | null) => (error ? reject(error) : resolve()));
  });
}

/**
 * Streams the chunks to a temp file beside `target`, flushes it and renames it over `target`.
 * `beforeRename` may refuse at the last moment (the output path checked again). Returns the bytes.
 */
export async function writeChunksAtomic(
  target: string,
  chunks: Iterable<string>,
  beforeRename?: () => void,
): Promise<number> {
  const resolved = path.resolve(target);
  const temp = tempBeside(resolved);
  const stream = createWriteStream(temp, { flags: 'wx', mode: 0o600, highWaterMark: 1024 * 1024 });
  try {
    await once(stream, 'open');
    const bytes = await pipeChunks(chunks, stream);
    await closeStream(stream);
    const handle = await open(temp, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    beforeRename?.();
    renameSync(temp, resolved);
    return bytes;
  } catch (error) {
    stream.destroy();
    rmSync(temp, { force: true });
    throw error;
  }
}
