/** Builds an htsget ticket for a dataset's VCF: header and body data blocks, EOF marker and md5. */
import { createHash } from 'node:crypto';
import { BGZF_EOF } from './bgzf.js';
import { BgzfFile } from './bgzfFile.js';
import { resolveContig, type VcfDataset } from './dataset.js';
import { HtsgetError } from './errors.js';
import { planParts, type Part } from './plan.js';
import type { TicketRequest } from './request.js';
import type { HtsgetTicket } from './schema.js';
import type { Chunk } from './tabix.js';
import { mergeSpans, regionRecordSpans } from './vcfScan.js';

export interface TicketTarget {
  /** URL of this dataset's data endpoint, e.g. `${baseUrl}/htsget/data/FI-RD-01`. */
  readonly dataUrl: string;
  /** The caller's Authorization header, copied into each data URL's headers (HTS-02: the client sends exactly these). */
  readonly authorization: string | undefined;
}

type TicketUrl = HtsgetTicket['htsget']['urls'][number];

/** Inline `data:` blocks are meant to stay small ("should not exceed a few megabytes", htsget data URIs). */
const MAX_INLINE_BYTES = 4 * 1024 * 1024;

async function bodyRuns(file: BgzfFile, ds: VcfDataset, req: TicketRequest): Promise<Chunk[]> {
  if (req.headerOnly) return [];
  if (req.regions === undefined)
    return ds.header.end < ds.dataEnd ? [{ beg: ds.header.end, end: ds.dataEnd }] : [];
  const spans: Chunk[] = [];
  for (const region of req.regions) {
    const contig = resolveContig(ds, region.referenceName);
    if (contig === undefined)
      throw new HtsgetError('NotFound', `reference ${region.referenceName} does not exist`);
    spans.push(...(await regionRecordSpans(file, ds.index, { ...region, referenceName: contig })));
  }
  return mergeSpans(spans);
}

/** The ticket for `req`; concatenating its blocks gives a valid bgzipped VCF holding exactly the requested records. */
export async function buildTicket(
  ds: VcfDataset,
  req: TicketRequest,
  target: TicketTarget,
): Promise<HtsgetTicket> {
  const file = await BgzfFile.open(ds.vcfPath);
  try {
    const headerParts = await planParts(file, [ds.header]);
    const bodyParts = await planParts(file, await bodyRuns(file, ds, req));
    const tail: Part = { kind: 'inline', bgzf: BGZF_EOF };
    const classed: [Part, 'header' | 'body'][] = [
      ...headerParts.map((p) => [p, 'header'] as [Part, 'header']),
      ...bodyParts.map((p) => [p, 'body'] as [Part, 'body']),
      [tail, req.headerOnly ? 'header' : 'body'],
    ];
    const inlineBytes = classed.reduce(
      (n, [p]) => n + (p.kind === 'inline' ? p.bgzf.length : 0),
      0,
    );
    if (inlineBytes > MAX_INLINE_BYTES) {
      throw new HtsgetError(
        'PayloadTooLarge',
        'the ticket would be too large; request fewer regions at a time',
      );
    }
    const md5 = createHash('md5');
    const urls: TicketUrl[] = [];
    for (const [part, cls] of classed) {
      if (part.kind === 'inline') {
        md5.update(part.bgzf);
        urls.push({
          url: `data:application/vnd.ga4gh.vcf;base64,${part.bgzf.toString('base64')}`,
          class: cls,
        });
      } else {
        md5.update(await file.bytes(part.start, part.end));
        const headers: Record<string, string> = { Range: `bytes=${part.start}-${part.end - 1}` };
        if (target.authorization !== undefined) headers.Authorization = target.authorization;
        urls.push({ url: target.dataUrl, headers, class: cls });
      }
    }
    return { htsget: { format: 'VCF', urls, md5: md5.digest('hex') } };
  } finally {
    await file.close();
  }
}
