/**
 * Brings a copy of a kept case database (bench/case-import.ts --keep-case) to the current case schema
 * with the app's one-time upgrade SQL (shared/cases/schemaUpgrade.ts), natively, and reports what
 * it cost: CPU time of this process (DuckDB's threads included), wall time, file size before/after.
 * The query layout's import-time cost at genome scale, measured without importing again.
 */
import { copyFileSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { DuckDBInstance } from '@duckdb/node-api';
import type { LayoutPanel } from '../../shared/cases/queryLayout';
import { queryLayoutSql } from '../../shared/cases/queryLayout';
import { caseUpgradeSql } from '../../shared/cases/schemaUpgrade';

export interface UpgradeReport {
  from: number;
  cpuSeconds: number;
  wallSeconds: number;
  mbBefore: number;
  mbAfter: number;
  load: string;
}

/**
 * Upgrades a copy of `file` at `scratch` (deleted after); returns the upgraded bytes. With
 * `relayout`, a current case's query layout is built again (with `panels`' bits, decision 0062),
 * as an import of this version builds it.
 */
export async function upgradeCaseFile(
  file: string,
  scratch: string,
  panels: readonly LayoutPanel[] = [],
  relayout = false,
): Promise<{ bytes: Buffer; report: UpgradeReport }> {
  copyFileSync(file, scratch);
  try {
    const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
    const conn = await instance.connect();
    const alias = 'case_up';
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    let from = 0;
    try {
      await conn.run(`ATTACH '${scratch}' AS ${alias}`);
      const meta = (
        await conn.runAndReadAll(
          `SELECT value FROM ${alias}.main.case_meta WHERE key = 'schema_version'`,
        )
      ).getRowObjectsJS()[0];
      from = Number(meta?.value ?? 0);
      const upgrade = caseUpgradeSql(alias, from, panels);
      const steps = upgrade.length === 0 && relayout ? queryLayoutSql(alias, panels) : upgrade;
      for (const s of steps) await conn.run(s);
      await conn.run(`DETACH ${alias}`);
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
    const cpu = process.cpuUsage(cpu0);
    const bytes = readFileSync(scratch);
    return {
      bytes,
      report: {
        from,
        cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(2)),
        wallSeconds: Number(((performance.now() - t0) / 1000).toFixed(2)),
        mbBefore: Number((statSync(file).size / 1e6).toFixed(1)),
        mbAfter: Number((bytes.length / 1e6).toFixed(1)),
        load: loadavg()
          .map((l) => l.toFixed(2))
          .join(' '),
      },
    };
  } finally {
    rmSync(scratch, { force: true });
    rmSync(`${scratch}.wal`, { force: true });
  }
}
