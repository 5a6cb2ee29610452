/** Command-line and environment options of `npm run federation`. */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { AAI_DEFAULT_PORT, NODES } from './catalogue.js';

const faultSchema = z
  .object({
    latencyMs: z.number().int().min(0).optional(),
    errorRate: z.number().min(0).max(1).optional(),
    down: z.boolean().optional(),
    slowDripMs: z.number().int().min(0).optional(),
    malformedJson: z.boolean().optional(),
    pageCap: z.number().int().min(1).optional(),
    servedRecords: z.number().int().min(0).optional(),
  })
  .strict();
/** `--faults` JSON: node id → fault configuration. */
export const faultsSchema = z.record(z.string(), faultSchema);

export interface RunArgs {
  readonly aaiPort: number;
  readonly basePort: number;
  readonly profile: 'small' | 'large';
  readonly extraNodes: number;
  readonly faults: z.infer<typeof faultsSchema>;
  readonly seed: number | undefined;
  readonly dataRoot: string | undefined;
  /** Runtime state and federation.json (default federation/.run). */
  readonly runDir: string | undefined;
  /** Start the foreign (GRCh37, Beacon v2.0-shaped) node after the national ones (default yes). */
  readonly foreignNode: boolean;
  readonly help: boolean;
}

export const USAGE = `Usage: npm run federation -- [options]
  --profile small|large   data profile (default small)
  --base-port N           first node port (default ${NODES[0]?.port ?? 4401}; env FEDERATION_BASE_PORT); 0 = ephemeral
  --aai-port N            AAI port (default ${AAI_DEFAULT_PORT}, or base port - 1 when only the base port is set)
  --extra-nodes N         N extra demo nodes reusing the generated data (benchmarks)
  --faults JSON           per-node faults, e.g. '{"IT":{"latencyMs":2000}}'
  --seed N                generator seed
  --data-dir DIR          data root (default federation/data)
  --run-dir DIR           runtime state and federation.json (default federation/.run; env FEDERATION_RUN_DIR)
  --no-foreign            do not start the foreign node DE (GRCh37, Beacon v2.0 shapes)
`;

function port(name: string, raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new Error(`${name} must be a port number 0-65535`);
  return n;
}

/** Parses argv (without node and script) and the environment; throws with a readable message. */
export function parseRunArgs(argv: readonly string[], env: NodeJS.ProcessEnv): RunArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      profile: { type: 'string', default: 'small' },
      'base-port': { type: 'string' },
      'aai-port': { type: 'string' },
      'extra-nodes': { type: 'string', default: '0' },
      faults: { type: 'string', default: '{}' },
      seed: { type: 'string' },
      'data-dir': { type: 'string' },
      'run-dir': { type: 'string' },
      'no-foreign': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  const profile = values.profile;
  if (profile !== 'small' && profile !== 'large')
    throw new Error('--profile must be small or large');
  const baseRaw = values['base-port'] ?? env.FEDERATION_BASE_PORT;
  const basePort = baseRaw === undefined ? (NODES[0]?.port ?? 4401) : port('--base-port', baseRaw);
  const aaiRaw = values['aai-port'] ?? env.FEDERATION_AAI_PORT;
  const fallbackAai = baseRaw === undefined ? AAI_DEFAULT_PORT : Math.max(basePort - 1, 0);
  const aaiPort = aaiRaw === undefined ? fallbackAai : port('--aai-port', aaiRaw);
  const extraNodes = Number(values['extra-nodes']);
  if (!Number.isInteger(extraNodes) || extraNodes < 0 || extraNodes > 200)
    throw new Error('--extra-nodes must be 0-200');
  let faultsJson: unknown;
  try {
    faultsJson = JSON.parse(values.faults);
  } catch {
    throw new Error('--faults must be JSON');
  }
  const faults = faultsSchema.parse(faultsJson);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed)) throw new Error('--seed must be an integer');
  return {
    aaiPort,
    basePort,
    profile,
    extraNodes,
    faults,
    seed,
    dataRoot: values['data-dir'],
    runDir: values['run-dir'] ?? env.FEDERATION_RUN_DIR,
    foreignNode: !values['no-foreign'],
    help: values.help,
  };
}
