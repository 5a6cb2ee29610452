/**
 * The app's real main services over a fresh data folder, for case tests (issue 16): the vault opens
 * with the explicit test key provider, nobody is signed in (the local-account owner), and requests
 * go through the one router as an app page would send them.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { CaseImportRequest, CaseProgress } from '../../../../shared/cases/channels';
import type { ChannelName, RequestOf, ResponseOf } from '../../../../shared/ipc';
import type { Result } from '../../../../shared/result';
import { createMainServices } from '../../app/createServices';
import type { MainServices } from '../../app/createServices';
import { createFileLogger } from '../../logging/logger';
import type { KeyStorage } from '../../platform/keyStorage';
import { testKeyStorage } from '../../platform/keyStorage';
import { createNodePlatform } from '../../platform/nodePlatform';
import { toBgzf } from '../../vcf/bgzfWriter';

export const PAGE = { url: 'app://cohort-desk/index.html' };

export interface CaseHarness {
  readonly dir: string;
  readonly services: MainServices;
  invoke<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>>;
  /** invoke, throwing on an error result. */
  call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  /** Writes a file into the test folder (BGZF when `bgzf`), returns its path. */
  file(name: string, text: string, opts?: { bgzf?: boolean; eof?: boolean }): string;
  /** A handle for a file, as main's dialog would give it. */
  handle(path: string): string;
  /** Starts an import and resolves with its final progress (done, failed or cancelled). */
  importCase(req: CaseImportRequest, onProgress?: (p: CaseProgress) => void): Promise<CaseProgress>;
  close(): Promise<void>;
}

/** `federation`: the nodes and tokens the app's federated services use (default: none). */
export function openCaseHarness(
  opts: {
    federation?: Parameters<typeof createMainServices>[0]['federation'];
    /** The import worker's script (bench/case-import.ts: the app's bundle). */
    importWorker?: Parameters<typeof createMainServices>[0]['caseImportWorker'];
    /** This computer's key storage (default: one that holds the vault key, so it opens). */
    keyStorage?: KeyStorage;
  } = {},
): CaseHarness {
  const dir = mkdtempSync(join(tmpdir(), 'case-'));
  const platform = createNodePlatform({
    dataDir: join(dir, 'data'),
    transport: 'in-process',
    keyStorage: opts.keyStorage ?? testKeyStorage(randomBytes(32)),
  });
  const services = createMainServices({
    platform,
    logger: createFileLogger({ dir: platform.paths.logs }),
    policyPath: join(dir, 'no-policy.json'),
    isTrustedSender: () => true,
    appName: 'Cohort Desk',
    appVersion: '0.0.0',
    demoFederationFile: join(dir, 'no-federation.json'),
    ...(opts.federation === undefined ? {} : { federation: opts.federation }),
    ...(opts.importWorker && { caseImportWorker: opts.importWorker }),
  });
  // The vault opens asynchronously (the key store is asked first): every request waits for it.
  const vaultOpen = new Promise<void>((resolve) => services.vault.onKeys(() => resolve()));
  const waiters = new Map<string, (p: CaseProgress) => void>();
  const early = new Map<string, CaseProgress>();
  const listeners = new Set<(p: CaseProgress) => void>();
  services.events.subscribe((event, payload) => {
    if (event !== 'case:progress') return;
    const p = payload as CaseProgress;
    for (const l of listeners) l(p);
    if (!['done', 'failed', 'cancelled'].includes(p.phase)) return;
    const w = waiters.get(p.jobId);
    if (w === undefined) early.set(p.jobId, p);
    else w(p);
  });
  const invoke = (async (channel: ChannelName, request: unknown) => {
    await vaultOpen;
    return services.router.invoke(channel, request, PAGE);
  }) as CaseHarness['invoke'];
  const h: CaseHarness = {
    dir,
    services,
    invoke,
    async call(channel, request) {
      const r = await invoke(channel, request);
      if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
      return r.value;
    },
    file(name, text, opts = {}) {
      const path = join(dir, name);
      writeFileSync(path, opts.bgzf === true ? toBgzf(text, { eof: opts.eof !== false }) : text);
      return path;
    },
    handle(path) {
      return services.cases.files.add({
        name: basename(path),
        size: statSync(path).size,
        source: { kind: 'file', path },
        owner: services.cases.owner().scope,
      }).handle;
    },
    async importCase(req, onProgress) {
      if (onProgress !== undefined) listeners.add(onProgress);
      try {
        const { jobId } = await h.call('case:import', req);
        const seen = early.get(jobId);
        if (seen !== undefined) return seen;
        return await new Promise<CaseProgress>((resolve) => waiters.set(jobId, resolve));
      } finally {
        if (onProgress !== undefined) listeners.delete(onProgress);
      }
    },
    async close() {
      await services.cases.close();
      services.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return h;
}
