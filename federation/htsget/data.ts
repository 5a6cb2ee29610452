/** The data-block endpoint behind ticket URLs: raw bytes of a dataset's bgzipped VCF by HTTP Range. */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { HtsgetError } from './errors.js';

/** Parses a single `bytes=a-b` range (the only form tickets use) against a file of `size` bytes. */
export function parseRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | undefined {
  if (header === undefined) return undefined;
  const m = /^bytes=(\d+)-(\d+)$/.exec(header.trim());
  const start = Number(m?.[1]);
  const end = Number(m?.[2]) + 1;
  if (m === null || start >= end || end > size)
    throw new HtsgetError('InvalidRange', 'unsatisfiable Range header');
  return { start, end };
}

/** Streams the requested byte range (206) or the whole file (200). */
export async function serveBytes(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  const { size } = await stat(path);
  const range = parseRange(req.headers.range, size);
  const start = range?.start ?? 0;
  const end = range?.end ?? size;
  const headers: Record<string, string | number> = {
    'Content-Type': 'application/octet-stream',
    'Content-Length': end - start,
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'no-store',
  };
  if (range) headers['Content-Range'] = `bytes ${start}-${end - 1}/${size}`;
  res.writeHead(range ? 206 : 200, headers);
  if (req.method === 'HEAD' || end === start) {
    res.end();
    return;
  }
  await pipeline(createReadStream(path, { start, end: end - 1 }), res);
}
