/**
 * Serves bench/cohort/wasmPage.ts, the duckdb-wasm dist files and a dataset's bytes on loopback,
 * and drives one headless Chromium (flags of e2e/fixtures/chromium.ts) per measurement, with the
 * summed RSS of the browser's process tree (browser, renderer, GPU/utility: the worker and its
 * wasm memory live in the renderer process).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../e2e/fixtures/chromium';
import type { Delivery } from '../../renderer/src/db/runStatement';

export interface Bench {
  init(bundle?: 'eh' | 'coi'): Promise<{
    bundle: 'eh' | 'coi';
    threads: number;
    crossOriginIsolated: boolean;
  }>;
  attach(id: string): Promise<number>;
  upgrade(id: string): Promise<number>;
  memory(): Promise<{ duckdbBytes: number; pageHeapBytes: number }>;
  time(
    sql: string,
    p: (string | number)[],
    n: number,
    delivery: Delivery,
  ): Promise<{ ms: number[]; rows: number }>;
  timeAll(
    statements: { sql: string; params: (string | number)[] }[],
    n: number,
    delivery: Delivery,
  ): Promise<number[]>;
  rows(sql: string, p: (string | number)[]): Promise<Record<string, unknown>[]>;
}

const root = join(import.meta.dirname, '..', '..');

/** Starts the loopback server; `files` maps `/data/...` paths to bytes. */
export async function startPageServer(
  files: ReadonlyMap<string, Uint8Array>,
): Promise<{ origin: string; server: Server }> {
  const page = (
    await build({
      entryPoints: [join(import.meta.dirname, 'wasmPage.ts')],
      bundle: true,
      format: 'esm',
      write: false,
      target: 'chrome120',
    })
  ).outputFiles[0]!.text;
  const dist = join(root, 'node_modules', '@duckdb', 'duckdb-wasm', 'dist');
  const server = createServer((req, res) => {
    const url = (req.url ?? '/').split('?')[0]!;
    const send = (type: string, body: string | Uint8Array): void => {
      res.writeHead(200, {
        'Content-Type': type,
        'Content-Security-Policy': "script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:",
        // Cross-origin isolation, as the app's origin sends it (electron/main/security/csp.ts):
        // SharedArrayBuffer for the 'coi' bundle's threads; 'eh' does not need it.
        'Cross-Origin-Opener-Policy': 'same-origin',
        'Cross-Origin-Embedder-Policy': 'require-corp',
      });
      res.end(body);
    };
    const data = files.get(url);
    if (url === '/')
      send('text/html', '<!doctype html><script type="module" src="/page.js"></script>');
    else if (url === '/page.js') send('text/javascript', page);
    else if (url.startsWith('/duckdb/'))
      send(
        url.endsWith('.wasm') ? 'application/wasm' : 'text/javascript',
        readFileSync(join(dist, url.slice(8))),
      );
    else if (data !== undefined) send('application/octet-stream', data);
    else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { origin: `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`, server };
}

/** Resident memory (bytes) of a process and all its descendants, from /proc. */
export function treeRss(pid: number): number {
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // the process ended meanwhile
    }
  }
  const inTree = (p: number): boolean => {
    for (let q: number | undefined = p; q !== undefined && q > 1; q = parent.get(q))
      if (q === pid) return true;
    return false;
  };
  let kb = 0;
  for (const p of parent.keys()) {
    if (!inTree(p)) continue;
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      kb += Number(m?.[1] ?? 0);
    } catch {
      // gone
    }
  }
  return kb * 1024;
}

/** Opens a fresh Chromium on the page with the bench object ready; close() ends it. */
export async function openPage(origin: string): Promise<{
  tab: Page;
  pid: number;
  rss: () => number;
  outside: string[];
  close: () => Promise<void>;
}> {
  // BENCH_CHROMIUM_ARGS: extra switches for an experiment (e.g. V8's wasm tiering, decision 0040).
  const extra = (process.env.BENCH_CHROMIUM_ARGS ?? '').split(' ').filter((a) => a !== '');
  const server = await chromium.launchServer({
    executablePath: chromiumPath,
    args: [...chromiumArgs, ...extra],
  });
  const pid = server.process().pid ?? 0;
  const browser = await chromium.connect(server.wsEndpoint());
  const tab = await browser.newPage();
  const outside: string[] = [];
  tab.on('request', (r) => {
    if (!r.url().startsWith(origin)) outside.push(r.url());
  });
  await tab.goto(origin);
  await tab.waitForFunction(() => 'bench' in globalThis);
  return {
    tab,
    pid,
    rss: () => treeRss(pid),
    outside,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** Calls one bench method in the page. */
export function call<K extends keyof Bench>(
  tab: Page,
  method: K,
  ...args: Parameters<Bench[K]>
): Promise<Awaited<ReturnType<Bench[K]>>> {
  return tab.evaluate(
    ([m, a]) =>
      (
        (globalThis as unknown as { bench: Record<string, (...x: unknown[]) => unknown> }).bench[
          m
        ] as (...x: unknown[]) => Promise<never>
      )(...a),
    [method, args] as const,
  );
}
