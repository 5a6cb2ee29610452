import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { createGunzip, gunzip } from 'node:zlib';
import type { Inflater, ReadVcfOptions, ReadVcfSummary } from '../../../shared/vcf';
import { readVcf } from '../../../shared/vcf';

const gunzipAsync = promisify(gunzip);

/**
 * Node's decompression for the shared reader: BGZF blocks are gunzipped with async zlib, which
 * runs in libuv's thread pool, so a batch of blocks inflates on every core while the main thread
 * parses the previous batch; each block's CRC and size are checked by zlib.
 */
export const nodeInflater: Inflater = {
  async blocks(blocks) {
    // One output chunk per block (a BGZF block holds at most 64 KiB): zlib's default 16 KiB chunks
    // would cost four main-thread callbacks per block.
    return Promise.all(blocks.map((b) => gunzipAsync(b, { chunkSize: 1 << 17 })));
  },
  gunzip(source) {
    // zlib's Gunzip reads concatenated members and fails with "unexpected end of file" when the
    // last member is cut off: a truncated file is an error, never a short read.
    return Readable.from(source).pipe(createGunzip({ chunkSize: 1 << 20 }));
  },
};

/** Reads a VCF file from disk through the shared reader; problems name the file by its base name. */
export function readVcfFile(
  path: string,
  opts: Omit<ReadVcfOptions, 'inflater' | 'file'> & { file?: string },
): Promise<ReadVcfSummary> {
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  return readVcf(stream, {
    ...opts,
    file: opts.file ?? basename(path),
    inflater: nodeInflater,
  }).finally(() => {
    stream.destroy();
  });
}
