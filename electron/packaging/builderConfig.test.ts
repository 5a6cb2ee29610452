import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { packagedResource } from '../main/platform/resources';
import { checksumAndSign } from '../../scripts/checksums.mjs';
import { signingStatus } from '../../scripts/signingStatus.mjs';

const root = join(import.meta.dirname, '..', '..');
const text = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
const config = parse(text) as Record<string, Record<string, unknown>>;

describe('issue 21: installers per OS (electron-builder.yml)', () => {
  it('is valid against electron-builder’s own configuration schema', () => {
    const schema = JSON.parse(
      readFileSync(join(root, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8'),
    ) as object;
    const validate = new Ajv({ strict: false, allowUnionTypes: true }).compile(schema);
    expect(validate(config), JSON.stringify(validate.errors, null, 1)).toBe(true);
  });

  it('has every target, per machine, with the stable MSI upgrade code and a pinned publisher', () => {
    expect(config.win?.target).toEqual(['nsis', 'msi']);
    expect(config.nsis).toMatchObject({
      perMachine: true,
      include: 'resources/installer/uninstall.nsh',
    });
    // Never change this code: Windows Installer finds the versions to upgrade by it.
    expect(config.msi).toMatchObject({
      perMachine: true,
      upgradeCode: 'b001af71-8568-460f-b770-f287c508fee9',
    });
    expect(config.win?.signtoolOptions).toMatchObject({
      publisherName: ['Cohort Desk developers'],
    });
    expect(config.mac).toMatchObject({
      hardenedRuntime: true,
      notarize: true,
      target: ['dmg', 'zip'],
    });
    expect(config.linux?.target).toEqual(['AppImage', 'deb', 'rpm']);
    expect(config.deb).toMatchObject({ afterRemove: 'resources/installer/linux-after-remove.sh' });
    expect(config.rpm).toMatchObject({ afterRemove: 'resources/installer/linux-after-remove.sh' });
  });

  it('holds no credential', () => {
    expect(text).not.toMatch(
      /BEGIN [A-Z ]*PRIVATE KEY|certificatePassword|cscKeyPassword|password\s*:|secret\s*:/i,
    );
  });
});

describe('issue 21: the packaged app ships what main reads at run time', () => {
  it('copies resources/genome and resources/knowledge beside the asar, where packagedResource finds them', () => {
    const extra = config.extraResources as unknown as { from: string; to: string }[];
    for (const name of ['genome', 'knowledge']) {
      expect(extra).toContainEqual({ from: `resources/${name}`, to: name });
      expect(readdirSync(join('resources', name)).length).toBeGreaterThan(0);
    }
    const proc = process as { resourcesPath?: string };
    expect(packagedResource('genome')).toBeUndefined();
    proc.resourcesPath = join('opt', 'Cohort Desk', 'resources');
    try {
      expect(packagedResource('genome')).toBe(join('opt', 'Cohort Desk', 'resources', 'genome'));
    } finally {
      delete proc.resourcesPath;
    }
  });
});

describe('issue 21: unsigned builds say so', () => {
  it('names what is missing per OS, and is signed only with a complete set of credentials', () => {
    expect(signingStatus('linux', {})).toMatchObject({ signed: false, missing: ['GPG_KEY_ID'] });
    expect(signingStatus('linux', {}).message).toMatch(
      /^UNSIGNED BUILD \(linux\): GPG_KEY_ID not set/,
    );
    expect(signingStatus('darwin', { CSC_LINK: 'x', CSC_KEY_PASSWORD: 'y' }).message).toMatch(
      /APPLE_API_KEY, APPLE_API_KEY_ID, APPLE_API_ISSUER not set.*not signed or notarized/,
    );
    expect(signingStatus('win32', { WIN_CSC_LINK: 'x', WIN_CSC_KEY_PASSWORD: 'y' })).toMatchObject({
      signed: true,
    });
  });
});

describe('issue 21: SHA-256 sums and detached GPG signatures of the artefacts', () => {
  const release = mkdtempSync(join(tmpdir(), 'cd-release-'));
  writeFileSync(join(release, 'Cohort-Desk-0.1.0.AppImage'), 'appimage bytes');
  writeFileSync(join(release, 'cohort-desk_0.1.0_amd64.deb'), 'deb bytes');
  writeFileSync(join(release, 'latest-linux.yml'), 'version: 0.1.0\n');
  writeFileSync(join(release, 'builder-debug.yml'), 'not an artefact');

  it('without a key: sums only (checkable with sha256sum -c), and unsigned', () => {
    const result = checksumAndSign(release, {});
    expect(result.signed).toBe(false);
    const sums = readFileSync(join(release, 'SHA256SUMS'), 'utf8');
    expect(
      sums
        .trim()
        .split('\n')
        .map((l) => l.slice(66)),
    ).toEqual(['Cohort-Desk-0.1.0.AppImage', 'cohort-desk_0.1.0_amd64.deb', 'latest-linux.yml']);
    expect(
      execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: release, encoding: 'utf8' }),
    ).toContain('Cohort-Desk-0.1.0.AppImage: OK');
  });

  it('with GPG_KEY_ID: every artefact and the sums get a signature that gpgv verifies', () => {
    const home = mkdtempSync(join(tmpdir(), 'cd-gpg-'));
    const gpg = (...args: string[]) =>
      execFileSync('gpg', ['--homedir', home, '--batch', '--quiet', ...args], { encoding: 'utf8' });
    gpg(
      '--passphrase',
      '',
      '--quick-gen-key',
      'Release <release@example.org>',
      'ed25519',
      'sign',
      'never',
    );
    const keyId = /fpr:+([0-9A-F]{40}):/.exec(gpg('--with-colons', '--list-secret-keys'))![1]!;
    const result = checksumAndSign(release, { GPG_KEY_ID: keyId, GNUPGHOME: home });
    expect(result.signed).toBe(true);
    expect(result.files.map((f) => f.slice(release.length + 1))).toEqual([
      'SHA256SUMS',
      'Cohort-Desk-0.1.0.AppImage.asc',
      'cohort-desk_0.1.0_amd64.deb.asc',
      'latest-linux.yml.asc',
      'SHA256SUMS.asc',
    ]);
    const keyring = join(home, 'release.gpg');
    writeFileSync(keyring, execFileSync('gpg', ['--homedir', home, '--export', keyId]));
    for (const name of ['Cohort-Desk-0.1.0.AppImage', 'SHA256SUMS'])
      execFileSync('gpgv', ['--homedir', home, '--keyring', keyring, `${name}.asc`, name], {
        cwd: release,
        stdio: 'pipe',
      });
  });
});

