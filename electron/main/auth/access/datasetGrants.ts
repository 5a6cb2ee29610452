import type { VisaBinding } from '../../../../shared/domain/vault';
import type { PassportDecision } from '../passport/clearinghouse';
import type { PublishedDataset } from './datasetCatalog';
import { visaValueMatches } from './visaValueMapping';

/** A dataset the passport grants record-level access to, with the visa that grants it (PASS-03). */
export interface DatasetGrant {
  readonly nodeId: string;
  readonly datasetId: string;
  readonly visa: VisaBinding;
}

/**
 * Per published dataset, the unexpired ControlledAccessGrants visa from the dataset's DAC with the
 * latest expiry (the same matching as the access list: exact value, dacSource when published).
 * Main-process only (the vault binds cached datasets to these; never sent to the renderer).
 */
export function datasetGrants(
  datasets: readonly PublishedDataset[],
  decision: PassportDecision,
  nowMs: number,
): DatasetGrant[] {
  const out: DatasetGrant[] = [];
  for (const ds of datasets) {
    const usable = decision.grants.filter(
      (g) =>
        visaValueMatches(g.value, ds) &&
        (ds.dacSource === undefined || g.source === ds.dacSource) &&
        g.exp * 1000 > nowMs,
    );
    const best = usable.reduce<(typeof usable)[number] | undefined>(
      (a, g) => (a === undefined || g.exp > a.exp ? g : a),
      undefined,
    );
    if (best === undefined) continue;
    out.push({
      nodeId: ds.node.id,
      datasetId: ds.id,
      visa: {
        // A visa without jti is still bound by issuer, value and asserted time.
        jti: best.jti ?? `${best.iss}#${best.value}#${String(best.asserted)}`,
        iss: best.iss,
        value: best.value,
        source: best.source,
        exp: best.exp,
        asserted: best.asserted,
      },
    });
  }
  return out;
}
