// The offline GRCh38 assets (resources/genome/, built by scripts/buildGenomeAssets.mjs) are bundled by
// Vite as files of the app's own origin: nothing is fetched from the internet (issue 8).
import chromSizesUrl from '../../../resources/genome/chrom.sizes?url';
import cytobandsUrl from '../../../resources/genome/cytobands.txt?url';
import exonsUrl from '../../../resources/genome/exons.tsv?url';
import genesUrl from '../../../resources/genome/genes.tsv?url';
import acmgUrl from '../../../resources/genome/panel-acmg-sf.bed?url';
import cancerUrl from '../../../resources/genome/panel-cancer.bed?url';
import epilepsyUrl from '../../../resources/genome/panel-epilepsy.bed?url';
import { SaidError } from '../i18n/said';
import type { GeneIndex } from './geneIndex';
import { createGeneIndex, parseGenes } from './geneIndex';
import { parseExonTable } from '../../../shared/genome/gtfExons';
import type { IgvGenomeConfig } from './igvTypes';

/** Gene panels whose regions the browser can show. */
export const PANELS = { cancer: cancerUrl, epilepsy: epilepsyUrl, 'acmg-sf': acmgUrl } as const;
export type PanelId = keyof typeof PANELS;

/** GRCh38 without sequence: chromosome sizes and cytobands only. */
export const GENOME: IgvGenomeConfig = {
  id: 'hg38',
  name: 'GRCh38',
  format: 'chromsizes',
  fastaURL: chromSizesUrl,
  cytobandURL: cytobandsUrl,
};

/** The gene table's URL (igv's gene track and the locus box read the same file). */
export const GENES_URL = genesUrl;

let genes: Promise<GeneIndex> | undefined;

const text = async (url: string, what: 'genes' | 'exons'): Promise<string> => {
  const r = await fetch(url);
  if (!r.ok)
    throw new SaidError(
      {
        key: what === 'genes' ? 'geneTableHttp' : 'exonTableHttp',
        params: { status: String(r.status) },
      },
      `${what} table: HTTP ${String(r.status)}`,
    );
  return r.text();
};

/** Loads the gene table and the exon table (header-only when built without a GTF) once per app run. */
export function loadGeneIndex(): Promise<GeneIndex> {
  genes ??= Promise.all([text(genesUrl, 'genes'), text(exonsUrl, 'exons')])
    .then(([g, e]) => createGeneIndex(parseGenes(g), parseExonTable(e)))
    .catch((e: unknown) => {
      genes = undefined;
      throw e;
    });
  return genes;
}
