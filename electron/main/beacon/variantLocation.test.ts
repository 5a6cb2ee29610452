import { describe, expect, it } from 'vitest';
import { alleleKey, vcfKey } from '../../../shared/search/alleles';
import { answerWith, envelope } from './testing/answerWith';
import { fromHgvs, sequenceOf, variantLocation } from './variantLocation';

const vrs = (start: number, end: number, seq = 'refseq:NC_000017.11') => ({
  type: 'SequenceLocation',
  sequence_id: seq,
  interval: {
    type: 'SequenceInterval',
    start: { type: 'Number', value: start },
    end: { type: 'Number', value: end },
  },
});

describe('issue 15 item 3: a variant is located from the record, never from its internal id', () => {
  it('VRS Allele (official MIN-VRS example shape): opaque id, position from variation.location', () => {
    const l = variantLocation({
      variantInternalId: 'GRCh37-1-55505652-G-A',
      variation: {
        type: 'Allele',
        location: vrs(5505652, 5505653, 'refseq:NC_000001.10'),
        state: { type: 'SequenceState', sequence: 'A' },
      },
    });
    expect(l).toEqual({
      chr: '1',
      start: 5505652,
      end: 5505653,
      alt: 'A',
      assembly: 'GRCh37',
      from: 'vrs',
    });
  });

  it('legacy variation with bases and a VRS location (the demo nodes) gives the VCF key', () => {
    const l = variantLocation({
      variantInternalId: 'opaque-7',
      variation: {
        variantType: 'INS',
        referenceBases: 'T',
        alternateBases: 'TG',
        location: vrs(43057061, 43057062),
      },
    });
    expect(l).toMatchObject({
      chr: '17',
      start: 43057061,
      end: 43057062,
      ref: 'T',
      alt: 'TG',
      assembly: 'GRCh38',
    });
    expect(l === undefined ? undefined : vcfKey(l)).toBe('17-43057062-T-TG');
  });

  it('genomic HGVS when the location cannot be read (accession or bare chromosome)', () => {
    expect(
      variantLocation({
        variantInternalId: 'v1',
        variation: {
          variantType: 'SNP',
          alternateBases: 'A',
          location: { type: 'ChromosomeLocation', chr: '1' },
        },
        identifiers: { genomicHGVSId: 'NC_000001.11:g.55039979G>A' },
      }),
    ).toEqual({
      chr: '1',
      start: 55039978,
      end: 55039979,
      ref: 'G',
      alt: 'A',
      assembly: 'GRCh38',
      from: 'hgvs',
    });
    expect(fromHgvs('22:g.16050075A>G')).toMatchObject({
      chr: '22',
      start: 16050074,
      ref: 'A',
      alt: 'G',
    });
    expect(fromHgvs('NC_000017.11:g.43057062_43057063insG')).toMatchObject({
      start: 43057062,
      end: 43057062,
      ref: '',
      alt: 'G',
    });
    expect(fromHgvs('NC_000017.11:g.43124028_43124029del')).toMatchObject({
      start: 43124027,
      end: 43124029,
      alt: '',
    });
    expect(fromHgvs('NC_000017.11:g.100_102delinsT')).toMatchObject({
      start: 99,
      end: 102,
      alt: 'T',
    });
  });

  it('legacy position members (0-based start lists) with the assemblyId they carry', () => {
    expect(
      variantLocation({
        variantInternalId: '22:16050075:A:G',
        variation: {
          variantType: 'SNP',
          referenceBases: 'A',
          alternateBases: 'G',
          location: { sequence_id: 'HGVSid:22:g.16050075A>G', interval: {} },
        },
        _position: { assemblyId: 'GRCh37', refseqId: '22', start: [16050074], end: [16050075] },
      }),
    ).toEqual({
      chr: '22',
      start: 16050074,
      end: 16050075,
      ref: 'A',
      alt: 'G',
      assembly: 'GRCh37',
      from: 'legacy',
    });
  });

  it('strict coordinates: malformed positions or bases give no location rather than a guess', () => {
    expect(variantLocation({ variation: { location: vrs(-1, 2) } })).toBeUndefined();
    expect(
      variantLocation({
        variation: { location: { ...vrs(10, 11), interval: { start: 10.5, end: 11 } } },
      }),
    ).toBeUndefined();
    expect(
      variantLocation({
        variation: { referenceBases: 'TT', alternateBases: 'A', location: vrs(10, 11) },
      }),
    ).toBeUndefined();
    expect(
      variantLocation({ variation: { alternateBases: 'X!', location: vrs(10, 11) } }),
    ).not.toHaveProperty('alt');
    expect(sequenceOf('ga4gh:SQ.F-LrLMe1SRpfUZHkQmvkVKFEGaoDeHul')).toBeUndefined();
    expect(sequenceOf('NC_000017.9')).toEqual({ chr: '17' });
  });

  it('the same allele written VCF-style and VRS-normalised has one key', () => {
    const anchored = {
      chr: '17',
      start: 43057061,
      end: 43057062,
      ref: 'T',
      alt: 'TG',
      from: 'vrs' as const,
    };
    const trimmed = { chr: '17', start: 43057062, end: 43057062, alt: 'G', from: 'vrs' as const };
    expect(alleleKey(anchored)).toBe('17:43057062-43057062:G');
    expect(alleleKey(trimmed)).toBe(alleleKey(anchored));
    expect(alleleKey({ ...trimmed, assembly: 'GRCh37' })).not.toBe(alleleKey(anchored));
  });

  it('issue 15: the records table gets coordinates from any server returning variants', async () => {
    const a = await answerWith(
      envelope({
        response: {
          resultSets: [
            {
              id: 'DS1',
              setType: 'dataset',
              exists: true,
              resultsCount: 1,
              results: [
                {
                  variantInternalId: 'var123',
                  variation: {
                    type: 'Allele',
                    location: vrs(43057062, 43057062),
                    state: { type: 'LiteralSequenceExpression', sequence: 'G' },
                  },
                  identifiers: { genomicHGVSId: 'NC_000017.11:g.43057062_43057063insG' },
                  molecularAttributes: { geneIds: ['BRCA1'] },
                  caseLevelData: [{ biosampleId: 'b1', zygosity: { id: 'GENO:0000135' } }],
                },
              ],
            },
          ],
        },
      }),
      { genomic: 'BRCA1', target: 'g_variants' },
    );
    expect(a.records?.[0]).toMatchObject({
      kind: 'variant',
      id: 'var123',
      gene: 'BRCA1',
      carriers: 1,
      location: {
        chr: '17',
        start: 43057062,
        end: 43057062,
        alt: 'G',
        assembly: 'GRCh38',
        from: 'vrs',
      },
    });
  });
});
