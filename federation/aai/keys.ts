/**
 * The broker's key material, generated on first start and persisted under stateDir so a restart keeps the
 * same issuer keys (nodes cache the visa JWKS; clients cache the OIDC JWKS).
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';
import { z } from 'zod';
import { readJsonIfExists, writeJsonAtomic } from './stateFiles';

export interface BrokerKeys {
  /** Private JWKS for ID tokens (RS256, the OIDC default). */
  readonly oidcJwks: { keys: JWK[] };
  /** Private visa signing key, separate from the OIDC keys (PASS: RS256 or ES256; we use ES256). */
  readonly visaKey: JWK & { kid: string; alg: 'ES256' };
  /** Keys for oidc-provider's signed cookies. */
  readonly cookieKeys: string[];
}

const stored = z.object({
  version: z.literal(1),
  oidcJwks: z.object({ keys: z.array(z.looseObject({ kty: z.string(), kid: z.string() })).min(1) }),
  visaKey: z.looseObject({ kty: z.literal('EC'), kid: z.string(), alg: z.literal('ES256') }),
  cookieKeys: z.array(z.string().min(32)).min(1),
});

async function privateJwk(alg: 'RS256' | 'ES256', use: 'sig'): Promise<JWK & { kid: string }> {
  const { privateKey } = await generateKeyPair(alg, { extractable: true, modulusLength: 2048 });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(jwk);
  return { ...jwk, kid, alg, use };
}

/** Loads keys from `${stateDir}/keys.json`, generating and persisting them on first start. */
export async function loadOrCreateKeys(stateDir: string): Promise<BrokerKeys> {
  const file = join(stateDir, 'keys.json');
  const existing = await readJsonIfExists(file);
  if (existing !== undefined) {
    const parsed = stored.parse(existing);
    return {
      oidcJwks: { keys: parsed.oidcJwks.keys },
      visaKey: parsed.visaKey,
      cookieKeys: parsed.cookieKeys,
    };
  }
  const keys: BrokerKeys = {
    oidcJwks: { keys: [await privateJwk('RS256', 'sig')] },
    visaKey: { ...(await privateJwk('ES256', 'sig')), alg: 'ES256' },
    cookieKeys: [randomBytes(32).toString('base64url')],
  };
  await writeJsonAtomic(file, { version: 1, ...keys });
  return keys;
}

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth'] as const;

/** The public half of a private JWK (what `/visa-jwks` publishes). */
export function publicJwk(jwk: JWK): JWK {
  const pub: JWK = { ...jwk };
  for (const k of PRIVATE_MEMBERS) Reflect.deleteProperty(pub, k);
  return pub;
}
