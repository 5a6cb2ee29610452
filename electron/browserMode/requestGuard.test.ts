import { describe, expect, it } from 'vitest';
import { SESSION_COOKIE, checkRequest, readCookie } from './requestGuard';

const opts = { port: 4555, secret: 's3cret-value', requireOrigin: true, requireSecret: true };
const req = (headers: Record<string, string>) => ({ headers });
const good = {
  host: '127.0.0.1:4555',
  origin: 'http://127.0.0.1:4555',
  cookie: `a=1; ${SESSION_COOKIE}=s3cret-value`,
};

describe('browser-mode request guard (issue 7)', () => {
  it('accepts the loopback host, its own origin and the session secret', () => {
    expect(checkRequest(req(good), opts)).toBeUndefined();
  });

  it('refuses a Host naming another domain (DNS rebinding) or another port', () => {
    expect(checkRequest(req({ ...good, host: 'evil.example:4555' }), opts)).toBe('host');
    expect(checkRequest(req({ ...good, host: '127.0.0.1:80' }), opts)).toBe('host');
    expect(checkRequest(req({ ...good, host: 'localhost:4555' }), opts)).toBe('host');
    expect(checkRequest(req({ origin: good.origin, cookie: good.cookie }), opts)).toBe('host');
  });

  it('refuses a foreign Origin (CSRF) and a missing one where required (WebSocket upgrades)', () => {
    expect(checkRequest(req({ ...good, origin: 'http://evil.example' }), opts)).toBe('origin');
    expect(checkRequest(req({ ...good, origin: 'null' }), opts)).toBe('origin');
    expect(checkRequest(req({ host: good.host, cookie: good.cookie }), opts)).toBe('origin');
    expect(
      checkRequest(req({ host: good.host, cookie: good.cookie }), {
        ...opts,
        requireOrigin: false,
      }),
    ).toBeUndefined();
  });

  it('refuses a missing or wrong secret', () => {
    expect(checkRequest(req({ host: good.host, origin: good.origin }), opts)).toBe('secret');
    expect(checkRequest(req({ ...good, cookie: `${SESSION_COOKIE}=s3cret-valuX` }), opts)).toBe(
      'secret',
    );
    expect(checkRequest(req({ ...good, cookie: `${SESSION_COOKIE}=s3cret` }), opts)).toBe('secret');
  });

  it('reads cookies whose values contain =', () => {
    expect(readCookie('x=1; k=a=b', 'k')).toBe('a=b');
    expect(readCookie(undefined, 'k')).toBeUndefined();
  });
});
