import { parseGenomic } from '../../../shared/search/parseGenomic';
import type { Said } from '../i18n/said';
import type { GeneIndex } from './geneIndex';

/** Where the locus box sends the browser: an igv locus string (1-based, inclusive) and what it was. */
export type LocusTarget =
  | {
      ok: true;
      locus: string;
      kind: 'gene' | 'region' | 'variant' | 'geneAa';
      label: string;
      variantKey?: string;
    }
  | { ok: false; message: string; said?: Said };

/** Looks up a variant of a gene by its protein change (HGVS p.), e.g. in the local cache. */
export type FindAaVariant = (
  gene: string,
  aa: string,
) => Promise<{ chrom: string; pos: number } | undefined>;

const igvChrom = (chrom: string): string => `chr${chrom === 'MT' ? 'M' : chrom}`;

/** Flank shown around a single variant so its neighbourhood is visible. */
export const VARIANT_FLANK = 20;

/**
 * Resolves what the user typed (gene, region chr:start-end, variant chr-pos-ref-alt, or gene +
 * amino-acid change) to a locus. A protein change is found in the cache when it holds it;
 * otherwise the gene is shown and the label says the change was not found.
 */
export async function resolveLocus(
  text: string,
  genes: GeneIndex,
  findAa?: FindAaVariant,
): Promise<LocusTarget> {
  const parsed = parseGenomic(text);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  const q = parsed.query;
  switch (q.kind) {
    case 'none':
      return {
        ok: false,
        message: 'Type a gene, a region (17:43044295-43125483) or a variant (17-43045712-G-A).',
        said: { key: 'locusEmpty' },
      };
    case 'region':
      return {
        ok: true,
        kind: 'region',
        locus: `${igvChrom(q.chrom)}:${String(q.start)}-${String(q.end)}`,
        label: text.trim(),
      };
    case 'variant': {
      const key = `${q.chrom}-${String(q.pos)}-${q.ref}-${q.alt}`;
      const from = Math.max(1, q.pos - VARIANT_FLANK);
      const to = q.pos + q.ref.length - 1 + VARIANT_FLANK;
      return {
        ok: true,
        kind: 'variant',
        locus: `${igvChrom(q.chrom)}:${String(from)}-${String(to)}`,
        label: key,
        variantKey: key,
      };
    }
    case 'gene':
    case 'geneAa': {
      const gene = genes.find(q.gene);
      if (gene === undefined)
        return {
          ok: false,
          message: `Gene ${q.gene} is not in the GRCh38 gene table.`,
          said: { key: 'geneNotInTable', params: { gene: q.gene } },
        };
      const geneLocus = `${gene.chrom}:${String(gene.start0 + 1)}-${String(gene.end)}`;
      if (q.kind === 'gene')
        return { ok: true, kind: 'gene', locus: geneLocus, label: gene.symbol };
      const hit = findAa === undefined ? undefined : await findAa(gene.symbol, q.aa);
      if (hit === undefined) {
        return {
          ok: true,
          kind: 'gene',
          locus: geneLocus,
          label: `${gene.symbol} (${q.aa} not in the local cache)`,
        };
      }
      const from = Math.max(1, hit.pos - VARIANT_FLANK);
      return {
        ok: true,
        kind: 'geneAa',
        locus: `${igvChrom(hit.chrom)}:${String(from)}-${String(hit.pos + VARIANT_FLANK)}`,
        label: `${gene.symbol} ${q.aa}`,
      };
    }
  }
}
