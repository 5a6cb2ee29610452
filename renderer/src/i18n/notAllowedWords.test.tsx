// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { FederationDirectory } from '../../../shared/federation/directory';
import type { HostList } from '../../../shared/it/hosts';
import { NodeList } from '../features/federation/NodeList';
import { HostsPanel } from '../features/settings/HostsPanel';
import { resetStore, useStore } from '../store';
import { setLanguage } from '.';

// Issue 22: what IT's allow-lists removed is sent as kinds and names; the Federation page and the
// hosts list's note word the kind ("Knoten SE-1"), the names and hosts stay as the directory gives
// them. Main's English ("node SE-1") stays for the command line.

afterEach(() => {
  cleanup();
  resetStore();
});
afterAll(async () => {
  await setLanguage('en');
});

const ENGLISH = [
  'broker https://other.example',
  'node SE-1',
  'node XX-1 (its Beacon host beacon.evil.example)',
  'htsget of node NL-1 (host htsget.nl.example:8443)',
  'visa issuer https://visas.other.example',
];
const directory: FederationDirectory = {
  source: 'policy',
  brokers: [],
  nodes: [],
  trustedVisaIssuers: [],
  notAllowed: ENGLISH,
  notAllowedSaid: [
    { kind: 'broker', name: 'https://other.example' },
    { kind: 'node', name: 'SE-1' },
    { kind: 'node-beacon', name: 'XX-1', host: 'beacon.evil.example' },
    { kind: 'htsget', name: 'NL-1', host: 'htsget.nl.example:8443' },
    { kind: 'visa-issuer', name: 'https://visas.other.example' },
  ],
};
const hosts: HostList = {
  hosts: [],
  directorySource: 'policy',
  complete: true,
  notes: [`Not allowed by your organisation's policy: ${ENGLISH.join(', ')}.`],
  said: [{ code: 'not-allowed', params: { entries: ENGLISH.join(', ') } }],
  notAllowed: directory.notAllowedSaid,
};

describe('issue 22: the entries the policy did not allow, by kind in the reader’s words', () => {
  it('German: the Federation page and the hosts list’s note', async () => {
    await setLanguage('de');
    render(<NodeList directory={directory} />);
    expect(screen.getByTestId('directory-not-allowed').textContent).toBe(
      'Gemäß der Richtlinie Ihrer Organisation nicht angezeigt: Anmeldedienst https://other.example, Knoten SE-1, Knoten XX-1 (sein Beacon-Host beacon.evil.example), htsget des Knotens NL-1 (Host htsget.nl.example:8443), Visa-Aussteller https://visas.other.example.',
    );
    cleanup();
    useStore.setState({ hosts, loadHosts: () => Promise.resolve() });
    render(<HostsPanel />);
    const note = screen.getByTestId('hosts-notes').textContent;
    expect(note).toContain(
      'Von der Richtlinie Ihrer Organisation nicht zugelassen: Anmeldedienst https://other.example, Knoten SE-1,',
    );
    expect(note).not.toMatch(/broker |node |visa issuer/);
  });

  it('Finnish: the Federation page', async () => {
    await setLanguage('fi');
    render(<NodeList directory={directory} />);
    const text = screen.getByTestId('directory-not-allowed').textContent;
    expect(text).toContain(
      'kirjautumispalvelu https://other.example, solmu SE-1, solmu XX-1 (sen Beacon-palvelin beacon.evil.example), solmun NL-1 htsget (palvelin htsget.nl.example:8443), viisumien myöntäjä https://visas.other.example',
    );
    expect(text).not.toMatch(/broker |node |visa issuer/);
  });

  it('a directory without the kinds shows main’s English entries as before', async () => {
    await setLanguage('de');
    render(<NodeList directory={{ ...directory, notAllowedSaid: undefined }} />);
    expect(screen.getByTestId('directory-not-allowed').textContent).toContain('node SE-1');
  });
});
