import { findVariantByProtein } from '../../db';
import { cacheChrom } from '../../igv/cohortReader';
import type { FindAaVariant } from '../../igv/locus';
import { useStore } from '../../store';
import { cacheIsOpen } from '../../store/cacheSlice';

/** Finds a gene's variant by protein change (hgvs_p ends with it, one- or three-letter) in the cache. */
export const findAaInCache: FindAaVariant = async (gene, aa) => {
  if (!cacheIsOpen(useStore.getState())) return undefined;
  const found = await findVariantByProtein(gene, aa);
  return found === undefined ? undefined : { chrom: cacheChrom(found.chrom), pos: found.pos };
};
