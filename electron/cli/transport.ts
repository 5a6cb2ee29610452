import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChannelName, EventName, RequestOf, ResponseOf } from '../../shared/ipc';
import type { Result } from '../../shared/result';
import { createMainServices } from '../main/app/createServices';
import { defaultDemoFederationFile } from '../main/federation/directory';
import type { MainServices } from '../main/app/createServices';
import { VAULT_SEALED_SESSION_FILE } from '../main/auth/vaultSealedSession';
import { CLI_SENDER, isCliSender } from '../main/ipc/cliSender';
import type { ImportWorkerSpec } from '../main/cases/import/caseImports';
import { createFileLogger } from '../main/logging/logger';
import type { Logger } from '../main/logging/logger';
import { importWorkerBundle } from './importWorkerBundle';
import { memoryOnlyKeyStorage } from '../main/platform/keyStorage';
import { createNodePlatform } from '../main/platform/nodePlatform';
import { adoptLegacyDataDir, appPaths } from '../main/platform/paths';
import { defaultPolicyPath } from '../main/settings/policy';

/** Why the vault asks for its passphrase on the command line (shown in the vault's lock message). */
const CLI_KEY_REASON =
  'the command line has no access to the operating system secret store; your sign-in is sealed under the vault passphrase';

/**
 * The import worker the command line starts: the bundle (built on first use, again after a source
 * change), or, when it cannot be built, the TypeScript source under tsx, said in the log.
 */
function cliImportWorker(root: string, logger: Logger): { caseImportWorker?: ImportWorkerSpec } {
  try {
    return { caseImportWorker: importWorkerBundle(root, 'cli') };
  } catch (error: unknown) {
    logger.warn('import_worker_bundle_failed', {
      detail: error instanceof Error ? error.message : String(error),
      fallback: 'the import worker starts from its TypeScript source (about 0.6 s more CPU each)',
    });
    return {};
  }
}

/** The command line's transport: the app's own router and services, called in process (issue 16). */
export interface CliTransport {
  invoke<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>>;
  /** The services' pushed events (search progress), as the app's pages get them; returns unsubscribe. */
  subscribe(listener: (event: EventName, payload: unknown) => void): () => void;
  /**
   * Waits until the saved session is restored (decision 0032: sealed under the vault key, so only
   * after the vault is unlocked) or found absent. Commands that act as the signed-in user call it;
   * those that read only the local cache pass `passportOnly` (decision 0050).
   */
  restoreSession(how?: { passportOnly?: boolean }): Promise<void>;
  /** The services behind the router, for tests and the benchmark's direct calls (never commands). */
  services(): MainServices;
  /** Whether a sign-in is saved here (sealed under the vault key), without opening it. */
  hasSavedSession(): boolean;
  /** Whether the vault's passphrase was chosen already (false: the next unlock chooses it). */
  vaultPassphraseSet(): boolean;
  close(): void;
}

/**
 * Builds the same main services as Electron and browser mode (createMainServices) over the user's
 * data folder, and sends every request as the trusted CLI sender. No window, no display.
 */
export function openCliTransport(env: NodeJS.ProcessEnv = process.env): CliTransport {
  const root = join(import.meta.dirname, '..', '..');
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    productName: string;
    version: string;
  };
  adoptLegacyDataDir(process.platform, env);
  const paths = appPaths(process.platform, env);
  const dataDir = paths.data;
  const platform = createNodePlatform({
    dataDir,
    cache: paths.cache,
    transport: 'in-process',
    keyStorage: memoryOnlyKeyStorage(CLI_KEY_REASON, 'command-line'),
  });
  const logger = createFileLogger({ dir: platform.paths.logs, fileName: 'cli.log' });
  let services: MainServices | undefined = createMainServices({
    platform,
    logger,
    policyPath: defaultPolicyPath(process.platform, env),
    isTrustedSender: isCliSender,
    appName: pkg.productName,
    appVersion: pkg.version,
    // The same environment decides the demo federation as the data folder and the policy.
    demoFederationFile: defaultDemoFederationFile(env, root),
    // No OS secret store here: the session is sealed under the vault key (decision 0032).
    sessionSealing: 'vault-key',
    // Each command restores the session itself once the vault is open, and only as far as it
    // needs (decision 0050): no background restore racing the command.
    restoreAtStart: false,
    ...cliImportWorker(root, logger),
  });
  return {
    async invoke(channel, request) {
      if (services === undefined) throw new Error('the command line transport is closed');
      return (await services.router.invoke(channel, request, CLI_SENDER)) as Result<
        ResponseOf<typeof channel>
      >;
    },
    subscribe(listener) {
      if (services === undefined) throw new Error('the command line transport is closed');
      return services.events.subscribe(listener);
    },
    async restoreSession(how) {
      if (services === undefined) throw new Error('the command line transport is closed');
      await services.auth.restore(how);
    },
    services() {
      if (services === undefined) throw new Error('the command line transport is closed');
      return services;
    },
    hasSavedSession: () => existsSync(join(dataDir, 'auth', VAULT_SEALED_SESSION_FILE)),
    vaultPassphraseSet() {
      if (services === undefined) throw new Error('the command line transport is closed');
      return services.vault.passphraseIsSet();
    },
    close() {
      services?.close();
      services = undefined;
    },
  };
}
