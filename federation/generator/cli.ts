/**
 * `npm run federation:data -- [--profile small|large] [--seed N] [--root DIR]`: generates (or reuses)
 * the demo federation's data and prints progress and the per-node counts as JSON lines on stderr/stdout.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_ROOT_DIR, DEFAULT_SEED, ensureData } from './index';

const { values } = parseArgs({
  options: {
    profile: { type: 'string', default: 'small' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    root: { type: 'string', default: DEFAULT_ROOT_DIR },
  },
});
if (values.profile !== 'small' && values.profile !== 'large') {
  process.stderr.write('--profile must be small or large\n');
  process.exit(2);
}
const t0 = performance.now();
const seconds = (): number => Math.round(performance.now() - t0) / 1000;
const manifest = await ensureData({
  profile: values.profile,
  seed: Number(values.seed),
  rootDir: values.root,
  onProgress: (msg) => process.stderr.write(`${JSON.stringify({ t: seconds(), msg })}\n`),
});
process.stdout.write(`${JSON.stringify({ seconds: seconds(), ...manifest })}\n`);
