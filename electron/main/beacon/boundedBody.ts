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
  const declared = Number(res.headers.get('content-length') ?? 'NaN');
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel();
    throw new BodyTooLargeError(maxBytes);
  }
  if (res.body === null) return '';
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
  return Buffer.concat(chunks).toString('utf8');
}
