/**
 * The vault read of bench/vault-duckdb.ts, timed in a fresh process: the app's main process does
 * not hold millions of generated rows on its JS heap, and in the benchmark's own process each
 * 24 MB allocation paid for a full garbage collection of that heap (1.8 s instead of ~0.1 s).
 * Reads the sealed folder with the product's unwrapDataKey + readPart (decrypt, GCM verify,
 * sha256) and the plain file with readFileSync, alternately; prints the samples as JSON.
 * Run by bench/vault-duckdb.ts: npx tsx bench/vault-read-timing.ts <folder> <manifest.json> <plain>
 * with BENCH_MASTER_KEY (hex) in the environment.
 */
import { readFileSync } from 'node:fs';
import { readPart, unwrapDataKey } from '../electron/main/vault/datasetFolder';
import { VaultManifestSchema } from '../shared/vault/vault';

const [dir, manifestFile, plainFile] = process.argv.slice(2);
if (dir === undefined || manifestFile === undefined || plainFile === undefined)
  throw new Error('usage: readTiming.ts <folder> <manifest.json> <plain file>');
const manifest = VaultManifestSchema.parse(JSON.parse(readFileSync(manifestFile, 'utf8')));
const masterKey = Buffer.from(process.env.BENCH_MASTER_KEY ?? '', 'hex');
const user = { sub: 'bench', iss: 'http://bench' };
const vaultMs: number[] = [];
const plainMs: number[] = [];
for (let i = 0; i < 7; i++) {
  let t = performance.now();
  readPart(dir, manifest, 'database', unwrapDataKey(dir, user, manifest.datasetId, masterKey));
  vaultMs.push(performance.now() - t);
  t = performance.now();
  readFileSync(plainFile);
  plainMs.push(performance.now() - t);
}
process.stdout.write(`${JSON.stringify({ vaultMs, plainMs })}\n`);
