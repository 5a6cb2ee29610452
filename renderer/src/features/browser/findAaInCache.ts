import { cacheChrom } from '../../igv/cohortReader';
import { getCohortQuery } from '../../igv/cohortSource';
import type { FindAaVariant } from '../../igv/locus';

/** Finds a gene's variant by protein change (hgvs_p ends with it, one- or three-letter) in the cache. */
export const findAaInCache: FindAaVariant = async (gene, aa) => {
  const query = getCohortQuery();
  if (query === undefined) return undefined;
  const rows = await query(
    'SELECT chrom, pos FROM variants WHERE gene = ? AND (hgvs_p LIKE ? OR hgvs_p LIKE ?) ORDER BY pos LIMIT 1',
    [gene, `%${aa}`, `%${aa})`],
  );
  const row = rows[0];
  if (row === undefined) return undefined;
  return {
    chrom: cacheChrom(typeof row['chrom'] === 'string' ? row['chrom'] : ''),
    pos: Number(row['pos']),
  };
};
