/**
 * handleHtsget over a plain node:http server with the generator's real data; access comes from the
 * node's real policy (granularityFor) applied to an AccessContext chosen per request by the test.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASETS } from '../catalogue';
import { granularityFor } from '../node/access/policy';
import { BGZF_EOF } from './bgzf';
import { handleHtsget } from './index';
import { htsgetErrorSchema, htsgetTicketSchema, type HtsgetTicket } from './schema';
import { fetchTicketBytes, parseVcf, type VcfRecord } from './testing/fetchTicket';
import { testDataDir } from './testing/testData';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { inflateBgzf } from './bgzf';
import { vcfPathFor } from './dataset';

const DS = 'FI-RD-01';
const GRANTED = 'Bearer granted-FI-RD-01';
const NOT_GRANTED = 'Bearer registered-only';
let server: Server;
let base: string;
let dataDir: string;
let db: DuckDBInstance;
let conn: DuckDBConnection;

beforeAll(async () => {
  dataDir = await testDataDir();
  server = createServer((req, res) => {
    const auth = req.headers.authorization;
    const access = {
      registered: auth !== undefined,
      controlledDatasets: new Set(auth === GRANTED ? [DS] : []),
      rejectedVisas: [],
    };
    void handleHtsget(req, res, {
      baseUrl: base,
      dataDir,
      node: 'FI',
      datasets: DATASETS.filter((d) => d.node === 'FI'),
      access,
      granularityFor: (ds) => granularityFor(ds, access),
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  db = await DuckDBInstance.create(':memory:');
  conn = await db.connect();
});

afterAll(async () => {
  conn.closeSync();
  db.closeSync();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function ticket(query: string, init: RequestInit = {}): Promise<HtsgetTicket> {
  const res = await fetch(`${base}/htsget/variants/${DS}${query}`, {
    ...init,
    headers: { Authorization: GRANTED, ...(init.headers as Record<string, string> | undefined) },
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(
    /^application\/vnd\.ga4gh\.htsget\.v1\.3\.0\+json/,
  );
  return htsgetTicketSchema.parse(await res.json());
}

/** Ground truth from the generator's Parquet: variants of the dataset overlapping 0-based [start, end). */
async function truth(chrom: string, start: number, end: number): Promise<string[]> {
  const reader = await conn.runAndReadAll(
    `SELECT variant_id FROM read_parquet($path) WHERE dataset_id = $ds AND chrom = $chrom
       AND pos - 1 < $end AND pos - 1 + length(ref) > $start ORDER BY pos, variant_id`,
    { path: `${dataDir}/FI/variants.parquet`, ds: DS, chrom, start, end },
  );
  return reader.getRowObjectsJS().map((r) => r.variant_id as string);
}

async function truthCarriers(variantIds: readonly string[]): Promise<Map<string, Set<string>>> {
  const reader = await conn.runAndReadAll(
    `SELECT variant_id, individual_id FROM read_parquet($path) WHERE dataset_id = $ds
       AND list_contains($ids::VARCHAR[], variant_id)`,
    {
      path: `${dataDir}/FI/genotypes.parquet`,
      ds: DS,
      ids: `[${variantIds.map((v) => `'${v}'`).join(',')}]`,
    },
  );
  const out = new Map<string, Set<string>>();
  for (const r of reader.getRowObjectsJS()) {
    const id = r.variant_id as string;
    out.set(id, (out.get(id) ?? new Set()).add(r.individual_id as string));
  }
  return out;
}

/** A busy window of the dataset: the chromosome with most variants, between its 25th and 75th percentile. */
async function busyRegion(): Promise<{ chrom: string; start: number; end: number }> {
  const reader = await conn.runAndReadAll(
    `SELECT chrom, quantile_disc(pos, 0.25)::INTEGER AS lo, quantile_disc(pos, 0.75)::INTEGER AS hi, count(*) AS n
       FROM read_parquet($path) WHERE dataset_id = $ds GROUP BY chrom ORDER BY n DESC, chrom LIMIT 1`,
    { path: `${dataDir}/FI/variants.parquet`, ds: DS },
  );
  const row = reader.getRowObjectsJS()[0];
  return { chrom: row?.chrom as string, start: Number(row?.lo) - 1, end: Number(row?.hi) };
}

const ids = (records: readonly VcfRecord[]) => records.map((r) => r.id);

