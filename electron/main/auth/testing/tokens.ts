import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyStorage } from '../../platform/keyStorage';

/** Tests only: the refresh token the app sealed in its data folder (opened with the test key). */
export async function sealedRefreshToken(dataDir: string, keys: KeyStorage): Promise<string> {
  const plain = await keys.open(readFileSync(join(dataDir, 'auth', 'session.sealed')));
  return (JSON.parse(Buffer.from(plain).toString('utf8')) as { refreshToken: string }).refreshToken;
}

/** Tests only: a refresh grant straight at the broker's token endpoint, as an attacker would replay it. */
export async function refreshAtBroker(
  issuer: string,
  refreshToken: string,
): Promise<{ status: number; error?: string }> {
  const res = await fetch(new URL('/token', issuer), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      client_id: 'cohort-desk',
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
    }),
  });
  const body = (await res.json()) as { error?: string };
  return { status: res.status, ...(body.error === undefined ? {} : { error: body.error }) };
}
