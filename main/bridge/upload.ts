/**
 * The browser's way to hand main a file (the page's <input type=file>, or a file dropped on it):
 * POST /upload with the bytes as the body (application/octet-stream), the file's name in
 * X-File-Name (URI-encoded) and its type in X-File-Type, guarded like the API (this launch's token,
 * our own origin). The bytes are held in main's memory for the next call (intake:read-email,
 * attachments:add) and never written to disk; the answer is the held file's id. Refused while the
 * file is locked, and over the per-file limit before the body is read.
 */
import type { IncomingMessage } from 'node:http';
import type { Envelope, UploadedFile } from '../../shared/contract';
import { formatBytes, MAX_ATTACHMENT_BYTES } from '../../shared/attachment-rules';
import type { DeskApp } from '../services/app';
import { toErrorInfo } from '../services/errors';
import { holdUpload } from '../services/intake/held-files';
import { cleanContentType } from '../services/intake/content-types';
import { cleanFileName } from '../../shared/attachment-rules';

export const UPLOAD_PATH = '/upload';

type BodyResult = { bytes: Buffer } | { refused: 'too-large' | 'too-slow' };

export interface UploadAnswer {
  status: number;
  body: Envelope<UploadedFile>;
  /** The rest of a refused body is not read: the connection is closed after the answer. */
  close?: boolean;
}

function headerText(value: string | string[] | undefined): string {
  const text = Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

const TOO_LARGE = `The file is too large: a file can be at most ${formatBytes(MAX_ATTACHMENT_BYTES)}.`;

export async function readUpload(
  req: IncomingMessage,
  desk: DeskApp,
  readBody: (max: number) => Promise<BodyResult>,
): Promise<UploadAnswer> {
  if (!desk.isOpen)
    return {
      status: 200,
      body: {
        ok: false,
        error: { code: 'locked', message: 'The case file is locked. Unlock it to continue.' },
      },
      close: true,
    };
  if (!/^application\/octet-stream\b/i.test(req.headers['content-type'] ?? ''))
    return {
      status: 415,
      body: {
        ok: false,
        error: { code: 'validation', message: 'Send the file’s bytes (application/octet-stream).' },
      },
      close: true,
    };
  const read = await readBody(MAX_ATTACHMENT_BYTES);
  if ('refused' in read)
    return {
      status: read.refused === 'too-large' ? 413 : 408,
      body: {
        ok: false,
        error: {
          code: 'validation',
          message: read.refused === 'too-large' ? TOO_LARGE : 'The file took too long to arrive.',
        },
      },
      close: true,
    };
  const name = cleanFileName(headerText(req.headers['x-file-name']), 'upload');
  try {
    const held = holdUpload(desk, {
      name,
      contentType: cleanContentType(headerText(req.headers['x-file-type']), name),
      data: read.bytes,
    });
    return { status: 200, body: { ok: true, value: held } };
  } catch (error) {
    read.bytes.fill(0);
    return { status: 200, body: { ok: false, error: toErrorInfo(error) } };
  }
}
