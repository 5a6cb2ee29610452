import { describe, expect, it } from 'vitest';
// Tests only: the demo federation's tumour-type mapping and somatic alleles are checked against
// the app's own vocabulary and knowledge, so the app can read what the demo plants.
import { ONCOTREE_PREFIX, ONCOTREE_ROWS } from '../../../../federation/reference/oncotree';
import { SOMATIC_ALLELES } from '../../../../federation/generator/somatic';
import { civicOf, hotspotOf, mafKey } from '../../../../shared/cancer/knowledge';
import { TUMOUR_TYPES } from '../../../../shared/cancer/tumourTypes';

describe('issue 19: the demo federation speaks the app’s cancer vocabulary', () => {
  it('issue 19: every tumour type the demo assigns is in the committed OncoTree subset, with its name', () => {
    const subset = new Map(TUMOUR_TYPES.map((t) => [t.code, t.name]));
    for (const [id, name] of ONCOTREE_ROWS)
      expect(subset.get(id.slice(ONCOTREE_PREFIX.length)), id).toBe(name);
  });

  it('issue 19: every somatic allele is a GRCh38 hotspot allele of the knowledge tables; the planted one has CIViC evidence', () => {
    for (const s of SOMATIC_ALLELES) {
      const [chrom = '', pos = '', ref = '', alt = ''] = s.variantId.split('-');
      const key = mafKey(chrom, Number(pos), ref, alt);
      expect(hotspotOf(s.gene, key, null), s.variantId).toMatchObject({
        level: 'allele',
        label: `${s.gene} ${s.aaChange}`,
      });
      if (s.planted !== undefined)
        expect(
          civicOf(s.gene, key, null).map((c) => c.matchedBy),
          s.variantId,
        ).toContain('allele-grch38');
    }
  });
});
