import { describe, expect, it } from 'vitest';
import type { FederationDirectory } from '../../../shared/federation/directory';
import { createMemoryLogger } from '../logging/logger';
import type { Handlers } from '../ipc/router';
import { createRouter } from '../ipc/router';
import { searchHandlers } from './search.handlers';
import { createHarness } from './testing/searchHarness';

// No nodes: a query is accepted and held without any network; the id rules are what is tested.
const empty = (): FederationDirectory => ({
  source: 'none',
  brokers: [],
  nodes: [],
  trustedVisaIssuers: [],
});

const setup = () => {
  const h = createHarness(empty);
  const router = createRouter({
    handlers: searchHandlers(h.service) as Handlers,
    logger: createMemoryLogger(),
    isTrustedSender: () => true,
  });
  const run = (payload: unknown) => router.invoke('search:run', payload, { url: 'test' });
  return { h, run };
};
const query = { target: 'individuals', genomic: 'BRCA1', filters: [], granularity: 'record' };

describe('issue 14: the renderer names its query', () => {
  it('runs under the id the renderer sent, so its events carry that id', async () => {
    const { h, run } = setup();
    const result = await run({ queryId: 'c0ffee00-1234-4abc-8def-000000000001', query });
    expect(result).toEqual({
      ok: true,
      value: { queryId: 'c0ffee00-1234-4abc-8def-000000000001', nodes: 0 },
    });
    await h.service.settled('c0ffee00-1234-4abc-8def-000000000001');
    expect(h.done.map((d) => d.queryId)).toEqual(['c0ffee00-1234-4abc-8def-000000000001']);
  });

  it('attack: refuses an id it still holds (its events would mix with the other query)', async () => {
    const { run } = setup();
    expect((await run({ queryId: 'same-id-0001', query })).ok).toBe(true);
    const again = await run({ queryId: 'same-id-0001', query });
    expect(again).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_REQUEST',
        where: 'queryId',
        // Issue 22: the renderer words it from the code (decision 0063).
        key: 'queryIdInUse',
        params: { queryId: 'same-id-0001' },
      },
    });
    if (!again.ok) expect(again.error.message).toContain('already in use');
  });

  it('attack: refuses ids that are missing, too short, too long or not plain text', async () => {
    const { run } = setup();
    for (const queryId of [
      undefined,
      '',
      'short',
      'x'.repeat(65),
      '../../etc/passwd',
      'a b c d e f',
    ]) {
      const result = await run({ queryId, query });
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    }
    // The query alone (the old shape) is refused too: unknown keys are not stripped.
    expect(await run(query)).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
  });
});
