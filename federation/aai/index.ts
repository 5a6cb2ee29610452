/**
 * The demo federation's passport broker: an OIDC provider (oidc-provider 9) for the public native client
 * `cohort-desk` that returns GA4GH Passport 1.2 visas from UserInfo.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DEMO_PASSWORD, loadSeed } from './accounts';
import { applyAdminAction, handleAdmin } from './admin';
import { openFileAdapterStore } from './fileAdapter';
import { openGrantsStore } from './grantsStore';
import { sendJson } from './http';
import { handleInteraction } from './interactions';
import { loadOrCreateKeys, publicJwk } from './keys';
import { log } from './log';
import { CLIENT_ID, createProvider } from './provider';
import { createResourceServers, type ResourceServerClient } from './resourceServers';
import { createVisaSigner } from './visas';

export { DEMO_PASSWORD } from './accounts';
export { BONA_FIDE_DOI, VISA_TYP } from './visas';

export interface AaiOptions {
  /** 0 picks a free port. The server binds 127.0.0.1 only. */
  port: number;
  /** Keys and visa-grant state live here and survive restarts. */
  stateDir: string;
  /** Defaults to federation/aai/seed/accounts.json. */
  seedFile?: string;
  /** Access token lifetime (default 300 s, short so clients exercise refresh). */
  accessTokenTtlSec?: number;
  /** Admin bearer secret; random per start when omitted. */
  adminSecret?: string;
}

export interface AaiHandle {
  /** http://127.0.0.1:PORT */
  issuer: string;
  /** Visa `jku` = `${issuer}/visa-jwks`. */
  jwksUri: string;
  clientId: 'cohort-desk';
  /** `${issuer}/admin`: POST `${adminUrl}/{grant|revoke|expire}`. */
  adminUrl: string;
  adminSecret: string;
  /** Seed accounts for printing (all share DEMO_PASSWORD). */
  accounts: { username: string; password: string; description: string }[];
  close(): Promise<void>;
  admin: {
    grant(username: string, datasetId: string, opts?: { expiresInSec?: number }): Promise<void>;
    revoke(username: string, datasetId: string): Promise<void>;
    expire(username: string, datasetId: string): Promise<void>;
  };
  /**
   * Registers a node's API as a resource server (RFC 8707 resource indicator, e.g. its base URL):
   * the app can then get access tokens for it, and the node exchanges them for passports with the
   * returned client credentials (decision 0015-node-audience-tokens).
   */
  registerResourceServer(opts: { resource: string; name: string }): Promise<ResourceServerClient>;
  /** Test-only: sign an arbitrary visa payload with the broker's visa key (header jku/kid/typ set unless overridden). */
  signVisa(payload: Record<string, unknown>, header?: Record<string, unknown>): Promise<string>;
}

/** Starts the broker on 127.0.0.1 and resolves once it accepts connections. */
export async function startAai(opts: AaiOptions): Promise<AaiHandle> {
  const accounts = await loadSeed(opts.seedFile);
  const keys = await loadOrCreateKeys(opts.stateDir);
  const grants = await openGrantsStore(opts.stateDir, accounts);
  const oidcStore = await openFileAdapterStore(join(opts.stateDir, 'oidc-store.json'));
  const adminSecret = opts.adminSecret ?? randomBytes(24).toString('base64url');

  let route: (req: IncomingMessage, res: ServerResponse) => Promise<void> = () =>
    Promise.reject(new Error('not ready'));
  const server = createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      log('error', 'request failed', {
        path: req.url?.split('?')[0],
        error: (err as Error).message,
      });
      if (!res.headersSent) sendJson(res, 500, { error: 'server_error' });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const issuer = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
  const signer = await createVisaSigner(issuer, keys.visaKey);
  const accessTokenTtlSec = opts.accessTokenTtlSec ?? 300;
  const resources = createResourceServers({ adapter: oidcStore.factory, accessTokenTtlSec });
  const provider = createProvider({
    issuer,
    keys,
    accounts,
    grants,
    signer,
    accessTokenTtlSec,
    adapter: oidcStore.factory,
    resources,
  });
  const oidc = provider.callback();
  const visaJwks = { keys: [publicJwk(keys.visaKey)] };
  const interactionDeps = { provider, accounts, grants, clientName: 'Cohort Desk' };

  route = async (req, res) => {
    const path = new URL(req.url ?? '/', issuer).pathname;
    if (path === '/visa-jwks' && req.method === 'GET') {
      sendJson(res, 200, visaJwks, { 'Cache-Control': 'public, max-age=300' });
      return;
    }
    if (await handleInteraction(interactionDeps, req, res, path)) return;
    if (await handleAdmin({ grants, adminSecret }, req, res, path)) return;
    await oidc(req, res);
  };
  log('info', 'AAI listening', { issuer });

  return {
    issuer,
    jwksUri: signer.jku,
    clientId: CLIENT_ID,
    adminUrl: `${issuer}/admin`,
    adminSecret,
    accounts: accounts.map((a) => ({
      username: a.username,
      password: DEMO_PASSWORD,
      description: a.description,
    })),
    async close() {
      await new Promise<void>((resolve, reject) => {
        server.close((err) => {
          if (err) reject(err);
          else resolve();
        });
        server.closeAllConnections();
      });
      await oidcStore.settle();
    },
    admin: {
      grant: (username, datasetId, o) =>
        applyAdminAction(grants, 'grant', { username, datasetId, expiresInSec: o?.expiresInSec }),
      revoke: (username, datasetId) => applyAdminAction(grants, 'revoke', { username, datasetId }),
      expire: (username, datasetId) => applyAdminAction(grants, 'expire', { username, datasetId }),
    },
    registerResourceServer: (o) => resources.register(o),
    signVisa: (payload, header) => signer.sign(payload, header),
  };
}
