// Fixtures for the tests of main's coded words (issue 22, decision 0076).
import type { AppInfo } from '../../../../shared/app/appInfo';
import type { SessionSummary } from '../../../../shared/auth/session';
import type { FederationDirectory } from '../../../../shared/federation/directory';

export const signedIn = (persistence: SessionSummary['persistence']): SessionSummary => ({
  state: 'signed-in',
  user: { sub: 'u1', name: 'Dr. Aino Demo' },
  broker: { issuer: 'http://127.0.0.1:4400', name: 'Demo federation broker' },
  persistence,
  access: [],
  ignoredVisas: [],
});
export const BROWSER_MEMORY = {
  mode: 'memory-only',
  reason: 'browser mode has no access to the operating system secret store, so …',
  why: 'browser-mode',
} as const;
export const info: AppInfo = {
  name: 'Cohort Desk',
  version: '0.1.0',
  platform: 'linux',
  runtime: { kind: 'browser', transport: 'loopback-websocket', node: '22.1.0' },
  paths: { data: '/d', logs: '/l', policy: '/p' },
};
export const URL_ = 'https://directory.hospital.example/federation.json';
export const unusable = (cause: Record<string, string | number>): FederationDirectory => ({
  source: 'settings',
  location: URL_,
  brokers: [],
  nodes: [],
  trustedVisaIssuers: [],
  problem: `The federation directory at ${URL_} could not be used: … (main's English)`,
  problemSaid: { code: 'unusable', params: { url: URL_, ...cause } },
});
export const refusedWith = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
