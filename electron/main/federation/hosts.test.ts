import { describe, expect, it } from 'vitest';
import type { FederationDirectory } from '../../../shared/federation/directory';
import type { AllowLists } from './allowLists';
import { applyAllowLists, notAllowedNote } from './allowLists';
import { isListedHost, listHosts } from './hosts';
import { formatHostList } from './hostsText';

const directory: FederationDirectory = {
  source: 'policy',
  brokers: [
    { issuer: 'https://login.broker.example/oidc', clientId: 'cd', name: 'Broker' },
    { issuer: 'https://other.example', clientId: 'cd', name: 'Other' },
  ],
  nodes: [
    {
      id: 'NL-1',
      name: 'Netherlands',
      country: 'NL',
      beaconUrl: 'https://beacon.nl.example/api',
      htsgetUrl: 'https://htsget.nl.example:8443/reads',
    },
    { id: 'SE-1', name: 'Sweden', country: 'SE', beaconUrl: 'https://beacon.se.example/api' },
  ],
  trustedVisaIssuers: [
    { iss: 'https://login.broker.example/oidc', jku: 'https://keys.broker.example/jwks' },
  ],
};

const NO_LISTS: AllowLists = {
  allowedBrokers: [],
  allowedNodes: [],
  trustedVisaIssuers: [],
  allowedBeaconHosts: [],
  allowedHtsgetHosts: [],
};

