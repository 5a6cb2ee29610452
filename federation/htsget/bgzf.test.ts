import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  BGZF_EOF,
  blockSizeAt,
  deflateBgzf,
  deflateBlock,
  inflateBgzf,
  inflateBlock,
} from './bgzf';

describe('BGZF', () => {
  it('EOF marker is an empty gzip member', () => {
    expect(BGZF_EOF.length).toBe(28);
    expect(gunzipSync(BGZF_EOF).length).toBe(0);
    expect(inflateBlock(BGZF_EOF)).toEqual({ data: Buffer.alloc(0), size: 28 });
  });

  it('a block is valid gzip and records its own size', () => {
    const data = Buffer.from('##fileformat=VCFv4.3\n'.repeat(50));
    const block = deflateBlock(data);
    expect(blockSizeAt(block)).toBe(block.length);
    expect(gunzipSync(block).equals(data)).toBe(true);
  });

  it('round-trips data larger than one block', () => {
    const data = Buffer.alloc(200_000);
    for (let i = 0; i < data.length; i++) data[i] = (i * 7919) % 251;
    const bgzf = deflateBgzf(data);
    expect(inflateBgzf(Buffer.concat([bgzf, BGZF_EOF])).equals(data)).toBe(true);
    // gzip readers see concatenated members as one stream.
    expect(gunzipSync(bgzf).equals(data)).toBe(true);
  });

  it('rejects non-BGZF input', () => {
    expect(() => blockSizeAt(Buffer.from('not gzip at all, really'))).toThrow(/BGZF/);
  });
});
