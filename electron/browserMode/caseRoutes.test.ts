import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_HEADER } from '../../shared/browserMode/session';
import { CASE_UPLOAD_PATH, caseDatabasePath } from '../../shared/cases/channels';
import type { LoopbackApp } from './testing/loopbackApp';
import { launchSession, startLoopbackApp } from './testing/loopbackApp';

// Issue 16 in browser mode: the case database and the VCF upload are behind the same session
// secret as the vault route (a header only the page holds, never a cookie; decision 0002), and an
// upload also needs this server's own Origin.
let app: LoopbackApp;
let session: Awaited<ReturnType<typeof launchSession>>;
let rendererDir: string;

beforeAll(async () => {
  rendererDir = mkdtempSync(join(tmpdir(), 'cohort-desk-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Cohort Desk</title>');
  app = await startLoopbackApp(rendererDir);
  session = await launchSession(app.server);
});
afterAll(async () => {
  await app.close();
  rmSync(rendererDir, { recursive: true, force: true });
});

describe('issue 16: browser mode case routes', () => {
  it('the case database needs the session header: refused without it or as a cookie', async () => {
    const { secret, headers } = session;
    const url = `${app.server.origin}${caseDatabasePath('NO-SUCH-CASE')}`;
    expect((await fetch(url)).status).toBe(401);
    const cookie = `cohort_desk_session=${secret}; ${SESSION_HEADER}=${secret}`;
    expect((await fetch(url, { headers: { cookie } })).status).toBe(401);
    // Past the gate: the route itself answers (no such case, or the vault is locked).
    expect([401, 403]).not.toContain((await fetch(url, { headers })).status);
  });

  it('an upload needs the session header and this server as Origin', async () => {
    const { headers } = session;
    const url = `${app.server.origin}${CASE_UPLOAD_PATH}?name=p.vcf`;
    const post = (h: Record<string, string>) =>
      fetch(url, { method: 'POST', headers: h, body: '##fileformat=VCFv4.2\n' });
    expect((await post({ origin: app.server.origin })).status).toBe(401);
    expect((await post(headers)).status).toBe(403);
    expect((await post({ ...headers, origin: 'http://127.0.0.1:1' })).status).toBe(403);
    expect([401, 403]).not.toContain(
      (await post({ ...headers, origin: app.server.origin })).status,
    );
  });
});
