import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMainServices } from '../app/createServices';
import { createMemoryLogger } from '../logging/logger';
import { testKeyStorage } from '../platform/keyStorage';
import { createNodePlatform } from '../platform/nodePlatform';

/** The app's services over a data folder, with a secure key store (the vault opens at start). */
function start(dataDir: string) {
  const services = createMainServices({
    platform: createNodePlatform({
      dataDir,
      transport: 'in-process',
      keyStorage: testKeyStorage(Buffer.alloc(32, 7)),
    }),
    policyPath: join(dataDir, 'no-policy.json'),
    isTrustedSender: () => true,
    appName: 'Cohort Desk',
    appVersion: '0.0.0-test',
    logger: createMemoryLogger(),
    demoFederationFile: join(dataDir, 'no-federation.json'),
  });
  const keyed = new Promise<void>((resolve) => services.vault.onKeys(() => resolve()));
  return { services, keyed };
}
const list = (s: ReturnType<typeof start>['services']) =>
  s.router.invoke('audit:list', {}, { url: 'app://cohort-desk/' });

describe('audit log in the app services (issue 12)', () => {
  it('issue 12: a torn audit tail no longer stops the app from starting; the log is keyed once the vault opens', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'audit-services-'));
    mkdirSync(join(dataDir, 'audit'));
    writeFileSync(join(dataDir, 'audit', 'audit.jsonl'), '{"seq":1,"t":"2026-12-06T1');
    const { services, keyed } = start(dataDir);
    await keyed;
    services.audit.append('vault.unlock_failed', {});
    const result = await list(services);
    expect(result).toMatchObject({
      ok: true,
      value: {
        verdict: { ok: true, entries: 3, sealedThrough: 3, keyChecked: true },
        types: ['audit.recovered', 'audit.sealed', 'vault.unlock_failed'],
      },
    });
    expect(readdirSync(join(dataDir, 'audit')).some((n) => n.startsWith('audit.torn-'))).toBe(true);
    services.close();
  });

  it('issue 12: a chain edited while the app was closed is a notice at the next start, naming the line', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'audit-services-'));
    const first = start(dataDir);
    await first.keyed;
    first.services.audit.append('vault.write', { datasetId: 'FI-RD-01', rows: 300 });
    first.services.audit.append('vault.write', { datasetId: 'IT-RD-01', rows: 120 });
    first.services.close();
    const file = join(dataDir, 'audit', 'audit.jsonl');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"rows":300', '"rows":3'));

    const { services, keyed } = start(dataDir);
    await keyed;
    const notice = services.settings
      .view()
      .notices.find((n) => n.messageKey === 'notice.auditBreak');
    expect(notice?.params.message).toBe(
      'Line 1 was changed after it was written: its content no longer matches its hash.',
    );
    expect(await list(services)).toMatchObject({
      value: { verdict: { ok: false, line: 1, reason: 'hash-mismatch' } },
    });
    services.close();
  });
});
