/**
 * Test issuer for passport attack tests: a real HTTP server with OIDC discovery, UserInfo (token → passport
 * we choose) and a JWKS, signing visas with our own keys. It counts every request it receives.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';

export interface PassportIssuer {
  iss: string;
  jku: string;
  hits: Map<string, number>;
  /** Registers what UserInfo returns for a bearer token. */
  setPassport(token: string, sub: string, visas: string[]): void;
  /** Signs a visa with this issuer's ES256 key; header defaults {alg, kid, typ, jku} can be overridden. */
  sign(payload: Record<string, unknown>, header?: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
}

/** Starts the issuer on 127.0.0.1:0. */
export async function startPassportIssuer(): Promise<PassportIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
  const passports = new Map<string, { sub: string; visas: string[] }>();
  const hits = new Map<string, number>();
  let iss = '';
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const json = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (path === '/.well-known/openid-configuration') json(200, { issuer: iss, userinfo_endpoint: `${iss}/me` });
    else if (path === '/jwks') json(200, { keys: [jwk] });
    else if (path === '/me') {
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
      const p = passports.get(token);
      if (p === undefined) json(401, { error: 'invalid_token' });
      else json(200, { sub: p.sub, ga4gh_passport_v1: p.visas });
    } else json(404, {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  iss = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const jku = `${iss}/jwks`;
  return {
    iss,
    jku,
    hits,
    setPassport(token, sub, visas) {
      passports.set(token, { sub, visas });
    },
    sign: (payload, header = {}) =>
      new SignJWT(payload).setProtectedHeader({ alg: 'ES256', kid: 'k1', typ: 'vnd.ga4gh.visa+jwt', jku, ...header }).sign(privateKey),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

/** A visa payload for `sub` from `iss`, valid for an hour unless overridden. */
export function visaPayload(iss: string, sub: string, visa: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return { iss, sub, iat: now, exp: now + 3600, jti: `${String(visa.type)}-${now}`, ga4gh_visa_v1: { asserted: now - 10, ...visa }, ...extra };
}
