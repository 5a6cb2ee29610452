import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testKeyStorage } from '../platform/keyStorage';
import type { SignInFederation } from './testing/signInFederation';
import { newScriptedBrowser, startSignInFederation } from './testing/signInFederation';
import { completeLogin } from './testing/completeLogin';
import { createHarness } from './testing/harness';
import { refreshAtBroker, sealedRefreshToken } from './testing/tokens';

let fed: SignInFederation;
const tmp = (p: string) => mkdtempSync(join(tmpdir(), p));
const keys = testKeyStorage(Buffer.alloc(32, 9));
const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) =>
    statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)],
  );

beforeAll(async () => {
  fed = await startSignInFederation({ runDir: tmp('fed-run-') });
}, 120_000);
afterAll(async () => {
  await fed.close();
});

describe('session lifecycle (AUTH-06, AUTH-07, AUTH-10, audit)', () => {
  it('AUTH-06: after access-token expiry the app refreshes; the rotated token is sealed first, the old one is dead', async () => {
    let clock = Date.now();
    const dataDir = tmp('app-');
    const h = await createHarness({
      fed,
      dataDir,
      user: 'clinician',
      keyStorage: keys,
      auth: { now: () => clock },
    });
    await h.invoke('auth:signIn', {});
    const first = await sealedRefreshToken(dataDir, keys);
    const before = await h.services.auth.accessToken();
    clock += 10 * 60_000; // past the 300 s access-token lifetime of the demo broker
    const after = await h.services.auth.accessToken();
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
    const second = await sealedRefreshToken(dataDir, keys);
    expect(second).not.toBe(first);
    expect((await h.invoke('auth:session')).state).toBe('signed-in');
    h.close();
    // STANDARDS 1.4.7: replaying the old refresh token fails at the broker (and kills the family).
    expect(await refreshAtBroker(fed.info.issuer, first)).toMatchObject({
      status: 400,
      error: 'invalid_grant',
    });
  });

  it('AUTH-06: invalid_grant ends the session once with session_expired, wipes the sealed token, no retry loop', async () => {
    let clock = Date.now();
    const dataDir = tmp('app-');
    const h = await createHarness({
      fed,
      dataDir,
      user: 'researcher',
      keyStorage: keys,
      auth: { now: () => clock },
    });
    await h.invoke('auth:signIn', {});
    const stolen = await sealedRefreshToken(dataDir, keys);
    expect((await refreshAtBroker(fed.info.issuer, stolen)).status).toBe(200); // rotation: app's copy now stale
    clock += 10 * 60_000;
    expect(await h.services.auth.accessToken()).toBeUndefined();
    const summary = await h.invoke('auth:session');
    expect(summary).toMatchObject({ state: 'signed-out', error: { code: 'session_expired' } });
    expect(readdirSync(join(dataDir, 'auth'))).toEqual([]);
    const changes = h.changes.length;
    expect(await h.services.auth.accessToken()).toBeUndefined();
    expect(h.changes.length).toBe(changes);
    expect(h.services.audit.verify().ok).toBe(true);
    expect(readFileSync(h.services.audit.file, 'utf8')).toContain('auth.refresh_failed');
    h.close();
  });

  it('AUTH-07: sign-out revokes refresh and access tokens, opens end-session, wipes local tokens', async () => {
    const dataDir = tmp('app-');
    const h = await createHarness({ fed, dataDir, user: 'clinician', keyStorage: keys });
    await h.invoke('auth:signIn', {});
    const refresh = await sealedRefreshToken(dataDir, keys);
    const out = await h.invoke('auth:signOut');
    expect(out).toMatchObject({ state: 'signed-out', access: [], ignoredVisas: [] });
    expect(out.error).toBeUndefined();
    expect(await refreshAtBroker(fed.info.issuer, refresh)).toMatchObject({
      status: 400,
      error: 'invalid_grant',
    });
    const end = new URL(h.opened.at(-1) ?? '');
    expect(end.href).toMatch(new RegExp(`^${fed.info.issuer}/session/end\\?`));
    // Issue 13: the end-session URL names the client, never the ID token.
    expect(end.searchParams.get('client_id')).toBe('cohort-desk');
    expect(end.searchParams.has('id_token_hint')).toBe(false);
    expect(end.href).not.toContain('eyJ');
    expect(readdirSync(join(dataDir, 'auth'))).toEqual([]);
    expect(h.changes.at(-1)?.state).toBe('signed-out');
    h.close();
  });

  it('AUTH-10 + audit: after a full session no file the app wrote holds "eyJ"; the chain verifies and catches an edit', async () => {
    const dataDir = tmp('app-');
    const h = await createHarness({
      fed,
      dataDir,
      user: 'conditional',
      keyStorage: keys,
      fileLogs: true,
    });
    const summary = await h.invoke('auth:signIn', {});
    expect(JSON.stringify(summary)).not.toContain('eyJ');
    await h.invoke('auth:signOut');
    expect(JSON.stringify(h.changes)).not.toContain('eyJ');
    const files = walk(dataDir);
    expect(files.some((f) => f.endsWith('.log'))).toBe(true);
    for (const file of files) expect(readFileSync(file, 'latin1'), file).not.toContain('eyJ');
    const audit = readFileSync(h.services.audit.file, 'utf8');
    for (const type of ['auth.sign_in', 'auth.visa_rejected', 'auth.sign_out'])
      expect(audit).toContain(type);
    expect(h.services.audit.verify().ok).toBe(true);
    writeFileSync(h.services.audit.file, audit.replace('conditional', 'someone-else'));
    expect(h.services.audit.verify()).toMatchObject({ ok: false, reason: 'hash-mismatch' });
    h.close();
  });

  it('browser mode: the summary carries the authorization URL while signing in; cancel ends it', async () => {
    const h = await createHarness({ fed, dataDir: tmp('app-'), delegate: true });
    const pending = h.invoke('auth:signIn', {});
    const signingIn = await h.next((s) => s.authorizationUrl !== undefined);
    expect(signingIn.state).toBe('signing-in');
    const url = new URL(signingIn.authorizationUrl!);
    expect(url.origin).toBe(fed.info.issuer);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(signingIn.authorizationUrl).not.toContain('code_verifier');
    const cancelled = await h.invoke('auth:cancelSignIn');
    expect(cancelled).toMatchObject({ state: 'signed-out', error: { code: 'login_cancelled' } });
    expect(await pending).toMatchObject({ state: 'signed-out' });
    h.close();
  });

  it('browser mode: the page completes the login in a tab of its browser', async () => {
    const h = await createHarness({ fed, dataDir: tmp('app-'), delegate: true });
    const pending = h.invoke('auth:signIn', {});
    const { authorizationUrl } = await h.next((s) => s.authorizationUrl !== undefined);
    await completeLogin(await newScriptedBrowser(), authorizationUrl!, 'novisa');
    const done = await pending;
    expect(done).toMatchObject({ state: 'signed-in', user: { sub: 'novisa' } });
    expect(done.authorizationUrl).toBeUndefined();
    h.close();
  });

  it('consent refused at the broker → login_cancelled in plain words', async () => {
    const h = await createHarness({ fed, dataDir: tmp('app-'), delegate: true });
    const pending = h.invoke('auth:signIn', {});
    const { authorizationUrl } = await h.next((s) => s.authorizationUrl !== undefined);
    await completeLogin(await newScriptedBrowser(), authorizationUrl!, 'clinician', { deny: true });
    const done = await pending;
    expect(done).toMatchObject({ state: 'signed-out', error: { code: 'login_cancelled' } });
    expect(done.error?.message).toMatch(/Sign in again/);
    h.close();
  });
});
