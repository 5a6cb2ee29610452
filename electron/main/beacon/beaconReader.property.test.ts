/**
 * Property tests of the tolerant reader (issue 15) that need no ../shared: responses shaped as the
 * Beacon v2.1.1 framework and default model describe them, optional members present or absent,
 * v2.0 shapes mixed in. The same properties run over responses generated from the official
 * schemas themselves in beaconReader.conformance.test.ts (npm run conformance).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerWith } from './testing/answerWith';
import {
  BREAKING,
  clone,
  resultSetsOf,
  SET_BREAKING,
  toleratedSubset,
} from './testing/responseMutations';

const term = fc.record(
  { id: fc.stringMatching(/^[A-Z]{2,6}:[0-9A-Za-z]{1,8}$/), label: fc.string({ maxLength: 12 }) },
  { requiredKeys: ['id'] },
);
const granularity = fc.constantFrom('boolean', 'count', 'record');

const individual = fc.record(
  {
    id: fc.string({ minLength: 1, maxLength: 10 }),
    sex: term,
    phenotypicFeatures: fc.array(fc.record({ featureType: term }), { maxLength: 3 }),
    diseases: fc.array(fc.record({ diseaseCode: term }), { maxLength: 2 }),
    geographicOrigin: term,
  },
  { requiredKeys: ['id', 'sex'] },
);

const base = fc.constantFrom('A', 'C', 'G', 'T');
const bases = fc.array(base, { minLength: 1, maxLength: 4 }).map((b) => b.join(''));
const interval = fc.tuple(fc.nat({ max: 250_000_000 }), fc.nat({ max: 3 })).map(([start, len]) => ({
  type: 'SequenceInterval',
  start: { type: 'Number', value: start },
  end: { type: 'Number', value: start + len },
}));
const chromosome = fc.integer({ min: 1, max: 24 }).map((n) => String(n).padStart(2, '0'));
const variation = fc.oneof(
  // LegacyVariation with a VRS location (the demo nodes, beacon2-ri-api)
  fc.record({
    variantType: fc.constantFrom('SNP', 'DEL', 'INS', 'MNP'),
    alternateBases: bases,
    location: fc.record({
      type: fc.constant('SequenceLocation'),
      sequence_id: chromosome.map((c) => `refseq:NC_0000${c}.11`),
      interval,
    }),
  }),
  // VRS 1.3 Allele
  fc.record({
    type: fc.constant('Allele'),
    location: fc.record({
      type: fc.constant('SequenceLocation'),
      sequence_id: fc.string(),
      interval,
    }),
    state: fc.record({ type: fc.constant('LiteralSequenceExpression'), sequence: bases }),
  }),
);
const variant = fc.record(
  {
    variantInternalId: fc.string({ minLength: 1, maxLength: 12 }),
    variation,
    identifiers: fc.record(
      { genomicHGVSId: fc.string(), proteinHGVSIds: fc.array(fc.string(), { maxLength: 2 }) },
      { requiredKeys: [] },
    ),
    molecularAttributes: fc.record(
      {
        geneIds: fc.array(fc.string(), { maxLength: 2 }),
        molecularEffects: fc.array(term, { maxLength: 2 }),
      },
      { requiredKeys: [] },
    ),
    caseLevelData: fc.array(fc.record({ biosampleId: fc.string(), zygosity: term }), {
      maxLength: 3,
    }),
  },
  { requiredKeys: ['variantInternalId', 'variation'] },
);

const resultSet = (record: fc.Arbitrary<unknown>) =>
  fc
    .record(
      {
        id: fc.string({ maxLength: 8 }),
        setType: fc.constant('dataset'),
        exists: fc.boolean(),
        results: fc.array(record, { maxLength: 3 }),
        info: fc.record({ returnedGranularity: granularity }, { requiredKeys: [] }),
        resultsHandovers: fc.array(
          fc.record(
            { handoverType: term, url: fc.webUrl(), note: fc.string() },
            { requiredKeys: ['handoverType', 'url'] },
          ),
          { maxLength: 1 },
        ),
      },
      { requiredKeys: ['id', 'setType', 'exists', 'results'] },
    )
    .chain((s) =>
      fc
        .nat({ max: 5000 })
        .map((extra) => ({ ...s, resultsCount: s.results.length + (s.exists ? extra : 0) })),
    );

const response = (record: fc.Arbitrary<unknown>) =>
  fc.record(
    {
      meta: fc.record(
        {
          beaconId: fc.string(),
          apiVersion: fc.constantFrom('v2.0.0', 'v2.1.1'),
          returnedGranularity: granularity,
          receivedRequestSummary: fc.record({
            apiVersion: fc.constant('v2.1.1'),
            requestedSchemas: fc.constant([]),
            pagination: fc.record({ skip: fc.nat(), limit: fc.nat() }),
            requestedGranularity: granularity,
          }),
          returnedSchemas: fc.array(fc.record({ entityType: fc.string(), schema: fc.string() }), {
            maxLength: 2,
          }),
          testMode: fc.boolean(),
        },
        {
          requiredKeys: [
            'beaconId',
            'apiVersion',
            'returnedGranularity',
            'receivedRequestSummary',
            'returnedSchemas',
          ],
        },
      ),
      responseSummary: fc.record(
        { exists: fc.boolean(), numTotalResults: fc.nat() },
        { requiredKeys: ['exists'] },
      ),
      response: fc.record({ resultSets: fc.array(resultSet(record), { maxLength: 4 }) }),
      info: fc.dictionary(fc.string({ maxLength: 5 }), fc.string(), { maxKeys: 2 }),
    },
    { requiredKeys: ['meta', 'responseSummary'] },
  );

const cases = fc.oneof(
  fc.tuple(fc.constant('individuals' as const), response(individual)),
  fc.tuple(fc.constant('g_variants' as const), response(variant)),
);

describe('issue 15: the reader over varied, valid Beacon responses (fast-check)', () => {
  it('issue 15: valid responses, optional members present or absent, never crash the reader nor make a node error', async () => {
    await fc.assert(
      fc.asyncProperty(cases, async ([target, body]) => {
        const a = await answerWith(body, { genomic: 'BRCA1', target });
        expect(a.status, a.message).toBe('ok');
        expect(a.datasets?.filter((d) => d.unreadable !== undefined)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('issue 15: v2.0 shapes and other tolerated departures still read', async () => {
    await fc.assert(
      fc.asyncProperty(cases, toleratedSubset, async ([target, body], changes) => {
        const changed = clone(body) as Record<string, unknown>;
        for (const c of changes) c.apply(changed);
        const a = await answerWith(changed, { genomic: 'BRCA1', target });
        expect(a.status, a.message).toBe('ok');
        if (changes.some((c) => c.noted(changed))) expect(a.notes?.length ?? 0).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });

  it('issue 15: a broken required member gives a located error for that node; a broken result set only that set', async () => {
    await fc.assert(
      fc.asyncProperty(cases, fc.constantFrom(...BREAKING), async ([target, body], b) => {
        const broken = clone(body) as Record<string, unknown>;
        b.apply(broken);
        const a = await answerWith(broken, { genomic: 'BRCA1', target });
        expect(a.status, b.name).toBe('error');
        expect(a.message).toContain(`(at "${b.where}")`);
      }),
      { numRuns: 100 },
    );
    await fc.assert(
      fc.asyncProperty(cases, fc.constantFrom(...SET_BREAKING), async ([target, body], b) => {
        const broken = clone(body) as Record<string, unknown>;
        const first = resultSetsOf(broken)[0];
        if (first === undefined) return;
        b.apply(first);
        const a = await answerWith(broken, { genomic: 'BRCA1', target });
        expect(a.status, b.name).toBe('ok');
        expect(a.datasets?.[0]?.unreadable, b.name).toMatch(/^response\.resultSets\[0\]: /);
      }),
      { numRuns: 100 },
    );
  });
});
