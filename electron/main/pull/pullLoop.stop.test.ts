import { randomBytes, randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { APP_ASSEMBLY } from '../../../shared/genome/assembly';
import type { Cursor } from '../vault/staging';
import { openStaging, readCursor } from '../vault/staging';
import { openPageSink } from './pageSink';
import { openPageThread } from './pageThread';
import { runPages } from './pullLoop';
import { datasetRoutes } from './pullRoutes';
import type { PullFederation } from './testing/pullHarness';
import { signedIn, tmp, usePullFederation } from './testing/pullHarness';

let fed: PullFederation;
usePullFederation((started) => (fed = started));

it('issue 20 (decision 0104): a pull stopped while a page is still being written leaves a cursor sealed with the key it had, counting the page whose write ended after the stop', async () => {
  const h = await signedIn({ fed, dataDir: tmp('loop-stop-'), user: 'clinician' });
  const node = (await h.invoke('federation:directory')).nodes.find((n) => n.id === 'FI');
  if (node === undefined) throw new Error('FI is not in the directory');
  const user = { sub: 'clinician', iss: 'http://test' };
  const userDir = tmp('loop-stop-user-');
  // The vault's master key, as services.close() zeroes it right after the pull's abort.
  const key = randomBytes(32);
  const keyCopy = Buffer.from(key);
  const jobId = randomUUID();
  const real = openStaging(userDir, user, key, jobId);
  const cursor: Cursor = {
    v: 1,
    jobId,
    nodeId: 'FI',
    datasetId: 'FI-RD-01',
    purpose: 'clinical-care',
    query: { filters: [] },
    entity: 'individuals',
    page: 0,
    pages: { individuals: 0, g_variants: 0 },
    records: 0,
    bytes: 0,
    totals: {},
    startedAt: new Date().toISOString(),
    meta: {
      nodeName: 'FI',
      country: 'FI',
      title: 'FI-RD-01',
      level: 'controlled',
      duo: [],
      allowLocalCopies: true,
    },
  };
  real.saveCursor(cursor);
  const stop = new AbortController();
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  // The variants' first page is sealed and on its way to disk when the app closes: the pull is
  // stopped, then the key is zeroed, then the write ends.
  const staging = {
    ...real,
    savePage: (...a: Parameters<typeof real.savePage>) => {
      const saved = real.savePage(...a);
      if (a[0] !== 'g_variants') return saved;
      // As services.close(): the pull is aborted, then the vault zeroes its key (the next task).
      setTimeout(() => {
        stop.abort(new Error('closed'));
        key.fill(0);
      }, 0);
      return held.then(() => saved);
    },
  };
  const pages = openPageThread();
  const sink = await openPageSink(staging, cursor);
  try {
    const run = runPages({
      staging,
      cursor,
      node,
      assembly: APP_ASSEMBLY,
      routes: await datasetRoutes(node, fetch, 30_000),
      fetch,
      token: () => h.services.auth.accessTokenFor(node),
      timeoutMs: 30_000,
      signal: stop.signal,
      pages,
      sink,
      onPage: () => undefined,
    });
    run.catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    await expect(run).rejects.toThrow('closed');
    const kept = readCursor(userDir, user, keyCopy, jobId);
    // The page's write ended after the stop: the cursor counts it, sealed with the key it had.
    expect(kept).toMatchObject({ entity: 'g_variants', page: 1, records: 900 });
    expect(kept?.pages).toEqual({ individuals: 1, g_variants: 1 });
  } finally {
    sink.build.close();
    await pages.close();
    h.close();
  }
}, 120_000);
