import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VAULT_TABLES } from '../../../shared/vault/vault';
import { groundTruth } from './testing/groundTruth';
import { vaultRows } from './testing/vaultRows';
import type { SharedFederation } from './testing/pullHarness';
import { entropy, signedIn, useSharedFederation, tmp, walk } from './testing/pullHarness';

let fed: SharedFederation;
useSharedFederation((started) => (fed = started));

const ORDER = {
  individuals: ['individual_id'],
  variants: ['variant_key'],
  genotypes: ['variant_key', 'individual_id'],
} as const;
function sorted(
  rows: Record<string, unknown>[],
  table: (typeof VAULT_TABLES)[number],
): Record<string, unknown>[] {
  const keys = ORDER[table];
  return rows.sort((a, b) => {
    for (const k of keys) {
      const c = String(a[k]).localeCompare(String(b[k]));
      if (c !== 0) return c;
    }
    return 0;
  });
}

describe('pull a controlled dataset into the vault (issue 6, DATA-01..05, PASS-03)', () => {
  it('clinician pulls FI-RD-01 into a DuckDB file (0010): every row equals the node ground truth; files are ciphertext only', async () => {
    const dataDir = tmp('vault-app-');
    const h = await signedIn({ fed, dataDir, user: 'clinician' });
    const target = { nodeId: 'FI', datasetId: 'FI-RD-01', purpose: 'clinical-care' } as const;
    expect(await h.invoke('pull:check', target)).toEqual({ allowed: true, reasons: [] });
    const { jobId } = await h.invoke('pull:start', target);
    const done = await h.until(jobId, (p) => p.state !== 'running');
    expect(done.message).toBeUndefined();
    expect(done.state).toBe('done');
    const list = await h.invoke('vault:list');
    const m = list.datasets.find((d) => d.datasetId === 'FI-RD-01');
    expect(m).toMatchObject({
      nodeId: 'FI',
      purpose: 'clinical-care',
      allowLocalCopies: true,
      schemaVersion: 2,
      format: 'duckdb',
    });
    for (const table of VAULT_TABLES) {
      const got = sorted(await vaultRows(h.services.vault, 'FI-RD-01', table), table);
      const want = await groundTruth('FI', 'FI-RD-01', table);
      expect(got.length, table).toBe(want.length);
      expect(m?.rows[table]).toBe(want.length);
      for (let i = 0; i < want.length; i++)
        expect(got[i], `${table} row ${i}`).toMatchObject(want[i] ?? {});
      expect(got.every((row) => row.dataset_id === 'FI-RD-01' && row.node_id === 'FI')).toBe(true);
    }
    // DATA-03: no plaintext in any vault file (the DuckDB scratch file is gone); data files look random.
    const truthIndividuals = await groundTruth('FI', 'FI-RD-01', 'individuals');
    const needles = [
      'FI-RD-01-0',
      'BRCA',
      'HP:0',
      'ICD10:',
      truthIndividuals[0]?.individual_id as string,
    ];
    for (const file of walk(`${dataDir}/vault`)) {
      const text = readFileSync(file).toString('latin1');
      for (const n of needles) expect(text.includes(n), `${file} contains ${n}`).toBe(false);
      expect(file).not.toMatch(/\.duckdb$|\.wal$|scratch/);
      if (file.endsWith('data.duckdb.sealed'))
        expect(entropy(readFileSync(file)), file).toBeGreaterThan(7.9);
    }
    expect(h.services.audit.verify().ok).toBe(true);
    expect(readFileSync(h.services.audit.file, 'utf8')).toContain('vault.write');
    h.close();
  }, 120_000);
});
