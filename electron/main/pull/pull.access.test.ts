import { describe, expect, it } from 'vitest';
import type { SharedFederation } from './testing/pullHarness';
import { signedIn, tmp, useSharedFederation } from './testing/pullHarness';

let fed: SharedFederation;
useSharedFederation((started) => (fed = started));

const accessOf = async (user: string) => {
  const h = await signedIn({ fed, dataDir: tmp('access-'), user });
  const summary = await h.invoke('auth:session');
  return { h, access: new Map(summary.access.map((a) => [a.datasetId, a])) };
};

describe('issue 13: the access view shows what the node grants, and refusals agree with it', () => {
  it('clinician: Portugal returns counts (registered access), not yes/no; granted datasets records', async () => {
    const { h, access } = await accessOf('clinician');
    expect(access.get('PT-RD-01')).toMatchObject({ granularity: 'count', granularityFrom: 'node' });
    expect(access.get('IT-CA-01')).toMatchObject({
      granularity: 'record',
      granularityFrom: 'node',
    });
    expect(access.get('ES-AF-01')).toMatchObject({ granularity: 'count', granularityFrom: 'node' });
    const check = await h.invoke('pull:check', {
      nodeId: 'PT',
      datasetId: 'PT-RD-01',
      purpose: 'research',
    });
    expect(check).toMatchObject({ allowed: false, offer: 'counts-only' });
    expect(check.reasons[0]).toBe(
      'Your passport holds no valid controlled-access grant for PT-RD-01 (the node gives you counts); a local copy needs a controlled-access grant (PASS-03).',
    );
    h.close();
  }, 60_000);

  it('researcher: Italy returns counts; a user without visas gets yes/no, and is offered yes/no', async () => {
    const researcher = await accessOf('researcher');
    expect(researcher.access.get('IT-CA-01')?.granularity).toBe('count');
    expect(researcher.access.get('IT-RD-01')?.granularity).toBe('count');
    researcher.h.close();
    const novisa = await accessOf('novisa');
    expect(novisa.access.get('FI-RD-01')).toMatchObject({
      granularity: 'boolean',
      granularityFrom: 'node',
    });
    const check = await novisa.h.invoke('pull:check', {
      nodeId: 'FI',
      datasetId: 'FI-RD-01',
      purpose: 'clinical-care',
    });
    expect(check.offer).toBe('yes-no-only');
    expect(check.reasons[0]).toMatch(/\(the node gives you yes\/no answers\)/);
    novisa.h.close();
  }, 60_000);
});

describe('issue 13: a DUO disease-specific term needs a disease within it (IT-CA-01: DS Neoplasm)', () => {
  it('research without a disease, or outside Neoplasm, is refused by label and code; within it, allowed', async () => {
    const h = await signedIn({ fed, dataDir: tmp('ds-'), user: 'clinician' });
    const target = { nodeId: 'IT', datasetId: 'IT-CA-01', purpose: 'research' } as const;
    expect(await h.invoke('pull:check', target)).toEqual({
      allowed: false,
      offer: 'counts-only',
      reasons: [
        'disease specific research (DUO:0000007) limits research to Neoplasm (HP:0002664): name the disease your research is about.',
      ],
      // Issue 22: the same as a code with the term and its diseases (decision 0070).
      said: [
        {
          code: 'ds-name-disease',
          terms: [{ id: 'DUO:0000007', label: 'disease specific research' }],
          within: [{ id: 'HP:0002664', label: 'Neoplasm' }],
        },
      ],
    });
    const seizure = await h.invoke('pull:check', {
      ...target,
      disease: { id: 'HP:0001250', label: 'Seizure' },
    });
    expect(seizure.reasons).toEqual([
      'disease specific research (DUO:0000007) limits research to Neoplasm (HP:0002664); Seizure (HP:0001250) is not within it in the Human Phenotype Ontology (release 2024-08-13).',
    ]);
    expect(
      await h.invoke('pull:check', {
        ...target,
        disease: { id: 'HP:0003002', label: 'Breast carcinoma' },
      }),
    ).toEqual({ allowed: true, reasons: [] });
    // Clinical care is permitted by CC, whatever the disease.
    expect((await h.invoke('pull:check', { ...target, purpose: 'clinical-care' })).allowed).toBe(
      true,
    );
    h.close();
  }, 60_000);
});
