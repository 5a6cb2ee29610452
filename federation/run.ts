/**
 * `npm run federation`: starts the demo federation (AAI + 5 national nodes + the foreign node) on loopback, generating
 * the synthetic data on first run, prints how to connect, and stops cleanly on SIGINT/SIGTERM.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FederationInfo } from './federationInfo.js';
import { parseRunArgs, USAGE } from './runArgs.js';
import { startFederation } from './startFederation.js';

export { startFederation, type Federation, type FederationOptions } from './startFederation.js';
export type { FederationInfo } from './federationInfo.js';

const out = (text: string): boolean => process.stdout.write(`${text}\n`);

/** The banner printed once everything listens. */
export function describeFederation(info: FederationInfo, infoFile: string): string {
  const nodes = info.nodes.map(
    (n) =>
      `  ${n.id.padEnd(4)} ${n.name.padEnd(40)} ${n.beaconUrl}${n.htsgetUrl === undefined ? '' : `   htsget ${n.htsgetUrl}`}`,
  );
  const accounts = info.accounts.map((a) => `  ${a.username.padEnd(12)} ${a.description}`);
  return [
    'Demo federation running (loopback only).',
    `Issuer (AAI):  ${info.issuer}   client_id ${info.clientId}`,
    'Nodes:',
    ...nodes,
    `Test accounts (password for all: ${info.accounts[0]?.password ?? ''}):`,
    ...accounts,
    `Connection details: ${infoFile}`,
    'Admin: npm run federation:admin -- grant|revoke|expire <username> <datasetId>',
    'Press Ctrl+C to stop.',
  ].join('\n');
}

async function main(): Promise<void> {
  const args = parseRunArgs(process.argv.slice(2), process.env);
  if (args.help) {
    out(USAGE);
    return;
  }
  const started = Date.now();
  const federation = await startFederation({
    aaiPort: args.aaiPort,
    basePort: args.basePort,
    profile: args.profile,
    extraNodes: args.extraNodes,
    foreignNode: args.foreignNode,
    faults: args.faults,
    ...(args.seed === undefined ? {} : { seed: args.seed }),
    ...(args.dataRoot === undefined ? {} : { dataRoot: args.dataRoot }),
    ...(args.runDir === undefined ? {} : { runDir: args.runDir }),
    onProgress: (msg) => out(`[federation] ${msg}`),
  });
  out(describeFederation(federation.info, federation.infoFile));
  out(`Started in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  let stopping = false;
  const stop = (signal: string): void => {
    // A second Ctrl+C while closing means "now": skip the graceful path.
    if (stopping) process.exit(130);
    stopping = true;
    out(`\n${signal}: stopping the federation…`);
    federation.close().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`shutdown failed: ${String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => {
    stop('SIGINT');
  });
  process.on('SIGTERM', () => {
    stop('SIGTERM');
  });
}

const invokedDirectly =
  process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  main().catch((err: unknown) => {
    process.stderr.write(`federation: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
