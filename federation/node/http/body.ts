import type { IncomingMessage } from 'node:http';
import { HttpError, badRequest } from './errors';

/** Request body limit (1 MB): larger bodies get a 413 envelope. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Reads and JSON-parses a request body within the size limit. */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > MAX_BODY_BYTES)
    throw new HttpError(413, `request body exceeds ${MAX_BODY_BYTES} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES)
      throw new HttpError(413, `request body exceeds ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '')
    throw badRequest('a POST request needs a JSON body with at least meta.apiVersion');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badRequest('request body is not valid JSON');
  }
}
