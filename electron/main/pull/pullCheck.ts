import { z } from 'zod';
import type { DuoTerm, FederationDirectory, NodeEntry } from '../../../shared/federation/directory';
import type { DatasetAccess } from '../../../shared/auth/session';
import type { PullCheck, PullTarget } from '../../../shared/vault/vault';
import type { PullReason, PullReasonCode, Refusal } from '../../../shared/vault/pullReason';
import { diseaseCheck } from '../../../shared/vault/diseaseCheck';
import { duoPermits } from '../../../shared/vault/duoRules';
import { readDuoTerms } from '../../../shared/vault/duoTerms';
import { localCopyRefusal } from './localCopies';
import type { DatasetGrant } from '../auth/access/datasetGrants';
import type { AuthService } from '../auth/authService';

/** What the node publishes about a dataset in Beacon /datasets (public catalogue metadata). */
export interface NodeDataset {
  readonly id: string;
  readonly title: string;
  readonly duo: DuoTerm[];
  /**
   * DATA-01: what the node says about local copies (the demo nodes' `info.allowLocalCopies` hint);
   * undefined when it says nothing (decision 0018 then asks the federation directory).
   */
  readonly allowLocalCopies: boolean | undefined;
}

const CollectionsZ = z.object({
  response: z.object({
    collections: z.array(
      z.looseObject({
        id: z.string(),
        name: z.string().optional(),
        dataUseConditions: z.unknown().optional(),
        info: z.looseObject({ allowLocalCopies: z.boolean().optional() }).nullish(),
      }),
    ),
  }),
});

/**
 * Reads one dataset's catalogue entry from its node by the specification's `/datasets/{id}` route,
 * anonymously (PASS-04: no token for metadata). DUO terms are read tolerantly (readDuoTerms).
 */
export async function fetchNodeDataset(
  node: NodeEntry,
  datasetId: string,
  fetchImpl: typeof fetch,
  timeoutMs: number,
): Promise<NodeDataset | undefined> {
  const url = `${node.beaconUrl.replace(/\/+$/, '')}/datasets/${encodeURIComponent(datasetId)}`;
  const res = await fetchImpl(url, {
    headers: { accept: 'application/json' },
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (res.status === 404) return undefined;
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const d = CollectionsZ.parse(await res.json()).response.collections.find(
    (c) => c.id === datasetId,
  );
  if (d === undefined) return undefined;
  return {
    id: d.id,
    title: d.name ?? d.id,
    duo: readDuoTerms(d.dataUseConditions),
    allowLocalCopies: d.info?.allowLocalCopies,
  };
}

/** The access table's words for what a user sees, reused in refusals so both say the same. */
const SEES: Readonly<Record<DatasetAccess['granularity'], string>> = {
  none: 'nothing',
  boolean: 'yes/no answers',
  count: 'counts',
  record: 'records',
};

/** PASS-03: the refusal when the passport holds no controlled-access grant (what the node gives). */
function noGrant(datasetId: string, access: DatasetAccess | undefined): Refusal {
  const has =
    access === undefined
      ? 'no access'
      : access.expired
        ? `an expired grant; the node gives you ${SEES[access.granularity]}`
        : `the node gives you ${SEES[access.granularity]}`;
  const code: PullReasonCode =
    access === undefined
      ? 'no-access'
      : access.expired
        ? `grant-expired-${access.granularity}`
        : `no-grant-${access.granularity}`;
  return {
    text: `Your passport holds no valid controlled-access grant for ${datasetId} (${has}); a local copy needs a controlled-access grant (PASS-03).`,
    said: { code, params: { dataset: datasetId } },
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
  const refusals: Refusal[] = [];
  const refuse = (text: string, said: PullReason): void => {
    refusals.push({ text, said });
  };
  const session = await deps.auth.summary();
  const dir = await deps.directory();
  const node = dir.nodes.find((n) => n.id === t.nodeId);
  const access = session.access.find((a) => a.nodeId === t.nodeId && a.datasetId === t.datasetId);
  const grant = deps.auth
    .grants()
    ?.grants.find((g) => g.nodeId === t.nodeId && g.datasetId === t.datasetId);
  const ids = { node: t.nodeId, dataset: t.datasetId };
  if (session.state !== 'signed-in')
    refuse('Sign in to the federation first.', { code: 'sign-in' });
  if (node === undefined)
    refuse(`Node ${t.nodeId} is not in the federation directory.`, {
      code: 'node-not-listed',
      params: { node: t.nodeId },
    });
  if (session.state === 'signed-in' && (access?.granularity !== 'record' || grant === undefined))
    refusals.push(noGrant(t.datasetId, access));
  let dataset: NodeDataset | undefined;
  if (node !== undefined) {
    try {
      // One retry: a reset keep-alive connection is not a reason to refuse.
      dataset = await fetchNodeDataset(node, t.datasetId, deps.fetch, deps.timeoutMs()).catch(() =>
        fetchNodeDataset(node, t.datasetId, deps.fetch, deps.timeoutMs()),
      );
      if (dataset === undefined)
        refuse(`Node ${t.nodeId} does not publish a dataset ${t.datasetId}.`, {
          code: 'dataset-not-published',
          params: ids,
        });
    } catch {
      refuse(
        `Node ${t.nodeId} could not be asked for the dataset's data use conditions; try again later.`,
        { code: 'conditions-unreachable', params: { node: t.nodeId } },
      );
    }
  }
  if (dataset !== undefined && node !== undefined) {
    const duo = duoPermits(dataset.duo, t.purpose, diseaseCheck(t.disease));
    duo.reasons.forEach((text, i) => {
      const said = duo.said[i];
      if (said !== undefined) refuse(text, said);
    });
    const copy = localCopyRefusal(dataset, node);
    if (copy !== undefined) refusals.push(copy);
  }
  if (!deps.allowLocalCache())
    refuse(
      'Local copies are turned off in Settings or by your hospital’s policy (allowLocalCache).',
      { code: 'cache-off' },
    );
  if (deps.vaultLocked())
    refuse('The vault is locked: unlock it with your passphrase first.', { code: 'vault-locked' });
  // The fallback is what the node grants this user, in the same words as the access table.
  const offer =
    access?.granularity === 'count' || access?.granularity === 'record'
      ? 'counts-only'
      : 'yes-no-only';
  const reasons = refusals.map((r) => r.text);
  const check: PullCheck =
    refusals.length === 0
      ? { allowed: true, reasons }
      : { allowed: false, reasons, offer, said: refusals.map((r) => r.said) };
  return {
    check,
    ...(node === undefined ? {} : { node }),
    ...(dataset === undefined ? {} : { dataset }),
    ...(access === undefined ? {} : { access }),
    ...(grant === undefined ? {} : { grant }),
  };
}
