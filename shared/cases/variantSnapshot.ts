import type { CaseVariantRow } from './channels';
import type { VariantSnapshot } from './workChannels';

/** What the case work and the report keep of a variant table row (issue 18). */
export const snapshotOf = (r: CaseVariantRow): VariantSnapshot => ({
  variantKey: r.variant_key,
  chrom: r.chrom,
  pos: r.pos,
  ref: r.ref,
  alt: r.alt,
  gene: r.gene,
  consequence: r.consequence,
  hgvs_c: r.hgvs_c,
  hgvs_p: r.hgvs_p,
  gt: r.p_gt,
  modes: r.modes,
  pop_af: r.pop_af,
  clinvar_sig: r.clinvar_sig,
});
