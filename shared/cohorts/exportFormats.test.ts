import { describe, expect, it } from 'vitest';
import { splitAgeBand } from './ageBand';
import type { CohortVariantRow } from './exportFormats';
import { NO_VARIANT, toCsv, toExportRow } from './exportFormats';

const individual = {
  dataset_id: 'FI-RD-01',
  node_id: 'FI',
  individual_id: 'I1',
  sex: 'female',
  age_band: '1980-1989',
  country: 'FI',
  diseases: ['ORPHA:145', 'ICD10:Z99.9'],
  phenotypes: ['HP:0000098', 'HP:0000252'],
};
const carrier: CohortVariantRow = {
  ...individual,
  variant_key: '17-43057062-T-TG',
  chrom: '17',
  pos: 43057062,
  ref: 'T',
  alt: 'TG',
  gene: 'BRCA1',
  consequence: 'frameshift_variant',
  hgvs_c: 'NM_007294.4:c.5266dup',
  hgvs_p: null,
  clin_sig: 'pathogenic',
  af: 0.0004,
  zygosity: 'het',
};

describe('cohort export formats', () => {
  it('CSV puts provenance first, quotes cells and defuses formulas', () => {
    const csv = toCsv([
      toExportRow({ ...individual, ...NO_VARIANT }),
      toExportRow({ ...individual, ...NO_VARIANT, individual_id: '=HYPERLINK("x")' }),
    ]);
    const lines = csv.split('\r\n');
    expect(lines[0]?.startsWith('dataset_id,node_id,individual_id,')).toBe(true);
    expect(lines[1]?.startsWith('"FI-RD-01","FI","I1","female",')).toBe(true);
    expect(lines[2]).toContain('"\'=HYPERLINK(""x"")"');
  });

  it('issue 13: a row carries the matching variant with zygosity, labels beside codes, birth years named', () => {
    const lines = toCsv([toExportRow(carrier)]).split('\r\n');
    expect(lines[0]).toBe(
      'dataset_id,node_id,individual_id,sex,birth_year_band,age_band,country,disease_ids,' +
        'disease_labels,phenotype_ids,phenotype_labels,variant_key,chrom,position_grch38,ref,alt,' +
        'gene,consequence,hgvs_c,hgvs_p,clinical_significance,allele_frequency,zygosity',
    );
    expect(lines[1]).toBe(
      '"FI-RD-01","FI","I1","female","1980-1989","","FI","ORPHA:145;ICD10:Z99.9",' +
        '"Hereditary breast and ovarian cancer syndrome;ICD10:Z99.9","HP:0000098;HP:0000252",' +
        '"Tall stature;Microcephaly","17-43057062-T-TG","17","43057062","T","TG","BRCA1",' +
        '"frameshift_variant","NM_007294.4:c.5266dup","","pathogenic","0.0004","heterozygous"',
    );
  });

  it('issue 13: a birth-year band is never called an age, and an age band is never a birth year', () => {
    expect(splitAgeBand('1980-1989')).toEqual({ birthYears: '1980-1989', ageBand: null });
    expect(splitAgeBand('40-49')).toEqual({ birthYears: null, ageBand: '40-49' });
    expect(splitAgeBand(null)).toEqual({ birthYears: null, ageBand: null });
    const aged = toExportRow({ ...individual, ...NO_VARIANT, age_band: '40-49' });
    expect([aged.birth_year_band, aged.age_band]).toEqual([null, '40-49']);
  });
});
