// Reads the fuses back from a packaged Electron binary with @electron/fuses and fails on any
// difference from the production profile (STANDARDS 5.2, issue 21). `npm run fuses:check -- <path>`
// (the .exe, the Linux executable or the .app); electron-builder runs it after signing (afterSign).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The wire's state bytes ('0', '1', 'r'): @electron/fuses keeps its FuseState out of its exports. */
export const FuseState = { DISABLE: 48, ENABLE: 49, REMOVED: 114 };

/** electron-builder's `electronFuses` keys, by wire index (FuseV1Options). */
export const BUILDER_KEYS = {
  [FuseV1Options.RunAsNode]: 'runAsNode',
  [FuseV1Options.EnableCookieEncryption]: 'enableCookieEncryption',
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: 'enableNodeOptionsEnvironmentVariable',
  [FuseV1Options.EnableNodeCliInspectArguments]: 'enableNodeCliInspectArguments',
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: 'enableEmbeddedAsarIntegrityValidation',
  [FuseV1Options.OnlyLoadAppFromAsar]: 'onlyLoadAppFromAsar',
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: 'loadBrowserProcessSpecificV8Snapshot',
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: 'grantFileProtocolExtraPrivileges',
};

/**
 * The production profile, fuse by wire index: what electron-builder.yml sets, and Electron's defaults
 * for the two it leaves alone (index 6: V8 snapshot off; index 8: WebAssembly trap handlers on, which
 * @electron/fuses 1.8 does not name yet; STANDARDS 5.2 keeps it on for duckdb-wasm).
 */
export function expectedFuses(builderYml = join(root, 'electron-builder.yml')) {
  const config = parse(readFileSync(builderYml, 'utf8'));
  const fuses = config.electronFuses ?? {};
  const expected = { 6: false, 8: true };
  for (const [index, key] of Object.entries(BUILDER_KEYS)) {
    if (typeof fuses[key] === 'boolean') expected[index] = fuses[key];
  }
  return expected;
}

const NAMES = { ...FuseV1Options, 8: 'WasmTrapHandlers' };
const label = (index) => NAMES[index] ?? `fuse #${index}`;
const show = (state) =>
  state === FuseState.ENABLE
    ? 'on'
    : state === FuseState.DISABLE
      ? 'off'
      : state === FuseState.REMOVED
        ? 'removed'
        : `byte ${state}`;

/** Every difference between the binary's fuses and the expected ones, in plain words. */
export async function checkFuses(binary, expected = expectedFuses()) {
  if (!existsSync(binary)) return [`${binary} does not exist`];
  const wire = await getCurrentFuseWire(binary);
  if (wire.version !== '1') return [`${binary}: fuse wire version ${wire.version}, expected 1`];
  const problems = [];
  const indices = Object.keys(wire)
    .filter((k) => k !== 'version')
    .map(Number);
  for (const index of indices) {
    const state = wire[index];
    const want = expected[index];
    if (want === undefined) {
      problems.push(
        `${label(index)} (#${index}) is new in this Electron: decide its production state (STANDARDS 5.2) and add it`,
      );
      continue;
    }
    if (state === FuseState.REMOVED) continue;
    if (state !== (want ? FuseState.ENABLE : FuseState.DISABLE))
      problems.push(`${label(index)} is ${show(state)}, expected ${want ? 'on' : 'off'}`);
  }
  for (const index of Object.keys(expected).map(Number))
    if (!indices.includes(index) && index < 8)
      problems.push(`${label(index)} is missing from the binary's fuse wire`);
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const binaries = process.argv.slice(2);
  if (binaries.length === 0) {
    console.error('Usage: npm run fuses:check -- <packaged app binary or .app> [...]');
    process.exit(2);
  }
  let failed = false;
  for (const binary of binaries) {
    const problems = await checkFuses(binary);
    if (problems.length === 0) console.log(`${binary}: fuses match the production profile.`);
    for (const p of problems) console.error(`${binary}: ${p}`);
    failed ||= problems.length > 0;
  }
  process.exit(failed ? 1 : 0);
}
