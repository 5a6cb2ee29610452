import { describe, expect, it } from 'vitest';
import { answerWith, envelope } from './testing/answerWith';

const individual = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  sex: { id: 'NCIT:C16576', label: 'female' },
  ...extra,
});
const set = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  setType: 'dataset',
  exists: true,
  resultsCount: 1,
  results: [individual(`${id}-1`)],
  ...extra,
});
const withSets = (sets: unknown[], extra: Record<string, unknown> = {}) =>
  envelope({ response: { resultSets: sets }, ...extra });

describe('issue 15 item 1: tolerant reading, per result set', () => {
  it('issue 15: v2.0 returnedSchemas strings, null resultsHandover and non-CURIE handover types are read, with notes', async () => {
    const body = withSets([set('DS1', { resultsHandover: null })], {
      beaconHandovers: [{ handoverType: { id: 'VCF file' }, url: 'https://example.org/vcf' }],
    });
    (body.meta as Record<string, unknown>).returnedSchemas = ['beacon-individual-v2.0.0'];
    const a = await answerWith(body);
    expect(a.status).toBe('ok');
    expect(a.records).toHaveLength(1);
    expect(a.notes).toEqual(
      expect.arrayContaining([
        'meta.returnedSchemas lists plain strings (a v2.0 shape).',
        'response.resultSets[0].resultsHandover is null (read as no handovers).',
        'beaconHandovers: handover type "VCF file" is not a CURIE.',
      ]),
    );
  });

  it('issue 15: setType absent, empty or another value, and an empty id, still count', async () => {
    const a = await answerWith(
      withSets([
        set('A', { setType: undefined }),
        set('B', { setType: '' }),
        set('C', { setType: 'individual' }),
        set('', { resultsCount: 2 }),
      ]),
    );
    expect(a.status).toBe('ok');
    expect(a.datasets?.map((d) => [d.id, d.count?.value])).toEqual([
      ['A', 1],
      ['B', 1],
      ['C', 1],
      ['#4', 2],
    ]);
    expect(a.notes).toEqual(
      expect.arrayContaining([
        'response.resultSets[0].setType is missing or empty; read as "dataset" (the schema\'s default).',
        'response.resultSets[2].setType is "individual"; read as a result set.',
        'response.resultSets[3].id is empty; shown as "#4".',
      ]),
    );
  });

  it('issue 15: records returned to a count request are used and shown as records', async () => {
    const body = withSets([set('DS1')]);
    (body.meta as Record<string, unknown>).returnedGranularity = 'count';
    const a = await answerWith(body, { genomic: 'BRCA1', granularity: 'count' });
    expect(a).toMatchObject({ status: 'ok', returnedGranularity: 'record' });
    expect(a.records?.[0]).toMatchObject({ id: 'DS1-1', datasetId: 'DS1' });
    expect(a.notes).toEqual(
      expect.arrayContaining([
        'meta.returnedGranularity says "count" but the answer carries record data; shown as record.',
        'Asked for count, the node returned record; shown as returned.',
      ]),
    );
  });

  it('issue 15: a missing returnedGranularity is read from what the answer carries (the official count example)', async () => {
    const body = envelope({ responseSummary: { exists: true, numTotalResults: 25355 } });
    delete (body.meta as Record<string, unknown>).returnedGranularity;
    const a = await answerWith(body, { genomic: 'BRCA1', granularity: 'count' });
    expect(a).toMatchObject({
      status: 'ok',
      returnedGranularity: 'count',
      count: { value: 25355, precision: 'exact' },
    });
    expect(a.notes).toContain(
      'meta.returnedGranularity is missing; read as "count" from what the answer carries.',
    );
  });

  it('issue 15: an unreadable result set is reported, while the other sets and the summary still count', async () => {
    const a = await answerWith(
      withSets([set('GOOD', { resultsCount: 3 }), set('BAD', { resultsCount: '12' }), 'junk'], {
        responseSummary: { exists: true, numTotalResults: 15 },
      }),
    );
    expect(a.status).toBe('ok');
    expect(a.count).toEqual({ value: 15, precision: 'exact' });
    expect(a.datasets?.[0]).toMatchObject({ id: 'GOOD', count: { value: 3 } });
    expect(a.datasets?.[1]).toEqual({
      id: 'BAD',
      exists: false,
      granularity: 'boolean',
      unreadable: 'response.resultSets[1]: resultsCount is not a whole number ≥ 0',
    });
    expect(a.datasets?.[2]?.unreadable).toBe('response.resultSets[2]: it is not an object');
  });

  it('issue 15: extra members are ignored and unknown ontology prefixes are shown as ids', async () => {
    const rec = individual('P1', {
      sex: { id: 'LOCAL:F' },
      phenotypicFeatures: [
        { featureType: { id: 'XYZ:123' } },
        { featureType: { id: 'HP:0001250', label: 'Seizure' } },
      ],
      somethingNew: { nested: [1, 2] },
    });
    const a = await answerWith(
      withSets([set('DS1', { results: [rec], extraMember: true })], { extra: 1 }),
    );
    expect(a.records?.[0]).toMatchObject({
      kind: 'individual',
      sex: 'LOCAL:F',
      phenotypes: ['XYZ:123', 'Seizure'],
    });
    expect(a.records?.[0]).not.toHaveProperty('sexCode');
  });

  it('issue 22: a failed answer comes with a code, its HTTP status and the node’s own words', async () => {
    const refused = {
      meta: { beaconId: 'xx', apiVersion: 'v2.0.0', returnedSchemas: [] },
      error: { errorCode: 400, errorMessage: 'referenceName MT is not known' },
    };
    expect((await answerWith(refused, {}, 400)).problem).toEqual({
      code: 'error',
      http: 400,
      nodeText: 'referenceName MT is not known',
    });
    expect((await answerWith('not json')).problem).toEqual({ code: 'not-json' });
    expect((await answerWith(refused, {}, 403)).problem).toMatchObject({ code: 'refused' });
  });

  it('issue 22: an NCIT sex term comes with its code, so the renderer words it in the user’s language', async () => {
    const a = await answerWith(withSets([set('DS1')]));
    expect(a.records?.[0]).toMatchObject({ sex: 'female', sexCode: 'female' });
  });

  it('issue 15: strict where a malformed member would be misread: counts, exists, meta (located, per node)', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [
        envelope({ responseSummary: { exists: true, numTotalResults: '25' } }),
        'responseSummary.numTotalResults',
      ],
      [
        envelope({ responseSummary: { exists: true, numTotalResults: -1 } }),
        'responseSummary.numTotalResults',
      ],
      [envelope({ responseSummary: { exists: 'yes' } }), 'responseSummary.exists'],
      [envelope({ responseSummary: undefined }), 'responseSummary'],
      [envelope({ meta: undefined }), 'meta'],
    ];
    for (const [body, where] of cases) {
      const a = await answerWith(body);
      expect(a.status, where).toBe('error');
      expect(a.message).toContain(
        `Node XX sent an answer that does not follow Beacon v2 (at "${where}")`,
      );
    }
  });

  it('issue 15: a record without an id is left out and counted; a set with a non-string id is unreadable', async () => {
    const a = await answerWith(
      withSets([
        set('DS1', { results: [individual('P1'), { sex: { id: 'NCIT:C16576' } }] }),
        set('X', { id: 7 }),
      ]),
    );
    expect(a.records).toHaveLength(1);
    expect(a.message).toBe(
      '1 records from node XX did not follow the Beacon model and were left out.',
    );
    expect(a.datasets?.[1]?.unreadable).toBe('response.resultSets[1]: its id is not a string');
  });

  it('issue 22: the records left out come as a code and a count, for the renderer to word', async () => {
    const a = await answerWith(
      withSets([set('DS1', { results: [individual('P1'), { sex: { id: 'NCIT:C16576' } }, {}] })]),
    );
    expect(a.status).toBe('ok');
    expect(a.problem).toEqual({ code: 'rejected', count: 2 });
  });
});

describe('issue 15 item 7: a dataset answering exists: false without a count', () => {
  it('issue 15: reads as zero at the set level, not as "no count"', async () => {
    const a = await answerWith(
      withSets([{ id: 'DS1', setType: 'dataset', exists: false }], {
        responseSummary: { exists: false },
      }),
    );
    expect(a.status).toBe('ok');
    expect(a.exists).toBe(false);
    expect(a.datasets?.[0]).toMatchObject({ id: 'DS1', exists: false });
  });
});
