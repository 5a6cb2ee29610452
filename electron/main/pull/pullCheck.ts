import { z } from 'zod';
import type { DuoTerm, FederationDirectory, NodeEntry } from '../../../shared/domain/federation';
import type { DatasetAccess } from '../../../shared/domain/session';
import type { PullCheck, PullTarget } from '../../../shared/domain/vault';
import { duoPermits } from '../../../shared/vault/duoRules';
import type { DatasetGrant } from '../auth/access/datasetGrants';
import type { AuthService } from '../auth/authService';

/** What the node publishes about a dataset in Beacon /datasets (public catalogue metadata). */
export interface NodeDataset {
  readonly id: string;
  readonly title: string;
  readonly duo: DuoTerm[];
  /** DATA-01: the node's permission for local copies; absent means no. */
  readonly allowLocalCopies: boolean;
}

const CollectionsZ = z.object({
  response: z.object({
    collections: z.array(
      z.looseObject({
        id: z.string(),
        name: z.string().optional(),
        dataUseConditions: z
          .looseObject({
            duoDataUse: z
              .array(z.looseObject({ id: z.string(), label: z.string().optional() }))
              .optional(),
          })
          .optional(),
        info: z.looseObject({ allowLocalCopies: z.boolean().optional() }).optional(),
      }),
    ),
  }),
});

/** Reads one dataset's catalogue entry from its node, anonymously (PASS-04: no token for metadata). */
export async function fetchNodeDataset(
  node: NodeEntry,
  datasetId: string,
  fetchImpl: typeof fetch,
  timeoutMs: number,
): Promise<NodeDataset | undefined> {
  const res = await fetchImpl(`${node.beaconUrl.replace(/\/+$/, '')}/datasets?limit=1000`, {
    headers: { accept: 'application/json' },
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const d = CollectionsZ.parse(await res.json()).response.collections.find(
    (c) => c.id === datasetId,
  );
  if (d === undefined) return undefined;
  return {
    id: d.id,
    title: d.name ?? d.id,
    duo: (d.dataUseConditions?.duoDataUse ?? []).map((t) => ({ id: t.id, label: t.label ?? t.id })),
    allowLocalCopies: d.info?.allowLocalCopies === true,
  };
}

export interface CheckDeps {
  auth: Pick<AuthService, 'summary' | 'grants'>;
  directory: () => Promise<FederationDirectory>;
  fetch: typeof fetch;
  timeoutMs: () => number;
  allowLocalCache: () => boolean;
  vaultLocked: () => boolean;
}

export interface CheckedPull {
  check: PullCheck;
  node?: NodeEntry;
  dataset?: NodeDataset;
  access?: DatasetAccess;
  grant?: DatasetGrant;
}

/**
 * DATA-01 + DATA-07 + PASS-03: may this user keep a local copy of this dataset for this purpose?
 * Every failing condition is named; the fallback is always counts only.
 */
export async function checkPull(deps: CheckDeps, t: PullTarget): Promise<CheckedPull> {
  const reasons: string[] = [];
  const session = await deps.auth.summary();
  const dir = await deps.directory();
  const node = dir.nodes.find((n) => n.id === t.nodeId);
  const access = session.access.find((a) => a.nodeId === t.nodeId && a.datasetId === t.datasetId);
  const grant = deps.auth
    .grants()
    ?.grants.find((g) => g.nodeId === t.nodeId && g.datasetId === t.datasetId);
  if (session.state !== 'signed-in') reasons.push('Sign in to the federation first.');
  if (node === undefined) reasons.push(`Node ${t.nodeId} is not in the federation directory.`);
  if (session.state === 'signed-in' && (access?.granularity !== 'record' || grant === undefined)) {
    const has =
      access === undefined
        ? 'no access'
        : access.expired
          ? 'an expired grant'
          : `${access.granularity}-level access only`;
    reasons.push(
      `Your passport holds no valid controlled-access grant for ${t.datasetId} (you have ${has}); a local copy needs record-level access.`,
    );
  }
  let dataset: NodeDataset | undefined;
  if (node !== undefined) {
    try {
      // One retry: a reset keep-alive connection is not a reason to refuse.
      dataset = await fetchNodeDataset(node, t.datasetId, deps.fetch, deps.timeoutMs()).catch(() =>
        fetchNodeDataset(node, t.datasetId, deps.fetch, deps.timeoutMs()),
      );
      if (dataset === undefined)
        reasons.push(`Node ${t.nodeId} does not publish a dataset ${t.datasetId}.`);
    } catch {
      reasons.push(
        `Node ${t.nodeId} could not be asked for the dataset's data use conditions; try again later.`,
      );
    }
  }
  if (dataset !== undefined) {
    reasons.push(...duoPermits(dataset.duo, t.purpose).reasons);
    if (!dataset.allowLocalCopies)
      reasons.push(`Node ${t.nodeId} does not allow local copies of ${t.datasetId}.`);
  }
  if (!deps.allowLocalCache())
    reasons.push(
      'Local copies are turned off in Settings or by your hospital’s policy (allowLocalCache).',
    );
  if (deps.vaultLocked())
    reasons.push('The vault is locked: unlock it with your passphrase first.');
  const check: PullCheck =
    reasons.length === 0
      ? { allowed: true, reasons }
      : { allowed: false, reasons, offer: 'counts-only' };
  return {
    check,
    ...(node === undefined ? {} : { node }),
    ...(dataset === undefined ? {} : { dataset }),
    ...(access === undefined ? {} : { access }),
    ...(grant === undefined ? {} : { grant }),
  };
}
