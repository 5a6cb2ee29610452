import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  SESSION_HEADER,
  SESSION_PATH,
  SessionResponseSchema,
  rpcProtocols,
} from '../../../shared/browserMode/session';
import type { MainServices } from '../../main/app/createServices';
import { createMainServices } from '../../main/app/createServices';
import { createMemoryLogger } from '../../main/logging/logger';
import { createNodePlatform } from '../../main/platform/nodePlatform';
import { isAppUrl } from '../../main/security/navigation';
import type { BrowserModeServer } from '../server';
import { startBrowserModeServer } from '../server';

/** The real browser-mode server over the real main services in a fresh data folder. */
export interface LoopbackApp {
  readonly server: BrowserModeServer;
  readonly services: MainServices;
  readonly logger: ReturnType<typeof createMemoryLogger>;
  readonly dataDir: string;
  close(): Promise<void>;
}

/** Starts browser mode as `npm start` would, hermetic: no policy, no demo federation file. */
export async function startLoopbackApp(rendererDir: string): Promise<LoopbackApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cohort-desk-loopback-'));
  const platform = createNodePlatform({ dataDir, transport: 'loopback-websocket' });
  const logger = createMemoryLogger();
  let services: MainServices | undefined;
  const server = await startBrowserModeServer({
    rendererDir,
    logger,
    services: (origin) => {
      services = createMainServices({
        platform,
        logger,
        policyPath: join(dataDir, 'no-policy.json'),
        isTrustedSender: (sender) => isAppUrl(sender.url, origin),
        appName: 'Cohort Desk',
        appVersion: '0.0.0-test',
        demoFederationFile: join(dataDir, 'no-federation.json'),
      });
      return services;
    },
  });
  if (services === undefined) throw new Error('the server started without building its services');
  const built = services;
  return {
    server,
    services: built,
    logger,
    dataDir,
    async close() {
      await server.close();
      built.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A small seeded generator so a failing fuzz run can be replayed from its seed. */
export function seededRandom(seed: number): (below: number) => number {
  let state = seed >>> 0;
  return (below) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * below);
  };
}

/** What a client presents to reach /rpc and /vault/, obtained through the one-time launch link. */
export interface SessionCredentials {
  /** HTTP headers for requests (the vault route). */
  readonly headers: Record<string, string>;
  /** Extra header lines for a raw WebSocket upgrade of /rpc. */
  readonly upgradeLines: readonly string[];
  /** The session secret itself (tests that check where it must not appear). */
  readonly secret: string;
}

/** Spends the server's launch code as the page does (POST /session from its own origin). */
export async function launchSession(server: BrowserModeServer): Promise<SessionCredentials> {
  const code = new URL(server.launchUrl).searchParams.get('code') ?? '';
  const res = await fetch(`${server.origin}${SESSION_PATH}`, {
    method: 'POST',
    headers: { origin: server.origin, 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  if (!res.ok) throw new Error(`the launch code was refused (HTTP ${res.status})`);
  const { session } = SessionResponseSchema.parse(await res.json());
  return {
    headers: { [SESSION_HEADER]: session },
    upgradeLines: [`Sec-WebSocket-Protocol: ${rpcProtocols(session).join(', ')}`],
    secret: session,
  };
}
