import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import type { Socket } from 'node:net';

/** Connects a raw TCP socket to the loopback server; errors only end it (a reset is an answer too). */
export async function rawSocket(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port }, () => resolve(socket));
    socket.once('error', reject);
  });
}

/**
 * Writes bytes and collects whatever comes back until the server closes the socket or `quietMs`
 * pass without data. Either way is fine for the fuzz: only the process staying up matters.
 */
export async function exchange(socket: Socket, bytes: Buffer, quietMs = 150): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    const finish = (): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(Buffer.concat(chunks));
    };
    const arm = (): void => {
      clearTimeout(timer);
      timer = setTimeout(finish, quietMs);
    };
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      arm();
    });
    socket.on('error', finish);
    socket.on('close', finish);
    socket.write(bytes, () => arm());
  });
}

/** The bytes of a WebSocket upgrade request for /rpc with the given extra header lines. */
export function upgradeRequest(port: number, extra: readonly string[]): Buffer {
  const lines = [
    'GET /rpc HTTP/1.1',
    `Host: 127.0.0.1:${port}`,
    `Origin: http://127.0.0.1:${port}`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
    'Sec-WebSocket-Version: 13',
    ...extra,
  ];
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
}

/** Performs the upgrade on a raw socket; resolves with the server's status line. */
export async function rawUpgrade(socket: Socket, request: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    let head = '';
    const onData = (chunk: Buffer): void => {
      head += chunk.toString('latin1');
      const end = head.indexOf('\r\n\r\n');
      if (end === -1) return;
      socket.off('data', onData);
      // Anything after the handshake is a frame from the server: put it back for the next reader.
      const rest = Buffer.from(head.slice(end + 4), 'latin1');
      if (rest.length > 0) socket.unshift(rest);
      resolve(head.slice(0, head.indexOf('\r\n')));
    };
    socket.on('data', onData);
    socket.once('error', reject);
    socket.write(request);
  });
}

/**
 * One client-to-server WebSocket frame, built by hand so the fuzz can lie: any opcode, RSV bits,
 * a declared length other than the payload's, masked or not (RFC 6455 section 5.2).
 */
export function frame(opts: {
  fin: boolean;
  rsv: number;
  opcode: number;
  payload: Buffer;
  declaredLength?: number;
  masked: boolean;
}): Buffer {
  const length = opts.declaredLength ?? opts.payload.length;
  const first = (opts.fin ? 0x80 : 0) | ((opts.rsv & 7) << 4) | (opts.opcode & 0x0f);
  let header: Buffer;
  if (length < 126) header = Buffer.from([first, length]);
  else if (length < 0x10000) {
    header = Buffer.alloc(4);
    header.writeUInt16BE(length, 2);
    header[1] = 126;
  } else {
    header = Buffer.alloc(10);
    header.writeBigUInt64BE(BigInt(length), 2);
    header[1] = 127;
  }
  header[0] = first;
  if (!opts.masked) return Buffer.concat([header, opts.payload]);
  header[1] = (header[1] ?? 0) | 0x80;
  const mask = randomBytes(4);
  const body = Buffer.from(opts.payload.map((byte, i) => byte ^ (mask[i % 4] ?? 0)));
  return Buffer.concat([header, mask, body]);
}