describe('htsget variants tickets (htsget 1.3)', () => {
  it('a region slice holds exactly the ground-truth records and genotypes; md5 matches (HTS-03)', async () => {
    const region = await busyRegion();
    const t = await ticket(
      `?format=VCF&referenceName=${region.chrom}&start=${region.start}&end=${region.end}`,
    );
    const bytes = await fetchTicketBytes(t);
    expect(createHash('md5').update(bytes).digest('hex')).toBe(t.htsget.md5);
    expect(bytes.subarray(-28).equals(BGZF_EOF)).toBe(true);
    const { header, records } = parseVcf(bytes);
    expect(header.at(-1)).toMatch(/^#CHROM\tPOS/);
    const expected = await truth(region.chrom, region.start, region.end);
    expect(expected.length).toBeGreaterThan(10);
    expect(ids(records)).toEqual(expected);
    const carriers = await truthCarriers(expected);
    for (const r of records)
      expect(new Set(r.carriers.keys())).toEqual(carriers.get(r.id) ?? new Set());
  });

  it('the whole-file ticket reproduces the dataset VCF exactly', async () => {
    const t = await ticket('');
    expect(t.htsget.urls.some((u) => u.headers?.Range !== undefined)).toBe(true);
    const original = inflateBgzf(await readFile(vcfPathFor(dataDir, 'FI', DS)));
    expect(inflateBgzf(await fetchTicketBytes(t)).equals(original)).toBe(true);
  });

  it('class=header returns only the header, every block classed header', async () => {
    const t = await ticket('?class=header&format=VCF');
    expect(t.htsget.urls.every((u) => u.class === 'header')).toBe(true);
    const { header, records } = parseVcf(await fetchTicketBytes(t));
    expect(records).toEqual([]);
    expect(header[0]).toMatch(/^##fileformat=VCFv4/);
    expect(header.at(-1)).toMatch(/^#CHROM/);
  });

  it('POST merges overlapping regions: each record once, in file order', async () => {
    const r = await busyRegion();
    const mid = Math.floor((r.start + r.end) / 2);
    const regions = [
      { referenceName: r.chrom, start: mid, end: r.end },
      { referenceName: r.chrom, start: r.start, end: mid + 1000 },
    ];
    const t = await ticket('', {
      method: 'POST',
      body: JSON.stringify({ format: 'VCF', regions }),
    });
    const { records } = parseVcf(await fetchTicketBytes(t));
    expect(ids(records)).toEqual(await truth(r.chrom, r.start, r.end));
  });

  it('accepts "chr"-prefixed reference names and an empty region', async () => {
    const r = await busyRegion();
    const t = await ticket(`?referenceName=chr${r.chrom}&start=${r.start}&end=${r.end}`);
    expect(ids(parseVcf(await fetchTicketBytes(t)).records)).toEqual(
      await truth(r.chrom, r.start, r.end),
    );
    const empty = await ticket(`?referenceName=${r.chrom}&start=5&end=5`);
    expect(parseVcf(await fetchTicketBytes(empty)).records).toEqual([]);
  });

  it('data URLs carry the bearer token in headers and are re-authorised (HTS-02)', async () => {
    const t = await ticket('');
    const ranged = t.htsget.urls.find((u) => u.headers?.Range !== undefined);
    expect(ranged?.headers?.Authorization).toBe(GRANTED);
    const range = ranged?.headers?.Range ?? '';
    const anon = await fetch(ranged?.url ?? '', { headers: { Range: range } });
    expect(anon.status).toBe(401);
    const other = await fetch(ranged?.url ?? '', {
      headers: { Range: range, Authorization: NOT_GRANTED },
    });
    expect(other.status).toBe(403);
  });

  it('service-info names htsget 1.3.0 variants', async () => {
    const res = await fetch(`${base}/htsget/variants/service-info`);
    expect(await res.json()).toMatchObject({
      type: { group: 'org.ga4gh', artifact: 'htsget', version: '1.3.0' },
      htsget: { datatype: 'variants', formats: ['VCF'] },
    });
  });
});

describe('htsget errors (HTS-04)', () => {
  const cases: [string, string, RequestInit, number, string][] = [
    ['no token', `/variants/${DS}`, { headers: {} }, 401, 'InvalidAuthentication'],
    [
      'no record-level grant',
      `/variants/${DS}`,
      { headers: { Authorization: NOT_GRANTED } },
      403,
      'PermissionDenied',
    ],
    [
      'unknown dataset',
      '/variants/NOPE-01',
      { headers: { Authorization: GRANTED } },
      404,
      'NotFound',
    ],
    [
      'unknown reference',
      `/variants/${DS}?referenceName=chrZZ`,
      { headers: { Authorization: GRANTED } },
      404,
      'NotFound',
    ],
    [
      'BCF',
      `/variants/${DS}?format=BCF`,
      { headers: { Authorization: GRANTED } },
      400,
      'UnsupportedFormat',
    ],
    [
      'start without reference',
      `/variants/${DS}?start=5`,
      { headers: { Authorization: GRANTED } },
      400,
      'InvalidInput',
    ],
    [
      'start > end',
      `/variants/${DS}?referenceName=1&start=9&end=5`,
      { headers: { Authorization: GRANTED } },
      400,
      'InvalidRange',
    ],
    [
      'unsatisfiable Range on a data URL',
      `/data/${DS}`,
      { headers: { Authorization: GRANTED, Range: 'bytes=900000000-900000010' } },
      400,
      'InvalidRange',
    ],
    [
      'huge POST body',
      `/variants/${DS}`,
      {
        method: 'POST',
        headers: { Authorization: GRANTED },
        body: JSON.stringify({ pad: 'x'.repeat(100_000) }),
      },
      413,
      'PayloadTooLarge',
    ],
  ];
  it.each(cases)('%s → %i %s', async (_name, path, init, status, error) => {
    const res = await fetch(`${base}/htsget${path}`, init);
    expect(res.status).toBe(status);
    expect(htsgetErrorSchema.parse(await res.json()).htsget.error).toBe(error);
  });
});
