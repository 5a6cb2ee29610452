import { createReadStream } from 'node:fs';
import { readSpool } from '../files/spool';
import type { SourceSpec } from './workerProtocol';

/** The raw bytes of a chosen VCF: the file itself, or the decrypted upload spool. */
export function openSource(source: SourceSpec): AsyncIterable<Uint8Array> {
  return source.kind === 'file'
    ? createReadStream(source.path, { highWaterMark: 1 << 20 })
    : readSpool(source.path, source.key);
}
