import type { DirectoryProblemSaid } from '../../../../shared/federation/directory';
import type { VisaBinding } from '../../../../shared/vault/vault';
import type { PassportDecision } from '../passport/clearinghouse';
import type { VerifiedVisa } from '../passport/visaVerifier';
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
    out.push({ nodeId: ds.node.id, datasetId: ds.id, visa: bindingOf(best) });
  }
  return out;
}

/** The vault's record of a visa (PASS-03). */
function bindingOf(v: VerifiedVisa): VisaBinding {
  return {
    // A visa without jti is still bound by issuer, value and asserted time.
    jti: v.jti ?? `${v.iss}#${v.value}#${String(v.asserted)}`,
    iss: v.iss,
    value: v.value,
    source: v.source,
    exp: v.exp,
    asserted: v.asserted,
  };
}

/**
 * Every unexpired ControlledAccessGrants visa of the passport, matched to no dataset: the vault
 * judges a cached dataset whose node could not be asked for its catalogue by these (issue 12: an
 * unreachable node is not a revocation; only the passport losing the visa is).
 */
export function heldVisas(decision: PassportDecision, nowMs: number): VisaBinding[] {
  return decision.grants.filter((g) => g.exp * 1000 > nowMs).map(bindingOf);
}

/**
 * What the vault may conclude from the session about cached datasets (issue 12). `grants` are
 * definitive only for datasets of `knownNodes` (their /datasets was read at the last passport
 * check); a dataset of any other node is judged by `visas`. `unverifiable` says why nothing can be
 * concluded at all (the federation directory failed, so no visa issuer could be trusted).
 */
export interface SessionGrants {
  readonly user: { readonly sub: string; readonly iss: string };
  readonly grants: readonly DatasetGrant[];
  readonly knownNodes: readonly string[];
  readonly nodeProblems: readonly { readonly nodeId: string; readonly message: string }[];
  readonly visas: readonly VisaBinding[];
  readonly unverifiable?: string;
  /** `unverifiable` as the directory's problem code and values (decision 0076). */
  readonly unverifiableSaid?: DirectoryProblemSaid;
  /** No node was asked at the last check (issue 23, decision 0050): judge by `visas` alone. */
  readonly passportOnly?: true;
}
