import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');

/** Every non-test TypeScript source of main, the CLI, browser mode and shared. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'testing' ? [] : sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}
const files = ['electron', 'shared'].flatMap((d) => sources(join(root, d)));
const text = (f: string): string => readFileSync(f, 'utf8');
const rel = (f: string): string => relative(root, f).split('\\').join('/');

/**
 * Where a request may start (outside Electron the platform hands out Node's fetch, bound, never
 * called there). Everything else receives a fetch from the platform (the egress guard
 * for brokers and nodes); the directory and host-list services read what the list is made of.
 */
const NETWORK_ENTRIES: Record<string, string> = {
  'electron/main/platform/electronPlatform.ts': "the platform's fetch in Electron (net.fetch)",
  'electron/main/update/updater.ts': 'the update feed (listed as update-feed) and its signatures',
};

describe('issue 21: the host list stays true: no code path contacts a host outside it', () => {
  it('only the platform and the updater start requests; every other module gets its fetch injected', () => {
    const client =
      /(^|[^.\w])fetch\(|\bnet\.fetch\(|\bhttps?\.(request|get)\(|\b(net|tls)\.connect\(|new WebSocket\(|\bnet\.request\(/;
    const starting = files.filter((f) => client.test(text(f))).map(rel);
    expect(starting.sort()).toEqual(Object.keys(NETWORK_ENTRIES).sort());
  });

  it('no native DuckDB may download an extension (it would contact extensions.duckdb.org)', () => {
    const creating = files.filter((f) => text(f).includes('DuckDBInstance.create('));
    expect(creating.length).toBeGreaterThan(0);
    for (const f of creating) {
      const calls = text(f).split('DuckDBInstance.create(').slice(1);
      for (const call of calls)
        expect(call.slice(0, 300), rel(f)).toMatch(/autoinstall_known_extensions: 'false'/);
    }
  });
});
