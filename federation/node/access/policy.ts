import { datasetVisaValue, nodeDacSource, type DatasetPolicy } from '../../catalogue';
import { conditionsMet } from './conditions';
import type { VerifiedVisa } from './visa';

/** Bona fide researcher DOI: the value both registered-access visas must carry (Passport "Registered Access"). */
export const BONA_FIDE_DOI = 'https://doi.org/10.1038/s41431-018-0219-y';

/** Per-dataset access decided from a passport (PASS-02); consumed by Beacon and htsget. */
export interface AccessContext {
  registered: boolean;
  controlledDatasets: ReadonlySet<string>;
  rejectedVisas: { reason: string }[];
}

export interface PolicyResult {
  access: AccessContext;
  /** Earliest exp among visas that granted something: the decision must not outlive it. */
  minExp?: number;
}

/**
 * Applies the node's policies to verified visas. Visas with conditions are used only when the DNF is met by
 * other valid visas that carry no conditions themselves.
 */
export function decideAccess(
  visas: readonly VerifiedVisa[],
  datasets: readonly DatasetPolicy[],
  rejected: { reason: string }[],
): PolicyResult {
  const support = visas.filter((v) => v.conditions === undefined);
  const usable: VerifiedVisa[] = [];
  for (const v of visas) {
    if (v.conditions === undefined || conditionsMet(v.conditions, support)) usable.push(v);
    else rejected.push({ reason: `${v.type}: conditions not met` });
  }
  const exps: number[] = [];
  // Registered access: AcceptedTermsAndPolicies + ResearcherStatus, same (bona fide) value, both with `by`.
  const atp = usable.find(
    (v) => v.type === 'AcceptedTermsAndPolicies' && v.value === BONA_FIDE_DOI && v.by !== undefined,
  );
  const rs = usable.find(
    (v) => v.type === 'ResearcherStatus' && v.value === BONA_FIDE_DOI && v.by !== undefined,
  );
  const registered = atp !== undefined && rs !== undefined;
  if (atp && rs) exps.push(atp.exp, rs.exp);
  const controlled = new Set<string>();
  for (const v of usable) {
    if (v.type !== 'ControlledAccessGrants') continue;
    if (v.by !== 'dac') {
      rejected.push({ reason: 'ControlledAccessGrants without by=dac' });
      continue;
    }
    // PASS-05: exact, case-sensitive match of value; source must be the dataset's DAC.
    const ds = datasets.find((d) => datasetVisaValue(d) === v.value);
    if (ds === undefined) continue;
    if (v.source !== nodeDacSource(ds.node)) {
      rejected.push({ reason: `ControlledAccessGrants for ${ds.id} from an unexpected source` });
      continue;
    }
    controlled.add(ds.id);
    exps.push(v.exp);
  }
  const access: AccessContext = {
    registered,
    controlledDatasets: controlled,
    rejectedVisas: rejected,
  };
  return exps.length > 0 ? { access, minExp: Math.min(...exps) } : { access };
}

/** Anonymous access: no token. */
export function anonymousAccess(): AccessContext {
  return { registered: false, controlledDatasets: new Set(), rejectedVisas: [] };
}

/** PUBLIC → count, REGISTERED/CONTROLLED → boolean anonymously; registered → count; a grant → record (3.4). */
export function granularityFor(
  ds: DatasetPolicy,
  access: AccessContext,
): 'boolean' | 'count' | 'record' {
  if (access.controlledDatasets.has(ds.id)) return 'record';
  if (access.registered || ds.securityLevel === 'PUBLIC') return 'count';
  return 'boolean';
}
