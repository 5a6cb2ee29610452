/**
 * Conformance of the search client's Beacon reader (issue 15, BCN-04) against the official Beacon
 * v2.1.1 schemas and examples in ../shared: property tests over responses generated from the
 * schemas (valid but varied, plus v2.0 shapes), located errors for broken required members, and
 * every official example the reader has a use for. Skips with a reason when ../shared is absent.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SearchQuerySchema } from '../../../shared/search/query';
import { readEntryResponse } from './beaconReader';
import { FilteringTermsResponseZ } from './beaconSchemas';
import { readRecord } from './recordRows';
import { answerWith } from './testing/answerWith';
import {
  BASE,
  exampleFiles,
  FRAMEWORK,
  loadAjv,
  loadSchemaDocs,
  MODEL,
  schemasPresent,
  SPECS,
} from './testing/officialSchemas';
import {
  BREAKING,
  clone,
  resultSetsOf,
  SET_BREAKING,
  toleratedSubset,
} from './testing/responseMutations';
import { schemaArbitrary } from './testing/schemaArbitrary';

if (!schemasPresent)
  process.stdout.write(`reader conformance: skipped, official schemas not found under ${SPECS}\n`);

type Json = Record<string, unknown>;
type Target = 'individuals' | 'g_variants';
const RUNS = 100;

describe.skipIf(!schemasPresent)(
  'issue 15: the reader against the official Beacon v2.1.1 schemas',
  () => {
    const docs = loadSchemaDocs();
    const ajv = loadAjv(docs);
    const valid = (url: string, v: unknown): boolean => ajv.getSchema(url)?.(v) === true;
    const RESPONSE = {
      boolean: `${FRAMEWORK}responses/beaconBooleanResponse.json`,
      count: `${FRAMEWORK}responses/beaconCountResponse.json`,
      resultsets: `${FRAMEWORK}responses/beaconResultsetsResponse.json`,
    };
    const RECORD: Record<Target, string> = {
      individuals: `${MODEL}individuals/defaultSchema.json`,
      g_variants: `${MODEL}genomicVariations/defaultSchema.json`,
    };
    const records = {
      individuals: schemaArbitrary(docs, RECORD.individuals),
      g_variants: schemaArbitrary(docs, RECORD.g_variants),
    };
    const envelopes = {
      boolean: schemaArbitrary(docs, RESPONSE.boolean),
      count: schemaArbitrary(docs, RESPONSE.count),
      resultsets: schemaArbitrary(docs, RESPONSE.resultsets),
    };

    /** A response of any kind for the target, its result sets filled with model records. */
    const response = (target: Target) =>
      fc
        .tuple(
          fc.oneof(envelopes.boolean, envelopes.count, envelopes.resultsets),
          fc.array(fc.array(records[target], { maxLength: 3 }), { maxLength: 4 }),
        )
        .map(([body, recs]) => {
          const r = body as Json;
          resultSetsOf(r).forEach((s, i) => {
            s.results = recs[i] ?? [];
          });
          return r;
        });

    /** Valid by the official schemas: the envelope for its kind, and each record for the model. */
    const validResponse = (target: Target, r: Json): boolean => {
      const kind = r.response !== undefined ? 'resultsets' : 'count';
      const envelopeOk = valid(RESPONSE[kind], r) || valid(RESPONSE.boolean, r);
      return (
        envelopeOk &&
        resultSetsOf(r).every(
          (s) => !Array.isArray(s.results) || s.results.every((x) => valid(RECORD[target], x)),
        )
      );
    };

    const cases = fc
      .constantFrom<Target>('individuals', 'g_variants')
      .chain((t) => fc.tuple(fc.constant(t), response(t)));

    it('issue 15: valid responses generated from the schemas (optional members present or absent) never crash the reader nor make a node error', async () => {
      await fc.assert(
        fc.asyncProperty(cases, async ([target, body]) => {
          fc.pre(validResponse(target, body));
          const a = await answerWith(body, { genomic: 'BRCA1', target });
          expect(a.status, a.message).toBe('ok');
          // Every model-valid record with an id is read into a row (an empty id is never a key).
          const expected = resultSetsOf(body)
            .flatMap((s): Json[] => (Array.isArray(s.results) ? (s.results as Json[]) : []))
            .filter((x: Json) => (target === 'individuals' ? x.id : x.variantInternalId) !== '');
          const readable = resultSetsOf(body).filter(
            (s) => typeof s.resultsCount === 'number' && s.resultsCount >= 0,
          );
          if (readable.length === resultSetsOf(body).length)
            expect(a.records?.length ?? 0).toBe(expected.length);
        }),
        { numRuns: RUNS },
      );
    });

    it('issue 15: v2.0 shapes and other tolerated departures still read, with conformance notes', async () => {
      await fc.assert(
        fc.asyncProperty(cases, toleratedSubset, async ([target, body], changes) => {
          fc.pre(validResponse(target, body));
          const changed = clone(body);
          for (const c of changes) c.apply(changed);
          const a = await answerWith(changed, { genomic: 'BRCA1', target });
          expect(a.status, `${changes.map((c) => c.name).join(', ')}: ${String(a.message)}`).toBe(
            'ok',
          );
          if (changes.some((c) => c.noted(body))) expect(a.notes?.length ?? 0).toBeGreaterThan(0);
        }),
        { numRuns: RUNS },
      );
    });

    it('issue 15: breaking a member the answer cannot be read without gives a located, per-node error', async () => {
      await fc.assert(
        fc.asyncProperty(cases, fc.constantFrom(...BREAKING), async ([target, body], breaking) => {
          fc.pre(validResponse(target, body));
          const broken = clone(body);
          breaking.apply(broken);
          const a = await answerWith(broken, { genomic: 'BRCA1', target });
          expect(a.status, breaking.name).toBe('error');
          expect(a.message).toContain(`(at "${breaking.where}")`);
        }),
        { numRuns: RUNS },
      );
    });

    it('issue 15: a broken result set is reported where it is, and the node still answers', async () => {
      await fc.assert(
        fc.asyncProperty(
          cases,
          fc.constantFrom(...SET_BREAKING),
          fc.nat(),
          async ([target, body], breaking, pick) => {
            fc.pre(validResponse(target, body) && resultSetsOf(body).length > 0);
            const broken = clone(body);
            const i = pick % resultSetsOf(broken).length;
            const set = resultSetsOf(broken)[i];
            if (set === undefined) throw new Error('no result set');
            breaking.apply(set);
            const a = await answerWith(broken, { genomic: 'BRCA1', target });
            expect(a.status, breaking.name).toBe('ok');
            expect(a.datasets?.[i]?.unreadable, breaking.name).toMatch(
              new RegExp(`^response\\.resultSets\\[${String(i)}\\]: `),
            );
          },
        ),
        // Needs a response with result sets: most generated ones are skipped, so fewer runs.
        { numRuns: RUNS / 2 },
      );
    });

    it('issue 15: the reader accepts every official example response that validates against its own schema', async () => {
      let accepted = 0;
      for (const { path, doc } of exampleFiles()) {
        const name = path.split('/').pop() ?? '';
        const schema = EXAMPLE_SCHEMA[name];
        if (schema === undefined || !valid(BASE + schema, doc)) continue;
        if (schema.endsWith('beaconFilteringTermsResponse.json'))
          expect(FilteringTermsResponseZ.safeParse(doc).success, path).toBe(true);
        else if (schema.endsWith('beaconErrorResponse.json'))
          expect((await answerWith(doc, {}, 400)).message, path).toMatch(/answered with an error/);
        else
          expect(
            readEntryResponse(doc, 'XX', { entryType: 'individuals', requested: 'record' }).ok,
            path,
          ).toBe(true);
        accepted++;
      }
      expect(accepted).toBeGreaterThan(0);
    });

    it('issue 15: the official entry-response examples, which omit returnedGranularity, are read too', () => {
      const q = SearchQuerySchema.parse({ genomic: 'BRCA1' });
      for (const { path, doc } of exampleFiles()) {
        const name = path.split('/').pop() ?? '';
        if (!ENTRY_EXAMPLES.includes(name)) continue;
        const r = readEntryResponse(doc, 'XX', { entryType: q.target, requested: q.granularity });
        expect(r.ok, path).toBe(true);
        if (r.ok)
          expect(
            r.reading.notes.some((n) => n.includes('returnedGranularity')),
            path,
          ).toBe(true);
      }
      // The official count example carries a count without declaring its granularity: kept.
      const count = exampleFiles().find((e) => e.path.endsWith('beaconCountResponse-example.json'));
      const r = readEntryResponse(count?.doc, 'XX', {
        entryType: 'individuals',
        requested: 'count',
      });
      expect(r.ok && r.reading.count).toEqual({ value: 25355, precision: 'exact' });
    });

    it('issue 15: every official model example record that validates is read into a row; variants are located from the record', () => {
      for (const { path, doc } of exampleFiles()) {
        const m =
          /models\/json\/beacon-v2-default-model\/(individuals|genomicVariations)\/examples\//.exec(
            path,
          );
        if (m === null) continue;
        const target: Target = m[1] === 'individuals' ? 'individuals' : 'g_variants';
        if (!valid(RECORD[target], doc)) continue;
        const r = readRecord(target, 'XX', 'DS', doc);
        expect(r.row, path).toBeDefined();
        if (r.row?.kind === 'variant') expect(r.row.location, path).toBeDefined();
      }
      const vrs = exampleFiles().find((e) =>
        e.path.endsWith('genomicVariant-MIN-VRS-example.json'),
      );
      const row = readRecord('g_variants', 'XX', 'DS', vrs?.doc).row;
      // The id says 55505652; the record's VRS location says 5505652 on NC_000001.10 (GRCh37).
      expect(row?.kind === 'variant' && row.location).toEqual({
        chr: '1',
        start: 5505652,
        end: 5505653,
        alt: 'A',
        assembly: 'GRCh37',
        from: 'vrs',
      });
    });
  },
);

/** Each official full-document example response and the schema it exemplifies. */
const EXAMPLE_SCHEMA: Record<string, string> = {
  'beaconBooleanResponse-example.json': 'framework/json/responses/beaconBooleanResponse.json',
  'beaconCountResponse-example.json': 'framework/json/responses/beaconCountResponse.json',
  'beaconResultsetResponse-MIN-example.json':
    'framework/json/responses/beaconResultsetsResponse.json',
  'beaconErrorResponse_example.json': 'framework/json/responses/beaconErrorResponse.json',
  'beaconFilteringTermsResponse-example.json':
    'framework/json/responses/beaconFilteringTermsResponse.json',
};
const ENTRY_EXAMPLES = [
  'beaconBooleanResponse-example.json',
  'beaconCountResponse-example.json',
  'beaconResultsetResponse-MIN-example.json',
];
