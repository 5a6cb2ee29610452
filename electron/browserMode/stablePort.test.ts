import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../main/logging/logger';
import { startBrowserModeServer } from './server';
import type { BrowserModeServer } from './server';
import { portTakenNotice, rememberPort, rememberedPort } from './stablePort';
import type { LoopbackApp } from './testing/loopbackApp';
import { startLoopbackApp } from './testing/loopbackApp';

let dir: string;
let app: LoopbackApp;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cohort-desk-port-'));
  app = await startLoopbackApp(dir);
});

afterEach(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Another browser-mode server over the same services, asking for `preferredPort`. */
const startPreferring = (preferredPort: number): Promise<BrowserModeServer> =>
  startBrowserModeServer({
    rendererDir: dir,
    logger: createMemoryLogger(),
    services: () => app.services,
    preferredPort,
  });

const occupy = async (port: number): Promise<Server> => {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
  return blocker;
};

describe('a stable browser-mode port per data folder (issue 13)', () => {
  it('remembers the port in the data folder; a missing or damaged file is no port', () => {
    expect(rememberedPort(dir)).toBeUndefined();
    rememberPort(dir, 45123);
    expect(rememberedPort(dir)).toBe(45123);
    writeFileSync(join(dir, 'browser-mode.json'), '{"version":1,"port":"45123"');
    expect(rememberedPort(dir)).toBeUndefined();
    writeFileSync(join(dir, 'browser-mode.json'), '{"version":1,"port":80}');
    expect(rememberedPort(dir)).toBeUndefined();
  });

  it('issue 13: the usual port is used again when free, and another one (said so) when taken', async () => {
    const usual = app.server.port;
    await app.server.close();
    const again = await startPreferring(usual);
    expect(again.port).toBe(usual);
    expect(again.preferredPortTaken).toBe(false);
    await again.close();

    const blocker = await occupy(usual);
    try {
      const moved = await startPreferring(usual);
      expect(moved.port).not.toBe(usual);
      expect(moved.preferredPortTaken).toBe(true);
      expect(portTakenNotice(usual, moved.port)).toContain(
        `Port ${usual}, this data folder's usual address, is in use`,
      );
      await moved.close();
    } finally {
      blocker.close();
    }
  });

  it('an exact port (COHORT_DESK_PORT) that is taken is an error, never another port', async () => {
    const blocker = await occupy(0);
    const { port } = blocker.address() as AddressInfo;
    try {
      await expect(
        startBrowserModeServer({
          rendererDir: dir,
          logger: createMemoryLogger(),
          services: () => app.services,
          port,
        }),
      ).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      blocker.close();
    }
  });
});
