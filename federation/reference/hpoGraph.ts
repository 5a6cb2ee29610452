/** Reads the HPO OBO-graph JSON and closes a term set upward (build-time only). */
import { z } from 'zod';

const Graph = z.object({
  graphs: z.array(
    z.object({
      meta: z.object({ version: z.string().optional() }).optional(),
      nodes: z.array(
        z.object({ id: z.string(), lbl: z.string().optional(), type: z.string().optional() }),
      ),
      edges: z.array(z.object({ sub: z.string(), pred: z.string(), obj: z.string() })),
    }),
  ),
});

export interface HpoGraph {
  version: string;
  labels: Map<string, string>;
  parents: Map<string, string[]>;
}

const curie = (iri: string): string => (iri.split('/').pop() ?? iri).replace('_', ':');

/** Parses hp.json into labels and is_a parents keyed by HP CURIE. */
export function parseHpoGraph(json: unknown): HpoGraph {
  const g = Graph.parse(json).graphs[0];
  if (!g) throw new Error('hp.json has no graph');
  const labels = new Map<string, string>();
  for (const n of g.nodes)
    if (n.id.includes('/HP_') && n.lbl !== undefined) labels.set(curie(n.id), n.lbl);
  const parents = new Map<string, string[]>();
  for (const e of g.edges) {
    if (e.pred !== 'is_a' || !e.sub.includes('/HP_') || !e.obj.includes('/HP_')) continue;
    const list = parents.get(curie(e.sub)) ?? [];
    list.push(curie(e.obj));
    parents.set(curie(e.sub), list);
  }
  const version = /releases\/([0-9-]+)\//.exec(g.meta?.version ?? '')?.[1] ?? 'unknown';
  return { version, labels, parents };
}

/** The given terms plus all their is_a ancestors, sorted by id, each with its (sorted) parents. */
export function closeUpward(
  graph: HpoGraph,
  terms: readonly string[],
): { id: string; label: string; parents: string[] }[] {
  const seen = new Set<string>();
  const stack = [...terms];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue;
    if (!graph.labels.has(id)) throw new Error(`HPO term ${id} not in hp.json`);
    seen.add(id);
    stack.push(...(graph.parents.get(id) ?? []));
  }
  return [...seen].sort().map((id) => ({
    id,
    label: graph.labels.get(id) ?? id,
    parents: [...(graph.parents.get(id) ?? [])].sort(),
  }));
}
