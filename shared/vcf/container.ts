// How the VCF bytes are stored: plain text, gzip, or BGZF (SAM spec §4.1: gzip members of at most
// 64 KiB, each with a `BC` extra field giving its size, ending with a fixed empty EOF block).
import { said } from './problems';
import type { Said } from './problems';

export type ContainerKind = 'plain' | 'gzip' | 'bgzf';

/** The 28-byte BGZF end-of-file marker (SAM spec §4.1.2). */
export const BGZF_EOF = Uint8Array.from([
  0x1f, 0x8b, 0x08, 0x04, 0, 0, 0, 0, 0, 0xff, 0x06, 0, 0x42, 0x43, 0x02, 0, 0x1b, 0, 0x03, 0, 0, 0,
  0, 0, 0, 0, 0, 0,
]);

const MAGICS: readonly {
  bytes: readonly number[];
  code: 'not-vcf-bcf' | 'not-vcf-compressed' | 'not-vcf-zip' | 'not-vcf-pdf';
  what: string;
  format?: string;
}[] = [
  {
    bytes: [0x42, 0x43, 0x46, 0x02],
    code: 'not-vcf-bcf',
    what: 'an uncompressed BCF file (convert it with: bcftools view -Oz -o out.vcf.gz)',
  },
  {
    bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00],
    code: 'not-vcf-compressed',
    what: 'xz-compressed (use gzip or bgzip)',
    format: 'xz',
  },
  {
    bytes: [0x28, 0xb5, 0x2f, 0xfd],
    code: 'not-vcf-compressed',
    what: 'zstd-compressed (use gzip or bgzip)',
    format: 'zstd',
  },
  {
    bytes: [0x42, 0x5a, 0x68],
    code: 'not-vcf-compressed',
    what: 'bzip2-compressed (use gzip or bgzip)',
    format: 'bzip2',
  },
  { bytes: [0x50, 0x4b, 0x03, 0x04], code: 'not-vcf-zip', what: 'a ZIP archive (unzip it first)' },
  { bytes: [0x25, 0x50, 0x44, 0x46], code: 'not-vcf-pdf', what: 'a PDF document' },
];

const startsWith = (b: Uint8Array, m: ArrayLike<number>): boolean => {
  for (let i = 0; i < m.length; i++) if (b[i] !== m[i]) return false;
  return true;
};

/** Tells the container from the first bytes (at least 18 are needed for BGZF), or why it is no VCF. */
export function sniffContainer(first: Uint8Array): { kind: ContainerKind } | { problem: Said } {
  if (first[0] === 0x1f && first[1] === 0x8b)
    return { kind: bgzfBlockSize(first, 0) === undefined ? 'gzip' : 'bgzf' };
  for (const m of MAGICS)
    if (startsWith(first, m.bytes))
      return {
        problem: said(m.code, `this is ${m.what}, not a VCF`, { format: m.format }),
      };
  return { kind: 'plain' };
}

/** Tells decompressed content that is not VCF text by its first bytes (BCF inside BGZF). */
export function sniffDecompressed(first: Uint8Array): Said | undefined {
  if (startsWith(first, [0x42, 0x43, 0x46])) {
    return said(
      'not-vcf-bcf',
      'this is a BCF file, not a VCF (convert it with: bcftools view -Oz -o out.vcf.gz)',
    );
  }
  return undefined;
}

/** Total size of the BGZF block at `at` (BSIZE + 1), or undefined when it is not a BGZF header. */
export function bgzfBlockSize(b: Uint8Array, at: number): number | undefined {
  if (b.length - at < 18) return undefined;
  if (b[at] !== 0x1f || b[at + 1] !== 0x8b || b[at + 2] !== 8 || ((b[at + 3] ?? 0) & 4) === 0)
    return undefined;
  const xlen = (b[at + 10] ?? 0) | ((b[at + 11] ?? 0) << 8);
  let i = at + 12;
  const end = i + xlen;
  while (i + 4 <= end && i + 4 <= b.length) {
    const slen = (b[i + 2] ?? 0) | ((b[i + 3] ?? 0) << 8);
    if (b[i] === 0x42 && b[i + 1] === 0x43 && slen === 2)
      return ((b[i + 4] ?? 0) | ((b[i + 5] ?? 0) << 8)) + 1;
    i += 4 + slen;
  }
  return undefined;
}

const isEofBlock = (b: Uint8Array): boolean =>
  b.length === BGZF_EOF.length && startsWith(b, BGZF_EOF);

/**
 * Cuts a BGZF byte stream into whole blocks. `end()` says whether the stream was complete: it
 * must stop on a block boundary and its last block must be the EOF marker, or the file was cut.
 */
export class BgzfFramer {
  private buf = new Uint8Array(0);
  private lastWasEof = false;
  /** Compressed bytes consumed so far (offset of the next block). */
  offset = 0;

  /** Adds raw bytes; returns the whole blocks now available, or a problem. */
  push(chunk: Uint8Array): Uint8Array[] | { problem: Said } {
    const buf = this.buf.length === 0 ? chunk : concat(this.buf, chunk);
    const blocks: Uint8Array[] = [];
    let at = 0;
    for (;;) {
      if (buf.length - at < 18) break;
      const size = bgzfBlockSize(buf, at);
      if (size === undefined) {
        return {
          problem: said(
            'bgzf-not-block',
            `at byte ${String(this.offset)} the data is not a BGZF block (a corrupted file, or gzip data appended to BGZF?)`,
            { offset: this.offset },
          ),
        };
      }
      if (buf.length - at < size) break;
      const block = buf.subarray(at, at + size);
      this.lastWasEof = isEofBlock(block);
      blocks.push(block);
      at += size;
      this.offset += size;
    }
    this.buf = buf.slice(at);
    return blocks;
  }

  /** Checks the end of the stream; returns a problem when it is truncated. */
  end(): Said | undefined {
    if (this.buf.length > 0) {
      return said(
        'bgzf-cut',
        `the file is truncated: its last BGZF block is cut off after byte ${String(this.offset + this.buf.length)} (copy or download it again)`,
        { offset: this.offset + this.buf.length },
      );
    }
    if (!this.lastWasEof) {
      return said(
        'bgzf-no-eof',
        'the BGZF end-of-file marker is missing: the file was cut short or not closed when it was written (copy it again, or recompress with bgzip)',
      );
    }
    return undefined;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
