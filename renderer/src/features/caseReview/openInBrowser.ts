import type { TFunction } from 'i18next';
import type { CaseDetail } from '../../../../shared/cases/channels';
import { loadGeneIndex } from '../../igv/genomeAssets';
import type { TrackSpec } from '../../igv/session';
import { useStore } from '../../store';
import { cacheIsOpen } from '../../store/cacheSlice';

/** The Browser track of a case: the patient's own calls with the family's genotypes beneath. */
export const caseTrackId = (caseId: string): string => `case-${caseId}`;

/** Bases shown either side of a variant: its exon and the neighbouring intron in view. */
const FLANK = 60;

const igvChrom = (chrom: string): string => `chr${chrom === 'MT' ? 'M' : chrom}`;

/**
 * Shows a locus in the Browser with the case's track, the cohort track (when the cache is open)
 * and the federation track (queried on request there: a patient's loci never leave the machine
 * on their own), then opens the Browser page. The gene track is always there.
 */
function showInBrowser(detail: CaseDetail, locus: string, t: TFunction): void {
  const s = useStore.getState();
  const wanted: TrackSpec[] = [
    {
      id: caseTrackId(detail.caseId),
      kind: 'case',
      name: t('caseReview.browser.track', { caseId: detail.caseId, patient: detail.patientId }),
      source: detail.caseId,
    },
    ...(!cacheIsOpen(s)
      ? []
      : [{ id: 'cohort', kind: 'cohort', name: t('genomeBrowser.cohort') } as const]),
    { id: 'federation', kind: 'federation', name: t('genomeBrowser.federation.track') },
  ];
  const ids = new Set(wanted.map((w) => w.id));
  s.restoreBrowserSession({
    app: 'cohort-desk-browser',
    version: 1,
    genome: 'GRCh38',
    locus,
    colorBy: s.browserColorBy,
    tracks: [...s.browserTracks.filter((x) => !ids.has(x.id)), ...wanted],
  });
  window.location.hash = '#/browser';
}

/** Opens one of the case's variants in the Browser, selected in its details panel. */
export function openVariantInBrowser(
  detail: CaseDetail,
  v: {
    chrom: string;
    pos: number;
    ref: string;
    alt: string;
    variant_key: string;
    gene: string | null;
    consequence: string | null;
    hgvs_c: string | null;
    hgvs_p: string | null;
    clinvar_sig: string | null;
  },
  t: TFunction,
): void {
  const end = v.pos + Math.max(1, v.ref.length) - 1;
  showInBrowser(
    detail,
    `${igvChrom(v.chrom)}:${String(Math.max(1, v.pos - FLANK))}-${String(end + FLANK)}`,
    t,
  );
  useStore.getState().selectBrowserVariant({
    variantKey: v.variant_key,
    chrom: igvChrom(v.chrom),
    pos: v.pos,
    ref: v.ref,
    alt: v.alt,
    source: 'patientVcf',
    ...(v.gene === null ? {} : { gene: v.gene }),
    ...(v.consequence === null ? {} : { consequence: v.consequence }),
    ...(v.clinvar_sig === null ? {} : { clinSig: v.clinvar_sig }),
    ...(v.hgvs_c === null ? {} : { hgvsC: v.hgvs_c }),
    ...(v.hgvs_p === null ? {} : { hgvsP: v.hgvs_p }),
    datasets: [],
  });
}

/** Opens a ranked gene in the Browser: the whole gene, else its first ranked variant. */
export async function openGeneInBrowser(
  detail: CaseDetail,
  symbol: string,
  fallback: { chrom: string; pos: number } | undefined,
  t: TFunction,
): Promise<boolean> {
  const gene = (await loadGeneIndex()).find(symbol);
  if (gene !== undefined) {
    showInBrowser(detail, `${gene.chrom}:${String(gene.start0 + 1)}-${String(gene.end)}`, t);
    return true;
  }
  if (fallback === undefined) return false;
  const { chrom, pos } = fallback;
  showInBrowser(
    detail,
    `${igvChrom(chrom)}:${String(Math.max(1, pos - FLANK))}-${String(pos + FLANK)}`,
    t,
  );
  return true;
}
