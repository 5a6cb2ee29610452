/**
 * Test broker for passport attack tests: a real HTTP server with OIDC discovery, a JWKS, and a token
 * endpoint that exchanges node access tokens for passports we choose (RFC 8693, GA4GH Passport 1.2),
 * signing visas, tokens and passports with our own keys. It counts every request it receives.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import type { BrokerClient } from '../access/brokerToken';

/** The resource indicator the test node answers for. */
export const TEST_RESOURCE = 'http://127.0.0.1:1/';

export interface PassportIssuer {
  iss: string;
  jku: string;
  hits: Map<string, number>;
  /** The node's client at this broker (client_secret_basic). */
  client: BrokerClient;
  /**
   * A JWT access token for `sub` whose passport (at the token exchange) holds `visas`. Overrides:
   * `aud` (default TEST_RESOURCE), `typ` (default at+jwt), claims, and the passport's subject.
   */
  tokenFor(
    sub: string,
    visas: string[],
    opts?: { aud?: string; typ?: string; claims?: Record<string, unknown>; passportSub?: string },
  ): Promise<string>;
  /** Signs a visa with this issuer's ES256 key; header defaults {alg, kid, typ, jku} can be overridden. */
  sign(payload: Record<string, unknown>, header?: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** Starts the issuer on 127.0.0.1:0. */
export async function startPassportIssuer(): Promise<PassportIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
  const passports = new Map<string, { sub: string; visas: string[] }>();
  const hits = new Map<string, number>();
  const client = { clientId: 'node', clientSecret: 'node-secret' };
  const basic = `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}`;
  let iss = '';
  const passportJwt = (sub: string, visas: string[]): Promise<string> =>
    new SignJWT({ ga4gh_passport_v1: visas })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1', typ: 'vnd.ga4gh.passport+jwt' })
      .setIssuer(iss)
      .setSubject(sub)
      .setAudience(client.clientId)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const json = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (path === '/.well-known/openid-configuration')
      json(200, { issuer: iss, jwks_uri: `${iss}/jwks`, token_endpoint: `${iss}/token` });
    else if (path === '/jwks') json(200, { keys: [jwk] });
    else if (path === '/token') {
      void readBody(req).then(async (form) => {
        const p = passports.get(form.get('subject_token') ?? '');
        if (req.headers.authorization !== basic) json(401, { error: 'invalid_client' });
        else if (p === undefined) json(400, { error: 'invalid_grant' });
        else
          json(200, {
            access_token: await passportJwt(p.sub, p.visas),
            issued_token_type: 'urn:ga4gh:params:oauth:token-type:passport',
            token_type: 'N_A',
          });
      });
    } else json(404, {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  iss = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const jku = `${iss}/jwks`;
  return {
    iss,
    jku,
    hits,
    client: { issuer: iss, ...client },
    async tokenFor(sub, visas, opts = {}) {
      const now = Math.floor(Date.now() / 1000);
      const token = await new SignJWT({
        iss,
        sub,
        aud: opts.aud ?? TEST_RESOURCE,
        iat: now,
        exp: now + 300,
        jti: `at-${String(passports.size)}`,
        scope: 'ga4gh_passport_v1',
        client_id: 'app',
        ...opts.claims,
      })
        .setProtectedHeader({ alg: 'ES256', kid: 'k1', typ: opts.typ ?? 'at+jwt' })
        .sign(privateKey);
      passports.set(token, { sub: opts.passportSub ?? sub, visas });
      return token;
    },
    sign: (payload, header = {}) =>
      new SignJWT(payload)
        .setProtectedHeader({ alg: 'ES256', kid: 'k1', typ: 'vnd.ga4gh.visa+jwt', jku, ...header })
        .sign(privateKey),
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
export function visaPayload(
  iss: string,
  sub: string,
  visa: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss,
    sub,
    iat: now,
    exp: now + 3600,
    jti: `${String(visa.type)}-${now}`,
    ga4gh_visa_v1: { asserted: now - 10, ...visa },
    ...extra,
  };
}
