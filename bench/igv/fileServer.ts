/**
 * A loopback static server for the benchmark: the igv baseline page, the genome assets, the
 * bgzipped VCF + .tbi (with HTTP Range, as igv's tabix reader asks for byte ranges) and the cache
 * files the app's /vault route is rewritten to.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FileServer {
  readonly origin: string;
  close(): Promise<void>;
}

/** A body in memory, or a file read once on first request. */
export type Body = { type: string; bytes: Uint8Array } | { type: string; file: string };

const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'";

/** Serves `routes` (URL path → body) on 127.0.0.1; anything else is 404. */
export async function startFileServer(routes: ReadonlyMap<string, Body>): Promise<FileServer> {
  const cache = new Map<string, Uint8Array>();
  const bytesOf = (path: string, b: Body): Uint8Array => {
    if ('bytes' in b) return b.bytes;
    let got = cache.get(path);
    if (got === undefined) {
      got = readFileSync(b.file);
      cache.set(path, got);
    }
    return got;
  };
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const body = routes.get(path);
    if (body === undefined) {
      res.writeHead(404).end();
      return;
    }
    const all = bytesOf(path, body);
    const headers = {
      'Content-Type': body.type,
      'Content-Security-Policy': CSP,
      'Cache-Control': 'no-store',
      'Accept-Ranges': 'bytes',
    };
    const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
    if (range === null) {
      res.writeHead(200, { ...headers, 'Content-Length': all.length }).end(all);
      return;
    }
    const start = Number(range[1]);
    const end = Math.min(all.length - 1, range[2] === '' ? all.length - 1 : Number(range[2]));
    res
      .writeHead(206, {
        ...headers,
        'Content-Range': `bytes ${String(start)}-${String(end)}/${String(all.length)}`,
        'Content-Length': Math.max(0, end - start + 1),
      })
      .end(all.subarray(start, end + 1));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    origin: `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => {
          r();
        });
      }),
  };
}
