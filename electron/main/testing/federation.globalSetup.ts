/**
 * Vitest global setup of the node project (issue 14): one demo federation for every integration
 * test that only reads from it, instead of one per test file. Tests that set faults, change grants
 * or need other options (foreign node, no passport cache, extra nodes) still start their own.
 * Tests reach it with sharedFederation() (./sharedFederation.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { DEFAULT_DATA_ROOT } from '../../../federation/federationInfo';
import { ensureData } from '../../../federation/generator/index';
import { startFederation } from '../../../federation/startFederation';
import type { SharedFederation } from './sharedFederation';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runDir = mkdtempSync(join(tmpdir(), 'cohort-desk-shared-fed-'));
  const manifest = await ensureData({ profile: 'small', rootDir: DEFAULT_DATA_ROOT });
  const fed = await startFederation({ aaiPort: 0, basePort: 0, runDir });
  const shared: SharedFederation = {
    info: fed.info,
    infoFile: fed.infoFile,
    truthFile: join(manifest.dir, 'ground-truth.json'),
  };
  project.provide('sharedFederation', shared);
  return async () => {
    await fed.close();
    rmSync(runDir, { recursive: true, force: true });
  };
}
