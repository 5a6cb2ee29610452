import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchQueryInput } from '../../shared/search/query';
import type { NodeUpdate, SearchDone } from '../../shared/search/results';
import { FINAL_STATUSES } from '../../shared/search/results';
import type { SignInFederation } from '../main/auth/testing/signInFederation';
import { newScriptedBrowser, startSignInFederation } from '../main/auth/testing/signInFederation';
import { completeLogin } from '../main/auth/testing/completeLogin';
import type { Harness } from '../main/auth/testing/harness';
import { createHarness } from '../main/auth/testing/harness';
import { datasetRows, recordRows } from './commands/searchOutput';
import { EXIT } from './exitCodes';
import { cliHarness } from './testing/cliHarness';

const root = mkdtempSync(join(tmpdir(), 'cli-search-'));
let fed: SignInFederation;
let app: Harness;
let h: ReturnType<typeof cliHarness>;
const PASS = 'correct horse battery staple';

beforeAll(async () => {
  fed = await startSignInFederation({ runDir: join(root, 'fed') });
  app = await createHarness({ fed, dataDir: join(root, 'app') });
  // The CLI's transport over its own data folder, as `npm run cli` opens it.
  h = cliHarness({
    env: {
      ...process.env,
      COHORT_DESK_DATA_DIR: join(root, 'cli'),
      COHORT_DESK_POLICY: join(root, 'no-policy.json'),
      COHORT_DESK_FEDERATION_FILE: fed.infoFile,
    },
    cwd: root,
    passphrase: PASS,
    ctx: {
      openBrowser: (url) => {
        void newScriptedBrowser().then((b) => completeLogin(b, url, 'clinician'));
      },
    },
  });
}, 120_000);
afterAll(async () => {
  h.close();
  app.close();
  await fed.close();
  rmSync(root, { recursive: true, force: true });
});

const cli = (...argv: string[]) => h.cli(...argv);

/** The search service's own answer through the app's router, as the Search page gets it. */
async function appAnswer(query: SearchQueryInput): Promise<NodeUpdate[]> {
  const finals = new Map<string, NodeUpdate>();
  const asked: { id?: string } = {};
  const done = new Promise<void>((resolve) => {
    const off = app.services.events.subscribe((event, payload) => {
      if (event === 'search:nodeUpdate') {
        const u = payload as NodeUpdate;
        if (FINAL_STATUSES.includes(u.status)) finals.set(`${u.queryId}/${u.nodeId}`, u);
      }
      if (event === 'search:done' && (payload as SearchDone).queryId === asked.id) {
        off();
        resolve();
      }
    });
  });
  const id = (await app.invoke('search:run', { queryId: randomUUID(), query })).queryId;
  asked.id = id;
  await done;
  return [...finals.entries()]
    .filter(([k]) => k.startsWith(`${id}/`))
    .map(([, u]) => u)
    .sort((a, b) => a.nodeId.localeCompare(b.nodeId));
}

async function signIn(): Promise<void> {
  app.user = 'clinician';
  await app.invoke('auth:signIn', {});
  expect((await cli('login')).code).toBe(EXIT.ok);
}

describe('cli search against the demo federation (issue 23)', () => {
  it('prints one JSON line per dataset, the same as the search service answers the app', async () => {
    const r = await cli('search', '--gene', 'BRCA1', '--granularity', 'count');
    const expected = await appAnswer({ genomic: 'BRCA1', granularity: 'count' });
    const cliRows = r.out.map((l) => JSON.parse(l) as unknown);
    expect(cliRows.length).toBeGreaterThan(0);
    expect(cliRows).toEqual(datasetRows(expected));
    // One status line per node on stderr, and nothing of it on stdout.
    for (const n of expected) expect(r.err).toContainEqual(expect.stringMatching(`^${n.nodeId} `));
    expect(r.code).toBe(expected.every((n) => n.status === 'ok') ? EXIT.ok : EXIT.unavailable);
  });

  it('sends HPO filters and the region form; --tsv prints a header and the same rows', async () => {
    const args = ['--region', '17:43044295-43125483', '--hpo', 'HP:0000118'];
    const r = await cli('search', ...args, '--tsv');
    const expected = datasetRows(
      await appAnswer({
        genomic: '17:43044295-43125483',
        filters: [{ id: 'HP:0000118', includeDescendantTerms: true }],
      }),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(r.out[0]).toBe('node\tcountry\tdataset\texists\tgranularity\tcount\tprecision');
    expect(r.out.slice(1)).toEqual(
      expected.map((d) =>
        [d.node, d.country, d.dataset, d.exists, d.granularity, d.count ?? '', d.precision ?? '']
          .map(String)
          .join('\t'),
      ),
    );
  });

  it('prints the returned records with --records, each with its node and dataset', async () => {
    // Both signed in as the clinician: the app through its page, the CLI with `cli login`.
    await signIn();
    const r = await cli('search', '--target', 'variants', '--gene', 'BRCA1', '--records');
    const expected = recordRows(await appAnswer({ target: 'g_variants', genomic: 'BRCA1' }));
    expect(expected.length).toBeGreaterThan(0);
    expect(r.out.map((l) => JSON.parse(l) as unknown)).toEqual(expected);
    expect((await cli('search', '--help')).out.join('\n')).toContain('--granularity <g>');
  });

  it('exits 2 for a query that cannot be sent, saying why', async () => {
    const two = await cli('search', '--gene', 'BRCA1', '--region', '17:1-2');
    expect(two).toMatchObject({ code: EXIT.usage, out: [] });
    expect(two.err).toEqual(['give one of --gene, --region and --variant']);
    expect((await cli('search', '--hpo', 'seizures')).code).toBe(EXIT.usage);
    expect((await cli('search', '--granularity', 'everything')).code).toBe(EXIT.usage);
    const bad = await cli('search', '--region', '17:50-10');
    expect(bad.code).toBe(EXIT.usage);
    expect(bad.out).toEqual([]);
    expect(bad.err.length).toBe(1);
  });
});
