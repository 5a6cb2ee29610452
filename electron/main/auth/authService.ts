import * as client from 'openid-client';
import type { Broker } from '../../../shared/domain/federation';
import type { SessionSummary } from '../../../shared/domain/session';

export type { AuthService, AuthServiceOptions } from './authTypes';
import { pickBroker } from '../federation/pickBroker';
import { EXPIRING_SOON_MS } from './access/accessList';
import { datasetGrants, heldVisas } from './access/datasetGrants';
import type { AuthService, AuthServiceOptions } from './authTypes';
import { authFailure, authMessage, classifyAuthError } from './authErrors';
import { createBrokerClients } from './brokerClients';
import { createNodeTokens, nodeResource } from './nodeTokens';
import type { TrustedVisaIssuer } from './passport/visaVerifier';
import { createVisaVerifier } from './passport/visaVerifier';
import { readCatalogue, readPassport } from './passportAccess';
import type { AuthError, LiveSession } from './sessionSummary';
import { summarise } from './sessionSummary';
import { runSignInFlow, toTokenSet, type TokenSet } from './signInFlow';
import { signOutAtBroker } from './signOutRemote';
import { createTokenVault } from './tokenVault';
import { createSessionTimers } from './sessionTimers';

interface SignInFlow {
  readonly broker: Broker;
  readonly abort: AbortController;
  authorizationUrl?: string;
  done: Promise<SessionSummary>;
}

