import type { Granularity } from '../../../../shared/federation/directory';
import type { DatasetAccess, IgnoredVisa } from '../../../../shared/auth/session';
import type { PassportDecision } from '../passport/clearinghouse';
import type { VerifiedVisa } from '../passport/visaVerifier';
import type { PublishedDataset } from './datasetCatalog';
import { visaValueMatches } from './visaValueMapping';

/** Default window in which an expiry is shown as coming soon. */
export const EXPIRING_SOON_MS = 15 * 60_000;

export interface AccessList {
  readonly access: DatasetAccess[];
  /** Grants that name no published dataset, or come from another DAC than the dataset's. */
  readonly unmatched: IgnoredVisa[];
  /** The next instant at which an entry expires or turns "expiring soon" (for a re-emit timer). */
  readonly nextChangeAt?: number;
}

/**
 * Per dataset, the granularity this user can expect (the node decides and reports it per response,
 * BCN-01; this is the passport's view): record with a matching valid ControlledAccessGrants visa,
 * count on registered datasets with Registered Access, count on public datasets, boolean otherwise.
 * An expired grant falls back to the lower tier and stays marked `expired`.
 */
export function buildAccessList(
  datasets: readonly PublishedDataset[],
  decision: PassportDecision | undefined,
  nowMs: number,
  soonMs = EXPIRING_SOON_MS,
): AccessList {
  const grants = decision?.grants ?? [];
  const used = new Set<VerifiedVisa>();
  const unmatched: IgnoredVisa[] = [];
  const changes: number[] = [];
  const access = datasets.map((ds): DatasetAccess => {
    const matching = grants.filter((g) => visaValueMatches(g.value, ds));
    for (const g of matching) used.add(g);
    const fromDac = matching.filter((g) => ds.dacSource === undefined || g.source === ds.dacSource);
    for (const g of matching.filter((m) => !fromDac.includes(m)))
      unmatched.push({
        type: g.type,
        issuer: g.iss,
        value: g.value,
        reason: `granted by ${g.source}, not by the committee of ${ds.id}`,
        said: { code: 'other-committee', params: { source: g.source, dataset: ds.id } },
      });
    const grantExp =
      fromDac.length === 0 ? undefined : Math.max(...fromDac.map((g) => g.exp)) * 1000;
    const registeredExp =
      decision?.registered !== undefined && ds.level === 'registered'
        ? decision.registered.exp * 1000
        : undefined;
    // Without grants: a public dataset at the node's declared default (else counts), others yes/no.
    let granularity: Granularity =
      ds.level === 'public' ? (ds.defaultGranularity ?? 'count') : 'boolean';
    let expiresAt: number | undefined;
    let expired = false;
    for (const [exp, level] of [
      [registeredExp, 'count'],
      [grantExp, 'record'],
    ] as const) {
      if (exp === undefined) continue;
      if (exp > nowMs) {
        granularity = level;
        expiresAt = exp;
        expired = false;
        changes.push(exp - soonMs > nowMs ? exp - soonMs : exp);
      } else if (expiresAt === undefined) {
        expiresAt = exp;
        expired = true;
      }
    }
    // What the node answered wins (it decides, BCN-01), except a record answer given under a grant
    // that has lapsed since: then the passport's lower tier until the node is asked again.
    const fromNode =
      ds.granted !== undefined && !(ds.granted === 'record' && granularity !== 'record');
    return {
      nodeId: ds.node.id,
      nodeName: ds.node.name,
      country: ds.node.country,
      datasetId: ds.id,
      title: ds.title,
      level: ds.level,
      granularity: fromNode ? ds.granted : granularity,
      granularityFrom: fromNode ? 'node' : 'passport',
      duo: [...ds.duo],
      ...(expiresAt === undefined ? {} : { expiresAt: new Date(expiresAt).toISOString() }),
      expiringSoon: !expired && expiresAt !== undefined && expiresAt - nowMs < soonMs,
      expired,
    };
  });
  for (const g of grants.filter((grant) => !used.has(grant))) {
    unmatched.push({
      type: g.type,
      issuer: g.iss,
      value: g.value,
      reason: 'names no dataset of this federation (values must match exactly, including case)',
      said: { code: 'no-dataset' },
    });
  }
  return {
    access,
    unmatched,
    ...(changes.length === 0 ? {} : { nextChangeAt: Math.min(...changes) }),
  };
}
