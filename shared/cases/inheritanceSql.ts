/**
 * Inheritance on the pedigree (issue 16), as SQL over a case database: which modes each allele fits
 * (table `inheritance`) and which heterozygous alleles can be one half of a compound heterozygote
 * (table `comphet_sides`). Run once by the import (native DuckDB); the same text runs in duckdb-wasm
 * (tests compare both). Rules, per allele (member calls: ALT copies, NULL = not called; a call that
 * is missing never excludes):
 * - autosomal_dominant: autosome; proband heterozygous; every affected member carries; no unaffected
 *   member carries. Confirmed with both parents called, else possible.
 * - de_novo: proband carries (heterozygous on autosomes and a female's X), both parents called and
 *   without it (a male's X: the mother); no unaffected member carries.
 * - homozygous_recessive: autosome; proband homozygous; affected members homozygous; no unaffected
 *   member homozygous; a parent who was called carries it. Confirmed with both parents called.
 * - x_linked_recessive: X outside the PARs; a male proband carries it (hemizygous), a female one is
 *   homozygous; affected males carry, affected females are homozygous; no unaffected male carries,
 *   no unaffected female is homozygous; a called mother carries it (and a called father, for a
 *   female proband). Confirmed with the mother called.
 * - x_linked_dominant: X outside the PARs; proband carries; affected carry; unaffected do not.
 *   Confirmed with a parent called.
 * - a member of unknown sex on X: a haploid call reads as a male's, a diploid one as a female's; a
 *   proband of unknown sex gets no X-linked fit (de novo on X included) above possible (decision 0100).
 * - mitochondrial: MT; proband carries; affected members other than the father carry; unaffected
 *   carriers do not exclude (variable heteroplasmy and penetrance; a father's mtDNA is not passed
 *   on). Confirmed with the mother called (decision 0100).
 * - compound het sides (autosomes): proband heterozygous, no unaffected member homozygous; the side
 *   is the parent it came from (`mother`/`father`, or `de_novo` when both were called without it;
 *   none when both carry it), with one parent called `mother`/`not_mother` (`father`/`not_father`),
 *   with none the haplotype of a phased call (`hap1`/`hap2` + phase set) or `unknown`.
 */

import type { InheritanceMode } from './filterNames';
import { INHERITANCE_MODES } from './filterNames';
import type { SqlStages } from './sqlStages';
import { flatStages } from './sqlStages';

/** The pedigree facts the SQL needs (members resolved at import: index 0 is the proband). */
export interface PedigreeShape {
  readonly motherIdx: number | null;
  readonly fatherIdx: number | null;
  readonly probandSex: 'male' | 'female' | 'unknown';
}

/** GRCh38 pseudoautosomal regions of X (1-based, inclusive). */
const NOT_PAR = 'NOT (v.pos BETWEEN 10001 AND 2781479 OR v.pos BETWEEN 155701383 AND 156030895)';

/** A per-allele summary of the family's calls (one row per vid). */
function familySql(db: string, p: PedigreeShape): string {
  const at = (idx: number | null, col: string): string =>
    idx === null
      ? 'CAST(NULL AS INTEGER)'
      : `max(g.${col}) FILTER (WHERE g.sample_idx = ${String(idx)})`;
  // A father's mitochondria are not passed on: his call never counts for that mode.
  const notFather = p.fatherIdx === null ? '' : ` AND g.sample_idx <> ${String(p.fatherIdx)}`;
  return `SELECT g.vid,
    max(g.alt_count) FILTER (WHERE g.sample_idx = 0) AS p,
    max(g.hap) FILTER (WHERE g.sample_idx = 0) AS p_hap,
    max(g.ps) FILTER (WHERE g.sample_idx = 0) AS p_ps,
    max(g.ploidy) FILTER (WHERE g.sample_idx = 0) AS p_ploidy,
    ${at(p.motherIdx, 'alt_count')} AS m,
    ${at(p.fatherIdx, 'alt_count')} AS f,
    coalesce(bool_and(g.alt_count >= 1) FILTER (WHERE s.affected AND g.alt_count IS NOT NULL), true) AS aff_carry,
    coalesce(bool_and(g.alt_count >= 1) FILTER (WHERE s.affected AND g.alt_count IS NOT NULL${notFather}), true) AS aff_carry_mt,
    coalesce(bool_and(g.alt_count = 2 OR (g.alt_count >= 1 AND g.ploidy = 1)) FILTER (WHERE s.affected AND g.alt_count IS NOT NULL), true) AS aff_hom,
    coalesce(bool_and(CASE s.sex WHEN 'male' THEN g.alt_count >= 1 WHEN 'female' THEN g.alt_count = 2 ELSE g.alt_count = 2 OR (g.alt_count >= 1 AND g.ploidy = 1) END) FILTER (WHERE s.affected AND g.alt_count IS NOT NULL), true) AS aff_xlr,
    coalesce(bool_or(g.alt_count >= 1) FILTER (WHERE s.affected = false), false) AS unaff_carry,
    coalesce(bool_or(g.alt_count = 2) FILTER (WHERE s.affected = false), false) AS unaff_hom,
    coalesce(bool_or(g.alt_count >= 1) FILTER (WHERE s.affected = false AND (s.sex = 'male' OR (s.sex = 'unknown' AND g.ploidy = 1))), false) AS unaff_male_carry,
    coalesce(bool_or(g.alt_count = 2) FILTER (WHERE s.affected = false AND s.sex <> 'male'), false) AS unaff_female_hom
  FROM ${db}.main.genotypes g JOIN ${db}.main.samples s ON s.sample_idx = g.sample_idx
  GROUP BY g.vid`;
}

