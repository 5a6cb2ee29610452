import { z } from 'zod';
import { ConsequenceSchema } from '../cases/filters';

/**
 * A cancer case's somatic filter (issue 19). Every part is optional and ANDed in the order of
 * SOMATIC_STEPS; the SQL reports how many variants each step removes, like the germline filter.
 * Values are validated tightly because the SQL inlines them (one text for duckdb-wasm and native).
 */
export const SomaticFilterSchema = z
  .object({
    /** FILTER is PASS (or `.`, no filter applied). */
    passOnly: z.boolean().optional(),
    minTumourVaf: z.number().min(0).max(1).optional(),
    minTumourDepth: z.number().int().min(0).max(100_000).optional(),
    minNormalDepth: z.number().int().min(0).max(100_000).optional(),
    /** The normal's VAF at most this (a germline leak reads higher). */
    maxNormalVaf: z.number().min(0).max(1).optional(),
    consequences: z.array(ConsequenceSchema).max(100).optional(),
    hotspotOnly: z.boolean().optional(),
    /** driver: an oncogene, tumour suppressor or hotspot gene; predisposition: the CPSR superpanel. */
    geneSet: z.enum(['driver', 'predisposition']).optional(),
    tiers: z
      .array(z.enum(['I', 'II', 'III', 'IV']))
      .max(4)
      .optional(),
  })
  .strict();
export type SomaticFilter = z.infer<typeof SomaticFilterSchema>;

export const SOMATIC_STEPS = [
  'pass',
  'tumourVaf',
  'tumourDepth',
  'normalDepth',
  'normalVaf',
  'consequence',
  'hotspot',
  'geneSet',
  'tier',
] as const;
export type SomaticStep = (typeof SOMATIC_STEPS)[number];

/** A good first view: PASS, tumour VAF ≥ 5%, depth ≥ 20/10, no germline leak. */
export const DEFAULT_SOMATIC_FILTER: SomaticFilter = {
  passOnly: true,
  minTumourVaf: 0.05,
  minTumourDepth: 20,
  minNormalDepth: 10,
  maxNormalVaf: 0.05,
};

const list = (xs: readonly string[]): string => xs.map((x) => `'${x}'`).join(', ');

/** The condition of each step the filter uses (values validated by the schema). */
function conditions(f: SomaticFilter): [SomaticStep, string][] {
  const out: [SomaticStep, string][] = [];
  if (f.passOnly === true) out.push(['pass', '(v.pass OR v.filters IS NULL)']);
  if (f.minTumourVaf !== undefined) out.push(['tumourVaf', `s.t_vaf >= ${String(f.minTumourVaf)}`]);
  if (f.minTumourDepth !== undefined)
    out.push([
      'tumourDepth',
      `coalesce(s.t_dp, s.t_ad_ref + s.t_ad_alt) >= ${String(f.minTumourDepth)}`,
    ]);
  // A tumour-only case has no normal: the normal steps keep every row there.
  if (f.minNormalDepth !== undefined)
    out.push([
      'normalDepth',
      `(s.n_vaf IS NULL AND s.n_dp IS NULL OR coalesce(s.n_dp, s.n_ad_ref + s.n_ad_alt) >= ${String(f.minNormalDepth)})`,
    ]);
  if (f.maxNormalVaf !== undefined)
    out.push(['normalVaf', `(s.n_vaf IS NULL OR s.n_vaf <= ${String(f.maxNormalVaf)})`]);
  if (f.consequences !== undefined && f.consequences.length > 0)
    out.push(['consequence', `v.consequence IN (${list(f.consequences)})`]);
  if (f.hotspotOnly === true) out.push(['hotspot', 's.hotspot IS NOT NULL']);
  if (f.geneSet === 'driver')
    out.push(['geneSet', '(s.gene_role IS NOT NULL OR s.hotspot IS NOT NULL)']);
  if (f.geneSet === 'predisposition') out.push(['geneSet', 's.predisposition_gene']);
  if (f.tiers !== undefined && f.tiers.length > 0)
    out.push(['tier', `s.tier IN (${list(f.tiers)})`]);
  return out;
}

const from = (db: string): string =>
  `${db}.main.variants v JOIN ${db}.main.somatic s ON s.vid = v.vid`;

/** Total, kept, and the rows left after each used step (`after_<step>`). */
export function somaticCountsSql(
  f: SomaticFilter,
  db: string,
): { sql: string; steps: SomaticStep[] } {
  const cs = conditions(f);
  const parts = ['count(*) AS total'];
  cs.forEach(([step], i) => {
    const upto = cs
      .slice(0, i + 1)
      .map(([, c]) => c)
      .join(' AND ');
    parts.push(`count(*) FILTER (WHERE ${upto}) AS after_${step}`);
  });
  const all = cs.map(([, c]) => c).join(' AND ');
  parts.push(cs.length === 0 ? 'count(*) AS kept' : `count(*) FILTER (WHERE ${all}) AS kept`);
  return { sql: `SELECT ${parts.join(', ')} FROM ${from(db)}`, steps: cs.map(([s]) => s) };
}

/** The kept rows, Tier I first, then hotspots, then by position. */
export function somaticRowsSql(
  f: SomaticFilter,
  db: string,
  page: { limit: number; offset: number },
): string {
  const cs = conditions(f);
  return `SELECT v.vid, v.variant_key, v.chrom, v.pos, v.ref, v.alt, v.gene, v.consequence, v.hgvs_p, v.filters,
  s.caller, s.t_ad_ref, s.t_ad_alt, s.t_dp, s.t_vaf, s.n_ad_ref, s.n_ad_alt, s.n_dp, s.n_vaf, s.germline_leak,
  s.protein_change, s.protein_pos, s.hotspot, s.hotspot_label, s.hotspot_tumours, s.civic_level,
  s.clinvar_oncogenicity, s.gene_role, s.predisposition_gene, s.tier, s.tier_level, s.tier_json
FROM ${from(db)}${cs.length === 0 ? '' : ` WHERE ${cs.map(([, c]) => c).join(' AND ')}`}
ORDER BY s.tier, s.tier_level NULLS LAST, s.hotspot IS NULL, v.chrom, v.pos, v.vid
LIMIT ${String(page.limit)} OFFSET ${String(page.offset)}`;
}
