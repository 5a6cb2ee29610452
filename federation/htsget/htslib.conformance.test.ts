/**
 * Cross-check against htslib: for every dataset, htsget region slices must decompress to exactly what
 * `tabix -h file region` prints (same records, same header, same bytes). Skipped when tabix is absent.
 */
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASETS } from '../catalogue';
import { inflateBgzf } from './bgzf';
import { vcfPathFor } from './dataset';
import { handleHtsget } from './index';
import { htsgetTicketSchema } from './schema';
import { fetchTicketBytes } from './testing/fetchTicket';
import { testDataDir } from './testing/testData';

const run = promisify(execFile);
const hasTabix = await run('tabix', ['--version']).then(
  () => true,
  () => false,
);
const REGIONS: [string, number, number][] = [
  ['13', 32_300_000, 32_400_000],
  ['17', 43_000_000, 43_200_000],
  ['2', 0, 250_000_000],
  ['X', 1, 200_000_000],
];
let server: Server;
let base = '';
let dataDir = '';

beforeAll(async () => {
  dataDir = await testDataDir();
  server = createServer((req, res) => {
    const access = { registered: true, controlledDatasets: new Set<string>(), rejectedVisas: [] };
    void handleHtsget(req, res, {
      baseUrl: base,
      dataDir,
      node: 'FI',
      datasets: DATASETS,
      access,
      granularityFor: () => 'record',
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe.skipIf(!hasTabix)('htsget slices equal htslib tabix output', () => {
  it.each(DATASETS.map((d) => [d.id, d] as const))('%s', async (_id, ds) => {
    for (const [chrom, start, end] of REGIONS) {
      const res = await fetch(
        `${base}/htsget/variants/${ds.id}?referenceName=${chrom}&start=${start}&end=${end}`,
      );
      const ticket = htsgetTicketSchema.parse(await res.json());
      const ours = inflateBgzf(await fetchTicketBytes(ticket)).toString('utf8');
      // tabix regions are 1-based inclusive: 0-based [start, end) = start+1..end.
      const { stdout } = await run(
        'tabix',
        ['-h', vcfPathFor(dataDir, ds.node, ds.id), `${chrom}:${start + 1}-${end}`],
        {
          maxBuffer: 256 * 1024 * 1024,
        },
      );
      expect(ours).toBe(stdout);
    }
  });
});
