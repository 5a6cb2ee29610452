/** Test helpers: a minimal htsget client (fetch every ticket URL with its headers, concatenate) and a VCF line parser. */
import { inflateBgzf } from '../bgzf.js';
import type { HtsgetTicket } from '../schema.js';

/** Fetches and concatenates a ticket's data blocks in order (HTS-02: only the ticket's headers are sent). */
export async function fetchTicketBytes(ticket: HtsgetTicket): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (const u of ticket.htsget.urls) {
    if (u.url.startsWith('data:')) {
      parts.push(Buffer.from(u.url.slice(u.url.indexOf(',') + 1), 'base64'));
      continue;
    }
    const res = await fetch(u.url, { headers: u.headers ?? {} });
    if (res.status !== 200 && res.status !== 206) throw new Error(`data block: HTTP ${res.status}`);
    parts.push(Buffer.from(await res.arrayBuffer()));
  }
  return Buffer.concat(parts);
}

export interface VcfRecord {
  readonly chrom: string;
  readonly pos: number;
  readonly ref: string;
  readonly alt: string;
  /** `${chrom}-${pos}-${ref}-${alt}`, the generator's variant_id. */
  readonly id: string;
  /** sample name → GT, for non-reference genotypes only. */
  readonly carriers: ReadonlyMap<string, string>;
}

/** Splits decompressed VCF text into header lines and parsed records. */
export function parseVcf(bgzf: Buffer): { header: string[]; records: VcfRecord[] } {
  const lines = inflateBgzf(bgzf)
    .toString('utf8')
    .split('\n')
    .filter((l) => l !== '');
  const header = lines.filter((l) => l.startsWith('#'));
  const samples = header.at(-1)?.split('\t').slice(9) ?? [];
  const records = lines
    .filter((l) => !l.startsWith('#'))
    .map((l) => {
      const cols = l.split('\t');
      const [chrom = '', pos = '', , ref = '', alt = ''] = cols;
      const carriers = new Map<string, string>();
      cols.slice(9).forEach((gt, i) => {
        const call = gt.split(':')[0] ?? '';
        if (/[1-9]/.test(call)) carriers.set(samples[i] ?? '', call);
      });
      return { chrom, pos: Number(pos), ref, alt, id: `${chrom}-${pos}-${ref}-${alt}`, carriers };
    });
  return { header, records };
}
