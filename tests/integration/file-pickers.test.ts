/**
 * The two ways a file reaches main, each against a real encrypted file: Electron's open dialog
 * (main reads the chosen file into memory; the dialog itself is Electron's, stood in for here by
 * the DeskOptions hook main.ts fills) and the browser bridge's POST /upload (token, origin, limits,
 * locked). Neither writes the file anywhere.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { DeskApp } from '../../main/services/app';
import { createHandlers, type Handlers } from '../../main/services/handlers';
import { startBridge, type Bridge } from '../../main/bridge/server';
import type { Channel, ChannelInput, ChannelOutput, OpenFileRequest } from '../../shared/contract';
import { MAX_ATTACHMENT_BYTES } from '../../shared/attachment-rules';
import { fixture, makeTempDir, PASSPHRASE, repoRoot } from '../helpers';

let temp: ReturnType<typeof makeTempDir>;

beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

describe("Electron's open dialog", () => {
  let app: DeskApp;
  let handlers: Handlers;
  let chosen: string[] = [];
  const asked: OpenFileRequest[] = [];
  async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
    const reply = await handlers[channel](input);
    if (!reply.ok) throw new Error(`${channel}: ${reply.error.message}`);
    return reply.value;
  }

  beforeEach(async () => {
    app = new DeskApp({
      configDir: path.join(temp.dir, 'config'),
      actor: 'tester',
      chooseOpenFiles: (request) => {
        asked.push(request);
        return Promise.resolve(chosen);
      },
      chooseOpenPath: (request) => Promise.resolve(request.kind === 'folder' ? temp.dir : null),
    });
    handlers = createHandlers(app);
    await call('session:create', {
      path: path.join(temp.dir, 'r.foidesk'),
      passphrase: Buffer.from(PASSPHRASE),
    });
  });
  afterEach(async () => {
    await app.enqueue(() => app.lockNow());
  });

  it('reads the chosen email in main and hands it to the intake; refuses an oversized file unread', async () => {
    chosen = [fixture('email/plain.eml')];
    const { files } = await call('dialog:open-file', { kind: 'email' });
    expect(asked.at(-1)).toEqual({ kind: 'email' });
    expect(files).toMatchObject([{ name: 'plain.eml', contentType: 'message/rfc822' }]);
    const proposal = await call('intake:read-email', { uploadId: files[0]!.uploadId });
    expect(proposal.draft.requester.name).toBe('Sam Patel');

    const big = path.join(temp.dir, 'video.mp4');
    writeFileSync(big, Buffer.alloc(MAX_ATTACHMENT_BYTES + 1));
    chosen = [big];
    const reply = await handlers['dialog:open-file']({ kind: 'attachment' });
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error.message).toMatch(
      /video\.mp4 is 25\.0 MB: a file can be at most 25\.0 MB/,
    );
    chosen = [];
    expect(await call('dialog:open-file', { kind: 'attachment', multiple: true })).toEqual({ files: [] });
    expect(await call('dialog:open-path', { kind: 'folder' })).toEqual({ path: temp.dir });
  });
});

describe("the bridge's upload", () => {
  let bridge: Bridge;
  beforeEach(async () => {
    bridge = await startBridge({
      port: 0,
      renderRoot: path.join(repoRoot, 'dist', 'renderer'),
      configDir: path.join(temp.dir, 'config'),
      desk: { actor: 'tester' },
    });
  });
  afterEach(async () => {
    await bridge.close();
  });

  const send = (body: Buffer, headers: Record<string, string> = {}) =>
    fetch(`${bridge.origin}/upload`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/octet-stream',
        Authorization: `Bearer ${bridge.token}`,
        'X-File-Name': encodeURIComponent('Spend 2024 – final.csv'),
        'X-File-Type': 'text/csv',
        ...headers,
      },
      body: new Uint8Array(body),
    });

  it('needs the token, our origin and an open file; holds the bytes and names the file', async () => {
    expect((await send(Buffer.from('a'), { Authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await send(Buffer.from('a'), { Origin: 'http://evil.example' })).status).toBe(403);
    const locked = (await (await send(Buffer.from('a'))).json()) as { ok: boolean; error: { code: string } };
    expect(locked).toMatchObject({ ok: false, error: { code: 'locked' } });

    const file = path.join(temp.dir, 'r.foidesk');
    const open = await fetch(`${bridge.origin}/api/session:create`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${bridge.token}` },
      body: JSON.stringify({ path: file, passphrase: Array.from(Buffer.from(PASSPHRASE)) }),
    });
    expect(((await open.json()) as { ok: boolean }).ok).toBe(true);

    const ok = (await (await send(Buffer.from('site,income\n'))).json()) as {
      ok: boolean;
      value: { uploadId: string; name: string; size: number; contentType: string };
    };
    expect(ok).toMatchObject({
      ok: true,
      value: { name: 'Spend 2024 – final.csv', size: 12, contentType: 'text/csv' },
    });
    expect(ok.value.uploadId).toMatch(/^[0-9a-f]{32}$/);

    const tooBig = await send(Buffer.alloc(MAX_ATTACHMENT_BYTES + 1));
    expect(tooBig.status).toBe(413);
    expect(((await tooBig.json()) as { error: { message: string } }).error.message).toMatch(
      /at most 25\.0 MB/,
    );
    const json = await send(Buffer.from('{}'), { 'Content-Type': 'application/json' });
    expect(json.status).toBe(415);
  });
});
