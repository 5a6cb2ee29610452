// Reads a whole VCF from raw bytes (plain, gzip or BGZF): the container is recognised, the bytes
// decompressed by the runtime's own inflater (zlib in Node, DecompressionStream in the browser)
// and fed to the parser as they come. A truncated or corrupt stream is an error, never a short file.
import { BgzfFramer, sniffContainer, sniffDecompressed } from './container';
import type { ContainerKind } from './container';
import { VcfParser } from './parser';
import { cut, said } from './problems';
import type { Said } from './problems';
import type { VcfParserOptions, VcfSummary } from './parser';

/** The runtime's decompression, injected (shared/ imports neither zlib nor the DOM). */
export interface Inflater {
  /**
   * Inflates whole BGZF blocks (each a complete gzip member), in order; rejects on a corrupt block
   * (CRC or size mismatch). Called with batches so a runtime can inflate them in parallel.
   */
  blocks(blocks: readonly Uint8Array[]): Promise<Uint8Array[]>;
  /** Gunzips a whole gzip stream (one or more members); must throw when it is truncated or corrupt. */
  gunzip(source: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array>;
}

export interface ReadVcfOptions extends VcfParserOptions {
  readonly inflater: Inflater;
  /** Compressed bytes read so far, after each chunk (for progress). */
  readonly onProgress?: (bytesRead: number) => void;
  /** Stops reading; the summary then has `stopped` set. */
  readonly signal?: { readonly aborted: boolean };
  /** BGZF blocks inflated per batch (default 64, about 4 MB of text). */
  readonly batch?: number;
  /** Awaited after each chunk of text is parsed: a slower consumer holds the reading back. */
  readonly pause?: () => Promise<void>;
  /**
   * BGZF only: called with a block's compressed offset before its text is parsed, so a caller can
   * tell which block each record's line ended in (the import's parse on two workers splits there).
   */
  readonly onBlock?: (offset: number) => void;
}

export interface ReadVcfSummary extends VcfSummary {
  readonly container: ContainerKind | undefined;
  readonly cancelled: boolean;
}

/** Reads and checks a VCF from its raw bytes; every problem is in the summary, nothing is thrown. */
export async function readVcf(
  source: AsyncIterable<Uint8Array>,
  opts: ReadVcfOptions,
): Promise<ReadVcfSummary> {
  const parser = new VcfParser(opts);
  const it = source[Symbol.asyncIterator]();
  let read = 0;
  const next = async (): Promise<Uint8Array | undefined> => {
    const r = await it.next();
    if (r.done === true) return undefined;
    read += r.value.length;
    opts.onProgress?.(read);
    return r.value;
  };
  // Enough bytes to recognise the container (a BGZF header is 18 bytes).
  let head: Uint8Array = new Uint8Array(0);
  while (head.length < 18) {
    const chunk = await next();
    if (chunk === undefined) break;
    head = head.length === 0 ? chunk : concat(head, chunk);
  }
  const sniffed = sniffContainer(head);
  if ('problem' in sniffed) {
    parser.fail(sniffed.problem);
    return finish(parser, undefined, false);
  }
  const rest = async function* (): AsyncGenerator<Uint8Array> {
    if (head.length > 0) yield head;
    for (let c = await next(); c !== undefined; c = await next()) {
      if (opts.signal?.aborted === true || parser.done) return;
      yield c;
    }
  };
  const feed = (bytes: Uint8Array, first: boolean): void => {
    if (first) {
      const p = sniffDecompressed(bytes);
      if (p !== undefined) {
        parser.fail(p);
        return;
      }
    }
    parser.push(bytes);
  };
  try {
    if (sniffed.kind === 'plain') {
      let first = true;
      for await (const c of rest()) {
        feed(c, first);
        first = false;
        await opts.pause?.();
      }
    } else if (sniffed.kind === 'gzip') {
      let first = true;
      for await (const c of opts.inflater.gunzip(rest())) {
        if (opts.signal?.aborted === true || parser.done) break;
        feed(c, first);
        first = false;
        await opts.pause?.();
      }
    } else {
      await readBgzf(rest(), parser, opts, feed);
    }
  } catch (error: unknown) {
    parser.fail(decompressionMessage(sniffed.kind, error));
  }
  return finish(parser, sniffed.kind, opts.signal?.aborted === true);
}

async function readBgzf(
  source: AsyncIterable<Uint8Array>,
  parser: VcfParser,
  opts: ReadVcfOptions,
  feed: (bytes: Uint8Array, first: boolean) => void,
): Promise<void> {
  const framer = new BgzfFramer();
  const size = opts.batch ?? 64;
  let pending: Uint8Array[] = [];
  let offsets: number[] = [];
  let inflight: { text: Promise<Uint8Array[]>; offsets: number[] } | undefined;
  let first = true;
  const drain = async (): Promise<void> => {
    if (inflight === undefined) return;
    const out = await inflight.text;
    const at = inflight.offsets;
    inflight = undefined;
    for (let i = 0; i < out.length; i++) {
      if (opts.signal?.aborted === true) break;
      opts.onBlock?.(at[i] ?? 0);
      const b = out[i] as Uint8Array;
      if (b.length === 0) continue;
      feed(b, first);
      first = false;
    }
    await opts.pause?.();
  };
  // Inflate batch n+1 while batch n is parsed.
  const launch = async (): Promise<void> => {
    const batch = { text: opts.inflater.blocks(pending), offsets };
    pending = [];
    offsets = [];
    await drain();
    inflight = batch;
  };
  for await (const chunk of source) {
    let at = framer.offset;
    const blocks = framer.push(chunk);
    if (!Array.isArray(blocks)) {
      await drain();
      parser.fail(blocks.problem);
      return;
    }
    for (const b of blocks) {
      pending.push(b.slice());
      offsets.push(at);
      at += b.length;
    }
    if (pending.length >= size) await launch();
    if (opts.signal?.aborted === true || parser.done) break;
  }
  if (pending.length > 0) await launch();
  await drain();
  if (opts.signal?.aborted !== true && !parser.done) {
    const truncated = framer.end();
    if (truncated !== undefined) parser.fail(truncated);
  }
}

function decompressionMessage(kind: ContainerKind, error: unknown): Said {
  const detail = error instanceof Error ? error.message : String(error);
  // The runtime's own words (zlib's, the browser's) are data: shown as they came.
  if (/unexpected end|truncat|incomplete/i.test(detail)) {
    return said(
      'compressed-cut',
      `the ${kind} data ends early: the file is truncated (copy or download it again) [${detail}]`,
      { format: kind, detail: cut(detail, 500) },
    );
  }
  return said(
    'compressed-corrupt',
    `the ${kind} data is corrupt and cannot be decompressed (${detail})`,
    {
      format: kind,
      detail: cut(detail, 500),
    },
  );
}

function finish(
  parser: VcfParser,
  container: ContainerKind | undefined,
  cancelled: boolean,
): ReadVcfSummary {
  return { ...parser.end({ stopped: cancelled }), container, cancelled };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
