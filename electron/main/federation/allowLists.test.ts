import { describe, expect, it } from 'vitest';
import type { FederationDirectory } from '../../../shared/federation/directory';
import { SettingsPatchSchema } from '../../../shared/settings/settings';
import type { AllowLists } from './allowLists';
import { applyAllowLists, hostAllowed } from './allowLists';
import { listHosts } from './hosts';

const NONE: AllowLists = {
  allowedBrokers: [],
  allowedNodes: [],
  trustedVisaIssuers: [],
  allowedBeaconHosts: [],
  allowedHtsgetHosts: [],
};

const directory: FederationDirectory = {
  source: 'policy',
  brokers: [{ issuer: 'https://login.broker.example/oidc', clientId: 'cd', name: 'Broker' }],
  nodes: [
    {
      id: 'NL-1',
      name: 'Netherlands',
      country: 'NL',
      beaconUrl: 'https://beacon.nl.example/api',
      htsgetUrl: 'https://htsget.nl.example:8443/reads',
    },
    { id: 'XX-1', name: 'Elsewhere', country: 'XX', beaconUrl: 'https://beacon.evil.example/api' },
  ],
  trustedVisaIssuers: [
    { iss: 'https://login.broker.example/oidc', jku: 'https://login.broker.example/oidc/jwks' },
    { iss: 'https://visas.other.example', jku: 'https://visas.other.example/jwks' },
  ],
};

describe('issue 21: STANDARDS 5.6 policy keys narrow the directory', () => {
  it('hosts match by name (any port) or name:port, case-insensitively; an empty list allows all', () => {
    expect(hostAllowed('https://Beacon.NL.example/api', ['beacon.nl.example'])).toBe(true);
    expect(hostAllowed('https://beacon.nl.example:8443/x', ['beacon.nl.example:443'])).toBe(false);
    expect(hostAllowed('https://beacon.nl.example/x', ['beacon.nl.example:443'])).toBe(true);
    expect(hostAllowed('http://127.0.0.1:9000/x', ['127.0.0.1:9000'])).toBe(true);
    expect(hostAllowed('http://[::1]:9000/x', ['[::1]'])).toBe(true);
    expect(hostAllowed('https://nl.example.evil.example/', ['nl.example'])).toBe(false);
    expect(hostAllowed('https://anything.example/', [])).toBe(true);
  });

  it('AllowedBeaconHosts drops a node whose Beacon is elsewhere: it is neither listed nor contacted', async () => {
    const dir = applyAllowLists(directory, { ...NONE, allowedBeaconHosts: ['beacon.nl.example'] });
    expect(dir.nodes.map((n) => n.id)).toEqual(['NL-1']);
    expect(dir.notAllowed).toEqual(['node XX-1 (its Beacon host beacon.evil.example)']);
    const list = await listHosts({
      directoryUrl: '',
      directory: dir,
      updateFeedUrl: undefined,
      discover: () => Promise.resolve({}),
    });
    expect(list.hosts.map((h) => h.host)).not.toContain('beacon.evil.example');
    expect(list.notes.join(' ')).toContain('beacon.evil.example');
  });

  it('AllowedHtsgetHosts takes an htsget elsewhere off its node and keeps the node', () => {
    const dir = applyAllowLists(directory, {
      ...NONE,
      allowedHtsgetHosts: ['htsget.nl.example:443'],
    });
    expect(dir.nodes.map((n) => [n.id, n.htsgetUrl])).toEqual([
      ['NL-1', undefined],
      ['XX-1', undefined],
    ]);
    expect(dir.notAllowed).toEqual(['htsget of node NL-1 (host htsget.nl.example:8443)']);
  });

  it('TrustedVisaIssuers keeps only listed issuers (by issuer, or by issuer and key-set URL)', () => {
    const byIssuer = applyAllowLists(directory, {
      ...NONE,
      trustedVisaIssuers: ['https://login.broker.example/oidc/'],
    });
    expect(byIssuer.trustedVisaIssuers.map((t) => t.iss)).toEqual([
      'https://login.broker.example/oidc',
    ]);
    expect(byIssuer.notAllowed).toEqual(['visa issuer https://visas.other.example']);
    // The same issuer with another key-set URL is not the pair IT trusts.
    const byPair = applyAllowLists(directory, {
      ...NONE,
      trustedVisaIssuers: ['https://login.broker.example/oidc https://keys.elsewhere.example/jwks'],
    });
    expect(byPair.trustedVisaIssuers).toEqual([]);
  });

  it('the schema refuses what cannot be a host or an issuer entry, naming the key', () => {
    const bad = SettingsPatchSchema.safeParse({
      allowedBeaconHosts: ['https://beacon.example/'],
      trustedVisaIssuers: ['not a url'],
      cacheMaxDays: -1,
    });
    expect(bad.success).toBe(false);
    expect([...new Set(bad.error?.issues.map((i) => i.path[0]))].sort()).toEqual([
      'allowedBeaconHosts',
      'cacheMaxDays',
      'trustedVisaIssuers',
    ]);
  });

  it('decision 0105: an internationalised host or an IPv6 address matches as the URL carries it', () => {
    expect(hostAllowed('https://bücher.example/api', ['bücher.example'])).toBe(true);
    expect(hostAllowed('https://xn--bcher-kva.example/api', ['BÜCHER.example:443'])).toBe(true);
    expect(hostAllowed('https://xn--bcher-kva.example:8443/api', ['bücher.example:443'])).toBe(
      false,
    );
    expect(hostAllowed('https://[::ffff:7f00:1]/api', ['[::ffff:127.0.0.1]'])).toBe(true);
    expect(hostAllowed('https://[2001:db8::1]:8443/api', ['[2001:DB8:0::1]:8443'])).toBe(true);
    expect(hostAllowed('https://buecher.example/api', ['bücher.example'])).toBe(false);
    expect(
      SettingsPatchSchema.safeParse({ allowedBeaconHosts: ['bücher.example:8443'] }).success,
    ).toBe(true);
  });
});
