import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DIRECTORY_REFRESH_MS } from './directory';
import { demo, directoryServer, listing, remoteSetup, setup } from './testing/directoryFixtures';

describe('federation directory (DESIGN federation, PASS-02 trusted issuers)', () => {
  it('reads the embedded demo federation.json; keeps no admin secret', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'fed-')), 'federation.json');
    writeFileSync(file, JSON.stringify(demo));
    const dir = await setup(file).directory.get();
    expect(dir).toMatchObject({
      source: 'embedded-demo',
      brokers: [{ issuer: demo.issuer, clientId: 'cohort-desk' }],
      trustedVisaIssuers: [{ iss: demo.issuer, jku: demo.jwksUri }],
      nodes: [{ id: 'FI' }],
    });
    expect(JSON.stringify(dir)).not.toContain('never-kept');
  });

  it('no file → source none with empty lists', async () => {
    expect(await setup('/nonexistent/federation.json').directory.get()).toEqual({
      source: 'none',
      brokers: [],
      nodes: [],
      trustedVisaIssuers: [],
    });
  });

  it('a bad file → empty directory whose problem names the file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'fed-')), 'federation.json');
    writeFileSync(file, JSON.stringify({ issuer: 'not a url' }));
    const dir = await setup(file).directory.get();
    expect(dir.source).toBe('none');
    expect(dir.problem).toContain(file);
  });

  it('an embedded demo that points away from 127.0.0.1 is refused', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'fed-')), 'federation.json');
    writeFileSync(file, JSON.stringify({ ...demo, issuer: 'https://evil.example' }));
    expect((await setup(file).directory.get()).problem).toMatch(/127\.0\.0\.1/);
  });
});

describe('issue 12 item 13: the directory is cached with its age', () => {
  it('a hanging address stalls only its first use; later calls get the answer at once', async () => {
    const srv = await directoryServer(listing('https://a.example', ['FI']));
    srv.state.hang = true;
    const s = remoteSetup();
    s.settings.set({ federationConfigUrl: srv.url });
    const first = await s.directory.get();
    expect(first.problem).toMatch(/did not answer within/);
    const requests = srv.state.requests;
    // Within the retry interval nothing is fetched again: these return the last answer at once.
    for (let i = 0; i < 5; i++) expect((await s.directory.get()).problem).toBe(first.problem);
    expect(srv.state.requests).toBe(requests);
    s.directory.close();
    srv.release();
    await srv.close();
  });

  it('serves the last good copy (with its age) while a refresh hangs, and says so when it fails', async () => {
    const srv = await directoryServer(listing('https://a.example', ['FI', 'IT']));
    const s = remoteSetup();
    s.settings.set({ federationConfigUrl: srv.url });
    const good = await s.directory.get();
    expect(good.nodes.map((n) => n.id)).toEqual(['FI', 'IT']);
    expect(good.fetchedAt).toBeTypeOf('number');
    srv.state.hang = true;
    s.advance(DIRECTORY_REFRESH_MS + 1);
    // The server holds the refresh request: get() answers from the copy without waiting for it.
    const during = await s.directory.get();
    expect(during.nodes.map((n) => n.id)).toEqual(['FI', 'IT']);
    expect(during.fetchedAt).toBe(good.fetchedAt);
    await vi.waitFor(() => {
      expect(s.changes.at(-1)?.problem).toMatch(/could not be refreshed .* the copy from/);
    });
    expect(s.changes.at(-1)?.nodes.map((n) => n.id)).toEqual(['FI', 'IT']);
    s.directory.close();
    srv.release();
    await srv.close();
  });

  it('a restart uses the saved copy at once and refreshes it in the background', async () => {
    const srv = await directoryServer(listing('https://a.example', ['FI']));
    const first = remoteSetup();
    first.settings.set({ federationConfigUrl: srv.url });
    await first.directory.get();
    first.directory.close();
    srv.state.hang = true;
    const again = remoteSetup(first.dataDir);
    expect((await again.directory.get()).brokers[0]?.issuer).toBe('https://a.example');
    again.directory.close();
    srv.release();
    await srv.close();
  });

  it('a new address is read and announced at once: brokers switch without a reload', async () => {
    const a = await directoryServer(listing('https://a.example', ['FI']));
    const b = await directoryServer(listing('https://b.example', ['ES']));
    const s = remoteSetup();
    s.settings.set({ federationConfigUrl: a.url });
    await s.directory.get();
    s.settings.set({ federationConfigUrl: b.url });
    await vi.waitFor(() => {
      expect(s.changes.at(-1)?.brokers[0]?.issuer).toBe('https://b.example');
    });
    expect(s.changes.at(-1)?.nodes.map((n) => n.id)).toEqual(['ES']);
    expect((await s.directory.get()).location).toBe(b.url);
    s.directory.close();
    await Promise.all([a.close(), b.close()]);
  });
});

describe('issue 13: checking a directory address before Settings keeps it', () => {
  it('lists what a good address holds, and names why a bad one cannot be used', async () => {
    const srv = await directoryServer(listing('https://a.example', ['FI', 'SE']));
    const s = remoteSetup();
    const found = await s.directory.check(srv.url);
    expect(found).toMatchObject({ url: srv.url, nodes: [{ id: 'FI' }, { id: 'SE' }] });
    srv.state.body = { hello: 'world' };
    await expect(s.directory.check(srv.url)).rejects.toThrow(
      /could not be used: it is neither a federation directory nor a demo federation\.json/,
    );
    srv.state.hang = true;
    await expect(s.directory.check(srv.url)).rejects.toThrow(/did not answer within/);
    await expect(s.directory.check('http://127.0.0.1:9/none.json')).rejects.toThrow(
      /could not be reached/,
    );
    s.directory.close();
    srv.release();
    await srv.close();
  });
});
