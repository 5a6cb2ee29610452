import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeEntry } from '../../../shared/federation/directory';
import type { SessionSummary } from '../../../shared/auth/session';
import { asksForCredentials, completeLogin, completeLogout } from './testing/completeLogin';
import type { SignInFederation, ScriptedBrowserLike } from './testing/signInFederation';
import { newScriptedBrowser, startSignInFederation } from './testing/signInFederation';
import { createHarness, type Harness } from './testing/harness';

let fed: SignInFederation;
const tmp = (p: string) => mkdtempSync(join(tmpdir(), p));

beforeAll(async () => {
  // Nodes ask the broker on every request, so a sign-out shows at the node at once.
  fed = await startSignInFederation({ runDir: tmp('fed-run-'), passportCacheTtlMs: 0 });
}, 120_000);
afterAll(async () => {
  await fed.close();
});

/** Browser mode: the page opens the broker's pages; the person uses one browser all day. */
async function signInAs(
  h: Harness,
  browser: ScriptedBrowserLike,
  username: string,
  switchUser = false,
): Promise<{ summary: SessionSummary; askedForCredentials: boolean }> {
  const pending = h.invoke('auth:signIn', switchUser ? { switchUser } : {});
  const { authorizationUrl } = await h.next((s) => s.authorizationUrl !== undefined);
  const first = await browser.navigate(authorizationUrl ?? '');
  await completeLogin(browser, authorizationUrl ?? '', username);
  return { summary: await pending, askedForCredentials: asksForCredentials(first) };
}

const fiNode = (): NodeEntry => {
  const info = JSON.parse(readFileSync(fed.infoFile, 'utf8')) as { nodes: NodeEntry[] };
  const fi = info.nodes.find((n) => n.id === 'FI');
  if (fi === undefined) throw new Error('no FI node');
  return fi;
};

describe('issue 13: sign-out on a shared workstation (AUTH-07, browser mode)', () => {
  it('sign-out ends the broker session: the next person is asked who they are, and gets in as themselves', async () => {
    const browser = await newScriptedBrowser();
    const h = await createHarness({ fed, dataDir: tmp('app-'), delegate: true, browser });
    const clinician = await signInAs(h, browser, 'clinician');
    expect(clinician.summary.user?.sub).toBe('clinician');
    // The page gets the broker's end-session page, naming the client only (no ID token).
    const { endSessionUrl } = clinician.summary;
    expect(endSessionUrl).toMatch(new RegExp(`^${fed.info.issuer}/session/end\\?`));
    expect(new URL(endSessionUrl ?? '').searchParams.get('client_id')).toBe('cohort-desk');
    expect(endSessionUrl).not.toContain('eyJ');
    const forFi = (await h.services.auth.accessTokenFor(fiNode())) ?? '';
    const beacon = (token: string) =>
      fetch(`${fiNode().beaconUrl}/individuals`, { headers: { authorization: `Bearer ${token}` } });
    expect((await beacon(forFi)).status).toBe(200);

    // The person clicks "Sign out": the page opens the end-session page, main revokes and wipes.
    await completeLogout(browser, endSessionUrl ?? '');
    const out = await h.invoke('auth:signOut');
    expect(out.state).toBe('signed-out');
    expect(out.endSessionUrl).toBeUndefined();
    // AUTH-07: the refresh token's grant is revoked, so even the node's own token is dead now.
    expect((await beacon(forFi)).status).toBe(401);

    const researcher = await signInAs(h, browser, 'researcher');
    expect(researcher.askedForCredentials).toBe(true);
    expect(researcher.summary.user?.sub).toBe('researcher');
    h.close();
  });

  it('"sign in as someone else" asks for credentials although the broker session is the previous user\'s', async () => {
    const browser = await newScriptedBrowser();
    const h = await createHarness({ fed, dataDir: tmp('app-'), delegate: true, browser });
    await signInAs(h, browser, 'clinician');
    await h.invoke('auth:signOut');
    // Nobody visited the end-session page: a plain sign-in would only offer Allow/Deny as clinician.
    const same = await signInAs(h, browser, 'researcher');
    expect(same.askedForCredentials).toBe(false);
    expect(same.summary.user?.sub).toBe('clinician');
    await h.invoke('auth:signOut');
    const other = await signInAs(h, browser, 'researcher', true);
    expect(other.askedForCredentials).toBe(true);
    expect(other.summary.user?.sub).toBe('researcher');
    h.close();
  });
});
