import { describe, expect, it } from 'vitest';
import {
  RecordShapeError,
  toVariant,
  toVariantCarriers,
  zygosityOf,
  ZygosityMemo,
} from './recordConvert';

// TP53 R175H as a GRCh37 server writes it: an opaque id, the place only in VRS and HGVS.
const foreign = {
  variantInternalId: 'gv-0f3a9c1d2e4b5a69',
  variation: {
    variantType: 'SNP',
    referenceBases: 'C',
    alternateBases: 'T',
    location: {
      type: 'SequenceLocation',
      sequence_id: 'refseq:NC_000017.10',
      interval: {
        type: 'SequenceInterval',
        start: { type: 'Number', value: 7578405 },
        end: { type: 'Number', value: 7578406 },
      },
    },
  },
  identifiers: { genomicHGVSId: 'NC_000017.10:g.7578406C>T' },
  molecularAttributes: {
    geneIds: ['TP53'],
    molecularEffects: [{ id: 'SO:0001583', label: 'missense_variant' }],
  },
  caseLevelData: [
    {
      biosampleId: 'bs-1',
      individualId: 'ind-1',
      zygosity: { id: 'GENO:0000458', label: 'simple heterozygous' },
    },
    { biosampleId: 'bs-2', zygosity: { id: 'GENO:0000136', label: 'homozygous' } },
  ],
  frequencyInPopulations: [{ frequencies: [{ population: 'DE-CA-01', alleleFrequency: 0.004 }] }],
};

describe('variant records from any Beacon (issue 15 items 2, 3, 6)', () => {
  it('places an opaque-id GRCh37 record from VRS/HGVS and lifts it to the cache’s GRCh38', () => {
    const c = toVariant(foreign, 0, 'GRCh37');
    if ('unplaced' in c) throw new Error(c.unplaced);
    expect(c.variant).toMatchObject({
      variant_key: '17-7675088-C-T',
      chrom: '17',
      pos: 7675088,
      ref: 'C',
      alt: 'T',
      gene: 'TP53',
    });
    // Allele counts are optional: AC from caseLevelData (het 1 + hom 2), AN from the frequency.
    expect(c.variant).toMatchObject({ ac: 3, an: 750, af: 0.004 });
    // Only biosampleId is required in caseLevelData; GENO simple heterozygous reads as het.
    expect(c.genotypes).toEqual([
      { individual_id: 'ind-1', variant_key: '17-7675088-C-T', zygosity: 'het' },
      { individual_id: 'bs-2', variant_key: '17-7675088-C-T', zygosity: 'hom' },
    ]);
  });

  it('trusts the record’s own accession over the node’s assumed assembly', () => {
    const c = toVariant(foreign, 0, 'GRCh38');
    expect('variant' in c && c.variant.pos).toBe(7675088);
  });

  it('says why a GRCh37 position has no GRCh38 place instead of dropping it silently', () => {
    const telomere = {
      ...foreign,
      variation: {
        referenceBases: 'N',
        alternateBases: 'A',
        location: { sequence_id: 'refseq:NC_000001.10', interval: { start: { value: 10 } } },
      },
      identifiers: {},
    };
    expect(toVariant(telomere, 3, 'GRCh37')).toEqual({
      unplaced: 'GRCh37 1:11 N>A: the position lies outside every aligned block of the chain',
    });
  });

  it('refuses records that contradict themselves or give no place, naming the record', () => {
    const contradicting = {
      ...foreign,
      identifiers: { genomicHGVSId: 'NC_000017.10:g.7578407C>T' },
    };
    expect(() => toVariant(contradicting, 4, 'GRCh37')).toThrow(
      'variant record 4 has a position that its own members disagree on',
    );
    const nowhere = {
      variantInternalId: 'x',
      variation: { referenceBases: 'A', alternateBases: 'G' },
    };
    expect(() => toVariant(nowhere, 5)).toThrow(/variant record 5 has no chromosome/);
    expect(() => toVariant({ ...foreign, caseLevelData: [{ individualId: 'ind-1' }] }, 6)).toThrow(
      /variant record 6 does not follow the Beacon model \(at "caseLevelData.0.biosampleId"\)/,
    );
  });

  it('still reads the demo nodes’ records (chrom-pos-ref-alt ids, GRCh38, allele counts in info)', () => {
    const demo = {
      variantInternalId: '13-32340300-GT-G',
      variation: {
        referenceBases: 'GT',
        alternateBases: 'G',
        location: { sequence_id: 'refseq:NC_000013.11', interval: { start: { value: 32340299 } } },
      },
      caseLevelData: [{ biosampleId: 'BS-x', individualId: 'x', zygosity: { id: 'GENO:0000135' } }],
      info: { alleleCount: 1, alleleNumber: 800 },
    };
    const c = toVariant(demo, 0);
    expect('variant' in c && c.variant).toMatchObject({
      variant_key: '13-32340300-GT-G',
      ac: 1,
      an: 800,
      af: 1 / 800,
    });
  });

  it('reads zygosity from GENO ids or from any ontology’s label', () => {
    expect(zygosityOf({ id: 'GENO:0000134', label: 'hemizygous' })).toBe('hom');
    expect(zygosityOf({ id: 'GENO:0000402', label: 'compound heterozygous' })).toBe('het');
    expect(zygosityOf({ id: 'LOCAL:7', label: 'Homozygous' })).toBe('hom');
    expect(zygosityOf(undefined)).toBe('het');
  });
});

