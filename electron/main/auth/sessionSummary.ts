import type { Broker, DirectoryProblemSaid } from '../../../shared/federation/directory';
import type { SessionSummary } from '../../../shared/auth/session';
import type { PublishedDataset } from './access/datasetCatalog';
import type { AccessList } from './access/accessList';
import { buildAccessList } from './access/accessList';
import type { PassportDecision } from './passport/clearinghouse';
import type { TokenSet } from './signInFlow';

/** Everything main knows about a signed-in session; never leaves main as is. */
export interface LiveSession {
  readonly broker: Broker;
  tokens: TokenSet;
  decision: PassportDecision;
  datasets: PublishedDataset[];
  nodeProblems: { nodeId: string; message: string }[];
  /** Nodes whose /datasets was read at the last passport check (the vault's definitive grants). */
  knownNodes: string[];
  /**
   * The last check read the passport only, no node's catalogue (issue 23: a command line command
   * that reads only the local cache); the vault then judges cached datasets by the passport's visas.
   */
  passportOnly?: true;
  /** The federation directory's problem at the last passport check: no grant can be judged. */
  directoryProblem?: string;
  /** `directoryProblem` as a code and values (decision 0076). */
  directoryProblemSaid?: DirectoryProblemSaid;
  /** The broker's end-session page for this client (no ID token in it), when it has one. */
  endSessionUrl?: string;
  name?: string;
  email?: string;
}

export type AuthError = NonNullable<SessionSummary['error']>;

/**
 * The renderer's view (AUTH-01, AUTH-10): identity, broker, access and reasons; built field by
 * field so no token, code or raw visa can slip in.
 */
export function summarise(opts: {
  live: LiveSession | undefined;
  signingIn: { broker: Broker; authorizationUrl?: string } | undefined;
  persistence: SessionSummary['persistence'];
  error: AuthError | undefined;
  nowMs: number;
  soonMs: number;
  /** Browser mode: the page opens the end-session page itself, so it gets its URL. */
  pageOpensBrowser: boolean;
}): { summary: SessionSummary; list?: AccessList } {
  const { live, signingIn, persistence, error } = opts;
  const base = { persistence, ...(error === undefined ? {} : { error }) };
  if (signingIn !== undefined) {
    return {
      summary: {
        ...base,
        state: 'signing-in',
        broker: { issuer: signingIn.broker.issuer, name: signingIn.broker.name },
        access: [],
        ignoredVisas: [],
        ...(signingIn.authorizationUrl === undefined
          ? {}
          : { authorizationUrl: signingIn.authorizationUrl }),
      },
    };
  }
  if (live === undefined) {
    return { summary: { ...base, state: 'signed-out', access: [], ignoredVisas: [] } };
  }
  const list = buildAccessList(live.datasets, live.decision, opts.nowMs, opts.soonMs);
  const name = live.name ?? live.tokens.name;
  const email = live.email ?? live.tokens.email;
  return {
    list,
    summary: {
      ...base,
      state: 'signed-in',
      user: {
        sub: live.tokens.sub,
        ...(name === undefined ? {} : { name }),
        ...(email === undefined ? {} : { email }),
      },
      broker: { issuer: live.broker.issuer, name: live.broker.name },
      access: list.access,
      ignoredVisas: [...live.decision.ignored, ...list.unmatched],
      ...(live.nodeProblems.length === 0 ? {} : { nodeProblems: live.nodeProblems }),
      ...(opts.pageOpensBrowser && live.endSessionUrl !== undefined
        ? { endSessionUrl: live.endSessionUrl }
        : {}),
    },
  };
}
