import { describe, expect, it } from 'vitest';
import type { VariantRow } from '../../../shared/search/results';
import type { BeaconQueryParts } from './beaconRequest';
import { partsForNode, placeRows } from './assemblyQuery';

const variantQuery: BeaconQueryParts = {
  entryType: 'g_variants',
  params: {
    assemblyId: 'GRCh38',
    referenceName: '7',
    start: 140753335,
    referenceBases: 'A',
    alternateBases: 'T',
  },
  filters: [],
  granularity: 'record',
};
const GRCh37 = { assembly: 'GRCh37', source: 'node', name: 'GRCh37' } as const;

describe('issue 15 item 2: queries in the node’s assembly', () => {
  it('lifts a variant query (BRAF V600E) for a GRCh37 node and leaves REF to be compared', () => {
    const np = partsForNode(variantQuery, { id: 'DE' }, GRCh37);
    expect(np).toEqual({
      ok: true,
      parts: {
        ...variantQuery,
        params: { assemblyId: 'GRCh37', referenceName: '7', start: 140453135, alternateBases: 'T' },
      },
      asked: 'GRCh37 7-140453136-A-T',
    });
  });

  it('issue 22: a variant with no place on the node’s assembly: main’s English and a code', () => {
    const lost = {
      ...variantQuery,
      params: { ...variantQuery.params, referenceName: '1', start: 1 },
    };
    expect(partsForNode(lost, { id: 'DE' }, GRCh37)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^The variant 1-2-A-T has no place on GRCh37/) as unknown,
      problem: { code: 'variant-unplaced', where: '1-2-A-T', assembly: 'GRCh37', lift: 'unmapped' },
    });
  });

  it('lifts a region, keeps GRCh38 nodes as they are, and says why a node is not asked', () => {
    const region = {
      ...variantQuery,
      params: { assemblyId: 'GRCh38', referenceName: '17', start: 7675087, end: 7675088 },
    };
    expect(partsForNode(region, { id: 'DE' }, GRCh37)).toMatchObject({
      ok: true,
      asked: 'GRCh37 17:7578406-7578406',
    });
    expect(
      partsForNode(
        region,
        { id: 'FI' },
        { assembly: 'GRCh38', source: 'directory', name: 'GRCh38' },
      ),
    ).toEqual({ ok: true, parts: region });
    expect(
      partsForNode(
        region,
        { id: 'T2' },
        { assembly: undefined, source: 'directory', name: 'T2T-CHM13' },
      ),
    ).toEqual({
      ok: false,
      message:
        'Node T2 holds its data on T2T-CHM13, which Cohort Desk cannot convert GRCh38 coordinates to; it was not asked.',
      problem: { code: 'no-conversion', assembly: 'T2T-CHM13' },
    });
    const nowhere = {
      ...region,
      params: { ...region.params, referenceName: '1', start: 1, end: 5 },
    };
    expect(partsForNode(nowhere, { id: 'DE' }, GRCh37)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/has no single place on GRCh37/) as unknown,
      // Issue 22: the same as a code and parameters the renderer words.
      problem: { code: 'region-unplaced', where: '1:2-5', assembly: 'GRCh37', lift: 'unmapped' },
    });
    const gene = { ...variantQuery, params: { geneId: 'BRCA1' } };
    expect(partsForNode(gene, { id: 'DE' }, GRCh37)).toEqual({ ok: true, parts: gene });
  });
});

const located = (
  chr: string,
  start: number,
  ref: string,
  alt: string,
  assembly?: 'GRCh37' | 'GRCh38',
): VariantRow => ({
  kind: 'variant',
  nodeId: 'DE',
  datasetId: 'DE-CA-01',
  id: `gv-${String(start)}`,
  gene: 'BRAF',
  consequence: 'missense_variant',
  hgvs: 'p.Val600Glu',
  location: {
    chr,
    start,
    end: start + ref.length,
    ref,
    alt,
    from: 'vrs',
    ...(assembly === undefined ? {} : { assembly }),
  },
});

describe('issue 15 item 2: returned positions on GRCh38', () => {
  it('lifts GRCh37 rows, keeps the node’s own place, and learns the assembly from accessions', () => {
    const placed = placeRows([located('7', 140453135, 'A', 'T', 'GRCh37')], 'GRCh38', undefined);
    expect(placed.rows[0]).toMatchObject({
      location: {
        chr: '7',
        start: 140753335,
        end: 140753336,
        ref: 'A',
        alt: 'T',
        assembly: 'GRCh38',
      },
      nodePlace: { assembly: 'GRCh37', chrom: '7', pos: 140453136, ref: 'A', alt: 'T' },
    });
    expect([...placed.seen]).toEqual(['GRCh37']);
  });

  it('says where there is no GRCh38 place, and where REF differs from the query’s', () => {
    const placed = placeRows(
      [located('1', 5, 'N', 'A'), located('7', 140453135, 'A', 'T')],
      'GRCh37',
      'G',
    );
    expect(placed.rows[0]).toMatchObject({
      location: { assembly: 'GRCh37' },
      unplaced: 'no GRCh38 position: the position lies outside every aligned block of the chain',
    });
    expect(placed.rows[1]).toMatchObject({
      refNote: 'REF differs between assemblies: GRCh38 G, GRCh37 A',
      // Issue 22: the same as parameters the renderer words.
      refDiffers: { asked: 'G', node: 'A', assembly: 'GRCh37' },
    });
    expect(placed.notes).toEqual([
      'DE-CA-01 gv-140453135: REF differs between assemblies: GRCh38 G, GRCh37 A.',
    ]);
  });
});
