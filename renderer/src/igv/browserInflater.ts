import type { Inflater } from '../../../shared/vcf';

/** Reads a stream to its end, as chunks; the stream's own error (a precise message) is thrown. */
async function* chunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const r = await reader.read();
      if (r.done) return;
      yield r.value;
    }
  } finally {
    reader.releaseLock();
  }
}

/** An AsyncIterable as a ReadableStream (Chromium has no ReadableStream.from yet). */
function toStream(source: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const it = source[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const r = await it.next();
      if (r.done === true) controller.close();
      else controller.enqueue(r.value);
    },
  });
}

async function gunzipBlock(block: Uint8Array): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  const input = new Blob([block as Uint8Array<ArrayBuffer>]).stream();
  for await (const c of chunks(input.pipeThrough(new DecompressionStream('gzip')))) {
    parts.push(c);
    size += c.length;
  }
  if (parts.length === 1 && parts[0] !== undefined) return parts[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * The browser's decompression for the shared VCF reader: DecompressionStream('gzip'), once per BGZF
 * block (Chromium reads a single gzip member per stream, and a BGZF file is many members). Each
 * block's CRC is checked; a truncated stream fails with "Compressed input was truncated".
 */
export const browserInflater: Inflater = {
  blocks: (blocks) => Promise.all(blocks.map(gunzipBlock)),
  gunzip: (source) =>
    // DOM typings want BufferSource on the writable side; the chunks are Uint8Arrays.
    chunks(
      toStream(source).pipeThrough(
        new DecompressionStream('gzip') as ReadableWritablePair<Uint8Array, Uint8Array>,
      ),
    ),
};
