// `npm start`: Electron when its binary is available, else browser mode (issue 7), in one line of why.
// `npm run start:browser` passes --browser to go straight to browser mode.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

/** Returns the Electron executable, fetching it once if missing; undefined when it cannot be had. */
function electronBinary() {
  if (process.env.COHORT_DESK_NO_ELECTRON === '1') return { reason: 'COHORT_DESK_NO_ELECTRON=1' };
  let pkgDir;
  try {
    pkgDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { reason: 'the electron package is not installed' };
  }
  const located = () => {
    const pathFile = join(pkgDir, 'path.txt');
    if (!existsSync(pathFile)) return undefined;
    const exe = join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(exe) ? exe : undefined;
  };
  let exe = located();
  if (exe === undefined && process.env.COHORT_DESK_SKIP_ELECTRON_DOWNLOAD !== '1') {
    // Electron 45 downloads its binary on first use; on closed networks this fails fast.
    const result = spawnSync(process.execPath, [join(pkgDir, 'install.js')], {
      stdio: 'ignore',
      timeout: 180_000,
    });
    if (result.status === 0) exe = located();
  }
  return exe === undefined
    ? { reason: 'the Electron binary is not available on this machine' }
    : { exe };
}

function startBrowserMode() {
  const child = spawn(process.execPath, [join(root, 'out/server/index.js')], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}

if (process.argv.includes('--browser')) {
  startBrowserMode();
} else {
  const found = electronBinary();
  if (found.exe === undefined) {
    console.log(`Electron not started: ${found.reason}; starting browser mode instead.`);
    startBrowserMode();
  } else {
    const child = spawn(found.exe, [root], { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
  }
}
