import { describe, expect, it } from 'vitest';
import { parsePost } from './parseRequest';

const body = (requestParameters: unknown) => ({
  meta: { apiVersion: 'v2.1.1' },
  query: { requestParameters, requestedGranularity: 'count' },
});

describe('POST request parameters (BCN 3.2)', () => {
  it("reads the schema's wrapped form {g_variant: {...}} like the flat form (regression: the wrapper was stripped)", () => {
    const flat = parsePost(body({ geneId: 'BRCA1' }));
    const wrapped = parsePost(body({ g_variant: { geneId: 'BRCA1' } }));
    expect(flat.params).toEqual({ geneId: 'BRCA1' });
    expect(wrapped.params).toEqual(flat.params);
  });

  it('keeps range parameters in the wrapped form', () => {
    const wrapped = parsePost(
      body({ g_variant: { referenceName: '17', start: [43044294], end: [43125483] } }),
    );
    expect(wrapped.params).toMatchObject({
      referenceName: '17',
      start: [43044294],
      end: [43125483],
    });
  });
});
