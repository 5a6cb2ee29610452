import type { CohortFeature } from './cohortReader';

/** How the cohort track colours variants. */
export type ColorBy = 'consequence' | 'clinSig';

/** Legend entries per scheme, in display order; the colours are the track's. */
export const PALETTES: Readonly<Record<ColorBy, readonly { key: string; color: string }[]>> = {
  consequence: [
    { key: 'loss_of_function', color: '#b2182b' },
    { key: 'missense_variant', color: '#e08214' },
    { key: 'inframe_indel', color: '#8073ac' },
    { key: 'splice_region_variant', color: '#5aae61' },
    { key: 'synonymous_variant', color: '#4393c3' },
    { key: 'other', color: '#878787' },
  ],
  clinSig: [
    { key: 'pathogenic', color: '#b2182b' },
    { key: 'likely_pathogenic', color: '#ef8a62' },
    { key: 'uncertain_significance', color: '#e6ab02' },
    { key: 'likely_benign', color: '#67a9cf' },
    { key: 'benign', color: '#2166ac' },
    { key: 'not_provided', color: '#878787' },
  ],
};

const LOF =
  /stop_gained|frameshift|splice_(acceptor|donor)|start_lost|stop_lost|transcript_ablation/;

/** The legend key a consequence (SO label) falls under. */
export function consequenceClass(consequence: string): string {
  if (LOF.test(consequence)) return 'loss_of_function';
  if (consequence.includes('missense')) return 'missense_variant';
  if (/inframe_(insertion|deletion)/.test(consequence)) return 'inframe_indel';
  if (consequence.includes('splice')) return 'splice_region_variant';
  if (consequence.includes('synonymous')) return 'synonymous_variant';
  return 'other';
}

/** The legend key a clinical significance falls under (ClinVar-style labels, any case or spacing). */
export function clinSigClass(clinSig: string | undefined): string {
  const s = (clinSig ?? '').toLowerCase().replace(/[\s/]+/g, '_');
  if (s.startsWith('likely_pathogenic')) return 'likely_pathogenic';
  if (s.startsWith('pathogenic')) return 'pathogenic';
  if (s.includes('uncertain') || s === 'vus') return 'uncertain_significance';
  if (s.startsWith('likely_benign')) return 'likely_benign';
  if (s.startsWith('benign')) return 'benign';
  return 'not_provided';
}

/** The colour of one cohort feature under a scheme; density bins are grey, darker when fuller. */
export function featureColor(feature: CohortFeature, by: ColorBy): string {
  if (feature.kind === 'density')
    return feature.count > 50 ? '#404040' : feature.count > 5 ? '#707070' : '#a0a0a0';
  const key =
    by === 'consequence' ? consequenceClass(feature.consequence) : clinSigClass(feature.clinSig);
  return PALETTES[by].find((p) => p.key === key)?.color ?? '#878787';
}
