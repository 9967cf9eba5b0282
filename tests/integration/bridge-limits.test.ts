/**
 * The bridge under a slow or greedy client, over real HTTP on the loopback interface: a body
 * trickled a byte at a time is cut off with 408, an oversized one is refused from its
 * Content-Length, and connections past the cap are closed. Every loop here is bounded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import path from 'node:path';
import { startBridge, type Bridge } from '../../main/bridge/server';
import { makeTempDir } from '../helpers';

let temp: ReturnType<typeof makeTempDir>;
let bridge: Bridge;

beforeAll(async () => {
  temp = makeTempDir();
  const renderRoot = path.join(temp.dir, 'renderer');
  mkdirSync(renderRoot, { recursive: true });
  writeFileSync(path.join(renderRoot, 'index.html'), '<!doctype html><title>FOI Desk</title>');
  bridge = await startBridge({
    renderRoot,
    configDir: path.join(temp.dir, 'config'),
    bodyTimeoutMs: 300,
    maxConnections: 4,
  });
});
afterAll(async () => {
  await bridge.close();
  temp.cleanup();
});

function open(): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(bridge.port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

function headers(length: number): string {
  return [
    'POST /api/session:status HTTP/1.1',
    `Host: 127.0.0.1:${bridge.port}`,
    `Authorization: Bearer ${bridge.token}`,
    'Content-Type: application/json',
    `Content-Length: ${length}`,
    '',
    '',
  ].join('\r\n');
}

/** Everything the server sent until it closed the connection. */
function untilClosed(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    socket.on('data', (d: Buffer) => (text += d.toString('utf8')));
    socket.once('close', () => resolve(text));
  });
}

describe('the bridge’s limits', () => {
  it('cuts off a body trickled a byte at a time with 408 and closes the connection', async () => {
    const socket = await open();
    const answer = untilClosed(socket);
    let closed = false;
    void answer.then(() => (closed = true));
    socket.write(headers(10_000));
    let sent = 0;
    // Bounded: at most 400 bytes, one every 20 ms, stopping as soon as the server hangs up.
    while (!closed && sent < 400) {
      if (!socket.writable) break;
      socket.write(' ');
      sent++;
      await new Promise((r) => setTimeout(r, 20));
    }
    const text = await answer;
    expect(text).toMatch(/^HTTP\/1\.1 408/);
    expect(text).toContain('took too long to arrive');
    expect(sent).toBeLessThan(400);
  });

  it('refuses an oversized body from its Content-Length without reading it', async () => {
    const socket = await open();
    const answer = untilClosed(socket);
    socket.write(headers(64 * 1024 * 1024));
    expect(await answer).toMatch(/^HTTP\/1\.1 413/);
  });

  it('closes connections past the cap, and serves again once they are gone', async () => {
    const held = await Promise.all([open(), open(), open(), open()]);
    const extra = await open();
    // The server drops the fifth connection as soon as it is accepted.
    await untilClosed(extra);
    for (const s of held) s.destroy();
    await Promise.all(
      held.map((s) => (s.closed ? Promise.resolve() : new Promise((r) => s.once('close', r)))),
    );
    // Wait (bounded, about 5 s) for the server to notice the closes, then it answers again.
    let status = 0;
    for (let attempt = 0; attempt < 250 && status !== 200; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 20));
      const s = await open();
      const reply = untilClosed(s);
      s.end(headers(2).replace('\r\n\r\n', '\r\nConnection: close\r\n\r\n') + '{}');
      status = Number(/^HTTP\/1\.1 (\d{3})/.exec(await reply)?.[1] ?? 0);
    }
    expect(status).toBe(200);
  });
});
