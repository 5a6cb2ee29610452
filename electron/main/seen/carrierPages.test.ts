import { describe, expect, it } from 'vitest';
import type { RecordRow } from '../../../shared/search/results';
import type { NodeAnswer } from '../beacon/nodeClient';
import { fetchCarrierPages, MAX_CARRIER_PAGES } from './carrierPages';

/** A dataset of `total` carriers served `limit` per page, as a paging Beacon node would. */
const person = (i: number): RecordRow => ({
  kind: 'individual',
  nodeId: 'IT',
  datasetId: 'IT-CA-01',
  id: `ind-${String(i)}`,
  sex: 'female',
  phenotypes: [],
  diseases: [],
});
const pageOf = (total: number, skip: number): NodeAnswer => ({
  status: 'ok',
  returnedGranularity: 'record',
  exists: total > 0,
  datasets: [
    {
      id: 'IT-CA-01',
      exists: total > 0,
      granularity: 'record',
      count: { value: total, precision: 'exact' },
    },
  ],
  records: Array.from({ length: Math.max(0, Math.min(100, total - skip * 100)) }, (_, i) =>
    person(skip * 100 + i),
  ),
});

describe('issue 18: carriers beyond the first page', () => {
  it('issue 18: pages through skip = 1, 2, … (skip counts pages) until every carrier is fetched', async () => {
    const asked: number[] = [];
    const r = await fetchCarrierPages(pageOf(250, 0), (skip) => {
      asked.push(skip);
      return Promise.resolve(pageOf(250, skip));
    });
    expect(asked).toEqual([1, 2]);
    expect(r.records).toHaveLength(250);
    expect(r.notFetched).toBe(0);
  });

  it('issue 18: stops at the bound and says how many were not fetched, never silently', async () => {
    const r = await fetchCarrierPages(pageOf(1_234, 0), (skip) =>
      Promise.resolve(pageOf(1_234, skip)),
    );
    expect(MAX_CARRIER_PAGES).toBe(10);
    expect(r.records).toHaveLength(1_000);
    expect(r.notFetched).toBe(234);
  });

  it('issue 18: a node that ignores paging (sends its first page again) is asked once more, not ten times', async () => {
    const asked: number[] = [];
    const r = await fetchCarrierPages(pageOf(250, 0), (skip) => {
      asked.push(skip);
      return Promise.resolve(pageOf(250, 0));
    });
    expect(asked).toEqual([1]);
    expect(r.records).toHaveLength(100);
    expect(r.notFetched).toBe(150);
  });

  it('issue 18: a failed page keeps what came and counts the rest as not fetched', async () => {
    const r = await fetchCarrierPages(pageOf(250, 0), () =>
      Promise.resolve({ status: 'timeout', message: 'Node IT timed out after 4 s.' }),
    );
    expect(r.records).toHaveLength(100);
    expect(r.notFetched).toBe(150);
  });
});
