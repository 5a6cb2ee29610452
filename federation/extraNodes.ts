/**
 * Extra demo nodes for benchmarks (`--extra-nodes N`): node X01, X02, … each reuses one national
 * node's generated data, copied once with dataset ids renamed (FI-RD-01 → X01-RD-01) so every node
 * answers for distinct datasets, and VCFs linked under the new names.
 */
import { access, mkdir, readdir, rename, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { DATASETS, NODES, type DatasetPolicy, type NodeId, type NodeInfo } from './catalogue.js';

export interface NodePlan {
  readonly node: NodeInfo;
  readonly dataDir: string;
  readonly extraDatasets: DatasetPolicy[];
}

const TABLES = ['individuals', 'variants', 'genotypes'] as const;
const sql = (s: string): string => `'${s.replaceAll("'", "''")}'`;

function extraId(i: number): NodeId {
  // Extra nodes lie outside the catalogue's NodeId union by design; the node code treats ids as opaque.
  return `X${String(i).padStart(2, '0')}` as NodeId;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** Copies `base`'s Parquet and links its VCFs into `dir` with dataset ids renamed per `rename`. */
async function materialise(
  dataDir: string,
  base: NodeInfo,
  dir: string,
  renames: Map<string, string>,
): Promise<void> {
  const tmp = `${dir}.tmp`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(join(tmp, 'vcf'), { recursive: true });
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  try {
    const cases = [...renames].map(([from, to]) => `WHEN ${sql(from)} THEN ${sql(to)}`).join(' ');
    for (const t of TABLES) {
      await conn.run(
        `COPY (SELECT * REPLACE (CASE dataset_id ${cases} ELSE dataset_id END AS dataset_id)
           FROM read_parquet(${sql(join(dataDir, base.id, `${t}.parquet`))})) TO ${sql(join(tmp, `${t}.parquet`))} (FORMAT parquet)`,
      );
    }
  } finally {
    conn.closeSync();
    db.closeSync();
  }
  const vcfDir = join(dataDir, base.id, 'vcf');
  for (const file of await readdir(vcfDir)) {
    const from = [...renames.keys()].find((id) => file.startsWith(`${id}.`));
    if (from === undefined) continue;
    await symlink(
      join(vcfDir, file),
      join(tmp, 'vcf', file.replace(from, renames.get(from) ?? from)),
    );
  }
  await rename(tmp, dir);
}

/** Plans (and on first use materialises under `${dataDir}/extra/`) `count` extra nodes. */
export async function extraNodePlans(
  dataDir: string,
  count: number,
  firstPort: number,
): Promise<NodePlan[]> {
  const plans: NodePlan[] = [];
  for (let i = 1; i <= count; i++) {
    const base = NODES[(i - 1) % NODES.length];
    if (base === undefined) break;
    const id = extraId(i);
    const renames = new Map<string, string>();
    const extraDatasets: DatasetPolicy[] = DATASETS.filter((d) => d.node === base.id).map((d) => {
      const newId = `${id}${d.id.slice(base.id.length)}`;
      renames.set(d.id, newId);
      return { ...d, id: newId, node: id, title: `${d.title} (benchmark copy ${id})` };
    });
    const root = join(dataDir, 'extra');
    const dir = join(root, id);
    if (!(await exists(join(dir, 'genotypes.parquet'))))
      await materialise(dataDir, base, dir, renames);
    const node: NodeInfo = {
      ...base,
      id,
      name: `Benchmark node ${id} (data of ${base.id})`,
      port: firstPort + i - 1,
    };
    plans.push({ node, dataDir: root, extraDatasets });
  }
  return plans;
}
