import { describe, expect, it } from 'vitest';
import { SESSION_HEADER, rpcProtocols } from '../../shared/browserMode/session';
import { checkRequest, presentedSecret } from './requestGuard';

const secret = 'A'.repeat(43);
const opts = { port: 4555, secret, requireOrigin: true, credential: 'header' } as const;
const req = (headers: Record<string, string>) => ({ headers });
const good = {
  host: '127.0.0.1:4555',
  origin: 'http://127.0.0.1:4555',
  [SESSION_HEADER]: secret,
};

describe('browser-mode request guard (issues 7 and 12)', () => {
  it('accepts the loopback host, its own origin and the session secret', () => {
    expect(checkRequest(req(good), opts)).toBeUndefined();
  });

  it('refuses a Host naming another domain (DNS rebinding) or another port', () => {
    expect(checkRequest(req({ ...good, host: 'evil.example:4555' }), opts)).toBe('host');
    expect(checkRequest(req({ ...good, host: '127.0.0.1:80' }), opts)).toBe('host');
    expect(checkRequest(req({ ...good, host: 'localhost:4555' }), opts)).toBe('host');
    expect(checkRequest(req({ origin: good.origin, [SESSION_HEADER]: secret }), opts)).toBe('host');
  });

  it('refuses a foreign Origin (CSRF) and a missing one where required (WebSocket upgrades)', () => {
    expect(checkRequest(req({ ...good, origin: 'http://evil.example' }), opts)).toBe('origin');
    expect(checkRequest(req({ ...good, origin: 'null' }), opts)).toBe('origin');
    expect(checkRequest(req({ ...good, origin: 'http://127.0.0.1:4556' }), opts)).toBe('origin');
    expect(checkRequest(req({ host: good.host, [SESSION_HEADER]: secret }), opts)).toBe('origin');
    expect(
      checkRequest(req({ host: good.host, [SESSION_HEADER]: secret }), {
        ...opts,
        requireOrigin: false,
      }),
    ).toBeUndefined();
  });

  it('refuses a missing or wrong secret', () => {
    expect(checkRequest(req({ host: good.host, origin: good.origin }), opts)).toBe('secret');
    expect(checkRequest(req({ ...good, [SESSION_HEADER]: `${'A'.repeat(42)}B` }), opts)).toBe(
      'secret',
    );
    expect(checkRequest(req({ ...good, [SESSION_HEADER]: 'A' }), opts)).toBe('secret');
  });

  it('issue 12: a cookie is never a session, whatever its name or value', () => {
    const cookies = `cohort_desk_session=${secret}; session=${secret}; ${SESSION_HEADER}=${secret}`;
    expect(checkRequest(req({ host: good.host, origin: good.origin, cookie: cookies }), opts)).toBe(
      'secret',
    );
  });

  it('reads the secret from exactly one session subprotocol on upgrades', () => {
    const protocols = (list: string[]) => ({ 'sec-websocket-protocol': list.join(', ') });
    expect(presentedSecret(req(protocols(rpcProtocols(secret))), 'protocol')).toBe(secret);
    expect(
      checkRequest(
        req({ host: good.host, origin: good.origin, ...protocols(rpcProtocols(secret)) }),
        {
          ...opts,
          credential: 'protocol',
        },
      ),
    ).toBeUndefined();
    const twice = [...rpcProtocols(secret), ...rpcProtocols('B'.repeat(43)).slice(1)];
    expect(presentedSecret(req(protocols(twice)), 'protocol')).toBeUndefined();
    // The header does not count where the protocol is asked for, nor the other way round.
    expect(presentedSecret(req(good), 'protocol')).toBeUndefined();
    expect(presentedSecret(req(protocols(rpcProtocols(secret))), 'header')).toBeUndefined();
  });
});