describe('issue 21: every host the app may contact', () => {
  it('lists directory, brokers with their discovered endpoints, visa keys, nodes and the update feed, by host and port', async () => {
    const list = await listHosts({
      directoryUrl: 'https://directory.hospital.example/federation.json',
      directory,
      updateFeedUrl: 'https://updates.hospital.example/cd',
      externalLinkOrigins: ['https://www.ga4gh.org'],
      discover: (issuer) =>
        issuer === 'https://other.example'
          ? Promise.reject(new Error('HTTP 503'))
          : Promise.resolve({
              authorization_endpoint: 'https://login.broker.example/oidc/auth',
              token_endpoint: 'https://tokens.broker.example/token',
              jwks_uri: 'https://login.broker.example/oidc/jwks',
            }),
    });
    expect(list.hosts.map((h) => `${h.scheme}://${h.host}:${h.port}`)).toEqual([
      'https://directory.hospital.example:443',
      'https://login.broker.example:443',
      'https://tokens.broker.example:443',
      'https://other.example:443',
      'https://keys.broker.example:443',
      'https://beacon.nl.example:443',
      'https://htsget.nl.example:8443',
      'https://beacon.se.example:443',
      'https://updates.hospital.example:443',
      'https://www.ga4gh.org:443',
    ]);
    // Links are opened by the system browser, never requested by the app itself.
    expect(list.hosts.at(-1)?.reasons).toEqual([
      {
        purpose: 'external-link',
        by: 'browser',
        detail: 'links the person opens',
        what: 'links',
        url: 'https://www.ga4gh.org',
      },
    ]);
    expect(isListedHost(list, 'https://www.ga4gh.org/page')).toBe(true);
    expect(isListedHost(list, 'https://www.ga4gh.org/page', 'app')).toBe(false);
    expect(isListedHost(list, 'https://login.broker.example/oidc/token', 'app')).toBe(true);
    const login = list.hosts.find((h) => h.host === 'login.broker.example')!;
    expect(login.reasons.map((r) => [r.detail, r.by])).toEqual([
      ['Broker: discovery', 'app'],
      ['Broker: sign-in page', 'browser'],
      ['Broker: token signing keys', 'app'],
    ]);
    // Issue 22: what each is for as a code and the broker's name as data, for the renderer to word.
    expect(login.reasons.map((r) => [r.what, r.name])).toEqual([
      ['discovery', 'Broker'],
      ['sign-in-page', 'Broker'],
      ['signing-keys', 'Broker'],
    ]);
    expect(list.notes.join(' ')).toContain(
      'Other (https://other.example) could not be read (HTTP 503)',
    );
    // Other's endpoints may be anywhere: the list says it is incomplete (the CLI exits 4).
    expect(list.complete).toBe(false);
    expect(
      list.hosts.find((h) => h.host === 'tokens.broker.example')?.reasons.map((r) => r.detail),
    ).toEqual(['Broker: tokens (sign-in, refresh, one token per node)']);
    expect(isListedHost(list, 'https://htsget.nl.example:8443/reads/x?format=VCF')).toBe(true);
    expect(isListedHost(list, 'https://htsget.nl.example/reads/x')).toBe(false);
    expect(isListedHost(list, 'https://telemetry.example/collect')).toBe(false);
  });

  it('no federation and updates off: no host at all', async () => {
    const none: FederationDirectory = {
      source: 'none',
      brokers: [],
      nodes: [],
      trustedVisaIssuers: [],
    };
    const list = await listHosts({
      directoryUrl: '',
      directory: none,
      updateFeedUrl: undefined,
      discover: () => Promise.reject(new Error('never')),
    });
    expect(list.hosts).toEqual([]);
    expect(list.complete).toBe(true);
  });

  it('a directory that could not be read makes the list incomplete, and says why', async () => {
    const list = await listHosts({
      directoryUrl: 'https://directory.hospital.example/federation.json',
      directory: {
        ...directory,
        brokers: [],
        nodes: [],
        trustedVisaIssuers: [],
        problem: 'HTTP 500',
      },
      updateFeedUrl: undefined,
      discover: () => Promise.reject(new Error('never')),
    });
    expect(list).toMatchObject({ complete: false, notes: ['HTTP 500'] });
    expect(list.hosts.map((h) => h.host)).toEqual(['directory.hospital.example']);
  });

  it('issue 22: the notes travel as codes beside their English (decision 0076)', async () => {
    const problemSaid = {
      code: 'unusable' as const,
      params: { url: 'https://d.example/f.json', directoryCause: 'http', http: '500' },
    };
    const list = await listHosts({
      directoryUrl: 'https://d.example/f.json',
      directory: {
        ...directory,
        brokers: [{ issuer: 'https://other.example', clientId: 'c', name: 'Other' }],
        nodes: [],
        trustedVisaIssuers: [],
        problem: 'The federation directory at https://d.example/f.json could not be used: …',
        problemSaid,
        fetchedAt: 1,
        notAllowed: ['node SE-1'],
      },
      updateFeedUrl: undefined,
      discover: () => Promise.reject(new Error('HTTP 503')),
    });
    expect(list.said).toEqual([
      {
        code: 'discovery',
        params: { broker: 'Other', issuer: 'https://other.example', detail: 'HTTP 503' },
      },
      { code: 'directory', params: { directory: 'unusable', ...problemSaid.params } },
      { code: 'not-allowed', params: { entries: 'node SE-1' } },
    ]);
    expect(list.notes).toHaveLength(3);
  });

  it('issue 21: while the directory cannot be read, the live session’s broker is still listed (it refreshes there)', async () => {
    const failed: FederationDirectory = {
      source: 'settings',
      brokers: [],
      nodes: [],
      trustedVisaIssuers: [],
      problem: 'HTTP 503',
    };
    const input = {
      directoryUrl: 'https://directory.hospital.example/federation.json',
      updateFeedUrl: undefined,
      sessionIssuer: 'https://login.broker.example/oidc',
      discover: () => Promise.resolve({ token_endpoint: 'https://tokens.broker.example/token' }),
    };
    const list = await listHosts({ ...input, directory: failed });
    expect(list.hosts.map((h) => h.host)).toEqual([
      'directory.hospital.example',
      'login.broker.example',
      'tokens.broker.example',
    ]);
    // Issue 22: the renderer words "your current session" from the flag; the name stays data.
    expect(list.hosts[1]?.reasons[0]).toMatchObject({
      what: 'discovery',
      name: 'https://login.broker.example/oidc',
      session: true,
    });
    // A readable directory decides alone: a broker it does not list is not contacted.
    const readable = await listHosts({ ...input, directory: { ...failed, problem: undefined } });
    expect(readable.hosts.map((h) => h.host)).toEqual(['directory.hospital.example']);
  });

  it('IT allow-lists drop brokers and nodes (so they are neither contacted nor listed), and say so', () => {
    const dir = applyAllowLists(directory, {
      ...NO_LISTS,
      allowedBrokers: ['https://login.broker.example/oidc/'],
      allowedNodes: ['SE-1'],
    });
    expect(dir.brokers.map((b) => b.name)).toEqual(['Broker']);
    expect(dir.nodes.map((n) => n.id)).toEqual(['SE-1']);
    expect(dir.notAllowed).toEqual(['broker https://other.example', 'node NL-1']);
    expect(notAllowedNote(dir)).toBe(
      "Not allowed by your organisation's policy: broker https://other.example, node NL-1.",
    );
    expect(applyAllowLists(directory, NO_LISTS)).toBe(directory);
  });

  it('issue 22: what the allow-lists dropped travels as kinds and names, into the hosts list too', async () => {
    const dir = applyAllowLists(directory, {
      ...NO_LISTS,
      allowedBrokers: ['https://login.broker.example/oidc/'],
      allowedNodes: ['NL-1'],
      allowedHtsgetHosts: ['htsget.other.example'],
      trustedVisaIssuers: ['https://nobody.example'],
    });
    expect(dir.notAllowedSaid).toEqual([
      { kind: 'broker', name: 'https://other.example' },
      { kind: 'htsget', name: 'NL-1', host: 'htsget.nl.example:8443' },
      { kind: 'node', name: 'SE-1' },
      { kind: 'visa-issuer', name: 'https://login.broker.example/oidc' },
    ]);
    const list = await listHosts({
      directoryUrl: '',
      directory: dir,
      updateFeedUrl: undefined,
      discover: () => Promise.resolve({}),
    });
    expect(list.notAllowed).toEqual(dir.notAllowedSaid);
    // The command line keeps main's English.
    expect(formatHostList(list)).toContain('htsget of node NL-1 (host htsget.nl.example:8443)');
  });
});

describe('issue 21: the host list as text (for the CLI and IT)', () => {
  it('one line per host and port, its reasons beneath, caveats last', () => {
    expect(
      formatHostList({
        directorySource: 'policy',
        complete: false,
        hosts: [
          {
            scheme: 'https',
            host: 'beacon.nl.example',
            port: 443,
            reasons: [
              {
                purpose: 'beacon',
                by: 'app',
                detail: 'Netherlands (NL-1)',
                what: 'node',
                name: 'Netherlands (NL-1)',
                url: 'https://beacon.nl.example/api',
              },
            ],
          },
        ],
        notes: ["Not allowed by your organisation's policy: node SE-1."],
      }),
    ).toBe(
      [
        '# Hosts Cohort Desk may contact (directory: policy). No other outbound request is made; no telemetry.',
        'https://beacon.nl.example:443',
        '  node Beacon: Netherlands (NL-1)',
        "! Not allowed by your organisation's policy: node SE-1.",
        '! Hosts may be missing from this list (see above).',
        '',
      ].join('\n'),
    );
  });
});
