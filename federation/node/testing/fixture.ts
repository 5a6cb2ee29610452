/** Test fixture: GEN's small profile (generated once under federation/data) and a node on port 0. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NODES, type NodeId } from '../../catalogue';
import { ensureData, type GroundTruth } from '../../generator/index';
import { createMemoryLogger } from '../log';
import { startNode, type NodeHandle, type StartNodeOptions } from '../server';

export const DATA_ROOT = fileURLToPath(new URL('../../data', import.meta.url));

/** The small profile's directory and ground truth (generated on first use; deterministic). */
export async function smallData(): Promise<{ dir: string; truth: GroundTruth }> {
  const m = await ensureData({ profile: 'small', rootDir: DATA_ROOT });
  return {
    dir: m.dir,
    truth: JSON.parse(readFileSync(join(m.dir, 'ground-truth.json'), 'utf8')) as GroundTruth,
  };
}

/** Starts one node on an ephemeral port with an in-memory logger. */
export async function startTestNode(
  id: NodeId,
  dir: string,
  extra: Partial<StartNodeOptions> = {},
): Promise<NodeHandle & { logger: ReturnType<typeof createMemoryLogger> }> {
  const node = NODES.find((n) => n.id === id);
  if (!node) throw new Error(`unknown node ${id}`);
  const logger = createMemoryLogger(`node-${id}`);
  const h = await startNode({ node, port: 0, dataDir: dir, trustedIssuers: [], logger, ...extra });
  return Object.assign(h, { logger });
}

/** JSON GET/POST against a Beacon base URL. */
export async function call(
  beaconUrl: string,
  path: string,
  opts: { token?: string; body?: unknown } = {},
): Promise<{
  status: number;
  body: Record<string, unknown> & {
    responseSummary?: { exists: boolean; numTotalResults?: number };
  };
}> {
  const headers: Record<string, string> = {};
  if (opts.token !== undefined) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${beaconUrl}${path}`, {
    method: opts.body === undefined ? 'GET' : 'POST',
    headers,
    ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
