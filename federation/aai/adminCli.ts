/**
 * Admin CLI for the running demo broker: `npm run federation:admin -- grant|revoke|expire <username> <datasetId>
 * [--expires-in <seconds>]`. Reads the admin URL and secret from federation/.run/federation.json (or the file
 * named by FEDERATION_INFO).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ADMIN_ACTIONS, type AdminAction } from './admin';

const USAGE =
  'usage: federation:admin -- grant|revoke|expire <username> <datasetId> [--expires-in <seconds>]\n';
const DEFAULT_INFO = fileURLToPath(new URL('../.run/federation.json', import.meta.url));

const info = z.object({
  issuer: z.string(),
  adminUrl: z.string().optional(),
  adminSecret: z.string(),
});

function fail(message: string, code = 2): never {
  process.stderr.write(message.endsWith('\n') ? message : `${message}\n`);
  process.exit(code);
}

/** Parses `action username datasetId [--expires-in N]`. */
export function parseAdminArgs(argv: readonly string[]): {
  action: AdminAction;
  username: string;
  datasetId: string;
  expiresInSec?: number;
} {
  const [action, username, datasetId, flag, value, ...rest] = argv;
  if (
    !ADMIN_ACTIONS.includes(action as AdminAction) ||
    username === undefined ||
    datasetId === undefined
  ) {
    throw new Error(USAGE);
  }
  if (rest.length > 0 || (flag !== undefined && (flag !== '--expires-in' || action !== 'grant')))
    throw new Error(USAGE);
  const base = { action: action as AdminAction, username, datasetId };
  if (flag === undefined) return base;
  const expiresInSec = Number(value);
  if (!Number.isInteger(expiresInSec) || expiresInSec <= 0)
    throw new Error('--expires-in needs a positive integer\n');
  return { ...base, expiresInSec };
}

async function main(): Promise<void> {
  let args: ReturnType<typeof parseAdminArgs>;
  try {
    args = parseAdminArgs(process.argv.slice(2));
  } catch (err) {
    fail((err as Error).message);
  }
  const infoFile = process.env['FEDERATION_INFO'] ?? DEFAULT_INFO;
  let parsed: z.infer<typeof info>;
  try {
    parsed = info.parse(JSON.parse(await readFile(infoFile, 'utf8')));
  } catch {
    fail(`cannot read ${infoFile}: is the federation running (npm run federation)?`, 1);
  }
  const { action, ...body } = args;
  const url = `${parsed.adminUrl ?? `${parsed.issuer}/admin`}/${action}`;
  const res = await fetch(url, {
    method: 'POST',
    headers: { Authorization: `Bearer ${parsed.adminSecret}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) fail(`${action} failed: HTTP ${String(res.status)} ${text}`, 1);
  process.stdout.write(`${action} ${args.username} ${args.datasetId}: ok\n`);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main();
}
