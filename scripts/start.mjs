// `npm start`: Electron when its binary is available, else browser mode (issue 7), in one line of why.
// `npm run start:browser` passes --browser to go straight to browser mode. The embedded demo
// federation (federation/) starts first unless one already answers or COHORT_DESK_NO_FEDERATION=1.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
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

const children = [];
let stopping = false;
const stopAll = (signal) => {
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill(signal);
};
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopAll(signal);
    // Let the children shut down (the federation closes its ports and removes its run file) first.
    const running = children.filter((child) => child.exitCode === null);
    let left = running.length;
    if (left === 0) process.exit(0);
    for (const child of running) child.on('exit', () => --left === 0 && process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  });
}

const federationRunDir = process.env.FEDERATION_RUN_DIR || join(root, 'federation', '.run');
const federationLog = join(federationRunDir, 'federation.log');
const shown = (path) => (path.startsWith(root) ? relative(root, path) : path);

/** The short summary a newcomer needs (issue 14): what runs where and who can sign in. */
function describeFederation(info) {
  const width = Math.max(...info.accounts.map((a) => a.username.length));
  return [
    `Demo federation (loopback only; log: ${shown(federationLog)})`,
    `  sign-in broker  ${info.issuer}`,
    `  nodes           ${info.nodes.map((n) => `${n.id} :${new URL(n.beaconUrl).port}`).join('  ')}  (Beacon v2 + htsget)`,
    `  accounts (password for all: ${info.accounts[0]?.password ?? ''})`,
    ...info.accounts.map((a) => `    ${a.username.padEnd(width)}  ${a.description}`),
  ].join('\n');
}

/**
 * The embedded demo federation (federation/), unless one already answers or it is switched off.
 * Its output (progress, banner, JSON access logs) goes to its log file, never to this console.
 */
async function startDemoFederation() {
  if (process.env.COHORT_DESK_NO_FEDERATION === '1') return;
  const aaiPort = process.env.FEDERATION_AAI_PORT || '4400';
  if (aaiPort !== '0') {
    const issuer = `http://127.0.0.1:${aaiPort}/.well-known/openid-configuration`;
    const running = await fetch(issuer, { signal: AbortSignal.timeout(1000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (running) {
      console.log(`Demo federation already running on 127.0.0.1:${aaiPort}; using it.`);
      return;
    }
  }
  mkdirSync(federationRunDir, { recursive: true });
  const log = openSync(federationLog, 'w');
  console.log(`Starting the demo federation (the first start also generates its data)…`);
  const child = spawn(
    process.execPath,
    [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'federation/run.ts')],
    {
      stdio: ['ignore', 'pipe', log],
      env: { ...process.env, FEDERATION_RUN_DIR: federationRunDir },
    },
  );
  children.push(child);
  await new Promise((resolve) => {
    let text = '';
    let ready = false;
    child.stdout.on('data', (chunk) => {
      writeSync(log, chunk);
      if (ready) return;
      text += String(chunk);
      if (!text.includes('Press Ctrl+C to stop.')) return;
      ready = true;
      const infoFile = join(federationRunDir, 'federation.json');
      console.log(describeFederation(JSON.parse(readFileSync(infoFile, 'utf8'))));
      process.env.COHORT_DESK_FEDERATION_FILE ||= infoFile;
      resolve();
    });
    child.on('exit', (code) => {
      if (stopping) return;
      console.log(
        `The demo federation stopped (exit ${code}; see ${shown(federationLog)}); the app runs without it.`,
      );
      resolve();
    });
  });
}

function runApp(command, args) {
  const child = spawn(command, args, { stdio: 'inherit' });
  children.push(child);
  child.on('exit', (code) => {
    stopAll('SIGTERM');
    process.exit(code ?? 0);
  });
}

function startBrowserMode() {
  runApp(process.execPath, [join(root, 'out/server/index.js')]);
}

await startDemoFederation();
if (process.argv.includes('--browser')) {
  startBrowserMode();
} else {
  const found = electronBinary();
  if (found.exe === undefined) {
    console.log(`Electron not started: ${found.reason}; starting browser mode instead.`);
    startBrowserMode();
  } else {
    runApp(found.exe, [root]);
    console.log('Cohort Desk (Electron) started. Close its window or press Ctrl-C here to stop.');
  }
}
