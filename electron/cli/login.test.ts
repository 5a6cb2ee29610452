import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeLogin } from '../main/auth/testing/completeLogin';
import type { SignInFederation } from '../main/auth/testing/signInFederation';
import { newScriptedBrowser, startSignInFederation } from '../main/auth/testing/signInFederation';
import { VAULT_SEALED_SESSION_FILE, vaultKeyStorage } from '../main/auth/vaultSealedSession';
import { deriveKey } from '../main/vault/keyHierarchy';
import { unlockWithPassphrase } from '../main/vault/masterKey';
import { EXIT } from './exitCodes';
import type { CliRun } from './testing/cliHarness';
import { cliHarness } from './testing/cliHarness';

// Issue 23: `cli login` signs in with the demo federation's real OIDC provider (the authorization
// URL driven through its login and consent forms, as the system browser would), the session is
// sealed under the vault key (decision 0032) and a later process restores it after the unlock.
const root = mkdtempSync(join(tmpdir(), 'cli-login-'));
const data = join(root, 'data');
const PASS = 'correct horse battery staple';
let fed: SignInFederation;
let env: NodeJS.ProcessEnv;
const runs: CliRun[] = [];
let savedRefreshToken = '';
const opened: string[] = [];

/** One `npm run cli` process: its own transport over the same data folder, closed afterwards. */
async function cli(opts: { passphrase?: string }, ...argv: string[]): Promise<CliRun> {
  const h = cliHarness({
    env,
    cwd: root,
    ...(opts.passphrase === undefined ? {} : { passphrase: opts.passphrase }),
    ctx: {
      // The person at the browser: the address the command opens is driven through the broker.
      openBrowser: (url) => {
        opened.push(url);
        void newScriptedBrowser().then((b) => completeLogin(b, url, 'clinician'));
      },
    },
  });
  try {
    const r = await h.cli(...argv);
    runs.push(r);
    return r;
  } finally {
    h.close();
  }
}

beforeAll(async () => {
  fed = await startSignInFederation({ runDir: join(root, 'fed') });
  env = {
    ...process.env,
    COHORT_DESK_DATA_DIR: data,
    COHORT_DESK_POLICY: join(root, 'no-policy.json'),
    COHORT_DESK_FEDERATION_FILE: fed.infoFile,
  };
}, 120_000);
afterAll(async () => {
  await fed.close();
  rmSync(root, { recursive: true, force: true });
});

