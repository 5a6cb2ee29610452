/** Test fixture: a broker on an ephemeral port with a throw-away state directory. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAai, type AaiHandle, type AaiOptions } from '../index';

export interface TestAai extends AaiHandle {
  stateDir: string;
  /** Closes the broker and deletes its state directory. */
  dispose(): Promise<void>;
}

/** Starts the AAI in-process on 127.0.0.1:0 with a temp stateDir (or the given one). */
export async function startTestAai(opts: Partial<AaiOptions> = {}): Promise<TestAai> {
  const stateDir = opts.stateDir ?? (await mkdtemp(join(tmpdir(), 'aai-test-')));
  const aai = await startAai({ ...opts, port: opts.port ?? 0, stateDir });
  return {
    ...aai,
    stateDir,
    async dispose() {
      await aai.close();
      await rm(stateDir, { recursive: true, force: true });
    },
  };
}

/** Calls UserInfo with a bearer token. */
export async function userinfo(
  issuer: string,
  accessToken: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(new URL('/me', issuer), {
    headers: { Authorization: `Bearer ${accessToken}` },
  });
  const text = await res.text();
  return {
    status: res.status,
    body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
  };
}
