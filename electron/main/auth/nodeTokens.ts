import * as client from 'openid-client';
import type { NodeEntry } from '../../../shared/federation/directory';
import type { Logger } from '../logging/logger';

/**
 * Per-node access tokens (issue 12 item 12, decision 0015-node-audience-tokens). The sign-in token goes
 * to the broker's UserInfo only; each node gets its own token, obtained by RFC 8693 token exchange
 * with the node's RFC 8707 resource indicator, so a node (or anyone who steals its token) cannot
 * replay it at another node or at UserInfo. A node the broker does not know gets no token at all.
 */

export const TOKEN_EXCHANGE_GRANT = 'urn:ietf:params:oauth:grant-type:token-exchange';
const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';
/** A refused or failed exchange is not retried for this long (the node is asked anonymously). */
const RETRY_AFTER_MS = 60_000;
/** A token is renewed this long before it expires. */
const EARLY_MS = 5_000;

/** A node's resource indicator: the directory's `resource`, else the origin of its Beacon URL. */
export function nodeResource(node: Pick<NodeEntry, 'resource' | 'beaconUrl'>): string {
  return node.resource ?? new URL('/', node.beaconUrl).href;
}

interface Entry {
  readonly token: string | undefined;
  readonly until: number;
}

export interface NodeTokens {
  /** A token for `node` only, exchanged for the sign-in token; undefined when the broker refuses. */
  tokenFor(
    node: NodeEntry,
    session: { config: client.Configuration; accessToken: string },
  ): Promise<string | undefined>;
  /** Forgets every token (sign-out, a new sign-in, a new sign-in token). */
  clear(): void;
}

export function createNodeTokens(opts: { now: () => number; logger: Logger }): NodeTokens {
  const { now, logger } = opts;
  let entries = new Map<string, Entry>();
  const pending = new Map<string, Promise<string | undefined>>();
  let generation = 0;

  async function exchange(
    node: NodeEntry,
    resource: string,
    session: { config: client.Configuration; accessToken: string },
  ): Promise<Entry> {
    try {
      const response = await client.genericGrantRequest(session.config, TOKEN_EXCHANGE_GRANT, {
        subject_token: session.accessToken,
        subject_token_type: ACCESS_TOKEN_TYPE,
        requested_token_type: ACCESS_TOKEN_TYPE,
        resource,
      });
      const expiresIn = response.expiresIn() ?? 60;
      return { token: response.access_token, until: now() + expiresIn * 1000 - EARLY_MS };
    } catch (error: unknown) {
      const code = (error as { error?: unknown }).error;
      // invalid_target: the broker does not know this node (not part of the federation).
      logger.warn('auth.node_token_refused', {
        nodeId: node.id,
        resource,
        error: typeof code === 'string' ? code : error,
      });
      return { token: undefined, until: now() + RETRY_AFTER_MS };
    }
  }

  return {
    tokenFor(node, session) {
      const resource = nodeResource(node);
      const cached = entries.get(resource);
      if (cached !== undefined && cached.until > now()) return Promise.resolve(cached.token);
      const inFlight = pending.get(resource);
      if (inFlight !== undefined) return inFlight;
      const started = generation;
      const flight: Promise<string | undefined> = exchange(node, resource, session)
        .then((entry) => {
          // A sign-out or new sign-in while this was in flight: the result belongs to nobody.
          if (started !== generation) return undefined;
          entries.set(resource, entry);
          return entry.token;
        })
        .finally(() => {
          if (pending.get(resource) === flight) pending.delete(resource);
        });
      pending.set(resource, flight);
      return flight;
    },
    clear() {
      generation++;
      entries = new Map();
      pending.clear();
    },
  };
}
