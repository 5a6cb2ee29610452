import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SearchQuerySchema, type SearchQueryInput } from '../../../../shared/search/query';
import { NodeUpdateSchema, type NodeUpdate } from '../../../../shared/search/results';
import { queryParts, type BeaconQueryParts } from '../beaconRequest';
import { queryNode, type NodeAnswer } from '../nodeClient';

/** One request as a loopback node received it: its path and JSON body (undefined for a GET). */
export interface Asked {
  path: string;
  body: { query?: Record<string, unknown> } | undefined;
}

/** What the node answers: a JSON body (HTTP 200), or undefined for a 404. */
export type Handler = (asked: Asked) => unknown;

export interface LoopbackNode {
  /** The node's Beacon address (`http://127.0.0.1:<port>/beacon`). */
  readonly base: string;
  /** How the node answers from now on. */
  answer(handler: Handler): void;
  close(): Promise<void>;
}

/**
 * A real HTTP server on loopback that answers as the test says (tests only): a Beacon we did not
 * write, asked over the network the way the client asks every node.
 */
export async function openLoopbackNode(): Promise<LoopbackNode> {
  let handler: Handler = () => undefined;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const body = text === '' ? undefined : (JSON.parse(text) as Asked['body']);
      const out = handler({ path, body });
      res.writeHead(out === undefined ? 404 : 200, { 'content-type': 'application/json' });
      res.end(out === undefined ? '{}' : JSON.stringify(out));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/beacon`,
    answer: (h) => {
      handler = h;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Asks a node the way the fan-out does (queryNode) and gives its answer and the node update the
 * renderer receives (validated as IPC validates it), for counts to be read as the screen reads them.
 */
export async function askNode(
  base: string,
  query: SearchQueryInput,
  parts: (p: BeaconQueryParts) => BeaconQueryParts = (p) => p,
): Promise<{ a: NodeAnswer; update: NodeUpdate }> {
  const a = await queryNode({
    node: { id: 'RI', name: 'RI', country: 'Europe', beaconUrl: base },
    parts: parts(queryParts(SearchQuerySchema.parse(query))),
    token: undefined,
    signal: new AbortController().signal,
    fetch,
    maxBytes: 5 * 1_048_576,
    timeoutMs: 5_000,
  });
  const update = NodeUpdateSchema.parse({
    queryId: 'q',
    nodeId: 'RI',
    nodeName: 'RI',
    country: 'Europe',
    attempt: 1,
    ...a,
    seen: undefined,
  });
  return { a, update };
}
