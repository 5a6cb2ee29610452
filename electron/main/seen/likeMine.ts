import type { NodeEntry } from '../../../shared/federation/directory';
import type { Corpus } from '../../../shared/ranking/corpus';
import type { NodeUpdate } from '../../../shared/search/results';
import type { LikePreview, LikeTerm, LikeUpdate } from '../../../shared/seen/channels';
import { phenotypeSimilarity } from '../../../shared/seen/similarity';
import type { BeaconQueryParts } from '../beacon/beaconRequest';
import { postBody, postUrl } from '../beacon/beaconRequest';
import { respell } from '../beacon/filterSpelling';

/**
 * "Patients like mine" (issue 18): individuals carrying a variant in the gene AND having every
 * chosen HPO term or a descendant of it (Beacon filters are ANDed). Only the gene symbol and the
 * term ids leave the machine; the patient's other data never does.
 */
export function likeParts(gene: string, terms: readonly string[]): BeaconQueryParts {
  return {
    entryType: 'individuals',
    params: { geneId: gene },
    filters: terms.map((id) => ({ id, includeDescendantTerms: true })),
    granularity: 'record',
  };
}

/** Exactly what each node will receive: the same builder the node client sends with (beaconRequest.ts). */
export function likePreview(
  gene: string,
  terms: readonly LikeTerm[],
  nodes: readonly NodeEntry[],
  withToken: (node: NodeEntry) => boolean,
  /** The node's own spelling of term ids (decision 0101: filterSpelling.ts, as the run sends them). */
  spelling: (node: NodeEntry) => ReadonlyMap<string, string> = () => new Map(),
): LikePreview {
  const asWritten = likeParts(
    gene,
    terms.map((t) => t.id),
  );
  return {
    gene,
    terms: [...terms],
    sent: nodes.map((n) => {
      const parts = respell(asWritten, spelling(n)).parts;
      return {
        nodeId: n.id,
        nodeName: n.name,
        country: n.country,
        method: 'POST',
        url: postUrl(n.beaconUrl, parts).href,
        body: JSON.stringify(postBody(parts)),
        withToken: withToken(n),
      };
    }),
  };
}

/** A node update with the phenotype similarity of each returned individual to the patient. */
export function scored(corpus: Corpus, patient: readonly string[], u: NodeUpdate): LikeUpdate {
  const people = (u.records ?? []).filter((r) => r.kind === 'individual');
  if (people.length === 0) return u;
  const scores: Record<string, number> = {};
  for (const r of people)
    scores[`${r.datasetId}/${r.id}`] = phenotypeSimilarity(corpus, patient, r.phenotypes);
  return { ...u, scores };
}
