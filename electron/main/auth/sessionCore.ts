import * as client from 'openid-client';
import type { Broker } from '../../../shared/federation/directory';
import type { SessionSummary } from '../../../shared/auth/session';
import { EXPIRING_SOON_MS } from './access/accessList';
import type { AuthServiceOptions } from './authTypes';
import { authFailure, authMessage, classifyAuthError } from './authErrors';
import { isUsable } from '../federation/directory';
import { createBrokerClients } from './brokerClients';
import { createNodeTokens } from './nodeTokens';
import type { TrustedVisaIssuer } from './passport/visaVerifier';
import { createVisaVerifier } from './passport/visaVerifier';
import { readCatalogue, readPassport } from './passportAccess';
import { createRejectionAudit } from './rejectionAudit';
import type { AuthError, LiveSession } from './sessionSummary';
import { summarise } from './sessionSummary';
import { createSessionTimers } from './sessionTimers';
import { toTokenSet, type TokenSet } from './signInFlow';
import { endSessionUrl } from './signOutRemote';
import { createTokenVault } from './tokenVault';

/** A sign-in in progress. */
export interface SignInFlow {
  readonly broker: Broker;
  readonly abort: AbortController;
  authorizationUrl?: string;
  done: Promise<SessionSummary>;
}

/** The auth service's mutable state; only the service and this core change it. */
export interface SessionState {
  live: LiveSession | undefined;
  signingIn: SignInFlow | undefined;
  error: AuthError | undefined;
  trusted: readonly TrustedVisaIssuer[];
  refreshing: Promise<void> | undefined;
}

/**
 * The session's core (decision 0005): state, the renderer's summary, establishing a session from
 * fresh tokens (passport + catalogue), sealing the refresh token, refresh with rotation (AUTH-06)
 * and the local end of a session. authService.ts builds sign-in, sign-out and restore on it.
 */
export function createSessionCore(opts: AuthServiceOptions) {
  const { platform, directory, logger, audit } = opts;
  const now = opts.now ?? Date.now;
  const soonMs = opts.expiringSoonMs ?? EXPIRING_SOON_MS;
  const clients = createBrokerClients(platform.fetch);
  const nodeTokens = createNodeTokens({ now, logger });
  const vault =
    opts.tokenVault ??
    platform.keyStorage().then((keys) => createTokenVault(platform.paths.data, keys));
  const state: SessionState = {
    live: undefined,
    signingIn: undefined,
    error: undefined,
    trusted: [],
    refreshing: undefined,
  };
  const verify = createVisaVerifier({
    trusted: () => state.trusted,
    fetchImpl: platform.fetch,
    nowSec: () => Math.floor(now() / 1000),
  });
  const listeners = new Set<(s: SessionSummary) => void>();
  const auditRejections = createRejectionAudit(audit);
  const timers = createSessionTimers({
    onRefreshDue: () => void refresh().catch(() => undefined),
    onAccessChange: () => void emit(),
  });

  async function summary(): Promise<SessionSummary> {
    const { persistence } = await vault;
    const { summary: s, list } = summarise({
      live: state.live,
      signingIn: state.signingIn,
      persistence,
      error: state.error,
      nowMs: now(),
      soonMs,
      pageOpensBrowser: platform.kind === 'browser',
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
    state.error = { code, message: authMessage(code) };
  };

  /**
   * Reads passport and catalogue for fresh tokens and makes them the state.live session. With
   * `passportOnly` (issue 23, decision 0050) no node is asked: the passport is checked as fully as
   * ever, and only the nodes' dataset lists and granted-access probes are left out.
   */
  async function establish(
    broker: Broker,
    config: client.Configuration,
    tokens: TokenSet,
    how: { passportOnly?: boolean } = {},
  ): Promise<void> {
    const dir = await directory.get();
    state.trusted = dir.trustedVisaIssuers;
    const [passport, catalogue] = await Promise.all([
      readPassport({ config, accessToken: tokens.accessToken, sub: tokens.sub, verify }),
      how.passportOnly === true
        ? { datasets: [], problems: [] }
        : readCatalogue(dir.nodes, platform.fetch, opts.nodeTimeoutMs(), (node) =>
            nodeTokens.tokenFor(node, { config, accessToken: tokens.accessToken }),
          ),
    ]);
    auditRejections(passport.decision.ignored);
    const endSession = endSessionUrl(config, broker.clientId);
    state.live = {
      broker,
      tokens,
      decision: passport.decision,
      datasets: catalogue.datasets,
      nodeProblems: catalogue.problems,
      knownNodes:
        how.passportOnly === true
          ? []
          : dir.nodes
              .map((n) => n.id)
              .filter((id) => !catalogue.problems.some((p) => p.nodeId === id)),
      ...(how.passportOnly === true ? { passportOnly: true as const } : {}),
      // Only a directory with no usable copy leaves grants unjudgeable; a stale copy (fetchedAt,
      // with a refresh problem) still names the trusted issuers (issue 12 items 1 and 13).
      ...(isUsable(dir) || dir.problem === undefined
        ? {}
        : {
            directoryProblem: dir.problem,
            ...(dir.problemSaid === undefined ? {} : { directoryProblemSaid: dir.problemSaid }),
          }),
      ...(endSession === undefined ? {} : { endSessionUrl: endSession }),
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
    state.live = undefined;
    nodeTokens.clear();
    timers.clear();
  }

  /**
   * Refresh with rotation (AUTH-06): the rotated token is sealed on disk before the old one is
   * dropped. `how` applies when this call starts the refresh (see establish).
   */
  function refresh(how: { passportOnly?: boolean } = {}): Promise<void> {
    state.refreshing ??= (async () => {
      const session = state.live;
      if (session?.tokens.refreshToken === undefined) return;
      try {
        const config = await clients.configFor(session.broker);
        const response = await client.refreshTokenGrant(config, session.tokens.refreshToken);
        const tokens = toTokenSet(response, now(), session.tokens);
        if (tokens.sub !== session.tokens.sub) throw authFailure('invalid_response');
        await persist(session.broker, tokens);
        session.tokens = tokens;
        const before = new Set(session.decision.grants.map((g) => g.value));
        await establish(session.broker, config, tokens, how);
        const lost = [...before].filter(
          (v) =>
            !(state.live?.decision.grants ?? []).some((g) => g.value === v && g.exp * 1000 > now()),
        );
        // Without a directory no visa issuer is trusted: that is not a revocation (issue 12).
        if (lost.length > 0 && state.live?.directoryProblem === undefined) fail('access_revoked');
        else if (state.error?.code === 'broker_unreachable') state.error = undefined;
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
      state.refreshing = undefined;
    });
    return state.refreshing;
  }

  async function accessToken(): Promise<string | undefined> {
    if (state.live !== undefined && state.live.tokens.accessExpiresAt - 5_000 <= now())
      await refresh();
    return state.live?.tokens.accessToken === '' ? undefined : state.live?.tokens.accessToken;
  }

  return {
    state,
    now,
    clients,
    nodeTokens,
    vault,
    listeners,
    timers,
    summary,
    emit,
    fail,
    establish,
    persist,
    endLocally,
    refresh,
    accessToken,
  };
}

export type SessionCore = ReturnType<typeof createSessionCore>;
