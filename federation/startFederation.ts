/**
 * Starts the demo federation in-process: the AAI (passport broker) and one Beacon v2 + htsget server
 * per catalogue node, on loopback. Integration tests everywhere use this with port 0.
 */
import { join } from 'node:path';
import { startAai, type AaiHandle } from './aai/index.js';
import { NODES, AAI_DEFAULT_PORT } from './catalogue.js';
import { extraNodePlans } from './extraNodes.js';
import {
  DEFAULT_DATA_ROOT,
  DEFAULT_RUN_DIR,
  removeFederationInfo,
  writeFederationInfo,
  type FederationInfo,
} from './federationInfo.js';
import { FOREIGN_DATASETS, FOREIGN_NODE } from './foreign/catalogue.js';
import { ensureForeignData } from './foreign/data.js';
import { routeForeign } from './foreign/router.js';
import { ensureData, type Profile } from './generator/index.js';
import {
  startNode,
  type FaultConfig,
  type NodeHandle,
  type StartNodeOptions,
} from './node/index.js';

export interface FederationOptions {
  /** AAI port; 0 = ephemeral. Default 4400. */
  readonly aaiPort?: number;
  /** Port of the first node, the others follow; 0 = every node ephemeral. Default 4401. */
  readonly basePort?: number;
  readonly profile?: Profile;
  readonly seed?: number;
  /** Generated data root (default federation/data). */
  readonly dataRoot?: string;
  /** Runtime state: AAI keys/grants in `aai/`, and federation.json (default federation/.run). */
  readonly runDir?: string;
  /** Extra demo nodes reusing the generated data (benchmarks). */
  readonly extraNodes?: number;
  /**
   * Also start the foreign node DE after the national ones (GRCh37, Beacon v2.0 shapes, page cap
   * 100; federation/foreign/). `npm run federation` does; tests opt in (default false).
   */
  readonly foreignNode?: boolean;
  /** Faults per node id, applied once the nodes run. */
  readonly faults?: Readonly<Record<string, FaultConfig>>;
  readonly onProgress?: (msg: string) => void;
  /** How long nodes cache a token's passport (node default 30 s); tests of revocation use 0. */
  readonly passportCacheTtlMs?: number;
  /** The AAI's access-token lifetime (default 300 s); the app re-reads passports at each refresh. */
  readonly accessTokenTtlSec?: number;
}

export interface Federation {
  readonly info: FederationInfo;
  readonly infoFile: string;
  readonly aai: AaiHandle;
  readonly nodes: readonly NodeHandle[];
  /** Stops every server and removes federation.json. */
  close(): Promise<void>;
}

/** Generates data when needed, starts AAI + nodes, applies faults and writes federation.json. */
export async function startFederation(opts: FederationOptions = {}): Promise<Federation> {
  const progress = opts.onProgress ?? (() => undefined);
  const runDir = opts.runDir ?? DEFAULT_RUN_DIR;
  const basePort = opts.basePort ?? NODES[0]?.port ?? 4401;
  const manifest = await ensureData({
    profile: opts.profile ?? 'small',
    rootDir: opts.dataRoot ?? DEFAULT_DATA_ROOT,
    ...(opts.seed === undefined ? {} : { seed: opts.seed }),
    onProgress: progress,
  });
  const aai = await startAai({
    port: opts.aaiPort ?? AAI_DEFAULT_PORT,
    stateDir: join(runDir, 'aai'),
    ...(opts.accessTokenTtlSec === undefined ? {} : { accessTokenTtlSec: opts.accessTokenTtlSec }),
  });
  const nodes: NodeHandle[] = [];
  const close = async (): Promise<void> => {
    await removeFederationInfo(runDir);
    await Promise.allSettled(nodes.map((n) => n.close()));
    await aai.close();
  };
  try {
    const trustedIssuers = [{ iss: aai.issuer, jku: aai.jwksUri }];
    type Plan = Pick<
      StartNodeOptions,
      'node' | 'dataDir' | 'extraDatasets' | 'dataNode' | 'beacon' | 'htsget'
    >;
    const foreign: Plan[] = [];
    if (opts.foreignNode === true) {
      const data = await ensureForeignData(manifest.dir);
      progress(
        `foreign node: ${data.card.lifted} of ${data.card.variants} variants lifted to GRCh37`,
      );
      foreign.push({
        node: FOREIGN_NODE,
        dataDir: join(data.dir, '..'),
        extraDatasets: [...FOREIGN_DATASETS],
        beacon: routeForeign,
        htsget: false,
      });
    }
    const plans: Plan[] = [
      ...NODES.map((node) => ({ node, dataDir: manifest.dir, extraDatasets: [] })),
      ...foreign,
      ...(await extraNodePlans(
        manifest.dir,
        opts.extraNodes ?? 0,
        basePort + NODES.length + foreign.length,
      )),
    ];
    // Nodes start in parallel (each opens its own DuckDB); on any failure the started ones are closed.
    progress(`starting ${plans.length} nodes`);
    const started = await Promise.allSettled(
      plans.map((plan, i) =>
        startNode({
          ...plan,
          port: basePort === 0 ? 0 : basePort + i,
          trustedIssuers,
          // Each node's API is a resource server of the broker: tokens name one node
          // (decision 0015-node-audience-tokens).
          registerAtBrokers: async (resource: string) => {
            const client = await aai.registerResourceServer({ resource, name: plan.node.id });
            return [{ issuer: aai.issuer, ...client }];
          },
          ...(opts.passportCacheTtlMs === undefined
            ? {}
            : { passportCacheTtlMs: opts.passportCacheTtlMs }),
        }),
      ),
    );
    for (const s of started) if (s.status === 'fulfilled') nodes.push(s.value);
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    for (const node of nodes) {
      const faults = opts.faults?.[node.id];
      if (faults) node.setFaults(faults);
    }
    const info: FederationInfo = {
      issuer: aai.issuer,
      jwksUri: aai.jwksUri,
      clientId: aai.clientId,
      adminUrl: aai.adminUrl,
      adminSecret: aai.adminSecret,
      accounts: aai.accounts,
      nodes: nodes.map((n, i) => ({
        id: n.id,
        country: plans[i]?.node.country ?? '',
        name: plans[i]?.node.name ?? n.id,
        beaconUrl: n.beaconUrl,
        // The foreign node is listed without htsget and without an assembly: clients learn its
        // assembly from its /info and records, as they would for a node outside the demo. It says
        // nothing about local copies; the directory records the (demo) agreement that allows them.
        ...(plans[i]?.htsget === false
          ? { localCopies: 'allowed' as const }
          : { htsgetUrl: n.htsgetUrl, assembly: 'GRCh38' }),
        resource: n.resource,
      })),
    };
    const infoFile = await writeFederationInfo(runDir, info);
    return { info, infoFile, aai, nodes, close };
  } catch (err) {
    await close();
    throw err;
  }
}
