/** Generates every node's data for a profile and seed into a directory (one dataset in memory at a time). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATASETS, NODES, type NodeId } from '../catalogue';
import { sampleGenotypes } from './genotypes';
import { datasetTruth, type DatasetTruth, type GroundTruth } from './groundTruth';
import { codeFingerprint } from './fingerprint';
import { generateIndividuals } from './individuals';
import { PROFILES, type DatasetData, type Profile } from './model';
import { NodeParquetWriter } from './parquetWriter';
import { sampleSomatic } from './somatic';
import { buildVariantPool } from './variantPool';
import { writeDatasetVcf } from './vcf/vcfWriter';
import { GENERATOR_VERSION } from './version';

export interface DataManifest {
  profile: Profile;
  seed: number;
  version: number;
  /** = rootDir/profile */
  dir: string;
  nodes: Record<NodeId, { individuals: number; variants: number; genotypes: number }>;
  /** Hash of the generating code (see fingerprint.ts). */
  code?: string;
}

/** Writes manifest.json, ground-truth.json and per node Parquet + per dataset VCF/tabix into outDir. */
export async function generateAll(opts: {
  profile: Profile;
  seed: number;
  outDir: string;
  finalDir: string;
  onProgress?: (msg: string) => void;
}): Promise<DataManifest> {
  const { profile, seed, outDir } = opts;
  const cfg = PROFILES[profile];
  const progress = opts.onProgress ?? ((): void => undefined);
  const pool = buildVariantPool(seed, cfg);
  progress(`variant pool: ${pool.length} variants`);
  const nodes = {} as DataManifest['nodes'];
  const truth: Record<string, DatasetTruth> = {};
  for (const node of NODES) {
    const nodeDir = join(outDir, node.id);
    mkdirSync(join(nodeDir, 'vcf'), { recursive: true });
    const writer = await NodeParquetWriter.open(join(outDir, '.duckdb-tmp'), pool);
    const counts = { individuals: 0, variants: 0, genotypes: 0 };
    for (const ds of DATASETS.filter((d) => d.node === node.id)) {
      const { individuals, plantedCarriers } = generateIndividuals(seed, ds, cfg);
      const germline = sampleGenotypes(seed, ds.id, node.id, individuals, pool, plantedCarriers);
      const somatic = sampleSomatic(seed, ds.id, individuals, pool, cfg);
      const variants = [...germline, ...somatic].sort((a, b) => a.variant.index - b.variant.index);
      const data: DatasetData = { datasetId: ds.id, node: node.id, individuals, variants };
      await writer.append(data);
      writeDatasetVcf(join(nodeDir, 'vcf', `${ds.id}.vcf.gz`), data);
      const t = datasetTruth(data);
      truth[ds.id] = t;
      counts.individuals += t.individuals;
      counts.variants += t.variants;
      counts.genotypes += t.genotypes;
      progress(
        `${ds.id}: ${t.individuals} individuals, ${t.variants} variants, ${t.genotypes} genotypes`,
      );
    }
    await writer.finish(nodeDir);
    nodes[node.id] = counts;
  }
  const groundTruth: GroundTruth = { profile, seed, version: GENERATOR_VERSION, datasets: truth };
  writeFileSync(join(outDir, 'ground-truth.json'), `${JSON.stringify(groundTruth, null, 1)}\n`);
  const manifest: DataManifest = {
    profile,
    seed,
    version: GENERATOR_VERSION,
    dir: opts.finalDir,
    nodes,
    code: codeFingerprint(),
  };
  writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
