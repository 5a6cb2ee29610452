import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { HandlerError } from '../ipc/router';
import { DIRECTORY_REFRESH_MS } from './directory';
import { federationHandlers } from './federation.handlers';
import { demo, directoryServer, listing, remoteSetup, setup } from './testing/directoryFixtures';

// Issue 22, decision 0076: the directory's problem (shown on the Federation page, and the vault's
// reason when no grant can be judged) and a checked address's failure travel as codes and values
// beside main's English, so the window words them in the reader's language.
describe('issue 22: the directory’s problems as codes', () => {
  it('a bad demo file, a demo away from 127.0.0.1, and a file that is not JSON', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'fed-'));
    const bad = join(folder, 'bad.json');
    writeFileSync(bad, JSON.stringify({ issuer: 'not a url' }));
    expect((await setup(bad).directory.get()).problemSaid).toMatchObject({
      code: 'demo-invalid',
      params: { file: bad, directoryCause: 'not-directory', field: 'issuer' },
    });
    const away = join(folder, 'away.json');
    writeFileSync(away, JSON.stringify({ ...demo, issuer: 'https://evil.example' }));
    expect((await setup(away).directory.get()).problemSaid).toEqual({
      code: 'demo-invalid',
      params: { file: away, directoryCause: 'not-loopback' },
    });
    const text = join(folder, 'text.json');
    writeFileSync(text, 'not json');
    const notJson = (await setup(text).directory.get()).problemSaid;
    expect(notJson).toMatchObject({ code: 'demo-invalid', params: { directoryCause: 'not-json' } });
    // The JSON parser's own words are the detail, shown as written (decision 0071).
    expect(notJson?.params?.detail).toMatch(/\S/);
  });

  it('an address that hangs, answers 503, or went stale: its cause and values', async () => {
    const srv = await directoryServer(listing('https://a.example', ['FI']));
    srv.state.hang = true;
    const s = remoteSetup();
    s.settings.set({ federationConfigUrl: srv.url });
    expect((await s.directory.get()).problemSaid).toEqual({
      code: 'unusable',
      params: { url: srv.url, directoryCause: 'timeout', seconds: 0 },
    });
    srv.release();
    srv.state.hang = false;
    s.advance(60_000);
    await s.directory.get();
    await vi.waitFor(() => {
      expect(s.changes.at(-1)?.problemSaid).toBeUndefined();
    });
    const good = await s.directory.get();
    srv.state.body = { hello: 'world' };
    s.advance(DIRECTORY_REFRESH_MS + 1);
    await s.directory.get();
    await vi.waitFor(() => {
      expect(s.changes.at(-1)?.problemSaid).toEqual({
        code: 'stale',
        params: {
          url: srv.url,
          fetched: new Date(good.fetchedAt ?? 0).toISOString(),
          directoryCause: 'not-directory',
          field: 'issuer',
          detail: expect.any(String) as unknown,
        },
      });
    });
    s.directory.close();
    await srv.close();
  });

  it('federation:check refuses with the cause as a code (appError.federationAddress)', async () => {
    const srv = await directoryServer({ hello: 'world' });
    const s = remoteSetup();
    const handlers = federationHandlers(s.directory);
    const check = (url: string): Promise<unknown> =>
      Promise.resolve(handlers['federation:check']({ url }, { url: 'app://cohort-desk/' })).catch(
        (e: unknown) => e,
      );
    const refused = await check(srv.url);
    expect(refused).toBeInstanceOf(HandlerError);
    expect((refused as HandlerError).said).toMatchObject({
      key: 'federationAddress',
      params: { url: srv.url, directoryCause: 'not-directory', field: 'issuer' },
    });
    const gone = await check('http://127.0.0.1:9/none.json');
    expect((gone as HandlerError).said).toMatchObject({
      key: 'federationAddress',
      params: { directoryCause: 'unreachable' },
    });
    s.directory.close();
    await srv.close();
  });
});

// Decision 0100: a directory naming a key twice ("nodes" twice, or a node's beaconUrl twice) was
// read as the last one, so IT could not tell which hosts the app contacts; it is refused, located.
describe('decision 0100: a directory that names a key twice is not used', () => {
  it('a demo file with two "nodes", a remote answer with a node\'s beaconUrl twice', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'fed-'));
    const twice = join(folder, 'twice.json');
    const body = JSON.stringify(demo, null, 1);
    writeFileSync(twice, body.replace('\n "nodes":', '\n "nodes": [],\n "nodes":'));
    const d = await setup(twice).directory.get();
    expect(d.nodes).toEqual([]);
    expect(d.problemSaid).toMatchObject({
      code: 'demo-invalid',
      params: { file: twice, directoryCause: 'duplicate-key', key: 'nodes', field: 'nodes' },
    });
    const srv = await directoryServer(undefined);
    srv.state.text = JSON.stringify(listing('https://a.example', ['FI'])).replace(
      '"beaconUrl":',
      '"beaconUrl":"https://elsewhere.example/api","beaconUrl":',
    );
    const s = remoteSetup();
    s.settings.set({ federationConfigUrl: srv.url });
    const r = await s.directory.get();
    expect(r.nodes).toEqual([]);
    expect(r.problemSaid).toMatchObject({
      code: 'unusable',
      params: {
        url: srv.url,
        directoryCause: 'duplicate-key',
        key: 'beaconUrl',
        field: 'nodes[0].beaconUrl',
        line: 1,
      },
    });
    await srv.close();
  });
});
