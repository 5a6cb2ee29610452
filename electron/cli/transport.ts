import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChannelName, EventName, RequestOf, ResponseOf } from '../../shared/ipc';
import type { Result } from '../../shared/result';
import { createMainServices } from '../main/app/createServices';
import { defaultDemoFederationFile } from '../main/federation/directory';
import type { MainServices } from '../main/app/createServices';
import { CLI_SENDER, isCliSender } from '../main/ipc/cliSender';
import { createFileLogger } from '../main/logging/logger';
import { createNodePlatform } from '../main/platform/nodePlatform';
import { adoptLegacyDataDir, appPaths } from '../main/platform/paths';
import { defaultPolicyPath } from '../main/settings/policy';

/** The command line's transport: the app's own router and services, called in process (issue 16). */
export interface CliTransport {
  invoke<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>>;
  /** The services' pushed events (search progress), as the app's pages get them; returns unsubscribe. */
  subscribe(listener: (event: EventName, payload: unknown) => void): () => void;
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
  const platform = createNodePlatform({
    dataDir: paths.data,
    cache: paths.cache,
    transport: 'command line',
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
    close() {
      services?.close();
      services = undefined;
    },
  };
}
