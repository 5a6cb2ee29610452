import { describe, expect, it } from 'vitest';
import { answerWith, envelope } from '../../main/beacon/testing/answerWith';
import { datasetRows, toTsv } from './searchOutput';

// Decision 0101: `cli search` prints one row per dataset; a result set the reader could not read
// (issue 15 item 1: a resultsCount as a string, an id that is not a string) is not a dataset that
// answered "no": the row says it could not be read, where, and gives no exists or count.

describe('decision 0101: cli search rows for result sets that could not be read', () => {
  it('an unreadable set prints exists and count empty with the located reason; the readable one as said', async () => {
    const a = await answerWith(
      envelope({
        responseSummary: { exists: true, numTotalResults: 12 },
        response: {
          resultSets: [
            { id: 'GOOD', setType: 'dataset', exists: true, resultsCount: 5, results: [] },
            { id: 'BAD', setType: 'dataset', exists: true, resultsCount: '7', results: [] },
          ],
        },
      }),
      { genomic: 'BRCA1', granularity: 'count' },
    );
    const u = { queryId: 'q', nodeId: 'XX', nodeName: 'XX', country: 'Testland', attempt: 1, ...a };
    const rows = datasetRows([u]);
    expect(rows).toEqual([
      {
        node: 'XX',
        country: 'Testland',
        dataset: 'GOOD',
        exists: true,
        granularity: 'record',
        count: 5,
        precision: 'exact',
      },
      {
        node: 'XX',
        country: 'Testland',
        dataset: 'BAD',
        exists: null,
        granularity: null,
        count: null,
        precision: null,
        unreadable: 'response.resultSets[1]: resultsCount is not a whole number ≥ 0',
      },
    ]);
    expect(toTsv(rows)[2]).toBe(
      'XX\tTestland\tBAD\t\t\t\t\tresponse.resultSets[1]: resultsCount is not a whole number ≥ 0',
    );
  });
});
