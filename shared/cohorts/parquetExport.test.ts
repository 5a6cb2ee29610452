import { describe, expect, it } from 'vitest';
import type { ExportRow } from './exportFormats';
import { NO_VARIANT, toExportRow } from './exportFormats';
import { ExportRowSchema, parquetChunks } from './parquetExport';

const row = (i: number, phenotypes: string[] = []): ExportRow =>
  toExportRow({
    dataset_id: 'FI-RD-01',
    node_id: 'FI',
    individual_id: `I${String(i)}`,
    sex: 'female',
    age_band: null,
    country: 'FI',
    diseases: [],
    phenotypes,
    ...NO_VARIANT,
  });

describe('Parquet export chunks', () => {
  it('keep order and stay under the row and character budgets', () => {
    const rows = Array.from({ length: 25 }, (_, i) => row(i, i % 4 === 0 ? ['HP:0000098'] : []));
    const chunks = parquetChunks(rows, 10, 1200);
    expect(chunks.flat()).toEqual(rows);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(10);
      expect(JSON.stringify(c).length).toBeLessThanOrEqual(1200);
    }
    expect(parquetChunks([], 10, 1200)).toEqual([]);
  });
  it('a row travels as the CSV row does, and nothing else', () => {
    expect(ExportRowSchema.parse(row(1))).toEqual(row(1));
    expect(ExportRowSchema.safeParse({ ...row(1), note: 'x' }).success).toBe(false);
  });
});
