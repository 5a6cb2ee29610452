import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeEntry } from '../../../shared/federation/directory';
import { createAssemblyResolver, findAssemblyMember } from './nodeAssembly';

// A real HTTP server standing in for a node's informational endpoints: /info names no assembly,
// /configuration does (as a Beacon with its assembly in an open `info` object would).
let base = '';
const seen: string[] = [];
const server = createServer((req, res) => {
  seen.push(req.url ?? '');
  const body =
    req.url === '/api/configuration'
      ? { meta: {}, response: { info: { genomeAssembly: 'GRCh37.p13' } } }
      : { meta: {}, response: { id: 'x', name: 'x' } };
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
});
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/api`;
});
afterAll(() => {
  server.close();
});

const node = (extra: Partial<NodeEntry> = {}): NodeEntry => ({
  id: 'N',
  name: 'N',
  country: 'X',
  beaconUrl: base,
  ...extra,
});

describe('node assembly (issue 15 item 2)', () => {
  it('finds assembly members in open objects, a few levels deep', () => {
    expect(findAssemblyMember({ response: { info: { assemblyId: 'hg19' } } })).toBe('hg19');
    expect(findAssemblyMember({ response: { name: 'x' } })).toBeUndefined();
  });

  it('takes the directory first, then the node’s /info and /configuration, else assumes GRCh38', async () => {
    const r = createAssemblyResolver({ fetch, timeoutMs: () => 2000 });
    expect(await r.of(node({ assembly: 'hg19' }))).toEqual({
      assembly: 'GRCh37',
      source: 'directory',
      name: 'hg19',
    });
    expect(await r.of(node({ assembly: 'T2T-CHM13' }))).toMatchObject({ assembly: undefined });
    expect(seen).toEqual([]);
    expect(await r.of(node())).toEqual({ assembly: 'GRCh37', source: 'node', name: 'GRCh37.p13' });
    expect([...seen].sort()).toEqual(['/api/configuration', '/api/info']);
    await r.of(node());
    expect(seen).toHaveLength(2);
    const gone = node({ beaconUrl: 'http://127.0.0.1:9/api' });
    expect(await r.of(gone)).toEqual({ assembly: 'GRCh38', source: 'assumed', name: 'GRCh38' });
  });

  it('issue 15: a node never asked (queries without coordinates) is "unasked", not "assumed"', async () => {
    const r = createAssemblyResolver({ fetch, timeoutMs: () => 2000 });
    const n = node({ beaconUrl: 'http://127.0.0.1:9/unasked' });
    expect(await r.known(n)).toEqual({ assembly: 'GRCh38', source: 'unasked', name: 'GRCh38' });
    r.learn(n, 'GRCh37');
    expect(await r.known(n)).toEqual({ assembly: 'GRCh37', source: 'records', name: 'GRCh37' });
  });
});
