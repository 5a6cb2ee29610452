/**
 * The igv baseline page: the same bundled igv.js (node_modules/igv), the same offline GRCh38 assets
 * and gene track as the app's browser (renderer/src/igv: genomeAssets, trackConfigs.geneTrack), and
 * the benchmark's variants as a bgzipped + tabix VCF variant track. Bundled by esbuild.
 */
import igv from 'igv';
import { parseGenes } from '../../../renderer/src/igv/geneIndex';
import type { IgvBrowser, IgvModule } from '../../../renderer/src/igv/igvTypes';

/** The VCF track's name (the probe finds its viewport by it). */
export const VCF_TRACK = 'Cohort VCF (bgzip + tabix)';

let browser: IgvBrowser | undefined;

async function start(locus: string): Promise<void> {
  const div = document.getElementById('igv-baseline');
  if (div === null) throw new Error('no #igv-baseline');
  const genes = parseGenes(await (await fetch('/genome/genes.tsv')).text());
  const api = igv as unknown as IgvModule;
  browser = await api.createBrowser(div, {
    genome: {
      id: 'hg38',
      name: 'GRCh38',
      format: 'chromsizes',
      fastaURL: '/genome/chrom.sizes',
      cytobandURL: '/genome/cytobands.txt',
    },
    locus,
    tracks: [],
    loadDefaultGenomes: false,
    search: false,
    showNavigation: true,
    showRuler: true,
    showCenterGuide: false,
  });
  await browser.loadTrack({
    name: 'Genes (GRCh38)',
    id: 'genes',
    type: 'annotation',
    displayMode: 'COLLAPSED',
    features: genes.map((g) => ({
      chr: g.chrom,
      start: g.start0,
      end: g.end,
      name: g.symbol,
      strand: g.strand,
    })),
    color: '#1f4e79',
    removable: false,
    order: 1,
  });
  await browser.loadTrack({
    name: VCF_TRACK,
    id: 'vcf',
    type: 'variant',
    format: 'vcf',
    url: '/data/cohort.vcf.gz',
    indexURL: '/data/cohort.vcf.gz.tbi',
    displayMode: 'EXPANDED',
    // igv's default window for a many-sample VCF is far below 10 Mb (it would show "zoom in").
    visibilityWindow: 30_000_000,
    removable: false,
    order: 3,
  });
}

/** Navigates like the app's controller (BrowserController.goto → browser.search). */
async function go(locus: string): Promise<void> {
  if (browser === undefined) throw new Error('baseline browser not started');
  await browser.search(locus);
}

(globalThis as unknown as { igvBaseline: unknown }).igvBaseline = { start, go };
