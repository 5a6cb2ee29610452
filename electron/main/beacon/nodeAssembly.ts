import type { NodeEntry } from '../../../shared/federation/directory';
import type { Assembly } from '../../../shared/genome/assembly';
import { parseAssembly } from '../../../shared/genome/assembly';
import { readBounded } from './boundedBody';

/**
 * Where a node's assembly came from (issue 15 item 2): the federation directory, the node's own
 * /info or /configuration, the RefSeq accessions of records it returned, or nothing (then the app's
 * GRCh38 is assumed, and said so).
 */
export type AssemblySource = 'directory' | 'node' | 'records' | 'assumed' | 'unasked';

export interface NodeAssembly {
  /** Undefined when the node names an assembly the app cannot convert (e.g. T2T-CHM13). */
  readonly assembly: Assembly | undefined;
  readonly source: AssemblySource;
  /** The name as the node or directory wrote it. */
  readonly name: string;
}

export interface AssemblyResolver {
  /** Resolves, asking the node when the directory does not say (cached). */
  of(node: NodeEntry): Promise<NodeAssembly>;
  /** What is known without asking the node: directory, an earlier answer, records, else assumed. */
  known(node: NodeEntry): Promise<NodeAssembly>;
  /** Records from this node carried accessions of this assembly: remember it for later queries. */
  learn(node: NodeEntry, assembly: Assembly): void;
}

const TTL_MS = 10 * 60_000;
const FAILED_TTL_MS = 60_000;
const MAX_BYTES = 1_048_576;
const KEYS = /^(assemblyId|assembly|genomeAssembly|referenceGenome|assemblyName)$/i;

/** The first assembly-like string member in a JSON value (a few levels deep), or undefined. */
export function findAssemblyMember(value: unknown, depth = 0): string | undefined {
  if (depth > 4 || value === null || typeof value !== 'object') return undefined;
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'string' && KEYS.test(k)) return v;
  }
  for (const v of Object.values(value)) {
    const found = findAssemblyMember(v, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

const ASSUMED: NodeAssembly = { assembly: 'GRCh38', source: 'assumed', name: 'GRCh38' };
/**
 * Not asked yet: a query without coordinates does not wait for /info. Records are placed as GRCh38
 * unless their accessions say otherwise; the page says the assembly was not asked, never "assumed".
 */
const UNASKED: NodeAssembly = { assembly: 'GRCh38', source: 'unasked', name: 'GRCh38' };

/**
 * Per-node assembly, cached: the directory entry wins; else the node's /info, then /configuration
 * (anonymous GETs: public metadata, PASS-04); else what its records showed; else GRCh38, assumed.
 */
export function createAssemblyResolver(opts: {
  fetch: typeof fetch;
  timeoutMs: () => number;
  now?: () => number;
}): AssemblyResolver {
  const now = opts.now ?? Date.now;
  const cache = new Map<string, { at: number; ttl: number; value: Promise<NodeAssembly> }>();
  const learnt = new Map<string, Assembly>();

  const ask = async (node: NodeEntry, path: string): Promise<string | undefined> => {
    const res = await opts.fetch(`${node.beaconUrl.replace(/\/+$/, '')}/${path}`, {
      headers: { accept: 'application/json' },
      redirect: 'manual',
      signal: AbortSignal.timeout(opts.timeoutMs()),
    });
    if (!res.ok) {
      await res.body?.cancel();
      return undefined;
    }
    return findAssemblyMember(JSON.parse(await readBounded(res, MAX_BYTES)));
  };

  /** /info and /configuration at once (one round trip of latency); 'failed' when neither answered. */
  const fromNode = async (node: NodeEntry): Promise<NodeAssembly | 'none' | 'failed'> => {
    const answers = await Promise.all(
      ['info', 'configuration'].map((path) => ask(node, path).catch(() => null)),
    );
    const name = answers.find((a) => typeof a === 'string');
    if (name !== undefined) return { assembly: parseAssembly(name), source: 'node', name };
    return answers.every((a) => a === null) ? 'failed' : 'none';
  };

  const directory = (node: NodeEntry): NodeAssembly | undefined =>
    node.assembly === undefined
      ? undefined
      : { assembly: parseAssembly(node.assembly), source: 'directory', name: node.assembly };

  return {
    known(node) {
      const d = directory(node);
      if (d !== undefined) return Promise.resolve(d);
      const hit = cache.get(node.beaconUrl);
      if (hit !== undefined && now() - hit.at < hit.ttl) return hit.value;
      const seen = learnt.get(node.beaconUrl);
      return Promise.resolve(
        seen === undefined ? UNASKED : { assembly: seen, source: 'records', name: seen },
      );
    },
    of(node) {
      const d = directory(node);
      if (d !== undefined) return Promise.resolve(d);
      const hit = cache.get(node.beaconUrl);
      if (hit !== undefined && now() - hit.at < hit.ttl) return hit.value;
      const entry = { at: now(), ttl: TTL_MS, value: Promise.resolve(ASSUMED) };
      entry.value = fromNode(node).then((found) => {
        if (typeof found !== 'string') return found;
        if (found === 'failed') entry.ttl = FAILED_TTL_MS;
        const seen = learnt.get(node.beaconUrl);
        return seen === undefined ? ASSUMED : { assembly: seen, source: 'records', name: seen };
      });
      cache.set(node.beaconUrl, entry);
      return entry.value;
    },
    learn(node, assembly) {
      learnt.set(node.beaconUrl, assembly);
      const hit = cache.get(node.beaconUrl);
      void hit?.value.then((a) => {
        if (a.source === 'assumed' || a.source === 'records') cache.delete(node.beaconUrl);
      });
    },
  };
}
