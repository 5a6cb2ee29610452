// `npm run conformance`: checks that need ../shared (official GA4GH schemas, reference corpora).
// Without ../shared it says so and exits 0; `.ci/run` calls it only when ../shared exists.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const shared =
  process.env.COHORT_DESK_SHARED ?? fileURLToPath(new URL('../../shared', import.meta.url));
if (!existsSync(`${shared}/specs`)) {
  console.log(
    `Conformance checks skipped: ${shared} (the shared reference material) is not present.`,
  );
  process.exit(0);
}
const result = spawnSync('npx', ['vitest', 'run', '--project', 'conformance'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, COHORT_DESK_SHARED: shared },
});
process.exit(result.status ?? 1);
