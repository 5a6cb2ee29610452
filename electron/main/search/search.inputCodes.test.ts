import { describe, expect, it } from 'vitest';
import type { FederationDirectory } from '../../../shared/federation/directory';
import { AppErrorSchema } from '../../../shared/appError';
import { createMemoryLogger } from '../logging/logger';
import type { Handlers } from '../ipc/router';
import { createRouter } from '../ipc/router';
import { searchHandlers } from './search.handlers';
import { createHarness } from './testing/searchHarness';

// Decision 0106 (issue 22): search:run's refused gene, region or variant and search:openQuery's
// refused file reached the window as main's English only; the renderer re-parsed the text to word
// it, and fell back to that English once the box was edited. They now carry the parser's code.
const empty = (): FederationDirectory => ({
  source: 'none',
  brokers: [],
  nodes: [],
  trustedVisaIssuers: [],
});

const setup = () => {
  const router = createRouter({
    handlers: searchHandlers(createHarness(empty).service) as Handlers,
    logger: createMemoryLogger(),
    isTrustedSender: () => true,
  });
  return (channel: 'search:run' | 'search:openQuery', payload: unknown) =>
    router.invoke(channel, payload, { url: 'test' });
};

describe('decision 0106: search refusals as codes', () => {
  it('a region whose end is before its start: the parser’s code and the text, beside the English', async () => {
    const invoke = setup();
    const r = await invoke('search:run', {
      queryId: 'c0ffee00-1234-4abc-8def-000000000106',
      query: { target: 'g_variants', genomic: '17:500-100', filters: [], granularity: 'record' },
    });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'INVALID_REQUEST',
        message: 'The region "17:500-100" must have 1 ≤ start ≤ end.',
        where: 'genomic',
        key: 'searchInputRefused',
        params: { searchInput: 'region-order', text: '17:500-100' },
      },
    });
    if (!r.ok) expect(AppErrorSchema.safeParse(r.error).success).toBe(true);
  });

  it('a saved query that is not JSON, and one with a field that is not valid', async () => {
    const invoke = setup();
    const notJson = await invoke('search:openQuery', { text: '{', fileName: 'brca.query.json' });
    expect(notJson).toMatchObject({
      ok: false,
      error: {
        where: 'brca.query.json',
        key: 'searchInputRefused',
        params: { searchInput: 'query-not-json', file: 'brca.query.json', field: '' },
      },
    });
    const bad = await invoke('search:openQuery', {
      text: JSON.stringify({ format: 'cohort-desk-query', version: 1, query: { target: 'x' } }),
      fileName: 'x.query.json',
    });
    expect(bad).toMatchObject({
      ok: false,
      error: { key: 'searchInputRefused', params: { file: 'x.query.json' } },
    });
    if (!bad.ok) {
      expect(['query-invalid', 'query-not-query']).toContain(bad.error.params?.searchInput);
      expect(AppErrorSchema.safeParse(bad.error).success).toBe(true);
    }
  });
});