/** The per-allele mode rows: SELECT vid, mode, status. */
export function inheritanceSelectSql(db: string, p: PedigreeShape): string {
  const male = p.probandSex === 'male';
  // Sex unknown (PED 0, no Phenopacket sex): the proband's X call is read as it was written, a
  // haploid call as hemizygous, and no X-linked fit is more than possible (decision 0100).
  const unknown = p.probandSex === 'unknown';
  const auto = "v.chrom NOT IN ('X', 'Y', 'MT')";
  const xnp = `v.chrom = 'X' AND ${NOT_PAR}`;
  const both = 'fam.m IS NOT NULL AND fam.f IS NOT NULL';
  const clean = 'fam.aff_carry AND NOT fam.unaff_carry';
  const xlrProband = male
    ? 'fam.p >= 1'
    : unknown
      ? '(fam.p = 2 OR (fam.p >= 1 AND fam.p_ploidy = 1))'
      : 'fam.p = 2 AND coalesce(fam.f >= 1, true)';
  const xConfirmed = (when: string): string => (unknown ? 'false' : when);
  const rows: [string, string, string][] = [
    ['autosomal_dominant', `${auto} AND fam.p = 1 AND ${clean}`, both],
    [
      'de_novo',
      male
        ? `((${auto} AND fam.p = 1 AND fam.f = 0) OR (${xnp} AND fam.p >= 1)) AND fam.m = 0 AND ${clean}`
        : `(${auto} OR ${xnp}) AND fam.p = 1 AND fam.m = 0 AND fam.f = 0 AND ${clean}`,
      unknown ? `v.chrom <> 'X'` : 'true',
    ],
    [
      'homozygous_recessive',
      `${auto} AND fam.p = 2 AND fam.aff_hom AND NOT fam.unaff_hom AND coalesce(fam.m >= 1, true) AND coalesce(fam.f >= 1, true)`,
      both,
    ],
    [
      'x_linked_recessive',
      `${xnp} AND ${xlrProband} AND fam.aff_xlr AND NOT fam.unaff_male_carry AND NOT fam.unaff_female_hom AND coalesce(fam.m >= 1, true)`,
      xConfirmed('fam.m IS NOT NULL'),
    ],
    [
      'x_linked_dominant',
      `${xnp} AND fam.p >= 1 AND ${clean}`,
      xConfirmed('fam.m IS NOT NULL OR fam.f IS NOT NULL'),
    ],
    // Maternal inheritance with variable heteroplasmy and penetrance (decision 0100): unaffected
    // carriers do not exclude (a mother at a lower level, or homoplasmic as in LHON).
    ['mitochondrial', `v.chrom = 'MT' AND fam.p >= 1 AND fam.aff_carry_mt`, 'fam.m IS NOT NULL'],
  ];
  const fam = familySql(db, p);
  return rows
    .map(
      ([mode, when, confirmed]) =>
        `SELECT v.vid, '${mode}' AS mode, CASE WHEN ${confirmed} THEN 'confirmed' ELSE 'possible' END AS status
  FROM ${db}.main.variants v JOIN fam ON fam.vid = v.vid WHERE ${when}`,
    )
    .reduce(
      (sql, part, i) => (i === 0 ? `WITH fam AS (${fam})\n${part}` : `${sql}\nUNION ALL\n${part}`),
      '',
    );
}

