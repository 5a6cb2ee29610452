/** The running federation's connection details, written to `federation/.run/federation.json` for the app and tools. */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface FederationNodeInfo {
  id: string;
  country: string;
  name: string;
  beaconUrl: string;
  /** Absent for a node without htsget (the foreign node). */
  htsgetUrl?: string;
  /** The node's assembly where the federation states it (the foreign node states it only itself). */
  assembly?: string;
  /** The directory's record of an agreement on local copies (for a node that says nothing). */
  localCopies?: 'allowed' | 'not-allowed';
  /** RFC 8707 resource indicator of the node's Beacon and htsget (access tokens name it as audience). */
  resource: string;
}
export interface FederationInfo {
  issuer: string;
  jwksUri: string;
  clientId: string;
  adminUrl: string;
  adminSecret: string;
  accounts: { username: string; password: string; description: string }[];
  nodes: FederationNodeInfo[];
}

/** Default folder for runtime state (git-ignored): federation/.run */
export const DEFAULT_RUN_DIR = fileURLToPath(new URL('.run/', import.meta.url));
/** Default data root (git-ignored): federation/data */
export const DEFAULT_DATA_ROOT = fileURLToPath(new URL('data/', import.meta.url));
export const INFO_FILE = 'federation.json';

/** Writes federation.json atomically (readers never see half a file); owner-only, it holds the admin secret. */
export async function writeFederationInfo(runDir: string, info: FederationInfo): Promise<string> {
  await mkdir(runDir, { recursive: true });
  const path = join(runDir, INFO_FILE);
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(info, null, 2)}\n`, { mode: 0o600 });
  await rename(tmp, path);
  return path;
}

/** Removes federation.json on shutdown so tools do not talk to a stopped federation. */
export async function removeFederationInfo(runDir: string): Promise<void> {
  await rm(join(runDir, INFO_FILE), { force: true });
}
