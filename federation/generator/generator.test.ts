import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureData, type DataManifest } from './index';

const roots = [
  mkdtempSync(join(tmpdir(), 'gen-a-')),
  mkdtempSync(join(tmpdir(), 'gen-b-')),
] as const;
let a: DataManifest;
let b: DataManifest;
let firstMs = 0;

function hashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name !== 'manifest.json')
        out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

beforeAll(async () => {
  const t0 = performance.now();
  a = await ensureData({ profile: 'small', rootDir: roots[0], seed: 7 });
  firstMs = performance.now() - t0;
  console.log(
    `small profile generated in ${(firstMs / 1000).toFixed(2)} s: ${JSON.stringify(a.nodes)}`,
  );
  b = await ensureData({ profile: 'small', rootDir: roots[1], seed: 7 });
});
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

describe('ensureData', () => {
  it('is deterministic: the same seed gives byte-identical files', () => {
    const ha = hashes(a.dir);
    expect(Object.keys(ha).length).toBeGreaterThan(20);
    expect(hashes(b.dir)).toEqual(ha);
    expect(b.nodes).toEqual(a.nodes);
  });

  it('reuses data whose manifest matches seed, profile and version', async () => {
    const before = statSync(join(a.dir, 'IT', 'genotypes.parquet')).mtimeMs;
    const t0 = performance.now();
    const again = await ensureData({ profile: 'small', rootDir: roots[0], seed: 7 });
    expect(performance.now() - t0).toBeLessThan(500);
    expect(again).toEqual(a);
    expect(statSync(join(a.dir, 'IT', 'genotypes.parquet')).mtimeMs).toBe(before);
  });

  it('has the agreed layout and sizes for the small profile', () => {
    expect(a.dir).toBe(join(roots[0], 'small'));
    const total = Object.values(a.nodes).reduce((s, n) => s + n.individuals, 0);
    expect(total).toBeGreaterThanOrEqual(2500);
    expect(total).toBeLessThanOrEqual(4000);
    for (const n of Object.values(a.nodes)) expect(n.genotypes).toBeGreaterThan(n.individuals);
    console.log(`generation time (small): ${(firstMs / 1000).toFixed(2)} s`);
  });

  it('regenerates when the seed differs', async () => {
    const c = await ensureData({ profile: 'small', rootDir: roots[1], seed: 8 });
    expect(c.seed).toBe(8);
    expect(hashes(c.dir)['IT/genotypes.parquet']).not.toBe(hashes(a.dir)['IT/genotypes.parquet']);
  }, 60_000);
});
