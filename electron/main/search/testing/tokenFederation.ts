/**
 * The demo federation for tests that call nodes without the app's sign-in (search, bench): started
 * in-process, with its ground truth and real per-node tokens taken straight from the broker. Tests
 * that sign in through the app use auth/testing/signInFederation.ts instead. Nothing outside
 * *.test.ts and bench/ may import this file.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// Tests only: the demo federation is the test bed (DESIGN "Testing"); the app speaks to it over HTTP.
import { loginAs } from '../../../../federation/aai/testing/loginAs';
import { nodeToken } from '../../../../federation/aai/testing/nodeTokens';
import { DEFAULT_DATA_ROOT, type FederationInfo } from '../../../../federation/federationInfo';
import { ensureData, type GroundTruth } from '../../../../federation/generator/index';
import type { FaultConfig } from '../../../../federation/node/index';
import { startFederation, type Federation } from '../../../../federation/startFederation';
import type { FederationDirectory, NodeEntry } from '../../../../shared/federation/directory';
import { sharedFederation } from '../../testing/sharedFederation';

export type { FaultConfig, GroundTruth };

export interface TokenFederation {
  readonly fed: Federation;
  readonly truth: GroundTruth;
  directory(): FederationDirectory;
  /**
   * Real per-node access tokens for a test account (clinician, researcher, novisa, ...), as the
   * app gets them (decision 0015-node-audience-tokens): undefined for a node the broker does not know.
   */
  tokenFor(username: string): Promise<(node: NodeEntry) => Promise<string | undefined>>;
  setFaults(nodeId: string, faults: FaultConfig): void;
  close(): Promise<void>;
}

/** Ground truth, directory and per-node tokens of a running federation, known by its info. */
export type ReadOnlyTokenFederation = Pick<TokenFederation, 'truth' | 'directory' | 'tokenFor'>;

function readOnly(info: FederationInfo, truth: GroundTruth): ReadOnlyTokenFederation {
  const signIns = new Map<string, Promise<string>>();
  const signIn = (username: string): Promise<string> => {
    let t = signIns.get(username);
    if (t === undefined) {
      t = loginAs({ issuer: info.issuer, username }).then((r) => r.accessToken);
      signIns.set(username, t);
    }
    return t;
  };
  return {
    truth,
    directory: () => ({
      source: 'embedded-demo',
      brokers: [{ issuer: info.issuer, clientId: info.clientId, name: 'Demo AAI' }],
      nodes: info.nodes.map((n) => ({
        id: n.id,
        name: n.name,
        country: n.country,
        beaconUrl: n.beaconUrl,
        ...(n.htsgetUrl === undefined ? {} : { htsgetUrl: n.htsgetUrl }),
        ...(n.assembly === undefined ? {} : { assembly: n.assembly }),
        resource: n.resource,
      })),
      trustedVisaIssuers: [{ iss: info.issuer, jku: info.jwksUri }],
    }),
    async tokenFor(username) {
      // Signed in before the search starts, as in the app: only the exchange runs per node.
      const signInToken = await signIn(username);
      return (node) =>
        nodeToken(
          info.issuer,
          signInToken,
          node.resource ?? new URL('/', node.beaconUrl).href,
        ).catch(() => undefined);
    },
  };
}

/**
 * The shared demo federation (node project global setup) for search tests that only read from it
 * (issue 14: test time); tests that set faults or need the foreign node start their own.
 */
export function sharedTokenFederation(): ReadOnlyTokenFederation {
  const shared = sharedFederation();
  return readOnly(shared.info, JSON.parse(readFileSync(shared.truthFile, 'utf8')) as GroundTruth);
}

/** Starts AAI + nodes on ephemeral ports with a private run folder; reads the ground truth. */
export async function startTokenFederation(
  opts: { extraNodes?: number; foreignNode?: boolean } = {},
): Promise<TokenFederation> {
  const runDir = mkdtempSync(join(tmpdir(), 'cohort-desk-search-fed-'));
  const manifest = await ensureData({ profile: 'small', rootDir: DEFAULT_DATA_ROOT });
  const truth = JSON.parse(
    readFileSync(join(manifest.dir, 'ground-truth.json'), 'utf8'),
  ) as GroundTruth;
  const fed = await startFederation({
    aaiPort: 0,
    basePort: 0,
    runDir,
    extraNodes: opts.extraNodes ?? 0,
    foreignNode: opts.foreignNode ?? false,
  });
  return {
    fed,
    ...readOnly(fed.info, truth),
    setFaults(nodeId, faults) {
      const node = fed.nodes.find((n) => n.id === nodeId);
      if (node === undefined) throw new Error(`no node ${nodeId}`);
      node.setFaults(faults);
    },
    async close() {
      await fed.close();
      rmSync(runDir, { recursive: true, force: true });
    },
  };
}