describe('issue 21: the electron-builder hooks, loaded as electron-builder loads them', () => {
  const load = async (name: string): Promise<(arg: unknown) => unknown> => {
    const { resolveFunction } = (await import('app-builder-lib/out/util/resolve.js')) as {
      resolveFunction: (t: string, f: unknown, n: string, root: string) => Promise<unknown>;
    };
    return (await resolveFunction(name, config[name], name, root)) as (arg: unknown) => unknown;
  };

  it('afterAllArtifactBuild writes SHA256SUMS and, without credentials, UNSIGNED.txt saying so', async () => {
    const hook = await load('afterAllArtifactBuild');
    const outDir = mkdtempSync(join(tmpdir(), 'cd-out-'));
    writeFileSync(join(outDir, 'Cohort-Desk-0.1.0.AppImage'), 'bytes');
    // A build machine without signing credentials.
    const saved = process.env;
    process.env = Object.fromEntries(
      Object.entries(saved).filter(([k]) => !/^(GPG_|CSC_|WIN_CSC_|APPLE_|AZURE_)/.test(k)),
    );
    try {
      expect(hook({ outDir })).toEqual([join(outDir, 'SHA256SUMS')]);
    } finally {
      process.env = saved;
    }
    expect(readFileSync(join(outDir, 'UNSIGNED.txt'), 'utf8')).toMatch(/^UNSIGNED BUILD \(linux\)/);
  });

  it('afterSign refuses a packaged app whose fuses were not flipped', async () => {
    const hook = await load('afterSign');
    const appOutDir = mkdtempSync(join(tmpdir(), 'cd-unpacked-'));
    const sentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
    writeFileSync(
      join(appOutDir, 'cohort-desk'),
      Buffer.concat([
        Buffer.from(sentinel),
        Buffer.from([1, 9, 49, 48, 49, 49, 48, 48, 48, 49, 49]),
      ]),
    );
    const context = {
      appOutDir,
      electronPlatformName: 'linux',
      packager: { appInfo: { productFilename: 'Cohort Desk' }, executableName: 'cohort-desk' },
    };
    await expect(hook(context)).rejects.toThrow(/RunAsNode is on, expected off/);
  });
});
