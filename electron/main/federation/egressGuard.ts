import type { HostList } from '../../../shared/it/hosts';
import type { Logger } from '../logging/logger';
import { isListedHost } from './hosts';

/** A request main refused to send: its host is not on the published list (issue 21). */
export class EgressRefusedError extends Error {
  override readonly name = 'EgressRefusedError';
}

/** A list is recomputed on a miss at most this often (a directory or discovery may have moved). */
const RECHECK_MS = 30_000;

const urlOf = (input: Parameters<typeof fetch>[0]): string =>
  input instanceof Request ? input.url : input instanceof URL ? input.href : input;

/**
 * Main's outbound requests may go only to the hosts the app publishes for IT (issue 21; Settings →
 * Hosts, `cli hosts list`): the list comes from the policy and the federation directory after IT's
 * allow-lists (AllowedNodes, AllowedBeaconHosts, AllowedHtsgetHosts, TrustedVisaIssuers), so a
 * host the policy forbids is refused here before any connection, whatever code asks for it. A
 * redirect is never followed unchecked: callers that leave redirects to fetch get `redirect: 'error'`
 * (every caller today reads redirects itself with 'manual', as openid-client and jose do).
 * The directory document and the brokers' discovery documents are read by the services that build
 * the list, with the unguarded fetch.
 */
export function createEgressGuard(deps: {
  fetch: typeof fetch;
  hosts: () => Promise<HostList>;
  logger: Logger;
  /** Subscriptions whose events make the list stale (directory and settings changes). */
  staleOn: readonly ((listener: () => void) => () => void)[];
  now?: () => number;
}): { fetch: typeof fetch; close(): void } {
  const now = deps.now ?? Date.now;
  let cached: { list: Promise<HostList>; at: number } | undefined;
  const list = (): Promise<HostList> => {
    if (cached === undefined) {
      const entry = { list: deps.hosts(), at: now() };
      cached = entry;
      // An incomplete or failed list is not kept: the next request asks again.
      entry.list.then(
        (l) => {
          if (!l.complete && cached === entry) cached = undefined;
        },
        () => {
          if (cached === entry) cached = undefined;
        },
      );
    }
    return cached.list;
  };
  const offs = deps.staleOn.map((on) =>
    on(() => {
      cached = undefined;
    }),
  );

  const guarded = async (
    input: Parameters<typeof fetch>[0],
    init?: RequestInit,
  ): Promise<Response> => {
    const url = urlOf(input);
    let listed = isListedHost(await list(), url, 'app');
    if (!listed && cached !== undefined && now() - cached.at >= RECHECK_MS) {
      cached = undefined;
      listed = isListedHost(await list(), url, 'app');
    }
    if (!listed) {
      const host = URL.canParse(url) ? new URL(url).host : url;
      deps.logger.warn('security.egress_refused', { host });
      throw new EgressRefusedError(
        `Cohort Desk did not contact ${host}: it is not on the list of hosts it may contact (Settings & audit → Hosts), which comes from your organisation's policy and the federation directory. Ask your IT team whether it should be.`,
      );
    }
    const redirect = init?.redirect ?? (input instanceof Request ? input.redirect : 'follow');
    return deps.fetch(input, redirect === 'follow' ? { ...init, redirect: 'error' } : init);
  };
  return {
    fetch: guarded,
    close: () => {
      for (const off of offs) off();
    },
  };
}
