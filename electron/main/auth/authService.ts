import type { Broker, FederationDirectory } from '../../../shared/federation/directory';
import type { SessionSummary } from '../../../shared/auth/session';

export type { AuthService, AuthServiceOptions } from './authTypes';
import { isUsable } from '../federation/directory';
import { pickBroker } from '../federation/pickBroker';
import { datasetGrants, heldVisas } from './access/datasetGrants';
import type { AuthService, AuthServiceOptions } from './authTypes';
import { classifyAuthError } from './authErrors';
import { nodeResource } from './nodeTokens';
import { createSessionCore, type SignInFlow } from './sessionCore';
import type { LiveSession } from './sessionSummary';
import { runSignInFlow } from './signInFlow';
import { signOutAtBroker } from './signOutRemote';

/** Creates the auth service; see docs/decisions/0005-sign-in.md and 0015-node-audience-tokens.md. */
export function createAuthService(opts: AuthServiceOptions): AuthService {
  const { platform, directory, logger, audit } = opts;
  const core = createSessionCore(opts);
  const { state, now, clients, nodeTokens, vault, listeners, timers } = core;
  const { summary, emit, fail, establish, persist, endLocally, refresh, accessToken } = core;
  let restoring: Promise<SessionSummary> | undefined;

  async function brokerFor(issuer: string | undefined): Promise<Broker> {
    const dir = await directory.get();
    state.trusted = dir.trustedVisaIssuers;
    return pickBroker(dir, issuer);
  }

  async function signIn(issuer?: string, how?: { switchUser?: boolean }): Promise<SessionSummary> {
    if (state.signingIn !== undefined) return state.signingIn.done;
    if (state.live !== undefined) return summary();
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
          // "Sign in as someone else" (issue 13): the broker asks for credentials again.
          prompt: how?.switchUser === true ? 'login consent' : 'consent',
          ...(opts.loginTimeoutMs === undefined ? {} : { timeoutMs: opts.loginTimeoutMs }),
          open: async (url) => {
            if (await platform.openExternal(url)) return;
            // Browser mode: the page opens it in a new tab of its own browser (decision 0005).
            flow.authorizationUrl = url;
            await emit();
          },
        });
        await persist(broker, tokens);
        nodeTokens.clear();
        await establish(broker, config, tokens);
        state.error = undefined;
        audit.append('auth.sign_in', { sub: tokens.sub, issuer: broker.issuer });
        logger.info('auth.signed_in', { issuer: broker.issuer });
      } catch (e: unknown) {
        const code = abort.signal.aborted ? 'login_cancelled' : classifyAuthError(e);
        logger.warn('auth.sign_in_failed', { code, issuer: broker.issuer, error: e });
        audit.append('auth.sign_in_failed', { issuer: broker.issuer, code });
        fail(code);
        state.live = undefined;
      } finally {
        state.signingIn = undefined;
      }
      return emit();
    })();
    state.signingIn = flow;
    state.error = undefined;
    await emit();
    return flow.done;
  }

  /** Issue 12 item 13: a new directory applies at once (its brokers, state.trusted issuers and nodes). */
  async function followDirectory(dir: FederationDirectory): Promise<void> {
    nodeTokens.clear();
    // A directory that cannot be read says nothing about brokers: the session stays, and its
    // grants are "not checked" until it can be read again (issue 12 item 1).
    if (!isUsable(dir)) return;
    state.trusted = dir.trustedVisaIssuers;
    const listed = (b: Broker): boolean =>
      dir.brokers.some((x) => x.issuer === b.issuer && x.clientId === b.clientId);
    if (state.signingIn !== undefined && !listed(state.signingIn.broker))
      state.signingIn.abort.abort();
    const session = state.live;
    if (session === undefined || session.tokens.accessToken === '') return;
    const config = await clients.configFor(session.broker);
    if (listed(session.broker)) await establish(session.broker, config, session.tokens);
    else {
      await endLocally();
      fail('directory_changed');
      await signOutAtBroker({
        config,
        tokens: session.tokens,
        endSessionUrl: undefined,
        platform,
        logger,
      });
      audit.append('auth.sign_out', {
        sub: session.tokens.sub,
        issuer: session.broker.issuer,
        reason: 'directory_changed',
      });
    }
    await emit();
  }
  const offDirectory = directory.onChange((dir) => {
    followDirectory(dir).catch((e: unknown) => {
      logger.warn('auth.directory_change_failed', { error: e });
    });
  });

  async function restoreOnce(how: { passportOnly?: boolean }): Promise<SessionSummary> {
    const saved = await (await vault).load();
    if (saved === undefined || state.live !== undefined || state.signingIn !== undefined)
      return summary();
    const dir = await directory.get();
    const broker = dir.brokers.find(
      (b) => b.issuer === saved.issuer && b.clientId === saved.clientId,
    );
    if (broker === undefined) {
      await endLocally();
      return summary();
    }
    state.live = {
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
    await refresh(how);
    // refresh() may have ended the session (state.live reassigned in its closure) or failed to reach the broker.
    const resumed = state.live as LiveSession | undefined;
    if (resumed?.tokens.accessToken === '') state.live = undefined;
    return summary();
  }

  return {
    summary,
    signIn,
    async cancelSignIn() {
      const flow = state.signingIn;
      if (flow === undefined) return summary();
      flow.abort.abort();
      return flow.done;
    },
    async signOut() {
      if (state.signingIn !== undefined) {
        state.signingIn.abort.abort();
        await state.signingIn.done;
      }
      const session = state.live;
      await endLocally();
      state.error = undefined;
      if (session !== undefined) {
        try {
          const config = await clients.configFor(session.broker);
          await signOutAtBroker({
            config,
            tokens: session.tokens,
            endSessionUrl: session.endSessionUrl,
            platform,
            logger,
          });
        } catch (e: unknown) {
          logger.warn('auth.sign_out_remote_failed', { error: e });
        }
        audit.append('auth.sign_out', { sub: session.tokens.sub, issuer: session.broker.issuer });
      }
      return emit();
    },
    async restore(how = {}) {
      restoring ??= restoreOnce(how);
      const restored = await restoring;
      // A passport-only restore came first (issue 23): a caller that needs the catalogue gets it.
      if (how.passportOnly !== true && state.live?.passportOnly === true) {
        await refresh();
        return summary();
      }
      return restored;
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
      const session = state.live;
      if (signInToken === undefined || session === undefined) return undefined;
      const config = await clients.configFor(session.broker);
      return nodeTokens.tokenFor(listed, { config, accessToken: signInToken });
    },
    grants() {
      if (state.live === undefined || state.live.tokens.accessToken === '') return undefined;
      const user = { sub: state.live.tokens.sub, iss: state.live.broker.issuer };
      const { live } = state;
      return {
        user,
        grants: datasetGrants(live.datasets, live.decision, now()),
        knownNodes: live.knownNodes,
        nodeProblems: live.nodeProblems,
        visas: heldVisas(live.decision, now()),
        ...(live.passportOnly === true ? { passportOnly: true as const } : {}),
        ...(live.directoryProblem === undefined
          ? {}
          : {
              unverifiable: live.directoryProblem,
              ...(live.directoryProblemSaid === undefined
                ? {}
                : { unverifiableSaid: live.directoryProblemSaid }),
            }),
      };
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      offDirectory();
      timers.clear();
      state.signingIn?.abort.abort();
    },
  };
}
