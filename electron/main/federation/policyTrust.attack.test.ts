import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchDone } from '../../../shared/search/results';
import { createHarness } from '../auth/testing/harness';
import { testKeyStorage } from '../platform/keyStorage';
import type { SharedFederation } from '../testing/sharedFederation';
import { sharedFederation } from '../testing/sharedFederation';

let fed: SharedFederation;
const tmp = (p: string): string => mkdtempSync(join(tmpdir(), p));
const KEYS = testKeyStorage(Buffer.alloc(32, 7));
const hostOf = (url: string): string => new URL(url).host;

beforeAll(() => {
  // Only reads from the federation: the shared one (issue 14: test time).
  fed = sharedFederation();
});

/** Real main services under a locked policy, watching every request main sends. */
async function underPolicy(locked: Record<string, unknown>) {
  const requests: string[] = [];
  const h = await createHarness({
    fed,
    dataDir: tmp('policy-trust-'),
    user: 'clinician',
    keyStorage: KEYS,
    policy: { version: 1, locked },
    fetch: (input, init) => {
      requests.push(input instanceof Request ? input.url : String(input));
      return fetch(input, init);
    },
  });
  return { h, requests };
}

describe('issue 21 attacks: what IT forbids by policy is never contacted or trusted (STANDARDS 5.6)', () => {
  it('AllowedBeaconHosts: a node on a forbidden host is contacted neither at sign-in nor by a search, and is listed nowhere', async () => {
    const forbidden = fed.info.nodes.find((n) => n.id === 'FI')!;
    const allowed = fed.info.nodes.filter((n) => n.id !== 'FI').map((n) => hostOf(n.beaconUrl));
    const { h, requests } = await underPolicy({ allowedBeaconHosts: allowed });
    const summary = await h.invoke('auth:signIn', {});
    expect(summary.state).toBe('signed-in');
    const done = new Promise<SearchDone>((resolve) => {
      h.services.events.subscribe((event, payload) => {
        if (event === 'search:done') resolve(payload as SearchDone);
      });
    });
    await h.invoke('search:run', {
      queryId: 'forbidden-host',
      query: { target: 'individuals', genomic: 'BRCA1', filters: [], granularity: 'count' },
    });
    await done;
    // Other nodes were asked (the search ran), the forbidden one never.
    expect(requests.some((u) => allowed.includes(hostOf(u)))).toBe(true);
    expect(requests.filter((u) => hostOf(u) === hostOf(forbidden.beaconUrl))).toEqual([]);
    expect(summary.access.map((a) => a.nodeId)).not.toContain('FI');
    const directory = await h.invoke('federation:directory');
    expect(directory.notAllowed).toEqual([
      `node FI (its Beacon host ${hostOf(forbidden.beaconUrl)})`,
    ]);
    const hosts = await h.invoke('hosts:list');
    expect(hosts.hosts.map((x) => `${x.host}:${x.port}`)).not.toContain(
      hostOf(forbidden.beaconUrl),
    );
    // A pull from it is refused before any request.
    const before = requests.length;
    const check = await h.invoke('pull:check', {
      nodeId: 'FI',
      datasetId: 'FI-RD-01',
      purpose: 'research',
    });
    expect(check.allowed).toBe(false);
    expect(requests.slice(before).filter((u) => hostOf(u) === hostOf(forbidden.beaconUrl))).toEqual(
      [],
    );
    h.close();
  });

  it("TrustedVisaIssuers: the federation's own visa issuer, not on IT's list, grants nothing; no pull is allowed", async () => {
    const { h } = await underPolicy({ trustedVisaIssuers: ['https://visas.dac.example'] });
    const summary = await h.invoke('auth:signIn', {});
    expect(summary.state).toBe('signed-in');
    // Every controlled-access grant of the passport is ignored, with the reason, never silently.
    const grants = summary.ignoredVisas.filter((v) => v.type === 'ControlledAccessGrants');
    expect(grants.length).toBeGreaterThanOrEqual(4);
    for (const visa of grants) {
      expect(visa.issuer).toBe(fed.info.issuer);
      expect(visa.reason).toBe('issuer and key-set URL are not on the trusted list');
    }
    expect(h.services.auth.grants()?.grants).toEqual([]);
    expect(h.services.auth.grants()?.visas).toEqual([]);
    const check = await h.invoke('pull:check', {
      nodeId: 'FI',
      datasetId: 'FI-RD-01',
      purpose: 'research',
    });
    expect(check.allowed).toBe(false);
    await expect(
      h.invoke('pull:start', { nodeId: 'FI', datasetId: 'FI-RD-01', purpose: 'research' }),
    ).rejects.toThrow(/NOT_ALLOWED/);
    const directory = await h.invoke('federation:directory');
    expect(directory.trustedVisaIssuers).toEqual([]);
    expect(directory.notAllowed).toEqual([`visa issuer ${fed.info.issuer}`]);
    h.close();
  });

  it('TrustedVisaIssuers naming the federation issuer keeps its grants (the control case)', async () => {
    const { h } = await underPolicy({ trustedVisaIssuers: [fed.info.issuer] });
    await h.invoke('auth:signIn', {});
    expect(h.services.auth.grants()?.grants.map((g) => g.datasetId)).toContain('FI-RD-01');
    h.close();
  });
});
