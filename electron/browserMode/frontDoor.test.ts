import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoopbackApp, SessionCredentials } from './testing/loopbackApp';
import { launchSession, seededRandom, startLoopbackApp } from './testing/loopbackApp';
import { exchange, frame, rawSocket, rawUpgrade, upgradeRequest } from './testing/rawClients';

let app: LoopbackApp;
let session: SessionCredentials;
let rendererDir: string;

beforeAll(async () => {
  rendererDir = mkdtempSync(join(tmpdir(), 'cohort-desk-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Cohort Desk</title>');
  app = await startLoopbackApp(rendererDir);
  session = await launchSession(app.server);
});

afterAll(async () => {
  await app.close();
  rmSync(rendererDir, { recursive: true, force: true });
});

/** Sends raw bytes on a fresh connection and returns the status line of the answer, if any. */
async function rawHttp(bytes: Buffer): Promise<string> {
  const answer = await exchange(await rawSocket(app.server.port), bytes);
  return answer.toString('latin1').split('\r\n')[0] ?? '';
}

/** The server still answers: a plain request gets an HTTP status and an RPC call a Result. */
async function expectAnswering(): Promise<void> {
  const status = await rawHttp(
    Buffer.from(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${app.server.port}\r\n\r\n`),
  );
  expect(status).toMatch(/^HTTP\/1\.1 \d{3} /);
  const socket = await rawSocket(app.server.port);
  expect(await rawUpgrade(socket, upgradeRequest(app.server.port, session.upgradeLines))).toBe(
    'HTTP/1.1 101 Switching Protocols',
  );
  const invoke = JSON.stringify({ type: 'invoke', id: 7, channel: 'app:info' });
  const reply = await exchange(
    socket,
    frame({ fin: true, rsv: 0, opcode: 1, payload: Buffer.from(invoke), masked: true }),
    1000,
  );
  expect(reply.toString('utf8')).toContain('"type":"result","id":7');
  // The transport is a code the window words in the reader's language (decision 0076).
  expect(reply.toString('utf8')).toContain('"transport":"loopback-websocket"');
}

const pick = <T>(random: (below: number) => number, items: readonly T[]): T =>
  items[random(items.length)] as T;

/** One random HTTP request: request line, headers and body drawn from shapes that broke servers. */
function randomRequest(
  random: (below: number) => number,
  port: number,
  sessionLines: readonly string[],
): Buffer {
  const ours = `127.0.0.1:${port}`;
  const junk = (max: number): string =>
    Array.from({ length: random(max) }, () => String.fromCharCode(random(256))).join('');
  const method = pick(random, [
    'GET',
    'HEAD',
    'POST',
    'PUT',
    'OPTIONS',
    'CONNECT',
    'G\0T',
    '',
    junk(8),
  ]);
  const target = pick(random, [
    '/',
    '/index.html',
    '/launch?code=x',
    `/launch?code=${'A'.repeat(random(5000))}`,
    '/rpc',
    '/vault/../../etc/passwd',
    '/vault/%',
    '/vault/x/data.duckdb',
    '*',
    'http://[',
    'http://[::1',
    '//',
    '/%00',
    '/%zz',
    'http://127.0.0.1:1/',
    'https://evil.example/x',
    `/${'a'.repeat(random(20000))}`,
    junk(40),
  ]);
  const version = pick(random, ['HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/9', '', 'HTTP/1.1 x']);
  const headerPool = [
    `Host: ${ours}`,
    'Host: evil.example',
    'Host: [',
    'Host: http://[',
    'Host:',
    `Host: ${ours}`,
    `Origin: http://${ours}`,
    'Origin: null',
    'Origin: [',
    'Origin: http://evil.example',
    `Cookie: ${junk(60)}`,
    `Content-Length: ${random(100000)}`,
    'Content-Length: -1',
    'Content-Length: 99999999999999999999',
    'Transfer-Encoding: chunked',
    'Upgrade: websocket',
    'Connection: Upgrade',
    'Sec-WebSocket-Version: 99',
    'Sec-WebSocket-Key: x',
    `Sec-WebSocket-Protocol: ${junk(30)}`,
    'X-\u0001: y',
    'no colon here',
    `X-Long: ${'v'.repeat(random(20000))}`,
    `${junk(12)}: ${junk(12)}`,
    // With the session too, so the fuzz reaches the routes behind the gate (vault, static files).
    ...sessionLines,
  ];
  const headers = Array.from({ length: random(7) }, () => pick(random, headerPool));
  const body = random(2) === 0 ? '' : junk(2048);
  const ending = pick(random, ['\r\n\r\n', '\n\n', '\r\n', '']);
  return Buffer.from(
    `${method} ${target} ${version}\r\n${headers.join('\r\n')}${ending}${body}`,
    'latin1',
  );
}

/** A few random frames for an open /rpc socket: any opcode, RSV bits, lying or oversized lengths. */
function randomFrames(random: (below: number) => number): Buffer {
  const frames = Array.from({ length: 1 + random(3) }, () => {
    const size = pick(random, [0, 1, 125, 126, 1000, 65535, 65536, 200_000]);
    const invoke = JSON.stringify({
      type: 'invoke',
      id: random(10),
      channel: 'app:info',
      payload: random(3),
    });
    const payload = pick(random, [
      Buffer.alloc(size, random(256)),
      Buffer.from(invoke),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from('{"type":"invoke","id":-1}'),
      Buffer.from('null'),
    ]);
    const declaredLength = pick(random, [
      undefined,
      undefined,
      8 * 1024 * 1024 + 1,
      2 ** 40,
      Number.MAX_SAFE_INTEGER,
      payload.length + 10,
    ]);
    return frame({
      fin: random(4) !== 0,
      rsv: random(4) === 0 ? random(8) : 0,
      opcode: random(3) === 0 ? random(16) : pick(random, [1, 2, 8, 9, 10]),
      payload,
      masked: random(8) !== 0,
      ...(declaredLength === undefined ? {} : { declaredLength }),
    });
  });
  return Buffer.concat(frames);
}

/** Runs `count` jobs, `width` at a time (the machine is shared; a few sockets at once are enough). */
async function inBatches(
  count: number,
  width: number,
  job: (i: number) => Promise<unknown>,
): Promise<void> {
  for (let start = 0; start < count; start += width) {
    const batch = Array.from({ length: Math.min(width, count - start) }, (_, k) => job(start + k));
    await Promise.all(batch);
  }
}

describe('browser-mode front door under hostile input (issue 12 item 5)', () => {
  it('issue 12: a malformed request line (GET http://[) gets 400, without any session, and the server keeps answering', async () => {
    const port = app.server.port;
    const status = await rawHttp(
      Buffer.from(`GET http://[ HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`),
    );
    expect(status).toBe('HTTP/1.1 400 Bad Request');
    const upgrade = upgradeRequest(port, []).toString('latin1').replace('GET /rpc', 'GET http://[');
    expect(await rawHttp(Buffer.from(upgrade, 'latin1'))).toMatch(/^HTTP\/1\.1 400 /);
    await expectAnswering();
  });

  it('issue 12: a WebSocket frame over the size limit closes only that connection (1009) and the server keeps answering', async () => {
    const socket = await rawSocket(app.server.port);
    await rawUpgrade(socket, upgradeRequest(app.server.port, session.upgradeLines));
    const oversized = frame({
      fin: true,
      rsv: 0,
      opcode: 1,
      payload: Buffer.from('{}'),
      declaredLength: 8 * 1024 * 1024 + 1,
      masked: true,
    });
    const reply = await exchange(socket, oversized, 1000);
    expect(reply[0]).toBe(0x88);
    expect(reply.readUInt16BE(2)).toBe(1009);
    await expectAnswering();
  });

  it('issue 12: fuzz: random request lines, headers, frame sizes and opcodes on raw sockets leave the server answering', async () => {
    const seed = 12_005;
    const random = seededRandom(seed);
    const port = app.server.port;
    await inBatches(160, 8, async () => {
      await exchange(await rawSocket(port), randomRequest(random, port, session.upgradeLines), 50);
    });
    await inBatches(80, 4, async () => {
      const socket = await rawSocket(port);
      const status = await rawUpgrade(socket, upgradeRequest(port, session.upgradeLines));
      expect(status, `seed ${seed}`).toBe('HTTP/1.1 101 Switching Protocols');
      await exchange(socket, randomFrames(random), 50);
    });
    await expectAnswering();
  }, 120_000);
});