/** Creates the auth service; see docs/decisions/0005-sign-in.md. */
export function createAuthService(opts: AuthServiceOptions): AuthService {
  const { platform, directory, logger, audit } = opts;
  const now = opts.now ?? Date.now;
  const soonMs = opts.expiringSoonMs ?? EXPIRING_SOON_MS;
  const clients = createBrokerClients(platform.fetch);
  const nodeTokens = createNodeTokens({ now, logger });
  const vault = platform.keyStorage().then((keys) => createTokenVault(platform.paths.data, keys));
  let trusted: readonly TrustedVisaIssuer[] = [];
  const verify = createVisaVerifier({
    trusted: () => trusted,
    fetchImpl: platform.fetch,
    nowSec: () => Math.floor(now() / 1000),
  });
  const listeners = new Set<(s: SessionSummary) => void>();
  let live: LiveSession | undefined;
  let signingIn: SignInFlow | undefined;
  let error: AuthError | undefined;
  let refreshing: Promise<void> | undefined;
  let restoring: Promise<SessionSummary> | undefined;
  const auditedRejections = new Set<string>();
  const timers = createSessionTimers({
    onRefreshDue: () => void refresh().catch(() => undefined),
    onAccessChange: () => void emit(),
  });

  async function summary(): Promise<SessionSummary> {
    const { persistence } = await vault;
    const { summary: s, list } = summarise({
      live,
      signingIn,
      persistence,
      error,
      nowMs: now(),
      soonMs,
    });
    timers.scheduleAccessChange(list?.nextChangeAt, now());
    return s;
  }

  async function emit(): Promise<SessionSummary> {
    const s = await summary();
    for (const listener of listeners) listener(s);
    return s;
  }

  const fail = (code: AuthError['code']): void => {
    error = { code, message: authMessage(code) };
  };

  async function brokerFor(issuer: string | undefined): Promise<Broker> {
    const dir = await directory.get();
    trusted = dir.trustedVisaIssuers;
    return pickBroker(dir, issuer);
  }

  /** Reads passport and catalogue for fresh tokens and makes them the live session. */
  async function establish(
    broker: Broker,
    config: client.Configuration,
    tokens: TokenSet,
  ): Promise<void> {
    const dir = await directory.get();
    trusted = dir.trustedVisaIssuers;
    const [passport, catalogue] = await Promise.all([
      readPassport({ config, accessToken: tokens.accessToken, sub: tokens.sub, verify }),
      readCatalogue(dir.nodes, platform.fetch, opts.nodeTimeoutMs()),
    ]);
    for (const v of passport.decision.ignored) {
      const key = `${v.type} ${v.issuer} ${v.value ?? ''} ${v.reason}`;
      if (auditedRejections.has(key)) continue;
      auditedRejections.add(key);
      audit.append('auth.visa_rejected', {
        type: v.type,
        issuer: v.issuer,
        value: v.value,
        reason: v.reason,
      });
    }
    live = {
      broker,
      tokens,
      decision: passport.decision,
      datasets: catalogue.datasets,
      nodeProblems: catalogue.problems,
      knownNodes: dir.nodes
        .map((n) => n.id)
        .filter((id) => !catalogue.problems.some((p) => p.nodeId === id)),
      ...(dir.problem === undefined ? {} : { directoryProblem: dir.problem }),
      ...(passport.name === undefined ? {} : { name: passport.name }),
      ...(passport.email === undefined ? {} : { email: passport.email }),
    };
    timers.scheduleRefresh(tokens, now());
  }

  async function persist(broker: Broker, tokens: TokenSet): Promise<void> {
    if (tokens.refreshToken === undefined) return;
    await (
      await vault
    ).save({
      v: 1,
      issuer: broker.issuer,
      clientId: broker.clientId,
      sub: tokens.sub,
      refreshToken: tokens.refreshToken,
    });
  }

  async function endLocally(): Promise<void> {
    (await vault).wipe();
    live = undefined;
    nodeTokens.clear();
    timers.clear();
  }

  /** Refresh with rotation (AUTH-06): the rotated token is sealed on disk before the old one is dropped. */
  function refresh(): Promise<void> {
    refreshing ??= (async () => {
      const session = live;
      if (session?.tokens.refreshToken === undefined) return;
      try {
        const config = await clients.configFor(session.broker);
        const response = await client.refreshTokenGrant(config, session.tokens.refreshToken);
        const tokens = toTokenSet(response, now(), session.tokens);
        if (tokens.sub !== session.tokens.sub) throw authFailure('invalid_response');
        await persist(session.broker, tokens);
        session.tokens = tokens;
        const before = new Set(session.decision.grants.map((g) => g.value));
        await establish(session.broker, config, tokens);
        const lost = [...before].filter(
          (v) => !(live?.decision.grants ?? []).some((g) => g.value === v && g.exp * 1000 > now()),
        );
        // Without a directory no visa issuer is trusted: that is not a revocation (issue 12).
        if (lost.length > 0 && live?.directoryProblem === undefined) fail('access_revoked');
        else if (error?.code === 'broker_unreachable') error = undefined;
      } catch (e: unknown) {
        const code = classifyAuthError(e);
        logger.warn('auth.refresh_failed', { code, error: e });
        audit.append('auth.refresh_failed', {
          sub: session.tokens.sub,
          issuer: session.broker.issuer,
          code,
        });
        fail(code);
        if (code === 'broker_unreachable') timers.retryRefreshLater();
        // Anything else ends the session once, with one prompt to sign in again: never a retry loop.
        else await endLocally();
      }
      await emit();
    })().finally(() => {
      refreshing = undefined;
    });
    return refreshing;
  }

  async function signIn(issuer?: string): Promise<SessionSummary> {
    if (signingIn !== undefined) return signingIn.done;
    if (live !== undefined) return summary();
    const broker = await brokerFor(issuer);
    const abort = new AbortController();
    const flow = { broker, abort } as SignInFlow;
    flow.done = (async () => {
      try {
        const config = await clients.configFor(broker);
        const tokens = await runSignInFlow({
          config,
          broker,
          signal: abort.signal,
          now,
          ...(opts.loginTimeoutMs === undefined ? {} : { timeoutMs: opts.loginTimeoutMs }),
          open: async (url) => {
            if (await platform.openExternal(url)) return;
            // Browser mode: the page opens it in a new tab of the browser it runs in (decision 0005).
            flow.authorizationUrl = url;
            await emit();
          },
        });
        await persist(broker, tokens);
        nodeTokens.clear();
        await establish(broker, config, tokens);
        error = undefined;
        audit.append('auth.sign_in', { sub: tokens.sub, issuer: broker.issuer });
        logger.info('auth.signed_in', { issuer: broker.issuer });
      } catch (e: unknown) {
        const code = abort.signal.aborted ? 'login_cancelled' : classifyAuthError(e);
        logger.warn('auth.sign_in_failed', { code, issuer: broker.issuer, error: e });
        audit.append('auth.sign_in_failed', { issuer: broker.issuer, code });
        fail(code);
        live = undefined;
      } finally {
        signingIn = undefined;
      }
      return emit();
    })();
    signingIn = flow;
    error = undefined;
    await emit();
    return flow.done;
  }

  async function restoreOnce(): Promise<SessionSummary> {
    const saved = await (await vault).load();
    if (saved === undefined || live !== undefined || signingIn !== undefined) return summary();
    const dir = await directory.get();
    const broker = dir.brokers.find(
      (b) => b.issuer === saved.issuer && b.clientId === saved.clientId,
    );
    if (broker === undefined) {
      await endLocally();
      return summary();
    }
    live = {
      broker,
      tokens: {
        accessToken: '',
        accessExpiresAt: 0,
        sub: saved.sub,
        refreshToken: saved.refreshToken,
      },
      decision: { grants: [], ignored: [] },
      datasets: [],
      nodeProblems: [],
      knownNodes: [],
    };
    await refresh();
    // refresh() may have ended the session (live reassigned in its closure) or failed to reach the broker.
    const resumed = live as LiveSession | undefined;
    if (resumed?.tokens.accessToken === '') live = undefined;
    return summary();
  }

  async function accessToken(): Promise<string | undefined> {
    if (live !== undefined && live.tokens.accessExpiresAt - 5_000 <= now()) await refresh();
    return live?.tokens.accessToken === '' ? undefined : live?.tokens.accessToken;
  }

  return {
    summary,
    signIn,
    async cancelSignIn() {
      const flow = signingIn;
      if (flow === undefined) return summary();
      flow.abort.abort();
      return flow.done;
    },
    async signOut() {
      if (signingIn !== undefined) {
        signingIn.abort.abort();
        await signingIn.done;
      }
      const session = live;
      await endLocally();
      error = undefined;
      if (session !== undefined) {
        try {
          const config = await clients.configFor(session.broker);
          const { clientId } = session.broker;
          await signOutAtBroker({ config, clientId, tokens: session.tokens, platform, logger });
        } catch (e: unknown) {
          logger.warn('auth.sign_out_remote_failed', { error: e });
        }
        audit.append('auth.sign_out', { sub: session.tokens.sub, issuer: session.broker.issuer });
      }
      return emit();
    },
    restore() {
      restoring ??= restoreOnce();
      return restoring;
    },
    accessToken,
    async accessTokenFor(node) {
      // Only a node of the current directory, exactly as listed there, ever gets a token (PASS-04).
      const listed = (await directory.get()).nodes.find((n) => n.id === node.id);
      if (
        listed?.beaconUrl !== node.beaconUrl ||
        listed.htsgetUrl !== node.htsgetUrl ||
        nodeResource(listed) !== nodeResource(node)
      )
        return undefined;
      const signInToken = await accessToken();
      const session = live;
      if (signInToken === undefined || session === undefined) return undefined;
      const config = await clients.configFor(session.broker);
      return nodeTokens.tokenFor(listed, { config, accessToken: signInToken });
    },
    grants() {
      if (live === undefined || live.tokens.accessToken === '') return undefined;
      const user = { sub: live.tokens.sub, iss: live.broker.issuer };
      return {
        user,
        grants: datasetGrants(live.datasets, live.decision, now()),
        knownNodes: live.knownNodes,
        nodeProblems: live.nodeProblems,
        visas: heldVisas(live.decision, now()),
        ...(live.directoryProblem === undefined ? {} : { unverifiable: live.directoryProblem }),
      };
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      timers.clear();
      signingIn?.abort.abort();
    },
  };
}
