import type { SomaticRow } from '../../../../shared/cancer/channels';
import { TUMOUR_TYPES } from '../../../../shared/cancer/tumourTypes';
import { countRange, type CountRange } from '../../../../shared/search/aggregate';
import type { SeenAnswer, SeenCandidate } from '../../../../shared/seen/channels';
import { candidateKey, SeenCandidateSchema } from '../../../../shared/seen/channels';

type DatasetAnswer = NonNullable<SeenAnswer['datasets']>[number];

/** A somatic call as a seen-before candidate (undefined when its allele cannot be asked). */
export function somaticCandidate(row: SomaticRow, tumourType?: string): SeenCandidate | undefined {
  const c = SeenCandidateSchema.safeParse({
    chrom: row.chrom.replace(/^chr/i, ''),
    pos: row.pos,
    ref: row.ref,
    alt: row.alt,
    ...(row.gene === null ? {} : { gene: row.gene }),
    ...(tumourType === undefined ? {} : { tumourType }),
  });
  return c.success ? c.data : undefined;
}

/**
 * What the federated view of one somatic call asks (issue 19): its carriers at every node, and the
 * same per tumour type of the OncoTree subset (the nodes apply the type as a disease filter, so
 * each dataset answers at its own granularity); the patient's own type first.
 */
export function tumourTypeCandidates(row: SomaticRow, own: string | null): SeenCandidate[] {
  const codes = TUMOUR_TYPES.map((t) => t.code).sort((a, b) =>
    a === own ? -1 : b === own ? 1 : 0,
  );
  return [undefined, ...codes].flatMap((code) => somaticCandidate(row, code) ?? []);
}

/** One node's dataset in the federated view: all carriers and those per tumour type. */
export interface FederatedDatasetRow {
  readonly nodeId: string;
  readonly nodeName: string;
  readonly country: string;
  /** null: the node said yes without naming a dataset this user may see (issue 13). */
  readonly datasetId: string | null;
  readonly all: DatasetAnswer;
  /** Tumour types whose answer says carriers exist, in the order asked. */
  readonly byType: readonly { readonly code: string; readonly answer: DatasetAnswer }[];
}

export interface FederatedView {
  readonly rows: readonly FederatedDatasetRow[];
  /** Nodes whose answer for the allele was not ok (with what they said). */
  readonly failed: readonly SeenAnswer[];
  /** Tumour types every node was asked about (answered or not). */
  readonly asked: readonly string[];
  /** Per node, the types it does not list in its filtering terms (not asked: issue 19). */
  readonly notOffered: readonly NotOffered[];
}

/** Tumour types a node was not asked about because it does not list them, as of its terms. */
export interface NotOffered {
  readonly nodeId: string;
  readonly nodeName: string;
  readonly country: string;
  readonly at: string;
  readonly codes: readonly string[];
}

function notOfferedOf(mine: readonly SeenAnswer[], key: string): NotOffered[] {
  const byNode = new Map<string, NotOffered & { codes: string[] }>();
  for (const a of mine.filter((x) => x.notOffered === true)) {
    const n = byNode.get(a.nodeId) ?? { ...a, codes: [] };
    n.codes.push(a.key.slice(key.length + 1));
    byNode.set(a.nodeId, n);
  }
  return [...byNode.values()].map((n) => ({
    nodeId: n.nodeId,
    nodeName: n.nodeName,
    country: n.country,
    at: n.at,
    codes: n.codes,
  }));
}

/** Folds the stored answers of one allele into rows per node dataset (datasets with carriers). */
export function federatedView(answers: readonly SeenAnswer[], row: SomaticRow): FederatedView {
  const base = somaticCandidate(row);
  if (base === undefined) return { rows: [], failed: [], asked: [], notOffered: [] };
  const key = candidateKey(base);
  const mine = answers.filter((a) => a.key === key || a.key.startsWith(`${key}@`));
  const asked = [
    ...new Set(mine.flatMap((a) => (a.key === key ? [] : [a.key.slice(key.length + 1)]))),
  ];
  const rows: FederatedDatasetRow[] = [];
  const withheld = (exists: boolean): DatasetAnswer => ({ id: '', exists, granularity: 'boolean' });
  for (const a of mine.filter((x) => x.key === key && x.status === 'ok')) {
    const found = (a.datasets ?? []).filter((d) => d.exists);
    // A yes with no dataset listed: the node's own answer covers datasets it does not show.
    const listed: (DatasetAnswer | null)[] =
      found.length === 0 && a.exists === true ? [null] : found;
    for (const ds of listed) {
      const byType = asked.flatMap((code) => {
        const typed = mine.find((x) => x.key === `${key}@${code}` && x.nodeId === a.nodeId);
        const answer =
          ds === null
            ? typed?.status === 'ok' && typed.exists === true
              ? withheld(true)
              : undefined
            : typed?.datasets?.find((d) => d.id === ds.id);
        return answer?.exists === true ? [{ code, answer }] : [];
      });
      rows.push({
        nodeId: a.nodeId,
        nodeName: a.nodeName,
        country: a.country,
        datasetId: ds?.id ?? null,
        all: ds ?? withheld(true),
        byType,
      });
    }
  }
  return {
    rows,
    failed: mine.filter((a) => a.key === key && a.status !== 'ok'),
    asked,
    notOffered: notOfferedOf(mine, key),
  };
}

/**
 * The federation's carriers of an allele as an interval over every dataset that answered with a
 * count (boolean answers make the upper bound open); undefined when no node answered.
 */
export function federatedTotal(
  answers: readonly SeenAnswer[],
  row: SomaticRow,
): CountRange | undefined {
  const base = somaticCandidate(row);
  if (base === undefined) return undefined;
  const key = candidateKey(base);
  const ok = answers.filter((a) => a.key === key && a.status === 'ok');
  if (ok.length === 0) return undefined;
  let min = 0;
  let max = 0;
  for (const a of ok)
    if (a.exists === true && !(a.datasets ?? []).some((d) => d.exists)) {
      min += 1;
      max = Infinity;
    }
  for (const ds of ok.flatMap((a) => a.datasets ?? [])) {
    if (!ds.exists) continue;
    if (ds.count === undefined) {
      min += 1;
      max = Infinity;
      continue;
    }
    const r = countRange(ds.count);
    min += r.min;
    max += r.max;
  }
  return { min, max };
}