describe('caseLevelData checked without a zod parse per carrier (issue 20)', () => {
  const withCases = (caseLevelData: unknown): unknown => ({ ...foreign, caseLevelData });
  const error = (raw: unknown): string => {
    try {
      toVariant(raw, 4, 'GRCh37');
      return 'accepted';
    } catch (e: unknown) {
      return e instanceof RecordShapeError ? e.message : String(e);
    }
  };

  it('issue 20: accepts and refuses exactly what the model allows, naming the same field', () => {
    const ok = [
      undefined,
      [],
      [{ biosampleId: 'b', extra: { any: 1 } }],
      [{ biosampleId: 'b', individualId: 'i', zygosity: { id: 'X:1', other: 2 } }],
      [{ biosampleId: 'b', zygosity: { id: 'X:1', label: undefined } }],
    ];
    for (const c of ok) expect(error(withCases(c)), JSON.stringify(c)).toBe('accepted');
    const bad: [unknown, string][] = [
      [null, 'caseLevelData'],
      [{}, 'caseLevelData'],
      [[null], 'caseLevelData.0'],
      [[[]], 'caseLevelData.0'],
      [[{ biosampleId: '' }], 'caseLevelData.0.biosampleId'],
      [[{ biosampleId: 'b' }, { individualId: 'i' }], 'caseLevelData.1.biosampleId'],
      [[{ biosampleId: 'b', individualId: '' }], 'caseLevelData.0.individualId'],
      [[{ biosampleId: 'b', individualId: 7 }], 'caseLevelData.0.individualId'],
      [[{ biosampleId: 'b', zygosity: { label: 'het' } }], 'caseLevelData.0.zygosity.id'],
      [
        [{ biosampleId: 'b', zygosity: { id: 'X:1', label: null } }],
        'caseLevelData.0.zygosity.label',
      ],
      [[{ biosampleId: 'b', zygosity: 'het' }], 'caseLevelData.0.zygosity'],
    ];
    for (const [c, at] of bad)
      expect(error(withCases(c)), JSON.stringify(c)).toBe(
        `variant record 4 does not follow the Beacon model (at "${at}")`,
      );
    // A fault elsewhere in a record with valid carriers is still named where it is.
    expect(error({ ...foreign, variantInternalId: '' })).toBe(
      'variant record 4 does not follow the Beacon model (at "variantInternalId")',
    );
  });

  it('issue 20: keeps every carrier with its zygosity', () => {
    const cases = Array.from({ length: 300 }, (_, k) => ({
      biosampleId: `bs-${String(k)}`,
      ...(k % 2 === 0 ? { individualId: `ind-${String(k)}` } : {}),
      ...(k % 3 === 0 ? { zygosity: { id: 'GENO:0000136' } } : {}),
    }));
    const c = toVariant(withCases(cases), 0, 'GRCh37');
    if ('unplaced' in c) throw new Error(c.unplaced);
    expect(c.genotypes).toHaveLength(300);
    expect(c.genotypes[3]).toEqual({
      individual_id: 'bs-3',
      variant_key: '17-7675088-C-T',
      zygosity: 'hom',
    });
    expect(c.genotypes[4]?.individual_id).toBe('ind-4');
  });
});

describe('issue 20: carriers converted without a row per genotype', () => {
  it('the memo answers as zygosityOf for every term, repeated, alternating or beyond the terms it keeps', () => {
    const memo = new ZygosityMemo();
    const terms = [
      undefined,
      { id: 'GENO:0000135', label: 'heterozygous' },
      { id: 'GENO:0000136', label: 'homozygous' },
      { id: 'LOCAL:7', label: 'Homozygous' },
      { id: 'LOCAL:7', label: 'het' },
      { id: 'LOCAL:7' },
      { id: 'GENO:0000135', label: 'homozygous' },
      // More distinct terms than the memo keeps: each still answered by its id and label.
      ...Array.from({ length: 200 }, (_, k) => ({
        id: `X:${String(k)}`,
        label: k % 3 === 0 ? 'hemizygous' : 'carrier',
      })),
    ];
    for (const round of [1, 2])
      for (const term of [...terms, ...terms.slice().reverse()])
        expect(memo.of(term), `${String(round)} ${JSON.stringify(term)}`).toBe(zygosityOf(term));
  });
  it('toVariantCarriers gives the ids and zygosities of toVariant’s genotype rows, in order', () => {
    const cases = Array.from({ length: 50 }, (_, k) => ({
      biosampleId: `bs-${String(k)}`,
      ...(k % 4 === 0 ? {} : { individualId: `ind-${String(k)}` }),
      ...(k % 5 === 0 ? { zygosity: { id: 'GENO:0000136' } } : {}),
      ...(k % 7 === 0 ? { zygosity: { id: 'L:1', label: 'homoplasmic' } } : {}),
    }));
    const record = { ...foreign, caseLevelData: cases, info: undefined };
    const rows = toVariant(record, 0, 'GRCh37');
    const lists = toVariantCarriers(record, 0, 'GRCh37');
    if ('unplaced' in rows || 'unplaced' in lists) throw new Error('not placed');
    expect(lists.variant).toEqual(rows.variant);
    expect(lists.ids).toEqual(rows.genotypes.map((g) => g.individual_id));
    expect(lists.zygosities).toEqual(rows.genotypes.map((g) => g.zygosity));
    // Without the node's allele count, it is counted from the zygosities (hom counts twice).
    expect(lists.variant.ac).toBe(lists.zygosities.reduce((n, z) => n + (z === 'hom' ? 2 : 1), 0));
  });
});