/** The compound-het side rows: SELECT vid, gene, side, ps. */
export function comphetSidesSelectSql(db: string, p: PedigreeShape): string {
  return `WITH fam AS (${familySql(db, p)})
  SELECT v.vid, vg.gene,
    CASE
      WHEN fam.m IS NOT NULL AND fam.f IS NOT NULL THEN
        CASE WHEN fam.m >= 1 AND fam.f = 0 THEN 'mother' WHEN fam.f >= 1 AND fam.m = 0 THEN 'father'
             WHEN fam.m = 0 AND fam.f = 0 THEN 'de_novo' END
      WHEN fam.m IS NOT NULL THEN CASE WHEN fam.m >= 1 THEN 'mother' ELSE 'not_mother' END
      WHEN fam.f IS NOT NULL THEN CASE WHEN fam.f >= 1 THEN 'father' ELSE 'not_father' END
      WHEN fam.p_hap IS NOT NULL THEN 'hap' || CAST(fam.p_hap AS VARCHAR)
      ELSE 'unknown' END AS side,
    CASE WHEN fam.p_hap IS NOT NULL THEN coalesce(fam.p_ps, -1) END AS ps
  FROM ${db}.main.variants v JOIN fam ON fam.vid = v.vid JOIN ${db}.main.variant_genes vg ON vg.vid = v.vid
  WHERE v.chrom NOT IN ('X', 'Y', 'MT') AND fam.p = 1 AND NOT fam.unaff_hom`;
}

/** The bits of `variants.inh_mask` for one mode: fits (any status), confirmed. */
export function inheritanceBits(mode: InheritanceMode): { fits: number; confirmed: number } {
  const i = INHERITANCE_MODES.indexOf(mode);
  return { fits: 1 << i, confirmed: 1 << (i + 8) };
}

/** The modes as `inh_mask` SQL: bit_or over the allele's `inheritance` rows. */
function maskSql(): string {
  const bits = INHERITANCE_MODES.map((m) => {
    const b = inheritanceBits(m);
    return `WHEN '${m}' THEN CASE WHEN status = 'confirmed' THEN ${String(b.fits | b.confirmed)} ELSE ${String(b.fits)} END`;
  });
  return `bit_or(CASE mode ${bits.join(' ')} END)`;
}

/** The clinical default order of the variant table (filterSql.ts): most severe, rarest, position. */
export const CHROM_RANK = `CASE chrom WHEN 'X' THEN 23 WHEN 'Y' THEN 24 WHEN 'MT' THEN 25 ELSE TRY_CAST(chrom AS INTEGER) END`;
export const DEFAULT_ORDER = `impact_rank DESC, coalesce(pop_af, 0), ${CHROM_RANK}, pos, alt`;

/**
 * Fills the two tables of a freshly written case database (side by side), then the derived
 * columns of `variants`: `inh_mask` from `inheritance`, `sort_key` from DEFAULT_ORDER (ties by vid).
 */
export function materializeInheritanceStages(db: string, p: PedigreeShape): SqlStages {
  return [
    [
      [`INSERT INTO ${db}.main.inheritance ${inheritanceSelectSql(db, p)}`],
      [
        // The sides alone: the filter table's columns are copied in with the query layout (0093).
        `INSERT INTO ${db}.main.comphet_sides (vid, gene, side, ps) SELECT * FROM (${comphetSidesSelectSql(db, p)}) WHERE side IS NOT NULL`,
      ],
    ],
    [[derivedColumnsSql(db)]],
  ];
}

/** materializeInheritanceStages as one sequence (tests, the trio fixture). */
export function materializeInheritanceSql(db: string, p: PedigreeShape): string[] {
  return flatStages(materializeInheritanceStages(db, p));
}

/**
 * Fills `variants.inh_mask` and `variants.sort_key` from the `inheritance` table and the rows (the
 * import's last step, and the upgrade of a schema-1 case, caseUpgrade.ts).
 */
export function derivedColumnsSql(db: string): string {
  return `UPDATE ${db}.main.variants AS t SET inh_mask = coalesce(m.mask, 0), sort_key = o.rk
FROM (SELECT vid, (row_number() OVER (ORDER BY ${DEFAULT_ORDER}, vid) - 1)::INTEGER AS rk FROM ${db}.main.variants) o
LEFT JOIN (SELECT vid, ${maskSql()}::INTEGER AS mask FROM ${db}.main.inheritance GROUP BY vid) m ON m.vid = o.vid
WHERE o.vid = t.vid`;
}

/**
 * A kept row's modes in name order (as ORDER BY mode), over the alias `p` with `inh_mask` and
 * `ch_status` ('confirmed', 'possible' or NULL): the fixed ones from the mask, compound_het paired.
 */
export function modesSql(p: string): string {
  const modes = [...INHERITANCE_MODES].sort().map((m) => {
    if (m === 'compound_het')
      return `CASE ${p}.ch_status WHEN 'confirmed' THEN 'compound_het' WHEN 'possible' THEN 'compound_het?' END`;
    const b = inheritanceBits(m);
    return `CASE WHEN (${p}.inh_mask & ${String(b.confirmed)}) <> 0 THEN '${m}' WHEN (${p}.inh_mask & ${String(b.fits)}) <> 0 THEN '${m}?' END`;
  });
  return `list_filter([${modes.join(', ')}], x -> x IS NOT NULL)`;
}
