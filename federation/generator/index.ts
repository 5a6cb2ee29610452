/**
 * The demo federation's synthetic cohorts: ensureData() generates (or reuses) the seeded, deterministic
 * Parquet tables, BGZF VCFs with tabix indexes and ground truth under rootDir/profile.
 */
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DATASETS, NODES } from '../catalogue';
import { codeFingerprint } from './fingerprint';
import { generateAll, type DataManifest } from './generate';
import { withDirLock } from './lock';
import type { Profile } from './model';
import { DEFAULT_SEED, GENERATOR_VERSION } from './version';

export type { DataManifest } from './generate';
export type { Profile } from './model';
export type { GroundTruth, DatasetTruth } from './groundTruth';
export { PLANTED, type PlantedVariant } from './planted';
export { DEFAULT_SEED, GENERATOR_VERSION } from './version';
export { tabixQuery } from './vcf/tabixReader';

/** Default data root (git-ignored), relative to the repository root. */
export const DEFAULT_ROOT_DIR = 'federation/data';

function complete(dir: string): boolean {
  const files = [
    'ground-truth.json',
    ...NODES.flatMap((n) =>
      ['individuals', 'variants', 'genotypes'].map((t) => `${n.id}/${t}.parquet`),
    ),
  ];
  const vcfs = DATASETS.flatMap((d) => [
    `${d.node}/vcf/${d.id}.vcf.gz`,
    `${d.node}/vcf/${d.id}.vcf.gz.tbi`,
  ]);
  return [...files, ...vcfs].every((f) => existsSync(join(dir, f)));
}

/** The manifest under dir when it was made by this generator version for this seed and profile. */
function reusable(dir: string, profile: Profile, seed: number): DataManifest | undefined {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) return undefined;
  try {
    const m = JSON.parse(readFileSync(path, 'utf8')) as DataManifest;
    const same =
      m.profile === profile &&
      m.seed === seed &&
      m.version === GENERATOR_VERSION &&
      (m.code ?? '') === codeFingerprint();
    return same && complete(dir) ? { ...m, dir } : undefined;
  } catch {
    return undefined;
  }
}

const inFlight = new Map<string, Promise<DataManifest>>();

/** Generates (or reuses when manifest matches seed+profile+version) the data; deterministic per seed. */
export function ensureData(opts: {
  profile: Profile;
  rootDir: string;
  seed?: number;
  onProgress?: (msg: string) => void;
}): Promise<DataManifest> {
  const seed = opts.seed ?? DEFAULT_SEED;
  const dir = resolve(opts.rootDir, opts.profile);
  const ready = reusable(dir, opts.profile, seed);
  if (ready) return Promise.resolve(ready);
  const key = `${dir}\0${seed}`;
  const pending =
    inFlight.get(key) ??
    withDirLock(`${dir}.lock`, async () => {
      // Another process may have generated it while we waited for the lock.
      const done = reusable(dir, opts.profile, seed);
      if (done) return done;
      const tmp = `${dir}.tmp-${process.pid}`;
      rmSync(tmp, { recursive: true, force: true });
      const manifest = await generateAll({
        profile: opts.profile,
        seed,
        outDir: tmp,
        finalDir: dir,
        ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
      });
      rmSync(join(tmp, '.duckdb-tmp'), { recursive: true, force: true });
      rmSync(dir, { recursive: true, force: true });
      renameSync(tmp, dir);
      return manifest;
    }).finally(() => inFlight.delete(key));
  inFlight.set(key, pending);
  return pending;
}
