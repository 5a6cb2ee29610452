import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startLoopbackRedirect } from './loopback';

/** Sends raw bytes to the listener and resolves with the status line of the answer. */
function raw(redirectUri: string, request: string): Promise<string> {
  const { port, hostname } = new URL(redirectUri);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname.replace(/^\[|\]$/g, ''), () =>
      socket.end(request),
    );
    let answer = '';
    socket.on('data', (d: Buffer) => (answer += d.toString('latin1')));
    socket.on('close', () => resolve(answer.split('\r\n')[0] ?? ''));
    socket.on('error', reject);
  });
}

describe('sign-in redirect listener (AUTH-02)', () => {
  it('issue 12: a malformed request line (GET http://[) gets 400 and the listener still takes the real callback', async () => {
    const loopback = await startLoopbackRedirect({ path: '/cb', expectedState: 's1' });
    try {
      expect(await raw(loopback.redirectUri, 'GET http://[ HTTP/1.1\r\nHost: x\r\n\r\n')).toMatch(
        /^HTTP\/1\.1 400/,
      );
      const ok = await fetch(`${loopback.redirectUri}?state=s1&code=c`);
      expect(ok.status).toBe(200);
      expect((await loopback.callback).searchParams.get('code')).toBe('c');
    } finally {
      await loopback.close();
    }
  });
});