describe('issue 23: cli login, whoami, logout against the demo federation', () => {
  it('signs in through the printed address and keeps the session sealed under the vault key', async () => {
    const r = await cli({ passphrase: PASS }, 'login');
    expect(r.code).toBe(EXIT.ok);
    expect(opened).toHaveLength(1);
    const url = new URL(opened[0] ?? '');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(r.err).toContain(`Open this address in a browser to sign in:\n  ${url.href}`);
    expect(r.out[0]).toMatch(/^Signed in as .*\(.+\)$/);
    expect(r.out).toContain('node\tdataset\tlevel\tgranularity\tduo\texpires');
    // Sealed beside the app's session file, never in it (browser mode wipes that one).
    expect(readdirSync(join(data, 'auth'))).toEqual([VAULT_SEALED_SESSION_FILE]);
  });

  it('restores the session in a new process once the vault is unlocked (whoami)', async () => {
    const r = await cli({ passphrase: PASS }, 'whoami', '--json');
    expect(r.code).toBe(EXIT.ok);
    const s = JSON.parse(r.out[0] ?? '{}') as { state: string; access: { granularity: string }[] };
    expect(s.state).toBe('signed-in');
    expect(s.access.length).toBeGreaterThan(0);
    const text = await cli({ passphrase: PASS }, 'whoami');
    expect(text.out.length).toBe(5 + s.access.length);
    expect(text.out[3]).toMatch(/^Passport: \d+ datasets/);
  });

  it('refuses without the passphrase or with a wrong one (exit 3), and keeps the session', async () => {
    const none = await cli({}, 'whoami');
    expect(none.code).toBe(EXIT.refused);
    expect(none.err.join('\n')).toContain('--passphrase-fd 0');
    const wrong = await cli({ passphrase: 'not it' }, 'whoami');
    expect(wrong.code).toBe(EXIT.refused);
    expect(existsSync(join(data, 'auth', VAULT_SEALED_SESSION_FILE))).toBe(true);
  });

  it('never prints or logs the refresh token; it is sealed (not readable) on disk', async () => {
    const master = await unlockWithPassphrase(join(data, 'vault'), PASS);
    const sealed = readFileSync(join(data, 'auth', VAULT_SEALED_SESSION_FILE));
    const plain = await vaultKeyStorage(deriveKey(master, 'session-token')).open(sealed);
    const { refreshToken } = JSON.parse(Buffer.from(plain).toString('utf8')) as {
      refreshToken: string;
    };
    expect(refreshToken.length).toBeGreaterThan(10);
    savedRefreshToken = refreshToken;
    expect(sealed.toString('latin1')).not.toContain(refreshToken);
    const printed = runs.flatMap((r) => [...r.out, ...r.err]).join('\n');
    expect(printed).not.toContain(refreshToken);
    expect(printed).not.toContain(PASS);
    const logs = join(data, 'logs');
    for (const f of readdirSync(logs)) {
      const text = readFileSync(join(logs, f), 'utf8');
      expect(text).not.toContain(refreshToken);
      expect(text).not.toContain(PASS);
    }
  });

  it('logout revokes and deletes the session; whoami then exits 3', async () => {
    // The logout process restores the session first, which rotates the refresh token: restore it
    // in that process's transport before the command runs and read the token it now holds, so
    // only a revocation at the broker (AUTH-07), not rotation, can make it fail afterwards.
    const h = cliHarness({ env, cwd: root, passphrase: PASS });
    const t = h.transport();
    expect((await t.invoke('vault:unlock', { passphrase: PASS })).ok).toBe(true);
    await t.restoreSession();
    const master = await unlockWithPassphrase(join(data, 'vault'), PASS);
    const plain = await vaultKeyStorage(deriveKey(master, 'session-token')).open(
      readFileSync(join(data, 'auth', VAULT_SEALED_SESSION_FILE)),
    );
    const current = (JSON.parse(Buffer.from(plain).toString('utf8')) as { refreshToken: string })
      .refreshToken;
    expect(current).not.toBe(savedRefreshToken);
    const r = await h.cli('logout');
    h.close();
    expect(r.code).toBe(EXIT.ok);
    expect(r.err[0]).toMatch(/^Signed out of /);
    expect(existsSync(join(data, 'auth', VAULT_SEALED_SESSION_FILE))).toBe(false);
    // AUTH-07: revoked at the broker without a failure logged; neither the token held at logout
    // nor the one read earlier mints anything.
    const logs = readdirSync(join(data, 'logs')).map((f) =>
      readFileSync(join(data, 'logs', f), 'utf8'),
    );
    expect(logs.join('\n')).not.toContain('auth.revocation_failed');
    const meta = (await (
      await fetch(`${fed.info.issuer}/.well-known/openid-configuration`)
    ).json()) as { token_endpoint: string };
    for (const token of [current, savedRefreshToken]) {
      const grant = await fetch(meta.token_endpoint, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'refresh_token',
          refresh_token: token,
          client_id: 'cohort-desk',
        }),
      });
      expect(grant.status).toBe(400);
      expect(((await grant.json()) as { error: string }).error).toBe('invalid_grant');
    }
    const after = await cli({ passphrase: PASS }, 'whoami');
    expect(after.code).toBe(EXIT.refused);
    expect(after.err.join('\n')).toContain('Not signed in');
  });

  it('issue 23: on a fresh data folder the terminal asks for the new passphrase twice', async () => {
    const fresh = (name: string) => ({ ...env, COHORT_DESK_DATA_DIR: join(root, name) });
    const run = async (name: string, typed: string[], ...argv: string[]) => {
      const prompts: (string | undefined)[] = [];
      const h = cliHarness({
        env: fresh(name),
        cwd: root,
        ctx: {
          readPassphrase: (_fd, prompt) => {
            prompts.push(prompt);
            return Promise.resolve(typed.shift());
          },
        },
      });
      try {
        return { ...(await h.cli(...argv)), prompts };
      } finally {
        h.close();
      }
    };
    const scrypt = (name: string) => existsSync(join(root, name, 'vault', 'master.scrypt.json'));
    const typo = await run('fresh-a', ['first passphrase', 'first passphrasf'], 'whoami');
    expect(typo.code).toBe(EXIT.usage);
    expect(typo.err.join('\n')).toContain('The two passphrases differ: no vault was created.');
    expect(typo.prompts).toEqual([
      expect.stringMatching(/^Choose a vault passphrase/),
      'Type it again: ',
    ]);
    expect(scrypt('fresh-a')).toBe(false);
    const same = await run('fresh-a', ['first passphrase', 'first passphrase'], 'whoami');
    expect(same.code).toBe(EXIT.refused); // the vault now exists; nobody is signed in yet
    expect(scrypt('fresh-a')).toBe(true);
    // Once chosen, it is asked once, with the ordinary prompt.
    const later = await run('fresh-a', ['first passphrase'], 'whoami');
    expect(later.prompts).toEqual([undefined]);
    expect(later.err.join('\n')).toContain('Not signed in');
    // A script giving it from a descriptor is asked once, even on a fresh folder.
    const scripted = await run('fresh-b', ['from a file'], 'whoami', '--passphrase-fd', '0');
    expect(scripted.prompts).toHaveLength(1);
    expect(scrypt('fresh-b')).toBe(true);
  });

  it('exits 2 for a sign-in service that is not in the federation', async () => {
    const r = await cli({ passphrase: PASS }, 'login', '--broker', 'https://elsewhere.example/');
    expect(r.code).toBe(EXIT.usage);
    expect(r.err.join('\n')).toContain('is not a sign-in service of this federation');
  });
});
