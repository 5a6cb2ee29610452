/** A response body larger than the limit (BCN-04: oversized pages are rejected). */
export class BodyTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`response larger than ${limitBytes} bytes`);
  }
}

/**
 * Reads a response body as text, streaming, and stops (cancelling the stream, so the connection is
 * dropped) as soon as it passes `maxBytes`; a hostile node cannot make main buffer an endless body.
 */
export async function readBounded(res: Response, maxBytes: number): Promise<string> {
  return bodyText(await readBoundedBytes(res, maxBytes));
}

/**
 * A node's body as text: UTF-8, a leading byte order mark dropped. RFC 8259 §8.1 lets a JSON
 * parser ignore one, and some servers (.NET, IIS) send it (decision 0096); every answer the app
 * reads from a node (search, /map, /filtering_terms, pull pages) is decoded here.
 */
export function bodyText(bytes: Uint8Array): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * readBounded's bytes, undecoded, in an ArrayBuffer of their own (never Node's shared buffer
 * pool), so a caller may transfer them to a worker thread (issue 20: pull pages are parsed there).
 */
export async function readBoundedBytes(res: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length') ?? 'NaN');
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel();
    throw new BodyTooLargeError(maxBytes);
  }
  if (res.body === null) return new Uint8Array(0);
  const reader: ReadableStreamDefaultReader<Uint8Array> = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new BodyTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
