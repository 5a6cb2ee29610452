/**
 * Cohort bitmaps ORed from groups stored with the layout (layout.ts): carriers per consequence and
 * AF bucket (`cd_carrier_groups`, decision 0098), individuals per sex and country
 * (`cd_individual_bits`) and dense carriers per gene and AF bucket (`cd_gene_carrier_groups`,
 * decision 0103). Each equals the bitmap the plain scan builds (carrierGroups.test.ts,
 * individualBits.test.ts).
 */
import type { BoundSql } from './boundSql';
import { inList, joinSql, sql } from './boundSql';
import type { GenotypeCriterion } from './definition';
import { AF_EDGES, afBucket } from './layout';

/**
 * The carriers of a genotype criterion without a gene from `cd_carrier_groups` (layout 7, decision
 * 0098), or undefined (a gene criterion reads its variants, which the layout's sort keeps
 * together). The criterion's consequence and AF bound select whole groups: a group's bucket holds
 * AFs up to its edge, so it is in when its edge is within the bound (a NULL AF's group only without
 * a bound, as `v.af <= ?` never holds for NULL). The variants of the one bucket the bound cuts
 * (AF above the largest edge within the bound, up to the bound) are read from their lists as
 * before; none when the bound is an edge. Dense groups are ORed as bitmaps, the rest unnested.
 */
export function groupCarrierBits(
  db: string,
  last: number,
  g: GenotypeCriterion,
  variant: BoundSql,
): BoundSql | undefined {
  if ((g.gene ?? '') !== '') return undefined;
  const parts: BoundSql[] = [];
  if ((g.consequence ?? '') !== '')
    parts.push({ sql: 'c.consequence = ?', params: [g.consequence ?? ''] });
  const max = g.maxAf;
  let cut: BoundSql | undefined;
  if (max !== undefined) {
    const within = AF_EDGES.filter((e) => e <= max);
    if (within.length === 0) return undefined;
    const edge = Math.max(...within);
    parts.push({ sql: 'c.af_hi <= ?', params: [max] });
    if (edge !== max)
      cut = sql(`SELECT unnest(v.carriers) AS ix FROM ${db}.cd_variants v WHERE `, variant, {
        sql: ' AND v.af > ?',
        params: [edge],
      });
  }
  const groups = parts.length === 0 ? { sql: 'TRUE', params: [] } : joinSql(parts, ' AND ');
  const lists = sql(
    `SELECT unnest(c.ixs) AS ix FROM ${db}.cd_carrier_groups c WHERE c.ixs IS NOT NULL AND `,
    groups,
  );
  return sql(
    `(SELECT bit_or(b) FROM (SELECT c.bits AS b FROM ${db}.cd_carrier_groups c `,
    'WHERE c.bits IS NOT NULL AND ',
    groups,
    ` UNION ALL SELECT bitstring_agg(ix, 0, ${String(last)}) FROM (`,
    lists,
    ...(cut === undefined ? [] : [' UNION ALL ', cut]),
    ')))',
  );
}

/**
 * A bitmap ORed from stored groups (decision 0098's form): the `bits` of the rows of `table` (alias
 * k) where `groups` holds, plus those of its rows stored as an ix list, plus `more` (a select of
 * ix), when given. NULL when nothing matches, which ANDs and counts as the empty set.
 */
function storedBits(
  db: string,
  last: number,
  table: string,
  groups: BoundSql,
  lists: boolean,
  more?: BoundSql,
): BoundSql {
  const rest: BoundSql[] = [];
  if (lists)
    rest.push(
      sql(`SELECT unnest(k.ixs) AS ix FROM ${db}.${table} k WHERE k.ixs IS NOT NULL AND `, groups),
    );
  if (more !== undefined) rest.push(more);
  return sql(
    `(SELECT bit_or(b) FROM (SELECT k.bits AS b FROM ${db}.${table} k WHERE k.bits IS NOT NULL AND `,
    groups,
    ...(rest.length === 0
      ? []
      : [
          ` UNION ALL SELECT bitstring_agg(ix, 0, ${String(last)}) FROM (`,
          joinSql(rest, ' UNION ALL '),
          ')',
        ]),
    '))',
  );
}

/** The individuals of the chosen values of one column, from `cd_individual_bits` (decision 0103). */
export const individualBits = (
  db: string,
  last: number,
  kind: 'sex' | 'country',
  values: readonly string[],
): BoundSql =>
  storedBits(
    db,
    last,
    'cd_individual_bits',
    sql({ sql: 'k.kind = ? AND ', params: [kind] }, inList('k.value', values)),
    true,
  );

/**
 * The carriers of a genotype criterion with a gene and no consequence from `cd_gene_carrier_groups`
 * (layout 8, decision 0103), or undefined. The gene's stored (dense) buckets within the AF bound
 * (all of them without a bound) are ORed; the gene's variants that match the criterion and whose
 * bucket is not one of those are read from their lists as before: the variants of sparse buckets
 * and of the bucket a bound between edges cuts. The partition is exact: a matching variant's bucket
 * is within the bound exactly when the bound is at or above its edge.
 */
export function geneCarrierBits(
  db: string,
  last: number,
  g: GenotypeCriterion,
  variant: BoundSql,
): BoundSql | undefined {
  if ((g.gene ?? '') === '' || (g.consequence ?? '') !== '') return undefined;
  const parts: BoundSql[] = [{ sql: 'k.gene_key = upper(?)', params: [g.gene ?? ''] }];
  if (g.maxAf !== undefined) parts.push({ sql: 'k.af_hi <= ?', params: [g.maxAf] });
  const groups = joinSql(parts, ' AND ');
  const rest = sql(
    `SELECT unnest(v.carriers) AS ix FROM ${db}.cd_variants v WHERE `,
    variant,
    ` AND coalesce(${afBucket('v.af')}, -1) NOT IN (SELECT coalesce(k.af_hi, -1) `,
    `FROM ${db}.cd_gene_carrier_groups k WHERE `,
    groups,
    ')',
  );
  return storedBits(db, last, 'cd_gene_carrier_groups', groups, false, rest);
}
